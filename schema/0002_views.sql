-- Views for other tools (sqlite3, Datasette, a spreadsheet's ODBC driver). They follow the
-- rules of DESIGN.md and agree with the commands (tests/store/views_test.cpp checks it).

-- The latest live (not retracted) progress entry of every action, whatever its date.
CREATE VIEW v_action_status AS
SELECT a.code, ta.code AS area, a.title_en, a.title_zh, a.horizon, a.start_on, a.due_on, a.weight,
       (SELECT group_concat(slug, ',') FROM (
          SELECT u.slug FROM responsibility r JOIN unit u ON u.id = r.unit_id
           WHERE r.action_id = a.id AND r.role = 'lead' ORDER BY u.slug)) AS lead,
       coalesce(p.percent, 0) AS percent, p.status, p.logged_on, p.recorded_at,
       u.slug AS logged_by
  FROM action a JOIN task_area ta ON ta.id = a.task_area_id
  LEFT JOIN progress_log p ON p.id = (
    SELECT p2.id FROM progress_log p2
     WHERE p2.action_id = a.id
       AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p2.id)
     ORDER BY p2.logged_on DESC, p2.id DESC LIMIT 1)
  LEFT JOIN unit u ON u.id = p.unit_id;

-- Who is responsible for what, with the unit's place in the tree.
CREATE VIEW v_responsibility AS
SELECT a.code AS action, ta.code AS area, u.slug AS unit, u.name_en, u.name_zh, u.kind,
       coalesce(parent.slug, '') AS parent, r.role
  FROM responsibility r JOIN action a ON a.id = r.action_id
  JOIN task_area ta ON ta.id = a.task_area_id JOIN unit u ON u.id = r.unit_id
  LEFT JOIN unit parent ON parent.id = u.parent_id;

-- Per lead unit, action and quarter since the action started: whether a live entry is dated in
-- the quarter (reported) and whether the first of them was recorded within 15 days of the
-- quarter's end (on_time). Summing these per unit and quarter gives `plantrack audit`'s rates.
CREATE VIEW v_reporting AS
WITH RECURSIVE quarter (first_day, last_day) AS (
  SELECT date(min(start_on), 'start of month',
              printf('-%d months', (CAST(strftime('%m', min(start_on)) AS INTEGER) - 1) % 3)),
         date(min(start_on), 'start of month',
              printf('-%d months', (CAST(strftime('%m', min(start_on)) AS INTEGER) - 1) % 3),
              '+3 months', '-1 day')
    FROM action
  UNION ALL
  SELECT date(first_day, '+3 months'), date(first_day, '+6 months', '-1 day') FROM quarter
   WHERE first_day < date('now', 'localtime', 'start of month', '-3 months')
),
lead AS (
  SELECT r.action_id, r.unit_id, a.code, a.start_on,
         (SELECT min(p.logged_on) FROM progress_log p
           WHERE p.action_id = a.id AND p.percent = 100
             AND NOT EXISTS (SELECT 1 FROM retraction x WHERE x.progress_log_id = p.id)) AS done_on
    FROM responsibility r JOIN action a ON a.id = r.action_id WHERE r.role = 'lead'
)
SELECT u.slug AS unit, lead.code AS action,
       strftime('%Y', q.first_day) || 'Q' || ((CAST(strftime('%m', q.first_day) AS INTEGER) + 2) / 3)
         AS period,
       q.first_day, q.last_day,
       first.recorded_on IS NOT NULL AS reported,
       coalesce(first.recorded_on <= date(q.last_day, '+15 days'), 0) AS on_time,
       first.recorded_on
  FROM lead JOIN quarter q ON lead.start_on <= q.last_day
       AND (lead.done_on IS NULL OR lead.done_on >= q.first_day)
  JOIN unit u ON u.id = lead.unit_id
  LEFT JOIN (
    SELECT p.action_id, q2.first_day, min(substr(p.recorded_at, 1, 10)) AS recorded_on,
           lead_unit.unit_id
      FROM progress_log p JOIN quarter q2 ON p.logged_on BETWEEN q2.first_day AND q2.last_day
      JOIN responsibility lead_unit ON lead_unit.action_id = p.action_id AND lead_unit.role = 'lead'
     WHERE NOT EXISTS (SELECT 1 FROM retraction x WHERE x.progress_log_id = p.id)
       AND (p.unit_id = lead_unit.unit_id OR p.unit_id IN (
             WITH RECURSIVE below (id) AS (
               SELECT lead_unit.unit_id UNION SELECT c.id FROM unit c JOIN below ON c.parent_id = below.id)
             SELECT id FROM below))
     GROUP BY p.action_id, q2.first_day, lead_unit.unit_id
  ) first ON first.action_id = lead.action_id AND first.first_day = q.first_day
         AND first.unit_id = lead.unit_id;

