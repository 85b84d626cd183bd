#include "store/connection.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>
#include <optional>

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

int PrimaryCode(const SQLite::Exception& e) { return e.getErrorCode() & 0xff; }

// The first reads of a file, before anything may be written to it.
struct FileState {
  int version = 0;
  int tables = 0;
};

// Reads the schema version and the number of tables. A lock held by another program is busy
// (75), a file or folder that cannot be written where SQLite needs to (WAL's -shm) is 73, and
// anything else means the file is not a usable database (69).
Result<FileState> Inspect(SQLite::Database& db, const std::string& path) {
  try {
    return FileState{db.execAndGet("PRAGMA user_version").getInt(),
                     db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt()};
  } catch (const SQLite::Exception& e) {
    switch (PrimaryCode(e)) {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return Status::Busy(fmt::format(
            "database {} is locked by another program (still after the busy timeout): try again",
            path));
      case SQLITE_READONLY:
      case SQLITE_CANTOPEN:
        return Status::CantCreate(
            fmt::format("database {} is read-only here ({}): writing needs write permission on "
                        "the file and its folder",
                        path, e.getErrorStr()));
      case SQLITE_IOERR:
        return Status::IoError(fmt::format("cannot read {}: {}", path, e.getErrorStr()));
      default:
        return Status::Unavailable(
            fmt::format("{} is not a usable SQLite database: {}", path, e.getErrorStr()));
    }
  }
}

// The checks every file passes before use; nothing below them may touch a refused file.
Status CheckFile(SQLite::Database& db, const std::string& path, const OpenOptions& options,
                 const FileState& state) {
  if (state.version > LatestSchemaVersion()) {
    return Status::Unavailable(fmt::format(
        "{} has schema version {}, newer than this plantrack's {}: upgrade plantrack (the "
        "file was not changed)",
        path, state.version, LatestSchemaVersion()));
  }
  if (state.version == 0 && state.tables > 0) {
    return Status::Unavailable(fmt::format(
        "{} is a SQLite database but not a plantrack one (the file was not changed)", path));
  }
  if (state.version == 0 && options.mode == OpenMode::kExisting && path != ":memory:") {
    return Status::NoInput(fmt::format("{} is empty: create the plan with `plantrack init`", path));
  }
  if (options.verify_integrity) {
    std::string check = db.execAndGet("PRAGMA quick_check(1)").getString();
    if (check != "ok") {
      return Status::Unavailable(fmt::format("{} failed the integrity check: {}", path, check));
    }
  }
  return Status::Ok();
}

// `path` as an SQLite URI that opens the file immutable: no locks and no -shm, for a file in a
// folder this process cannot write. Safe there, because a writer would need that folder too.
std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '?' || c == '#' || c == '%') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

const int kReadOnlyFlags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;

