// undo and history told honestly: nothing to undo when it was already taken back, a reopened
// milestone in history, completions in one shape whoever recorded them.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::RunCli;

namespace {

using Czt = plantrack::testing::CztFile;

}  // namespace

TEST_CASE("undo: entries retracted meanwhile leave nothing to undo, and nothing is written",
          "[cli][write]") {
  Czt czt;
  REQUIRE(czt.Run({"--as", "zhuzhou", "log", "T3.07", "--percent", "55"}).code == 0);
  REQUIRE(czt.Run({"--as", "hunan-drc", "retract", "661", "--reason", "not reported"}).code == 0);
  const int64_t journal = czt.Count("journal"), retractions = czt.Count("retraction");
  auto undo = czt.Run({"--as", "zhuzhou", "undo"});
  CHECK(undo.code == 65);
  CHECK_THAT(undo.err, Catch::Contains("nothing to undo") && Catch::Contains("already retracted"));
  CHECK(undo.out.empty());
  CHECK(czt.Count("journal") == journal);
  CHECK(czt.Count("retraction") == retractions);
  // A milestone reopened by someone else: the same.
  REQUIRE(czt.Run({"--as", "zhuzhou", "done", "T3.07-M2", "--on", "2026-11-20"}).code == 0);
  {
    SQLite::Database raw(czt.db, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE milestone SET done_on = NULL WHERE code = 'T3.07-M2'");
  }
  const int64_t before = czt.Count("journal");
  auto reopened = czt.Run({"--as", "zhuzhou", "undo"});
  CHECK(reopened.code == 65);
  CHECK_THAT(reopened.err, Catch::Contains("no longer done"));
  CHECK(czt.Count("journal") == before);
}

TEST_CASE("history: completions in one shape, an undone one reopened, by milestone code",
          "[cli][write]") {
  Czt czt;
  REQUIRE(czt.Run({"--as", "zhuzhou", "done", "T3.07-M2", "--on", "2026-11-20", "--note", "linked"})
              .code == 0);
  REQUIRE(czt.Run({"--as", "zhuzhou", "undo"}).code == 0);
  const json history = czt.History("T3.07");
  json fixture, done, reopened;
  for (const json& event : history) {
    if (event["event"] == "milestone-done") FAIL("a completion in another shape");
    if (event["event"] == "done" && event["detail"].get<std::string>().rfind("T3.07-M1", 0) == 0)
      fixture = event;
    if (event["event"] == "done" && event["detail"].get<std::string>().rfind("T3.07-M2", 0) == 0)
      done = event;
    if (event["event"] == "reopened") reopened = event;
  }
  REQUIRE(fixture.is_object());  // loaded with the plan, without a journal
  REQUIRE(done.is_object());     // recorded by `done`
  REQUIRE(reopened.is_object());
  CHECK(fixture["on"] == "2023-03-20");
  CHECK(fixture["detail"] == "T3.07-M1 done on 2023-03-20");
  CHECK(done["on"] == "2026-11-20");
  CHECK(done["detail"] == "T3.07-M2 done on 2026-11-20: linked");
  CHECK(done["unit"] == "zhuzhou");
  for (const char* key : {"id", "on", "detail", "when"}) {
    INFO(key);
    CHECK(fixture[key].type() == done[key].type());
  }
  CHECK(reopened["id"] == done["id"]);  // the milestone's id
  CHECK(reopened["unit"] == "zhuzhou");
  CHECK_THAT(reopened["detail"].get<std::string>(), Catch::StartsWith("T3.07-M2 reopened"));
  // A milestone's code shows its action's history.
  auto by_milestone = czt.Run({"history", "t3.07-m2"});
  REQUIRE(by_milestone.code == 0);
  CHECK(by_milestone.out == czt.Run({"history", "T3.07"}).out);
}
