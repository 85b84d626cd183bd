-- A province-sized plan for benchmarks, written into a file that `plantrack init --fixture none`
-- created (so the schema is the real one): 200 units, 10,000 actions, 50,000 milestones,
-- 1,000,000 progress entries, 2,000 indicators with 100,000 values. Deterministic: every value
-- is arithmetic on row numbers, no random().
PRAGMA foreign_keys = ON;
BEGIN IMMEDIATE;

INSERT INTO plan (id, code, title_en, title_zh, issued_on, near_horizon, far_horizon, source)
VALUES (1, 'bench', 'Benchmark plan', '基准规划', '2022-03-22', '2025-12-31', '2035-12-31', 'generated');

INSERT INTO task_area (id, plan_id, code, title_en, title_zh)
SELECT value, 1, 'T' || value, 'Task area ' || value, '任务 ' || value FROM generate_series(1, 6);

-- 1 province, 14 cities, 185 counties spread over the cities; the province coordinates.
INSERT INTO unit (id, slug, name_en, name_zh, kind, parent_id, coordinator, source)
VALUES (1, 'province', 'Province', '省', 'province', NULL, 1, 'generated');
INSERT INTO unit (id, slug, name_en, name_zh, kind, parent_id, coordinator, source)
SELECT value, printf('city-%02d', value), printf('City %d', value), printf('市%d', value), 'city',
       1, 0, 'generated'
  FROM generate_series(2, 15);
INSERT INTO unit (id, slug, name_en, name_zh, kind, parent_id, coordinator, source)
SELECT value, printf('county-%03d', value), printf('County %d', value), printf('县%d', value),
       'county', 2 + value % 14, 0, 'generated'
  FROM generate_series(16, 200);

-- Starts spread over two years, durations from one to about eleven years.
INSERT INTO action (id, task_area_id, code, title_en, title_zh, horizon, start_on, due_on, weight,
                    source)
SELECT value, 1 + value % 6, printf('T%d.%04d', 1 + value % 6, value),
       printf('Action %d', value), printf('行动 %d', value),
       CASE WHEN due <= '2025-12-31' THEN 2025 ELSE 2035 END, start, due, 1 + value % 3,
       'generated'
  FROM (SELECT value, date('2022-04-01', printf('+%d days', value % 730)) AS start,
               min(date('2022-04-01', printf('+%d days', value % 730 + 365 + (value * 37) % 3650)),
                   '2035-12-31') AS due
          FROM generate_series(1, 10000));

INSERT INTO responsibility (action_id, unit_id, role)
SELECT value, 2 + value % 199, 'lead' FROM generate_series(1, 10000);
INSERT INTO responsibility (action_id, unit_id, role)
SELECT value, 2 + (value + 7) % 199, 'support' FROM generate_series(1, 10000);

INSERT INTO milestone (action_id, code, title_en, title_zh, due_on, done_on)
SELECT a.id, a.code || '-M' || k.value, 'Milestone ' || k.value, '节点 ' || k.value,
       date(a.start_on, printf('+%d days', (julianday(a.due_on) - julianday(a.start_on)) * k.value / 5)),
       -- A third done, ten days after due, and never after the data's day (a completion in
       -- the future is refused by the write path, import included).
       CASE WHEN (a.id + k.value) % 3 = 0
             AND date(a.start_on, printf('+%d days', (julianday(a.due_on) - julianday(a.start_on)) * k.value / 5 + 10)) <= '2026-11-28'
            THEN date(a.start_on, printf('+%d days', (julianday(a.due_on) - julianday(a.start_on)) * k.value / 5 + 10))
       END
  FROM action a, generate_series(1, 5) k;

-- 100 entries per action, a week apart from its start, by its lead; every other action reaches
-- 100 % (done) on its last entry, the rest stay below, so the history obeys the write rules.
-- bench/scale.sh sets @scale to 4 or 16 for that many times the entries over the same weeks
-- (several a day, at different hours); unset, it is 1 and the file is the province file.
INSERT INTO journal (id, unit_id, recorded_at, command, detail, kind, uid)
VALUES (2, 1, '2026-11-28T00:00:00Z', 'bench/generate.sql', 'generated data', 'import',
        '00000000000000000000000000000002');
INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status, note,
                          source, journal_id)
SELECT id, unit_id, day, day || printf('T%02d:00:00Z', hour), pct,
       CASE WHEN pct = 100 THEN 'done' WHEN id % 17 = 0 THEN 'blocked'
            WHEN id % 11 = 0 THEN 'delayed' ELSE 'on-track' END,
       '', 'generated', 2
  FROM (SELECT a.id, 2 + a.id % 199 AS unit_id,
               date(a.start_on, printf('+%d days', k.value * 7 / s.n)) AS day,
               8 + k.value % s.n AS hour,
               CASE WHEN k.value = 100 * s.n AND a.id % 2 = 0 THEN 100
                    ELSE min(99, k.value / s.n * (1 + a.id % 4) / 3) END AS pct
          FROM (SELECT coalesce(@scale, 1) AS n) s, action a,
               generate_series(1, 100 * coalesce(@scale, 1)) k);

INSERT INTO indicator (id, code, name_en, name_zh, measure_unit, direction, baseline_value,
                       baseline_year, source, scope)
SELECT value, printf('ind-%04d', value), printf('Indicator %d', value), printf('指标 %d', value),
       'units', CASE WHEN value % 4 = 0 THEN 'down' ELSE 'up' END, 100, 2021, 'generated',
       'generated'
  FROM generate_series(1, 2000);
INSERT INTO indicator_target (indicator_id, horizon, value, source)
SELECT value, 2025, CASE WHEN value % 4 = 0 THEN 80 ELSE 130 END, 'generated'
  FROM generate_series(1, 2000);
INSERT INTO indicator_target (indicator_id, horizon, value, source)
SELECT value, 2035, CASE WHEN value % 4 = 0 THEN 50 ELSE 200 END, 'generated'
  FROM generate_series(1, 2000);
INSERT INTO indicator_value (indicator_id, as_of, value, unit_id, source, journal_id)
SELECT i.value, date('2022-01-31', printf('+%d months', k.value)),
       100 + (k.value * (i.value % 7 - 2)) / 5.0, NULL, 'generated', 2
  FROM generate_series(1, 2000) i, generate_series(1, 50) k;

COMMIT;
PRAGMA optimize;
