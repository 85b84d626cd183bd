// Which rules an imported row must meet besides its parsing: the structure rules `add` applies,
// the text rules, the plan's dates, and who may write what; and how problems and warnings are
// collected. The rules themselves are in domain/; this file gives them the facts.

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "domain/entry_rules.h"
#include "domain/numbers.h"
#include "domain/structure_rules.h"
#include "domain/text_rules.h"
#include "store/identity.h"
#include "store/plan_import.h"

namespace plantrack::store {
namespace {

constexpr const char* kIndicatorRules = "SELECT id, measure_unit, baseline_year FROM indicator";

domain::Date DateOf(const std::string& text) {
  return domain::ParseIsoDate(text).value_or(domain::Date{});
}

int IntegerOf(const std::string& text) {
  return static_cast<int>(domain::ParseInteger(text).value_or(0));
}

}  // namespace

Importer::Importer(Connection& connection, Options options)
    : connection_(connection),
      options_(std::move(options)),
      batch_(connection),
      batch_rows_(ProgressBatch::kRows),
      action_reads_(connection) {
  const PlanDates plan = LoadPlanDates(connection);
  today_ = domain::ParseIsoDate(options_.today).value_or(domain::Date{});
  issued_on_ = domain::ParseIsoDate(plan.issued_on).value_or(domain::Date{});
  far_horizon_ = domain::ParseIsoDate(plan.far_horizon).value_or(domain::Date{});
}

const Importer::IndicatorRules& Importer::RulesOf(int64_t indicator_id) {
  if (indicators_.empty()) {
    SQLite::Statement query(connection_.db(), kIndicatorRules);
    while (query.executeStep()) {
      indicators_[query.getColumn(0).getInt64()] = {query.getColumn(1).getString(),
                                                    query.getColumn(2).getInt()};
    }
  }
  return indicators_[indicator_id];
}

void Importer::RefreshPlanDates() {
  if (!plan_dates_stale_) return;
  const PlanDates plan = LoadPlanDates(connection_);
  issued_on_ = DateOf(plan.issued_on);
  far_horizon_ = DateOf(plan.far_horizon);
  plan_dates_stale_ = false;
}

std::optional<std::string> Importer::StructureProblem(RowKind kind,
                                                      const std::vector<std::string>& f) {
  const std::vector<Column>& columns = SpecOf(kind).columns;
  for (size_t i = 0; i < columns.size(); ++i) {
    const Column& column = columns[i];
    if (column.text == TextRule::kNone) continue;
    if (auto problem = column.text == TextRule::kParagraph ? domain::CheckNote(column.name, f[i])
                                                           : domain::CheckLine(column.name, f[i])) {
      return problem;
    }
  }
  switch (kind) {
    case RowKind::kUnits:
      if (f[5] != "0" && f[5] != "1") {
        return fmt::format("coordinator {} of {} is not 0 or 1", f[5], f[0]);
      }
      return domain::CheckUnit({f[0], f[3]});
    case RowKind::kActions:
      return domain::CheckAction({f[0], f[1], IntegerOf(f[4]), DateOf(f[5]), DateOf(f[6]),
                                  domain::ParseNumber(f[7]).value_or(0)});
    case RowKind::kResponsibilities:
      return domain::CheckRole(f[2]);
    case RowKind::kMilestones:
      if (auto problem = domain::CheckMilestone({f[0], f[1]})) return problem;
      if (f[5].empty()) return std::nullopt;
      // A completion is an entry like any other: not in the future, not outside the plan.
      RefreshPlanDates();
      return domain::CheckEntryDate(DateOf(f[5]), today_, issued_on_, far_horizon_, "done_on");
    case RowKind::kIndicators:
      return domain::CheckIndicator({f[0], f[4], IntegerOf(f[6])});
    case RowKind::kIndicatorTargets: {
      const auto id =
          IdsOf(CodeKind::kIndicator).find(f[0]);  // found: the row's refs have resolved
      if (id == IdsOf(CodeKind::kIndicator).end()) return std::nullopt;
      return domain::CheckTargetYear(f[0], IntegerOf(f[1]), RulesOf(id->second).baseline_year);
    }
    default:
      return std::nullopt;
  }
}

void Importer::Error(const ImportRow& row, const std::string& message) {
  Reject(row.Where(), message);
}

void Importer::Warning(const ImportRow& row, const std::string& message) {
  ++warning_count_;
  if (warnings_.size() < kMaxListedErrors) {
    warnings_.push_back(fmt::format("{}: {}", row.Where(), message));
  }
}

void Importer::Reject(const std::string& where, const std::string& message) {
  ++error_count_;
  if (errors_.size() < kMaxListedErrors) {
    errors_.push_back(where.empty() ? message : fmt::format("{}: {}", where, message));
  }
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

bool Importer::MayMeasureAs(const ImportRow& row, std::optional<int64_t> unit_id) {
  if (!options_.writer || options_.writer->coordinator) return true;
  if (!unit_id) {
    Error(row, fmt::format("unit is empty: {} may record values only under its own name or a "
                           "unit below it",
                           options_.writer->slug));
    return false;
  }
  auto [cached, fresh] = may_measure_as_.emplace(*unit_id, false);
  if (fresh) cached->second = IsWithin(connection_, *unit_id, options_.writer->id);
  if (!cached->second) {
    Error(row, fmt::format("{} may not record a value under another unit's name: its unit must "
                           "be {} or a unit below it",
                           options_.writer->slug, options_.writer->slug));
  }
  return cached->second;
}

}  // namespace plantrack::store
