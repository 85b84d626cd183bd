// Journal rows written many to a statement (store/journal.h) get the ids SQLite would have given
// them one by one, and the CHECKs a bulk writer switches off come back on (store/connection.h).

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <string>

#include "store/connection.h"
#include "store/journal.h"
#include "test_support.h"

using plantrack::store::Connection;
using plantrack::store::JournalBatch;
using plantrack::store::JournalEntry;
using plantrack::testing::kOneActionPlan;
using plantrack::testing::MemoryStore;

namespace {

JournalEntry Row(int n) {
  JournalEntry entry;
  entry.unit_id = 1;
  entry.recorded_at = "2026-11-20T08:00:00Z";
  entry.command = "plantrack log T1.01";
  entry.kind = "log";
  entry.action_id = 1;
  // 32 lowercase hex digits, a different one per row.
  const std::string digits = std::to_string(1000 + n);
  entry.uid = std::string(32 - digits.size(), 'a') + digits;
  return entry;
}

int64_t Count(Connection& connection, const char* sql) {
  return connection.db().execAndGet(sql).getInt64();
}

}  // namespace

TEST_CASE("journal batch: rows get the ids SQLite would give, written when full or flushed",
          "[store]") {
  Connection connection = MemoryStore(kOneActionPlan);
  const int64_t before = Count(connection, "SELECT coalesce(max(id), 0) FROM journal");
  const int rows = static_cast<int>(JournalBatch::kRows) + 3;
  JournalBatch batch(connection.db());
  for (int n = 0; n < rows; ++n) CHECK(batch.Add(Row(n)) == before + 1 + n);
  // The full batch went in when the next row came; the last three wait.
  CHECK(Count(connection, "SELECT count(*) FROM journal") ==
        before + static_cast<int64_t>(JournalBatch::kRows));
  CHECK(batch.Waiting(Row(rows - 1).uid));
  CHECK_FALSE(batch.Waiting(Row(0).uid));
  batch.Flush();
  CHECK_FALSE(batch.Waiting(Row(rows - 1).uid));
  CHECK(Count(connection, "SELECT count(*) FROM journal") == before + rows);
  CHECK(Count(connection, "SELECT count(DISTINCT uid) FROM journal WHERE kind = 'log'") == rows);
  // Each row is the one added with its id.
  SQLite::Statement row(connection.db(), "SELECT uid FROM journal WHERE id = ?");
  row.bind(1, static_cast<int64_t>(before + rows));
  REQUIRE(row.executeStep());
  CHECK(row.getColumn(0).getString() == Row(rows - 1).uid);
  // After a flush another writer may take the next id, and the batch continues after it.
  JournalEntry other = Row(500);
  CHECK(connection.AppendJournal(other) == before + rows + 1);
  CHECK(batch.Add(Row(501)) == before + rows + 2);
}

TEST_CASE("connection: CHECKs and foreign keys are skipped only while a bulk writer says so",
          "[store]") {
  Connection connection = MemoryStore(kOneActionPlan);
  connection.db().exec("BEGIN IMMEDIATE");  // as in every writing command
  const char* bad_time =
      "INSERT INTO journal (recorded_at, command) VALUES ('2026-11-20 08:00', 'x')";
  const char* no_action =
      "INSERT INTO journal (recorded_at, command, action_id) "
      "VALUES ('2026-11-20T08:00:00Z', 'y', 999)";
  for (const char* bad : {bad_time, no_action}) {
    INFO(bad);
    CHECK_THROWS_AS(connection.db().exec(bad), SQLite::Exception);
    connection.SkipSchemaChecks(true);
    connection.db().exec(bad);  // the writer has applied the rules and found the rows itself
    connection.SkipSchemaChecks(false);
    CHECK_THROWS_AS(connection.db().exec(bad), SQLite::Exception);
  }
  connection.db().exec("COMMIT");
  CHECK(Count(connection, "SELECT count(*) FROM journal WHERE command IN ('x', 'y')") == 2);
}
