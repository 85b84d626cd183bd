#include "cli/filters.h"

#include <fmt/format.h>

#include <tuple>

#include "domain/numbers.h"
#include "domain/structure_rules.h"

namespace plantrack::cli {

void AddActionFilterOptions(po::options_description& options) {
  options.add_options()("area", po::value<std::string>()->value_name("T"),
                        "only this task area, e.g. T2")(
      "unit", po::value<std::string>()->value_name("U"),
      "only actions this unit or a unit below it is responsible for, e.g. zhuzhou")(
      "horizon", po::value<std::string>()->value_name("YEAR"),
      "only the actions of this horizon: 2025 or 2035");
}

void DescribeActionFilter(po::options_description& options, po::positional_options_description&) {
  AddActionFilterOptions(options);
}

Result<std::optional<int>> HorizonOption(const po::variables_map& args) {
  if (!args.count("horizon")) return std::optional<int>();
  const std::string text = args["horizon"].as<std::string>();
  const auto year = domain::ParseInteger(text);
  if (!year || !domain::IsHorizonYear(static_cast<int>(*year))) {
    return Status::Usage(fmt::format("--horizon {} is not {}", text, domain::HorizonYearsText()));
  }
  return std::optional<int>(static_cast<int>(*year));
}

Result<store::ActionFilter> FilterFrom(Context& context, const po::variables_map& args) {
  store::ActionFilter filter;
  // The stored code, whatever spelling was typed (`t2`, a unit's Chinese name).
  for (auto [name, kind, field] : {std::tuple{"area", store::CodeKind::kArea, &filter.area},
                                   std::tuple{"unit", store::CodeKind::kUnit, &filter.unit}}) {
    if (!args.count(name)) continue;
    Result<std::string> code = store::ResolveCode(*context.db, kind, args[name].as<std::string>());
    if (!code.ok()) return code.status();
    *field = std::move(*code);
  }
  Result<std::optional<int>> horizon = HorizonOption(args);
  if (!horizon.ok()) return horizon.status();
  filter.horizon = *horizon;
  return filter;
}

bool HasFilter(const store::ActionFilter& filter) {
  return filter.area || filter.unit || filter.horizon;
}

}  // namespace plantrack::cli
