#include "cli/report_inputs.h"

#include <future>
#include <optional>

#include "cli/filters.h"
#include "domain/evaluation.h"
#include "domain/progress_rules.h"
#include "store/audit_queries.h"
#include "store/evaluation_queries.h"
#include "store/identity.h"
#include "store/indicator_queries.h"
#include "store/live_entries.h"
#include "store/parallel_read.h"
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
                               const std::vector<report::AssessedAction>& actions,
                               const std::vector<store::AreaMilestones>* milestones,
                               const std::vector<store::AreaRow>* areas) {
  std::vector<store::AreaMilestones> read;
  if (!milestones) {
    milestones = &(read = store::SummariseMilestones(*context.db, filter,
                                                     domain::FormatIsoDate(context.as_of)));
  }
  return report::BuildStatus(areas ? *areas : store::ListAreas(*context.db), actions, *milestones,
                             context.as_of, !HasFilter(filter));
}

std::vector<report::OverdueItem> LoadOverdue(Context& context, const store::ActionFilter& filter,
                                             const std::vector<report::AssessedAction>& actions,
                                             const std::set<std::string>& rags,
                                             const std::vector<store::OpenMilestone>* milestones) {
  const bool zh = context.lang == Lang::kZh;
  if (milestones) return report::BuildOverdue(actions, *milestones, context.as_of, rags, zh);
  return report::BuildOverdue(
      actions,
      store::LoadOverdueMilestones(*context.db, filter, domain::FormatIsoDate(context.as_of)),
      context.as_of, rags, zh);
}

report::AuditModel LoadAudit(Context& context, const report::AuditOptions& options,
                             AuditReads reads) {
  const std::string as_of = domain::FormatIsoDate(context.as_of);
  // What the audit reads besides the log; on a second connection, in a second thread, while
  // this one reads the log (when it does: the HTML report has read it already).
  std::vector<store::UnitRow> units;
  std::vector<store::ResponsibilityRow> responsibilities;
  std::vector<store::OpenMilestone> milestones;
  std::vector<store::IndicatorRow> indicators;
  std::vector<store::DatedReport> reports;
  std::vector<store::ApprovalEvent> approvals;
  std::vector<store::ConflictRow> conflicts;
  const AuditReads given = reads;
  auto read_others = [&](store::Connection& db) {
    if (!given.units) units = store::ListUnits(db, true);
    if (!given.responsibilities) responsibilities = store::ListResponsibilities(db);
    if (!given.overdue_milestones) milestones = store::LoadOverdueMilestones(db, {}, as_of);
    if (!given.indicators) indicators = store::LoadIndicators(db, as_of);
    if (!given.reports) {
      reports = store::ReportsBetween(db, domain::FormatIsoDate(domain::FirstDay(options.from)),
                                      domain::FormatIsoDate(domain::LastDay(options.to)), as_of);
    }
    approvals = store::LatestApprovals(db, std::nullopt, as_of);
    conflicts = store::OpenConflicts(db);
  };
  std::optional<store::ParallelRead> others;
  if (!reads.log) others.emplace(*context.db, read_others);
  std::vector<report::AssessedAction> actions;
  store::LogSummary summary;
  if (!reads.log) {
    // One pass over the log gives both the log's summary and every action's first and latest
    // entry, which the status query would find by two index seeks per action.
    store::LogSummariser summariser(as_of);
    if (reads.actions) {
      store::ScanLiveEntries(*context.db, {&summariser});
    } else {
      auto timeline = store::ProgressTimeline::Prepare(*context.db, {}, {as_of});
      store::ScanLiveEntries(*context.db, {&timeline, &summariser});
      timeline.Finish();
      actions = report::AssessActions(timeline.On(0), context.as_of);
      reads.actions = &actions;
    }
    summary = summariser.Finish(*context.db);
    reads.log = &summary;
  } else if (!reads.actions) {
    actions = LoadAssessed(context, {});
    reads.actions = &actions;
  }
  if (others) {
    others->Wait();
  } else {
    read_others(*context.db);
  }
  report::AuditInput input{given.units ? given.units : &units,
                           given.responsibilities ? given.responsibilities : &responsibilities,
                           reads.actions,
                           given.overdue_milestones ? given.overdue_milestones : &milestones,
                           given.indicators ? given.indicators : &indicators,
                           std::move(*reads.log),
                           std::move(given.reports ? *given.reports : reports),
                           std::move(approvals),
                           std::move(conflicts)};
  report::AuditOptions worded = options;
  worded.zh = context.lang == Lang::kZh;
  return report::BuildAudit(input, worded);
}

std::vector<report::ApprovalRow> LoadApprovals(Context& context, const domain::Quarter& quarter,
                                               const std::optional<std::string>& unit,
                                               std::vector<store::LeadRow>* leads) {
  const std::string period = domain::FormatQuarter(quarter);
  report::ApprovalsInput input{
      store::LoadUnitLinks(*context.db),
      store::LeadingUnits(leads ? *leads : store::LeadsIn(*context.db, quarter), quarter),
      store::LatestApprovals(*context.db, period, domain::FormatIsoDate(context.as_of)), period,
      std::nullopt};
  if (unit) {
    if (auto found = store::FindUnit(*context.db, *unit)) input.within = found->id;
  }
  return report::BuildApprovals(input);
}

