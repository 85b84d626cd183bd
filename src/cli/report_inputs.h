#pragma once
// Reads what each report model needs from the store, as of the context's date. Shared by the
// text reports (status, overdue, audit) and the HTML report, which renders all of them.

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

report::StatusModel LoadStatus(Context& context, const store::ActionFilter& filter,
                               const std::vector<report::AssessedAction>& actions);

std::vector<report::OverdueItem> LoadOverdue(Context& context, const store::ActionFilter& filter,
                                             const std::vector<report::AssessedAction>& actions,
                                             const std::set<std::string>& rags);

// `all_actions`: every action already assessed as of the context's date, when the caller has
// them (the audit needs all of them, whatever its --unit); loaded otherwise.
report::AuditModel LoadAudit(Context& context, const report::AuditOptions& options,
                             const std::vector<report::AssessedAction>* all_actions = nullptr);

// The sign-off state of each unit expected to sign off the quarter, as of the context's date;
// with `unit`, only it and the units below it.
std::vector<report::ApprovalRow> LoadApprovals(Context& context, const domain::Quarter& quarter,
                                               const std::optional<std::string>& unit);

// The status as of each period end from the plan's issue (or as-of, without a plan) to as-of:
// the progress log is read once and each day is replayed in memory through the status model.
report::TrendModel LoadTrend(Context& context, const store::ActionFilter& filter,
                             domain::PeriodKind kind);

// The plan's horizon years (2025 and 2035 without a plan).
std::vector<int> PlanHorizons(Context& context);

// What the evaluation of `filter.horizon` (default: domain::DefaultHorizon) reads. Held by
// pointer: the model built from it points into it.
std::unique_ptr<report::EvaluationInput> LoadEvaluationInput(Context& context,
                                                             store::ActionFilter filter);

report::RenderOptions RenderOptionsOf(const Context& context);

}  // namespace plantrack::cli
