#!/usr/bin/env bash
# bench/gen_monorepo.py at a small size: the same seed writes the same bytes,
# `seams analyze` finds exactly the apps, models, relations and Celery tasks the
# generator wrote (its ground_truth.json), and `seams check` against the
# generated seams.toml reports exactly the planted cross-domain imports as errors.
# Usage: gen_monorepo_test.sh SEAMS_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
seams=$1 src=$2 work=$3
# Debian's python3 (python3-jsonschema, python3-django), named by tests/CMakeLists.txt (SEAMS_TEST_PYTHON).
python=${SEAMS_PYTHON:-python3}
rm -rf "$work" && mkdir -p "$work"
gen="$src/bench/gen_monorepo.py"

"$python" "$gen" "$work/estate" --lines 40000 --seed 1 --legacy 0.5 > "$work/gen.out"
"$python" "$gen" "$work/again" --lines 40000 --seed 1 --legacy 0.5 > /dev/null
diff -r "$work/estate" "$work/again" > /dev/null || { echo "FAIL: the same seed wrote different files"; exit 1; }
written=$(awk '{print $1}' "$work/gen.out")
counted=$(find "$work/estate" -type f -exec cat {} + | wc -l)
[ "$written" = "$counted" ] || { echo "FAIL: printed $written lines, wrote $counted"; exit 1; }
[ "$written" -ge 40000 ] && [ "$written" -lt 46000 ] || { echo "FAIL: asked for 40000 lines, wrote $written"; exit 1; }

# check reads the facts analyze wrote to a cache outside the estate: its files are parsed once.
"$seams" analyze "$work/estate" --format json --cache-dir "$work/facts-cache" -q -o "$work/out"
set +e
"$seams" check "$work/estate" --cache-dir "$work/facts-cache" --format json -q -o "$work/check.json"
rc=$?
set -e

"$python" - "$work/estate/ground_truth.json" "$work/out/report.json" "$work/check.json" "$rc" <<'PY'
import json
import sys

truth = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
check = json.load(open(sys.argv[3]))
rc = int(sys.argv[4])
failures = []


def same(what, expected, found):
    expected, found = set(expected), set(found)
    if expected != found:
        failures.append(f"{what}: missing {sorted(expected - found)[:5]}, unexpected {sorted(found - expected)[:5]}")


same("apps", list(truth["apps"]) + ["core"], [a["label"] for a in report["apps"]])
same("concrete models", truth["models"],
     [m["key"] for m in report["models"] if not m["abstract"] and not m["key"].startswith("core.")])
same("relations", truth["relations"],
     [f'{r["from"]}.{r["field"]} -> {r["to"]}' for r in report["relations"] if not r.get("inherited_from")])
same("tasks", truth["tasks"], [t["task"] for t in report["tasks"]["tasks"]])
errors = [v for v in check["violations"] if v["severity"] == "error"]
same("check errors", truth["violations"], [f'{v["from"]} -> {v["to"]}' for v in errors])
if any(v["rule"] != "cross-context-import" for v in errors):
    failures.append("check errors other than cross-context-import: " + str({v["rule"] for v in errors}))
if not truth["violations"]:
    failures.append("the generator planted no violation: the check part tests nothing")
if rc != 1:
    failures.append(f"seams check exited {rc}, expected 1 (new errors)")
if len(truth["domains"]) < 3 or len(truth["apps"]) < 10:
    failures.append(f"too small to test: {len(truth['domains'])} domains, {len(truth['apps'])} apps")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
PY
echo "ok: $(cat "$work/gen.out")"
