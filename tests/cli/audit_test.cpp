// The audit on a small plan built to show each finding once, with reporting rates computed by
// hand.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

using nlohmann::json;
using plantrack::testing::RunCli;
using plantrack::testing::TempDir;

namespace {

constexpr const char* kAuditPlan = R"sql(
  INSERT INTO plan VALUES (1, 'czt', 'Plan', '', '2022-03-22', '2025-12-31', '2035-12-31', '');
  INSERT INTO task_area (id, plan_id, code, title_en) VALUES (1, 1, 'T1', 'Space'), (2, 1, 'T2', 'Roads');
  INSERT INTO unit (id, slug, name_en, kind, parent_id, coordinator) VALUES
    (1, 'hunan', 'Hunan', 'province', NULL, 0), (2, 'hunan-drc', 'DRC', 'department', 1, 1),
    (3, 'changsha', 'Changsha', 'city', 1, 0), (4, 'zhuzhou', 'Zhuzhou', 'city', 1, 0),
    (5, 'liling', 'Liling', 'county', 4, 0), (6, 'xiangtan', 'Xiangtan', 'city', 1, 0),
    (7, 'hunan-dot', 'Transport', 'department', 1, 0);
  INSERT INTO action (id, task_area_id, code, title_en, horizon, start_on, due_on) VALUES
    (1, 1, 'T1.01', 'Reported', 2035, '2025-01-01', '2030-12-31'),
    (2, 1, 'T1.02', 'Nobody leads', 2035, '2025-01-01', '2030-12-31'),
    (3, 1, 'T1.03', 'Two leads', 2035, '2025-01-01', '2030-12-31'),
    (4, 2, 'T2.01', 'Stale county', 2035, '2025-01-01', '2030-12-31'),
    (5, 2, 'T2.02', 'Silent department', 2035, '2025-01-01', '2030-12-31');
  INSERT INTO responsibility (action_id, unit_id, role) VALUES
    (1, 3, 'lead'), (2, 6, 'support'), (3, 3, 'lead'), (3, 4, 'lead'), (4, 5, 'lead'),
    (5, 7, 'lead');
  INSERT INTO milestone (action_id, code, title_en, due_on) VALUES
    (4, 'T2.01-M1', 'Overdue and silent', '2026-06-30');
  INSERT INTO progress_log (id, action_id, unit_id, logged_on, recorded_at, percent, status) VALUES
    (1, 1, 3, '2026-07-10', '2026-07-12T09:00:00Z', 20, 'on-track'),
    (2, 1, 3, '2026-11-01', '2026-11-02T09:00:00Z', 30, 'on-track'),
    (3, 3, 3, '2026-08-15', '2026-11-01T09:00:00Z', 20, 'on-track'),
    (4, 3, 3, '2026-09-01', '2026-09-02T09:00:00Z', 25, 'on-track'),
    (5, 4, 5, '2026-03-01', '2026-03-02T09:00:00Z', 10, 'on-track');
  INSERT INTO retraction (progress_log_id, unit_id, recorded_at, reason)
    VALUES (4, 3, '2026-09-03T00:00:00Z', 'wrong action');
  INSERT INTO indicator (id, code, name_en, measure_unit, direction, baseline_value, baseline_year)
    VALUES (1, 'gdp', 'GDP', 'trillion yuan', 'up', 1.79, 2021);
  INSERT INTO indicator_value (indicator_id, as_of, value) VALUES (1, '2025-06-30', 2.0);
)sql";

struct AuditPlan {
  TempDir dir;
  std::string db = dir.File("p.db");
  AuditPlan() {
    REQUIRE(RunCli({"--db", db, "init", "--fixture", "none"}).code == 0);
    Exec(kAuditPlan);
  }
  void Exec(const char* sql) {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec(sql);
  }
  json Audit(std::vector<std::string> args = {}) {
    args.insert(args.begin(), {"--db", db, "--format", "json", "--as-of", "2026-11-28", "audit"});
    auto result = RunCli(args);
    INFO(result.err);
    REQUIRE(result.code == 0);
    return json::parse(result.out);
  }
};

std::vector<std::string> Kinds(const json& audit) {
  std::vector<std::string> kinds;
  for (const json& f : audit["findings"]) {
    kinds.push_back(f["kind"].get<std::string>() + " " + f["unit"].get<std::string>() + " " +
                    f["action"].get<std::string>());
  }
  return kinds;
}

}  // namespace

TEST_CASE("audit: each kind of finding, worst kind first", "[cli][audit]") {
  AuditPlan plan;
  CHECK(Kinds(plan.Audit()) == std::vector<std::string>{
                                   "no-lead xiangtan T1.02",
                                   "several-leads changsha T1.03",
                                   "never-reported hunan-dot ",
                                   // its latest live entry is 2026-08-15: the later one is
                                   // retracted
                                   "stale changsha T1.03",
                                   "stale hunan-dot T2.02",
                                   "stale liling T2.01",
                                   "stale zhuzhou T1.03",
                                   "silent-overdue liling T2.01-M1",
                                   // no submission 15 days after 2026Q3's end
                                   "not-submitted changsha 2026Q3",
                                   "not-submitted hunan-dot 2026Q3",
                                   "not-submitted liling 2026Q3",
                                   "not-submitted zhuzhou 2026Q3",
                                   "indicator-unreported  gdp",
                                   "supports-only xiangtan ",
                               });
  CHECK(RunCli({"--db", plan.db, "--as-of", "2026-11-28", "audit", "--fail-on", "findings"}).code ==
        1);
}

