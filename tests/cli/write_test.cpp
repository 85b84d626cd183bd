// The write path on the CZT data: who may write, what is refused (and then changes nothing),
// retract, undo, the plan changes, and concurrent writers.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::CztCounts;
using plantrack::testing::RunCli;
using plantrack::testing::TempDir;

namespace {

struct Czt : plantrack::testing::CztFile {
  CliResult As(const std::string& unit, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--as", unit});
    return RunCli(args);
  }
  json Counts() {
    return json::parse(RunCli({"--db", db, "--format", "json", "info"}).out)["counts"];
  }
  json Status(const std::string& code) {
    json actions = json::parse(RunCli({"--db", db, "--format", "json", "overdue"}).out)["items"];
    for (const json& item : actions) {
      if (item["code"] == code) return item;
    }
    return nullptr;
  }
};

}  // namespace

TEST_CASE("write: a write needs a known unit", "[cli][write]") {
  Czt czt;
  auto none = RunCli({"--db", czt.db, "log", "T2.03", "--percent", "80"});
  CHECK(none.code == 64);
  CHECK_THAT(none.err, Catch::Contains("--as UNIT"));
  auto unknown = czt.As("zhuzou", {"log", "T2.03", "--percent", "80"});
  CHECK(unknown.code == 65);
  CHECK_THAT(unknown.err, Catch::Contains("unknown unit 'zhuzou' (did you mean zhuzhou?)"));
  auto env = plantrack::testing::TestEnvironment();
  env.unit = "hunan-transport";
  CHECK(RunCli({"--db", czt.db, "log", "T2.03", "--percent", "80"}, env).code == 0);
}

TEST_CASE("write: the permission matrix", "[cli][write]") {
  struct Case {
    const char* who;
    const char* action;
    bool allowed;
  };
  const Case cases[] = {
      {"hunan-transport", "T2.03", true},  // lead
      {"changsha", "T2.03", true},         // support
      {"zhuzhou", "T3.09", true},          // the city above the lead county (Liling)
      {"liling", "T3.08", false},          // a county, for another city's action
      {"zhuzhou", "T2.03", false},         // unrelated
      {"hunan-drc", "T2.03", true},        // coordinator
      {"czt-center", "T3.09", true},       // coordinator
  };
  for (const Case& c : cases) {
    INFO(c.who << " on " << c.action);
    Czt czt;
    auto result = czt.As(c.who, {"log", c.action, "--percent", "95", "--note", "test"});
    CHECK(result.code == (c.allowed ? 0 : 65));
    if (!c.allowed) {
      CHECK_THAT(result.err, Catch::Contains(std::string(c.who) + " is not responsible for " +
                                             c.action + " (lead: "));
    }
  }
}

TEST_CASE("write: refused input names the value and changes nothing", "[cli][write]") {
  Czt czt;
  const json before = czt.Counts();
  struct Case {
    std::vector<std::string> args;
    const char* message;
  };
  const std::string long_note(2001, 'x');
  const Case cases[] = {
      {{"log", "T2.03", "--percent", "90", "--on", "2025-02-30"}, "--on 2025-02-30"},
      {{"log", "T2.03", "--percent", "90", "--on", "2025-13-01"}, "--on 2025-13-01"},
      {{"log", "T2.03", "--percent", "90", "--on", "25-1-1"}, "--on 25-1-1"},
      {{"log", "T2.03", "--percent", "90", "--on", "2025/01/01"}, "--on 2025/01/01"},
      {{"log", "T2.03", "--percent", "90", "--on", "2026-11-29"}, "in the future"},
      {{"log", "T2.03", "--percent", "90", "--on", "2022-03-21"}, "before the plan was issued"},
      {{"log", "T2.03", "--percent", "abc"}, "--percent abc"},
      {{"log", "T2.03", "--percent", "50.5"}, "--percent 50.5"},
      {{"log", "T2.03", "--percent", "101"}, "--percent 101"},
      {{"log", "T2.03", "--percent", "-1"}, "--percent -1"},
      {{"log", "T2.33", "--percent", "90"}, "unknown action 'T2.33' (did you mean T2.03?)"},
      {{"log", "T2.03", "--percent", "10"}, "percent 10 is below T2.03's 71% of 2026-11-16"},
      {{"log", "T2.03", "--percent", "10", "--status", "delayed"}, "percent 10 is below"},
      {{"log", "T2.03", "--percent", "99", "--status", "done"}, "status done needs percent 100"},
      {{"log", "T2.03", "--percent", "90", "--status", "fine"}, "status fine is not one of"},
      {{"log", "T2.02", "--percent", "100"}, "T2.02 is already done"},
      {{"log", "T2.03", "--percent", "90", "--note", long_note}, "note is 2001 characters"},
      {{"log", "T2.03", "--percent", "90", "--note", "bell\x07"},
       "note contains a control character"},
      {{"done", "T2.02-M1"}, "T2.02-M1 is already done"},
      {{"done", "T2.03-M9"}, "unknown milestone 'T2.03-M9'"},
      {{"measure", "gdp-3c", "nan"}, "value nan is not a finite number"},
      {{"measure", "gdp-3c", "2.4 trillion"}, "value 2.4 trillion"},
      {{"measure", "gdp-3", "2.4"}, "unknown indicator 'gdp-3' (did you mean gdp-3c?)"},
      {{"retract", "99999", "--reason", "x"}, "no progress entry #99999"},
      {{"retract", "1", "--reason", "x"}, "was logged by xiangjiang-new-area, not hunan-transport"},
  };
  for (const Case& c : cases) {
    INFO(c.message);
    auto result = czt.As("hunan-transport", c.args);
    CHECK(result.code == 65);
    CHECK_THAT(result.err, Catch::Contains(c.message));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  }
  CHECK(czt.Counts() == before);
}

