// The entries an import appends (progress entries and indicator values), with the write
// path's rules and permissions, an exact duplicate of a live entry skipped. Progress entries go
// to the database 64 to a statement (store/progress_batch.h), without the schema's CHECKs,
// whose rules they have passed here (tests/store/check_parity_test.cpp).

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>

#include "domain/civil_date.h"
#include "domain/numbers.h"
#include "store/identity.h"
#include "store/plan_import.h"
#include "store/progress_store.h"

namespace plantrack::store {
namespace {

constexpr const char* kDuplicateValue = R"sql(
  SELECT EXISTS (SELECT 1 FROM indicator_value v
                  WHERE v.indicator_id = :indicator AND v.as_of = :as_of AND v.value = :value
                    AND v.unit_id IS :unit
                    AND NOT EXISTS (SELECT 1 FROM indicator_value_retraction r
                                     WHERE r.indicator_value_id = v.id))
)sql";

constexpr const char* kDuplicateEntry = R"sql(
  SELECT EXISTS (SELECT 1 FROM progress_log p
                  WHERE p.action_id = :action AND p.logged_on = :logged_on AND p.unit_id = :unit
                    AND p.percent = :percent AND p.status = :status AND p.note = :note
                    AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id))
)sql";

constexpr const char* kLatestOn = R"sql(
  SELECT p.logged_on, p.percent, p.status FROM progress_log p
   WHERE p.action_id = :action_id
     AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
   ORDER BY p.logged_on DESC, p.id DESC LIMIT 1
)sql";

}  // namespace

void Importer::FlushProgress() {
  for (const ProgressBatch::Refusal& refusal : batch_.Flush()) {
    Reject(batch_rows_[refusal.index].Where(),
           fmt::format("refused by the database: {}", refusal.message));
  }
}

void Importer::SkipSchemaChecks(bool skip) {
  if (skip == checks_skipped_) return;
  // Changing this pragma expires every prepared statement; each is prepared again, under the
  // new setting, the next time it runs.
  connection_.db().exec(skip ? "PRAGMA ignore_check_constraints = ON"
                             : "PRAGMA ignore_check_constraints = OFF");
  checks_skipped_ = skip;
}

bool Importer::MayWriteFor(const ImportRow& row, int64_t unit_id, int64_t action_id) {
  if (!options_.writer || options_.writer->coordinator) return true;
  auto [cached, fresh] = may_write_.emplace(std::pair(unit_id, action_id), false);
  if (fresh) {
    // The entry's unit must be the writer or below it, and responsible for the action.
    cached->second = IsResponsible(connection_, unit_id, action_id) &&
                     IsWithin(connection_, unit_id, options_.writer->id);
  }
  if (!cached->second) {
    Error(row, fmt::format("{} may not write this entry: its unit must be {} or a unit below it, "
                           "responsible for the action",
                           options_.writer->slug, options_.writer->slug));
  }
  return cached->second;
}

