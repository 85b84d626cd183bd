-- Baseline for `plantrack --as province mine`: the actions the unit or a unit below it leads or
-- supports, with role, titles, lead, latest percent, RAG and reason (from the first and latest
-- live entry), last entry date, next open milestone and whether the unit's subtree reported
-- this quarter; then the unit's own ten latest entries. Worst first, as `mine` sorts them.
WITH RECURSIVE params AS (SELECT '2026-11-28' AS as_of, '2026-10-01' AS quarter_from),
below (id) AS (
  SELECT id FROM unit WHERE slug = 'province'
  UNION
  SELECT u.id FROM unit u JOIN below ON u.parent_id = below.id),
roles AS (
  SELECT r.action_id, min(r.role) AS role FROM responsibility r
   WHERE r.unit_id IN (SELECT id FROM below) GROUP BY r.action_id),
ids AS (
  SELECT a.id, roles.role, a.start_on, a.due_on,
         (SELECT p.id FROM progress_log p, params
           WHERE p.action_id = a.id AND p.logged_on <= params.as_of
             AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
           ORDER BY p.logged_on, p.id LIMIT 1) AS first_id,
         (SELECT p.id FROM progress_log p, params
           WHERE p.action_id = a.id AND p.logged_on <= params.as_of
             AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
           ORDER BY p.logged_on DESC, p.id DESC LIMIT 1) AS latest_id
    FROM action a JOIN roles ON roles.action_id = a.id),
facts AS (
  SELECT ids.*, coalesce(l.percent, 0) AS pct, l.percent AS shown_pct, l.status,
         l.logged_on AS l_on, coalesce(f.percent, 0) AS f_pct, f.logged_on AS f_on,
         min(100.0, max(0.0, 100.0 * (julianday(params.as_of) - julianday(ids.start_on))
                              / max(1, julianday(ids.due_on) - julianday(ids.start_on)))) AS expected,
         params.as_of, params.quarter_from
    FROM ids, params LEFT JOIN progress_log l ON l.id = ids.latest_id
    LEFT JOIN progress_log f ON f.id = ids.first_id),
rag AS (
  SELECT facts.*,
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
actions AS (
  SELECT a.code, rag.role, a.title_en, a.title_zh, lead.slug AS lead, rag.shown_pct, rag.rag,
         CASE WHEN rag.rag IN ('done', 'green') THEN NULL
              WHEN a.due_on < rag.as_of THEN 'overdue' WHEN rag.status = 'blocked' THEN 'blocked'
              WHEN rag.status = 'delayed' THEN 'delayed'
              WHEN rag.expected - rag.pct > 15 THEN 'behind-pace' ELSE 'projected-late' END AS reason,
         rag.l_on,
         (SELECT m.code || ' ' || m.due_on FROM milestone m
           WHERE m.action_id = a.id AND (m.done_on IS NULL OR m.done_on > rag.as_of)
           ORDER BY m.due_on, m.code LIMIT 1) AS next_milestone,
         EXISTS (SELECT 1 FROM progress_log p
                  WHERE p.action_id = a.id AND p.unit_id IN (SELECT id FROM below)
                    AND p.logged_on BETWEEN rag.quarter_from AND rag.as_of
                    AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id))
           AS quarter_entry,
         CASE rag.rag WHEN 'red' THEN 0 WHEN 'amber' THEN 1 WHEN 'green' THEN 2 ELSE 3 END AS worst,
         max(0, CAST(julianday(rag.as_of) - julianday(a.due_on) AS INTEGER)) AS days,
         rag.expected - rag.pct AS shortfall
    FROM rag JOIN action a ON a.id = rag.id LEFT JOIN lead ON lead.action_id = a.id)
SELECT * FROM (
  SELECT code, role, title_en, title_zh, lead, shown_pct, rag, reason, l_on, next_milestone,
         quarter_entry
    FROM actions ORDER BY worst, days DESC, shortfall DESC, code)
UNION ALL
SELECT * FROM (
  SELECT p.id, a.code, p.logged_on, p.recorded_at, p.percent, p.status, p.note, NULL, NULL, NULL,
         EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
    FROM progress_log p JOIN action a ON a.id = p.action_id
   WHERE p.unit_id = (SELECT id FROM unit WHERE slug = 'province')
     AND p.logged_on <= (SELECT as_of FROM params)
   ORDER BY p.logged_on DESC, p.id DESC LIMIT 10);
