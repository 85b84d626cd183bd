// The program driven in-process: exit codes, help, and the init rules.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "store/migrations.h"
#include "test_support.h"

using plantrack::testing::ReadFile;
using plantrack::testing::RunCli;
using plantrack::testing::TempDir;

TEST_CASE("cli: no command prints the help on stderr and exits 64", "[cli]") {
  auto result = RunCli({});
  CHECK(result.code == 64);
  CHECK_THAT(result.err, Catch::Contains("usage: plantrack"));
  CHECK(result.out.empty());
}

TEST_CASE("cli: help lists every command, and a command's help shows its options", "[cli]") {
  auto help = RunCli({"--help"});
  CHECK(help.code == 0);
  for (const char* name : {"init", "info", "areas", "units", "actions", "milestones"}) {
    CHECK_THAT(help.out, Catch::Contains(name));
  }
  auto actions = RunCli({"actions", "--help"});
  CHECK(actions.code == 0);
  CHECK_THAT(actions.out, Catch::Contains("usage: plantrack actions"));
  CHECK_THAT(actions.out, Catch::Contains("--horizon"));
  CHECK(RunCli({"help", "units"}).out == RunCli({"units", "--help"}).out);
  CHECK(RunCli({"--version"}).out.rfind("plantrack ", 0) == 0);
}

TEST_CASE("cli: an unknown command exits 64 and suggests the closest one", "[cli]") {
  auto result = RunCli({"--db", "x.db", "acions"});
  CHECK(result.code == 64);
  CHECK_THAT(result.err, Catch::Contains("unknown command 'acions' (did you mean actions?)"));
}

TEST_CASE("cli: bad global options are usage errors naming the value", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("p.db");
  REQUIRE(RunCli({"--db", db, "init", "--fixture", "none"}).code == 0);
  struct Case {
    std::vector<std::string> args;
    int code;
    const char* message;
  };
  const Case cases[] = {
      {{"--db", db, "--format", "xml", "areas"}, 64, "--format xml"},
      {{"--db", db, "--lang", "fr", "areas"}, 64, "--lang fr"},
      {{"--db", db, "areas", "--colour"}, 64, "colour"},
      {{"--db", db, "--as-of", "2025-02-30", "areas"}, 65, "--as-of 2025-02-30"},
      {{"--db", db, "actions", "--horizon", "2030"}, 64, "--horizon 2030"},
      {{"--db", db, "actions", "--horizon", "soon"}, 64, "soon"},
      {{"--db", db, "init", "--fixture", "big"}, 64, "--fixture big"},
      {{"--db", dir.File("none.db"), "areas"}, 66, "none.db"},
  };
  for (const Case& c : cases) {
    INFO(c.message);
    auto result = RunCli(c.args);
    CHECK(result.code == c.code);
    CHECK_THAT(result.err, Catch::Contains(c.message));
    CHECK(result.err.find('\n') == result.err.size() - 1);  // one line
  }
}

TEST_CASE("cli: the database path comes from --db, else $PLANTRACK_DB", "[cli]") {
  TempDir dir;
  auto env = plantrack::testing::TestEnvironment();
  env.db = dir.File("env.db");
  REQUIRE(RunCli({"init", "--fixture", "none"}, env).code == 0);
  auto info = RunCli({"info", "--format", "json"}, env);
  REQUIRE(info.code == 0);
  CHECK(nlohmann::json::parse(info.out)["path"] == dir.File("env.db"));
}

TEST_CASE("cli: init refuses an initialised file unless --force", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("p.db");
  REQUIRE(RunCli({"--db", db, "init", "--fixture", "none"}).code == 0);
  auto again = RunCli({"--db", db, "init", "--fixture", "none"});
  CHECK(again.code == 65);
  CHECK_THAT(again.err, Catch::Contains("already initialised"));
  auto forced = RunCli({"--db", db, "init", "--fixture", "none", "--force"});
  CHECK(forced.code == 0);
  auto info = nlohmann::json::parse(RunCli({"--db", db, "info", "--format", "json"}).out);
  CHECK(info["counts"]["journal"] == 1);  // rebuilt, not appended to
}

TEST_CASE("cli: init refuses a newer or foreign file and leaves it untouched", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("newer.db");
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE t (x INTEGER); PRAGMA user_version = 77");
  }
  const std::string before = ReadFile(db);
  for (auto args : {std::vector<std::string>{"--db", db, "init", "--force"},
                    std::vector<std::string>{"--db", db, "info"},
                    std::vector<std::string>{"--db", db, "areas"}}) {
    auto result = RunCli(args);
    CHECK(result.code == 69);
    CHECK_THAT(result.err, Catch::Contains("77"));
  }
  CHECK(ReadFile(db) == before);
}

TEST_CASE("cli: info on an empty plan counts nothing but its journal", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("p.db");
  REQUIRE(RunCli({"--db", db, "init", "--fixture", "none"}).code == 0);
  auto info = RunCli({"--db", db, "info", "--format", "json"});
  REQUIRE(info.code == 0);
  auto json = nlohmann::json::parse(info.out);
  CHECK(json["schema_version"] == plantrack::store::LatestSchemaVersion());
  CHECK(json["counts"]["actions"] == 0);
  CHECK(json["counts"]["journal"] == 1);
  const std::string head = json["record"]["head"];
  CHECK(RunCli({"--db", db, "areas"}).out ==
        "CODE  TITLE  ACTIONS  MILESTONES\n\nrecord 1 · head " + head.substr(0, 12) + "…\n");
}
