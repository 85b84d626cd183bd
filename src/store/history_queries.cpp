#include "store/history_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace plantrack::store {
namespace {

// Sign-off events concern an action when their unit is, or is above, a lead or support of it:
// an approval of that unit locks the action's quarter.
// A completion reads the same whether `done` recorded it (journal) or it came with the data
// (fixture, import: no journal, no unit known): event 'done', the milestone's id, the day it was
// done in ON, and "CODE done on DATE" as detail. An undo of `done` reads 'reopened'. The date of
// a journaled completion is taken from its detail, which `done` writes as "CODE done on DATE...".
// A row whose record came in a packet carries that packet's hash and when this file received it.
constexpr const char* kHistory = R"sql(
  WITH RECURSIVE concerned (id, depth) AS (
    SELECT unit_id, 0 FROM responsibility WHERE action_id = :action_id
    UNION
    SELECT u.parent_id, c.depth + 1 FROM unit u JOIN concerned c ON u.id = c.id
     WHERE u.parent_id IS NOT NULL AND c.depth < 64
  )
  SELECT p.recorded_at, 'log', p.id, u.slug, p.logged_on, p.percent, p.status, p.note,
         EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id),
         pk.hash, pk.received_at
    FROM progress_log p JOIN unit u ON u.id = p.unit_id
    LEFT JOIN journal pj ON pj.id = p.journal_id LEFT JOIN packet pk ON pk.id = pj.packet_id
   WHERE p.action_id = :action_id
  UNION ALL
  SELECT r.recorded_at, 'retraction', r.progress_log_id, u.slug, p.logged_on, NULL, '', r.reason, 0,
         pk.hash, pk.received_at
    FROM retraction r JOIN progress_log p ON p.id = r.progress_log_id
    JOIN unit u ON u.id = r.unit_id
    LEFT JOIN journal rj ON rj.id = r.journal_id LEFT JOIN packet pk ON pk.id = rj.packet_id
   WHERE p.action_id = :action_id
  UNION ALL
  SELECT j.recorded_at,
         CASE WHEN j.kind = 'undo' AND d.kind = 'done' THEN 'reopened' ELSE j.kind END,
         CASE WHEN j.kind = 'done' THEN coalesce(j.subject_id, j.id)
              WHEN j.kind = 'undo' AND d.kind = 'done' THEN coalesce(d.subject_id, j.id)
              ELSE j.id END,
         coalesce(u.slug, ''),
         CASE WHEN j.kind = 'done' AND instr(j.detail, ' done on ') > 0
              THEN substr(j.detail, instr(j.detail, ' done on ') + 9, 10) ELSE '' END,
         NULL, '',
         CASE WHEN j.kind = 'undo' AND d.kind = 'done' AND m.code IS NOT NULL
              THEN m.code || ' reopened (' || j.detail || ')' ELSE j.detail END,
         0, pk.hash, pk.received_at
    FROM journal j LEFT JOIN unit u ON u.id = j.unit_id
    LEFT JOIN packet pk ON pk.id = j.packet_id
    LEFT JOIN journal d ON d.id = j.undoes
    LEFT JOIN milestone m ON d.kind = 'done' AND m.id = d.subject_id
   WHERE (j.action_id = :action_id OR (j.kind = 'undo' AND d.action_id = :action_id))
     AND j.kind NOT IN ('log', 'retract')
  UNION ALL
  SELECT ap.recorded_at, ap.event, ap.journal_id, b.slug, ap.period, NULL, '',
         u.slug || ' ' || ap.period || CASE ap.event WHEN 'submit' THEN ' submitted'
                                                     WHEN 'approve' THEN ' approved (locked)'
                                                     ELSE ' reopened' END
           || CASE ap.partial WHEN 1 THEN ' (partial)' ELSE '' END
           || CASE ap.note WHEN '' THEN '' ELSE ': ' || ap.note END, 0, pk.hash, pk.received_at
    FROM approval ap JOIN unit u ON u.id = ap.unit_id JOIN unit b ON b.id = ap.by_unit_id
    LEFT JOIN journal aj ON aj.id = ap.journal_id LEFT JOIN packet pk ON pk.id = aj.packet_id
   WHERE ap.unit_id IN (SELECT id FROM concerned)
  UNION ALL
  SELECT m.done_on, 'done', m.id, '', m.done_on, NULL, '', m.code || ' done on ' || m.done_on, 0,
         NULL, NULL
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
    HistoryEvent event{query.getColumn(0).getString(),   query.getColumn(1).getString(),
                       query.getColumn(2).getInt64(),    query.getColumn(3).getString(),
                       query.getColumn(4).getString(),   std::nullopt,
                       query.getColumn(6).getString(),   query.getColumn(7).getString(),
                       query.getColumn(8).getInt() != 0, query.getColumn(9).getString(),
                       query.getColumn(10).getString()};
    if (!query.getColumn(5).isNull()) event.percent = query.getColumn(5).getInt();
    events.push_back(std::move(event));
  }
  return events;
}

}  // namespace plantrack::store
