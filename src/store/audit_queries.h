#pragma once
// What the responsibility audit reads beyond the status queries: who is responsible for what,
// when each unit last logged on each action, when actions were done, and the entries dated in
// a range of quarters. All as of a date; retracted entries never count.

#include <string>
#include <vector>

#include "store/connection.h"

namespace plantrack::store {

struct ResponsibilityRow {
  std::string action, area, unit, role;
};
// In action code, then unit slug order.
std::vector<ResponsibilityRow> ListResponsibilities(Connection& connection);

struct LastLog {
  std::string action, unit, logged_on;  // the unit's latest entry on the action
};

struct DoneOn {
  std::string action, logged_on;  // the first entry at 100 %
};

// From the live entries up to `as_of`: each unit's latest entry per action, and the first entry
// at 100 % per action.
struct LogSummary {
  std::vector<LastLog> last_logs;
  std::vector<DoneOn> done_dates;
};
LogSummary SummariseLog(Connection& connection, const std::string& as_of);

struct DatedReport {
  std::string action, unit, logged_on, recorded_on;  // recorded_on: the date of recorded_at
};
// Entries dated from `from` to `to` (inclusive), none after `as_of`.
std::vector<DatedReport> ReportsBetween(Connection& connection, const std::string& from,
                                        const std::string& to, const std::string& as_of);

}  // namespace plantrack::store
