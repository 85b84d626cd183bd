#pragma once
// The progress of the chosen actions as it stood on each of a list of days, from one pass over
// the log: what `trend` and the HTML report replay instead of running the status query once
// per day. For every day, On(day) equals LoadActionProgress(connection, filter, day) row for
// row (same actions, same order, same first and latest live entry).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.h"
#include "store/plan_queries.h"
#include "store/status_queries.h"

namespace plantrack::store {

class ProgressTimeline {
 public:
  // `days`: ascending YYYY-MM-DD dates. Reads the chosen actions once and the live entries
  // dated on or before the last day once, in table order (no sort of the log).
  static ProgressTimeline Load(Connection& connection, const ActionFilter& filter,
                               std::vector<std::string> days);

  const std::vector<std::string>& days() const { return days_; }
  // Precondition: day < days().size().
  std::vector<ActionProgress> On(size_t day) const;

 private:
  // An entry reduced to what the replay needs; turned back into a LogEntry by On().
  struct Point {
    int64_t id = -1;  // -1: no entry
    int32_t day = 0;  // YYYYMMDD, so that dates compare as numbers
    int16_t percent = 0;
    int16_t status = 0;  // index into statuses_
  };
  LogEntry EntryOf(const Point& point) const;

  std::vector<std::string> days_;
  std::vector<ActionProgress> actions_;  // without entries, in code order
  std::vector<std::string> statuses_;    // the status words met, interned
  std::vector<Point> first_;
  // latest_[action * days_.size() + day]: the latest live entry on or before that day.
  std::vector<Point> latest_;
};

}  // namespace plantrack::store
