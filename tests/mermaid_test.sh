#!/usr/bin/env bash
# Every Mermaid diagram Seams writes parses with Mermaid's own parser (pinned in
# tests/mermaid/package-lock.json, installed from the npm registry with `npm ci`).
# Usage: mermaid_test.sh SEAMS_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
seams=$1 src=$2 work=$3
django=/usr/lib/python3/dist-packages/django
mkdir -p "$work"
cp "$src/tests/mermaid/package.json" "$src/tests/mermaid/package-lock.json" "$src/tests/mermaid/mermaid_check.mjs" "$work/"
if [ ! -d "$work/node_modules/mermaid" ]; then
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$seams" analyze "$src/examples/shopwise" -o "$out/shopwise" -q --format mermaid,md
"$seams" analyze "$src/tests/fixtures/small" -o "$out/small" -q --format mermaid,md
# Django's source is analysed four times: through one facts cache, its ~900 files are parsed once.
cache="$out/facts-cache"
"$seams" analyze "$django" -o "$out/django" -q --format mermaid,md --cache-dir "$cache"
"$seams" analyze "$src/examples/shopwise" -o "$out/json" -q --format json
"$seams" diagram "$out/json/report.json" --view models --cross-only --format mermaid -o "$out/cross.mmd"
"$seams" diagram "$out/json/report.json" --view context --context orders --collapse-apps --format mermaid -o "$out/orders-apps.mmd"
"$seams" diagram "$out/json/report.json" --view apps --hide-kernel --top 5 --format mermaid -o "$out/apps-top.mmd"

for level in module app model; do
  "$seams" graph "$src/examples/shopwise" --level "$level" --format mermaid -o "$out/graph/shopwise-$level.mmd" -q
  "$seams" graph "$django" --level "$level" --format mermaid -o "$out/graph/django-$level.mmd" -q --cache-dir "$cache"
done

files=$(find "$out" -name '*.mmd' -o -name 'report.md' | sort)
count=$(echo "$files" | wc -l)
[ "$count" -ge 30 ] || { echo "FAIL: only $count Mermaid files written"; exit 1; }
(cd "$work" && node mermaid_check.mjs $files)

# The checker itself fails on a broken diagram.
printf 'flowchart LR\n  a -->|"x| b\n' > "$out/broken.mmd"
printf 'erDiagram\n  A {\n    fk user FK "x"\n  }\n' > "$out/broken-er.mmd"
for f in broken.mmd broken-er.mmd; do
  if (cd "$work" && node mermaid_check.mjs "$out/$f" >/dev/null 2>&1); then echo "FAIL: $f passed the checker"; exit 1; fi
done
echo "PASS: $count files"
