#include "store/progress_timeline.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "store/action_scope.h"

namespace plantrack::store {
namespace {

// The chosen actions as kActionProgress reads them, without their entries.
constexpr const char* kActions = R"sql(
  SELECT a.id, a.code, ta.code, a.title_en, a.title_zh, a.horizon, a.start_on, a.due_on, a.weight,
         coalesce((SELECT min(u.slug) FROM responsibility r JOIN unit u ON u.id = r.unit_id
                    WHERE r.action_id = a.id AND r.role = 'lead'), '')
    FROM chosen a JOIN task_area ta ON ta.id = a.task_area_id
   ORDER BY a.code
)sql";

}  // namespace

LogEntry ProgressTimeline::EntryOf(const Point& point) const {
  return {DayText(point.day), point.percent, statuses_[static_cast<size_t>(point.status)]};
}

domain::LogPoint ProgressTimeline::LogPointOf(const Point& point) const {
  const domain::Date on{date::year{point.day / 10000},
                        date::month{static_cast<unsigned>(point.day / 100 % 100)},
                        date::day{static_cast<unsigned>(point.day % 100)}};
  return {on, point.percent, statuses_[static_cast<size_t>(point.status)]};
}

ProgressTimeline ProgressTimeline::Load(Connection& connection, const ActionFilter& filter,
                                        std::vector<std::string> days) {
  ProgressTimeline timeline = Prepare(connection, filter, std::move(days));
  // Every entry up to the last day, in table order: the buckets below need no order.
  if (!timeline.days_.empty() && !timeline.actions_.empty()) {
    ScanLiveEntries(connection, {&timeline});
  }
  timeline.Finish();
  return timeline;
}

ProgressTimeline ProgressTimeline::Prepare(Connection& connection, const ActionFilter& filter,
                                           std::vector<std::string> days) {
  ProgressTimeline timeline;
  timeline.days_ = std::move(days);
  SQLite::Statement actions(connection.db(), std::string(kChosenActions) + kActions);
  BindActionFilter(actions, filter);
  while (actions.executeStep()) {
    timeline.index_of_[actions.getColumn(0).getInt64()] = timeline.actions_.size();
    timeline.actions_.push_back({actions.getColumn(1).getString(), actions.getColumn(2).getString(),
                                 actions.getColumn(3).getString(), actions.getColumn(4).getString(),
                                 actions.getColumn(5).getInt(), actions.getColumn(6).getString(),
                                 actions.getColumn(7).getString(), actions.getColumn(8).getDouble(),
                                 actions.getColumn(9).getString(), std::nullopt, std::nullopt});
  }
  timeline.first_.assign(timeline.actions_.size(), Point{});
  timeline.latest_.assign(timeline.actions_.size() * timeline.days_.size(), Point{});
  for (const std::string& day : timeline.days_) {
    timeline.day_numbers_.push_back(DayNumber(day.c_str()));
  }
  return timeline;
}

int16_t ProgressTimeline::StatusIndex(const char* status) {
  // First letters first: the five status words differ in them, so a match costs one compare
  // rather than a strlen and a compare per word (a million calls in a pass).
  auto known = std::find_if(statuses_.begin(), statuses_.end(), [&](const std::string& word) {
    return word[0] == status[0] && word == status;
  });
  if (known == statuses_.end()) known = statuses_.insert(known, status);
  return static_cast<int16_t>(known - statuses_.begin());
}

// An entry falls in the bucket of the first day on or after it; each bucket keeps its latest
// entry, and a day's latest is then the latest of the last non-empty bucket up to it (Finish).
void ProgressTimeline::Add(const LiveEntry& entry) {
  if (day_numbers_.empty() || entry.day > day_numbers_.back()) return;
  if (entry.action_id != last_action_id_) {
    last_action_id_ = entry.action_id;
    auto found = index_of_.find(entry.action_id);
    last_chosen_ = found != index_of_.end();
    if (last_chosen_) last_index_ = found->second;
  }
  if (!last_chosen_) return;
  Point point{entry.id, entry.day, static_cast<int16_t>(entry.percent), 0};
  const size_t day = static_cast<size_t>(
      std::lower_bound(day_numbers_.begin(), day_numbers_.end(), point.day) - day_numbers_.begin());
  Point& first = first_[last_index_];
  Point& latest = latest_[last_index_ * days_.size() + day];
  const bool is_first = first.id < 0 || Later(first, point);
  const bool is_latest = Later(point, latest);
  if (!is_first && !is_latest) return;
  point.status = StatusIndex(entry.status);
  if (is_first) first = point;
  if (is_latest) latest = point;
}

std::unique_ptr<EntrySink> ProgressTimeline::Shard() const {
  auto shard = std::make_unique<ProgressTimeline>();
  shard->days_ = days_;
  shard->day_numbers_ = day_numbers_;
  shard->index_of_ = index_of_;
  shard->first_.assign(first_.size(), Point{});
  shard->latest_.assign(latest_.size(), Point{});
  return shard;
}

// Before Finish: bucket by bucket, the later entry wins, and the earlier first; the shard's
// statuses are interned again here.
void ProgressTimeline::Merge(EntrySink& sink) {
  auto& shard = static_cast<ProgressTimeline&>(sink);
  std::vector<int16_t> status_of;
  for (const std::string& status : shard.statuses_)
    status_of.push_back(StatusIndex(status.c_str()));
  auto take = [&](Point& mine, Point theirs, bool if_later) {
    if (theirs.id < 0) return;
    if (mine.id >= 0 && (if_later ? !Later(theirs, mine) : !Later(mine, theirs))) return;
    theirs.status = status_of[static_cast<size_t>(theirs.status)];
    mine = theirs;
  };
  for (size_t i = 0; i < first_.size(); ++i) take(first_[i], shard.first_[i], false);
  for (size_t i = 0; i < latest_.size(); ++i) take(latest_[i], shard.latest_[i], true);
}

void ProgressTimeline::Finish() {
  const size_t width = days_.size();
  for (size_t a = 0; a < actions_.size(); ++a) {
    for (size_t day = 1; day < width; ++day) {
      Point& latest = latest_[a * width + day];
      if (latest.id < 0) latest = latest_[a * width + day - 1];
    }
  }
}

std::vector<ActionProgress> ProgressTimeline::On(size_t day) const {
  std::vector<ActionProgress> rows = actions_;
  const size_t width = days_.size();
  for (size_t action = 0; action < rows.size(); ++action) {
    const Point& latest = latest_[action * width + day];
    if (latest.id < 0) continue;
    rows[action].latest = EntryOf(latest);
    rows[action].first = EntryOf(first_[action]);  // on or before the latest, so the day too
  }
  return rows;
}

std::optional<domain::LogPoint> ProgressTimeline::First(size_t action, size_t day) const {
  // As On: an action's first entry counts from the first day it has a latest one.
  if (latest_[action * days_.size() + day].id < 0) return std::nullopt;
  return LogPointOf(first_[action]);
}

std::optional<domain::LogPoint> ProgressTimeline::Latest(size_t action, size_t day) const {
  const Point& latest = latest_[action * days_.size() + day];
  if (latest.id < 0) return std::nullopt;
  return LogPointOf(latest);
}

}  // namespace plantrack::store
