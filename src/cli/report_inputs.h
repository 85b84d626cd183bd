#pragma once
// Reads what each report model needs from the store, as of the context's date. Shared by the
// text reports (status, overdue, audit) and the HTML report, which renders all of them.

#include <future>
#include <memory>
#include <set>
#include <string>

#include "cli/command.h"
#include "report/approvals_report.h"
#include "report/audit_report.h"
#include "report/evaluation_report.h"
#include "report/overdue_report.h"
#include "report/status_report.h"
#include "report/trend_report.h"

namespace plantrack::cli {

std::vector<report::AssessedAction> LoadAssessed(Context& context,
                                                 const store::ActionFilter& filter);

// `milestones`: SummariseMilestones of `filter` as of the context's date, and `areas`:
// ListAreas, when the caller has them.
report::StatusModel LoadStatus(Context& context, const store::ActionFilter& filter,
                               const std::vector<report::AssessedAction>& actions,
                               const std::vector<store::AreaMilestones>* milestones = nullptr,
                               const std::vector<store::AreaRow>* areas = nullptr);

// `milestones`: LoadOverdueMilestones of `filter`, when the caller has them.
std::vector<report::OverdueItem> LoadOverdue(
    Context& context, const store::ActionFilter& filter,
    const std::vector<report::AssessedAction>& actions, const std::set<std::string>& rags,
    const std::vector<store::OpenMilestone>* milestones = nullptr);

// What the caller has already read, so that the audit need not read it again; what is null is
// read here. `actions`: every action assessed as of the context's date (the audit needs all of
// them, whatever its --unit); `log`: the log's summary as of that date, whose rows are moved
// into the audit. Without both, they come from one pass over the log.
struct AuditReads {
  const std::vector<report::AssessedAction>* actions = nullptr;
  store::LogSummary* log = nullptr;
  const std::vector<store::UnitRow>* units = nullptr;  // ListUnits(db, true)
  const std::vector<store::ResponsibilityRow>* responsibilities = nullptr;
  const std::vector<store::OpenMilestone>* overdue_milestones = nullptr;  // of every action
  const std::vector<store::IndicatorRow>* indicators = nullptr;
  std::vector<store::DatedReport>* reports = nullptr;  // of the audited quarters; moved in
};
report::AuditModel LoadAudit(Context& context, const report::AuditOptions& options,
                             AuditReads reads = {});

// The sign-off state of each unit expected to sign off the quarter, as of the context's date;
// with `unit`, only it and the units below it. `leads`: store::LeadsIn of the quarter, when the
// caller has them.
std::vector<report::ApprovalRow> LoadApprovals(Context& context, const domain::Quarter& quarter,
                                               const std::optional<std::string>& unit,
                                               std::vector<store::LeadRow>* leads = nullptr);

// What the HTML report reads from the whole log, from one pass over it instead of one per
// reader: the chosen actions assessed as of the date, the trend by quarter, the audit's log
// summary and the sign-off leads of `quarter`; and the task areas (ListAreas), which the trend
// reads.
struct LogFacts {
  std::vector<store::AreaRow> areas;
  std::vector<report::AssessedAction> actions;
  std::future<report::TrendModel> trend;  // replayed in another thread meanwhile
  store::LogSummary summary;
  std::vector<store::LeadRow> leads;
};
LogFacts LoadLogFacts(Context& context, const store::ActionFilter& filter,
                      const domain::Quarter& quarter);

// The status as of each period end from the plan's issue (or as-of, without a plan) to as-of:
// the progress log is read once and each day is replayed in memory through the status model.
report::TrendModel LoadTrend(Context& context, const store::ActionFilter& filter,
                             domain::PeriodKind kind);

// The plan's horizon years (2025 and 2035 without a plan).
std::vector<int> PlanHorizons(Context& context);

// What the evaluation of `filter.horizon` (default: domain::DefaultHorizon) reads. Held by
// pointer: the model built from it points into it.
// `assessed`: the actions of `filter` whatever their horizon, already assessed as of the
// context's date, when the caller has them (the horizon's are taken from them); `units`
// (ListUnits(db, true)), `indicators` (LoadIndicators as of the date) and `areas` (ListAreas),
// copied when given.
std::unique_ptr<report::EvaluationInput> LoadEvaluationInput(
    Context& context, store::ActionFilter filter,
    const std::vector<report::AssessedAction>* assessed = nullptr,
    const std::vector<store::UnitRow>* units = nullptr,
    const std::vector<store::IndicatorRow>* indicators = nullptr,
    const std::vector<store::AreaRow>* areas = nullptr);

report::RenderOptions RenderOptionsOf(const Context& context);

}  // namespace plantrack::cli
