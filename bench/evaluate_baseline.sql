-- Baseline for `plantrack evaluate` (the 2025 horizon, passed as of the date): per action of the
-- horizon its lead, titles, first and latest live entry, the day it reached 100 % (after its
-- last live entry below 100) and its outcome; per milestone of those actions its outcome; the
-- outcomes counted with the weighted percent per task area, per lead unit and every unit above
-- it; and each indicator's value as of the horizon's end against its 2025 target.
WITH RECURSIVE params AS (SELECT '2026-11-28' AS as_of, 2025 AS horizon, '2025-12-31' AS horizon_end),
ids AS MATERIALIZED (
  SELECT a.id, a.code, a.task_area_id, a.title_en, a.title_zh, a.weight, a.due_on,
         (SELECT min(u.slug) FROM responsibility r JOIN unit u ON u.id = r.unit_id
           WHERE r.action_id = a.id AND r.role = 'lead') AS lead,
         (SELECT p.id FROM progress_log p, params
           WHERE p.action_id = a.id AND p.logged_on <= params.as_of
             AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
           ORDER BY p.logged_on, p.id LIMIT 1) AS first_id,
         (SELECT p.id FROM progress_log p, params
           WHERE p.action_id = a.id AND p.logged_on <= params.as_of
             AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
           ORDER BY p.logged_on DESC, p.id DESC LIMIT 1) AS latest_id,
         (SELECT min(p.logged_on) FROM progress_log p, params
           WHERE p.action_id = a.id AND p.percent >= 100 AND p.logged_on <= params.as_of
             AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
             AND p.logged_on >= coalesce(
                   (SELECT max(q.logged_on) FROM progress_log q
                     WHERE q.action_id = a.id AND q.percent < 100 AND q.logged_on <= params.as_of
                       AND NOT EXISTS (SELECT 1 FROM retraction r
                                        WHERE r.progress_log_id = q.id)), '')) AS done_on
    FROM action a, params WHERE a.horizon = params.horizon),
facts AS MATERIALIZED (
  SELECT ids.*, f.logged_on AS first_on, coalesce(l.percent, 0) AS pct, l.logged_on AS latest_on,
         CASE WHEN l.percent >= 100 AND ids.done_on <= ids.due_on THEN 'done-on-time'
              WHEN l.percent >= 100 THEN 'done-late'
              WHEN ids.due_on < params.as_of THEN 'not-done' ELSE 'in-progress' END AS outcome
    FROM ids, params LEFT JOIN progress_log f ON f.id = ids.first_id
    LEFT JOIN progress_log l ON l.id = ids.latest_id),
milestones AS MATERIALIZED (
  SELECT m.code, facts.code AS action, facts.task_area_id, facts.lead, m.due_on, m.done_on,
         CASE WHEN m.done_on <= params.as_of AND m.done_on <= m.due_on THEN 'done-on-time'
              WHEN m.done_on <= params.as_of THEN 'done-late'
              WHEN m.due_on < params.as_of THEN 'not-done' ELSE 'in-progress' END AS outcome
    FROM facts JOIN milestone m ON m.action_id = facts.id, params),
above (slug, ancestor) AS (
  SELECT slug, id FROM unit
  UNION ALL
  SELECT above.slug, u.parent_id FROM above JOIN unit u ON u.id = above.ancestor
   WHERE u.parent_id IS NOT NULL),
tally AS (
  SELECT 'area' AS kind, task_area_id AS key, count(*) AS actions,
         sum(outcome = 'done-on-time') AS on_time, sum(outcome = 'done-late') AS late,
         sum(outcome = 'not-done') AS not_done, sum(outcome = 'in-progress') AS in_progress,
         round(sum(weight * pct) / sum(weight), 1) AS percent
    FROM facts GROUP BY task_area_id
  UNION ALL
  SELECT 'unit', above.ancestor, count(*), sum(outcome = 'done-on-time'),
         sum(outcome = 'done-late'), sum(outcome = 'not-done'), sum(outcome = 'in-progress'),
         round(sum(weight * pct) / sum(weight), 1)
    FROM facts JOIN above ON above.slug = facts.lead GROUP BY above.ancestor),
milestone_tally AS (
  SELECT 'area' AS kind, task_area_id AS key, sum(outcome = 'done-on-time') AS on_time,
         sum(outcome = 'done-late') AS late, sum(outcome = 'not-done') AS not_done
    FROM milestones GROUP BY task_area_id
  UNION ALL
  SELECT 'unit', above.ancestor, sum(outcome = 'done-on-time'), sum(outcome = 'done-late'),
         sum(outcome = 'not-done')
    FROM milestones JOIN above ON above.slug = milestones.lead GROUP BY above.ancestor)
SELECT 'action', code, title_en, title_zh, lead, first_on, latest_on, pct, done_on, outcome
  FROM facts
UNION ALL
SELECT 'milestone', code, action, NULL, lead, due_on, done_on, NULL, NULL, outcome
  FROM milestones
UNION ALL
SELECT t.kind, t.key, t.actions, t.on_time, t.late, t.not_done, t.in_progress, t.percent,
       m.on_time || '/' || m.late || '/' || m.not_done, NULL
  FROM tally t LEFT JOIN milestone_tally m ON m.kind = t.kind AND m.key = t.key
UNION ALL
SELECT 'indicator', i.code, i.name_en, i.name_zh, t.value,
       (SELECT v.value || ' ' || v.as_of FROM indicator_value v, params
         WHERE v.indicator_id = i.id AND v.as_of <= params.horizon_end
           AND NOT EXISTS (SELECT 1 FROM indicator_value_retraction r
                            WHERE r.indicator_value_id = v.id)
         ORDER BY v.as_of DESC, v.id DESC LIMIT 1), NULL, NULL, NULL, NULL
  FROM indicator i JOIN indicator_target t ON t.indicator_id = i.id, params
 WHERE t.horizon = params.horizon;
