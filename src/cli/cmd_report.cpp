// `plantrack report --html FILE`: the self-contained HTML status report.

#include <fmt/format.h>

#include <memory>

#include "cli/commands.h"
#include "cli/filters.h"
#include "cli/output_file.h"
#include "cli/report_inputs.h"
#include "report/html_report.h"
#include "store/audit_queries.h"
#include "store/indicator_queries.h"

namespace plantrack::cli {
namespace {

// Weighted percent complete per task area at each quarter's end from the plan's issue to
// as-of, and at as-of itself: the burn-up lines, for the actions of the report.
std::vector<report::Series> BurnUp(Context& context, const report::HtmlReport& html) {
  const domain::Date start =
      html.plan ? report::StoredDate(html.plan->issued_on) : domain::AddDays(context.as_of, -365);
  std::vector<domain::Date> days;
  for (domain::Quarter q = domain::QuarterOf(start); domain::LastDay(q) < context.as_of;
       q = domain::Next(q)) {
    days.push_back(domain::LastDay(q));
  }
  days.push_back(context.as_of);
  std::vector<std::string> dates;
  for (const domain::Date& day : days) dates.push_back(domain::FormatIsoDate(day));
  const auto percents = store::PercentsOn(*context.db, dates);
  std::vector<report::Series> series;
  for (const report::AreaStatus& area : html.status.areas) {
    // Each action's weight times its percent on each day, summed over the area's actions.
    std::vector<double> weighted(days.size(), 0.0);
    double weights = 0;
    for (const auto& item : html.actions) {
      if (item.action.area != area.code) continue;
      weights += item.action.weight;
      auto found = percents.find(item.action.code);
      if (found == percents.end()) continue;  // never logged: 0 % throughout
      for (size_t i = 0; i < days.size(); ++i) weighted[i] += item.action.weight * found->second[i];
    }
    report::Series line{
        area.code + " " + (html.zh && !area.title_zh.empty() ? area.title_zh : area.title_en),
        "",
        {}};
    for (size_t i = 0; i < days.size(); ++i) {
      line.points.emplace_back(days[i], weights > 0 ? weighted[i] / weights : 0);
    }
    series.push_back(std::move(line));
  }
  return series;
}

}  // namespace

void DescribeReport(po::options_description& options, po::positional_options_description&) {
  options.add_options()("html", po::value<std::string>()->value_name("FILE")->required(),
                        "write the report to FILE (one self-contained HTML file)")(
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
  html.burnup = BurnUp(context, html);
  html.heat = report::BuildHeatMap(store::ListUnits(*context.db, true),
                                   store::ListResponsibilities(*context.db), html.actions);
  html.overdue = LoadOverdue(context, *filter, html.actions, {});
  report::AuditOptions audit;
  audit.as_of = context.as_of;
  audit.unit = filter->unit;
  audit.from = audit.to = domain::Previous(domain::QuarterOf(context.as_of));
  // Without --unit the report's actions are all of them: the audit need not load them again.
  html.audit = LoadAudit(context, audit, filter->unit ? nullptr : &html.actions);
  const std::string as_of = domain::FormatIsoDate(context.as_of);
  for (auto& indicator : store::LoadIndicators(*context.db, as_of)) {
    auto values = store::LoadIndicatorSeries(*context.db, indicator.code, as_of);
    html.indicators.push_back({std::move(indicator), std::move(values)});
  }
  // Written beside the target and renamed, so a reader never sees half a report.
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path, "--html " + path);
  if (!file.ok()) return file.status();
  (*file)->stream() << report::RenderHtml(html);
  if (Status committed = (*file)->Commit(); !committed.ok()) return committed;
  if (!context.quiet) context.out << fmt::format("wrote {} (as of {})\n", path, as_of);
  return Status::Ok();
}

}  // namespace plantrack::cli
