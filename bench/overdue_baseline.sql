-- Baseline for `plantrack overdue`: overdue milestones and red/amber actions, worst first.
WITH params AS (SELECT '2026-11-28' AS as_of),
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
SELECT * FROM items ORDER BY days DESC, rag = 'red' DESC, shortfall DESC, kind, code;