void Importer::AddProgress(const ImportRow& row) {
  // action, unit, logged_on, recorded_at, percent, status, note, source
  const auto& f = row.fields;
  auto action = Ref(row, "action", f[0], last_action_);
  auto unit = Ref(row, "unit", f[1], last_unit_);
  if (!action || !unit) return;
  auto on = domain::ParseIsoDate(f[2]);
  if (!on) return Error(row, fmt::format("logged_on '{}' is not a valid date (YYYY-MM-DD)", f[2]));
  const std::string& recorded_at = f[3].empty() ? options_.now_utc : f[3];
  if (!domain::IsIsoTimestamp(recorded_at)) {
    return Error(row, fmt::format("recorded_at '{}' is not YYYY-MM-DDTHH:MM:SSZ", f[3]));
  }
  auto percent = domain::ParseInteger(f[4]);
  if (!percent || *percent < 0 || *percent > 100) {
    return Error(row, fmt::format("percent '{}' is not a whole number from 0 to 100", f[4]));
  }
  if (auto problem = domain::CheckNote("note", f[6])) return Error(row, *problem);
  if (options_.writer) {
    if (auto problem = domain::CheckEntryDate(*on, today_, issued_on_, far_horizon_)) {
      return Error(row, problem->replace(0, 4, "logged_on"));
    }
    if (!MayWriteFor(row, *unit, *action)) return;
  }
  auto [state, fresh] = actions_.try_emplace(*action);
  if (fresh) {
    // No flush needed: nothing of an action seen for the first time waits in the batch.
    SQLite::Statement& query = Prepared(latest_on_, kLatestOn);
    query.bind(":action_id", *action);
    if (query.executeStep()) {
      state->second.latest = Latest{query.getColumn(0).getString(),
                                    {query.getColumn(1).getInt(), query.getColumn(2).getString()}};
      state->second.had_entries = true;
    }
  }
  // An exact duplicate of a live entry is skipped before any rule is applied to it.
  if (state->second.had_entries || f[2] <= state->second.newest_imported) {
    FlushProgress();  // the query must see the entries still waiting in the batch
    SQLite::Statement& duplicate = Prepared(duplicate_entry_, kDuplicateEntry);
    duplicate.bind(":action", *action);
    duplicate.bind(":unit", *unit);
    duplicate.bind(":logged_on", f[2]);
    duplicate.bind(":percent", *percent);
    duplicate.bind(":status", f[5]);
    duplicate.bind(":note", f[6]);
    if (duplicate.executeStep() && duplicate.getColumn(0).getInt() != 0) {
      ++counts_[RowKind::kProgress].skipped;
      return;
    }
  }
  std::optional<Latest>& latest = state->second.latest;
  // Entries older than the latest are history being filled in, not a step back.
  const bool newest = !latest || latest->on <= f[2];
  if (auto problem =
          domain::CheckProgress(f[0], static_cast<int>(*percent), f[5], f[6],
                                newest && latest ? std::optional(latest->entry) : std::nullopt)) {
    return Error(row, *problem);
  }
  NewProgress& entry = batch_.Next();
  entry.action_id = *action;
  entry.unit_id = *unit;
  entry.logged_on.assign(f[2]);
  entry.recorded_at.assign(recorded_at);
  entry.percent = static_cast<int>(*percent);
  entry.status.assign(f[5]);
  entry.note.assign(f[6]);
  entry.source.assign(f[7]);
  entry.journal_id = options_.journal_id;
  ImportRow& origin = batch_rows_[batch_.size() - 1];
  origin.file = row.file;
  origin.line = row.line;
  origin.where.assign(row.where);
  if (batch_.full()) FlushProgress();
  if (newest) latest = Latest{f[2], {static_cast<int>(*percent), f[5]}};
  state->second.newest_imported = std::max(state->second.newest_imported, f[2]);
  ++counts_[RowKind::kProgress].inserted;
}

void Importer::AddIndicatorValue(const ImportRow& row) {
  // indicator, as_of, value, unit, source
  const auto& f = row.fields;
  auto indicator = Ref(row, "indicator", f[0]);
  if (!indicator) return;
  std::optional<int64_t> unit;
  if (!f[3].empty() && !(unit = Ref(row, "unit", f[3]))) return;
  auto on = domain::ParseIsoDate(f[1]);
  if (!on) return Error(row, fmt::format("as_of '{}' is not a valid date (YYYY-MM-DD)", f[1]));
  auto value = domain::ParseNumber(f[2]);
  if (!value) return Error(row, fmt::format("value '{}' is not a finite number", f[2]));
  if (options_.writer && options_.today < f[1]) {
    return Error(row, fmt::format("as_of {} is in the future (today is {})", f[1], options_.today));
  }
  SQLite::Statement& duplicate = Prepared(duplicate_value_, kDuplicateValue);
  duplicate.bind(":indicator", *indicator);
  duplicate.bind(":as_of", f[1]);
  duplicate.bind(":value", *value);
  unit ? duplicate.bind(":unit", *unit) : duplicate.bind(":unit");
  if (duplicate.executeStep() && duplicate.getColumn(0).getInt() != 0) {
    ++counts_[RowKind::kIndicatorValues].skipped;
    return;
  }
  NewIndicatorValue insert{*indicator, unit, f[1],   options_.writer ? options_.now_utc : "",
                           "",         f[4], *value, options_.journal_id};
  try {
    InsertIndicatorValue(connection_, insert);
  } catch (const SQLite::Exception& e) {
    if (IsMachineError(e.getErrorCode())) throw;  // a full disk is one error, not one per row
    return Error(row, fmt::format("refused by the database: {}", e.what()));
  }
  ++counts_[RowKind::kIndicatorValues].inserted;
}

}  // namespace plantrack::store
