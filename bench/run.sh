#!/usr/bin/env bash
# Benchmarks the reports on a province-sized file against the same aggregate in one plain SQL
# query run by the sqlite3 tool. Prints the median wall time of 5 runs of each (JSON output), the
# ratio, and plantrack's peak memory (the highest of its four output formats). Usage: bench/run.sh [BUILD_DIR]   (default: build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
bin=$build/plantrack
out=$here/out
db=$out/province.db
as_of=2026-11-28
mkdir -p "$out"

"$here/province.sh" "$bin" "$db"

# Median of 5 wall times in milliseconds of the command given as arguments.
median_ms() {
  local times=()
  for _ in 1 2 3 4 5; do
    local start=$(date +%s%N)
    "$@" > /dev/null
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

peak_kb() { /usr/bin/time -f %M "$@" 2>&1 > /dev/null | tail -1; }

printf '%-11s %12s %12s %7s %10s\n' command plantrack_ms sqlite3_ms ratio peak_MB
# mine is the province's desk: every action, as the coordinator sees it.
for command in status overdue indicators evaluate mine; do
  words=($command)
  [ $command = mine ] && words=(--as province mine)
  ours=$(median_ms "$bin" --db "$db" --as-of $as_of --format json "${words[@]}")
  base=$(median_ms sqlite3 "$db" ".read $here/${command}_baseline.sql")
  # The highest peak over the four formats.
  peak=0
  for format in json table csv md; do
    kb=$(peak_kb "$bin" --db "$db" --as-of $as_of --format $format "${words[@]}")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  printf '%-11s %12d %12d %7s %10s\n' $command "$ours" "$base" \
    "$(awk -v a="$ours" -v b="$base" 'BEGIN { printf "%.2f", a / b }')" \
    "$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')"
done
# The audit has no single-query equal (seven kinds of finding, rolled up the unit tree): its
# baseline is the log-wide facts it reads (audit_baseline.sql), its target 300 ms. The HTML
# report's baseline is the status and audit baselines together, its two largest inputs; its
# target 400 ms.
for command in audit html; do
  case $command in
    audit) args=(--format json audit); base_sql=(".read $here/audit_baseline.sql") ;;
    html) args=(--quiet report --html "$out/report.html")
          base_sql=(".read $here/status_baseline.sql" ".read $here/audit_baseline.sql") ;;
  esac
  ours=$(median_ms "$bin" --db "$db" --as-of $as_of "${args[@]}")
  base=$(median_ms sqlite3 "$db" "${base_sql[@]}")
  peak=$(peak_kb "$bin" --db "$db" --as-of $as_of "${args[@]}")
  printf '%-11s %12d %12d %7s %10s\n' $command "$ours" "$base" \
    "$(awk -v a="$ours" -v b="$base" 'BEGIN { printf "%.2f", a / b }')" \
    "$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')"
done
# trend replays the status as of every quarter end since the plan's issue (20 of them) from one
# pass over the log; its target is 3x one status, so the ratio printed is against `status`.
status_ms=$(median_ms "$bin" --db "$db" --as-of $as_of --format json status)
ours=$(median_ms "$bin" --db "$db" --as-of $as_of --format json trend)
peak=$(peak_kb "$bin" --db "$db" --as-of $as_of --format json trend)
printf '%-11s %12d %12s %7s %10s\n' trend "$ours" "status $status_ms" \
  "$(awk -v a="$ours" -v b="$status_ms" 'BEGIN { printf "%.2f", a / b }')" \
  "$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')"
