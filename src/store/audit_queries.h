#pragma once
// What the responsibility audit reads beyond the status queries: who is responsible for what,
// when each unit last logged on each action, when actions were done, and the entries dated in
// a range of quarters. All as of a date; retracted entries never count.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/connection.h"
#include "store/live_entries.h"

namespace plantrack::store {

struct ResponsibilityRow {
  std::string action, area, unit, role;
};
// In action code, then unit slug order.
std::vector<ResponsibilityRow> ListResponsibilities(Connection& connection);

// The unit's latest entry on the action: the action and the unit as indexes into
// LogSummary's action_codes and unit_slugs, the day as YYYYMMDD. Numbers, not strings: a
// province has 50,000 of them, which the audit rolls up its unit tree.
struct LastLog {
  int32_t action = 0, unit = 0;
  int32_t day = 0;
};

struct DoneOn {
  std::string action, logged_on;  // the first entry at 100 %
};

// From the live entries up to `as_of`: each unit's latest entry per action, and the first entry
// at 100 % per action.
struct LogSummary {
  std::vector<std::string> action_codes, unit_slugs;  // what LastLog's indexes stand for
  std::vector<LastLog> last_logs;                     // in (action id, unit id) order
  std::vector<DoneOn> done_dates;
};
LogSummary SummariseLog(Connection& connection, const std::string& as_of);

// The same as a sink of a pass shared with other readers of the log (live_entries.h): entries
// after `as_of` are ignored; Finish once, after the pass.
class LogSummariser : public EntrySink {
 public:
  explicit LogSummariser(const std::string& as_of);
  void Add(const LiveEntry& entry) override;
  std::unique_ptr<EntrySink> Shard() const override;
  void Merge(EntrySink& shard) override;
  LogSummary Finish(Connection& connection) const;

 private:
  LogSummariser() = default;
  int32_t as_of_ = 0;
  // Hashed while scanning, sorted once at the end; days as YYYYMMDD.
  std::unordered_map<uint64_t, int32_t> last_;  // action id << 32 | unit id -> latest day
  std::unordered_map<int64_t, int32_t> done_;   // action id -> first day at 100 %
};

struct DatedReport {
  std::string action, unit, logged_on, recorded_on;  // recorded_on: the date of recorded_at
};
// Entries dated from `from` to `to` (inclusive), none after `as_of`.
std::vector<DatedReport> ReportsBetween(Connection& connection, const std::string& from,
                                        const std::string& to, const std::string& as_of);

}  // namespace plantrack::store
