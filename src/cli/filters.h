#pragma once
// The action filters shared by the listing and report commands: --area, --unit (descendants
// included) and --horizon, checked against the database so a typo gets a suggestion.

#include "cli/command.h"
#include "store/plan_queries.h"

namespace plantrack::cli {

void AddActionFilterOptions(po::options_description& options);
// The same as a command's describe function (actions, milestones, status).
void DescribeActionFilter(po::options_description& options,
                          po::positional_options_description& positional);
// --horizon, when given: one of domain::kHorizonYears, else exit 64 with the same message in
// every command that takes it.
Result<std::optional<int>> HorizonOption(const po::variables_map& args);
Result<store::ActionFilter> FilterFrom(Context& context, const po::variables_map& args);
bool HasFilter(const store::ActionFilter& filter);

}  // namespace plantrack::cli
