#include "cli/report_inputs.h"

#include "cli/filters.h"
#include "domain/evaluation.h"
#include "store/audit_queries.h"
#include "store/evaluation_queries.h"
#include "store/identity.h"
#include "store/indicator_queries.h"
#include "store/progress_timeline.h"
#include "store/signoff_store.h"
#include "store/status_queries.h"

namespace plantrack::cli {

std::vector<report::AssessedAction> LoadAssessed(Context& context,
                                                 const store::ActionFilter& filter) {
  return report::AssessActions(
      store::LoadActionProgress(*context.db, filter, domain::FormatIsoDate(context.as_of)),
      context.as_of);
}

report::StatusModel LoadStatus(Context& context, const store::ActionFilter& filter,
                               const std::vector<report::AssessedAction>& actions) {
  return report::BuildStatus(
      store::ListAreas(*context.db), actions,
      store::SummariseMilestones(*context.db, filter, domain::FormatIsoDate(context.as_of)),
      context.as_of, !HasFilter(filter));
}

std::vector<report::OverdueItem> LoadOverdue(Context& context, const store::ActionFilter& filter,
                                             const std::vector<report::AssessedAction>& actions,
                                             const std::set<std::string>& rags) {
  return report::BuildOverdue(
      actions,
      store::LoadOverdueMilestones(*context.db, filter, domain::FormatIsoDate(context.as_of)),
      context.as_of, rags, context.lang == Lang::kZh);
}

report::AuditModel LoadAudit(Context& context, const report::AuditOptions& options,
                             const std::vector<report::AssessedAction>* all_actions) {
  const std::string as_of = domain::FormatIsoDate(context.as_of);
  store::LogSummary log = store::SummariseLog(*context.db, as_of);
  report::AuditInput input{
      store::ListUnits(*context.db, true),
      store::ListResponsibilities(*context.db),
      all_actions ? *all_actions : LoadAssessed(context, {}),
      std::move(log.last_logs),
      std::move(log.done_dates),
      store::ReportsBetween(*context.db, domain::FormatIsoDate(domain::FirstDay(options.from)),
                            domain::FormatIsoDate(domain::LastDay(options.to)), as_of),
      store::LoadOverdueMilestones(*context.db, {}, as_of),
      store::LoadIndicators(*context.db, as_of),
      store::LatestApprovals(*context.db, std::nullopt, as_of),
      store::OpenConflicts(*context.db)};
  report::AuditOptions worded = options;
  worded.zh = context.lang == Lang::kZh;
  return report::BuildAudit(input, worded);
}

std::vector<report::ApprovalRow> LoadApprovals(Context& context, const domain::Quarter& quarter,
                                               const std::optional<std::string>& unit) {
  const std::string period = domain::FormatQuarter(quarter);
  report::ApprovalsInput input{
      store::LoadUnitLinks(*context.db),
      store::LeadingUnits(store::LeadsIn(*context.db, quarter), quarter),
      store::LatestApprovals(*context.db, period, domain::FormatIsoDate(context.as_of)), period,
      std::nullopt};
  if (unit) {
    if (auto found = store::FindUnit(*context.db, *unit)) input.within = found->id;
  }
  return report::BuildApprovals(input);
}

report::TrendModel LoadTrend(Context& context, const store::ActionFilter& filter,
                             domain::PeriodKind kind) {
  const auto plan = store::LoadPlan(*context.db);
  const domain::Date from = plan ? report::StoredDate(plan->issued_on) : context.as_of;
  const std::vector<domain::PeriodEnd> ends = domain::PeriodEnds(from, context.as_of, kind);
  std::vector<std::string> days;
  for (const domain::PeriodEnd& end : ends) days.push_back(domain::FormatIsoDate(end.on));
  const auto timeline = store::ProgressTimeline::Load(*context.db, filter, std::move(days));
  const auto areas = store::ListAreas(*context.db);
  report::TrendModel model{
      context.as_of, kind == domain::PeriodKind::kYear ? "year" : "quarter", {}};
  for (size_t i = 0; i < ends.size(); ++i) {
    // The milestones do not enter the row, so the status model is built without them.
    const auto status = report::BuildStatus(
        areas, report::AssessActions(timeline.On(i), ends[i].on), {}, ends[i].on, true);
    model.rows.push_back(report::TrendRowOf(ends[i], status));
  }
  return model;
}

std::vector<int> PlanHorizons(Context& context) {
  const auto plan = store::LoadPlan(*context.db);
  if (!plan) return {2025, 2035};
  return {static_cast<int>(report::StoredDate(plan->near_horizon).year()),
          static_cast<int>(report::StoredDate(plan->far_horizon).year())};
}

std::unique_ptr<report::EvaluationInput> LoadEvaluationInput(Context& context,
                                                             store::ActionFilter filter) {
  const std::vector<int> horizons = PlanHorizons(context);
  if (!filter.horizon) filter.horizon = domain::DefaultHorizon(horizons, context.as_of);
  const std::string as_of = domain::FormatIsoDate(context.as_of);
  auto input = std::make_unique<report::EvaluationInput>();
  input->as_of = context.as_of;
  input->horizon = *filter.horizon;
  for (int year : horizons) {
    if (year < input->horizon) input->previous_horizon = std::max(input->previous_horizon, year);
  }
  if (const auto plan = store::LoadPlan(*context.db)) {
    input->issued_on = report::StoredDate(plan->issued_on);
  }
  input->areas = store::ListAreas(*context.db);
  input->units = store::ListUnits(*context.db, true);
  input->actions = LoadAssessed(context, filter);
  input->done_dates = store::LoadDoneDates(*context.db, filter, as_of);
  input->milestones = store::ListMilestones(*context.db, filter);
  // Indicators belong to the whole plan, not to an area or a unit.
  input->indicators_shown = !filter.area && !filter.unit;
  if (input->indicators_shown) input->indicators = store::LoadIndicators(*context.db, as_of);
  input->keep_empty_areas = !filter.area && !filter.unit;
  return input;
}

report::RenderOptions RenderOptionsOf(const Context& context) {
  return {context.format, context.lang == Lang::kZh, context.color, context.width};
}

}  // namespace plantrack::cli
