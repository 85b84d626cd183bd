// The schema defends itself: these rows are written with raw SQL, as someone using sqlite3
// directly would, and every malformed one must be refused by a constraint or trigger.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "store/connection.h"
#include "test_support.h"

using plantrack::store::Connection;

namespace {

Connection MinimalPlan() {
  return plantrack::testing::MemoryStore(R"sql(
    INSERT INTO plan (id, code, title_en, issued_on, near_horizon, far_horizon)
      VALUES (1, 'czt', 'Plan', '2022-03-22', '2025-12-31', '2035-12-31');
    INSERT INTO task_area (id, plan_id, code, title_en) VALUES (1, 1, 'T1', 'Spatial layout');
    INSERT INTO unit (id, slug, name_en, kind) VALUES (1, 'hunan', 'Hunan', 'province');
    INSERT INTO unit (id, slug, name_en, kind, parent_id) VALUES (2, 'changsha', 'Changsha', 'city', 1);
    INSERT INTO action (id, task_area_id, code, title_en, horizon, start_on, due_on)
      VALUES (1, 1, 'T1.01', 'An action', 2025, '2022-04-01', '2025-12-31');
    INSERT INTO journal (id, recorded_at, command) VALUES (1, '2026-01-01T00:00:00Z', 'test');
    INSERT INTO progress_log (id, action_id, unit_id, logged_on, recorded_at, percent, status)
      VALUES (1, 1, 2, '2024-02-29', '2024-03-01T08:00:00Z', 40, 'on-track');
  )sql");
}

}  // namespace

TEST_CASE("schema: malformed rows are refused even when written with raw SQL", "[store]") {
  struct Case {
    const char* what;
    const char* sql;
  };
  const Case refused[] = {
      {"impossible date",
       "INSERT INTO action (task_area_id, code, title_en, horizon, start_on, due_on) VALUES (1, "
       "'T1.02', 'x', 2025, '2022-01-01', '2025-02-30')"},
      {"month 13",
       "INSERT INTO action (task_area_id, code, title_en, horizon, start_on, due_on) VALUES (1, "
       "'T1.02', 'x', 2025, '2022-01-01', '2025-13-01')"},
      {"short date",
       "INSERT INTO action (task_area_id, code, title_en, horizon, start_on, due_on) VALUES (1, "
       "'T1.02', 'x', 2025, '22-1-1', '2025-01-01')"},
      {"slashes",
       "INSERT INTO milestone (action_id, code, title_en, due_on) VALUES (1, 'T1.01-M1', 'x', "
       "'2025/01/01')"},
      {"not a leap year",
       "INSERT INTO milestone (action_id, code, title_en, due_on) VALUES (1, 'T1.01-M1', 'x', "
       "'2025-02-29')"},
      {"done_on malformed",
       "INSERT INTO milestone (action_id, code, title_en, due_on, done_on) VALUES (1, 'T1.01-M1', "
       "'x', '2025-01-01', 'yesterday')"},
      {"due before start",
       "INSERT INTO action (task_area_id, code, title_en, horizon, start_on, due_on) VALUES (1, "
       "'T1.02', 'x', 2025, '2025-01-01', '2024-01-01')"},
      {"unknown horizon",
       "INSERT INTO action (task_area_id, code, title_en, horizon, start_on, due_on) VALUES (1, "
       "'T1.02', 'x', 2030, '2022-01-01', '2025-01-01')"},
      {"zero weight",
       "INSERT INTO action (task_area_id, code, title_en, horizon, start_on, due_on, weight) "
       "VALUES (1, 'T1.02', 'x', 2025, '2022-01-01', '2025-01-01', 0)"},
      {"duplicate action code",
       "INSERT INTO action (task_area_id, code, title_en, horizon, start_on, due_on) VALUES (1, "
       "'T1.01', 'x', 2025, '2022-01-01', '2025-01-01')"},
      {"malformed action code",
       "INSERT INTO action (task_area_id, code, title_en, horizon, start_on, due_on) VALUES (1, "
       "'X1', 'x', 2025, '2022-01-01', '2025-01-01')"},
      {"unknown task area",
       "INSERT INTO action (task_area_id, code, title_en, horizon, start_on, due_on) VALUES (99, "
       "'T1.02', 'x', 2025, '2022-01-01', '2025-01-01')"},
      {"unknown unit kind",
       "INSERT INTO unit (slug, name_en, kind) VALUES ('x-city', 'X', 'village')"},
      {"upper-case slug",
       "INSERT INTO unit (slug, name_en, kind) VALUES ('Changsha2', 'X', 'city')"},
      {"duplicate slug", "INSERT INTO unit (slug, name_en, kind) VALUES ('changsha', 'X', 'city')"},
      {"coordinator not 0/1",
       "INSERT INTO unit (slug, name_en, kind, coordinator) VALUES ('x-city', 'X', 'city', 2)"},
      {"unknown parent",
       "INSERT INTO unit (slug, name_en, kind, parent_id) VALUES ('x-city', 'X', 'city', 42)"},
      {"unknown role",
       "INSERT INTO responsibility (action_id, unit_id, role) VALUES (1, 2, 'owner')"},
      {"responsibility twice",
       "INSERT INTO responsibility (action_id, unit_id, role) VALUES (1, 2, 'lead'); INSERT INTO "
       "responsibility (action_id, unit_id, role) VALUES (1, 2, 'support')"},
      {"percent over 100",
       "INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) "
       "VALUES (1, 2, '2025-01-01', '2025-01-02T00:00:00Z', 101, 'on-track')"},
      {"negative percent",
       "INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) "
       "VALUES (1, 2, '2025-01-01', '2025-01-02T00:00:00Z', -1, 'on-track')"},
      {"fractional percent",
       "INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) "
       "VALUES (1, 2, '2025-01-01', '2025-01-02T00:00:00Z', 50.5, 'on-track')"},
      {"unknown status",
       "INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) "
       "VALUES (1, 2, '2025-01-01', '2025-01-02T00:00:00Z', 10, 'fine')"},
      {"done below 100",
       "INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) "
       "VALUES (1, 2, '2025-01-01', '2025-01-02T00:00:00Z', 90, 'done')"},
      {"timestamp without Z",
       "INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) "
       "VALUES (1, 2, '2025-01-01', '2025-01-02 00:00:00', 10, 'on-track')"},
      {"hour 25",
       "INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) "
       "VALUES (1, 2, '2025-01-01', '2025-01-02T25:00:00Z', 10, 'on-track')"},
      {"progress for unknown action",
       "INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) "
       "VALUES (9, 2, '2025-01-01', '2025-01-02T00:00:00Z', 10, 'on-track')"},
      {"unknown direction",
       "INSERT INTO indicator (code, name_en, measure_unit, direction, baseline_value, "
       "baseline_year) VALUES ('gdp', 'GDP', 'yuan', 'sideways', 1, 2021)"},
      {"text as a value",
       "INSERT INTO indicator (code, name_en, measure_unit, direction, baseline_value, "
       "baseline_year) VALUES ('gdp', 'GDP', 'yuan', 'up', 'a lot', 2021)"},
      {"retraction without reason",
       "INSERT INTO retraction (progress_log_id, unit_id, recorded_at, reason) VALUES (1, 2, "
       "'2026-01-01T00:00:00Z', '')"},
      {"retraction twice",
       "INSERT INTO retraction (progress_log_id, unit_id, recorded_at, reason) VALUES (1, 2, "
       "'2026-01-01T00:00:00Z', 'a'); INSERT INTO retraction (progress_log_id, unit_id, "
       "recorded_at, reason) VALUES (1, 2, '2026-01-01T00:00:00Z', 'b')"},
  };
  for (const Case& c : refused) {
    INFO(c.what);
    Connection connection = MinimalPlan();
    SQLite::Transaction transaction(connection.db());
    CHECK_THROWS_AS(connection.db().exec(c.sql), SQLite::Exception);
  }
}

