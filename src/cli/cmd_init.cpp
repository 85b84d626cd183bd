// `plantrack init`: creates the database file, or migrates an existing one, and loads a data
// set. The new file is built beside the target and renamed over it, so a failed load or a
// rebuild with --force never leaves a half-written plan behind.

#include <fmt/format.h>

#include <filesystem>
#include <functional>

#include "cli/commands.h"
#include "store/embedded.h"
#include "store/fixture_loader.h"
#include "store/journal.h"
#include "store/migrations.h"
#include "store/packet_receive.h"
#include "store/plan_queries.h"
#include "store/replica.h"

namespace plantrack::cli {
namespace {

namespace fs = std::filesystem;

void RemoveWithSidecars(const fs::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(path.string() + suffix, ignored);
  }
}

// Creates `path` from nothing: the schema, an init journal row saying `detail`, then `load`,
// all in one transaction.
Status Build(const fs::path& path, const Context& context, const std::string& detail,
             const std::function<Status(store::Connection&, int64_t journal)>& load) {
  store::OpenOptions options = context.open;
  options.mode = store::OpenMode::kCreate;
  Result<store::Connection> connection = store::Connection::Open(path.string(), options);
  if (!connection.ok()) return connection.status();
  return connection->CommandTransaction([&] {
    store::JournalEntry entry;
    entry.recorded_at = context.now_utc;
    entry.command = context.command_line;
    entry.detail = detail;
    entry.kind = "init";
    const int64_t journal = connection->AppendJournal(entry);
    return load(*connection, journal);
  });
}

Status LoadFixture(store::Connection& connection, int64_t journal, const std::string& fixture,
                   const Context& context, store::LoadCounts& counts) {
  if (fixture == "none") return Status::Ok();
  Result<store::LoadCounts> loaded =
      store::LoadPlanFiles(connection, store::CztFixtureFiles(), journal, context.now_utc,
                           domain::FormatIsoDate(context.today));
  if (!loaded.ok()) return loaded.status();
  counts = loaded.value();
  return Status::Ok();
}

// A replica of the master's published packet, for the unit --as names.
Status LoadReplica(store::Connection& connection, const store::PacketReader& packet,
                   const Context& context, std::string& summary) {
  Result<store::ReceiveCounts> counts = store::ReceivePacket(
      connection, packet, {{}, true, context.now_utc, domain::FormatIsoDate(context.today)});
  if (!counts.ok()) return counts.status();
  auto unit = store::FindUnit(connection, *context.acting_unit);
  if (!unit) {
    return Status::BadData(
        fmt::format("unit {} is not in the published plan (see its units)", *context.acting_unit));
  }
  const store::PacketHeader& header = packet.header();
  store::SaveReplica(connection, {*unit, header.plan, header.public_key, header.structure_version});
  summary = fmt::format("a replica for {} of {}'s packet {} (structure version {}): {} records",
                        unit->slug, header.unit, packet.hash().substr(0, 12),
                        header.structure_version, counts->applied);
  return Status::Ok();
}

}  // namespace

void DescribeInit(po::options_description& options, po::positional_options_description&) {
  options.add_options()("from", po::value<std::string>()->value_name("PACKET"),
                        "make a replica of the master's published packet, for the unit --as names")(
      "fixture", po::value<std::string>()->value_name("NAME")->default_value("czt"),
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
    Result<store::Connection> existing = store::Connection::Open(path.string(), context.open);
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
  std::string replica;
  Status built;
  if (args.count("from")) {
    if (!context.acting_unit) {
      return Status::Usage("init --from: which unit is this replica for? give --as UNIT");
    }
    Result<store::PacketReader> packet = store::PacketReader::Open(args["from"].as<std::string>());
    if (!packet.ok()) return packet.status();
    if (packet->header().kind != "publish") {
      return Status::BadData(
          fmt::format("init --from {}: a replica is made from the master's "
                      "published packet, not a sent one",
                      packet->path()));
    }
    built = Build(building, context, "replica of packet " + packet->hash(),
                  [&](store::Connection& connection, int64_t) {
                    return LoadReplica(connection, *packet, context, replica);
                  });
  } else {
    built = Build(building, context, "fixture " + fixture,
                  [&](store::Connection& connection, int64_t journal) {
                    return LoadFixture(connection, journal, fixture, context, counts);
                  });
  }
  if (!built.ok()) {
    RemoveWithSidecars(building);
    return built;
  }
  // The old file's WAL must not be replayed into the new one.
  RemoveWithSidecars(path);
  fs::rename(building, path);
  if (!context.quiet && !replica.empty()) {
    context.out << context.Say(fmt::format("initialised {} as {}\n", path.string(), replica));
  } else if (!context.quiet) {
    // What was loaded, table by table: "1 plan, 6 task_areas" or "规划 1、任务领域 6".
    const bool zh = context.lang == Lang::kZh;
    std::string loaded;
    for (const auto& [file, rows] : counts) {
      const std::string_view table = std::string_view(file).substr(0, file.size() - 4);
      if (!loaded.empty()) loaded += zh ? "、" : ", ";
      loaded += report::Phrase(zh, "{} {}", "{1} {0}", rows, report::WordIn(zh, table, "key"));
    }
    context.out << context.Say(fmt::format("initialised {} (schema version {}, data set {}{}{})\n",
                                           path.string(), store::LatestSchemaVersion(), fixture,
                                           loaded.empty() ? ""
                                           : zh           ? "："
                                                          : ": ",
                                           loaded));
  }
  return Status::Ok();
}

extern const CommandSpec kInitCommand{
    .name = "init",
    .usage = "[--fixture czt|none] [--force] | --from PACKET --as UNIT",
    .summary = "create the database file (or migrate it) and load the CZT plan",
    .summary_zh = "创建数据库文件（或迁移已有文件）并载入长株潭规划",
    .access = Access::kCreate,
    .check_integrity = true,
    .describe = DescribeInit,
    .run = RunInit,
};

}  // namespace plantrack::cli
