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
  html.actions = LoadAssessed(context, *filter);
  html.status = LoadStatus(context, *filter, html.actions);
  html.trend = LoadTrend(context, *filter, domain::PeriodKind::kQuarter);
  // The last horizon that has passed, if any: the report looks back at it.
  int passed = 0;
  for (int year : PlanHorizons(context)) {
    if (domain::HorizonPassed(year, context.as_of)) passed = year;
  }
  if (passed != 0) {
    store::ActionFilter at_horizon = *filter;
    at_horizon.horizon = passed;
    html.evaluation_input = LoadEvaluationInput(context, at_horizon);
    html.evaluation = report::BuildEvaluation(*html.evaluation_input);
  }
  html.heat = report::BuildHeatMap(store::ListUnits(*context.db, true),
                                   store::ListResponsibilities(*context.db), html.actions);
  html.overdue = LoadOverdue(context, *filter, html.actions, {});
  report::AuditOptions audit;
  audit.as_of = context.as_of;
  audit.unit = filter->unit;
  audit.from = audit.to = domain::Previous(domain::QuarterOf(context.as_of));
  // Without --unit the report's actions are all of them: the audit need not load them again.
  html.audit = LoadAudit(context, audit, filter->unit ? nullptr : &html.actions);
  html.approvals_period = domain::FormatQuarter(audit.from);
  html.approvals = LoadApprovals(context, audit.from, filter->unit);
  const std::string as_of = domain::FormatIsoDate(context.as_of);
  for (auto& indicator : store::LoadIndicators(*context.db, as_of)) {
    auto values = store::LoadIndicatorSeries(*context.db, indicator.code, as_of);
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