-- Overdue and at-risk items as of today, worst first: the rules of `plantrack overdue`.
CREATE VIEW v_overdue AS
WITH params AS (SELECT date('now', 'localtime') AS as_of),
ids AS (
  SELECT a.id, a.task_area_id, a.weight, a.start_on, a.due_on,
         (SELECT p.id FROM progress_log p, params
           WHERE p.action_id = a.id AND p.logged_on <= params.as_of
             AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
           ORDER BY p.logged_on, p.id LIMIT 1) AS first_id,
         (SELECT p.id FROM progress_log p, params
           WHERE p.action_id = a.id AND p.logged_on <= params.as_of
             AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
           ORDER BY p.logged_on DESC, p.id DESC LIMIT 1) AS latest_id
    FROM action a),
facts AS (
  SELECT ids.*, coalesce(l.percent, 0) AS pct, l.status, l.logged_on AS l_on,
         coalesce(f.percent, 0) AS f_pct, f.logged_on AS f_on,
         min(100.0, max(0.0, 100.0 * (julianday(params.as_of) - julianday(ids.start_on))
                              / max(1, julianday(ids.due_on) - julianday(ids.start_on)))) AS expected,
         params.as_of
    FROM ids, params LEFT JOIN progress_log l ON l.id = ids.latest_id
    LEFT JOIN progress_log f ON f.id = ids.first_id),
rag AS (
  SELECT id, task_area_id, weight, pct, due_on, as_of, expected, status,
         CASE WHEN pct >= 100 THEN 'done'
              WHEN due_on < as_of OR status IN ('blocked', 'delayed') THEN 'red'
              WHEN expected - pct > 15 THEN 'amber'
              WHEN l_on IS NOT NULL AND (pct - CASE WHEN f_on < l_on THEN f_pct ELSE 0 END) <= 0
                THEN 'amber'
              WHEN l_on IS NOT NULL
                   AND julianday(l_on) + (100 - pct) * (julianday(l_on) - julianday(CASE WHEN f_on < l_on THEN f_on ELSE start_on END))
                       / (pct - CASE WHEN f_on < l_on THEN f_pct ELSE 0 END) > julianday(due_on)
                THEN 'amber'
              ELSE 'green' END AS rag
    FROM facts),
lead AS (
  SELECT r.action_id, min(u.slug) AS slug FROM responsibility r JOIN unit u ON u.id = r.unit_id
   WHERE r.role = 'lead' GROUP BY r.action_id),
items AS (
  SELECT 'milestone' AS kind, m.code, m.title_en, lead.slug AS lead, a.horizon, m.due_on,
         CAST(julianday(params.as_of) - julianday(m.due_on) AS INTEGER) AS days, 0 AS shortfall,
         'overdue' AS reason, 'red' AS rag
    FROM milestone m JOIN action a ON a.id = m.action_id LEFT JOIN lead ON lead.action_id = a.id,
         params
   WHERE m.due_on < params.as_of AND (m.done_on IS NULL OR m.done_on > params.as_of)
  UNION ALL
  SELECT 'action', a.code, a.title_en, lead.slug, a.horizon, a.due_on,
         max(0, CAST(julianday(rag.as_of) - julianday(a.due_on) AS INTEGER)),
         rag.expected - rag.pct,
         CASE WHEN a.due_on < rag.as_of THEN 'overdue' WHEN rag.status = 'blocked' THEN 'blocked'
              WHEN rag.status = 'delayed' THEN 'delayed'
              WHEN rag.expected - rag.pct > 15 THEN 'behind-pace' ELSE 'projected-late' END,
         rag.rag
    FROM rag JOIN action a ON a.id = rag.id LEFT JOIN lead ON lead.action_id = a.id
   WHERE rag.rag IN ('red', 'amber'))
SELECT kind, code, title_en AS title, lead, horizon, due_on, days AS days_overdue, reason, rag
  FROM items ORDER BY days DESC, rag = 'red' DESC, shortfall DESC, kind, code;
