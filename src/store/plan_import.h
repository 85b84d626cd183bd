#pragma once
// Importing plan data row by row: the files of fixtures/czt (and of `plantrack export`), one
// kind of row per file. The plan's structure is upserted by code; progress entries and
// indicator values are appended, an exact duplicate of a live one skipped, so importing the
// same file twice is harmless. Rows are checked by the write path's rules; problems are
// collected as "FILE:LINE: message" instead of stopping at the first. The caller owns the
// transaction and rolls it back when there is any error.
// The structure's rows are in plan_import.cpp, the appended entries in import_entries.cpp.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/entry_rules.h"
#include "domain/status.h"
#include "domain/time_order.h"
#include "store/connection.h"
#include "store/entry_facts.h"
#include "store/identity.h"
#include "store/import_seal.h"
#include "store/period_lock_check.h"
#include "store/progress_batch.h"
#include "store/progress_store.h"
#include "store/row_kinds.h"  // RowKind, KindSpecs: what each kind of row is

namespace SQLite {
class Statement;
}

namespace plantrack::store {

struct ImportRow {
  std::string_view file;  // for messages: "FILE:LINE", or "FILE:kind[i]" when line is 0
  int line = 0;
  std::vector<std::string> fields;  // in the order of KindSpec::columns
  std::string where = {};           // overrides file and line when set

  std::string Where() const;
};

struct ImportCounts {
  int inserted = 0, updated = 0, skipped = 0;
};

class Importer {
 public:
  struct Options {
    std::optional<UnitRef> writer;  // none: the trusted load of `init`, no permission checks
    std::string now_utc;            // recorded_at for entries that have none
    std::string today;              // no entry may be dated after it
    int64_t journal_id = 0;         // the journal row of the command importing
  };

  Importer(Connection& connection, Options options);
  ~Importer();

  // Checks and writes one row; a problem is added to errors() rather than thrown. Progress
  // entries may wait in a batch until the next row of another kind or Finish.
  void Add(RowKind kind, const ImportRow& row);
  // Writes what is waiting and, when no row was refused, seals the import's record
  // (store/import_seal.h): nothing may be written under its journal row afterwards. Call it
  // after the last row, before reading errors() or counts().
  void Finish();

  // Records a problem found outside Add (a malformed file, a missing field). An empty `where`
  // is for a message that names its file and line already.
  void Reject(const std::string& where, const std::string& message);

  const std::vector<std::string>& errors() const { return errors_; }
  // What was accepted but deserves a word (an action done with milestones open), listed like
  // errors: the first kMaxListedErrors, then a count.
  const std::vector<std::string>& warnings() const { return warnings_; }
  int warning_count() const { return warning_count_; }
  int error_count() const { return error_count_; }
  const std::map<RowKind, ImportCounts>& counts() const { return counts_; }

  static constexpr int kMaxListedErrors = 50;

 private:
  using Ids = std::unordered_map<std::string, int64_t>;

  void Error(const ImportRow& row, const std::string& message);
  void Warning(const ImportRow& row, const std::string& message);
  // `stored`, when given, receives the code as stored (the row may give it as typed).
  std::optional<int64_t> Ref(const ImportRow& row, CodeKind kind, const std::string& code,
                             std::string* stored = nullptr);
  // The same, remembering the last code found: consecutive rows mostly name the same action
  // and unit.
  struct LastRef {
    std::string code, stored;
    int64_t id = 0;
  };
  std::optional<int64_t> Ref(const ImportRow& row, CodeKind kind, const std::string& code,
                             LastRef& last);
  Ids& IdsOf(CodeKind kind);
  void AddStructure(RowKind kind, const ImportRow& row);
  void AddProgress(const ImportRow& row);
  void AddIndicatorValue(const ImportRow& row);
  bool MayWriteFor(const ImportRow& row, int64_t unit_id, int64_t action_id);
  // A value's unit must be the writer or below it, unless the writer coordinates.
  bool MayMeasureAs(const ImportRow& row, std::optional<int64_t> unit_id);
  // The rules of domain/structure_rules.h and text_rules.h for a structural row whose fields
  // have parsed; in import_rules.cpp.
  std::optional<std::string> StructureProblem(RowKind kind, const std::vector<std::string>& fields);
  // The plan's dates, read again after a plan row changed them (the first import into an
  // empty file brings its plan).
  void RefreshPlanDates();
  // Whether the import's journal row exists (read once); a problem of `row` if it does not.
  bool JournalExists(const ImportRow& row);
  void FlushProgress();

  // Prepared once: a large import runs them once per row.
  SQLite::Statement& Prepared(std::unique_ptr<SQLite::Statement>& slot, const char* sql);

  Connection& connection_;
  Options options_;
  ProgressBatch batch_;
  // Where each waiting entry came from: the row's file, line and `where`, kept without
  // formatting a message for every row.
  std::vector<ImportRow> batch_rows_;
  ImportSeal seal_{connection_, options_.journal_id};
  bool journal_checked_ = false;
  std::unique_ptr<SQLite::Statement> duplicate_entry_, duplicate_value_;
  ActionReads action_reads_;
  LastRef last_action_, last_unit_;
  domain::Date today_, issued_on_, far_horizon_;
  bool plan_dates_stale_ = false;
  std::map<CodeKind, Ids> ids_;  // kind -> code -> id, loaded lazily
  // Per action, loaded when its first entry arrives: its start; its live entries in time order,
  // only the latest one until an entry dated before that arrives, then (one query) all of them,
  // so that an import in date order keeps one entry per action and no query per row; whether
  // the file had live entries before this import, and the newest date this import added (a row
  // newer than that on an action that had none cannot duplicate anything, so the duplicate
  // query is skipped for it).
  struct ActionState {
    domain::Date start_on;
    std::vector<domain::TimedEntry> timeline;
    bool complete = false;
    bool had_entries = false;
    std::string newest_imported;
  };
  ActionState& StateOf(int64_t action_id);
  std::unordered_map<int64_t, ActionState> actions_;
  std::map<std::pair<int64_t, int64_t>, bool> may_write_;  // (unit, action)
  std::map<int64_t, bool> may_measure_as_;                 // unit
  struct IndicatorRules {
    std::string measure_unit;
    int baseline_year = 0;
  };
  std::unordered_map<int64_t, IndicatorRules> indicators_;  // loaded at the first use
  const IndicatorRules& RulesOf(int64_t indicator_id);
  std::map<std::pair<RowKind, std::string>, std::string> seen_;  // code -> where, per kind
  std::map<RowKind, std::set<std::string>> existing_keys_;       // for kinds without a code
  std::map<RowKind, ImportCounts> counts_;
  std::vector<std::string> errors_, warnings_;
  int error_count_ = 0, warning_count_ = 0;
  ImportLocks locks_{connection_};  // the period locks, loaded at the first entry that asks
};

}  // namespace plantrack::store
