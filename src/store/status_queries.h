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
  std::string code, action, area, title_en, title_zh, due_on, done_on;
  int horizon = 0;  // the action's
};

// Milestones of the matching actions due before `as_of` and not done by then (done_on empty
// or later), in no particular order: the report sorts them with the actions.
std::vector<OpenMilestone> LoadOverdueMilestones(Connection& connection, const ActionFilter& filter,
                                                 const std::string& as_of);

struct AreaMilestones {
  std::string area;
  int overdue = 0;
  std::vector<OpenMilestone> next;  // the next three due on or after as_of, soonest first
};

// Per task area (code order), counted in SQL so a status never holds every milestone.
// `next` rows carry code, action, area and due_on only.
std::vector<AreaMilestones> SummariseMilestones(Connection& connection, const ActionFilter& filter,
                                                const std::string& as_of);

}  // namespace plantrack::store
