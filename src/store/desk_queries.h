#pragma once
// What a unit's own desk (`mine`) reads: its role on each action it or a unit below it is
// responsible for, whether the subtree has an entry in a date range, the next open milestone
// of each such action, and the unit's own latest entries with their ids (to retract).

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "store/connection.h"

namespace plantrack::store {

// Action code -> "lead" when the unit or a unit below it leads the action, else "support".
std::map<std::string, std::string> RolesOf(Connection& connection, int64_t unit_id);

// Codes of the actions with a live entry by the unit or a unit below it dated in [from, to].
std::set<std::string> ActionsReportedBetween(Connection& connection, int64_t unit_id,
                                             const std::string& from, const std::string& to);

struct NextMilestone {
  std::string code, due_on;
};
// Per action of the unit's scope, the open milestone (not done by as_of) due soonest.
std::map<std::string, NextMilestone> NextMilestones(Connection& connection, int64_t unit_id,
                                                    const std::string& as_of);

struct OwnEntry {
  int64_t id = 0;
  std::string action, logged_on, recorded_at, status, note;
  int percent = 0;
  bool retracted = false;
};
// The unit's own entries dated no later than as_of, latest first (by date, then id), at most
// `limit` of them.
std::vector<OwnEntry> RecentEntriesOf(Connection& connection, int64_t unit_id,
                                      const std::string& as_of, int limit);

}  // namespace plantrack::store
