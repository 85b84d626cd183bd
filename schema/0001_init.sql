-- plantrack schema, version 1. Never edit once landed: add a new NNNN_name.sql instead.
--
-- Dates are ISO-8601 'YYYY-MM-DD' text and timestamps 'YYYY-MM-DDTHH:MM:SSZ'. The CHECKs
-- normalise a value through SQLite's date functions with a '+0' modifier and compare: a plain
-- date(x) IS x accepts '2025-02-30', the modifier makes SQLite roll it over to March.

CREATE TABLE plan (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
  title_en     TEXT NOT NULL CHECK (length(title_en) > 0),
  title_zh     TEXT NOT NULL DEFAULT '',
  issued_on    TEXT NOT NULL CHECK (date(issued_on, '+0 days') IS issued_on),
  near_horizon TEXT NOT NULL CHECK (date(near_horizon, '+0 days') IS near_horizon),
  far_horizon  TEXT NOT NULL CHECK (date(far_horizon, '+0 days') IS far_horizon),
  source       TEXT NOT NULL DEFAULT '',
  CHECK (issued_on < near_horizon AND near_horizon < far_horizon)
) STRICT;

CREATE TABLE task_area (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plan(id),
  code        TEXT NOT NULL UNIQUE CHECK (code GLOB 'T[1-9]' OR code GLOB 'T[1-9][0-9]'),
  title_en    TEXT NOT NULL CHECK (length(title_en) > 0),
  title_zh    TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT ''
) STRICT;

-- A tree: province -> city -> county-level units; departments and agencies hang under the
-- province (or a city). Only coordinator units may change the plan's structure.
CREATE TABLE unit (
  id          INTEGER PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE
              CHECK (length(slug) BETWEEN 2 AND 40 AND slug GLOB '[a-z]*'
                     AND slug NOT GLOB '*[^a-z0-9-]*'),
  name_en     TEXT NOT NULL CHECK (length(name_en) > 0),
  name_zh     TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL
              CHECK (kind IN ('province', 'city', 'county', 'district', 'department', 'agency')),
  parent_id   INTEGER REFERENCES unit(id),
  coordinator INTEGER NOT NULL DEFAULT 0 CHECK (coordinator IN (0, 1)),
  source      TEXT NOT NULL DEFAULT '',
  CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;

CREATE TABLE action (
  id           INTEGER PRIMARY KEY,
  task_area_id INTEGER NOT NULL REFERENCES task_area(id),
  code         TEXT NOT NULL UNIQUE CHECK (code GLOB 'T[1-9]*.[0-9][0-9]*'),
  title_en     TEXT NOT NULL CHECK (length(title_en) > 0),
  title_zh     TEXT NOT NULL DEFAULT '',
  horizon      INTEGER NOT NULL CHECK (horizon IN (2025, 2035)),
  start_on     TEXT NOT NULL CHECK (date(start_on, '+0 days') IS start_on),
  due_on       TEXT NOT NULL CHECK (date(due_on, '+0 days') IS due_on),
  weight       REAL NOT NULL DEFAULT 1 CHECK (weight > 0),
  source       TEXT NOT NULL DEFAULT '',
  CHECK (start_on <= due_on)
) STRICT;

-- One lead per action is the norm; none, or several, is an audit finding, not an error.
CREATE TABLE responsibility (
  id        INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES action(id),
  unit_id   INTEGER NOT NULL REFERENCES unit(id),
  role      TEXT NOT NULL CHECK (role IN ('lead', 'support')),
  UNIQUE (action_id, unit_id)
) STRICT;

CREATE TABLE milestone (
  id        INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES action(id),
  code      TEXT NOT NULL UNIQUE CHECK (code GLOB 'T[1-9]*.[0-9]*-M[0-9]*'),
  title_en  TEXT NOT NULL CHECK (length(title_en) > 0),
  title_zh  TEXT NOT NULL DEFAULT '',
  due_on    TEXT NOT NULL CHECK (date(due_on, '+0 days') IS due_on),
  done_on   TEXT CHECK (done_on IS NULL OR date(done_on, '+0 days') IS done_on)
) STRICT;

CREATE TABLE indicator (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE
                 CHECK (length(code) BETWEEN 2 AND 40 AND code NOT GLOB '*[^a-z0-9-]*'),
  name_en        TEXT NOT NULL CHECK (length(name_en) > 0),
  name_zh        TEXT NOT NULL DEFAULT '',
  measure_unit   TEXT NOT NULL,
  direction      TEXT NOT NULL CHECK (direction IN ('up', 'down')),
  baseline_value REAL NOT NULL,
  baseline_year  INTEGER NOT NULL CHECK (baseline_year BETWEEN 1990 AND 2100),
  source         TEXT NOT NULL DEFAULT '',
  scope          TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE indicator_target (
  id           INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicator(id),
  horizon      INTEGER NOT NULL CHECK (horizon BETWEEN 2000 AND 2100),
  value        REAL NOT NULL,
  source       TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator_id, horizon)
) STRICT;

-- Who wrote what, and when: filled by the store in the same transaction as every change.
-- `kind` is the command's name (log, done, measure, retract, undo, add-action, ...), `action_id`
-- the action it concerns (for history), `subject_id` the row it created or changed in its main
-- table (a milestone for done), `undoes` the journal row an undo reversed.
CREATE TABLE journal (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER REFERENCES unit(id),
  recorded_at TEXT NOT NULL
              CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at, '+0 seconds') IS recorded_at),
  command     TEXT NOT NULL,
  detail      TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL DEFAULT '',
  action_id   INTEGER REFERENCES action(id),
  subject_id  INTEGER,
  undoes      INTEGER REFERENCES journal(id)
) STRICT;

