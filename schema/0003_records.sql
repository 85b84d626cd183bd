-- plantrack schema, version 3: records that travel between offices, sign-off, and the chain
-- that makes the record tamper-evident. Never edit once landed.
--
-- A *record* is a journal row with every row that command wrote (progress entries,
-- retractions, values, completions, approvals, settlements). Its `uid` is global: local row
-- ids never leave a file, so a record received twice is found by its uid. The record's
-- encoding and hash are in src/store/record_codec.h; the chain is in src/store/chain.h.

-- The Ed25519 public keys of the units that sign packets (hex, 64 characters).
CREATE TABLE unit_key (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES unit(id),
  public_key TEXT NOT NULL UNIQUE
             CHECK (length(public_key) = 64 AND public_key NOT GLOB '*[^0-9a-f]*'),
  added_at   TEXT NOT NULL
             CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', added_at, '+0 seconds') IS added_at)
) STRICT;
CREATE INDEX unit_key_by_unit ON unit_key (unit_id);

-- Every packet this file received (or, on a replica, was made from). `record_hashes` holds the
-- BLAKE2b-256 hash of each record in the packet, in packet order, 32 bytes each; `header` is
-- the packet's signed first line, whose hash the signature covers. Together they let `verify`
-- check a received record's signature long after the packet file is gone.
CREATE TABLE packet (
  id                INTEGER PRIMARY KEY,
  hash              TEXT NOT NULL UNIQUE,  -- BLAKE2b-256 of its header line (which names the body's digest), hex
  kind              TEXT NOT NULL CHECK (kind IN ('publish', 'send')),
  unit_id           INTEGER NOT NULL REFERENCES unit(id),
  public_key        TEXT NOT NULL,
  structure_version INTEGER,
  created_at        TEXT NOT NULL,
  received_at       TEXT NOT NULL,
  header            TEXT NOT NULL,
  signature         TEXT NOT NULL,
  record_hashes     BLOB NOT NULL
) STRICT;

-- The journal's rows become records: a global id, and where a received one came from. The
-- append-only trigger is lifted only to give the existing rows their ids.
DROP TRIGGER journal_no_update;
ALTER TABLE journal ADD COLUMN uid TEXT
  CHECK (uid IS NULL OR (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'));
ALTER TABLE journal ADD COLUMN packet_id INTEGER REFERENCES packet(id);
UPDATE journal SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE UNIQUE INDEX journal_by_uid ON journal (uid);
CREATE INDEX journal_by_packet ON journal (packet_id);

-- The chain: one row per journal row, hash = BLAKE2b-256(previous hash || record hash).
CREATE TABLE record_seal (
  journal_id INTEGER PRIMARY KEY REFERENCES journal(id),
  hash       TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*')
) STRICT;
CREATE TRIGGER record_seal_no_update BEFORE UPDATE ON record_seal
BEGIN SELECT RAISE(ABORT, 'record_seal is append-only'); END;
CREATE TRIGGER record_seal_no_delete BEFORE DELETE ON record_seal
BEGIN SELECT RAISE(ABORT, 'record_seal is append-only'); END;

-- Completions and reopenings of milestones, append-only; milestone.done_on stays the current
-- state that the reports read.
CREATE TABLE milestone_event (
  id           INTEGER PRIMARY KEY,
  milestone_id INTEGER NOT NULL REFERENCES milestone(id),
  done_on      TEXT CHECK (done_on IS NULL OR date(done_on, '+0 days') IS done_on),
  unit_id      INTEGER NOT NULL REFERENCES unit(id),
  recorded_at  TEXT NOT NULL
               CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at, '+0 seconds') IS recorded_at),
  journal_id   INTEGER NOT NULL REFERENCES journal(id)
) STRICT;
CREATE INDEX milestone_event_by_journal ON milestone_event (journal_id);
CREATE TRIGGER milestone_event_no_update BEFORE UPDATE ON milestone_event
BEGIN SELECT RAISE(ABORT, 'milestone_event is append-only'); END;
CREATE TRIGGER milestone_event_no_delete BEFORE DELETE ON milestone_event
BEGIN SELECT RAISE(ABORT, 'milestone_event is append-only'); END;

-- Sign-off: a unit submits its report for a quarter, an ancestor or coordinator approves it
-- (which locks the quarter for the unit's subtree) or reopens it. The latest event per
-- (unit, period) is the state.
CREATE TABLE approval (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES unit(id),
  period      TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
  event       TEXT NOT NULL CHECK (event IN ('submit', 'approve', 'reopen')),
  by_unit_id  INTEGER NOT NULL REFERENCES unit(id),
  recorded_at TEXT NOT NULL
              CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at, '+0 seconds') IS recorded_at),
  partial     INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1)),
  note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  journal_id  INTEGER NOT NULL REFERENCES journal(id)
) STRICT;
CREATE INDEX approval_by_unit ON approval (unit_id, period, id);
CREATE INDEX approval_by_journal ON approval (journal_id);
CREATE TRIGGER approval_no_update BEFORE UPDATE ON approval
BEGIN SELECT RAISE(ABORT, 'approval is append-only'); END;
CREATE TRIGGER approval_no_delete BEFORE DELETE ON approval
BEGIN SELECT RAISE(ABORT, 'approval is append-only'); END;

