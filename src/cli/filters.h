#pragma once
// The action filters shared by the listing and report commands: --area, --unit (descendants
// included) and --horizon, checked against the database so a typo gets a suggestion.

#include "cli/command.h"
#include "store/plan_queries.h"

namespace plantrack::cli {

void AddActionFilterOptions(po::options_description& options);
Result<store::ActionFilter> FilterFrom(Context& context, const po::variables_map& args);
bool HasFilter(const store::ActionFilter& filter);

}  // namespace plantrack::cli