TEST_CASE("audit: findings go once their condition is fixed", "[cli][audit]") {
  AuditPlan plan;
  plan.Exec(R"sql(
    INSERT INTO responsibility (action_id, unit_id, role) VALUES (2, 6, 'lead')
      ON CONFLICT (action_id, unit_id) DO UPDATE SET role = 'lead';
    DELETE FROM responsibility WHERE action_id = 3 AND unit_id = 4;
    INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) VALUES
      (4, 5, '2026-11-20', '2026-11-20T09:00:00Z', 40, 'on-track'),
      (5, 7, '2026-11-20', '2026-11-20T09:00:00Z', 10, 'on-track'),
      (2, 6, '2026-11-20', '2026-11-20T09:00:00Z', 10, 'on-track'),
      (3, 3, '2026-11-20', '2026-11-20T09:00:00Z', 30, 'on-track');
    INSERT INTO indicator_value (indicator_id, as_of, value) VALUES (1, '2026-06-30', 2.2);
    INSERT INTO journal (id, recorded_at, command) VALUES (100, '2026-10-10T00:00:00Z', 'test');
    INSERT INTO approval (unit_id, period, event, by_unit_id, recorded_at, journal_id) VALUES
      (3, '2026Q3', 'submit', 3, '2026-10-10T00:00:00Z', 100),
      (5, '2026Q3', 'submit', 5, '2026-10-10T00:00:00Z', 100),
      (6, '2026Q3', 'submit', 6, '2026-10-10T00:00:00Z', 100),
      (7, '2026Q3', 'submit', 7, '2026-10-10T00:00:00Z', 100);
  )sql");
  CHECK(Kinds(plan.Audit()).empty());
  CHECK(RunCli({"--db", plan.db, "--as-of", "2026-11-28", "audit", "--fail-on", "findings"}).code ==
        0);
}

TEST_CASE("audit: reporting completeness and timeliness by hand", "[cli][audit]") {
  AuditPlan plan;
  json audit = plan.Audit({"--period", "2026Q3"});
  json changsha;
  for (const json& row : audit["reporting"]) {
    if (row["unit"] == "changsha") changsha = row;
  }
  // Leads T1.01 (on time) and T1.03 (recorded 2026-11-01, 17 days after the 10-15 deadline;
  // its on-time entry is retracted and does not count).
  CHECK(changsha["period"] == "2026Q3");
  CHECK(changsha["expected"] == 2);
  CHECK(changsha["actual"] == 2);
  CHECK(changsha["on_time"] == 1);
  CHECK(changsha["completeness"] == 100.0);
  CHECK(changsha["timeliness"] == 50.0);
  CHECK(changsha["days_late"] == 17);
  json before = plan.Audit({"--period", "2024Q4"});  // nothing had started
  for (const json& row : before["reporting"]) {
    CHECK(row["expected"] == 0);
    CHECK(row["completeness"].is_null());
  }
  CHECK(plan.Audit({"--from", "2026Q1", "--to", "2026Q3"})["reporting"].size() == 4 * 3);
  // The default period is the last complete quarter.
  CHECK(plan.Audit()["reporting"][0]["period"] == "2026Q3");
  CHECK(RunCli({"--db", plan.db, "audit", "--period", "2026Q5"}).code == 64);
}

TEST_CASE("audit: a county rolls up into its city", "[cli][audit]") {
  AuditPlan plan;
  json audit = plan.Audit({"--unit", "zhuzhou"});
  REQUIRE(audit["units"].size() == 2);
  const json& zhuzhou = audit["units"][0];
  CHECK(zhuzhou["unit"] == "zhuzhou");
  CHECK(zhuzhou["leads"] == 2);  // T1.03 itself, T2.01 through Liling
  CHECK(zhuzhou["by_area"]["T2"]["leads"] == 1);
  CHECK(audit["units"][1]["unit"] == "liling");
  for (const json& f : audit["findings"]) {
    CHECK((f["unit"] == "zhuzhou" || f["unit"] == "liling"));
  }
}

TEST_CASE("audit: only quarters that have ended, since the plan was issued, can be rated",
          "[cli][audit]") {
  plantrack::testing::CztFile czt;  // today is 2026-11-28; the plan was issued on 2022-03-22
  struct Case {
    std::vector<std::string> args;
    int code;
    const char* message;
  };
  const Case cases[] = {
      {{"--period", "2026Q3"}, 0, ""},
      {{"--period", "2022Q1"}, 0, ""},
      {{"--from", "2026Q1", "--to", "2026Q3"}, 0, ""},
      {{"--period", "2026Q4"}, 65, "--period 2026Q4 is still running"},
      {{"--period", "2027Q1"}, 65, "--period 2027Q1 is in the future"},
      {{"--period", "2021Q4"}, 65, "--period 2021Q4 ended before the plan was issued"},
      {{"--from", "2021Q4", "--to", "2026Q3"}, 65, "--from 2021Q4"},
      {{"--from", "2026Q1", "--to", "2026Q4"}, 65, "--to 2026Q4"},
      {{"--period", "2026Q5"}, 64, "--period 2026Q5 is not a quarter"},
      {{"--period", "last"}, 64, "--period last"},
  };
  for (const Case& c : cases) {
    INFO(c.args[1]);
    std::vector<std::string> args{"audit"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    args.insert(args.begin(), {"--db", czt.db});
    auto result = RunCli(args);
    CHECK(result.code == c.code);
    CHECK_THAT(result.err, Catch::Contains(c.message));
    if (c.code != 0) CHECK(result.out.empty());
  }
  // As of an earlier day, the quarter then running is refused the same way.
  auto earlier = RunCli({"--db", czt.db, "--as-of", "2026-08-01", "audit", "--period", "2026Q3"});
  CHECK(earlier.code == 65);
  CHECK_THAT(earlier.err, Catch::Contains("as of 2026-08-01"));
}
