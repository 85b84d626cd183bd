// `plantrack report --html FILE`: the self-contained HTML status report.

#include <fmt/format.h>

#include <memory>

#include "cli/commands.h"
#include "cli/filters.h"
#include "cli/output_file.h"
#include "cli/record_footer.h"
#include "cli/report_inputs.h"
#include "domain/evaluation.h"
#include "report/html_report.h"
#include "store/audit_queries.h"
#include "store/indicator_queries.h"
#include "store/parallel_read.h"
#include "store/status_queries.h"

namespace plantrack::cli {

void DescribeReport(po::options_description& options, po::positional_options_description&) {
  options.add_options()("html", po::value<std::string>()->value_name("FILE")->required(),
                        "write the report to FILE (one self-contained HTML file), or - for stdout")(
      "unit", po::value<std::string>()->value_name("U"),
      "only actions this unit or a unit below it is responsible for");
}

Status RunReport(Context& context, const po::variables_map& args) {
  Result<store::ActionFilter> filter = FilterFrom(context, args);
  if (!filter.ok()) return filter.status();
  const std::string path = args["html"].as<std::string>();
  report::HtmlReport html;
  html.as_of = context.as_of;
  html.zh = context.lang == Lang::kZh;
  html.plan = store::LoadPlan(*context.db);
  html.scope = filter->unit.value_or("");
  // The audit and the sign-off look back at the last complete quarter.
  const domain::Quarter quarter = domain::Previous(domain::QuarterOf(context.as_of));
  const std::string as_of = domain::FormatIsoDate(context.as_of);
  // Read once for the status, the audit, the heat map and the indicator panels; on a second
  // connection while this one reads the log.
  std::vector<store::UnitRow> units;
  std::vector<store::ResponsibilityRow> responsibilities;
  std::vector<store::IndicatorRow> indicators;
  std::vector<store::AreaMilestones> area_milestones;
  std::vector<store::DatedReport> reports;  // of the quarter the audit looks back at
  store::ParallelRead reads(*context.db, [&](store::Connection& db) {
    units = store::ListUnits(db, true);
    responsibilities = store::ListResponsibilities(db);
    indicators = store::LoadIndicators(db, as_of);
    area_milestones = store::SummariseMilestones(db, *filter, as_of);
    reports = store::ReportsBetween(db, domain::FormatIsoDate(domain::FirstDay(quarter)),
                                    domain::FormatIsoDate(domain::LastDay(quarter)), as_of);
  });
  LogFacts facts = LoadLogFacts(context, *filter, quarter);
  html.actions = std::move(facts.actions);
  reads.Wait();
  html.status = LoadStatus(context, *filter, html.actions, &area_milestones, &facts.areas);
  // The trend, replayed in another thread meanwhile, before the audit: its timeline is freed
  // before the audit's peak of memory.
  html.trend = facts.trend.get();
  {
    // The audit and the overdue list before the other models, and their milestones freed
    // before those are built: it keeps the peak of memory lower.
    const auto milestones = store::LoadOverdueMilestones(*context.db, *filter, as_of);
    report::AuditOptions audit;
    audit.as_of = context.as_of;
    audit.unit = filter->unit;
    audit.from = audit.to = quarter;
    // Without a filter the report's actions and milestones are all of them, as the audit's.
    const bool all = !HasFilter(*filter);
    html.audit = LoadAudit(context, audit,
                           {all ? &html.actions : nullptr, &facts.summary, &units,
                            &responsibilities, all ? &milestones : nullptr, &indicators, &reports});
    html.overdue = report::DigestOverdue(html.actions, milestones, context.as_of, html.zh,
                                         report::kMaxOverdueRows, report::kMaxAreaOverdueRows);
  }
  html.approvals_period = domain::FormatQuarter(quarter);
  html.approvals = LoadApprovals(context, quarter, filter->unit, &facts.leads);
  // The last horizon that has passed, if any: the report looks back at it.
  int passed = 0;
  for (int year : PlanHorizons(context)) {
    if (domain::HorizonPassed(year, context.as_of)) passed = year;
  }
  if (passed != 0) {
    store::ActionFilter at_horizon = *filter;
    at_horizon.horizon = passed;
    html.evaluation_input =
        LoadEvaluationInput(context, at_horizon, filter->horizon ? nullptr : &html.actions, &units,
                            &indicators, &facts.areas);
    html.evaluation = report::BuildEvaluation(*html.evaluation_input);
  }
  html.heat = report::BuildHeatMap(units, responsibilities, html.actions);
  for (auto& indicator : indicators) {
    std::vector<store::IndicatorPoint> values;
    if (html.indicators.size() < report::kMaxIndicatorPanels) {
      values = store::LoadIndicatorSeries(*context.db, indicator.code, as_of);
    }
    html.indicators.push_back({std::move(indicator), std::move(values)});
  }
  html.record = context.Say(FooterLine(*context.record));
  html.record_head = context.record->head;
  if (path == "-") {
    context.record_shown = true;  // in the report itself
    context.out << report::RenderHtml(html);
    return Status::Ok();
  }
  // Written beside the target and renamed, so a reader never sees half a report.
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path, "--html " + path);
  if (!file.ok()) return file.status();
  (*file)->stream() << report::RenderHtml(html);
  if (Status committed = (*file)->Commit(); !committed.ok()) return committed;
  if (!context.quiet) context.out << context.Say(fmt::format("wrote {} (as of {})\n", path, as_of));
  return Status::Ok();
}

extern const CommandSpec kReportCommand{
    .name = "report",
    .usage = "--html FILE [--unit U]",
    .summary = "write a self-contained HTML status report with charts (prints on A4)",
    .summary_zh = "生成自包含的 HTML 进展报告，含图表（可按 A4 打印）",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeReport,
    .run = RunReport,
};

}  // namespace plantrack::cli
