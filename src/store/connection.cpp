#include "store/connection.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>

#include "store/chain.h"
#include "store/migrations.h"

namespace plantrack::store {

Connection::Connection(std::string path, std::unique_ptr<SQLite::Database> db)
    : path_(std::move(path)), db_(std::move(db)) {}
Connection::~Connection() = default;
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;

namespace {

constexpr int kFirstSealedVersion = 3;  // schema/0003_records.sql

// Process-wide SQLite settings, applied once before the first connection: no memory-usage
// statistics (each allocation would take a global mutex for them).
void ConfigureSqliteOnce() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

}  // namespace

Result<Connection> Connection::Open(const std::string& path, const OpenOptions& options) {
  ConfigureSqliteOnce();
  const bool in_memory = path == ":memory:";
  if (!in_memory && options.mode == OpenMode::kExisting && !std::filesystem::exists(path)) {
    return Status::NoInput(
        fmt::format("database {} does not exist (create it with `plantrack init`)", path));
  }
  if (!in_memory && std::filesystem::is_directory(path)) {
    return Status::NoInput(fmt::format("database {} is a directory", path));
  }
  // A connection is used by one thread only, so SQLite's per-call mutexes are not needed.
  const int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX |
                    (options.mode == OpenMode::kCreate ? SQLite::OPEN_CREATE : 0);
  try {
    auto db = std::make_unique<SQLite::Database>(path, flags, options.busy_timeout_ms);
    // Read-only checks come first: nothing below may touch a file we are going to refuse.
    int version = 0;
    int tables = 0;
    try {
      version = db->execAndGet("PRAGMA user_version").getInt();
      tables = db->execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
    } catch (const SQLite::Exception& e) {
      return Status::Unavailable(
          fmt::format("{} is not a usable SQLite database: {}", path, e.getErrorStr()));
    }
    if (version > LatestSchemaVersion()) {
      return Status::Unavailable(fmt::format(
          "{} has schema version {}, newer than this plantrack's {}: upgrade plantrack (the "
          "file was not changed)",
          path, version, LatestSchemaVersion()));
    }
    if (version == 0 && tables > 0) {
      return Status::Unavailable(fmt::format(
          "{} is a SQLite database but not a plantrack one (the file was not changed)", path));
    }
    if (version == 0 && options.mode == OpenMode::kExisting && !in_memory) {
      return Status::NoInput(
          fmt::format("{} is empty: create the plan with `plantrack init`", path));
    }
    if (options.verify_integrity) {
      std::string check = db->execAndGet("PRAGMA quick_check(1)").getString();
      if (check != "ok") {
        return Status::Unavailable(fmt::format("{} failed the integrity check: {}", path, check));
      }
    }
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA synchronous = FULL");
    if (Status migrated = Migrate(*db); !migrated.ok()) return migrated;
    Connection connection(path, std::move(db));
    // A file from before the chain (schema 3) is sealed as it stands, once.
    if (version > 0 && version < kFirstSealedVersion) {
      Status sealed = connection.WriteTransaction([] { return Status::Ok(); });
      if (!sealed.ok()) return sealed;
    }
    return connection;
  } catch (...) {
    return StatusFromCurrentException();
  }
}

Status Connection::WriteTransaction(const std::function<Status()>& body) {
  SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
  Status status = body();
  if (status.ok()) {
    SealRecords(*this);
    transaction.commit();
  }
  return status;
}

Status Connection::DryRun(const std::function<Status()>& body) {
  // SQLiteCpp's Savepoint leaves the savepoint open after a rollback, so it is done by hand.
  db_->exec("SAVEPOINT dry_run");
  try {
    Status status = body();
    db_->exec("ROLLBACK TO dry_run; RELEASE dry_run");
    return status;
  } catch (...) {
    db_->exec("ROLLBACK TO dry_run; RELEASE dry_run");
    throw;
  }
}

ReadSnapshot::ReadSnapshot(Connection& connection) : connection_(connection) {
  if (sqlite3_get_autocommit(connection.db().getHandle()) == 0) return;
  connection.db().exec("BEGIN DEFERRED");
  // A deferred transaction takes its snapshot at the first read: take it now, not at whatever
  // the caller happens to read first.
  try {
    connection.db().execAndGet("SELECT count(*) FROM sqlite_schema");
  } catch (...) {
    connection.db().exec("ROLLBACK");
    throw;
  }
  began_ = true;
}

ReadSnapshot::~ReadSnapshot() {
  if (!began_) return;
  try {
    connection_.db().exec("COMMIT");
  } catch (...) {
    // A read transaction has nothing to lose; the connection is closed soon after anyway.
  }
}

Status StatusFromCurrentException() {
  try {
    throw;
  } catch (const SQLite::Exception& e) {
    switch (e.getErrorCode() & 0xff) {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return Status::Busy(
            fmt::format("database is busy (still locked after the timeout): {}; "
                        "try again",
                        e.what()));
      case SQLITE_CONSTRAINT:
        return Status::BadData(fmt::format("refused by the database: {}", e.what()));
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return Status::Unavailable(fmt::format("database is corrupt: {}", e.what()));
      case SQLITE_CANTOPEN:
        return Status::NoInput(fmt::format("cannot open the database: {}", e.what()));
      default:
        return Status::Internal(fmt::format("database error: {}", e.what()));
    }
  } catch (const std::exception& e) {
    return Status::Internal(fmt::format("internal error: {}", e.what()));
  }
}

}  // namespace plantrack::store