TEST_CASE("write: going back needs delayed or blocked and a note", "[cli][write]") {
  Czt czt;
  auto back = czt.As("hunan-transport",
                     {"log", "T2.03", "--percent", "40", "--status", "blocked", "--note", "Flood"});
  CHECK(back.code == 0);
  CHECK_THAT(back.out, Catch::Contains("40% blocked"));
  CHECK(czt.Status("T2.03")["reason"] == "blocked");
}

TEST_CASE("write: retract hides an entry from reports but keeps it in history", "[cli][write]") {
  Czt czt;
  auto logged = czt.As("hunan-transport", {"--format", "json", "log", "T2.03", "--percent", "10",
                                           "--status", "blocked", "--note", "typo"});
  REQUIRE(logged.code == 0);
  const std::string id = std::to_string(json::parse(logged.out)["id"].get<int>());
  CHECK(czt.Status("T2.03")["reason"] == "blocked");
  auto retracted = czt.As("hunan-transport", {"retract", id, "--reason", "wrong percent"});
  REQUIRE(retracted.code == 0);
  CHECK(czt.Status("T2.03").is_null());  // back on track
  auto again = czt.As("hunan-transport", {"retract", id, "--reason", "twice"});
  CHECK(again.code == 65);
  CHECK_THAT(again.err, Catch::Contains("already retracted"));
  json history =
      json::parse(RunCli({"--db", czt.db, "--format", "json", "history", "T2.03"}).out)["rows"];
  int logs = 0, retractions = 0;
  for (const json& e : history) {
    if (e["event"] == "log" && std::to_string(e["id"].get<int>()) == id) {
      ++logs;
      CHECK(e["retracted"] == "yes");
    }
    if (e["event"] == "retraction") ++retractions;
  }
  CHECK(logs == 1);
  CHECK(retractions == 1);
  // A coordinator may retract anyone's entry.
  CHECK(czt.As("hunan-drc", {"retract", "1", "--reason", "audit"}).code == 0);
}

TEST_CASE("write: undo takes back the unit's last log, measure or done", "[cli][write]") {
  Czt czt;
  REQUIRE(czt.As("hunan-transport", {"log", "T2.03", "--percent", "90"}).code == 0);
  REQUIRE(czt.As("hunan-transport", {"done", "T2.03-M2", "--on", "2026-11-27"}).code == 0);
  REQUIRE(czt.As("hunan-transport", {"measure", "trunk-roads-km", "410"}).code == 0);
  const json counts = czt.Counts();
  auto measure = czt.As("hunan-transport", {"undo"});
  REQUIRE(measure.code == 0);
  CHECK_THAT(measure.out, Catch::Contains("retracted indicator value"));
  auto done = czt.As("hunan-transport", {"undo"});
  REQUIRE(done.code == 0);
  CHECK_THAT(done.out, Catch::Contains("reopened"));
  json milestones = json::parse(
      RunCli({"--db", czt.db, "--format", "json", "milestones", "--area", "T2"}).out)["rows"];
  for (const json& m : milestones) {
    if (m["code"] == "T2.03-M2") CHECK(m["done_on"].is_null());
  }
  auto log = czt.As("hunan-transport", {"undo"});
  REQUIRE(log.code == 0);
  CHECK_THAT(log.out, Catch::Contains("retracted #"));
  CHECK(czt.Counts()["progress_log"] == counts["progress_log"]);  // nothing deleted
  CHECK(czt.Counts()["retractions"] == counts["retractions"].get<int>() + 1);
  auto nothing = czt.As("hunan-transport", {"undo"});
  CHECK(nothing.code == 65);
  CHECK_THAT(nothing.err, Catch::Contains("nothing to undo"));
  // Another unit's undo does not touch these.
  CHECK(czt.As("changsha", {"undo"}).code == 65);
}

