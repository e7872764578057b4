#!/usr/bin/env bash
# report.html in a real browser: Debian's chromium, headless, driven by
# puppeteer-core (pinned in tests/html/package-lock.json, installed with `npm ci`
# when the build tree is configured). Shopwise's report and a generated
# netbox-sized one (40 apps, 200 models, ~1,200 modules): no console errors, no
# network, moves scored as `seams score` scores the exported seams.toml, undo
# exact, a screenshot each.
# Usage: html_test.sh SEAMS_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
seams=$1 src=$2 work=$3
# Debian's python3 (python3-jsonschema, python3-django), named by tests/CMakeLists.txt (SEAMS_TEST_PYTHON).
python=${SEAMS_PYTHON:-python3}
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "FAIL: $chromium not found: install Debian's chromium (.ci/install-deps.sh)"; exit 1; }
# WORK_DIR's node_modules come from configuring the build tree (cmake/NpmCi.cmake).
[ -d "$work/node_modules/puppeteer-core" ] && cmp -s "$src/tests/html/package-lock.json" "$work/package-lock.json" \
  || { echo "FAIL: $work/node_modules is missing or stale: re-run cmake on this build tree"; exit 1; }
cp "$src/tests/html/html_check.mjs" "$work/"
out="$work/run"
rm -rf "$out" && mkdir -p "$out"

cp -r "$src/examples/shopwise" "$out/shopwise-project"
"$seams" analyze "$out/shopwise-project" -o "$out/shopwise" -q --format json,html
"$seams" analyze "$src/tests/fixtures/small" -o "$out/small" -q --format json,html
"$python" "$src/tests/html/gen_project.py" "$out/large-project"
"$seams" analyze "$out/large-project" -o "$out/large" -q --format json,html

# The page is self-contained: nothing is fetched (the browser check also refuses any request).
if grep -Eqi '<(script|link)[^>]+(src|href)=' "$out/shopwise/report.html"; then echo "FAIL: report.html loads an external file"; exit 1; fi

(cd "$work" && CHROMIUM="$chromium" node html_check.mjs "$seams" "$out" \
  "shopwise=$out/shopwise=$out/shopwise-project" "large=$out/large" "small=$out/small")
echo "screenshots: $out/shopwise.png $out/large.png"
