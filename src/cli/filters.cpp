#include "cli/filters.h"

#include <fmt/format.h>

#include <tuple>

#include "domain/numbers.h"

namespace plantrack::cli {

void AddActionFilterOptions(po::options_description& options) {
  options.add_options()("area", po::value<std::string>()->value_name("T"),
                        "only this task area, e.g. T2")(
      "unit", po::value<std::string>()->value_name("U"),
      "only actions this unit or a unit below it is responsible for, e.g. zhuzhou")(
      "horizon", po::value<std::string>()->value_name("YEAR"), "only the 2025 or the 2035 horizon");
}

void DescribeActionFilter(po::options_description& options, po::positional_options_description&) {
  AddActionFilterOptions(options);
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
  if (args.count("horizon")) {
    const std::string text = args["horizon"].as<std::string>();
    const auto horizon = domain::ParseInteger(text);
    if (horizon != 2025 && horizon != 2035) {
      return Status::Usage(fmt::format("--horizon {} is not 2025 or 2035", text));
    }
    filter.horizon = static_cast<int>(*horizon);
  }
  return filter;
}

bool HasFilter(const store::ActionFilter& filter) {
  return filter.area || filter.unit || filter.horizon;
}

}  // namespace plantrack::cli
