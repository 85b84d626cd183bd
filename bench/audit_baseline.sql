-- Baseline for `plantrack audit`: the log-wide facts it rolls up the unit tree, as plain SQL for
-- sqlite3 on the same file. Each unit's latest live entry per action and each action's first
-- live entry at 100 %, as of the date; the rolling up, the findings and the reporting table
-- have no single-query form, so this is the floor under the audit rather than its equal.
WITH params AS (SELECT '2026-11-28' AS as_of),
live AS (
  SELECT p.action_id, p.unit_id, p.logged_on, p.percent FROM progress_log p, params
   WHERE p.logged_on <= params.as_of
     AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id))
SELECT (SELECT count(*) FROM (SELECT action_id, unit_id, max(logged_on) FROM live
                               GROUP BY action_id, unit_id)),
       (SELECT count(*) FROM (SELECT action_id, min(logged_on) FROM live WHERE percent = 100
                               GROUP BY action_id));
