#!/usr/bin/env bash
# Imports the province-sized file's 1,000,000 progress entries from CSV into a file that holds
# only its structure, and prints the median of 5 runs in rows per second and peak memory, next
# to the raw baseline: the sqlite3 tool's own `.import` of the same CSV into a plain table (no
# constraints, no indexes), which is prepared inserts in one transaction.
# Usage: bench/import_bench.sh [BUILD_DIR]   (run bench/run.sh first: it makes the source file)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build}/plantrack
out=$here/out
source_db=$out/province.db
[ -f "$source_db" ] || { echo "run bench/run.sh first (it generates $source_db)"; exit 1; }
rm -rf "$out/export" "$out/structure.db"*
"$bin" --db "$source_db" --quiet export --out "$out/export"
"$bin" --db "$out/structure.db" --quiet init --fixture none
structure=()
for kind in plan task_areas units actions responsibilities milestones indicators \
            indicator_targets indicator_values; do
  structure+=("$out/export/$kind.csv")
done
"$bin" --db "$out/structure.db" --quiet import "${structure[@]}"
csv=$out/export/progress.csv
rows=$(($(wc -l < "$csv") - 1))

# Median of 5 wall times in milliseconds of the command given as arguments, each run on a fresh
# copy of the structure-only file ($fresh).
fresh=$out/import.db
median_ms() {
  local times=()
  for _ in 1 2 3 4 5; do
    rm -f "$fresh"*
    cp "$out/structure.db" "$fresh"
    local start=$(date +%s%N)
    "$@" > /dev/null 2>&1  # the generated plan's 5,000 "done with milestones open" warnings
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

ours=$(median_ms "$bin" --db "$fresh" --as province --quiet import "$csv")
rm -f "$fresh"*
cp "$out/structure.db" "$fresh"
peak_kb=$(/usr/bin/time -f %M "$bin" --db "$fresh" --as province --quiet import "$csv" 2>&1 \
          > /dev/null | tail -1)
raw_import() {
  sqlite3 "$fresh" "CREATE TABLE raw (action, unit, logged_on, recorded_at, percent, status,
                    note, source)" ".import --csv --skip 1 $csv raw"
}
raw=$(median_ms raw_import)
printf 'import of %d progress rows from CSV (median of 5)\n' "$rows"
printf '  plantrack import:        %5d ms = %6d rows/s, peak memory %.1f MB\n' "$ours" \
  "$(( rows * 1000 / ours ))" "$(awk "BEGIN { print $peak_kb / 1024 }")"
printf '  sqlite3 .import (raw):   %5d ms = %6d rows/s\n' "$raw" "$(( rows * 1000 / raw ))"
printf '  ratio plantrack / raw:   %.2f (time)\n' "$(awk "BEGIN { print $ours / $raw }")"

# The whole province file as one JSON export, imported into an empty file: streamed, so memory
# stays flat however long the arrays are.
"$bin" --db "$source_db" --quiet --format json export --out "$out/export-json"
rm -f "$fresh"*
"$bin" --db "$fresh" --quiet init --fixture none
start=$(date +%s%N)
json_kb=$(/usr/bin/time -f %M "$bin" --db "$fresh" --quiet import "$out/export-json/plantrack.json" \
          2>&1 > /dev/null | tail -1)
json_ms=$(( ($(date +%s%N) - start) / 1000000 ))
printf '  JSON export, whole file: %5d ms, peak memory %.1f MB (%s MB of JSON)\n' "$json_ms" \
  "$(awk "BEGIN { print $json_kb / 1024 }")" \
  "$(( $(stat -c %s "$out/export-json/plantrack.json") / 1000000 ))"
