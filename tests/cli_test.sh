#!/usr/bin/env bash
# CLI behaviour through the real executable: exit codes, outputs, DOT accepted by Graphviz.
# Usage: cli_test.sh SEAMS_BINARY SOURCE_DIR
set -u
seams="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
passes=0

check() {  # check NAME EXPECTED_EXIT ACTUAL_EXIT
  if [ "$2" = "$3" ]; then passes=$((passes + 1)); else echo "FAIL: $1: expected exit $2, got $3"; failures=$((failures + 1)); fi
}
assert() {  # assert NAME CONDITION...
  local name="$1"; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $name"; failures=$((failures + 1)); fi
}

fixture="$src/tests/fixtures/small"

"$seams" graph "$fixture" --format json -o "$work/m.json" 2>"$work/err"
check "graph json" 0 $?
assert "report has schema" grep -q '"schema": "seams.graph/1"' "$work/m.json"
assert "summary on stderr" grep -q '^seams: 19 files, 19 parsed, 0 skipped' "$work/err"
assert "syntax error reported with path:line:col" grep -q '^core/legacy.py:1:12: warning: syntax-error: ' "$work/err"

"$seams" graph "$fixture" --level app --format dot > "$work/a.dot" 2>/dev/null
check "graph dot to stdout" 0 $?
"$seams" graph "$fixture" --level module --format dot -o "$work/m.dot" -q
check "graph module dot" 0 $?
if command -v dot >/dev/null; then
  dot -Tsvg "$work/a.dot" -o "$work/a.svg"; check "dot accepts app graph" 0 $?
  dot -Tsvg "$work/m.dot" -o "$work/m.svg"; check "dot accepts module graph" 0 $?
else
  echo "FAIL: graphviz 'dot' is not installed"; failures=$((failures + 1))
fi

"$seams" graph "$work/does-not-exist" 2>"$work/err"
check "missing path exits 3" 3 $?
assert "missing path message" grep -q "^seams: error: $work/does-not-exist: no such file or directory" "$work/err"

"$seams" graph "$work/m.json" 2>"$work/err"
check "a file as PATH exits 3" 3 $?
assert "not a directory message" grep -q "not a directory" "$work/err"

"$seams" graph "$fixture" --level galaxy 2>/dev/null
check "bad --level exits 2" 2 $?
"$seams" 2>/dev/null
check "no subcommand exits 2" 2 $?
"$seams" graph --help >"$work/help"
check "help exits 0" 0 $?
assert "help shows an example" grep -q "Example:" "$work/help"

# Bad input on disk: a 50 MB file, NUL bytes, non-UTF-8, BOM, empty file, an unreadable file.
bad="$work/bad"
mkdir -p "$bad/pkg"
: > "$bad/pkg/__init__.py"
: > "$bad/pkg/empty.py"
head -c 52428800 /dev/zero | tr '\0' '#' > "$bad/pkg/huge.py"
printf 'import os\nx = 1\0\n' > "$bad/pkg/nul.py"
printf 'import pkg.empty\ns = "caf\xe9"\n' > "$bad/pkg/latin.py"
printf '\xef\xbb\xbfimport pkg.nul\n' > "$bad/pkg/bom.py"
ln -s self.py "$bad/pkg/self.py"
"$seams" graph "$bad" -o "$work/bad.json" 2>"$work/err"
check "bad input still exits 0" 0 $?
assert "huge file reported" grep -q '^pkg/huge.py: warning: file-too-large: file is 52428800 bytes' "$work/err"
assert "NUL reported" grep -q '^pkg/nul.py:2: warning: nul-byte' "$work/err"
assert "non-UTF-8 reported" grep -q '^pkg/latin.py:2: warning: invalid-utf8' "$work/err"
assert "symlink loop reported" grep -q '^pkg/self.py: warning: unreadable-file: broken or looping symlink' "$work/err"
assert "bom file imports resolve" grep -q '"import": "import pkg.nul"' "$work/bad.json"

# analyze writes every report into its folder.
"$seams" analyze "$fixture" -o "$work/out" -q
check "analyze" 0 $?
for f in graph/modules.json graph/modules.dot graph/apps.json apps.dot apps.mmd report.md; do assert "analyze wrote $f" test -s "$work/out/$f"; done

