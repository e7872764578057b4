#!/usr/bin/env bash
# The ctest fixture `shared_reports` (tests/CMakeLists.txt): analyses that several
# script tests read, run once per suite instead of once per test. The tests that
# need them only read them (each copies what it edits).
#   OUT/shopwise: `seams analyze examples/shopwise` with the default formats
#                 (json, dot, mermaid, md, html), the command cli.analyze_outputs tests;
#                 each format's files are the bytes a run with that format alone writes.
#   OUT/django:   Django's own source, json, mermaid and md, through the suite's facts cache.
# Usage: shared_reports.sh SEAMS_BINARY SOURCE_DIR OUT_DIR FACTS_CACHE_DIR
set -euo pipefail
seams=$1 src=$2 out=$3 cache=$4
django=/usr/lib/python3/dist-packages/django
[ -f "$django/contrib/__init__.py" ] || { echo "FAIL: Django not found at $django: install python3-django"; exit 1; }
rm -rf "$out" && mkdir -p "$out"
"$seams" analyze "$src/examples/shopwise" -o "$out/shopwise" -q
"$seams" analyze "$django" -o "$out/django" -q --format json,mermaid,md --cache-dir "$cache"
echo "shared reports: $(find "$out" -type f | wc -l) files in $out"
