#include "store/parallel_read.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <memory>

namespace plantrack::store {
namespace {

// Each a seek to one end of a table's key. These tables only grow (their rows cannot be updated
// or deleted) and every writing command appends a journal row, so two connections that agree
// on these read the same file.
constexpr const char* kFingerprint = R"sql(
  SELECT (SELECT max(id) FROM progress_log), (SELECT max(rowid) FROM retraction),
         (SELECT max(id) FROM journal)
)sql";

struct Fingerprint {
  int64_t last_entry = 0, last_retraction = 0, last_journal = 0;
  bool operator==(const Fingerprint&) const = default;
};

Fingerprint FingerprintOf(Connection& connection) {
  SQLite::Statement query(connection.db(), kFingerprint);
  query.executeStep();
  auto id = [&](int column) { return query.getColumn(column).getInt64(); };  // NULL reads 0
  return {id(0), id(1), id(2)};
}

// Runs `read` on a new connection to `path` if it reads the snapshot `expected` describes.
bool RunOnSecondConnection(const std::string& path, const Fingerprint& expected,
                           const std::function<void(Connection&)>& read) {
  OpenOptions options;
  options.read_only = true;
  Result<Connection> second = Connection::Open(path, options);
  if (!second.ok()) return false;
  std::unique_ptr<ReadSnapshot> snapshot;
  try {
    snapshot = std::make_unique<ReadSnapshot>(*second);
    if (!(FingerprintOf(*second) == expected)) return false;
  } catch (const SQLite::Exception&) {
    return false;  // the first connection reads it instead
  }
  read(*second);
  return true;
}

}  // namespace

bool CanReadInParallel(Connection& connection) {
  if (connection.path() == ":memory:" || connection.path().empty()) return false;
  // Outside a transaction there is no snapshot to share; inside a writing one, what it wrote is
  // seen by this connection only.
  return sqlite3_txn_state(connection.db().getHandle(), "main") == SQLITE_TXN_READ;
}

ParallelRead::ParallelRead(Connection& connection, std::function<void(Connection&)> read)
    : connection_(connection), read_(std::move(read)) {
  if (!CanReadInParallel(connection)) {
    std::promise<bool> here;
    here.set_value(false);
    moved_ = here.get_future();
    return;
  }
  moved_ = std::async(std::launch::async, RunOnSecondConnection, connection.path(),
                      FingerprintOf(connection), std::cref(read_));
}

ParallelRead::~ParallelRead() {
  if (moved_.valid()) moved_.wait();
}

void ParallelRead::Wait() {
  if (!moved_.get()) read_(connection_);
}

}  // namespace plantrack::store