# cluster prints the proposal; a bad --weight is a usage error.
"$seams" cluster "$src/examples/shopwise" -q > "$work/cluster.txt"
check "cluster" 0 $?
assert "cluster table" grep -q "^Proposed contexts for shopwise" "$work/cluster.txt"
assert "cluster shared kernel" grep -q "^Shared kernel" "$work/cluster.txt"
assert "cluster plan" grep -q "^Extraction order" "$work/cluster.txt"
"$seams" cluster "$src/examples/shopwise" --weight bogus=1 2>"$work/err"
check "bad --weight exits 2" 2 $?
assert "bad --weight message" grep -q "^seams: error: --weight bogus=1: expected KIND=VALUE" "$work/err"
"$seams" analyze "$src/examples/shopwise" -o "$work/sw" -q
check "analyze shopwise" 0 $?
for f in report.json contexts.dot models.dot; do assert "analyze wrote $f" test -s "$work/sw/$f"; done
if command -v dot >/dev/null; then
  dot -Tsvg "$work/sw/contexts.dot" -o "$work/contexts.svg"; check "dot accepts contexts.dot" 0 $?
  dot -Tsvg "$work/sw/models.dot" -o "$work/models.svg"; check "dot accepts models.dot" 0 $?
fi

# diagram and explain redraw from a saved report; svg/png go through Graphviz.
"$seams" analyze "$src/examples/shopwise" -o "$work/views" -q --format json
check "analyze --format json" 0 $?
assert "--format json writes no DOT" test ! -e "$work/views/contexts.dot"
assert "--format json writes the graphs" test -s "$work/views/graph/models.json"
rep="$work/views/report.json"
for v in contexts apps models; do
  "$seams" diagram "$rep" --view "$v" --format mermaid -o "$work/$v.mmd"; check "diagram $v mermaid" 0 $?
  cmp -s "$work/$v.mmd" "$src/tests/golden/shopwise/$v.mmd"; check "diagram $v from the saved report = golden" 0 $?
