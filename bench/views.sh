#!/usr/bin/env bash
# Benchmark (not a test): what the workshop outputs cost on top of the analysis.
# `seams analyze` writing report.json only, against every view in DOT and
# Mermaid plus report.md, against redrawing one view from the saved report.
# Target: all views + handout <= 1.25 x report.json alone; a redraw (which reads
# the whole report back) <= 0.15 x the analysis.
# Usage: bench/views.sh [SEAMS_BINARY] [PATH] [REPEAT]
set -euo pipefail
seams="${1:-build/release/cli/seams}"
path="${2:-/usr/lib/python3/dist-packages/django}"
repeat="${3:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

best() {  # best wall time in seconds of REPEAT runs of "$@"
  local best=999 t
  for _ in $(seq "$repeat"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    best=$(echo "if ($t < $best) $t else $best" | bc)
  done
  printf '%.3f' "$best"
}

json=$(best "$seams" analyze "$path" -o "$work/a" -q --no-cache --format json)
all=$(best "$seams" analyze "$path" -o "$work/b" -q --no-cache --format json,dot,mermaid,md)
redraw=$(best "$seams" diagram "$work/b/report.json" --view models --format mermaid -o "$work/m.mmd")
explain=$(best "$seams" explain "$work/b/report.json" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["contexts"][0]["name"])' "$work/b/report.json")")
files=$(find "$work/b" -type f | wc -l)
bytes=$(du -sb "$work/b" | cut -f1)
ratio=$(echo "scale=2; $all / $json" | bc)
echo "path: $path"
echo "analyze, report.json only:           ${json} s"
echo "analyze, every view + report.md:     ${all} s  (${ratio}x; ${files} files, ${bytes} bytes)"
echo "diagram --view models from report:   ${redraw} s"
echo "explain one context from report:     ${explain} s"
redraw_ratio=$(echo "scale=3; $redraw / $json" | bc)
verdict=PASS
[ "$(echo "$ratio <= 1.25" | bc)" = 1 ] || verdict=MISS
[ "$(echo "$redraw_ratio <= 0.15" | bc)" = 1 ] || verdict=MISS
echo "target (views <= 1.25x, redraw <= 0.15x = ${redraw_ratio}x): $verdict"
