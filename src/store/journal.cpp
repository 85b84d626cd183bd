#include "store/journal.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/record_codec.h"

namespace plantrack::store {
namespace {

void BindOptional(SQLite::Statement& statement, int index, const std::optional<int64_t>& value) {
  value ? statement.bind(index, *value) : statement.bind(index);
}

// An INSERT of `rows` journal rows, eleven parameters each in BindRow's order; every journal row
// is written through it. OR FAIL: for many rows with the checks skipped
// (Connection::SkipSchemaChecks) nothing else can stop it half way, so SQLite need not keep a
// statement journal to undo it (a refusal fails the whole receive); for one row it is ABORT.
constexpr int kColumns = 11;
std::string InsertRowsSql(size_t rows) {
  std::string sql =
      "INSERT OR FAIL INTO journal (id, unit_id, recorded_at, command, detail, kind, action_id, "
      "subject_id, undoes, uid, packet_id) VALUES ";
  for (size_t i = 0; i < rows; ++i)
    sql += i == 0 ? "(?,?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?,?)";
  return sql;
}

// Binds without copying the strings: `entry` must outlive the statement's next step. No id: the
// next free one.
void BindRow(SQLite::Statement& statement, int first, const std::optional<int64_t>& id,
             const JournalEntry& entry) {
  BindOptional(statement, first, id);
  BindOptional(statement, first + 1, entry.unit_id);
  statement.bindNoCopy(first + 2, entry.recorded_at);
  statement.bindNoCopy(first + 3, entry.command);
  statement.bindNoCopy(first + 4, entry.detail);
  statement.bindNoCopy(first + 5, entry.kind);
  BindOptional(statement, first + 6, entry.action_id);
  BindOptional(statement, first + 7, entry.subject_id);
  BindOptional(statement, first + 8, entry.undoes);
  statement.bindNoCopy(first + 9, entry.uid);
  BindOptional(statement, first + 10, entry.packet_id);
}

}  // namespace

int64_t AppendJournal(SQLite::Database& db, const JournalEntry& entry) {
  JournalEntry row = entry;
  if (row.uid.empty()) row.uid = NewRecordUid(row.recorded_at);
  SQLite::Statement insert(db, InsertRowsSql(1));
  BindRow(insert, 1, std::nullopt, row);
  insert.exec();
  return db.getLastInsertRowid();
}

JournalBatch::JournalBatch(SQLite::Database& db) : db_(db) { rows_.reserve(kRows); }
JournalBatch::~JournalBatch() = default;

int64_t JournalBatch::Add(JournalEntry entry) {
  if (rows_.size() == kRows) Flush();
  if (next_id_ == 0)
    next_id_ = db_.execAndGet("SELECT coalesce(max(id), 0) + 1 FROM journal").getInt64();
  rows_.push_back(std::move(entry));
  return next_id_++;
}

bool JournalBatch::Waiting(const std::string& uid) const {
  for (const JournalEntry& row : rows_) {
    if (row.uid == uid) return true;
  }
  return false;
}

void JournalBatch::Flush() {
  if (rows_.empty()) return;
  const int64_t first_id = next_id_ - static_cast<int64_t>(rows_.size());
  if (rows_.size() == kRows) {
    if (!full_insert_)
      full_insert_ = std::make_unique<SQLite::Statement>(db_, InsertRowsSql(kRows));
    full_insert_->tryReset();
    for (size_t i = 0; i < kRows; ++i) {
      BindRow(*full_insert_, static_cast<int>(i) * kColumns + 1, first_id + static_cast<int64_t>(i),
              rows_[i]);
    }
    full_insert_->exec();
  } else {
    if (!one_insert_) one_insert_ = std::make_unique<SQLite::Statement>(db_, InsertRowsSql(1));
    for (size_t i = 0; i < rows_.size(); ++i) {
      one_insert_->tryReset();
      BindRow(*one_insert_, 1, first_id + static_cast<int64_t>(i), rows_[i]);
      one_insert_->exec();
    }
  }
  rows_.clear();
  next_id_ = 0;  // something else may write a journal row before the next Add
}

}  // namespace plantrack::store