-- What kind of file this is. No row: a master (or a single desk). One row: a replica made by
-- `init --from`, of `unit_id`, holding the master's structure `structure_version`.
CREATE TABLE replica (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  unit_id           INTEGER NOT NULL REFERENCES unit(id),
  plan_code         TEXT NOT NULL,
  master_key        TEXT NOT NULL,
  structure_version INTEGER NOT NULL
) STRICT;

-- On the master: the number of the last published packet. Each `publish` raises it, so a
-- replica can tell an old packet replayed from a newer one.
CREATE TABLE structure_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL CHECK (version >= 0)
) STRICT;
INSERT INTO structure_version (id, version) VALUES (1, 0);

-- On a replica: its own records that a published packet of the master has carried back, so
-- `send` no longer packs them.
CREATE TABLE acknowledged (
  journal_id INTEGER PRIMARY KEY REFERENCES journal(id),
  packet_id  INTEGER NOT NULL REFERENCES packet(id)
) STRICT;

-- A received record that is valid but collides with this file (its action is gone, its unit
-- lost the responsibility, a lock covers its date, its time order): kept whole, never dropped,
-- until a coordinator settles it.
CREATE TABLE conflict (
  id          INTEGER PRIMARY KEY,
  packet_id   INTEGER NOT NULL REFERENCES packet(id),
  uid         TEXT NOT NULL UNIQUE,
  unit_id     INTEGER REFERENCES unit(id),
  kind        TEXT NOT NULL,
  reason      TEXT NOT NULL CHECK (length(reason) > 0),
  record      TEXT NOT NULL  -- the record's encoding, as it came
) STRICT;
CREATE TRIGGER conflict_no_update BEFORE UPDATE ON conflict
BEGIN SELECT RAISE(ABORT, 'conflict is append-only: settle it instead'); END;
CREATE TRIGGER conflict_no_delete BEFORE DELETE ON conflict
BEGIN SELECT RAISE(ABORT, 'conflict is append-only: settle it instead'); END;

CREATE TABLE conflict_settlement (
  id          INTEGER PRIMARY KEY,
  conflict_id INTEGER NOT NULL UNIQUE REFERENCES conflict(id),
  decision    TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
  unit_id     INTEGER NOT NULL REFERENCES unit(id),
  recorded_at TEXT NOT NULL
              CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at, '+0 seconds') IS recorded_at),
  reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  journal_id  INTEGER NOT NULL REFERENCES journal(id)
) STRICT;
CREATE INDEX conflict_settlement_by_journal ON conflict_settlement (journal_id);
CREATE INDEX retraction_by_journal ON retraction (journal_id);
CREATE INDEX indicator_value_retraction_by_journal ON indicator_value_retraction (journal_id);
