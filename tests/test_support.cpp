#include "test_support.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace plantrack::testing {

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("plantrack-test-" + std::to_string(random()) + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

store::Connection MemoryStore(const char* sql) {
  store::OpenOptions options;
  options.mode = store::OpenMode::kCreate;
  auto connection = store::Connection::Open(":memory:", options);
  if (!connection.ok()) throw std::runtime_error(connection.status().message());
  connection->db().exec(sql);
  return std::move(connection.value());
}

cli::Environment TestEnvironment() {
  cli::Environment env;
  env.today = *domain::ParseIsoDate("2026-11-28");
  env.now_utc = "2026-11-28T10:00:00Z";
  return env;
}

CliResult RunCli(const std::vector<std::string>& args, const cli::Environment& env) {
  std::ostringstream out, err;
  int code = cli::Run(args, env, out, err);
  return {code, out.str(), err.str()};
}

CztFile::CztFile() {
  CliResult init = RunCli({"--db", db, "--quiet", "init"});
  if (init.code != 0) throw std::runtime_error("init failed: " + init.err);
}

CliResult CztFile::Run(std::vector<std::string> args) const {
  args.insert(args.begin(), {"--db", db});
  return RunCli(args);
}

int64_t CztFile::Count(const char* table) const {
  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  return raw.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

nlohmann::json CztFile::History(const std::string& code) const {
  return ListingRows(Run({"--format", "json", "history", code}).out);
}

nlohmann::json ListingRows(const std::string& out) {
  nlohmann::json parsed = nlohmann::json::parse(out);
  const bool wrapped = parsed.is_object() && parsed.size() == 2 && parsed.contains("rows") &&
                       parsed.contains("record");
  return wrapped ? parsed["rows"] : parsed;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace plantrack::testing
