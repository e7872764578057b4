#!/usr/bin/env bash
# Every analysis report the tests produce validates against
# reports/schema/analysis.schema.json, and the validator rejects broken ones.
# Usage: schema_test.sh SEAMS_BINARY SOURCE_DIR
set -euo pipefail
seams=$1 src=$2
schema="$src/reports/schema/analysis.schema.json"
validate="$src/tests/validate_reports.py"
django=/usr/lib/python3/dist-packages/django
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$seams" analyze "$src/tests/fixtures/small" -o "$work/small" -q --format json
"$seams" analyze "$src/examples/shopwise" -o "$work/shopwise" -q --format json
"$seams" analyze "$src/examples/shopwise" -o "$work/shopwise-module" -q --format json --level module --services 7
"$seams" analyze "$src/examples/shopwise" -o "$work/shopwise-app" -q --format json --level app
"$seams" analyze "$src/examples/shopwise" -o "$work/shopwise-flat" -q --format json --no-shared-kernel --include-tests
"$seams" analyze "$django/contrib" -o "$work/contrib" -q --format json
"$seams" analyze "$django" -o "$work/django" -q --format json

# A project with broken files: every diagnostic kind that bad input gives.
mkdir -p "$work/bad/app"
printf 'from django.db import models\nclass A(models.Model):\n    b = models.ForeignKey("nowhere.B", on_delete=models.CASCADE)\n' > "$work/bad/app/models.py"
: > "$work/bad/app/__init__.py"
printf 'def broken(:\n' > "$work/bad/app/views.py"
printf '\xff\xfe not utf-8\n' > "$work/bad/app/latin.py"
printf 'import missing_module\nfrom . import nothing_here\n' > "$work/bad/app/imports.py"
"$seams" analyze "$work/bad" -o "$work/bad-out" -q --format json

reports=$(find "$work" -name report.json | sort)
count=$(echo "$reports" | wc -l)
[ "$count" -ge 8 ] || { echo "FAIL: only $count reports"; exit 1; }
python3 "$validate" "$schema" $reports
python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["diagnostics"]; sys.exit(0 if len(d) >= 3 else 1)' "$work/bad-out/report.json" \
  || { echo "FAIL: the broken project gave too few diagnostics"; exit 1; }

# The schema is strict: each of these breaks it.
good="$work/shopwise/report.json"
mutate() {  # mutate NAME PYTHON-STATEMENT-ON-r
  python3 - "$good" "$work/$1.json" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
exec(sys.argv[3])
json.dump(r, open(sys.argv[2], "w"))
PY
  if python3 "$validate" "$schema" "$work/$1.json" > "$work/$1.out"; then
    echo "FAIL: the schema accepts a report with $1"; exit 1
  fi
}
mutate "a top-level key removed" 'del r["views"]'
mutate "an extra key in a model" 'r["models"][0]["colour"] = "red"'
mutate "a string for an integer" 'r["models"][0]["line"] = "12"'
mutate "another schema version" 'r["schema"] = "seams.analysis/2"'
mutate "an unknown coupling kind" 'r["graph"]["edges"][0]["kind"] = "friendship"'
mutate "a proposal without contexts" 'del r["contexts"]'
mutate "a NaN metric (null)" 'r["metrics"]["modularity"] = None'
mutate "a missing evidence line" 'del r["graph"]["edges"][0]["evidence"][0]["line"]'
# …and a report without any proposal is still valid (BuildAnalysisReport without clustering).
python3 - "$good" "$work/unclustered.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for k in ["proposal", "shared_kernel", "contexts", "undecided", "metrics", "cross_context", "plan"]:
    del r[k]
for n in r["graph"]["nodes"]:
    del n["context"]
json.dump(r, open(sys.argv[2], "w"))
PY
python3 "$validate" "$schema" "$work/unclustered.json" > /dev/null
echo "PASS: $count reports valid, 8 broken ones rejected"
