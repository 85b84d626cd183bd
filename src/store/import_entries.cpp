// The entries an import appends (progress entries and indicator values), with the write
// path's rules and permissions, an exact duplicate of a live entry skipped. Progress entries go
// to the database 256 to a statement (store/progress_batch.h), without the schema's CHECKs,
// whose rules they have passed here (tests/store/check_parity_test.cpp), and without its foreign
// keys, whose rows they were resolved to here.

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>

#include "domain/civil_date.h"
#include "domain/numbers.h"
#include "domain/text_rules.h"
#include "domain/value_rules.h"
#include "store/entry_facts.h"
#include "store/identity.h"
#include "store/plan_import.h"
#include "store/progress_store.h"

namespace plantrack::store {
namespace {

constexpr const char* kDuplicateValue = R"sql(
  SELECT EXISTS (SELECT 1 FROM indicator_value v
                  WHERE v.indicator_id = :indicator AND v.as_of = :as_of AND v.value = :value
                    AND NOT EXISTS (SELECT 1 FROM indicator_value_retraction r
                                     WHERE r.indicator_value_id = v.id))
)sql";

constexpr const char* kDuplicateEntry = R"sql(
  SELECT EXISTS (SELECT 1 FROM progress_log p
                  WHERE p.action_id = :action AND p.logged_on = :logged_on AND p.unit_id = :unit
                    AND p.percent = :percent AND p.status = :status AND p.note = :note
                    AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id))
)sql";

}  // namespace

void Importer::FlushProgress() {
  for (const ProgressBatch::Refusal& refusal : batch_.Flush()) {
    Reject(batch_rows_[refusal.index].Where(),
           fmt::format("refused by the database: {}", refusal.message));
  }
}

bool Importer::JournalExists(const ImportRow& row) {
  if (journal_checked_) return true;
  SQLite::Statement query(connection_.db(), "SELECT 1 FROM journal WHERE id = :id");
  query.bind(":id", options_.journal_id);
  if (!query.executeStep()) {
    Error(row, fmt::format("journal row {} does not exist", options_.journal_id));
    return false;
  }
  journal_checked_ = true;
  return true;
}

Importer::ActionState& Importer::StateOf(int64_t action_id) {
  auto [state, fresh] = actions_.try_emplace(action_id);
  if (fresh) {
    // No flush needed: nothing of an action seen for the first time waits in the batch.
    state->second.start_on = action_reads_.StartOn(action_id);
    state->second.timeline = action_reads_.Timeline(action_id, /*latest_only=*/true);
    state->second.had_entries = !state->second.timeline.empty();
  }
  return state->second;
}

