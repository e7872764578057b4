#!/usr/bin/env bash
# A benchmark, not a test: how much each stage of `seams analyze` costs on real
# trees, and the data plan's share (issue: the data stage adds at most 10%).
#
#   bench/stage_share.sh SEAMS_BINARY PROJECT_DIR... [-- REPEAT]
#
# Runs `seams analyze PROJECT --format json -v` REPEAT times (default 5) per
# project and prints, per stage, the median of its wall-clock milliseconds (the
# stage timings --verbose prints), then the data stage's share of the total.
# Measure on an idle machine.
set -euo pipefail
bin=$1; shift
projects=(); repeat=5
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then repeat=$2; break; fi
  projects+=("$1"); shift
done
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
for project in "${projects[@]}"; do
  for i in $(seq "$repeat"); do
    "$bin" analyze "$project" -o "$out/r" --format json -v 2>&1 >/dev/null | grep -E '^seams: [a-z+ ]+ +[0-9.]+ ms' >> "$out/$(basename "$project").txt" || true
  done
  python3 - "$out/$(basename "$project").txt" "$(basename "$project")" <<'PY'
import re, statistics, sys
stages = {}
for line in open(sys.argv[1]):
    m = re.match(r"seams: ([a-z+ ]+?) +([0-9.]+) ms", line)
    if m: stages.setdefault(m.group(1), []).append(float(m.group(2)))
med = {k: statistics.median(v) for k, v in stages.items()}
print(f"{sys.argv[2]} ({len(stages.get('total', []))} runs, medians)")
for k, v in med.items(): print(f"  {k:18} {v:9.1f} ms")
total = med.get("total", 0)
data = med.get("data", 0)
if total > data > 0:
    print(f"  data stage: {data:.1f} ms = {100 * data / (total - data):.1f}% added to the rest of the analysis")
PY
done
