#!/usr/bin/env bash
# The office round trip at province scale, each beside its baseline in the same run:
#   publish + init --from   against   export --format csv + init --fixture none + import
#   receive of a packet of 100,000 one-entry records (records/s)
# Usage: bench/packet_bench.sh [BUILD_DIR]   (default: build). Prints median-free single runs:
# each step takes seconds and moves a whole file, so one run of each is the figure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
bin=$build/plantrack
out=$here/out
work=$out/packets
mkdir -p "$out"
"$here/province.sh" "$bin" "$out/province.db"
rm -rf "$work" && mkdir -p "$work"
cp "$out/province.db" "$work/master.db"

ms() { local start=$(date +%s%N); "$@" > /dev/null; echo $(( ($(date +%s%N) - start) / 1000000 )); }
pt() { "$bin" --db "$work/master.db" --as province "$@"; }

pt key add province "$("$bin" --quiet key new --out "$work/province.key")" > /dev/null
pt key add city-02 "$("$bin" --quiet key new --out "$work/city-02.key")" > /dev/null

publish=$(ms pt publish --out "$work/p1.pkt" --key "$work/province.key")
replica=$(ms "$bin" --db "$work/city-02.db" --as city-02 init --from "$work/p1.pkt")
export_ms=$(ms "$bin" --db "$work/master.db" export --format csv --out "$work/export")
import_ms=$( (start=$(date +%s%N)
  "$bin" --db "$work/imported.db" --quiet init --fixture none
  # The generated data's done actions with open milestones warn, 5,000 lines: kept in a file.
  "$bin" --db "$work/imported.db" --as province --quiet import "$work"/export/*.csv \
    2> "$work/import-warnings.txt"
  echo $(( ($(date +%s%N) - start) / 1000000 ))) )
printf '%-34s %8s ms\n' "publish" "$publish" "init --from" "$replica" \
  "export --format csv" "$export_ms" "init --fixture none + import" "$import_ms"
printf 'publish + init --from: %d ms, export + import: %d ms, ratio %s (target <= 2)\n' \
  $((publish + replica)) $((export_ms + import_ms)) \
  "$(awk -v a=$((publish + replica)) -v b=$((export_ms + import_ms)) 'BEGIN { printf "%.2f", a / b }')"

# 100,000 one-entry records written on the replica behind plantrack's back (each with its own
# journal row and global id, as 100,000 `log` commands would leave them: the id starts with the
# seconds of recorded_at, 2026-11-28T09:00:00Z), sent, and received.
records=100000
sqlite3 "$work/city-02.db" > /dev/null <<SQL
PRAGMA foreign_keys = ON;
BEGIN IMMEDIATE;
CREATE TEMP TABLE mine AS
  SELECT a.id, row_number() OVER (ORDER BY a.id) - 1 AS n FROM action a
    JOIN responsibility r ON r.action_id = a.id AND r.role = 'lead' AND r.unit_id = 2
   WHERE CAST(substr(a.code, instr(a.code, '.') + 1) AS INTEGER) % 2 = 1;  -- not done
INSERT INTO journal (id, unit_id, recorded_at, command, detail, kind, action_id, uid)
SELECT 1000000 + value, 2, '2026-11-28T09:00:00Z', 'plantrack log', 'bench', 'log',
       (SELECT id FROM mine WHERE n = value % (SELECT count(*) FROM mine)),
       printf('%010x', 1795856400) || lower(hex(randomblob(11)))  -- NewRecordUid's form
  FROM generate_series(1, $records);
INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status, note,
                          source, journal_id)
SELECT action_id, 2, '2026-11-28', '2026-11-28T09:00:00Z', 99, 'on-track', 'bench', 'city-02', id
  FROM journal WHERE id > 1000000;
COMMIT;
SQL
send=$(ms "$bin" --db "$work/city-02.db" send --out "$work/s1.pkt" --key "$work/city-02.key")
cp "$work/master.db" "$work/before-receive.db"
receive=$(ms pt receive "$work/s1.pkt")
# The baseline: the same 100,000 journal rows and entries written into the same file as it was
# before the receive, by one INSERT ... SELECT each through the sqlite3 tool, with the schema's
# indexes, foreign keys and CHECKs, the same page cache, and nothing checked, hashed or parsed.
# Each record has its own journal row with four indexes (by unit, action, uid, packet) and its
# entry two more: that is the floor a receive can reach without changing the schema.
raw=$(ms sqlite3 "$work/before-receive.db" "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;
  ATTACH '$work/city-02.db' AS office; BEGIN IMMEDIATE;
  INSERT INTO packet (hash, kind, unit_id, public_key, structure_version, created_at, received_at,
                      header, signature, record_hashes)
  VALUES (printf('%064d', 0), 'send', 2, printf('%064d', 0), 1, '2026-11-28T09:00:00Z',
          '2026-11-28T09:00:00Z', '', '', zeroblob(0));
  INSERT INTO journal (unit_id, recorded_at, command, detail, kind, action_id, uid, packet_id)
  SELECT unit_id, recorded_at, command, detail, kind, action_id, uid,
         (SELECT max(id) FROM main.packet)
    FROM office.journal WHERE id > 1000000 ORDER BY id;
  INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status, note,
                            source, journal_id)
  SELECT p.action_id, p.unit_id, p.logged_on, p.recorded_at, p.percent, p.status, p.note,
         p.source, (SELECT j.id FROM main.journal j WHERE j.uid = o.uid)
    FROM office.progress_log p JOIN office.journal o ON o.id = p.journal_id
   WHERE p.journal_id > 1000000 ORDER BY p.id;
  COMMIT;")
printf 'send of %d records: %d ms; receive: %d ms = %d records/s (target >= 100,000)\n' \
  $records "$send" "$receive" $((records * 1000 / (receive > 0 ? receive : 1)))
printf 'sqlite3 writing the same rows into the same file: %d ms = %d records/s (receive / that: %s)\n' \
  "$raw" $((records * 1000 / (raw > 0 ? raw : 1))) \
  "$(awk -v a="$receive" -v b="$raw" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 1) }')"
