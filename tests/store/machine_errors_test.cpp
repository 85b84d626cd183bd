// Failures of the machine, not of the data: a full disk met while writing many rows is one
// error that ends the command (exit 74), never one "refused row" per row still to come.

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "store/connection.h"
#include "store/plan_import.h"
#include "store/progress_batch.h"
#include "test_support.h"

using plantrack::ExitCode;
using plantrack::store::Connection;
using plantrack::testing::kOneActionPlan;
using plantrack::testing::MemoryStore;

namespace {

// SQLite's page limit stands for a full disk: a write past it fails with SQLITE_FULL.
void FillTheDisk(Connection& connection) {
  const int pages = connection.db().execAndGet("PRAGMA page_count").getInt();
  connection.db().exec("PRAGMA max_page_count = " + std::to_string(pages + 2));
}

// The Status the command's edge makes of what was thrown.
ExitCode CodeOf(const std::function<void()>& body) {
  try {
    body();
  } catch (...) {
    return plantrack::store::StatusFromCurrentException().code();
  }
  return ExitCode::kOk;
}

}  // namespace

TEST_CASE("machine errors: which SQLite errors are the machine's", "[store]") {
  for (int code : {SQLITE_FULL, SQLITE_IOERR, SQLITE_IOERR_WRITE, SQLITE_CORRUPT, SQLITE_NOTADB,
                   SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_NOMEM, SQLITE_CANTOPEN}) {
    INFO(code);
    CHECK(plantrack::store::IsMachineError(code));
  }
  for (int code : {SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_FOREIGNKEY, SQLITE_CONSTRAINT_CHECK,
                   SQLITE_MISMATCH, SQLITE_TOOBIG, SQLITE_ERROR}) {
    INFO(code);
    CHECK_FALSE(plantrack::store::IsMachineError(code));
  }
}

TEST_CASE("machine errors: a full disk under a batch of entries is thrown, not refusals",
          "[store]") {
  Connection connection = MemoryStore(kOneActionPlan);
  FillTheDisk(connection);
  plantrack::store::ProgressBatch batch(connection);
  const std::string note(1000, 'x');
  size_t refusals = 0;
  const ExitCode code = CodeOf([&] {
    for (int round = 0; round < 100; ++round) {
      while (!batch.full()) {
        auto& entry = batch.Next();
        entry = {1, 1, "2026-01-01", "2026-01-02T00:00:00Z", 10, "on-track", note, "", 1};
      }
      refusals += batch.Flush().size();
    }
  });
  CHECK(code == ExitCode::kIoError);
  CHECK(refusals == 0);  // never a refusal per entry
}

TEST_CASE("machine errors: a full disk during an import of units ends it with one error",
          "[store]") {
  Connection connection = MemoryStore(kOneActionPlan);
  FillTheDisk(connection);
  plantrack::store::Importer importer(connection,
                                      {std::nullopt, "2026-11-28T10:00:00Z", "2026-11-28", 1});
  const ExitCode code = CodeOf([&] {
    for (int i = 0; i < 5000; ++i) {
      const std::string slug = "unit-" + std::to_string(i);
      plantrack::store::ImportRow row{
          "units.csv", i + 2, {slug, "Unit " + std::string(200, 'u'), "", "county", "", "0", ""}};
      importer.Add(plantrack::store::RowKind::kUnits, row);
    }
    importer.Finish();
  });
  CHECK(code == ExitCode::kIoError);
  CHECK(importer.error_count() == 0);
}
