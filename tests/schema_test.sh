#!/usr/bin/env bash
# The report contract holds: every analysis report the real binary writes
# validates against reports/schema/analysis.schema.json, and the validator
# rejects reports that break it.
# Usage: schema_test.sh SEAMS_BINARY SOURCE_DIR SHARED_REPORTS_DIR FACTS_CACHE_DIR
#   (the fixture tests/shared_reports.sh writes SHARED_REPORTS_DIR; FACTS_CACHE_DIR is the suite's)
set -euo pipefail
seams=$1 src=$2 shared=$3 cache=$4
# Debian's python3 (python3-jsonschema, python3-django), named by tests/CMakeLists.txt (SEAMS_TEST_PYTHON).
python=${SEAMS_PYTHON:-python3}
schema="$src/reports/schema/analysis.schema.json"
validate="$src/tests/validate_reports.py"
django=/usr/lib/python3/dist-packages/django
shopwise="$src/examples/shopwise"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
[ -f "$django/contrib/__init__.py" ] || fail "Django not found at $django: install python3-django"

# 1. Reports from the real binary: the commands the CLI tests run, every
#    clustering level, the flags that change the proposal's shape, Django's own
#    code, and a project of broken files (every kind of diagnostic bad input gives).
#    Shopwise's and Django's reports with the default options are the shared ones.
analyze() {  # analyze NAME ARGS...: writes $work/NAME/report.json
  local name=$1; shift
  "$seams" analyze "$@" -o "$work/$name" -q > "$work/$name.log" 2>&1 || { cat "$work/$name.log"; fail "seams analyze $*"; }
}
analyze small "$src/tests/fixtures/small"                       # all formats, as cli_test.sh does
analyze shopwise-module "$shopwise" --format json --level module --services 7
analyze shopwise-app "$shopwise" --format json --level app
analyze shopwise-flat "$shopwise" --format json --no-shared-kernel --include-tests
analyze shopwise-resolution "$shopwise" --format json --resolution 2.5 --seed 7 --consensus-runs 0 --weight fk=8
analyze contrib "$django/contrib" --format json --cache-dir "$cache"
analyze ecosystem "$src/tests/fixtures/ecosystem" --format json   # third-party bases, inferred models
"$python" -c 'import json, sys; sys.exit(sum(1 for m in json.load(open(sys.argv[1]))["models"] if m.get("inferred")) != 2)' \
  "$work/ecosystem/report.json" || fail "the ecosystem fixture should have two inferred models"

mkdir -p "$work/bad/app"
: > "$work/bad/app/__init__.py"
printf 'from django.db import models\nclass A(models.Model):\n    b = models.ForeignKey("nowhere.B", on_delete=models.CASCADE)\n' > "$work/bad/app/models.py"
printf 'def broken(:\n' > "$work/bad/app/views.py"
printf '\xff\xfe not utf-8\n' > "$work/bad/app/latin.py"
printf 'import missing_module\nfrom . import nothing_here\n' > "$work/bad/app/imports.py"
analyze bad "$work/bad" --format json
"$python" -c 'import json, sys; sys.exit(len(json.load(open(sys.argv[1]))["diagnostics"]) < 3)' "$work/bad/report.json" \
  || fail "the broken project gave fewer than 3 diagnostics"

# `seams cluster --format json` prints the same report.
mkdir -p "$work/cluster"
"$seams" cluster "$shopwise" -q --format json > "$work/cluster/report.json"

# 2. Every report.json committed under tests/ and examples/ (goldens) as well.
goldens=$(find "$src/tests" "$src/examples" -name node_modules -prune -o -name report.json -type f -print | sort)
reports=$( (find "$work" -name report.json; echo "$shared/shopwise/report.json"; echo "$shared/django/report.json") | sort)
all="$reports${goldens:+
$goldens}"
count=$(printf '%s\n' "$all" | wc -l)
[ "$count" -ge 10 ] || fail "only $count reports to validate"

