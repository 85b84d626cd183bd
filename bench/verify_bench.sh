#!/usr/bin/env bash
# `plantrack verify` of the province-sized file against `plantrack export --format csv` of the
# same file: both read every row once. The file is the generated one exported and imported
# again through plantrack, so its records are sealed as a real file's are (generate.sql writes
# journal rows with sqlite3, which no seal covers). Prints the median wall time of 5 runs of
# each, their ratio (target: at most 3) and verify's peak memory.
# Usage: bench/verify_bench.sh [BUILD_DIR]   (run bench/run.sh first: it makes the source file)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build}/plantrack
out=$here/out
source_db=$out/province.db
db=$out/sealed.db
[ -f "$source_db" ] || { echo "run bench/run.sh first (it generates $source_db)"; exit 1; }

if [ ! -f "$db" ] || [ "$source_db" -nt "$db" ]; then
  rm -rf "$out/sealed-export" "$db" "$db-wal" "$db-shm"
  "$bin" --db "$source_db" --quiet export --out "$out/sealed-export"
  "$bin" --db "$db" --quiet init --fixture none
  files=()
  for kind in plan task_areas units actions responsibilities milestones indicators \
              indicator_targets indicator_values progress; do
    files+=("$out/sealed-export/$kind.csv")
  done
  "$bin" --db "$db" --as hunan --quiet import "${files[@]}"
fi
"$bin" --db "$db" verify

median_ms() {
  local times=()
  for _ in 1 2 3 4 5; do
    local start=$(date +%s%N)
    "$@" > /dev/null
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

verify=$(median_ms "$bin" --db "$db" verify)
export_csv=$(median_ms "$bin" --db "$db" --quiet export --format csv --out "$out/verify-export")
peak=$(/usr/bin/time -f %M "$bin" --db "$db" verify 2>&1 > /dev/null | tail -1)
printf 'verify %d ms, export --format csv %d ms, ratio %s, verify peak %s MB\n' "$verify" \
  "$export_csv" "$(awk -v a="$verify" -v b="$export_csv" 'BEGIN { printf "%.2f", a / b }')" \
  "$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')"
