// Files written by an older plantrack are brought up to date in place: a version 1 file gains
// the views, and a file from before the record's chain gains record ids and is sealed as it
// stands.

#include "store/migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "store/embedded.h"
#include "test_support.h"

using nlohmann::json;
using plantrack::testing::RunCli;
using plantrack::testing::TempDir;

namespace {

// A file as plantrack at schema `version` left it: its migrations and a small plan with one
// entry, written with raw SQL.
void WriteOldFile(const std::string& path, int version) {
  SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  for (const auto& file : plantrack::store::SchemaFiles()) {
    if (std::atoi(std::string(file.name).c_str()) > version) break;
    raw.exec(std::string(file.text));
  }
  raw.exec(R"sql(
    INSERT INTO plan (id, code, title_en, issued_on, near_horizon, far_horizon)
      VALUES (1, 'czt', 'Plan', '2022-03-22', '2025-12-31', '2035-12-31');
    INSERT INTO task_area (id, plan_id, code, title_en) VALUES (1, 1, 'T1', 'Spatial layout');
    INSERT INTO unit (id, slug, name_en, kind, coordinator)
      VALUES (1, 'hunan', 'Hunan', 'province', 1);
    INSERT INTO unit (id, slug, name_en, kind, parent_id) VALUES (2, 'changsha', 'Changsha', 'city', 1);
    INSERT INTO action (id, task_area_id, code, title_en, horizon, start_on, due_on)
      VALUES (1, 1, 'T1.01', 'An action', 2025, '2022-04-01', '2025-12-31');
    INSERT INTO responsibility (action_id, unit_id, role) VALUES (1, 2, 'lead');
    INSERT INTO journal (id, recorded_at, command, kind) VALUES (1, '2026-01-01T00:00:00Z', 'init', 'init');
    INSERT INTO journal (id, unit_id, recorded_at, command, kind)
      VALUES (2, 2, '2026-01-02T00:00:00Z', 'log', 'log');
    INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status, journal_id)
      VALUES (1, 2, '2024-02-29', '2024-03-01T08:00:00Z', 40, 'on-track', 2);
  )sql");
  raw.exec("PRAGMA user_version = " + std::to_string(version));
}

}  // namespace

TEST_CASE("migrations: a version 1 file is brought up to date in place", "[store]") {
  TempDir dir;
  const std::string db = dir.File("old.db");
  WriteOldFile(db, 1);
  json info = json::parse(RunCli({"--db", db, "--format", "json", "info"}).out);
  CHECK(info["schema_version"] == plantrack::store::LatestSchemaVersion());
  CHECK(info["counts"]["progress_log"] == 1);
  SQLite::Database raw(db);
  CHECK(raw.execAndGet("SELECT count(*) FROM v_action_status").getInt() == 1);
}

TEST_CASE("migrations: a file from before the chain gets record ids and is sealed", "[store]") {
  TempDir dir;
  const std::string db = dir.File("old.db");
  WriteOldFile(db, 2);
  REQUIRE(RunCli({"--db", db, "info"}).code == 0);
  SQLite::Database raw(db);
  CHECK(raw.execAndGet("SELECT count(*) FROM journal WHERE length(uid) = 32").getInt() == 2);
  CHECK(raw.execAndGet("SELECT count(DISTINCT uid) FROM journal").getInt() == 2);
  CHECK(raw.execAndGet("SELECT count(*) FROM record_seal").getInt() == 2);
  // A later write extends the chain by one seal.
  REQUIRE(RunCli({"--db", db, "--as", "changsha", "log", "T1.01", "--percent", "50", "--on",
                  "2024-06-01"})
              .code == 0);
  CHECK(raw.execAndGet("SELECT count(*) FROM record_seal").getInt() == 3);
}