# 3. The validator can fail: each broken copy of a valid report is rejected with exit 1.
# The broken copies are written by one Python process, and one validator
# process reads them with the valid reports of 1 and 2 (a Python start with
# jsonschema costs ~0.5 s: one per copy, or per set, made this test slow).
# They are copies of the small fixture's report (31 KB, with every part a
# mutation touches): a rejection is the schema's rule whatever the rest of the
# report holds, and 16 copies of shopwise's 600 KB took jsonschema 4 s.
good="$work/small/report.json"
mutations="$work/mutations.tsv"
: > "$mutations"
mutate() {  # mutate NAME PYTHON-STATEMENTS-ON-r [EXPECTED-TEXT]
  printf '%s\t%s\t%s\n' "$1" "$2" "${3:-}" >> "$mutations"
}
mutate "a top-level key removed" 'del r["views"]' "'views' is a required property"
mutate "an extra key in a model" 'r["models"][0]["colour"] = "red"' '$.models[0]'
mutate "an inferred mark set to false" 'r["models"][0]["inferred"] = False; r["models"][0]["inferred_from"] = "x.Y"' '$.models[0].inferred'
mutate "an inferred model without its base" 'r["models"][0]["inferred"] = True' "'inferred_from' is a dependency of 'inferred'"
mutate "a string for an integer" 'r["models"][0]["line"] = "12"' "\$.models[0].line: '12' is not of type 'integer'"
mutate "another schema version" 'r["schema"] = "seams.analysis/1"' "refused"
mutate "a double for an integer" 'r["graph"]["edges"][0]["count"] = 3.0' "is not of type 'integer'"
mutate "an unknown coupling kind" 'r["graph"]["edges"][0]["kind"] = "friendship"' '$.graph.edges[0].kind'
mutate "a NaN metric (written as null)" 'r["metrics"]["modularity"] = None' '$.metrics.modularity'
mutate "an evidence without its line" 'del r["graph"]["edges"][0]["evidence"][0]["line"]' "'line' is a required property"
mutate "an unknown severity" 'r["diagnostics"].append({"code": "x", "severity": "fatal", "path": "", "line": 0, "column": 0, "message": "m"})' '$.diagnostics'
mutate "half a proposal (no contexts)" 'del r["contexts"]' "'contexts' is a dependency of"
mutate "a node without its context" 'del r["graph"]["nodes"][0]["context"]' "'context' is a required property"
mutate "a node context without a proposal" \
  'for k in ["proposal", "shared_kernel", "contexts", "undecided", "metrics", "cross_context", "plan"]: del r[k]' \
  "False schema does not allow"
mutate "an app member at model level" 'r["contexts"][0]["members"][0]["kind"] = "app"' '$.contexts[0].members[0].kind'
mutate "a NaN in the text" 'r["plan"][0]["difficulty"] = float("nan")' "NaN is not JSON"
# …and shopwise's report without any proposal (a library caller that does not cluster) is valid.
"$python" - "$good" "$mutations" "$work/broken" "$shared/shopwise/report.json" "$work/unclustered.json" <<'PY'
import copy, json, os, sys
good = json.load(open(sys.argv[1]))
os.makedirs(sys.argv[3])
for i, line in enumerate(open(sys.argv[2])):
    name, code, expect = line.rstrip("\n").split("\t")
    r = copy.deepcopy(good)
    exec(code)
    json.dump(r, open(os.path.join(sys.argv[3], f"{i:02d}.json"), "w"))
r = json.load(open(sys.argv[4]))
for k in ["proposal", "shared_kernel", "contexts", "undecided", "metrics", "cross_context", "plan"]:
    del r[k]
for n in r["graph"]["nodes"]:
    del n["context"]
json.dump(r, open(sys.argv[5], "w"))
PY
broken=$(find "$work/broken" -name '*.json' | sort)
valid="$all
$work/unclustered.json"
rc=0
# shellcheck disable=SC2086  # paths have no spaces: mktemp and the source tree
"$python" "$validate" "$schema" $valid $broken > "$work/validate.out" 2> "$work/validate.err" || rc=$?
shown() { cat "$work/validate.out" "$work/validate.err"; }
[ "$rc" = 1 ] || { shown; fail "the valid and the broken reports: exit $rc, expected 1 (the broken ones)"; }
# The validator prints `REPORT: …` for each failure, then "V of N reports valid against …".
failed=$(sed '$d' "$work/validate.out" | cut -d: -f1 | sort -u)
refused=$(comm -12 <(printf '%s\n' "$failed") <(printf '%s\n' "$valid" | sort))
if [ -n "$refused" ]; then
  shown
  [ "$refused" = "$work/unclustered.json" ] && fail "a report without a proposal is refused"
  fail "reports that do not match the schema (above)"
fi
rejects=0
while IFS=$'\t' read -r index name expect; do
  file="$work/broken/$index.json"
  grep -qF -- "$file: " "$work/validate.out" || { shown; fail "a report with $name was accepted"; }
  if [ -n "$expect" ] && ! grep -F -- "$file: " "$work/validate.out" | grep -qF -- "$expect"; then
    shown; fail "a report with $name: the message does not say '$expect'"
  fi
  rejects=$((rejects + 1))
done < <(awk -F'\t' '{ printf "%02d\t%s\t%s\n", NR - 1, $1, $3 }' "$mutations")
[ "$rejects" -ge 16 ] || fail "only $rejects broken reports checked"
# …and no report counted twice or left out.
nvalid=$(printf '%s\n' "$valid" | wc -l)
nbroken=$(printf '%s\n' "$broken" | wc -l)
summary=$(tail -n 1 "$work/validate.out")
[ "$summary" = "$nvalid of $((nvalid + nbroken)) reports valid against seams.analysis/3" ] \
  || { shown; fail "expected $nvalid of $((nvalid + nbroken)) reports valid; the validator says: $summary"; }

echo "PASS: $count reports valid ($(printf '%s\n' "$goldens" | grep -c . || true) committed), $rejects broken ones rejected"
