#pragma once
// The progress of the chosen actions as it stood on each of a list of days, from one pass over
// the log: what `trend` and the HTML report replay instead of running the status query once
// per day. For every day, On(day) equals LoadActionProgress(connection, filter, day) row for
// row (same actions, same order, same first and latest live entry).

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/progress_rules.h"
#include "store/connection.h"
#include "store/live_entries.h"
#include "store/plan_queries.h"
#include "store/status_queries.h"

namespace plantrack::store {

class ProgressTimeline : public EntrySink {
 public:
  // `days`: ascending YYYY-MM-DD dates. Reads the chosen actions once and the live entries
  // dated on or before the last day once, in table order (no sort of the log).
  static ProgressTimeline Load(Connection& connection, const ActionFilter& filter,
                               std::vector<std::string> days);

  // The same in steps, for a pass over the log shared with other sinks: Prepare reads the
  // chosen actions, ScanLiveEntries feeds the entries (those after the last day are ignored),
  // then Finish once before On.
  static ProgressTimeline Prepare(Connection& connection, const ActionFilter& filter,
                                  std::vector<std::string> days);
  void Add(const LiveEntry& entry) override;
  // A shard folds its part of the log into its own buckets; it has no actions to replay.
  std::unique_ptr<EntrySink> Shard() const override;
  void Merge(EntrySink& shard) override;
  void Finish();

  const std::vector<std::string>& days() const { return days_; }
  // Precondition: day < days().size().
  std::vector<ActionProgress> On(size_t day) const;

  // The same without copying the actions, for a replay that only assesses them (the trend's 20
  // days of 10,000 actions): the actions without entries, in On's order, and an action's first
  // and latest entry as of a day (both empty when it had none by then). Preconditions: action <
  // actions().size(), day < days().size().
  const std::vector<ActionProgress>& actions() const { return actions_; }
  std::optional<domain::LogPoint> First(size_t action, size_t day) const;
  std::optional<domain::LogPoint> Latest(size_t action, size_t day) const;

 private:
  // An entry reduced to what the replay needs; turned back into a LogEntry by On().
  struct Point {
    int64_t id = -1;  // -1: no entry
    int32_t day = 0;  // YYYYMMDD, so that dates compare as numbers
    int16_t percent = 0;
    int16_t status = 0;  // index into statuses_
  };
  LogEntry EntryOf(const Point& point) const;
  domain::LogPoint LogPointOf(const Point& point) const;
  // Whether `point` is later than `than` (by day, then id; no entry is earliest).
  static bool Later(const Point& point, const Point& than) {
    return than.id < 0 || point.day > than.day || (point.day == than.day && point.id > than.id);
  }
  int16_t StatusIndex(const char* status);

  std::vector<std::string> days_;
  std::vector<int32_t> day_numbers_;
  std::unordered_map<int64_t, size_t> index_of_;  // action id -> index in actions_
  int64_t last_action_id_ = -1;                   // the table is mostly in action order
  bool last_chosen_ = false;                      // whether it is one of actions_,
  size_t last_index_ = 0;                         // and which
  std::vector<ActionProgress> actions_;           // without entries, in code order
  std::vector<std::string> statuses_;             // the status words met, interned
  std::vector<Point> first_;
  // latest_[action * days_.size() + day]: the latest live entry on or before that day.
  std::vector<Point> latest_;
};

}  // namespace plantrack::store
