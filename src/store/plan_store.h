#pragma once
// Changes to the plan's structure (coordinators only; the CLI checks who) and milestone
// completion. Unlike the progress log these rows are edited in place; every change has its
// journal row, which is what `history` shows.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.h"

namespace plantrack::store {

struct MilestoneRef {
  int64_t id = 0;
  std::string code, action, due_on, done_on;  // done_on empty when open
  int64_t action_id = 0;
};
std::optional<MilestoneRef> FindMilestone(Connection& connection, const std::string& code);
// Who changed a milestone, when, in which journal row: kept as a milestone_event row, so the
// record (and its chain) holds every completion and reopening.
struct MilestoneChange {
  int64_t unit_id = 0;
  std::string recorded_at;
  int64_t journal_id = 0;
};
// Sets done_on of an open milestone; false when it was done meanwhile.
bool CompleteMilestone(Connection& connection, int64_t milestone_id, const std::string& done_on,
                       const MilestoneChange& change);
// Sets done_on to `done_on` (none: open) whatever it was, with its event: a received record
// replays the completion or reopening its sender made.
void SetMilestone(Connection& connection, int64_t milestone_id,
                  const std::optional<std::string>& done_on, const MilestoneChange& change);
// Clears done_on again (undo of done); false when it was not done (reopened meanwhile).
bool ReopenMilestone(Connection& connection, int64_t milestone_id, const MilestoneChange& change);

struct NewAction {
  int64_t task_area_id = 0;
  std::string code, title_en, title_zh;
  int horizon = 0;
  std::string start_on, due_on;
  double weight = 1;
  std::string source;
};
int64_t InsertAction(Connection& connection, const NewAction& action);

struct NewMilestone {
  int64_t action_id = 0;
  std::string code, title_en, title_zh, due_on;
};
int64_t InsertMilestone(Connection& connection, const NewMilestone& milestone);

struct NewUnit {
  std::string slug, name_en, name_zh, kind;
  int64_t parent_id = 0;
  bool coordinator = false;
  std::string source;
};
int64_t InsertUnit(Connection& connection, const NewUnit& unit);

struct NewIndicator {
  std::string code, name_en, name_zh, measure_unit, direction, source, scope;
  double baseline_value = 0;
  int baseline_year = 0;
  std::vector<std::pair<int, double>> targets;  // year, value
};
int64_t InsertIndicator(Connection& connection, const NewIndicator& indicator);

std::optional<int64_t> FindAreaId(Connection& connection, const std::string& code);

// The unit's role on the action, if any.
std::optional<std::string> RoleOf(Connection& connection, int64_t action_id, int64_t unit_id);
// Adds the responsibility or changes its role.
void Assign(Connection& connection, int64_t action_id, int64_t unit_id, const std::string& role);
void Unassign(Connection& connection, int64_t action_id, int64_t unit_id);

}  // namespace plantrack::store
