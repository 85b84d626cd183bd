#include "store/history_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace plantrack::store {
namespace {

constexpr const char* kHistory = R"sql(
  SELECT p.recorded_at, 'log', p.id, u.slug, p.logged_on, p.percent, p.status, p.note,
         EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
    FROM progress_log p JOIN unit u ON u.id = p.unit_id
   WHERE p.action_id = :action_id
  UNION ALL
  SELECT r.recorded_at, 'retraction', r.progress_log_id, u.slug, p.logged_on, NULL, '', r.reason, 0
    FROM retraction r JOIN progress_log p ON p.id = r.progress_log_id
    JOIN unit u ON u.id = r.unit_id
   WHERE p.action_id = :action_id
  UNION ALL
  SELECT j.recorded_at, j.kind, j.id, coalesce(u.slug, ''), '', NULL, '', j.detail, 0
    FROM journal j LEFT JOIN unit u ON u.id = j.unit_id
   WHERE j.action_id = :action_id AND j.kind NOT IN ('log', 'retract')
  UNION ALL
  SELECT m.done_on, 'milestone-done', m.id, '', m.done_on, NULL, '', m.code || ' done', 0
    FROM milestone m
   WHERE m.action_id = :action_id AND m.done_on IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM journal j WHERE j.kind = 'done' AND j.subject_id = m.id)
  ORDER BY 1, 2, 3
)sql";

}  // namespace

std::vector<HistoryEvent> ActionHistory(Connection& connection, int64_t action_id) {
  SQLite::Statement query(connection.db(), kHistory);
  query.bind(":action_id", action_id);
  std::vector<HistoryEvent> events;
  while (query.executeStep()) {
    HistoryEvent event{query.getColumn(0).getString(),  query.getColumn(1).getString(),
                       query.getColumn(2).getInt64(),   query.getColumn(3).getString(),
                       query.getColumn(4).getString(),  std::nullopt,
                       query.getColumn(6).getString(),  query.getColumn(7).getString(),
                       query.getColumn(8).getInt() != 0};
    if (!query.getColumn(5).isNull()) event.percent = query.getColumn(5).getInt();
    events.push_back(std::move(event));
  }
  return events;
}

}  // namespace plantrack::store
