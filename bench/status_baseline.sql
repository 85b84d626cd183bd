-- Baseline for `plantrack status`: the same aggregate as one plain SQL query for sqlite3.
-- Per action the first and latest live entry as of the date, the RAG rule of DESIGN.md, then
-- per task area the counts, weighted percent and overdue milestones, and the next milestones.
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
  SELECT task_area_id, weight, pct,
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
open_ms AS (
  SELECT a.task_area_id, m.code, m.due_on, params.as_of
    FROM milestone m JOIN action a ON a.id = m.action_id, params
   WHERE m.done_on IS NULL OR m.done_on > params.as_of)
SELECT ta.code, count(*), round(sum(weight * pct) / sum(weight), 1),
       sum(rag = 'done'), sum(rag = 'green'), sum(rag = 'amber'), sum(rag = 'red'),
       (SELECT count(*) FROM open_ms o WHERE o.task_area_id = ta.id AND o.due_on < o.as_of),
       (SELECT group_concat(code || ' ' || due_on, ', ') FROM (
          SELECT code, due_on FROM open_ms o WHERE o.task_area_id = ta.id AND o.due_on >= o.as_of
           ORDER BY due_on, code LIMIT 3))
  FROM rag JOIN task_area ta ON ta.id = rag.task_area_id
 GROUP BY ta.id ORDER BY ta.code;