// Opens an existing file for reading only. A WAL file whose folder is read-only cannot get its
// -shm file: SQLite refuses the first read, and the file is opened immutable instead. Returns
// nothing when the file needs a migration (the caller opens it read-write).
std::optional<Result<std::unique_ptr<SQLite::Database>>> OpenReadOnly(const std::string& path,
                                                                      const OpenOptions& options) {
  auto db = std::make_unique<SQLite::Database>(path, kReadOnlyFlags, options.busy_timeout_ms);
  try {
    db->execAndGet("PRAGMA user_version");
  } catch (const SQLite::Exception& e) {
    if (PrimaryCode(e) != SQLITE_READONLY && PrimaryCode(e) != SQLITE_CANTOPEN) throw;
    db = std::make_unique<SQLite::Database>(ImmutableUri(path), kReadOnlyFlags | SQLITE_OPEN_URI,
                                            options.busy_timeout_ms);
  }
  Result<FileState> state = Inspect(*db, path);
  if (!state.ok()) return state.status();
  if (Status checked = CheckFile(*db, path, options, *state); !checked.ok()) return checked;
  if (state->version < LatestSchemaVersion()) return std::nullopt;
  return Result<std::unique_ptr<SQLite::Database>>(std::move(db));
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
  try {
    if (options.read_only && !in_memory && options.mode == OpenMode::kExisting) {
      auto read_only = OpenReadOnly(path, options);
      if (read_only && !read_only->ok()) return read_only->status();
      if (read_only) return Connection(path, std::move(read_only->value()));
    }
    // A connection is used by one thread only, so SQLite's per-call mutexes are not needed.
    const int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX |
                      (options.mode == OpenMode::kCreate ? SQLite::OPEN_CREATE : 0);
    auto db = std::make_unique<SQLite::Database>(path, flags, options.busy_timeout_ms);
    Result<FileState> state = Inspect(*db, path);
    if (!state.ok()) return state.status();
    if (Status checked = CheckFile(*db, path, options, *state); !checked.ok()) return checked;
    // SQLite quietly opens a write-protected file read-only; say so before any write fails.
    if (!in_memory && sqlite3_db_readonly(db->getHandle(), "main") == 1) {
      return Status::CantCreate(fmt::format(
          "database {} is read-only: reading commands work, writing ones need write permission "
          "on the file and its folder",
          path));
    }
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA synchronous = FULL");
    if (Status migrated = Migrate(*db); !migrated.ok()) return migrated;
    Connection connection(path, std::move(db));
    // A file from before the chain (schema 3) is sealed as it stands, once.
    if (state->version > 0 && state->version < kFirstSealedVersion) {
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

Status Connection::CommandTransaction(const std::function<Status()>& body) {
  return WriteTransaction([&] {
    journal_rows_ = 0;
    const int changes_before = db_->getTotalChanges();
    Status status = body();
    if (status.ok() && journal_rows_ == 0 && db_->getTotalChanges() != changes_before) {
      return Status::Internal("the command changed the file without its journal row");
    }
    return status;
  });
}

int64_t Connection::AppendJournal(const JournalEntry& entry) {
  const int64_t id = store::AppendJournal(*db_, entry);
  ++journal_rows_;
  return id;
}

void Connection::SkipSchemaChecks(bool skip) {
  if (skip == checks_skipped_) return;
  db_->exec(skip ? "PRAGMA ignore_check_constraints = ON"
                 : "PRAGMA ignore_check_constraints = OFF");
  // PRAGMA foreign_keys is a no-op inside a transaction, for the sake of deferred constraints
  // pending at commit; the schema has none (every key is checked at its statement), so switching
  // the check off for these rows and on again leaves nothing unchecked behind.
  sqlite3_db_config(db_->getHandle(), SQLITE_DBCONFIG_ENABLE_FKEY, skip ? 0 : 1, nullptr);
  checks_skipped_ = skip;
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
      case SQLITE_FULL:
        return Status::IoError(fmt::format("disk full, nothing was written: {}", e.what()));
      case SQLITE_IOERR:
        return Status::IoError(fmt::format("I/O error, nothing was written: {}", e.what()));
      case SQLITE_READONLY:
        return Status::CantCreate(fmt::format("the database cannot be written: {}", e.what()));
      case SQLITE_CONSTRAINT:
        return Status::BadData(fmt::format("refused by the database: {}", e.what()));
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return Status::Unavailable(
            fmt::format("database is corrupt, nothing was written: {}", e.what()));
      case SQLITE_CANTOPEN:
        return Status::NoInput(fmt::format("cannot open the database: {}", e.what()));
      default:
        return Status::Internal(fmt::format("database error: {}", e.what()));
    }
  } catch (const std::exception& e) {
    return Status::Internal(fmt::format("internal error: {}", e.what()));
  } catch (...) {
    // Not a std::exception (a thrown int or string, a library's own type): still one line and
    // exit 70, never std::terminate.
    return Status::Internal("internal error: an exception of an unknown type");
  }
}

bool IsMachineError(int sqlite_error_code) {
  switch (sqlite_error_code & 0xff) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_NOMEM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
    case SQLITE_INTERRUPT:
      return true;
    default:
      return false;
  }
}

}  // namespace plantrack::store
