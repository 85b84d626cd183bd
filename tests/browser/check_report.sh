#!/usr/bin/env bash
# The browser test of the HTML report: renders the CZT report in headless Chromium to PNG and
# PDF, then checks that the page is not blank, that the charts are drawn and that the PDF has
# a sensible number of A4 pages; then that every character of the zh report has a glyph in an
# installed font (no empty boxes) and that its page is drawn too. Exits 77 (skipped, for ctest) when Chromium or python3 is
# missing: `make -f Makefile.aux deps-browser` installs them.
# Usage: check_report.sh PLANTRACK_BINARY [KEEP_DIR]
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "SKIPPED: chromium is not installed (make -f Makefile.aux deps-browser)"
  exit 77
fi
if ! command -v python3 > /dev/null || ! command -v fc-list > /dev/null; then
  echo "SKIPPED: python3 or fontconfig is not installed (make -f Makefile.aux deps-browser)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" --db "$work/czt.db" --quiet init
"$bin" --db "$work/czt.db" --as-of 2026-11-28 --quiet report --html "$work/report.html"

# The flags keep Chromium off the network and out of the user's profile.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --hide-scrollbars "--user-data-dir=$work/profile")
run_chromium() { timeout 120 "$chromium" "${flags[@]}" "$@" > "$work/chromium.log" 2>&1; }
run_chromium --window-size=1100,1500 "--screenshot=$work/report.png" "file://$work/report.html"
run_chromium --no-pdf-header-footer "--print-to-pdf=$work/report.pdf" "file://$work/report.html"

python3 "$here/check_render.py" "$work/report.png" "$work/report.pdf"

"$bin" --db "$work/czt.db" --as-of 2026-11-28 --lang zh --quiet report --html "$work/zh.html"
python3 "$here/check_glyphs.py" "$work/zh.html"
run_chromium --window-size=1100,1500 "--screenshot=$work/zh.png" "file://$work/zh.html"
run_chromium --no-pdf-header-footer "--print-to-pdf=$work/zh.pdf" "file://$work/zh.html"
python3 "$here/check_render.py" "$work/zh.png" "$work/zh.pdf"
if [ -n "${2:-}" ]; then cp "$work/report.png" "$work/report.pdf" "$work/report.html" "$2/"; fi
