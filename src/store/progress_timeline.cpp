#include "store/progress_timeline.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <unordered_set>

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

// Every entry up to the last day, in table order: a full scan is cheaper than walking the
// (action_id, logged_on) index and looking each row up (which the planner picks unless told
// NOT INDEXED), and the buckets below need no order. Retracted entries are skipped in memory:
// a NOT IN probe per row cost more than the scan itself.
constexpr const char* kEntries = R"sql(
  SELECT p.action_id, p.id, p.logged_on, p.percent, p.status FROM progress_log p NOT INDEXED
   WHERE p.logged_on <= ?1
)sql";

constexpr const char* kRetracted = "SELECT progress_log_id FROM retraction";

// 'YYYY-MM-DD' (valid by the schema's CHECK) as the number YYYYMMDD.
int32_t DayNumber(const unsigned char* text) {
  auto digits = [&](int from, int count) {
    int32_t value = 0;
    for (int i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  return digits(0, 4) * 10000 + digits(5, 2) * 100 + digits(8, 2);
}

using RawStatement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

}  // namespace

LogEntry ProgressTimeline::EntryOf(const Point& point) const {
  // By hand rather than through fmt: this runs for every action on every day replayed.
  std::string on = "0000-00-00";
  int32_t value = point.day;
  for (int i : {9, 8, 6, 5, 3, 2, 1, 0}) {
    on[static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return {std::move(on), point.percent, statuses_[static_cast<size_t>(point.status)]};
}

ProgressTimeline ProgressTimeline::Load(Connection& connection, const ActionFilter& filter,
                                        std::vector<std::string> days) {
  ProgressTimeline timeline;
  timeline.days_ = std::move(days);
  std::unordered_map<int64_t, size_t> index_of;
  SQLite::Statement actions(connection.db(), std::string(kChosenActions) + kActions);
  BindActionFilter(actions, filter);
  while (actions.executeStep()) {
    index_of[actions.getColumn(0).getInt64()] = timeline.actions_.size();
    timeline.actions_.push_back({actions.getColumn(1).getString(), actions.getColumn(2).getString(),
                                 actions.getColumn(3).getString(), actions.getColumn(4).getString(),
                                 actions.getColumn(5).getInt(), actions.getColumn(6).getString(),
                                 actions.getColumn(7).getString(), actions.getColumn(8).getDouble(),
                                 actions.getColumn(9).getString(), std::nullopt, std::nullopt});
  }
  const size_t width = timeline.days_.size();
  timeline.first_.assign(timeline.actions_.size(), Point{});
  timeline.latest_.assign(timeline.actions_.size() * width, Point{});
  if (width == 0 || timeline.actions_.empty()) return timeline;
  std::vector<int32_t> day_numbers;
  for (const std::string& day : timeline.days_) {
    day_numbers.push_back(DayNumber(reinterpret_cast<const unsigned char*>(day.c_str())));
  }

  std::unordered_set<int64_t> retracted;
  SQLite::Statement retractions(connection.db(), kRetracted);
  while (retractions.executeStep()) retracted.insert(retractions.getColumn(0).getInt64());

  // The raw C API for the million-row loop: SQLiteCpp's Column shares the statement through a
  // shared_ptr, an atomic increment and decrement per value read.
  sqlite3_stmt* prepared = nullptr;
  if (sqlite3_prepare_v2(connection.db().getHandle(), kEntries, -1, &prepared, nullptr) !=
      SQLITE_OK) {
    throw SQLite::Exception(connection.db().getHandle());
  }
  RawStatement entries(prepared, &sqlite3_finalize);
  sqlite3_bind_text(prepared, 1, timeline.days_.back().c_str(), -1, SQLITE_TRANSIENT);

  // An entry falls in the bucket of the first day on or after it; each bucket keeps its latest
  // entry, and a day's latest is then the latest of the last non-empty bucket up to it.
  int64_t last_action_id = -1;
  size_t action = 0;
  bool chosen = false;
  int step;
  while ((step = sqlite3_step(prepared)) == SQLITE_ROW) {
    const int64_t action_id = sqlite3_column_int64(prepared, 0);
    if (action_id != last_action_id) {  // the table is mostly in action order
      last_action_id = action_id;
      auto found = index_of.find(action_id);
      chosen = found != index_of.end();
      if (chosen) action = found->second;
    }
    if (!chosen) continue;
    const int64_t id = sqlite3_column_int64(prepared, 1);
    if (!retracted.empty() && retracted.contains(id)) continue;
    const int32_t on = DayNumber(sqlite3_column_text(prepared, 2));
    auto later = [&](const Point& than) {
      return than.id < 0 || on > than.day || (on == than.day && id > than.id);
    };
    const size_t day = static_cast<size_t>(
        std::lower_bound(day_numbers.begin(), day_numbers.end(), on) - day_numbers.begin());
    Point& first = timeline.first_[action];
    Point& latest = timeline.latest_[action * width + day];
    const bool is_first = first.id < 0 || on < first.day || (on == first.day && id < first.id);
    if (!is_first && !later(latest)) continue;
    Point point{id, on, static_cast<int16_t>(sqlite3_column_int(prepared, 3)), 0};
    const auto* status = reinterpret_cast<const char*>(sqlite3_column_text(prepared, 4));
    auto known = std::find(timeline.statuses_.begin(), timeline.statuses_.end(), status);
    if (known == timeline.statuses_.end()) known = timeline.statuses_.insert(known, status);
    point.status = static_cast<int16_t>(known - timeline.statuses_.begin());
    if (is_first) first = point;
    if (later(latest)) latest = point;
  }
  if (step != SQLITE_DONE) throw SQLite::Exception(connection.db().getHandle());
  for (size_t a = 0; a < timeline.actions_.size(); ++a) {
    for (size_t day = 1; day < width; ++day) {
      Point& latest = timeline.latest_[a * width + day];
      if (latest.id < 0) latest = timeline.latest_[a * width + day - 1];
    }
  }
  return timeline;
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

}  // namespace plantrack::store
