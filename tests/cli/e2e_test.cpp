// A few runs of the built binary as a user would type them: exit codes and output through a
// real process, a real file and the real environment variables.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "store/migrations.h"
#include "test_support.h"

using plantrack::testing::ReadFile;
using plantrack::testing::TempDir;

namespace {

struct Process {
  int code;
  std::string out;
};

Process Shell(const TempDir& dir, const std::string& command) {
  const std::string out = dir.File("stdout");
  int status = std::system((command + " >" + out + " 2>" + dir.File("stderr")).c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(out)};
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
