#pragma once
// The facts the write path's rules (domain/entry_rules.h, time_order.h, value_rules.h) read
// from the file: an action's start, its live entries around a date, its milestones, whether a
// unit leads it, and an indicator's unit, baseline and live values of a day. Read-only; the
// rules themselves stay in domain/.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/civil_date.h"
#include "domain/entry_rules.h"
#include "domain/time_order.h"
#include "store/connection.h"

namespace SQLite {
class Statement;
}

namespace plantrack::store {

// The reads of one action that an import makes for each action it meets, prepared once: an
// import may meet ten thousand actions. The free functions below make them once each.
class ActionReads {
 public:
  explicit ActionReads(Connection& connection);
  ~ActionReads();
  ActionReads(const ActionReads&) = delete;
  ActionReads& operator=(const ActionReads&) = delete;

  domain::Date StartOn(int64_t action_id);
  std::vector<domain::TimedEntry> Timeline(int64_t action_id, bool latest_only = false);
  std::vector<domain::MilestoneState> Milestones(int64_t action_id);

 private:
  SQLite::Statement& Prepared(std::unique_ptr<SQLite::Statement>& slot, const char* sql);

  Connection& connection_;
  std::unique_ptr<SQLite::Statement> start_on_, timeline_, latest_, milestones_;
};

// The action's start_on (the epoch's day 0 for an unknown id).
domain::Date ActionStartOn(Connection& connection, int64_t action_id);

// The live (not retracted) entries of the action dated just before (or on) `on` and just after.
domain::Neighbours NeighboursOf(Connection& connection, int64_t action_id, const domain::Date& on);

// Every live entry of the action, by date and recording order; or only the latest one.
std::vector<domain::TimedEntry> LiveTimeline(Connection& connection, int64_t action_id,
                                             bool latest_only = false);

std::vector<domain::MilestoneState> MilestonesOf(Connection& connection, int64_t action_id);

// Whether the unit leads the action, or is above a unit that does (a city speaks for its
// county). Coordinators are the caller's to add.
bool LeadsAction(Connection& connection, int64_t unit_id, int64_t action_id);

struct IndicatorFacts {
  int64_t id = 0;
  std::string code, measure_unit;
  int baseline_year = 0;
};
std::optional<IndicatorFacts> FindIndicator(Connection& connection, const std::string& code);

// The indicator's live values dated `as_of`.
std::vector<double> LiveValuesOn(Connection& connection, int64_t indicator_id,
                                 const std::string& as_of);

}  // namespace plantrack::store
