#pragma once
// One open plantrack database file. Every connection gets the same pragmas (WAL, foreign keys,
// a busy timeout, synchronous=FULL) and is checked before use: a file that is not SQLite, is
// corrupt, or was written by a newer plantrack is refused untouched. Only the store layer sees
// the SQLiteCpp handle; the other layers pass a Connection around.

#include <functional>
#include <memory>
#include <string>

#include "domain/status.h"
#include "store/journal.h"

namespace SQLite {
class Database;
}

namespace plantrack::store {

enum class OpenMode {
  kExisting,  // the file must exist (exit 66 otherwise); pending migrations are applied
  kCreate,    // create the file when missing (init)
};

struct OpenOptions {
  OpenMode mode = OpenMode::kExisting;
  bool verify_integrity = false;  // run PRAGMA quick_check (linear in the file's size)
  int busy_timeout_ms = 5000;
  // The command only reads: the file is opened read-only, so a read-only file or folder still
  // serves reports. A file that needs a migration is opened read-write to migrate it first.
  bool read_only = false;
};

class Connection {
 public:
  ~Connection();
  Connection(Connection&&) noexcept;
  Connection& operator=(Connection&&) noexcept;

  // Opens `path` (":memory:" for tests) and brings its schema up to date.
  static Result<Connection> Open(const std::string& path, const OpenOptions& options = {});

  const std::string& path() const { return path_; }
  SQLite::Database& db() { return *db_; }

  // Runs `body` inside BEGIN IMMEDIATE ... COMMIT: the write lock is taken up front, so
  // concurrent writers wait on the busy timeout instead of failing mid-transaction. Rolls back
  // when `body` returns a non-OK Status or throws.
  Status WriteTransaction(const std::function<Status()>& body);

  // A writing command's transaction: WriteTransaction, and a body that changed any row must have
  // appended its journal row through AppendJournal below, or everything is rolled back with
  // exit 70. So no writing command can change the file without saying who did it and how.
  Status CommandTransaction(const std::function<Status()>& body);

  // Appends a writing command's journal row (store/journal.h) and returns its id.
  int64_t AppendJournal(const JournalEntry& entry);

  // Turns the schema's CHECK constraints and foreign keys off (or back on) for the rows written
  // meanwhile, for a bulk writer that has applied the same rules already (their parity is
  // tested: tests/store/check_parity_test.cpp) and found every row its rows refer to; every other
  // write keeps them. With both off and INSERT OR FAIL, nothing can abort a multi-row INSERT half
  // way, so SQLite keeps no statement journal for it (a temporary copy of every page it touches).
  // Changing it makes SQLite prepare each statement again at its next step, so a writer switches
  // it per batch, not per row.
  void SkipSchemaChecks(bool skip);

  // Runs `body` inside a savepoint that is always rolled back: a dry run that checks everything
  // and writes nothing. Its Status is returned as is.
  Status DryRun(const std::function<Status()>& body);

 private:
  Connection(std::string path, std::unique_ptr<SQLite::Database> db);

  std::string path_;
  std::unique_ptr<SQLite::Database> db_;
  int journal_rows_ = 0;  // appended through AppendJournal since the command began
  bool checks_skipped_ = false;
};

// One read transaction held for the object's lifetime: everything read through the connection
// meanwhile sees the file as it was when the snapshot began, whatever other connections commit
// (WAL keeps the old pages for it). Does nothing when a transaction is already open, so a
// snapshot may be taken inside another.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Connection& connection);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Connection& connection_;
  bool began_ = false;
};

// Maps the exception being handled (call only inside a catch block) to a Status: busy -> 75,
// constraint -> 65, corrupt or not a database -> 69, disk full or I/O error -> 74, read-only
// file -> 73, anything else -> 70.
Status StatusFromCurrentException();

// Whether an SQLite error code (extended or primary) is a failure of the machine or the file
// (disk full, I/O, corruption, a lock, no memory) rather than a refusal of one row. Code that
// turns refused rows into per-row problems must rethrow these: a full disk is one error, not one
// "bad row" per row still to come.
bool IsMachineError(int sqlite_error_code);

}  // namespace plantrack::store
