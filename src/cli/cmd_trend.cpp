// `plantrack trend [--by quarter|year] [filters]`: the status as of each quarter (or year) end.

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/filters.h"
#include "cli/report_inputs.h"
#include "report/trend_report.h"

namespace plantrack::cli {

void DescribeTrend(po::options_description& options, po::positional_options_description&) {
  AddActionFilterOptions(options);
  options.add_options()("by", po::value<std::string>()->value_name("PERIOD"),
                        "quarter (default) or year");
}

Status RunTrend(Context& context, const po::variables_map& args) {
  Result<store::ActionFilter> filter = FilterFrom(context, args);
  if (!filter.ok()) return filter.status();
  const std::string by = args.count("by") ? args["by"].as<std::string>() : "quarter";
  const std::optional<domain::PeriodKind> kind = domain::ParsePeriodKind(by);
  if (!kind) return Status::Usage(fmt::format("--by {} is not quarter or year", by));
  report::RenderTrend(LoadTrend(context, *filter, *kind), RenderOptionsOf(context), context.out);
  return Status::Ok();
}

extern const CommandSpec kTrendCommand{
    .name = "trend",
    .usage = "[--by quarter|year] [--area T] [--unit U] [--horizon Y]",
    .summary = "the status as of each quarter (or year) end since the plan's issue",
    .summary_zh = "自规划印发以来每个季度（或年度）末的进展",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeTrend,
    .run = RunTrend,
};

}  // namespace plantrack::cli
