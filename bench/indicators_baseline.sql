-- Baseline for `plantrack indicators`: latest live value as of the date, and per target the
-- value it is judged by (the latest at its year's end) and the Open SDG pace ratio (compound
-- growth; a down indicator's values inverted).
WITH params AS (SELECT '2026-11-28' AS as_of),
latest AS MATERIALIZED (
  SELECT i.*, v.value AS latest, v.as_of AS latest_on,
         CAST(strftime('%Y', v.as_of) AS INTEGER) - 1
           + CAST(strftime('%j', v.as_of) AS REAL) / 365.0 - i.baseline_year AS years
    FROM indicator i, params
    LEFT JOIN indicator_value v ON v.id = (
      SELECT id FROM indicator_value w WHERE indicator_id = i.id AND as_of <= params.as_of
         AND NOT EXISTS (SELECT 1 FROM indicator_value_retraction r
                          WHERE r.indicator_value_id = w.id)
       ORDER BY as_of DESC, id DESC LIMIT 1)),
oriented AS (
  SELECT l.code, l.name_en, l.latest, l.latest_on, l.years, t.horizon, t.value AS target,
         (SELECT w.value || ' ' || w.as_of FROM indicator_value w
           WHERE w.indicator_id = l.id
             AND w.as_of <= min(t.horizon || '-12-31', (SELECT as_of FROM params))
             AND NOT EXISTS (SELECT 1 FROM indicator_value_retraction r
                              WHERE r.indicator_value_id = w.id)
           ORDER BY w.as_of DESC, w.id DESC LIMIT 1) AS judged,
         t.horizon - l.baseline_year AS horizon_years,
         CASE WHEN l.direction = 'down' THEN 1.0 / l.baseline_value ELSE l.baseline_value END AS b,
         CASE WHEN l.direction = 'down' THEN 1.0 / l.latest ELSE l.latest END AS v,
         CASE WHEN l.direction = 'down' THEN 1.0 / t.value ELSE t.value END AS tv
    FROM latest l JOIN indicator_target t ON t.indicator_id = l.id)
SELECT code, name_en, latest, latest_on, horizon, target, judged,
       CASE WHEN latest IS NULL OR years <= 0 THEN 'no-data'
            WHEN v >= tv THEN 'on-track'
            ELSE (SELECT CASE WHEN r >= 0.95 THEN 'on-track' WHEN r >= 0.6 THEN 'acceleration-needed'
                              WHEN r >= 0 THEN 'limited-progress' ELSE 'deteriorating' END
                    FROM (SELECT (pow(v / b, 1.0 / years) - 1) / (pow(tv / b, 1.0 / horizon_years) - 1) AS r))
       END AS pace
  FROM oriented ORDER BY code, horizon;
