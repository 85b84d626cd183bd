// evaluate: outcomes at a passed horizon held to figures computed by hand on a plan with edge
// dates, and the mid-term view of a horizon still ahead.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

using nlohmann::json;
using plantrack::testing::RunCli;

namespace {

// As of 2026-12-03. 2025 horizon: T1.01 done on its due date, T1.02 done a day late (led by
// Liling, under Zhuzhou), T2.01 not done at 70 %, T2.02 done after the horizon's end, T2.03
// done only after as-of. T1.03 belongs to 2035. Indicator a: a value on 2025-12-31 itself;
// b: the 2025 value misses, a later one would have met; c: a value only after 2025.
constexpr const char* kEdgePlan = R"sql(
  INSERT INTO plan VALUES (1, 'czt', 'Plan', '', '2022-03-22', '2025-12-31', '2035-12-31', '');
  INSERT INTO task_area (id, plan_id, code, title_en) VALUES (1, 1, 'T1', 'One'), (2, 1, 'T2', 'Two');
  INSERT INTO unit (id, slug, name_en, kind, parent_id, coordinator) VALUES
    (1, 'hunan', 'Hunan', 'province', NULL, 0), (2, 'changsha', 'Changsha', 'city', 1, 0),
    (3, 'zhuzhou', 'Zhuzhou', 'city', 1, 0), (4, 'liling', 'Liling', 'county', 3, 0),
    (5, 'hunan-drc', 'DRC', 'department', 1, 1);
  INSERT INTO action (id, task_area_id, code, title_en, horizon, start_on, due_on, weight) VALUES
    (1, 1, 'T1.01', 'On the due date', 2025, '2023-01-01', '2025-06-30', 2),
    (2, 1, 'T1.02', 'A day late', 2025, '2023-01-01', '2025-06-30', 1),
    (3, 2, 'T2.01', 'Not done', 2025, '2023-01-01', '2025-12-31', 1),
    (4, 2, 'T2.02', 'Done after the horizon', 2025, '2023-01-01', '2025-12-31', 1),
    (5, 2, 'T2.03', 'Done after as-of', 2025, '2023-01-01', '2025-12-31', 1),
    (6, 1, 'T1.03', 'Ahead', 2035, '2024-01-01', '2029-12-31', 1);
  INSERT INTO responsibility (action_id, unit_id, role) VALUES
    (1, 2, 'lead'), (2, 4, 'lead'), (3, 3, 'lead'), (4, 3, 'lead'), (5, 3, 'lead'),
    (6, 2, 'lead'), (3, 2, 'support');
  INSERT INTO milestone (action_id, code, title_en, due_on, done_on) VALUES
    (1, 'T1.01-M1', 'On time', '2025-03-31', '2025-03-31'),
    (2, 'T1.02-M1', 'A day late', '2025-03-31', '2025-04-01'),
    (3, 'T2.01-M1', 'Open', '2025-09-30', NULL);
  INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) VALUES
    (1, 2, '2024-01-01', '2024-01-01T00:00:00Z', 50, 'on-track'),
    (1, 2, '2025-06-30', '2025-06-30T00:00:00Z', 100, 'done'),
    (2, 4, '2025-07-01', '2025-07-01T00:00:00Z', 100, 'done'),
    (3, 3, '2025-11-01', '2025-11-01T00:00:00Z', 70, 'at-risk'),
    (4, 3, '2025-10-01', '2025-10-01T00:00:00Z', 80, 'on-track'),
    (4, 3, '2026-03-01', '2026-03-01T00:00:00Z', 100, 'done'),
    (5, 3, '2025-10-01', '2025-10-01T00:00:00Z', 50, 'on-track'),
    (5, 3, '2026-12-05', '2026-12-05T00:00:00Z', 100, 'done'),
    (6, 2, '2026-06-30', '2026-06-30T00:00:00Z', 40, 'on-track');
  INSERT INTO indicator (id, code, name_en, measure_unit, direction, baseline_value, baseline_year)
    VALUES (1, 'ind-a', 'A', '%', 'up', 50, 2020), (2, 'ind-b', 'B', 'km', 'up', 10, 2021),
           (3, 'ind-c', 'C', 'index', 'down', 100, 2021), (4, 'ind-d', 'D', 'km', 'up', 10, 2021);
  INSERT INTO indicator_target (indicator_id, horizon, value) VALUES
    (1, 2025, 60), (2, 2025, 20), (3, 2025, 90), (4, 2035, 30);
  INSERT INTO indicator_value (indicator_id, as_of, value) VALUES
    (1, '2025-12-31', 60), (2, '2024-12-31', 15), (2, '2026-01-15', 25), (3, '2026-06-30', 85),
    (4, '2025-12-31', 15);
)sql";