TEST_CASE("schema: well-formed rows are accepted, including a leap day", "[store]") {
  Connection connection = MinimalPlan();
  auto& db = connection.db();
  CHECK_NOTHROW(
      db.exec("INSERT INTO milestone (action_id, code, title_en, due_on, done_on) "
              "VALUES (1, 'T1.01-M1', 'x', '2024-02-29', '2024-03-01')"));
  CHECK_NOTHROW(db.exec(
      "INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) "
      "VALUES (1, 2, '2025-12-31', '2026-01-01T23:59:59Z', 100, 'done')"));
}

TEST_CASE("schema: progress, retractions and the journal are append-only", "[store]") {
  Connection connection = MinimalPlan();
  auto& db = connection.db();
  db.exec(
      "INSERT INTO retraction (progress_log_id, unit_id, recorded_at, reason) "
      "VALUES (1, 2, '2026-01-01T00:00:00Z', 'typo')");
  const char* forbidden[] = {
      "UPDATE progress_log SET percent = 50 WHERE id = 1",
      "DELETE FROM progress_log WHERE id = 1",
      "UPDATE retraction SET reason = 'other'",
      "DELETE FROM retraction",
      "UPDATE journal SET command = 'other'",
      "DELETE FROM journal",
  };
  for (const char* sql : forbidden) {
    INFO(sql);
    try {
      db.exec(sql);
      FAIL("accepted");
    } catch (const SQLite::Exception& e) {
      CHECK_THAT(e.what(), Catch::Contains("append-only"));
    }
  }
  CHECK(db.execAndGet("SELECT percent FROM progress_log WHERE id = 1").getInt() == 40);
}
