#!/usr/bin/env bash
# Imports the province-sized file's 1,000,000 progress entries from CSV into a file that holds
# only its structure, and prints rows per second and peak memory. The raw limit for prepared
# inserts in one transaction on these machines is about 480,000 rows/s.
# Usage: bench/import_bench.sh [BUILD_DIR]   (run bench/run.sh first: it makes the source file)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build}/plantrack
out=$here/out
source_db=$out/province.db
[ -f "$source_db" ] || { echo "run bench/run.sh first (it generates $source_db)"; exit 1; }
rm -rf "$out/export" "$out/import.db" "$out/import.db-wal" "$out/import.db-shm"
"$bin" --db "$source_db" --quiet export --out "$out/export"
"$bin" --db "$out/import.db" --quiet init --fixture none
structure=()
for kind in plan task_areas units actions responsibilities milestones indicators \
            indicator_targets indicator_values; do
  structure+=("$out/export/$kind.csv")
done
"$bin" --db "$out/import.db" --quiet import "${structure[@]}"
rows=$(($(wc -l < "$out/export/progress.csv") - 1))
start=$(date +%s%N)
/usr/bin/time -f %M -o "$out/import.mem" \
  "$bin" --db "$out/import.db" --as province --quiet import "$out/export/progress.csv"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
printf 'import: %d progress rows in %d ms = %d rows/s, peak memory %.1f MB\n' "$rows" "$ms" \
  "$(( rows * 1000 / ms ))" "$(awk '{ print $1 / 1024 }' "$out/import.mem")"
