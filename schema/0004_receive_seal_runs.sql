-- plantrack schema, version 4: one seal for a received packet's run of records. Never edit
-- once landed.
--
-- A receiver applies a packet's records one after another in one transaction, so they take
-- consecutive journal ids; a seal row each cost a tenth of a receive. Such a run now has one
-- seal, on its last journal row, whose hash is the chain's link after that record (the same
-- link a seal per record would have held there) and whose `records` says how many records it
-- covers, ending at that row. The chain itself is unchanged, so heads printed before stay
-- valid; `verify` recomputes every link and checks each run's end (store/record_check.h).
ALTER TABLE record_seal ADD COLUMN records INTEGER NOT NULL DEFAULT 1 CHECK (records >= 1);

-- The record's length (chain.h's HeadOf) is the seals' count plus what runs add beyond one
-- each: this index holds the runs alone, so that sum stays as cheap as the count.
CREATE INDEX record_seal_runs ON record_seal (records) WHERE records > 1;

-- `send` finds the records written here through this index (packet_id IS NULL); a received
-- record, which is never sent on, need not enter it. Same name, so `INDEXED BY` still holds.
DROP INDEX journal_by_packet;
CREATE INDEX journal_by_packet ON journal (packet_id) WHERE packet_id IS NULL;
