// `plantrack init`: creates the database file, or migrates an existing one, and loads a data
// set. The new file is built beside the target and renamed over it, so a failed load or a
// rebuild with --force never leaves a half-written plan behind.

#include <fmt/format.h>

#include <filesystem>

#include "cli/commands.h"
#include "store/embedded.h"
#include "store/fixture_loader.h"
#include "store/journal.h"
#include "store/migrations.h"
#include "store/plan_queries.h"

namespace plantrack::cli {
namespace {

namespace fs = std::filesystem;

void RemoveWithSidecars(const fs::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(path.string() + suffix, ignored);
  }
}

// Creates `path` from nothing: schema, then the data set, in one transaction.
Status Build(const fs::path& path, const std::string& fixture, const Context& context,
             store::LoadCounts& counts) {
  store::OpenOptions options;
  options.mode = store::OpenMode::kCreate;
  Result<store::Connection> connection = store::Connection::Open(path.string(), options);
  if (!connection.ok()) return connection.status();
  return connection->WriteTransaction([&] {
    store::JournalEntry entry;
    entry.recorded_at = context.now_utc;
    entry.command = context.command_line;
    entry.detail = "fixture " + fixture;
    entry.kind = "init";
    const int64_t journal = store::AppendJournal(connection->db(), entry);
    if (fixture == "none") return Status::Ok();
    Result<store::LoadCounts> loaded =
        store::LoadPlanFiles(*connection, store::CztFixtureFiles(), journal, context.now_utc,
                             domain::FormatIsoDate(context.today));
    if (!loaded.ok()) return loaded.status();
    counts = loaded.value();
    return Status::Ok();
  });
}

}  // namespace

void DescribeInit(po::options_description& options, po::positional_options_description&) {
  options.add_options()("fixture",
                        po::value<std::string>()->value_name("NAME")->default_value("czt"),
                        "data to load: czt (the CZT plan) or none (an empty plan)")(
      "force", "rebuild an initialised file from scratch (its progress entries are lost)");
}

Status RunInit(Context& context, const po::variables_map& args) {
  const std::string fixture = args["fixture"].as<std::string>();
  if (fixture != "czt" && fixture != "none") {
    return Status::Usage(fmt::format("--fixture {} is not czt or none", fixture));
  }
  const fs::path path = context.db_path;
  if (fs::exists(path) && fs::file_size(path) > 0) {
    // Opening checks the file and applies pending migrations; a newer or foreign file is refused.
    store::OpenOptions options;
    options.verify_integrity = true;
    Result<store::Connection> existing = store::Connection::Open(path.string(), options);
    if (!existing.ok()) return existing.status();
    if (!args.count("force")) {
      return Status::BadData(
          fmt::format("{} is already initialised (schema version {}); use --force to rebuild it",
                      path.string(), store::SchemaVersion(*existing)));
    }
  }
  const fs::path building = path.string() + ".init-tmp";
  RemoveWithSidecars(building);
  store::LoadCounts counts;
  Status built = Build(building, fixture, context, counts);
  if (!built.ok()) {
    RemoveWithSidecars(building);
    return built;
  }
  // The old file's WAL must not be replayed into the new one.
  RemoveWithSidecars(path);
  fs::rename(building, path);
  if (!context.quiet) {
    std::string loaded;
    for (const auto& [file, rows] : counts) {
      loaded +=
          fmt::format("{}{} {}", loaded.empty() ? "" : ", ", rows, file.substr(0, file.size() - 4));
    }
    context.out << fmt::format("initialised {} (schema version {}, data set {}{}{})\n",
                               path.string(), store::LatestSchemaVersion(), fixture,
                               loaded.empty() ? "" : ": ", loaded);
  }
  return Status::Ok();
}

}  // namespace plantrack::cli