done
"$seams" diagram "$rep" --view context --context orders > "$work/orders.dot"
check "diagram context to stdout" 0 $?
cmp -s "$work/orders.dot" "$src/tests/golden/shopwise/context-orders.dot"; check "context view = golden" 0 $?
"$seams" diagram "$rep" --view context 2>"$work/err"
check "context view without --context exits 2" 2 $?
assert "context view message" grep -q "needs --context NAME" "$work/err"
"$seams" diagram "$work/m.json" 2>"$work/err"
check "a graph report is refused" 2 $?
assert "graph report message" grep -q "a seams.graph/1 report, not an analysis report" "$work/err"
"$seams" diagram "$work/missing.json" 2>"$work/err"
check "a missing report exits 3" 3 $?
PATH=/nonexistent "$seams" diagram "$rep" --format svg -o "$work/x.svg" 2>"$work/err"
check "svg without Graphviz exits 2" 2 $?
assert "svg without Graphviz message" grep -q "needs Graphviz's \`dot\` on PATH" "$work/err"
if command -v dot >/dev/null; then
  "$seams" diagram "$rep" --view apps --format svg -o "$work/apps.svg"; check "diagram svg" 0 $?
  assert "svg written" grep -q "<svg" "$work/apps.svg"
  "$seams" diagram "$rep" --view models --cross-only --format png -o "$work/cross.png"; check "diagram png" 0 $?
  assert "png written" test "$(head -c 4 "$work/cross.png" | tail -c 3)" = "PNG"
  for f in "$work"/sw/*.dot "$work"/sw/contexts/*.dot "$work"/sw/graph/*.dot "$src"/tests/golden/shopwise/*.dot; do
    dot -Tsvg "$f" -o /dev/null 2>"$work/err"; check "dot accepts ${f#$work/}" 0 $?
    assert "dot is silent on ${f#$work/}" test ! -s "$work/err"
  done
fi
"$seams" explain "$rep" orders payments > "$work/explain.txt"
check "explain from a report" 0 $?
cmp -s "$work/explain.txt" "$src/tests/golden/shopwise/explain-orders-payments.txt"; check "explain = golden" 0 $?
"$seams" explain "$src/examples/shopwise" orders payments -q > "$work/explain2.txt"
check "explain from the project" 0 $?
cmp -s "$work/explain.txt" "$work/explain2.txt"; check "explain: project and report agree" 0 $?
"$seams" explain "$rep" payments --format json > "$work/explain.json"
check "explain one thing as json" 0 $?
assert "explain json schema" grep -q '"schema": "seams.explain/1"' "$work/explain.json"
"$seams" explain "$rep" orders payments --format json > "$work/explain2.json"
python3 "$src/tests/validate_reports.py" "$src/reports/schema/explain.schema.json" "$work/explain.json" "$work/explain2.json" > "$work/explain-schema.out"
check "explain json validates against its schema" 0 $?
"$seams" explain "$rep" nowhere 2>"$work/err"
check "explain an unknown name exits 2" 2 $?
for cmd in analyze check cluster diagram explain graph init score; do
  "$seams" "$cmd" --help > "$work/help.txt"
  assert "$cmd --help shows an example" grep -q "seams $cmd " "$work/help.txt"
done

# init writes a config once; a broken config is exit 2 with file:line.
mkdir -p "$work/proj" && cp -r "$src/examples/shopwise/." "$work/proj/"
"$seams" init "$work/proj" -q
check "init" 0 $?
assert "init wrote contexts" grep -q '^\[\[context\]\]' "$work/proj/seams.toml"
"$seams" init "$work/proj" -q 2>"$work/err"
check "init refuses to overwrite" 2 $?
printf 'colour = 1\n' > "$work/bad.toml"
"$seams" cluster "$work/proj" --config "$work/bad.toml" -q 2>"$work/err"
check "bad config exits 2" 2 $?
assert "bad config located" grep -q "bad.toml:1:1: error: unknown key 'colour'" "$work/err"
assert "bad config: exactly one error: on stderr" test "$(grep -o 'error:' "$work/err" | wc -l)" = 1

# check: the init config on the example fails on nothing new once baselined.
cd "$work/proj" && git init -q && git -c user.email=t@t -c user.name=t add -A && git -c user.email=t@t -c user.name=t commit -q -m base && cd - >/dev/null
"$seams" check "$work/proj" > "$work/check.txt" 2>&1
code=$?
assert "check runs (0 or 1)" test "$code" -le 1
"$seams" check "$work/proj" --write-baseline "$work/proj/.seams-baseline.json" -q
check "write baseline" 0 $?
"$seams" check "$work/proj" --baseline "$work/proj/.seams-baseline.json" > "$work/check.txt"
check "check against its own baseline" 0 $?
assert "check summary line" grep -q "^seams: 0 errors" "$work/check.txt"
printf 'from payments.models import Payment\n' >> "$work/proj/catalog/views.py"
"$seams" check "$work/proj" --baseline "$work/proj/.seams-baseline.json" > "$work/check.txt"
check "a new cross-context import fails" 1 $?
assert "the new violation is located" grep -q "^catalog/views.py:[0-9]*:1: error: cross-context-import" "$work/check.txt"
"$seams" check "$work/proj" --base HEAD > "$work/check-base.txt"
check "--base HEAD sees the new import" 1 $?
for format in github sarif junit json; do
  "$seams" check "$work/proj" --baseline "$work/proj/.seams-baseline.json" --format $format -o "$work/check.$format"
  check "check --format $format" 1 $?
done
assert "github annotation" grep -q "^::error file=catalog/views.py,line=" "$work/check.github"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['version']=='2.1.0' and d['runs'][0]['results']" "$work/check.sarif"
check "sarif is SARIF 2.1.0 with results" 0 $?
python3 -c "import sys,xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])" "$work/check.junit"
check "junit is well-formed XML" 0 $?
"$seams" check "$src/tests/fixtures/small" 2>"$work/err"
check "check without a config exits 2" 2 $?
assert "no config message" grep -q "no seams.toml or pyproject.toml with \[tool.seams\]" "$work/err"

# root = "src" in the config moves the analysis below it.
mkdir -p "$work/rooted" && cp -r "$src/examples/shopwise" "$work/rooted/src"
printf 'root = "src"\n[[context]]\nname = "catalog"\nmembers = ["catalog"]\n[[context]]\nname = "rest"\nmembers = ["**"]\n[rules]\nunassigned = "off"\ncross-context-fk = "off"\n' > "$work/rooted/seams.toml"
"$seams" check "$work/rooted" --no-cache > "$work/rooted.txt"
check "check with root = src finds the catalog imports" 1 $?
assert "modules named from src" grep -q "cross-context-import: catalog\.\|imports catalog\." "$work/rooted.txt"

# Every analysis report this script wrote validates against the schema.
reports=$(find "$work" -name report.json | sort)
python3 "$src/tests/validate_reports.py" "$src/reports/schema/analysis.schema.json" $reports > "$work/schema.out"
check "the $(echo "$reports" | wc -l) reports written here validate against the schema" 0 $?

echo "$passes passed, $failures failed"
[ "$failures" = 0 ]
