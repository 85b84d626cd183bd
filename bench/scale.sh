#!/usr/bin/env bash
# How every read command grows with the log: makes the province file with 1x, 4x and 16x its
# progress entries (generate.sql with @scale; the same actions, milestones and indicators, the
# entries denser over the same weeks), then times each command on each (median of 3, output to
# /dev/null) and prints one row per command: the times and their ratios to 1x.
# Usage: bench/scale.sh [BUILD_DIR] [SCALES...]   (default: build, 1 4 16). The 16x file is
# about 1.7 GB and takes a few minutes to make; the files stay in bench/out/ for the next run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
shift || true
scales=("${@:-1 4 16}")
read -r -a scales <<< "${scales[*]}"
bin=$build/plantrack
out=$here/out
as_of=2026-11-28
mkdir -p "$out"

# One file per scale, remade when generate.sql is newer.
file_of() { if [ "$1" = 1 ]; then echo "$out/province.db"; else echo "$out/province-x$1.db"; fi; }
for scale in "${scales[@]}"; do
  db=$(file_of "$scale")
  if [ "$scale" = 1 ]; then "$here/province.sh" "$bin" "$db"; continue; fi
  if [ ! -f "$db" ] || [ "$here/generate.sql" -nt "$db" ]; then
    rm -f "$db" "$db-wal" "$db-shm"
    start=$(date +%s%N)
    "$bin" --db "$db" --quiet init --fixture none
    { echo ".parameter set @scale $scale"; cat "$here/generate.sql"; } | sqlite3 "$db" > /dev/null
    echo "generated $db in $(( ($(date +%s%N) - start) / 1000000 )) ms"
  fi
done

median_ms() {
  local times=()
  for _ in 1 2 3; do
    local start=$(date +%s%N)
    "$@" > /dev/null
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

# Every command that only reads, as a user would run it on the whole province.
commands=(
  "status" "overdue" "indicators" "evaluate" "trend" "--as province mine" "--as city-02 mine"
  "audit" "history T1.0006" "actions" "milestones" "units" "areas" "info"
  "report --html $out/scale-report.html" "export" "verify"
)
width=24
printf "%-${width}s" command
for scale in "${scales[@]}"; do printf ' %9s' "${scale}x_ms"; done
for scale in "${scales[@]:1}"; do printf ' %7s' "${scale}x/1x"; done
echo
for command in "${commands[@]}"; do
  read -r -a words <<< "$command"
  printf "%-${width}s" "${command/$out\/scale-report.html/FILE}"
  times=()
  for scale in "${scales[@]}"; do
    ms=$(median_ms "$bin" --db "$(file_of "$scale")" --as-of $as_of --format json "${words[@]}")
    times+=("$ms")
    printf ' %9d' "$ms"
  done
  for ms in "${times[@]:1}"; do
    printf ' %7s' "$(awk -v a="$ms" -v b="${times[0]}" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 1) }')"
  done
  echo
done
