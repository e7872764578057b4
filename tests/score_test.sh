#!/usr/bin/env bash
# seams score: the proposal's own numbers for the proposal, the same numbers for
# the config `seams init` writes from it, an edited config scored from the saved
# report (no analysis) and compared, an independent Python recomputation of the
# partition measures, and the seams.score/1 schema.
# Usage: score_test.sh SEAMS_BINARY SOURCE_DIR SHARED_REPORTS_DIR
#   (the fixture tests/shared_reports.sh writes SHARED_REPORTS_DIR/shopwise/report.json)
set -euo pipefail
seams=$1 src=$2 shared=$3
# Debian's python3 (python3-jsonschema, python3-django), named by tests/CMakeLists.txt (SEAMS_TEST_PYTHON).
python=${SEAMS_PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
schema="$src/reports/schema/score.schema.json"
validate="$src/tests/validate_reports.py"

# The project is a copy (init writes into it) under the example's name: its
# analysis is the shared report, byte for byte.
cp -r "$src/examples/shopwise" "$work/shopwise"
proj="$work/shopwise"
report="$shared/shopwise/report.json"
[ -s "$report" ] || fail "no shared shopwise analysis in $shared (the shared_reports fixture)"

# 1. A report's proposal: cohesion, coupling and the extraction order are the proposal's own.
"$seams" score "$report" --format json -o "$work/proposal.json"
"$python" - "$report" "$work/proposal.json" <<'PY' || fail "the proposal's score differs from the proposal's numbers"
import json, sys
report, score = (json.load(open(p)) for p in sys.argv[1:3])
ctx = {c["name"]: c for c in report["contexts"]}
assert [c["name"] for c in score["contexts"]] == sorted(ctx), "contexts"
for c in score["contexts"]:
    r = ctx[c["name"]]
    assert abs(c["cohesion"] - r["cohesion"]) < 1e-12 and abs(c["coupling"] - r["coupling"]) < 1e-12, c["name"]
    assert c["internal_weight"] == r["internal_weight"] and c["external_weight"] == r["external_weight"], c["name"]
plan = [(s["context"], s["difficulty"]) for s in report["plan"]]
order = [(s["context"], s["difficulty"]) for s in score["extraction_order"]]
assert plan == order, (plan, order)
assert abs(score["metrics"]["inter_call_percentage"] - report["metrics"]["inter_call_percentage"]) < 1e-12
assert score["nodes"]["shared_kernel"] == sum(1 for n in report["graph"]["nodes"] if n["context"] == "shared_kernel")
PY

# 2. The config `seams init` writes from the same proposal scores the same.
"$seams" init "$proj" -q
"$seams" score "$proj" -q --format json -o "$work/init.json"
"$python" - "$work/proposal.json" "$work/init.json" <<'PY' || fail "the init config scores differently from its proposal"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for key in ("nodes", "metrics", "contexts", "cross_context", "extraction_order"):
    assert a[key] == b[key], key
PY

# 3. The room moves orders.Order to accounts: scored on the saved report, compared.
sed -i '0,/^  "accounts",$/s//  "accounts",\n  "orders.Order",/' "$proj/seams.toml"
grep -q '"orders.Order"' "$proj/seams.toml" || fail "could not edit the config"
"$seams" score "$proj/seams.toml" --compare "$report" --format json -o "$work/moved.json"
"$seams" score "$proj/seams.toml" --compare "$report" > "$work/moved.txt"
"$seams" score "$proj" -q --format json -o "$work/moved-analysed.json"
"$python" - "$work/moved.json" "$work/moved-analysed.json" "$report" "$proj/seams.toml" <<'PY' || fail "the move is not scored as it should be"
import json, sys, tomllib
moved, analysed, report = (json.load(open(p)) for p in sys.argv[1:4])
for key in ("nodes", "metrics", "contexts", "cross_context", "extraction_order"):
    assert moved[key] == analysed[key], "report graph vs analysis: " + key
c = moved["compare"]
assert c["moves"] == [{"node": "orders.Order", "kind": "model", "from": "orders", "to": "accounts"}], c["moves"]
m = {x["name"]: x for x in c["metrics"]}
assert m["cross_context_foreign_keys"]["after"] > m["cross_context_foreign_keys"]["before"]
assert m["modularity"]["change"] == "worse"

# An independent recomputation from the report's graph and the config's members.
graph = report["graph"]
nodes = {n["id"]: n for n in graph["nodes"]}
cfg = tomllib.load(open(sys.argv[4], "rb"))
def spec(member, n):
    if n["kind"] == "model" and member == n["id"]: return 1000
    if n["module"] == member: return 500 + len(member)
    if n["module"].startswith(member + "."): return 100 + len(member)
    return 50 if n["group"] == member else 0
assign = {}
for n in graph["nodes"]:
    best, who = 0, ""
    for ctx in cfg["context"]:
        for member in ctx["members"]:
            if spec(member, n) > best: best, who = spec(member, n), ctx["name"]
    kernel = max([spec(m, n) for m in cfg.get("shared_kernel", [])] + [0])
    assign[n["id"]] = "shared_kernel" if kernel > best else who
part = lambda i: assign[i] not in ("", "shared_kernel")
edges = [e for e in graph["edges"] if part(e["from"]) and part(e["to"])]
m_total = sum(e["weight"] for e in edges)
inside, degree = {}, {}
for e in edges:
    a, b = assign[e["from"]], assign[e["to"]]
    degree[a] = degree.get(a, 0) + e["weight"]; degree[b] = degree.get(b, 0) + e["weight"]
    if a == b: inside[a] = inside.get(a, 0) + e["weight"]
q = sum(inside.get(c, 0) / m_total - (degree[c] / (2 * m_total)) ** 2 for c in degree)
assert abs(q - moved["metrics"]["modularity"]) < 1e-9, (q, moved["metrics"]["modularity"])
crossing = [e for e in edges if assign[e["from"]] != assign[e["to"]]]
icp = sum(e["weight"] for e in crossing) / m_total
assert abs(icp - moved["metrics"]["inter_call_percentage"]) < 1e-9
fks = sum(e["count"] for e in crossing if e["kind"] in ("fk", "m2m", "inherits", "inherits_abstract"))
assert fks == moved["metrics"]["cross_context_foreign_keys"], (fks, moved["metrics"])
PY
grep -q '^  orders.Order  *orders -> accounts$' "$work/moved.txt" || fail "the text lists the move"
grep -q 'cross-context foreign keys .* (+[0-9]*, worse)' "$work/moved.txt" || fail "the text says what the move cost"

# 4. The contract.
"$python" "$validate" "$schema" "$work/proposal.json" "$work/init.json" "$work/moved.json" > "$work/schema.out" \
  || { cat "$work/schema.out"; fail "score reports that do not match the schema"; }
"$python" -c 'import json,sys; r=json.load(open(sys.argv[1])); r["metrics"]["contexts"]=1.5; json.dump(r, open(sys.argv[2],"w"))' \
  "$work/moved.json" "$work/broken.json"
if "$python" "$validate" "$schema" "$work/broken.json" > /dev/null; then fail "a broken score report validated"; fi

# 5. A member that matches nothing is a config error, located.
printf '[[context]]\nname = "x"\nmembers = ["nowhere"]\n' > "$work/bad.toml"
set +e
"$seams" score "$work/bad.toml" --report "$report" 2> "$work/err"
code=$?
set -e
[ "$code" = 2 ] || fail "a member matching nothing exits $code, not 2"
grep -q "bad.toml:3: error: member-matches-nothing" "$work/err" || { cat "$work/err"; fail "the bad member is not located"; }
echo "PASS: score"
