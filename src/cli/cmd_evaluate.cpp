// `plantrack evaluate [--horizon 2025|2035] [--area T] [--unit U]`: outcomes at a horizon once it
// has passed, the mid-term view while it is ahead.

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/filters.h"
#include "cli/report_inputs.h"

namespace plantrack::cli {

void DescribeEvaluate(po::options_description& options, po::positional_options_description&) {
  options.add_options()("area", po::value<std::string>()->value_name("T"),
                        "only this task area, e.g. T2")(
      "unit", po::value<std::string>()->value_name("U"),
      "only actions this unit or a unit below it is responsible for, e.g. zhuzhou")(
      "horizon", po::value<std::string>()->value_name("YEAR"),
      "2025 or 2035 (default: the latest that has passed, else the next)");
}

Status RunEvaluate(Context& context, const po::variables_map& args) {
  Result<store::ActionFilter> filter = FilterFrom(context, args);
  if (!filter.ok()) return filter.status();
  const auto inputs = LoadEvaluationInput(context, *filter);
  report::RenderEvaluation(report::BuildEvaluation(*inputs), RenderOptionsOf(context), context.out);
  return Status::Ok();
}

extern const CommandSpec kEvaluateCommand{
    .name = "evaluate",
    .usage = "[--horizon 2025|2035] [--area T] [--unit U]",
    .summary =
        "outcomes at a horizon: done on time, late or not, targets met or missed (or, ahead, the "
        "mid-term view)",
    .summary_zh = "目标年的结果：按期完成、延期或未完成，指标达标或未达标（未到期时为中期评估）",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeEvaluate,
    .run = RunEvaluate,
};

}  // namespace plantrack::cli