TEST_CASE("write: only coordinators change the plan", "[cli][write]") {
  Czt czt;
  auto refused = czt.As("zhuzhou", {"assign", "T2.03", "zhuzhou", "--role", "support"});
  CHECK(refused.code == 65);
  CHECK_THAT(refused.err, Catch::Contains("zhuzhou is not a coordinator"));
  auto added =
      czt.As("hunan-drc", {"add",        "action",     "--area",          "T2",         "--code",
                           "T2.12",      "--title-en", "Zhuzhou airport", "--title-zh", "株洲机场",
                           "--horizon",  "2035",       "--start",         "2026-01-01", "--due",
                           "2030-12-31", "--lead",     "zhuzhou",         "--support",  "liling"});
  INFO(added.err);
  REQUIRE(added.code == 0);
  json actions = json::parse(
      RunCli({"--db", czt.db, "--format", "json", "actions", "--unit", "liling"}).out)["rows"];
  REQUIRE(actions.front()["code"] == "T2.12");  // a support of Liling's, in code order
  CHECK(actions.front()["lead"] == json::array({"zhuzhou"}));
  CHECK(czt.As("hunan-drc", {"add", "milestone", "--action", "T2.12", "--code", "T2.12-M1",
                             "--title-en", "Site chosen", "--due", "2027-06-30"})
            .code == 0);
  CHECK(czt.As("hunan-drc", {"add", "milestone", "--action", "T2.12", "--code", "T2.03-M7",
                             "--title-en", "x", "--due", "2027-06-30"})
            .code == 65);
  CHECK(czt.As("hunan-drc", {"add", "unit", "--slug", "yuhu-district", "--name-en", "Yuhu",
                             "--kind", "district", "--parent", "xiangtan"})
            .code == 0);
  CHECK(czt.As("hunan-drc", {"add", "indicator", "--code", "airport-pax", "--name-en",
                             "Airport passengers", "--measure-unit", "million", "--direction", "up",
                             "--baseline", "20", "--baseline-year", "2021", "--target", "2030=60"})
            .code == 0);
  CHECK(czt.As("hunan-drc", {"add", "unit", "--slug", "x-1", "--name-en", "X", "--kind", "city",
                             "--parent", "hunan", "--weight", "2"})
            .code == 64);
  CHECK(czt.As("hunan-drc", {"assign", "T2.12", "xiangtan", "--role", "support"}).code == 0);
  CHECK(czt.As("hunan-drc", {"assign", "T2.12", "xiangtan", "--role", "support"}).code == 65);
  CHECK(czt.As("hunan-drc", {"unassign", "T2.12", "xiangtan"}).code == 0);
  CHECK(czt.As("hunan-drc", {"unassign", "T2.12", "xiangtan"}).code == 65);
  json history =
      json::parse(RunCli({"--db", czt.db, "--format", "json", "history", "T2.12"}).out)["rows"];
  std::vector<std::string> events;
  for (const json& e : history) events.push_back(e["event"]);
  CHECK(events == std::vector<std::string>{"add-action", "add-milestone", "assign", "unassign"});
}

TEST_CASE("write: concurrent writers all succeed, none is lost", "[cli][write][e2e]") {
  Czt czt;
  const int before = czt.Counts()["progress_log"];
  // 4 processes x 200 logs on one file; each waits on the busy timeout rather than failing.
  std::string script;
  const char* writers[] = {"hunan-transport T2.03", "changsha T2.06", "hunan-st T3.03",
                           "czt-center T4.01"};
  for (const char* writer : writers) {
    std::string unit(writer, std::strchr(writer, ' ')), action(std::strchr(writer, ' ') + 1);
    script += "(for i in $(seq 200); do " PLANTRACK_BINARY " --db " + czt.db + " --as " + unit +
              " --quiet log " + action + " --percent 95 --note run$i || echo FAILED; done) & ";
  }
  script += "wait";
  const std::string out = czt.dir.File("writers.out");
  REQUIRE(std::system(("bash -c '" + script + "' > " + out + " 2>&1").c_str()) == 0);
  CHECK(plantrack::testing::ReadFile(out).find("FAILED") == std::string::npos);
  CHECK(czt.Counts()["progress_log"] == before + 800);
}

TEST_CASE("write: a writer still locked out after the busy timeout exits 75", "[cli][write]") {
  Czt czt;
  SQLite::Database other(czt.db, SQLite::OPEN_READWRITE);
  other.exec("BEGIN IMMEDIATE");  // another process holding the write lock
  auto env = plantrack::testing::TestEnvironment();
  env.busy_timeout_ms = 50;
  auto result =
      RunCli({"--db", czt.db, "--as", "hunan-transport", "log", "T2.03", "--percent", "90"}, env);
  CHECK(result.code == 75);
  CHECK_THAT(result.err, Catch::Contains("database is busy"));
  other.exec("ROLLBACK");
  CHECK(czt.Counts()["progress_log"] == CztCounts::kProgress);
}
