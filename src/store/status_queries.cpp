#include "store/status_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>

#include "store/action_scope.h"

namespace plantrack::store {
namespace {

// The first and the latest live entry of each action, found by index seeks rather than by
// grouping the whole log. In the action table's order, not the codes': the log's entries lie in
// action id order, so consecutive actions seek into the same pages, where walking the code
// index sent the seeks back and forth and SQLite read twice the pages (38,800 reads of a page
// against 16,800 on the province file). The rows are sorted by code after.
constexpr const char* kActionProgress = R"sql(
  SELECT x.code, x.area, x.title_en, x.title_zh, x.horizon, x.start_on, x.due_on, x.weight,
         x.lead, f.logged_on, f.percent, f.status, l.logged_on, l.percent, l.status
    FROM (SELECT a.code, ta.code AS area, a.title_en, a.title_zh, a.horizon, a.start_on,
                 a.due_on, a.weight,
                 coalesce((SELECT min(u.slug) FROM responsibility r JOIN unit u ON u.id = r.unit_id
                            WHERE r.action_id = a.id AND r.role = 'lead'), '') AS lead,
                 (SELECT p.id FROM progress_log p
                   WHERE p.action_id = a.id AND p.logged_on <= :as_of
                     AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
                   ORDER BY p.logged_on, p.id LIMIT 1) AS first_id,
                 (SELECT p.id FROM progress_log p
                   WHERE p.action_id = a.id AND p.logged_on <= :as_of
                     AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
                   ORDER BY p.logged_on DESC, p.id DESC LIMIT 1) AS latest_id
            FROM chosen a JOIN task_area ta ON ta.id = a.task_area_id) x
    LEFT JOIN progress_log f ON f.id = x.first_id
    LEFT JOIN progress_log l ON l.id = x.latest_id
)sql";

constexpr const char* kOverdueMilestones = R"sql(
  SELECT m.code, a.code, ta.code, m.title_en, m.title_zh, m.due_on, coalesce(m.done_on, ''),
         a.horizon
    FROM milestone m JOIN chosen a ON a.id = m.action_id
    JOIN task_area ta ON ta.id = a.task_area_id
   WHERE m.due_on < :as_of AND (m.done_on IS NULL OR m.done_on > :as_of)
)sql";

constexpr const char* kOverdueMilestoneCounts = R"sql(
  SELECT ta.code, count(*)
    FROM milestone m JOIN chosen a ON a.id = m.action_id
    JOIN task_area ta ON ta.id = a.task_area_id
   WHERE m.due_on < :as_of AND (m.done_on IS NULL OR m.done_on > :as_of)
   GROUP BY ta.code
)sql";

// Walks the (due_on, code) index from as_of on, so the caller can stop reading as soon as
// every area has its next three.
constexpr const char* kUpcomingMilestones = R"sql(
  SELECT ta.code, m.code, a.code, m.due_on
    FROM milestone m JOIN chosen a ON a.id = m.action_id
    JOIN task_area ta ON ta.id = a.task_area_id
   WHERE m.due_on >= :as_of AND (m.done_on IS NULL OR m.done_on > :as_of)
   ORDER BY m.due_on, m.code
)sql";

constexpr size_t kNextMilestones = 3;

std::optional<LogEntry> EntryAt(SQLite::Statement& query, int column) {
  if (query.getColumn(column).isNull()) return std::nullopt;
  return LogEntry{query.getColumn(column).getString(), query.getColumn(column + 1).getInt(),
                  query.getColumn(column + 2).getString()};
}

}  // namespace

std::vector<ActionProgress> LoadActionProgress(Connection& connection, const ActionFilter& filter,
                                               const std::string& as_of) {
  SQLite::Statement query(connection.db(), std::string(kChosenActions) + kActionProgress);
  BindActionFilter(query, filter);
  query.bind(":as_of", as_of);
  std::vector<ActionProgress> rows;
  while (query.executeStep()) {
    rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                    query.getColumn(2).getString(), query.getColumn(3).getString(),
                    query.getColumn(4).getInt(), query.getColumn(5).getString(),
                    query.getColumn(6).getString(), query.getColumn(7).getDouble(),
                    query.getColumn(8).getString(), EntryAt(query, 9), EntryAt(query, 12)});
  }
  // Codes are unique; std::string's order is SQLite's BINARY collation.
  std::sort(rows.begin(), rows.end(),
            [](const ActionProgress& a, const ActionProgress& b) { return a.code < b.code; });
  return rows;
}

std::vector<OpenMilestone> LoadOverdueMilestones(Connection& connection, const ActionFilter& filter,
                                                 const std::string& as_of) {
  SQLite::Statement query(connection.db(), std::string(kChosenActions) + kOverdueMilestones);
  BindActionFilter(query, filter);
  query.bind(":as_of", as_of);
  std::vector<OpenMilestone> rows;
  while (query.executeStep()) {
    rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                    query.getColumn(2).getString(), query.getColumn(3).getString(),
                    query.getColumn(4).getString(), query.getColumn(5).getString(),
                    query.getColumn(6).getString(), query.getColumn(7).getInt()});
  }
  return rows;
}

std::vector<AreaMilestones> SummariseMilestones(Connection& connection, const ActionFilter& filter,
                                                const std::string& as_of) {
  std::map<std::string, AreaMilestones> areas;
  SQLite::Statement counts(connection.db(), std::string(kChosenActions) + kOverdueMilestoneCounts);
  BindActionFilter(counts, filter);
  counts.bind(":as_of", as_of);
  while (counts.executeStep()) {
    const std::string area = counts.getColumn(0).getString();
    areas[area] = {area, counts.getColumn(1).getInt(), {}};
  }
  const size_t area_count =
      filter.area ? 1
                  : static_cast<size_t>(
                        connection.db().execAndGet("SELECT count(*) FROM task_area").getInt());
  size_t complete = 0;
  SQLite::Statement upcoming(connection.db(), std::string(kChosenActions) + kUpcomingMilestones);
  BindActionFilter(upcoming, filter);
  upcoming.bind(":as_of", as_of);
  while (complete < area_count && upcoming.executeStep()) {
    const std::string area = upcoming.getColumn(0).getString();
    AreaMilestones& summary = areas[area];
    summary.area = area;
    if (summary.next.size() == kNextMilestones) continue;
    OpenMilestone next;
    next.code = upcoming.getColumn(1).getString();
    next.action = upcoming.getColumn(2).getString();
    next.area = area;
    next.due_on = upcoming.getColumn(3).getString();
    summary.next.push_back(std::move(next));
    if (summary.next.size() == kNextMilestones) ++complete;
  }
  std::vector<AreaMilestones> result;
  for (auto& [area, summary] : areas) result.push_back(std::move(summary));
  return result;
}

}  // namespace plantrack::store
