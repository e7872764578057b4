#!/usr/bin/env bash
# Benchmark (not a test): how fast report.html opens and rescores in Debian's
# headless chromium. Writes report.html for PATH, then, REPEAT times, opens it
# and records the time from navigation to a ready board (window.seams), and the
# mean time of 20 moves + 20 undos (each rescoring the whole assignment).
# Target: ready <= 2000 ms on a netbox-sized report; a move <= 50 ms.
# Usage: bench/html_open.sh [SEAMS_BINARY] [PATH] [REPEAT]
set -euo pipefail
seams="${1:-build/release/cli/seams}"
path="${2:-/work/projects/netbox}"
repeat="${3:-3}"
src="$(cd "$(dirname "$0")/.." && pwd)"
work="${SEAMS_BENCH_WORK:-$(dirname "$seams")/../bench/html-open}"
mkdir -p "$work"
cp "$src/tests/html/package.json" "$src/tests/html/package-lock.json" "$src/bench/html_open.mjs" "$work/"
[ -d "$work/node_modules/puppeteer-core" ] || (cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
"$seams" analyze "$path" -o "$work/report" -q --format json,html
echo "path: $path ($(du -b "$work/report/report.html" | cut -f1) bytes of report.html)"
(cd "$work" && node html_open.mjs "$work/report/report.html" "$repeat")
