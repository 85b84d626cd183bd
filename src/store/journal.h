#pragma once
// The journal: one row per writing command, written in the same transaction as the change so
// that the record of who changed what can never disagree with the data.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace plantrack::store {

struct JournalEntry {
  std::optional<int64_t> unit_id;  // none for init
  std::string recorded_at;         // 'YYYY-MM-DDTHH:MM:SSZ'
  std::string command;             // as typed
  std::string detail;              // what changed, for people
  std::string kind;                // the command's name: log, done, measure, retract, undo, ...
  std::optional<int64_t> action_id;
  std::optional<int64_t> subject_id;  // the row created or changed (a milestone for done)
  std::optional<int64_t> undoes;      // for undo: the journal row it reversed
  std::string uid;                    // the record's global id; empty: a new one is made
  std::optional<int64_t> packet_id;   // a received record: the packet it came in
};

// Appends a journal row and returns its id.
int64_t AppendJournal(SQLite::Database& db, const JournalEntry& entry);

// Journal rows written many to a statement, for a receiver applying a packet of many records:
// one INSERT per row cost a received record as much as the rest of its rows together. Each row
// gets its id when added (the next free one, as SQLite would give it), so the rows written with
// it can name it; the rows are written when the batch is full or flushed. Until then nothing
// else may write a journal row, and what refers to a waiting row (its entries, its seal) must be
// written after the flush.
class JournalBatch {
 public:
  static constexpr size_t kRows = 64;

  explicit JournalBatch(SQLite::Database& db);
  ~JournalBatch();
  JournalBatch(const JournalBatch&) = delete;
  JournalBatch& operator=(const JournalBatch&) = delete;

  // The row's id; `entry.uid` must be set. Writes the waiting rows first when the batch is full.
  int64_t Add(JournalEntry entry);
  // Whether a waiting row has this uid (the journal's own index does not see it yet).
  bool Waiting(const std::string& uid) const;
  void Flush();

 private:
  SQLite::Database& db_;
  std::vector<JournalEntry> rows_;
  int64_t next_id_ = 0;  // of the next row added; 0: read from the file at the next Add
  std::unique_ptr<SQLite::Statement> full_insert_, one_insert_;
};

}  // namespace plantrack::store
