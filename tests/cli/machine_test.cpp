// The machine's errors with their own exit codes: output that cannot be written (74, and a write
// is then not committed), a lock met while opening (75), a corrupt file under a write (69).

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::CztCounts;
using plantrack::testing::RunCli;

namespace {

using Czt = plantrack::testing::CztFile;

// A stream whose every write fails, as stdout does on a full disk or /dev/full.
class FailingBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type) override { return traits_type::eof(); }
  std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
};

}  // namespace

TEST_CASE("machine: output that cannot be written is exit 74, and a write is not committed",
          "[cli]") {
  Czt czt;
  FailingBuffer buffer;
  std::ostream broken(&buffer);
  std::ostringstream err;
  const auto env = plantrack::testing::TestEnvironment();
  CHECK(plantrack::cli::Run({"--db", czt.db, "status"}, env, broken, err) == 74);
  CHECK_THAT(err.str(), Catch::Contains("cannot write the output"));
  std::ostream broken_too(&buffer);
  CHECK(plantrack::cli::Run({"--db", czt.db, "--as", "zhuzhou", "log", "T3.07", "--percent", "55"},
                            env, broken_too, err) == 74);
  CHECK(czt.Count("progress_log") == CztCounts::kProgress);
  CHECK(czt.Count("journal") == 1);  // init's
}

TEST_CASE("machine: a lock met while opening the file is busy (75), not corrupt", "[cli]") {
  Czt czt;
  SQLite::Database other(czt.db, SQLite::OPEN_READWRITE);
  other.exec("PRAGMA locking_mode = EXCLUSIVE");
  other.exec("BEGIN EXCLUSIVE");  // another program holding the file, readers included
  auto env = plantrack::testing::TestEnvironment();
  env.busy_timeout_ms = 20;
  for (std::vector<std::string> args : {std::vector<std::string>{"status"},
                                        {"info"},
                                        {"--as", "zhuzhou", "log", "T3.07", "--percent", "55"}}) {
    INFO(args[0]);
    args.insert(args.begin(), {"--db", czt.db});
    auto result = RunCli(args, env);
    CHECK(result.code == 75);
    CHECK_THAT(result.err, Catch::Contains("busy") || Catch::Contains("locked"));
  }
  other.exec("COMMIT");
}

TEST_CASE("machine: corruption met by a writing command is 69 and writes nothing", "[cli]") {
  Czt czt;
  int page_size = 0, root = 0;
  {
    SQLite::Database raw(czt.db, SQLite::OPEN_READONLY);
    page_size = raw.execAndGet("PRAGMA page_size").getInt();
    root =
        raw.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = 'progress_log'").getInt();
  }
  {
    std::fstream file(czt.db, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(root - 1) * page_size);
    const std::string garbage(static_cast<size_t>(page_size), '\x5a');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  auto log = czt.Run({"--as", "zhuzhou", "log", "T3.07", "--percent", "55"});
  CHECK(log.code == 69);
  CHECK_THAT(log.err, Catch::Contains("corrupt"));
  CHECK(czt.Count("journal") == 1);
}

TEST_CASE("machine: an import file that cannot be read is one I/O error (74)", "[cli]") {
  Czt czt;
  // Reading /proc/self/mem from its start fails with EIO: a device error, deterministically.
  auto result = czt.Run({"--as", "hunan-drc", "import", "/proc/self/mem"});
  CHECK(result.code == 74);
  CHECK_THAT(result.err, Catch::StartsWith("error: /proc/self/mem: cannot read the file"));
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  CHECK(czt.Count("journal") == 1);
}
