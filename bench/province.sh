#!/usr/bin/env bash
# Makes the province-sized benchmark file (generate.sql) unless it is there and newer than the
# script. Usage: bench/province.sh PLANTRACK_BINARY DB_PATH
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
db=$2
if [ ! -f "$db" ] || [ "$here/generate.sql" -nt "$db" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  start=$(date +%s%N)
  "$bin" --db "$db" --quiet init --fixture none
  sqlite3 "$db" < "$here/generate.sql" > /dev/null
  echo "generated $db in $(( ($(date +%s%N) - start) / 1000000 )) ms"
fi
