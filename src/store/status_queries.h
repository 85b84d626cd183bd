#pragma once
// What the status, overdue and audit reports read: per action its first and latest progress
// entry as of a date (retracted entries excluded), and the milestones not done by that date.
// The aggregation per action happens in SQL through the (action_id, logged_on) index, so a
// report never loads the progress log itself into memory.

#include <optional>
#include <string>
#include <vector>

#include "store/connection.h"
#include "store/plan_queries.h"

namespace plantrack::store {

struct LogEntry {
  std::string logged_on;
  int percent = 0;
  std::string status;
};

struct ActionProgress {
  std::string code, area, title_en, title_zh;
  int horizon = 0;
  std::string start_on, due_on;
  double weight = 1;
  std::string lead;  // the lead unit's slug (the first by slug when there are several), or ""
  std::optional<LogEntry> first, latest;
};

// Actions matching `filter`, in code order. Entries logged after `as_of` are ignored.
std::vector<ActionProgress> LoadActionProgress(Connection& connection, const ActionFilter& filter,
                                               const std::string& as_of);

struct OpenMilestone {
  std::string code, action, area, title_en, title_zh, due_on, done_on, lead;
  int horizon = 0;
};

// Milestones of the matching actions not done by `as_of` (done_on empty or later), ordered by
// due date, then code.
std::vector<OpenMilestone> LoadOpenMilestones(Connection& connection, const ActionFilter& filter,
                                              const std::string& as_of);

}  // namespace plantrack::store
