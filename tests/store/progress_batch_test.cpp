#include "store/progress_batch.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "store/connection.h"
#include "test_support.h"

using plantrack::store::Connection;
using plantrack::store::ProgressBatch;
using plantrack::testing::kOneActionPlan;
using plantrack::testing::MemoryStore;

namespace {

plantrack::store::NewProgress& Fill(ProgressBatch& batch, int64_t action_id, int day) {
  auto& entry = batch.Next();
  entry.action_id = action_id;
  entry.unit_id = 1;
  entry.logged_on = "2026-01-01";
  entry.recorded_at = "2026-01-02T00:00:00Z";
  entry.percent = day % 100;
  entry.status = "on-track";
  entry.note = "day " + std::to_string(day);
  entry.source.clear();
  entry.journal_id = 1;
  return entry;
}

int Rows(Connection& connection) {
  return connection.db().execAndGet("SELECT count(*) FROM progress_log").getInt();
}

}  // namespace

TEST_CASE("progress batch: a full batch is one statement, a partial one is written too",
          "[store]") {
  Connection connection = MemoryStore(kOneActionPlan);
  ProgressBatch batch(connection);
  for (size_t i = 0; i < ProgressBatch::kRows; ++i) Fill(batch, 1, static_cast<int>(i));
  REQUIRE(batch.full());
  CHECK(batch.Flush().empty());
  CHECK(Rows(connection) == static_cast<int>(ProgressBatch::kRows));
  Fill(batch, 1, 1);
  Fill(batch, 1, 2);
  CHECK(batch.Flush().empty());
  CHECK(Rows(connection) == static_cast<int>(ProgressBatch::kRows) + 2);
  CHECK(batch.Flush().empty());  // nothing waiting: nothing written
  CHECK(Rows(connection) == static_cast<int>(ProgressBatch::kRows) + 2);
}

TEST_CASE("progress batch: a refused batch names each refused entry and keeps the rest",
          "[store]") {
  Connection connection = MemoryStore(kOneActionPlan);
  ProgressBatch batch(connection);
  for (size_t i = 0; i < ProgressBatch::kRows; ++i) {
    Fill(batch, i == 5 || i == 40 ? 99 : 1, static_cast<int>(i));  // action 99 does not exist
  }
  auto refusals = batch.Flush();
  REQUIRE(refusals.size() == 2);
  CHECK(refusals[0].index == 5);
  CHECK(refusals[1].index == 40);
  CHECK_THAT(refusals[0].message, Catch::Contains("FOREIGN KEY"));
  CHECK(Rows(connection) == static_cast<int>(ProgressBatch::kRows) - 2);
  CHECK(batch.size() == 0);
}

TEST_CASE("progress batch: the entries a refused statement kept are not written twice", "[store]") {
  // Foreign keys off and CHECKs on, in a transaction, as nothing but a CHECK can refuse an
  // entry: INSERT OR FAIL stops at the refused entry and keeps those before it.
  Connection connection = MemoryStore(kOneActionPlan);
  connection.db().exec("PRAGMA foreign_keys = OFF");
  connection.db().exec("BEGIN");
  ProgressBatch batch(connection);
  for (size_t i = 0; i < ProgressBatch::kRows; ++i) {
    Fill(batch, 1, static_cast<int>(i)).percent = i == 5 || i == 40 ? 101 : 10;
  }
  auto refusals = batch.Flush();
  connection.db().exec("COMMIT");
  REQUIRE(refusals.size() == 2);
  CHECK(refusals[0].index == 5);
  CHECK(refusals[1].index == 40);
  CHECK_THAT(refusals[0].message, Catch::Contains("CHECK"));
  CHECK(Rows(connection) == static_cast<int>(ProgressBatch::kRows) - 2);
  CHECK(connection.db().execAndGet("SELECT count(DISTINCT note) FROM progress_log").getInt() ==
        static_cast<int>(ProgressBatch::kRows) - 2);
}
