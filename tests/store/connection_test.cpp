#include "store/connection.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <stdexcept>
#include <string>

#include "store/migrations.h"
#include "test_support.h"

using plantrack::ExitCode;
using plantrack::Status;
using plantrack::store::Connection;
using plantrack::store::OpenMode;
using plantrack::store::OpenOptions;
using plantrack::testing::ReadFile;
using plantrack::testing::TempDir;

namespace {

OpenOptions Create() {
  OpenOptions options;
  options.mode = OpenMode::kCreate;
  return options;
}

}  // namespace

TEST_CASE("connection: a new file is migrated to the latest schema with WAL and foreign keys",
          "[store]") {
  TempDir dir;
  auto connection = Connection::Open(dir.File("a.db"), Create());
  REQUIRE(connection.ok());
  auto& db = connection->db();
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == plantrack::store::LatestSchemaVersion());
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK(db.execAndGet("PRAGMA synchronous").getInt() == 2);  // FULL
  CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").getInt() >= 12);
}

TEST_CASE("connection: a missing file is exit 66 unless creating", "[store]") {
  TempDir dir;
  auto missing = Connection::Open(dir.File("missing.db"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == ExitCode::kNoInput);
  CHECK_THAT(missing.status().message(), Catch::Contains("missing.db"));
}

TEST_CASE("connection: a file from a newer plantrack is refused and left byte for byte",
          "[store]") {
  TempDir dir;
  const std::string path = dir.File("newer.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE future (x INTEGER)");
    raw.exec("PRAGMA user_version = 999");
  }
  const std::string before = ReadFile(path);
  auto opened = Connection::Open(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.status().code() == ExitCode::kUnavailable);
  CHECK_THAT(opened.status().message(), Catch::Contains("999"));
  CHECK(ReadFile(path) == before);
}

TEST_CASE("connection: a file that is not SQLite is exit 69", "[store]") {
  TempDir dir;
  const std::string path = dir.File("notes.db");
  std::ofstream(path) << "this is a text file, not a database, and it is long enough to have a "
                         "header of one hundred bytes that SQLite would read as its own. ....";
  auto opened = Connection::Open(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.status().code() == ExitCode::kUnavailable);
  CHECK_THAT(opened.status().message(), Catch::Contains("not a usable SQLite database"));
}

TEST_CASE("connection: another application's SQLite file is refused untouched", "[store]") {
  TempDir dir;
  const std::string path = dir.File("other.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE contacts (name TEXT)");
  }
  const std::string before = ReadFile(path);
  auto opened = Connection::Open(path, Create());
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.status().code() == ExitCode::kUnavailable);
  CHECK(ReadFile(path) == before);
}

TEST_CASE("connection: a failed write transaction leaves nothing behind", "[store]") {
  TempDir dir;
  auto connection = Connection::Open(dir.File("t.db"), Create());
  REQUIRE(connection.ok());
  auto& db = connection->db();
  auto status = connection->WriteTransaction([&] {
    db.exec("INSERT INTO journal (recorded_at, command) VALUES ('2026-01-01T00:00:00Z', 'x')");
    return plantrack::Status::BadData("refused");
  });
  CHECK(status.code() == ExitCode::kBadData);
  CHECK(db.execAndGet("SELECT count(*) FROM journal").getInt() == 0);
  CHECK_THROWS(connection->WriteTransaction([&] {
    db.exec("INSERT INTO journal (recorded_at, command) VALUES ('2026-01-01T00:00:00Z', 'x')");
    db.exec("INSERT INTO journal (recorded_at, command) VALUES ('not a time', 'x')");
    return plantrack::Status::Ok();
  }));
  CHECK(db.execAndGet("SELECT count(*) FROM journal").getInt() == 0);
}

TEST_CASE("connection: any exception at the edge is one line and exit 70", "[store]") {
  const auto status_of = [](auto thrown) {
    try {
      throw thrown;
    } catch (...) {
      return plantrack::store::StatusFromCurrentException();
    }
  };
  const Status from_int = status_of(42);
  CHECK(from_int.code() == ExitCode::kInternal);
  CHECK(from_int.message() == "internal error: an exception of an unknown type");
  const Status from_text = status_of(std::string("not a std::exception"));
  CHECK(from_text.code() == ExitCode::kInternal);
  const Status from_std = status_of(std::runtime_error("boom"));
  CHECK(from_std.code() == ExitCode::kInternal);
  CHECK(from_std.message() == "internal error: boom");
}

TEST_CASE("connection: a command that writes without its journal row is rolled back (70)",
          "[store][journal]") {
  Connection connection = plantrack::testing::MemoryStore(plantrack::testing::kOneActionPlan);
  const auto journal_rows = [&] {
    return connection.db().execAndGet("SELECT count(*) FROM journal").getInt64();
  };
  const int64_t before = journal_rows();
  const Status forgot = connection.CommandTransaction([&] {
    connection.db().exec("INSERT INTO unit (slug, name_en, kind) VALUES ('liling', 'L', 'city')");
    return Status::Ok();
  });
  CHECK(forgot.code() == ExitCode::kInternal);
  CHECK(connection.db().execAndGet("SELECT count(*) FROM unit").getInt64() == 1);
  const Status journaled = connection.CommandTransaction([&] {
    connection.db().exec("INSERT INTO unit (slug, name_en, kind) VALUES ('liling', 'L', 'city')");
    plantrack::store::JournalEntry entry;
    entry.recorded_at = "2026-11-28T10:00:00Z";
    entry.command = "plantrack add unit";
    entry.kind = "add-unit";
    connection.AppendJournal(entry);
    return Status::Ok();
  });
  CHECK(journaled.ok());
  CHECK(journal_rows() == before + 1);
  // Nothing changed, nothing to say: a listing run as a writing command needs no row.
  CHECK(connection.CommandTransaction([] { return Status::Ok(); }).ok());
}
