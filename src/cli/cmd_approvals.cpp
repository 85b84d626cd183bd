// `plantrack approvals [--period Q] [--unit U]`: the sign-off state of each unit for a quarter,
// worst first, with who and when.

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/report_inputs.h"
#include "store/plan_queries.h"

namespace plantrack::cli {

void DescribeApprovals(po::options_description& options, po::positional_options_description&) {
  options.add_options()("period", po::value<std::string>()->value_name("Q"),
                        "the quarter, e.g. 2026Q3 (default: the last complete quarter)")(
      "unit", po::value<std::string>()->value_name("U"), "only this unit and the units below it");
}

Status RunApprovals(Context& context, const po::variables_map& args) {
  domain::Quarter quarter = domain::Previous(domain::QuarterOf(context.as_of));
  if (args.count("period")) {
    const std::string text = args["period"].as<std::string>();
    auto parsed = domain::ParseQuarter(text);
    if (!parsed)
      return Status::Usage(fmt::format("--period {} is not a quarter like 2026Q3", text));
    quarter = *parsed;
  }
  std::optional<std::string> unit;
  if (args.count("unit")) {
    unit = args["unit"].as<std::string>();
    if (Status known = store::RequireCode(*context.db, store::CodeKind::kUnit, *unit); !known.ok())
      return known;
  }
  report::Render(report::ApprovalListing(LoadApprovals(context, quarter, unit)),
                 RenderOptionsOf(context), context.out);
  return Status::Ok();
}

extern const CommandSpec kApprovalsCommand{
    .name = "approvals",
    .usage = "[--period Q] [--unit U]",
    .summary = "the sign-off state of each unit for a quarter, worst first",
    .summary_zh = "各单位某季度的审核状态，最差的在前",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeApprovals,
    .run = RunApprovals,
};

}  // namespace plantrack::cli
