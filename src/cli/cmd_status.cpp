// The coordinators' reports: `status`, `overdue` and `indicators`, all as of --as-of.

#include <fmt/format.h>

#include <sstream>

#include "cli/commands.h"
#include "cli/filters.h"
#include "cli/report_inputs.h"
#include "domain/typed.h"
#include "report/indicator_report.h"
#include "store/indicator_queries.h"

namespace plantrack::cli {
namespace {

Result<std::set<std::string>> ParseRags(const std::string& text) {
  std::set<std::string> rags;
  std::istringstream in(text);
  for (std::string typed; std::getline(in, typed, ',');) {
    const std::string rag = domain::FoldCode(typed);  // `RED`, `Amber ` are red and amber
    if (rag != "red" && rag != "amber") {
      return Status::Usage(fmt::format("--rag {}: '{}' is not red or amber", text, typed));
    }
    rags.insert(rag);
  }
  return rags;
}

}  // namespace

void DescribeOverdue(po::options_description& options, po::positional_options_description&) {
  AddActionFilterOptions(options);
  options.add_options()("rag", po::value<std::string>()->value_name("LIST"),
                        "only these colours: red,amber")(
      "fail-on", po::value<std::string>()->value_name("WHAT"),
      "exit 1 when any item (any) or any red item (red) is found, for scripts");
}

Status RunStatus(Context& context, const po::variables_map& args) {
  Result<store::ActionFilter> filter = FilterFrom(context, args);
  if (!filter.ok()) return filter.status();
  auto model = LoadStatus(context, *filter, LoadAssessed(context, *filter));
  report::RenderStatus(model, RenderOptionsOf(context), context.out);
  return Status::Ok();
}

Status RunOverdue(Context& context, const po::variables_map& args) {
  Result<store::ActionFilter> filter = FilterFrom(context, args);
  if (!filter.ok()) return filter.status();
  std::set<std::string> rags;
  if (args.count("rag")) {
    auto parsed = ParseRags(args["rag"].as<std::string>());
    if (!parsed.ok()) return parsed.status();
    rags = parsed.value();
  }
  std::string fail_on = args.count("fail-on") ? args["fail-on"].as<std::string>() : "";
  if (!fail_on.empty() && fail_on != "any" && fail_on != "red") {
    return Status::Usage(fmt::format("--fail-on {} is not any or red", fail_on));
  }
  auto items = LoadOverdue(context, *filter, LoadAssessed(context, *filter), rags);
  report::RenderOverdue(items, context.as_of, RenderOptionsOf(context), context.out);
  const bool found =
      fail_on == "any"
          ? !items.empty()
          : fail_on == "red" && std::any_of(items.begin(), items.end(),
                                            [](const auto& item) { return item.rag == "red"; });
  return found ? Status::Found() : Status::Ok();
}

Status RunIndicators(Context& context, const po::variables_map&) {
  const std::string as_of = domain::FormatIsoDate(context.as_of);
  report::RenderIndicators(store::LoadIndicators(*context.db, as_of), context.as_of,
                           RenderOptionsOf(context), context.out);
  return Status::Ok();
}

extern const CommandSpec kStatusCommand{
    .name = "status",
    .usage = "[--area T] [--unit U] [--horizon 2025|2035]",
    .summary = "the status summary per task area, with a verdict per horizon",
    .summary_zh = "按任务领域汇总进展，并给出各目标年的判断",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeActionFilter,
    .run = RunStatus,
};
extern const CommandSpec kOverdueCommand{
    .name = "overdue",
    .usage = "[--area T] [--unit U] [--horizon Y] [--rag red,amber] [--fail-on any|red]",
    .summary = "overdue and at-risk milestones and actions, worst first",
    .summary_zh = "逾期和有风险的里程碑与行动，最严重的在前",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeOverdue,
    .run = RunOverdue,
};
extern const CommandSpec kIndicatorsCommand{
    .name = "indicators",
    .usage = "",
    .summary = "indicator values against their targets, with the pace per horizon",
    .summary_zh = "指标值与目标对照，以及各目标年的进度",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = nullptr,
    .run = RunIndicators,
};

}  // namespace plantrack::cli