struct EdgePlan {
  plantrack::testing::TempDir dir;
  std::string db = dir.File("edge.db");
  EdgePlan() {
    REQUIRE(RunCli({"--db", db, "init", "--fixture", "none"}).code == 0);
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec(kEdgePlan);
  }
  json Json(std::vector<std::string> args) const {
    if (args[0] != "--as-of") args.insert(args.begin(), {"--as-of", "2026-12-03"});
    args.insert(args.begin(), {"--db", db, "--format", "json"});
    auto result = RunCli(args);
    INFO(result.err);
    REQUIRE(result.code == 0);
    return json::parse(result.out);
  }
};

json Find(const json& list, const std::string& key, const std::string& value) {
  for (const json& item : list) {
    if (item[key] == value) return item;
  }
  FAIL("no " << key << " " << value);
  return {};
}

}  // namespace

TEST_CASE("evaluate: actions done on the due date, a day late, after the horizon, not done",
          "[cli][report]") {
  EdgePlan plan;
  json eval = plan.Json({"evaluate"});  // default: 2025, the latest horizon passed
  CHECK(eval["horizon"] == 2025);
  CHECK(eval["passed"] == true);
  const json& actions = eval["actions"];
  REQUIRE(actions.size() == 5);  // T1.03 belongs to 2035
  CHECK(Find(actions, "code", "T1.01")["outcome"] == "done-on-time");
  CHECK(Find(actions, "code", "T1.01")["done_on"] == "2025-06-30");
  CHECK(Find(actions, "code", "T1.02")["outcome"] == "done-late");
  CHECK(Find(actions, "code", "T1.02")["days_late"] == 1);
  CHECK(Find(actions, "code", "T2.01")["outcome"] == "not-done");
  CHECK(Find(actions, "code", "T2.01")["percent"] == 70);
  CHECK(Find(actions, "code", "T2.01")["days_late"] == 337);  // 2025-12-31 .. 2026-12-03
  CHECK(Find(actions, "code", "T2.02")["outcome"] == "done-late");
  CHECK(Find(actions, "code", "T2.02")["days_late"] == 60);  // 2025-12-31 .. 2026-03-01
  // Its 100 % is dated after as-of, so it is not done, at the 50 % before it.
  CHECK(Find(actions, "code", "T2.03")["outcome"] == "not-done");
  CHECK(Find(actions, "code", "T2.03")["percent"] == 50);
}

TEST_CASE("evaluate: milestones likewise, and roll-ups per area and up the unit tree",
          "[cli][report]") {
  EdgePlan plan;
  json eval = plan.Json({"evaluate", "--horizon", "2025"});
  const json& milestones = eval["milestones"];
  REQUIRE(milestones.size() == 3);
  CHECK(milestones[0]["outcome"] == "done-on-time");
  CHECK(milestones[1]["outcome"] == "done-late");
  CHECK(milestones[1]["days_late"] == 1);
  CHECK(milestones[2]["outcome"] == "not-done");
  CHECK(milestones[2]["days_late"] == 429);  // 2025-09-30 .. 2026-12-03
  const json t1 = Find(eval["areas"], "code", "T1");
  CHECK(t1["done_on_time"] == 1);
  CHECK(t1["done_late"] == 1);
  CHECK(t1["verdict"] == "achieved-late");
  const json t2 = Find(eval["areas"], "code", "T2");
  CHECK(t2["not_done"] == 2);
  CHECK(t2["percent"] == Approx((70 + 100 + 50) / 3.0).margin(0.05));
  CHECK(t2["verdict"] == "not-achieved");  // a third of the weight done
  // Weights 2+1+1 of 6 done: two thirds.
  CHECK(eval["total"]["done_share"] == Approx(66.7));
  CHECK(eval["total"]["verdict"] == "partly-achieved");
  // Zhuzhou counts Liling's T1.02 with its own three; Hunan counts all five.
  const json zhuzhou = Find(eval["units"], "unit", "zhuzhou");
  CHECK(zhuzhou["actions"] == 4);
  CHECK(zhuzhou["done_late"] == 2);
  CHECK(zhuzhou["not_done"] == 2);
  CHECK(zhuzhou["milestones"]["done_late"] == 1);
  CHECK(Find(eval["units"], "unit", "hunan")["actions"] == 5);
  CHECK(Find(eval["units"], "unit", "liling")["actions"] == 1);
  CHECK(Find(eval["units"], "unit", "changsha")["actions"] == 1);  // supports T2.01 only
}

