#pragma once
// The journal: one row per writing command, written in the same transaction as the change so
// that the record of who changed what can never disagree with the data.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

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

// The same through one prepared statement, for a receiver writing many records.
class JournalWriter {
 public:
  explicit JournalWriter(SQLite::Database& db);
  ~JournalWriter();
  int64_t Append(const JournalEntry& entry);

 private:
  SQLite::Database& db_;
  std::unique_ptr<SQLite::Statement> insert_;
};

}  // namespace plantrack::store
