#pragma once
// A small plan whose every figure is computed by hand in the tests that use it: two task
// areas, five actions (done, on pace, overdue, blocked, never logged), a county under a city,
// a retracted entry, and two indicators (one whose lower value is better).

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace plantrack::testing {

// T1: A1 done (weight 2), A2 on pace; T2: A3 overdue (2025 horizon), A4 blocked; A5 never
// logged and behind. Liling (under Zhuzhou) leads A2.
inline constexpr const char* kSmallPlan = R"sql(
  INSERT INTO plan VALUES (1, 'czt', 'Plan', '', '2022-03-22', '2025-12-31', '2035-12-31', '');
  INSERT INTO task_area (id, plan_id, code, title_en, title_zh) VALUES
    (1, 1, 'T1', 'Spatial layout', '空间布局'), (2, 1, 'T2', 'Infrastructure', '基础设施');
  INSERT INTO unit (id, slug, name_en, kind, parent_id, coordinator) VALUES
    (1, 'hunan', 'Hunan', 'province', NULL, 0), (2, 'changsha', 'Changsha', 'city', 1, 0),
    (3, 'zhuzhou', 'Zhuzhou', 'city', 1, 0), (4, 'liling', 'Liling', 'county', 3, 0),
    (5, 'hunan-drc', 'DRC', 'department', 1, 1);
  INSERT INTO action (id, task_area_id, code, title_en, horizon, start_on, due_on, weight) VALUES
    (1, 1, 'T1.01', 'Done early', 2025, '2022-04-01', '2025-12-31', 2),
    (2, 1, 'T1.02', 'On pace', 2035, '2024-01-01', '2034-01-01', 1),
    (3, 2, 'T2.01', 'Overdue', 2025, '2023-01-01', '2025-12-31', 1),
    (4, 2, 'T2.02', 'Blocked', 2035, '2024-01-01', '2030-12-31', 1),
    (5, 2, 'T2.03', 'Never logged', 2035, '2023-01-01', '2027-12-31', 1);
  INSERT INTO responsibility (action_id, unit_id, role) VALUES
    (1, 2, 'lead'), (2, 4, 'lead'), (3, 3, 'lead'), (4, 2, 'lead'), (4, 3, 'support');
  INSERT INTO milestone (action_id, code, title_en, due_on, done_on) VALUES
    (1, 'T1.01-M1', 'First', '2024-06-30', '2024-08-01'),
    (3, 'T2.01-M1', 'Late one', '2025-06-30', NULL),
    (3, 'T2.01-M2', 'Done after as-of', '2026-03-31', '2026-12-15'),
    (2, 'T1.02-M1', 'Upcoming', '2027-06-30', NULL);
  INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) VALUES
    (1, 2, '2023-01-10', '2023-01-11T00:00:00Z', 40, 'on-track'),
    (1, 2, '2025-06-30', '2025-07-01T00:00:00Z', 100, 'done'),
    (2, 4, '2025-01-01', '2025-01-02T00:00:00Z', 20, 'on-track'),
    (2, 4, '2026-10-01', '2026-10-02T00:00:00Z', 40, 'on-track'),
    (3, 3, '2024-01-01', '2024-01-02T00:00:00Z', 30, 'on-track'),
    (3, 3, '2025-10-01', '2025-10-02T00:00:00Z', 60, 'at-risk'),
    (3, 3, '2026-02-01', '2026-02-02T00:00:00Z', 90, 'on-track'),
    (4, 2, '2025-01-01', '2025-01-02T00:00:00Z', 30, 'on-track'),
    (4, 2, '2026-06-01', '2026-06-02T00:00:00Z', 35, 'blocked');
  INSERT INTO retraction (progress_log_id, unit_id, recorded_at, reason)
    VALUES (7, 3, '2026-02-03T00:00:00Z', 'wrong action');
  INSERT INTO indicator (id, code, name_en, measure_unit, direction, baseline_value, baseline_year)
    VALUES (1, 'gdp', 'GDP', 'trillion yuan', 'up', 1.79, 2021),
           (2, 'logistics-cost', 'Logistics cost', '% of GDP', 'down', 15, 2021);
  INSERT INTO indicator_target (indicator_id, horizon, value) VALUES
    (1, 2025, 2.5), (1, 2035, 4.0), (2, 2025, 13);
  INSERT INTO indicator_value (indicator_id, as_of, value) VALUES
    (1, '2024-12-31', 2.21), (2, '2024-12-31', 15.5);
)sql";

struct SmallPlan {
  TempDir dir;
  std::string db = dir.File("p.db");
  SmallPlan() {
    REQUIRE(RunCli({"--db", db, "init", "--fixture", "none"}).code == 0);
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec(kSmallPlan);
  }
  nlohmann::json Json(std::vector<std::string> args) {
    if (std::find(args.begin(), args.end(), "--as-of") == args.end()) {
      args.insert(args.begin(), {"--as-of", "2026-11-28"});
    }
    args.insert(args.begin(), {"--db", db, "--format", "json"});
    auto result = RunCli(args);
    INFO(result.err);
    REQUIRE(result.code == 0);
    return ListingRows(result.out);
  }
};

}  // namespace plantrack::testing
