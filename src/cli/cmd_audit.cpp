// `plantrack audit`: who is responsible for what, who reports, who is late.

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/report_inputs.h"
#include "domain/numbers.h"
#include "domain/reporting.h"
#include "domain/typed.h"
#include "store/identity.h"

namespace plantrack::cli {
namespace {

// A quarter given on the command line: malformed is a usage error (64); one that cannot be
// rated as of the as-of date (not ended yet, or before the plan) is refused as bad data (65).
Result<domain::Quarter> QuarterOption(Context& context, const po::variables_map& args,
                                      const char* name) {
  const std::string text = args[name].as<std::string>();
  auto quarter = domain::ParseQuarter(domain::FoldCode(text));  // `2026q3`, `２０２６Q3`
  if (!quarter)
    return Status::Usage(fmt::format("--{} {} is not a quarter like 2026Q3", name, text));
  const auto issued_on = domain::ParseIsoDate(store::LoadPlanDates(*context.db).issued_on);
  if (auto problem =
          domain::CheckRatedQuarter(*quarter, context.as_of, issued_on.value_or(domain::Date{}))) {
    return Status::BadData(fmt::format("--{} {}", name, *problem));
  }
  return *quarter;
}

}  // namespace

void DescribeAudit(po::options_description& options, po::positional_options_description&) {
  options.add_options()("unit", po::value<std::string>()->value_name("U"),
                        "only this unit and the units below it")(
      "period", po::value<std::string>()->value_name("Q"),
      "the quarter to rate, e.g. 2026Q3 (default: the last complete quarter)")(
      "from", po::value<std::string>()->value_name("Q"), "first quarter of a range")(
      "to", po::value<std::string>()->value_name("Q"), "last quarter of a range")(
      "stale-days", po::value<std::string>()->value_name("N")->default_value("90"),
      "a lead is stale after N days without an entry")(
      "fail-on", po::value<std::string>()->value_name("findings"),
      "exit 1 when there is a finding (supports-only does not count)");
}

Status RunAudit(Context& context, const po::variables_map& args) {
  report::AuditOptions options;
  options.as_of = context.as_of;
  const std::string stale_days = args["stale-days"].as<std::string>();
  const auto days = domain::ParseInteger(stale_days);
  if (!days || *days < 1 || *days > 100'000) {
    return Status::Usage(
        fmt::format("--stale-days {} is not a whole number of days from 1 to 100000", stale_days));
  }
  options.stale_days = static_cast<int>(*days);
  if (args.count("unit")) {
    Result<std::string> unit =
        store::ResolveCode(*context.db, store::CodeKind::kUnit, args["unit"].as<std::string>());
    if (!unit.ok()) return unit.status();
    options.unit = *unit;
  }
  if (args.count("period") && (args.count("from") || args.count("to"))) {
    return Status::Usage("--period goes alone, or use --from and --to");
  }
  options.from = options.to = domain::Previous(domain::QuarterOf(context.as_of));
  for (const char* name : {"period", "from", "to"}) {
    if (!args.count(name)) continue;
    Result<domain::Quarter> quarter = QuarterOption(context, args, name);
    if (!quarter.ok()) return quarter.status();
    if (std::string(name) != "to") options.from = *quarter;
    if (std::string(name) != "from") options.to = *quarter;
  }
  if (options.to < options.from) {
    return Status::Usage(fmt::format("--from {} is after --to {}",
                                     domain::FormatQuarter(options.from),
                                     domain::FormatQuarter(options.to)));
  }
  std::string fail_on = args.count("fail-on") ? args["fail-on"].as<std::string>() : "";
  if (!fail_on.empty() && fail_on != "findings") {
    return Status::Usage(fmt::format("--fail-on {} is not findings", fail_on));
  }
  report::AuditModel model = LoadAudit(context, options);
  report::RenderAudit(model, RenderOptionsOf(context), context.out);
  return fail_on == "findings" && model.HasFindings() ? Status::Found() : Status::Ok();
}

extern const CommandSpec kAuditCommand{
    .name = "audit",
    .usage = "[--unit U] [--period 2026Q3 | --from Q --to Q] [--stale-days N] [--fail-on findings]",
    .summary = "responsibilities per unit, findings, and reporting completeness per quarter",
    .summary_zh = "各单位的职责、发现的问题和每季度的填报完整性",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeAudit,
    .run = RunAudit,
};

}  // namespace plantrack::cli
