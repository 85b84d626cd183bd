#!/usr/bin/env bash
# What sealing adds to one `plantrack log`, counted in instructions by callgrind (the wall time
# of a log is dominated by the durable commit and varies more on a shared machine than the
# seal costs). Prints the log's instructions, SealRecords' share of them, and, given a build of
# the commit before the chain (git show 577ee2e), that build's log for comparison.
# Usage: bench/seal_cost.sh [BUILD_DIR] [OLD_BUILD_DIR]   (needs valgrind)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
old=${2:-}
out=$here/out
mkdir -p "$out"

# Instructions of the 4th log on a fresh CZT file (the first three warm nothing but make the
# file typical); prints "TOTAL SEAL".
instructions() {
  local bin=$1 db=$out/seal-cost.db
  rm -f "$db" "$db-wal" "$db-shm" "$out/seal-cost.callgrind"
  "$bin" --db "$db" --quiet init
  for i in 1 2 3; do
    "$bin" --db "$db" --as hunan-transport --quiet log T2.03 --percent 95 --note "warm $i"
  done
  valgrind --tool=callgrind --callgrind-out-file="$out/seal-cost.callgrind" "$bin" --db "$db" \
    --as hunan-transport --quiet log T2.03 --percent 95 --note measured 2> /dev/null
  callgrind_annotate --inclusive=yes "$out/seal-cost.callgrind" 2> /dev/null | awk '
    /PROGRAM TOTALS/ { gsub(",", "", $1); total = $1 }
    /store::SealRecords\(/ && !seal { gsub(",", "", $1); seal = $1 }
    END { print total, seal + 0 }'
}

read -r total seal < <(instructions "$build/plantrack")
printf 'log: %d instructions, SealRecords %d (%.1f %% of the log)\n' "$total" "$seal" \
  "$(awk -v s="$seal" -v t="$total" 'BEGIN { print 100 * s / t }')"
if [ -n "$old" ]; then
  read -r old_total _ < <(instructions "$old/plantrack")
  printf 'log before the chain: %d instructions; SealRecords is %.1f %% of it; whole log %.2fx\n' \
    "$old_total" "$(awk -v s="$seal" -v t="$old_total" 'BEGIN { print 100 * s / t }')" \
    "$(awk -v a="$total" -v b="$old_total" 'BEGIN { print a / b }')"
fi
