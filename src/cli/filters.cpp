#include "cli/filters.h"

#include <fmt/format.h>

namespace plantrack::cli {

void AddActionFilterOptions(po::options_description& options) {
  options.add_options()("area", po::value<std::string>()->value_name("T"),
                        "only this task area, e.g. T2")(
      "unit", po::value<std::string>()->value_name("U"),
      "only actions this unit or a unit below it is responsible for, e.g. zhuzhou")(
      "horizon", po::value<int>()->value_name("YEAR"), "only the 2025 or the 2035 horizon");
}

void DescribeActionFilter(po::options_description& options, po::positional_options_description&) {
  AddActionFilterOptions(options);
}

Result<store::ActionFilter> FilterFrom(Context& context, const po::variables_map& args) {
  store::ActionFilter filter;
  if (args.count("area")) {
    filter.area = args["area"].as<std::string>();
    if (Status known = store::RequireCode(*context.db, "area", *filter.area); !known.ok()) {
      return known;
    }
  }
  if (args.count("unit")) {
    filter.unit = args["unit"].as<std::string>();
    if (Status known = store::RequireCode(*context.db, "unit", *filter.unit); !known.ok()) {
      return known;
    }
  }
  if (args.count("horizon")) {
    filter.horizon = args["horizon"].as<int>();
    if (*filter.horizon != 2025 && *filter.horizon != 2035) {
      return Status::Usage(fmt::format("--horizon {} is not 2025 or 2035", *filter.horizon));
    }
  }
  return filter;
}

bool HasFilter(const store::ActionFilter& filter) {
  return filter.area || filter.unit || filter.horizon;
}

}  // namespace plantrack::cli
