// The importer writes progress entries with the database's foreign keys off (store/plan_import.h):
// it resolves each entry's action and unit from their codes and looks its journal row up itself,
// so an entry naming a row that does not exist is still refused, and the keys are checked again
// once the entries are written.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "store/plan_import.h"
#include "test_support.h"

using plantrack::store::Connection;
using plantrack::store::Importer;
using plantrack::store::ImportRow;
using plantrack::store::RowKind;
using plantrack::testing::kOneActionPlan;
using plantrack::testing::MemoryStore;

namespace {

// Imports one entry per (action, unit), at lines 2, 3, ... of progress.csv, under `journal_id`;
// returns the problems found.
std::vector<std::string> Import(Connection& connection, int64_t journal_id,
                                const std::vector<std::pair<std::string, std::string>>& entries) {
  Importer importer(connection, {std::nullopt, "2026-11-28T10:00:00Z", "2026-11-28", journal_id});
  int line = 2;
  for (const auto& [action, unit] : entries) {
    importer.Add(RowKind::kProgress, ImportRow{"progress.csv",
                                               line++,
                                               {action, unit, "2024-03-01", "2024-03-01T08:00:00Z",
                                                "40", "on-track", "", ""}});
  }
  importer.Finish();
  return importer.errors();
}

int Entries(Connection& connection) {
  return connection.db().execAndGet("SELECT count(*) FROM progress_log").getInt();
}

}  // namespace

TEST_CASE("import keys: an entry naming an action or unit that does not exist is refused",
          "[store][import]") {
  Connection connection = MemoryStore(kOneActionPlan);
  const auto errors =
      Import(connection, 1, {{"T9.99", "changsha"}, {"T1.01", "nowhere"}, {"T1.01", "changsha"}});
  REQUIRE(errors.size() == 2);
  CHECK_THAT(errors[0], Catch::StartsWith("progress.csv:2: unknown action 'T9.99'"));
  CHECK_THAT(errors[1], Catch::StartsWith("progress.csv:3: unknown unit 'nowhere'"));
  CHECK(Entries(connection) == 1);  // the good one; the caller rolls back a refused import
  SQLite::Statement dangling(connection.db(), "PRAGMA foreign_key_check");
  CHECK_FALSE(dangling.executeStep());
}

TEST_CASE("import keys: entries under a journal row that does not exist are refused",
          "[store][import]") {
  Connection connection = MemoryStore(kOneActionPlan);
  CHECK(Import(connection, 99, {{"T1.01", "changsha"}}) ==
        std::vector<std::string>{"progress.csv:2: journal row 99 does not exist"});
  CHECK(Entries(connection) == 0);
}

TEST_CASE("import keys: the database checks foreign keys again after the entries",
          "[store][import]") {
  Connection connection = MemoryStore(kOneActionPlan);
  REQUIRE(Import(connection, 1, {{"T1.01", "changsha"}}).empty());
  CHECK(Entries(connection) == 1);
  CHECK(connection.db().execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK_THROWS_WITH(connection.db().exec("INSERT INTO progress_log (action_id, unit_id, logged_on, "
                                         "recorded_at, percent, status) VALUES (99, 1, "
                                         "'2024-03-01', '2024-03-01T08:00:00Z', 1, 'on-track')"),
                    Catch::Contains("FOREIGN KEY"));
}
