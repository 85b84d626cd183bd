#!/usr/bin/env bash
# One `plantrack log` process against `sqlite3 FILE "INSERT ..."` of the equivalent row (with
# its journal row, in one IMMEDIATE transaction), both on a fresh CZT file. Prints the median
# wall time of N runs of each and their ratio. Usage: bench/log_bench.sh [BUILD_DIR] [N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build}/plantrack
runs=${2:-51}
out=$here/out
db=$out/log.db
mkdir -p "$out"
rm -f "$db" "$db-wal" "$db-shm"
"$bin" --db "$db" --quiet init

now_ns() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

plantrack_times() {
  for i in $(seq "$runs"); do
    local start=$(now_ns)
    "$bin" --db "$db" --as hunan-transport --quiet log T2.03 --percent 95 --note "bench $i"
    echo $(( ($(now_ns) - start) / 1000 ))
  done
}

# The same work by hand: the journal row and the progress row, with the same pragmas.
sqlite_times() {
  for i in $(seq "$runs"); do
    local start=$(now_ns)
    sqlite3 "$db" "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; BEGIN IMMEDIATE;
      INSERT INTO journal (unit_id, recorded_at, command, detail, kind, action_id)
        VALUES ((SELECT id FROM unit WHERE slug = 'hunan-transport'),
                strftime('%Y-%m-%dT%H:%M:%SZ'), 'sqlite3 bench', 'T2.03 95%', 'log',
                (SELECT id FROM action WHERE code = 'T2.03'));
      INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status, note,
                                source, journal_id)
        VALUES ((SELECT id FROM action WHERE code = 'T2.03'),
                (SELECT id FROM unit WHERE slug = 'hunan-transport'), date('now'),
                strftime('%Y-%m-%dT%H:%M:%SZ'), 95, 'on-track', 'bench $i', 'hunan-transport',
                last_insert_rowid());
      COMMIT;" > /dev/null
    echo $(( ($(now_ns) - start) / 1000 ))
  done
}

ours=$(plantrack_times | median)
base=$(sqlite_times | median)
printf 'log: plantrack %d us, sqlite3 %d us, ratio %.2f (median of %d runs each)\n' \
  "$ours" "$base" "$(awk -v a="$ours" -v b="$base" 'BEGIN { print a / b }')" "$runs"