namespace {

std::vector<domain::PeriodEnd> TrendEnds(Context& context, domain::PeriodKind kind) {
  const auto plan = store::LoadPlan(*context.db);
  const domain::Date from = plan ? report::StoredDate(plan->issued_on) : context.as_of;
  return domain::PeriodEnds(from, context.as_of, kind);
}

std::vector<std::string> DaysOf(const std::vector<domain::PeriodEnd>& ends) {
  std::vector<std::string> days;
  for (const domain::PeriodEnd& end : ends) days.push_back(domain::FormatIsoDate(end.on));
  return days;
}

// Reads nothing: the HTML report runs it in a second thread while it reads on.
report::TrendModel TrendFrom(const domain::Date& as_of, const std::vector<store::AreaRow>& areas,
                             const std::vector<domain::PeriodEnd>& ends, domain::PeriodKind kind,
                             const store::ProgressTimeline& timeline) {
  report::TrendModel model{as_of, kind == domain::PeriodKind::kYear ? "year" : "quarter", {}};
  // The status model reads an action's area, horizon, weight and assessment: those are copied
  // once, and only the assessment is redone for each day (copying every action with its
  // titles and entries for each of 20 days cost three times as much).
  std::vector<report::AssessedAction> actions;
  std::vector<std::pair<domain::Date, domain::Date>> spans;  // start and due dates
  for (const store::ActionProgress& action : timeline.actions()) {
    store::ActionProgress lean;
    lean.code = action.code;
    lean.area = action.area;
    lean.horizon = action.horizon;
    lean.weight = action.weight;
    actions.push_back({std::move(lean), {}});
    spans.emplace_back(report::StoredDate(action.start_on), report::StoredDate(action.due_on));
  }
  for (size_t i = 0; i < ends.size(); ++i) {
    for (size_t a = 0; a < actions.size(); ++a) {
      actions[a].assessment = domain::AssessAction(
          {spans[a].first, spans[a].second, timeline.First(a, i), timeline.Latest(a, i)},
          ends[i].on);
    }
    // The milestones do not enter the row, so the status model is built without them.
    const auto status = report::BuildStatus(areas, actions, {}, ends[i].on, true);
    model.rows.push_back(report::TrendRowOf(ends[i], status));
  }
  return model;
}

}  // namespace

report::TrendModel LoadTrend(Context& context, const store::ActionFilter& filter,
                             domain::PeriodKind kind) {
  const std::vector<domain::PeriodEnd> ends = TrendEnds(context, kind);
  const auto timeline = store::ProgressTimeline::Load(*context.db, filter, DaysOf(ends));
  return TrendFrom(context.as_of, store::ListAreas(*context.db), ends, kind, timeline);
}

LogFacts LoadLogFacts(Context& context, const store::ActionFilter& filter,
                      const domain::Quarter& quarter) {
  const std::string as_of = domain::FormatIsoDate(context.as_of);
  const std::vector<domain::PeriodEnd> ends = TrendEnds(context, domain::PeriodKind::kQuarter);
  auto timeline = store::ProgressTimeline::Prepare(*context.db, filter, DaysOf(ends));
  store::LogSummariser summariser(as_of);
  store::LeadFacts leads(quarter);
  // Unbounded: a lead's done date counts entries after the as-of date (store::LeadsIn).
  store::ScanLiveEntries(*context.db, {&timeline, &summariser, &leads});
  timeline.Finish();
  LogFacts facts;
  facts.areas = store::ListAreas(*context.db);
  // The trend's last day is the as-of date (domain::PeriodEnds), so its last column is what
  // the status query would read; without a trend (a plan issued after as-of) it is read.
  facts.actions = !ends.empty() && ends.back().on == context.as_of
                      ? report::AssessActions(timeline.On(ends.size() - 1), context.as_of)
                      : LoadAssessed(context, filter);
  // The replay of every quarter end reads nothing more: it runs in a second thread (with its
  // own copy of what it needs) while the report reads on.
  facts.trend = std::async(std::launch::async, [as_of = context.as_of, areas = facts.areas, ends,
                                                timeline = std::move(timeline)] {
    return TrendFrom(as_of, areas, ends, domain::PeriodKind::kQuarter, timeline);
  });
  facts.summary = summariser.Finish(*context.db);
  facts.leads = store::LeadsIn(*context.db, leads);
  return facts;
}

std::vector<int> PlanHorizons(Context& context) {
  const auto plan = store::LoadPlan(*context.db);
  if (!plan) return {2025, 2035};
  return {static_cast<int>(report::StoredDate(plan->near_horizon).year()),
          static_cast<int>(report::StoredDate(plan->far_horizon).year())};
}

std::unique_ptr<report::EvaluationInput> LoadEvaluationInput(
    Context& context, store::ActionFilter filter,
    const std::vector<report::AssessedAction>* assessed, const std::vector<store::UnitRow>* units,
    const std::vector<store::IndicatorRow>* indicators, const std::vector<store::AreaRow>* areas) {
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
  input->areas = areas ? *areas : store::ListAreas(*context.db);
  input->units = units ? *units : store::ListUnits(*context.db, true);
  if (assessed) {
    for (const report::AssessedAction& item : *assessed) {
      if (item.action.horizon == input->horizon) input->actions.push_back(item);
    }
  } else {
    input->actions = LoadAssessed(context, filter);
  }
  input->done_dates = store::LoadDoneDates(*context.db, filter, as_of);
  input->milestones = store::ListMilestones(*context.db, filter);
  // Indicators belong to the whole plan, not to an area or a unit.
  input->indicators_shown = !filter.area && !filter.unit;
  if (input->indicators_shown) {
    input->indicators = indicators ? *indicators : store::LoadIndicators(*context.db, as_of);
  }
  input->keep_empty_areas = !filter.area && !filter.unit;
  return input;
}

report::RenderOptions RenderOptionsOf(const Context& context) {
  return {context.format, context.lang == Lang::kZh, context.color, context.width};
}

}  // namespace plantrack::cli