CREATE TABLE indicator_value (
  id           INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicator(id),
  as_of        TEXT NOT NULL CHECK (date(as_of, '+0 days') IS as_of),
  value        REAL NOT NULL,
  unit_id      INTEGER REFERENCES unit(id),
  source       TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  recorded_at  TEXT CHECK (recorded_at IS NULL OR
                           strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at, '+0 seconds') IS recorded_at),
  journal_id   INTEGER REFERENCES journal(id)
) STRICT;

-- A wrong indicator value is withdrawn by a row here, never deleted.
CREATE TABLE indicator_value_retraction (
  id                 INTEGER PRIMARY KEY,
  indicator_value_id INTEGER NOT NULL UNIQUE REFERENCES indicator_value(id),
  unit_id            INTEGER NOT NULL REFERENCES unit(id),
  recorded_at        TEXT NOT NULL
                     CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at, '+0 seconds') IS recorded_at),
  reason             TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  journal_id         INTEGER REFERENCES journal(id)
) STRICT;

-- Append-only: a wrong entry is corrected by a retraction row, never by UPDATE or DELETE.
CREATE TABLE progress_log (
  id          INTEGER PRIMARY KEY,
  action_id   INTEGER NOT NULL REFERENCES action(id),
  unit_id     INTEGER NOT NULL REFERENCES unit(id),
  logged_on   TEXT NOT NULL CHECK (date(logged_on, '+0 days') IS logged_on),
  recorded_at TEXT NOT NULL
              CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at, '+0 seconds') IS recorded_at),
  percent     INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
  status      TEXT NOT NULL
              CHECK (status IN ('on-track', 'at-risk', 'delayed', 'blocked', 'done')),
  note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  source      TEXT NOT NULL DEFAULT '',
  journal_id  INTEGER REFERENCES journal(id),
  CHECK (status <> 'done' OR percent = 100)
) STRICT;

CREATE TABLE retraction (
  id              INTEGER PRIMARY KEY,
  progress_log_id INTEGER NOT NULL UNIQUE REFERENCES progress_log(id),
  unit_id         INTEGER NOT NULL REFERENCES unit(id),
  recorded_at     TEXT NOT NULL
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at, '+0 seconds') IS recorded_at),
  reason          TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  journal_id      INTEGER REFERENCES journal(id)
) STRICT;

CREATE TRIGGER progress_log_no_update BEFORE UPDATE ON progress_log
BEGIN SELECT RAISE(ABORT, 'progress_log is append-only: add a retraction instead'); END;
CREATE TRIGGER progress_log_no_delete BEFORE DELETE ON progress_log
BEGIN SELECT RAISE(ABORT, 'progress_log is append-only: add a retraction instead'); END;
CREATE TRIGGER retraction_no_update BEFORE UPDATE ON retraction
BEGIN SELECT RAISE(ABORT, 'retraction is append-only'); END;
CREATE TRIGGER retraction_no_delete BEFORE DELETE ON retraction
BEGIN SELECT RAISE(ABORT, 'retraction is append-only'); END;
CREATE TRIGGER indicator_value_no_update BEFORE UPDATE ON indicator_value
BEGIN SELECT RAISE(ABORT, 'indicator_value is append-only: retract the value instead'); END;
CREATE TRIGGER indicator_value_no_delete BEFORE DELETE ON indicator_value
BEGIN SELECT RAISE(ABORT, 'indicator_value is append-only: retract the value instead'); END;
CREATE TRIGGER indicator_value_retraction_no_update BEFORE UPDATE ON indicator_value_retraction
BEGIN SELECT RAISE(ABORT, 'indicator_value_retraction is append-only'); END;
CREATE TRIGGER indicator_value_retraction_no_delete BEFORE DELETE ON indicator_value_retraction
BEGIN SELECT RAISE(ABORT, 'indicator_value_retraction is append-only'); END;
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

CREATE INDEX progress_log_by_action ON progress_log (action_id, logged_on);
CREATE INDEX milestone_by_due ON milestone (due_on, code);
CREATE INDEX milestone_by_action ON milestone (action_id);
CREATE INDEX responsibility_by_unit ON responsibility (unit_id);
CREATE INDEX action_by_area ON action (task_area_id);
CREATE INDEX unit_by_parent ON unit (parent_id);
CREATE INDEX indicator_value_by_indicator ON indicator_value (indicator_id, as_of);
CREATE INDEX progress_log_by_journal ON progress_log (journal_id);
CREATE INDEX indicator_value_by_journal ON indicator_value (journal_id);
CREATE INDEX journal_by_unit ON journal (unit_id, id);
CREATE INDEX journal_by_action ON journal (action_id, id);
