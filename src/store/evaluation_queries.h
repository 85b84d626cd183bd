#pragma once
// What an evaluation reads beyond the status query: the day each chosen action was done.

#include <string>
#include <unordered_map>

#include "store/connection.h"
#include "store/plan_queries.h"

namespace plantrack::store {

// For each chosen action whose live entries on or before `as_of` reach 100 %, the date of the
// first entry at 100 % after its last entry below 100 % (the write rules allow nothing after
// done, but a retraction can reopen an action), keyed by action code. Actions never done are
// absent. One index seek per action on progress_log (action_id, logged_on).
std::unordered_map<std::string, std::string> LoadDoneDates(Connection& connection,
                                                           const ActionFilter& filter,
                                                           const std::string& as_of);

}  // namespace plantrack::store
