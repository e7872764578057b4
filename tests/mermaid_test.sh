#!/usr/bin/env bash
# Every Mermaid diagram Seams writes parses with Mermaid's own parser (pinned in
# tests/mermaid/package-lock.json, installed from the npm registry with `npm ci` when
# the build tree is configured).
# Usage: mermaid_test.sh SEAMS_BINARY SOURCE_DIR WORK_DIR SHARED_REPORTS_DIR FACTS_CACHE_DIR
#   (the fixture tests/shared_reports.sh writes SHARED_REPORTS_DIR: shopwise's and
#   Django's analyses with their Mermaid views and report.md; FACTS_CACHE_DIR is the suite's)
set -euo pipefail
seams=$1 src=$2 work=$3 shared=$4 cache=$5
django=/usr/lib/python3/dist-packages/django
mkdir -p "$work"
# WORK_DIR's node_modules come from configuring the build tree (cmake/NpmCi.cmake).
[ -d "$work/node_modules/mermaid" ] && cmp -s "$src/tests/mermaid/package-lock.json" "$work/package-lock.json" \
  || { echo "FAIL: $work/node_modules is missing or stale: re-run cmake on this build tree"; exit 1; }
cp "$src/tests/mermaid/mermaid_check.mjs" "$work/"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

for d in shopwise django; do
  [ -s "$shared/$d/report.md" ] || fail "no shared $d analysis in $shared (the shared_reports fixture)"
done
"$seams" analyze "$src/tests/fixtures/small" -o "$out/small" -q --format mermaid,md
report="$shared/shopwise/report.json"
"$seams" diagram "$report" --view models --cross-only --format mermaid -o "$out/cross.mmd"
"$seams" diagram "$report" --view context --context orders --collapse-apps --format mermaid -o "$out/orders-apps.mmd"
"$seams" diagram "$report" --view apps --hide-kernel --top 5 --format mermaid -o "$out/apps-top.mmd"

# Django's ~900 files come from the suite's facts cache: parsed once per build.
for level in module app model; do
  "$seams" graph "$src/examples/shopwise" --level "$level" --format mermaid -o "$out/graph/shopwise-$level.mmd" -q
  "$seams" graph "$django" --level "$level" --format mermaid -o "$out/graph/django-$level.mmd" -q --cache-dir "$cache"
done

files=$(find "$out" "$shared/shopwise" "$shared/django" -name '*.mmd' -o -name 'report.md' | sort)
count=$(echo "$files" | wc -l)
[ "$count" -ge 30 ] || fail "only $count Mermaid files written"

# The checker itself fails on a broken diagram. One node process reads them all
# (jsdom and Mermaid take ~2 s to load): every diagram Seams wrote parses, and
# the two broken ones, read last, are the two that fail.
printf 'flowchart LR\n  a -->|"x| b\n' > "$out/broken.mmd"
printf 'erDiagram\n  A {\n    fk user FK "x"\n  }\n' > "$out/broken-er.mmd"
rc=0
# shellcheck disable=SC2086  # paths have no spaces: mktemp and the source tree
(cd "$work" && node mermaid_check.mjs $files "$out/broken.mmd" "$out/broken-er.mmd") > "$out/check.out" 2>&1 || rc=$?
[ "$rc" = 1 ] || { cat "$out/check.out"; fail "the checker exits $rc, expected 1 (the two broken diagrams)"; }
for f in broken.mmd broken-er.mmd; do
  grep -q "^$out/$f: " "$out/check.out" || { cat "$out/check.out"; fail "$f passed the checker"; }
done
summary=$(tail -n 1 "$out/check.out")
[[ "$summary" =~ ^([0-9]+)\ diagrams,\ 2\ failed$ ]] \
  || { cat "$out/check.out"; fail "diagrams Seams wrote failed (above), or the checker stopped early: $summary"; }
[ "${BASH_REMATCH[1]}" -ge $((count + 2)) ] || { cat "$out/check.out"; fail "only ${BASH_REMATCH[1]} diagrams read in $count files"; }
echo "PASS: $count files, $((BASH_REMATCH[1] - 2)) diagrams"
