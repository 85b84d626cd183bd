// A few runs of the built binary as a user would type them: exit codes and output through a
// real process, a real file and the real environment variables.

#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "store/migrations.h"
#include "test_support.h"

using plantrack::testing::ReadFile;
using plantrack::testing::TempDir;

namespace {

struct Process {
  int code;
  std::string out;
  std::string err = {};
};

Process Shell(const TempDir& dir, const std::string& command) {
  const std::string out = dir.File("stdout");
  int status = std::system((command + " >" + out + " 2>" + dir.File("stderr")).c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(out),
          ReadFile(dir.File("stderr"))};
}

std::string Binary() { return PLANTRACK_BINARY; }

int64_t Count(const std::string& db, const char* table) {
  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  return raw.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

// Runs `command` with files limited to `blocks` of 512 bytes: a write past that fails (EFBIG)
// as it would on a full disk. SIGXFSZ is ignored so that the write returns the error.
std::string WithFileLimit(int blocks, const std::string& command) {
  return "sh -c 'trap \"\" XFSZ; ulimit -f " + std::to_string(blocks) + "; exec " + command + "'";
}

// The files left in `folder`, by name.
std::vector<std::string> Listing(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  if (!std::filesystem::exists(folder)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  return names;
}

}  // namespace

TEST_CASE("e2e: the binary initialises a file named by $PLANTRACK_DB and reports on it", "[e2e]") {
  TempDir dir;
  const std::string env = "PLANTRACK_DB=" + dir.File("p.db") + " " PLANTRACK_BINARY;
  CHECK(Shell(dir, env + " init --fixture none").code == 0);
  auto info = Shell(dir, env + " info --format json");
  REQUIRE(info.code == 0);
  CHECK(nlohmann::json::parse(info.out)["schema_version"] ==
        plantrack::store::LatestSchemaVersion());
  CHECK(Shell(dir, env + " satus").code == 64);
  CHECK(Shell(dir, std::string(PLANTRACK_BINARY) + " --db " + dir.File("missing.db") + " info")
            .code == 66);
}

TEST_CASE("e2e: output to a full device exits 74 and a write is then not recorded", "[e2e]") {
  TempDir dir;
  const std::string db = dir.File("p.db");
  REQUIRE(Shell(dir, Binary() + " --db " + db + " --quiet init").code == 0);
  for (const char* command : {" status", " --format json export", " history T2.03"}) {
    INFO(command);
    const std::string full = Binary() + " --db " + db + command + " >/dev/full";
    const int status = std::system((full + " 2>" + dir.File("err")).c_str());
    CHECK(WEXITSTATUS(status) == 74);
    CHECK_THAT(ReadFile(dir.File("err")), Catch::StartsWith("error: cannot write the output"));
  }
  const std::string log = Binary() + " --db " + db +
                          " --as hunan-transport log T2.03 --percent 90 >/dev/full 2>/dev/null";
  CHECK(WEXITSTATUS(std::system(log.c_str())) == 74);
  CHECK(Count(db, "progress_log") == plantrack::testing::CztCounts::kProgress);
}

TEST_CASE("e2e: export on a full disk exits 74 and leaves no file, not even an empty one",
          "[e2e]") {
  TempDir dir;
  const std::string db = dir.File("p.db");
  REQUIRE(Shell(dir, Binary() + " --db " + db + " --quiet init").code == 0);
  // Held open so that SQLite's -shm file (32 KiB) exists before the limit applies.
  SQLite::Database holder(db, SQLite::OPEN_READONLY);
  REQUIRE(holder.execAndGet("SELECT count(*) FROM progress_log").getInt() > 0);
  for (const char* format : {"csv", "json"}) {
    INFO(format);
    const std::string out = dir.File(std::string("out-") + format);
    auto result = Shell(dir, WithFileLimit(80, Binary() + " --db " + db + " --format " + format +
                                                   " export --out " + out));
    CHECK(result.code == 74);
    CHECK_THAT(result.err, Catch::Contains("cannot write"));
    CHECK(Listing(out).empty());
  }
  // With room, the same export is whole.
  auto whole = Shell(dir, Binary() + " --db " + db + " export --out " + dir.File("room"));
  CHECK(whole.code == 0);
  CHECK(Listing(dir.File("room")).size() == 11);  // the ten kinds and record.json
}

TEST_CASE("e2e: a full disk during an import is one I/O error, not a problem per row", "[e2e]") {
  TempDir dir;
  const std::string czt = dir.File("czt.db"), empty = dir.File("empty.db");
  REQUIRE(Shell(dir, Binary() + " --db " + czt + " --quiet init").code == 0);
  REQUIRE(
      Shell(dir, Binary() + " --db " + czt + " --format json export --out " + dir.path().string())
          .code == 0);
  REQUIRE(Shell(dir, Binary() + " --db " + empty + " --quiet init --fixture none").code == 0);
  const int64_t journal = Count(empty, "journal");
  auto result = Shell(dir, WithFileLimit(64, Binary() + " --db " + empty + " import " +
                                                 dir.File("plantrack.json")));
  CHECK(result.code == 74);
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  CHECK_THAT(result.err, !Catch::Contains("problem"));
  CHECK(Count(empty, "journal") == journal);
  CHECK(Count(empty, "unit") == 0);
}

TEST_CASE("e2e: a read-only file or folder still serves reports; writes exit 73", "[e2e]") {
  if (::geteuid() != 0) {
    WARN("needs root to run the binary as another user (setpriv); skipped");
    return;
  }
  TempDir dir;
  const std::filesystem::path folder = dir.path() / "ro";
  std::filesystem::create_directory(folder);
  const std::string db = (folder / "p.db").string();
  REQUIRE(Shell(dir, Binary() + " --db " + db + " --quiet init").code == 0);
  std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all |
                                               std::filesystem::perms::group_exec |
                                               std::filesystem::perms::others_exec);
  const std::string nobody =
      "setpriv --reuid=65534 --regid=65534 --clear-groups " + Binary() + " --db " + db;
  using std::filesystem::perms;
  struct Case {
    const char* what;
    perms folder, file;
  };
  const perms read_only = perms::owner_read | perms::group_read | perms::others_read;
  const Case cases[] = {
      {"read-only file and folder",
       read_only | perms::owner_exec | perms::group_exec | perms::others_exec, read_only},
      {"read-only file in a folder anyone may write", perms::all, read_only},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    std::filesystem::permissions(folder, c.folder);
    std::filesystem::permissions(db, c.file);
    auto status = Shell(dir, nobody + " status");
    CHECK(status.code == 0);
    CHECK_THAT(status.out, Catch::Contains("Status as of"));
    CHECK(Shell(dir, nobody + " --format json info").code == 0);
    auto log = Shell(dir, nobody + " --as hunan-transport log T2.03 --percent 90");
    CHECK(log.code == 73);
    CHECK_THAT(log.err, Catch::Contains("read-only"));
  }
  std::filesystem::permissions(folder, perms::all);
  CHECK(Count(db, "progress_log") == plantrack::testing::CztCounts::kProgress);
}
