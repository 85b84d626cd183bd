#pragma once
// The append-only records: progress entries, indicator values and their retractions, and what
// undo needs to find the last command of a unit. Nothing here updates or deletes a row of
// progress_log, indicator_value or their retraction tables (triggers would refuse it).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.h"

namespace SQLite {
class Statement;
}

namespace plantrack::store {

struct NewProgress {
  int64_t action_id = 0, unit_id = 0;
  std::string logged_on, recorded_at;
  int percent = 0;
  std::string status, note, source;
  int64_t journal_id = 0;
};
int64_t InsertProgress(Connection& connection, const NewProgress& entry);

// An INSERT OR FAIL of `rows` entries into progress_log, their parameters in BindProgress's
// order: a refused row leaves the statement's rows before it written (sqlite3_changes counts
// them), unless a foreign key refused it, which rolls the whole statement back.
std::string InsertProgressSql(size_t rows);

// Binds `entry` to the nine parameters from `first` on, in the column order of NewProgress,
// without copying its strings: they must outlive the statement's next step.
constexpr int kProgressColumns = 9;
void BindProgress(SQLite::Statement& statement, int first, const NewProgress& entry);

// Inserts many entries through one prepared statement (an import may write a million).
class ProgressWriter {
 public:
  explicit ProgressWriter(Connection& connection);
  ~ProgressWriter();
  int64_t Insert(const NewProgress& entry);

 private:
  Connection& connection_;
  std::unique_ptr<SQLite::Statement> insert_;
};

struct EntryRef {
  int64_t id = 0;
  std::string action, unit, logged_on, status, note;
  int percent = 0;
  bool retracted = false;
};
std::optional<EntryRef> FindEntry(Connection& connection, int64_t id);

int64_t InsertRetraction(Connection& connection, int64_t entry_id, int64_t unit_id,
                         const std::string& recorded_at, const std::string& reason,
                         int64_t journal_id);

struct NewIndicatorValue {
  int64_t indicator_id = 0;
  std::optional<int64_t> unit_id;                // who measured, when known
  std::string as_of, recorded_at, note, source;  // recorded_at empty: not known (old data)
  double value = 0;
  int64_t journal_id = 0;
};
std::optional<int64_t> FindIndicatorId(Connection& connection, const std::string& code);
int64_t InsertIndicatorValue(Connection& connection, const NewIndicatorValue& value);

// The same through one prepared statement, for a receiver writing many values.
class IndicatorValueWriter {
 public:
  explicit IndicatorValueWriter(Connection& connection);
  ~IndicatorValueWriter();
  int64_t Insert(const NewIndicatorValue& value);

 private:
  Connection& connection_;
  std::unique_ptr<SQLite::Statement> insert_;
};

// The unit's last writing command that has not been undone (undo rows themselves skipped).
struct LastCommand {
  int64_t journal_id = 0;
  std::string kind, recorded_at, command;
  std::optional<int64_t> subject_id;
  std::optional<int64_t> action_id;
};
std::optional<LastCommand> LastCommandOf(Connection& connection, int64_t unit_id);

// Live progress entries and indicator values that a journal row wrote.
std::vector<EntryRef> LiveEntriesOf(Connection& connection, int64_t journal_id);
std::vector<int64_t> LiveValuesOf(Connection& connection, int64_t journal_id);
void RetractValue(Connection& connection, int64_t value_id, int64_t unit_id,
                  const std::string& recorded_at, const std::string& reason, int64_t journal_id);

}  // namespace plantrack::store