TEST_CASE("evaluate: a value on the horizon's last day counts, one after it does not",
          "[cli][report]") {
  EdgePlan plan;
  json indicators = plan.Json({"evaluate"})["indicators"];
  REQUIRE(indicators.size() == 3);  // ind-d has only a 2035 target
  const json a = Find(indicators, "code", "ind-a")["targets"][0];
  CHECK(a["outcome"] == "met");
  CHECK(a["judged"]["on"] == "2025-12-31");
  CHECK(a["pace"].is_null());
  const json b = Find(indicators, "code", "ind-b")["targets"][0];
  CHECK(b["outcome"] == "missed");
  CHECK(b["judged"]["value"] == 15.0);  // not the 25 of 2026-01-15
  CHECK(b["gap"] == Approx(5));
  CHECK(b["gap_share"] == Approx(0.5));  // 5 of the 10 asked for
  const json c = Find(indicators, "code", "ind-c")["targets"][0];
  CHECK(c["outcome"] == "no-data");
  CHECK(c["judged"].is_null());
  // Filtered to a unit, the plan-wide indicators are left out.
  CHECK(plan.Json({"evaluate", "--unit", "zhuzhou"})["indicators"].empty());
}

TEST_CASE("evaluate: a horizon still ahead gets the mid-term view", "[cli][report]") {
  EdgePlan plan;
  json eval = plan.Json({"evaluate", "--horizon", "2035"});
  CHECK(eval["passed"] == false);
  REQUIRE(eval["actions"].size() == 1);
  CHECK(eval["actions"][0]["outcome"] == "in-progress");
  // 1,067 of 2,191 days from 2024-01-01 to 2029-12-31: 48.7 % of the time, 40 % done.
  const json t1 = Find(eval["areas"], "code", "T1");
  CHECK(t1["elapsed"] == Approx(48.7));
  CHECK(t1["percent"] == 40.0);
  CHECK(t1["verdict"] == "on-pace");
  CHECK_FALSE(t1["projected"].is_null());
  const json d = Find(eval["indicators"], "code", "ind-d")["targets"][0];
  CHECK(d["outcome"].is_null());
  CHECK_FALSE(d["pace"].is_null());
  // As of the horizon's last day it is still ahead; the default is then 2025, still running.
  json before = plan.Json({"--as-of", "2025-12-31", "evaluate"});
  CHECK(before["horizon"] == 2025);
  CHECK(before["passed"] == false);
}

TEST_CASE("evaluate: every format, and indicators show outcomes for passed targets",
          "[cli][report]") {
  EdgePlan plan;
  for (const char* format : {"table", "csv", "md"}) {
    auto result =
        RunCli({"--db", plan.db, "--as-of", "2026-12-03", "--format", format, "evaluate"});
    INFO(format << result.err);
    REQUIRE(result.code == 0);
    CHECK_THAT(result.out, Catch::Contains("done-late"));
    CHECK_THAT(result.out, Catch::Contains("missed"));
  }
  auto table = RunCli({"--db", plan.db, "--as-of", "2026-12-03", "evaluate"});
  CHECK_THAT(table.out, Catch::Contains("Evaluation of the 2025 horizon (ended 2025-12-31)"));
  const json b = Find(plan.Json({"indicators"})["indicators"], "code", "ind-b")["targets"][0];
  CHECK(b["outcome"] == "missed");
  CHECK(b["pace"].is_null());
  auto listing =
      RunCli({"--db", plan.db, "--as-of", "2026-12-03", "--format", "csv", "indicators"});
  CHECK_THAT(listing.out, Catch::Contains("ind-b,B,km,10 (2021),25,2026-01-15,2025,20,missed,5"));
  CHECK(RunCli({"--db", plan.db, "evaluate", "--horizon", "2030"}).code == 64);
}