void Importer::AddProgress(const ImportRow& row) {
  // action, unit, logged_on, recorded_at, percent, status, note, source
  const auto& f = row.fields;
  // The references the database does not check here (Connection::SkipSchemaChecks): action and unit
  // are rows found by their codes, the journal row is looked up once.
  auto action = Ref(row, CodeKind::kAction, f[0], last_action_);
  auto unit = Ref(row, CodeKind::kUnit, f[1], last_unit_);
  if (!action || !unit || !JournalExists(row)) return;
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
  if (auto locked = locks_.Check(LockSubject::Action(*action), *on, "logged_on")) {
    return Error(row, *locked);
  }
  if (auto problem = domain::CheckLine("source", f[7])) return Error(row, *problem);
  // The date rules hold for every import, the first into an empty file included.
  RefreshPlanDates();
  if (auto problem = domain::CheckEntryDate(*on, today_, issued_on_, far_horizon_)) {
    return Error(row, *problem);
  }
  // A file's recorded_at is a claim; it may not be in the future nor before the entry's day.
  if (auto problem = domain::CheckRecordedAt(recorded_at, *on, options_.now_utc)) {
    return Error(row, *problem);
  }
  if (options_.writer && !MayWriteFor(row, *unit, *action)) return;
  ActionState& state = StateOf(*action);
  if (auto problem = domain::CheckEntryStart(f[0], *on, state.start_on)) {
    return Error(row, *problem);
  }
  // An exact duplicate of a live entry is skipped before any rule is applied to it.
  if (state.had_entries || f[2] <= state.newest_imported) {
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
  std::vector<domain::TimedEntry>& timeline = state.timeline;
  if (!state.complete && !timeline.empty() && *on < timeline.back().on) {
    // History filled in: from now on this action's whole series is needed. The batch is
    // written first so that the query sees this import's entries too.
    FlushProgress();
    timeline = action_reads_.Timeline(*action);
    state.complete = true;
  }
  const domain::NewEntry entry{f[0], *on, static_cast<int>(*percent), f[5], f[6]};
  if (auto problem = domain::CheckTimeOrder(entry, domain::NeighboursAt(timeline, *on))) {
    return Error(row, *problem);
  }
  if (entry.percent == 100) {
    // Read each time, not kept: an action reaches 100 % once, and keeping ten thousand actions'
    // lists would cost more memory than the rest of the importer's state.
    if (auto warning = domain::OpenMilestonesWarning(f[0], entry.percent, *on,
                                                     action_reads_.Milestones(*action))) {
      Warning(row, *warning);
    }
  }
  NewProgress& insert = batch_.Next();
  insert.action_id = *action;
  insert.unit_id = *unit;
  insert.logged_on.assign(f[2]);
  insert.recorded_at.assign(recorded_at);
  insert.percent = entry.percent;
  insert.status.assign(f[5]);
  insert.note.assign(f[6]);
  insert.source.assign(f[7]);
  insert.journal_id = options_.journal_id;
  ImportRow& origin = batch_rows_[batch_.size() - 1];
  origin.file = row.file;
  origin.line = row.line;
  origin.where.assign(row.where);
  if (batch_.full()) FlushProgress();
  // Hashed from the values in hand rather than read back at commit (store/import_seal.h).
  seal_.Entry(
      {last_action_.stored, last_unit_.stored, f[2], recorded_at, entry.percent, f[5], f[6], f[7]});
  // CheckTimeOrder has accepted the status: it is one of the five.
  const domain::TimedEntry added{*on, entry.percent, *domain::ParseStatus(f[5]),
                                 domain::SaysSomething(f[6])};
  if (state.complete) {
    timeline.insert(timeline.begin() + domain::InsertionPoint(timeline, *on), std::move(added));
  } else if (timeline.empty()) {
    timeline.push_back(std::move(added));
  } else {
    timeline.back() = std::move(added);  // in date order: only the latest is kept
  }
  state.newest_imported = std::max(state.newest_imported, f[2]);
  ++counts_[RowKind::kProgress].inserted;
}

void Importer::AddIndicatorValue(const ImportRow& row) {
  // indicator, as_of, value, unit, source
  const auto& f = row.fields;
  auto indicator = Ref(row, CodeKind::kIndicator, f[0]);
  if (!indicator) return;
  std::optional<int64_t> unit;
  if (!f[3].empty() && !(unit = Ref(row, CodeKind::kUnit, f[3]))) return;
  auto on = domain::ParseIsoDate(f[1]);
  if (!on) return Error(row, fmt::format("as_of '{}' is not a valid date (YYYY-MM-DD)", f[1]));
  auto value = domain::ParseNumber(f[2]);
  if (!value) return Error(row, fmt::format("value '{}' is not a finite number", f[2]));
  if (auto problem = domain::CheckLine("source", f[4])) return Error(row, *problem);
  const IndicatorRules& rules = RulesOf(*indicator);
  if (auto problem = domain::CheckValueRange(f[0], rules.measure_unit, *value)) {
    return Error(row, *problem);
  }
  RefreshPlanDates();
  if (auto problem = domain::CheckValueDate(f[0], *on, today_, rules.baseline_year, far_horizon_)) {
    return Error(row, *problem);
  }
  if (!MayMeasureAs(row, unit)) return;
  if (auto by = unit ? unit : options_.writer ? std::optional(options_.writer->id) : std::nullopt) {
    if (auto locked = locks_.Check(LockSubject::Unit(*by), *on, "as_of"))
      return Error(row, *locked);
  }
  // The same value of the same indicator on the same day, live, is a duplicate (whoever
  // recorded it): skipped, so that importing a file twice is harmless.
  SQLite::Statement& duplicate = Prepared(duplicate_value_, kDuplicateValue);
  duplicate.bind(":indicator", *indicator);
  duplicate.bind(":as_of", f[1]);
  duplicate.bind(":value", *value);
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
