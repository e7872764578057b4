#!/usr/bin/env bash
# CLI behaviour through the real executable, one scenario per ctest entry
# (tests/CMakeLists.txt lists them): exit codes (each the one right code), outputs,
# DOT accepted by Graphviz, the error paths.
# Usage: cli_test.sh SEAMS_BINARY SOURCE_DIR SCENARIO [SHARED_REPORTS_DIR]
#   (the fixture tests/shared_reports.sh writes SHARED_REPORTS_DIR: `seams analyze
#   examples/shopwise` with the default formats, which analyze_outputs, diagram and explain read)
set -u
seams="$1"
src="$2"
scenario="$3"
shared="${4:-}"
# Debian's python3 (python3-jsonschema, python3-django), named by tests/CMakeLists.txt (SEAMS_TEST_PYTHON).
python=${SEAMS_PYTHON:-python3}
work="$(mktemp -d)"
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
passes=0

check() {  # check NAME EXPECTED_EXIT ACTUAL_EXIT
  if [ "$2" = "$3" ]; then passes=$((passes + 1)); else echo "FAIL: $1: expected exit $2, got $3"; failures=$((failures + 1)); fi
}
assert() {  # assert NAME CONDITION...
  local name="$1"; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
need_dot() {
  command -v dot >/dev/null || { echo "FAIL: graphviz 'dot' is not installed"; failures=$((failures + 1)); return 1; }
}
# Every analysis report written under $work validates against the schema.
validate_reports() {
  local reports
  reports=$(find "$work" -name report.json | sort)
  "$python" "$src/tests/validate_reports.py" "$src/reports/schema/analysis.schema.json" $reports > "$work/schema.out"
  check "the $(echo "$reports" | wc -l) reports written here validate against the schema" 0 $?
}
# A copy of shopwise with `seams init`'s config, committed in a fresh git repository.
init_project() {
  mkdir -p "$work/proj" && cp -r "$src/examples/shopwise/." "$work/proj/"
  "$seams" init "$work/proj" -q
  check "init" 0 $?
  (cd "$work/proj" && git init -q && git -c user.email=t@t -c user.name=t add -A &&
    git -c user.email=t@t -c user.name=t commit -q -m base)
}

fixture="$src/tests/fixtures/small"
# The shared analysis of shopwise (default formats), written by the fixture.
shared_shopwise() {
  if [ -n "$shared" ] && [ -s "$shared/shopwise/report.json" ]; then return 0; fi
  echo "FAIL: no shared shopwise analysis in '$shared' (the shared_reports fixture)"; failures=$((failures + 1)); return 1
}

scenario_graph_outputs() {
  "$seams" graph "$fixture" --format json -o "$work/m.json" 2>"$work/err"
  check "graph json" 0 $?
  assert "report has schema" grep -q '"schema": "seams.graph/1"' "$work/m.json"
  assert "summary on stderr" grep -q '^seams: 19 files, 19 parsed, 0 skipped' "$work/err"
  assert "syntax error reported with path:line:col" grep -q '^core/legacy.py:1:12: warning: syntax-error: ' "$work/err"
  "$seams" graph "$fixture" --level app --format dot > "$work/a.dot" 2>/dev/null
  check "graph dot to stdout" 0 $?
  "$seams" graph "$fixture" --level module --format dot -o "$work/m.dot" -q
  check "graph module dot" 0 $?
  if need_dot; then
    dot -Tsvg "$work/a.dot" -o "$work/a.svg"; check "dot accepts app graph" 0 $?
    dot -Tsvg "$work/m.dot" -o "$work/m.svg"; check "dot accepts module graph" 0 $?
  fi
}

scenario_missing_path() {
  "$seams" graph "$work/does-not-exist" 2>"$work/err"
  check "missing path exits 3" 3 $?
  assert "missing path message" grep -q "^seams: error: $work/does-not-exist: no such file or directory" "$work/err"
  printf '{}' > "$work/m.json"
  "$seams" graph "$work/m.json" 2>"$work/err"
  check "a file as PATH exits 3" 3 $?
  assert "not a directory message" grep -q "not a directory" "$work/err"
}

scenario_usage_errors() {
  "$seams" graph "$fixture" --level galaxy 2>/dev/null
  check "bad --level exits 2" 2 $?
  "$seams" 2>/dev/null
  check "no subcommand exits 2" 2 $?
  "$seams" graph --help >"$work/help"
  check "help exits 0" 0 $?
  assert "help shows an example" grep -q "Example:" "$work/help"
  for cmd in analyze check cluster diagram explain graph init score; do
    "$seams" "$cmd" --help > "$work/help.txt"
    check "$cmd --help" 0 $?
    assert "$cmd --help shows an example" grep -q "seams $cmd " "$work/help.txt"
  done
  "$seams" cluster --help > "$work/help.txt"
  assert "--help shows the library's defaults" grep -q -- "--seed UINT=1 " "$work/help.txt"
}

# Bad input on disk: a 50 MB file, NUL bytes, non-UTF-8, BOM, empty file, a symlink loop.
scenario_bad_input() {
  local bad="$work/bad"
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
}

# analyze writes every report into its folder.
scenario_analyze_outputs() {
  "$seams" analyze "$fixture" -o "$work/out" -q
  check "analyze" 0 $?
  for f in graph/modules.json graph/modules.dot graph/apps.json apps.dot apps.mmd report.md; do
    assert "analyze wrote $f" test -s "$work/out/$f"
  done
  # `seams analyze examples/shopwise -o sw` is the shared analysis.
  shared_shopwise || return
  local sw="$shared/shopwise"
  for f in report.json contexts.dot models.dot; do assert "analyze wrote $f" test -s "$sw/$f"; done
  if need_dot; then
    for f in "$sw"/*.dot "$sw"/contexts/*.dot "$sw"/graph/*.dot "$src"/tests/golden/shopwise/*.dot; do
      dot -Tsvg "$f" -o /dev/null 2>"$work/err"; check "dot accepts ${f#$shared/}" 0 $?
      assert "dot is silent on ${f#$shared/}" test ! -s "$work/err"
    done
  fi
  "$seams" analyze "$src/examples/shopwise" -o "$work/views" -q --format json
  check "analyze --format json" 0 $?
  assert "--format json writes no DOT" test ! -e "$work/views/contexts.dot"
  assert "--format json writes the graphs" test -s "$work/views/graph/models.json"
  validate_reports
}

# An output folder that cannot be written (-o under a regular file) is an input error.
scenario_output_not_writable() {
  printf 'x' > "$work/file"
  "$seams" analyze "$src/examples/shopwise" -o "$work/file/out" -q 2>"$work/err"
  check "analyze -o under a regular file exits 3" 3 $?
  assert "write failure names the file" grep -q "^seams: error: cannot write $work/file/out/" "$work/err"
  "$seams" graph "$fixture" -o "$work/file/m.json" -q 2>"$work/err"
  check "graph -o under a regular file exits 3" 3 $?
  assert "graph write failure message" grep -q "^seams: error: cannot write $work/file/m.json" "$work/err"
}

# cluster prints the proposal; a bad --weight is a usage error.
scenario_cluster() {
  "$seams" cluster "$src/examples/shopwise" -q > "$work/cluster.txt"
  check "cluster" 0 $?
  assert "cluster table" grep -q "^Proposed contexts for shopwise" "$work/cluster.txt"
  assert "cluster shared kernel" grep -q "^Shared kernel" "$work/cluster.txt"
  assert "cluster plan" grep -q "^Extraction order" "$work/cluster.txt"
  "$seams" cluster "$src/examples/shopwise" --weight bogus=1 2>"$work/err"
  check "bad --weight exits 2" 2 $?
  assert "bad --weight message" grep -q "^seams: error: --weight bogus=1: expected KIND=VALUE" "$work/err"
}

# The command line beats the config, which beats the defaults (lib/analysis_options.h).
scenario_weight_precedence() {
  mkdir -p "$work/p" && cp -r "$src/examples/shopwise/." "$work/p/"
  printf '[weights]\nfk = 7\n' > "$work/p/seams.toml"
  fk_weights() {  # the distinct weights of fk edges in report.json's coupling graph
    "$python" -c "import json,sys; d=json.load(open(sys.argv[1])); print(sorted({e['weight'] for e in d['graph']['edges'] if e['kind']=='fk'}))" "$1"
  }
  "$seams" analyze "$work/p" -o "$work/flag" -q --format json --weight fk=100
  check "analyze with config and --weight" 0 $?
  assert "--weight fk=100 beats [weights] fk = 7" test "$(fk_weights "$work/flag/report.json")" = "[100.0]"
  "$seams" analyze "$work/p" -o "$work/config" -q --format json
  check "analyze with config" 0 $?
  assert "[weights] fk = 7 beats the default" test "$(fk_weights "$work/config/report.json")" = "[7.0]"
  rm "$work/p/seams.toml"
  "$seams" analyze "$work/p" -o "$work/default" -q --format json
  check "analyze without config" 0 $?
  assert "the table's default fk weight" test "$(fk_weights "$work/default/report.json")" = "[5.0]"
}

# diagram redraws from a saved report; svg/png go through Graphviz.
scenario_diagram() {
  shared_shopwise || return
  local rep="$shared/shopwise/report.json"
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
  "$seams" graph "$fixture" --format json -o "$work/m.json" -q
  "$seams" diagram "$work/m.json" 2>"$work/err"
  check "a graph report is refused" 2 $?
  assert "graph report message" grep -q "a seams.graph/1 report, not an analysis report" "$work/err"
  "$seams" diagram "$work/missing.json" 2>"$work/err"
  check "a missing report exits 3" 3 $?
  PATH=/nonexistent "$seams" diagram "$rep" --format svg -o "$work/x.svg" 2>"$work/err"
  check "svg without Graphviz exits 2" 2 $?
  assert "svg without Graphviz message" grep -q "needs Graphviz's \`dot\` on PATH" "$work/err"
  if need_dot; then
    "$seams" diagram "$rep" --view apps --format svg -o "$work/apps.svg"; check "diagram svg" 0 $?
    assert "svg written" grep -q "<svg" "$work/apps.svg"
    "$seams" diagram "$rep" --view models --cross-only --format png -o "$work/cross.png"; check "diagram png" 0 $?
    assert "png written" test "$(head -c 4 "$work/cross.png" | tail -c 3)" = "PNG"
  fi
}

scenario_explain() {
  shared_shopwise || return
  local rep="$shared/shopwise/report.json"
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
  check "explain two things as json" 0 $?
  "$python" "$src/tests/validate_reports.py" "$src/reports/schema/explain.schema.json" "$work/explain.json" "$work/explain2.json" > "$work/explain-schema.out"
  check "explain json validates against its schema" 0 $?
  "$seams" explain "$rep" nowhere 2>"$work/err"
  check "explain an unknown name exits 2" 2 $?
}

# init writes a config once; a broken config is exit 2 with file:line:col and one "error:".
scenario_init_and_bad_config() {
  init_project
  assert "init wrote contexts" grep -q '^\[\[context\]\]' "$work/proj/seams.toml"
  "$seams" init "$work/proj" -q 2>"$work/err"
  check "init refuses to overwrite" 2 $?
  printf 'colour = 1\n' > "$work/bad.toml"
  "$seams" cluster "$work/proj" --config "$work/bad.toml" -q 2>"$work/err"
  check "bad config exits 2" 2 $?
  assert "bad config located" grep -q "^$work/bad.toml:1:1: error: unknown key 'colour'" "$work/err"
  assert "bad config: exactly one error: on stderr" test "$(grep -o 'error:' "$work/err" | wc -l)" = 1
  "$seams" check "$work/proj" --config "$work/bad.toml" -q 2>"$work/err"
  check "check with a bad config exits 2" 2 $?
  assert "check: exactly one error: on stderr" test "$(grep -o 'error:' "$work/err" | wc -l)" = 1
}

# An unreadable config is a config error (exit 2), named.
scenario_unreadable_config() {
  init_project
  chmod 000 "$work/proj/seams.toml"
  if cat "$work/proj/seams.toml" >/dev/null 2>&1; then
    echo "note: running as root, the file stays readable; testing a missing --config instead"
    "$seams" check "$work/proj" --config "$work/absent.toml" -q 2>"$work/err"
    check "a missing --config exits 2" 2 $?
    assert "missing config named" grep -q "^$work/absent.toml: error: cannot read" "$work/err"
    return
  fi
  "$seams" check "$work/proj" -q 2>"$work/err"
  check "an unreadable config exits 2" 2 $?
  assert "unreadable config named" grep -q "^$work/proj/seams.toml: error: cannot read" "$work/err"
  assert "one error: on stderr" test "$(grep -o 'error:' "$work/err" | wc -l)" = 1
}

# check: the init config on the example has violations (exit 1); baselined, none is new.
scenario_check_baseline() {
  init_project
  "$seams" check "$work/proj" > "$work/check.txt" 2>&1
  check "check on the init config finds today's cross-context imports" 1 $?
  assert "init's depends_on has no cycle" test -z "$(grep context-cycle "$work/check.txt")"
  assert "the cut seams are comments" grep -q "^# seam to cut: [a-z_]* -> [a-z_]* ([0-9]* import coupling" "$work/proj/seams.toml"
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
  assert "--base HEAD: only the new import is an error" grep -q "^seams: 1 error" "$work/check-base.txt"
  for format in github sarif junit json; do
    "$seams" check "$work/proj" --baseline "$work/proj/.seams-baseline.json" --format $format -o "$work/check.$format"
    check "check --format $format" 1 $?
  done
  assert "github annotation" grep -q "^::error file=catalog/views.py,line=" "$work/check.github"
  "$python" -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['version']=='2.1.0' and d['runs'][0]['results']" "$work/check.sarif"
  check "sarif is SARIF 2.1.0 with results" 0 $?
  "$python" -c "import sys,xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])" "$work/check.junit"
  check "junit is well-formed XML" 0 $?
}

# The check result cache: a second check of an unchanged tree answers from it,
# byte for byte; any change to a file or the config, or a damaged entry, is a miss.
scenario_check_result_cache() {
  init_project
  local results="$work/proj/.seams-cache/results"
  "$seams" check "$work/proj" --format json -o "$work/cold.json"
  check "cold check" 1 $?
  # The report by the files' bytes, the same by their facts (the early cutoff) and by their
  # shapes (the shape cutoff, with the files' digests), and the facts manifest.
  assert "one result cached, by bytes, facts and shapes, and the manifest" test "$(ls "$results" | wc -l)" = 4
  "$seams" check "$work/proj" --format json -o "$work/warm.json"
  check "warm check: the same exit code" 1 $?
  assert "warm check: the same bytes" cmp -s "$work/cold.json" "$work/warm.json"
  "$seams" check "$work/proj" > "$work/warm.txt"
  "$seams" check "$work/proj" --no-cache > "$work/nocache.txt"
  assert "another format renders the same cached report as a run without cache" cmp -s "$work/warm.txt" "$work/nocache.txt"
  assert "output flags share the entries" test "$(ls "$results" | wc -l)" = 4
  local entry
  for entry in "$results"/*; do printf 'X' | dd of="$entry" bs=1 seek=80 conv=notrunc 2>/dev/null; done
  "$seams" check "$work/proj" --format json -o "$work/flipped.json"
  check "a flipped byte in every entry: still exit 1" 1 $?
  assert "a flipped byte in every entry is a miss, not a wrong answer" cmp -s "$work/cold.json" "$work/flipped.json"
  for entry in "$results"/*; do truncate -s 20 "$entry"; done
  "$seams" check "$work/proj" --format json -o "$work/truncated.json"
  assert "truncated entries are misses" cmp -s "$work/cold.json" "$work/truncated.json"
  printf 'from payments.models import Payment\n' >> "$work/proj/catalog/views.py"
  "$seams" check "$work/proj" --format json -o "$work/changed.json"
  "$seams" check "$work/proj" --format json --no-cache -o "$work/changed-nocache.json"
  assert "a changed file changes the answer" test -n "$(cmp "$work/cold.json" "$work/changed.json" 2>&1)"
  assert "a changed file: the answer of a run without cache" cmp -s "$work/changed.json" "$work/changed-nocache.json"
  mv "$work/proj/catalog/views.py" "$work/proj/catalog/views2.py"
  "$seams" check "$work/proj" --format json -o "$work/renamed.json"
  "$seams" check "$work/proj" --format json --no-cache -o "$work/renamed-nocache.json"
  assert "a renamed file: the answer of a run without cache" cmp -s "$work/renamed.json" "$work/renamed-nocache.json"
  assert "a renamed file is a new answer" grep -q "catalog/views2.py" "$work/renamed.json"
  sed -i 's/^cross-context-import = "error"/cross-context-import = "warn"/' "$work/proj/seams.toml"
  "$seams" check "$work/proj" --format json -o "$work/config.json"
  "$seams" check "$work/proj" --format json --no-cache -o "$work/config-nocache.json"
  assert "a config change: the answer of a run without cache" cmp -s "$work/config.json" "$work/config-nocache.json"
  assert "a config change is a new answer" test -n "$(cmp "$work/renamed.json" "$work/config.json" 2>&1)"
}

# A settled tree (older than the two seconds a stamp needs): warm checks answer
# from remembered stamps and directory listings, and still see every change made
# since: a new module in a package, a file rewritten in place, a deleted file.
scenario_check_settled_tree() {
  init_project
  sleep 3
  local cache="$work/proj/.seams-cache"
  "$seams" check "$work/proj" --format json -o "$work/cold.json"
  check "cold check" 1 $?
  assert "the stamps file remembers the directories" grep -aq "^d [0-9]* $work/proj/catalog " "$cache/stamps"
  assert "and the files' digests" grep -aq "^f [0-9]* $work/proj/catalog/views.py " "$cache/stamps"
  "$seams" check "$work/proj" --format json -o "$work/warm.json"
  assert "warm: the same bytes" cmp -s "$work/cold.json" "$work/warm.json"
  printf 'from payments.models import Payment\n' > "$work/proj/catalog/refunds.py"
  "$seams" check "$work/proj" --format json -o "$work/added.json"
  "$seams" check "$work/proj" --format json --no-cache -o "$work/added-nocache.json"
  assert "a new module in a listed directory is found" grep -q "catalog/refunds.py" "$work/added.json"
  assert "a new module: the answer of a run without cache" cmp -s "$work/added.json" "$work/added-nocache.json"
  sed -i 's/^from /import os\nfrom /' "$work/proj/catalog/views.py"
  "$seams" check "$work/proj" --format json -o "$work/rewritten.json"
  "$seams" check "$work/proj" --format json --no-cache -o "$work/rewritten-nocache.json"
  assert "a file rewritten in place: the answer of a run without cache" cmp -s "$work/rewritten.json" "$work/rewritten-nocache.json"
  rm "$work/proj/catalog/refunds.py"
  "$seams" check "$work/proj" --format json -o "$work/removed.json"
  assert "a deleted module is gone" test -z "$(grep -l "catalog/refunds.py" "$work/removed.json")"
  "$seams" check "$work/proj" --format json --no-cache -o "$work/removed-nocache.json"
  assert "a deleted module: the answer of a run without cache" cmp -s "$work/removed.json" "$work/removed-nocache.json"
}

# The early cutoff: an edit that changes no fact (a comment added at the end)
# answers from the report of the facts before, parsing only the edited file; an
# edit that changes a fact without moving a line (a suppression comment) does not.
scenario_check_early_cutoff() {
  init_project
  local cache="$work/proj/.seams-cache"
  "$seams" check "$work/proj" --format json -o "$work/cold.json"
  check "cold check" 1 $?
  # Without the facts of the files, a full run would have to parse them all again.
  find "$cache" -mindepth 1 -maxdepth 1 \( -name '[0-9a-f][0-9a-f]' -o -name '*.pack' \) -exec rm -r {} +
  printf '\n# a comment at the end\n' >> "$work/proj/catalog/views.py"
  "$seams" check "$work/proj" --format json -o "$work/comment.json"
  check "a comment added: the same exit code" 1 $?
  assert "a comment added: the report of the facts before" cmp -s "$work/cold.json" "$work/comment.json"
  "$seams" check "$work/proj" --format json --no-cache -o "$work/comment-nocache.json"
  assert "a comment added: the answer of a run without cache" cmp -s "$work/comment.json" "$work/comment-nocache.json"
  assert "only the edited file was parsed" \
    test "$(find "$cache" -mindepth 2 -path "$cache/[0-9a-f][0-9a-f]/*" -type f | wc -l)" = 1
  sed -i '9s/$/  # seams: ignore/' "$work/proj/cart/models.py"
  "$seams" check "$work/proj" --format json -o "$work/suppressed.json"
  "$seams" check "$work/proj" --format json --no-cache -o "$work/suppressed-nocache.json"
  assert "a suppression in place is a new answer" test -n "$(cmp "$work/cold.json" "$work/suppressed.json" 2>&1)"
  assert "a suppression in place: the answer of a run without cache" cmp -s "$work/suppressed.json" "$work/suppressed-nocache.json"
  sed -i '1i import os' "$work/proj/orders/views.py"
  "$seams" check "$work/proj" --format json -o "$work/moved.json"
  "$seams" check "$work/proj" --format json --no-cache -o "$work/moved-nocache.json"
  assert "lines moved: the answer of a run without cache" cmp -s "$work/moved.json" "$work/moved-nocache.json"
}

# The shape cutoff: an edit that only moves lines gives the report before, its
# lines moved, and loads the edited file's facts alone; any edit gives the answer
# of a run without cache.
scenario_check_shape_cutoff() {
  init_project
  local cache="$work/proj/.seams-cache" file="$work/proj/notifications/receivers.py"
  "$seams" check "$work/proj" --format json -o "$work/cold.json"
  check "cold check" 1 $?
  # The facts (loose and packed) go; a comment at the end (the early cutoff) brings back the edited file's alone.
  find "$cache" -mindepth 1 -maxdepth 1 \( -name '[0-9a-f][0-9a-f]' -o -name '*.pack' \) -exec rm -r {} +
  printf '\n# a comment at the end\n' >> "$file"
  "$seams" check "$work/proj" --format json -o "$work/comment.json"
  sed -i '1i # a line added at the top' "$file"
  "$seams" check "$work/proj" --format json -o "$work/top.json"
  check "a line added at the top: the same exit code" 1 $?
  "$seams" check "$work/proj" --format json --no-cache -o "$work/top-nocache.json"
  assert "a line added at the top: the answer of a run without cache" cmp -s "$work/top.json" "$work/top-nocache.json"
  assert "a line added at the top: the lines moved" test -n "$(cmp "$work/comment.json" "$work/top.json" 2>&1)"
  assert "the lines moved: only the edited file's facts, before and after" \
    test "$(find "$cache" -mindepth 2 -path "$cache/[0-9a-f][0-9a-f]/*" -type f | wc -l)" = 2
  # A file whose place is written in the report's text ("sent at orders/services.py:43")
  # is not moved: the full run answers.
  sed -i '1i # a line added at the top' "$work/proj/orders/services.py"
  "$seams" check "$work/proj" --format json -o "$work/sender.json"
  "$seams" check "$work/proj" --format json --no-cache -o "$work/sender-nocache.json"
  assert "a place in the report's text: the answer of a run without cache" cmp -s "$work/sender.json" "$work/sender-nocache.json"
  assert "a place in the report's text: a full run" \
    test "$(find "$cache" -mindepth 2 -path "$cache/[0-9a-f][0-9a-f]/*" -type f | wc -l)" -gt 10
  # Comment lines and blank lines added and removed at seeded places in the files
  # with the most kinds of violation; every answer is the one without cache.
  RANDOM=7
  local files=(orders/services.py notifications/receivers.py reporting/services.py orders/models.py
               payments/services.py inventory/receivers.py checkout/models.py) i target lines at same=0
  for i in $(seq 1 14); do
    target="$work/proj/${files[$((RANDOM % ${#files[@]}))]}"
    lines=$(wc -l < "$target")
    at=$((RANDOM % lines + 1))
    case $((i % 4)) in
      0) sed -i "${at}s/^/\\n/" "$target" ;;                  # a blank line
      1) sed -i "${at}i # note $i" "$target" ;;                 # a comment line
      2) sed -i "${at}s/\$/  # note $i/" "$target" ;;           # a comment at the end of a line
      3) grep -q '^# note' "$target" && sed -i '0,/^# note/{/^# note/d}' "$target" ;;  # a comment line removed
    esac
    "$seams" check "$work/proj" --format json -o "$work/edit.json"
    "$seams" check "$work/proj" --format json --no-cache -o "$work/edit-nocache.json"
    cmp -s "$work/edit.json" "$work/edit-nocache.json" && same=$((same + 1))
  done
  check "14 seeded edits: every warm answer is the one without cache" 14 "$same"
}

# A baseline that cannot be read, or is not a baseline, is a config error (exit 2).
scenario_bad_baseline() {
  init_project
  "$seams" check "$work/proj" --baseline "$work/absent.json" -q 2>"$work/err"
  check "a missing baseline exits 2" 2 $?
  assert "missing baseline named" grep -q "^$work/absent.json: error: cannot read the baseline" "$work/err"
  assert "one error: on stderr" test "$(grep -o 'error:' "$work/err" | wc -l)" = 1
  printf '{"schema": "something else"}' > "$work/other.json"
  "$seams" check "$work/proj" --baseline "$work/other.json" -q 2>"$work/err"
  check "a foreign JSON baseline exits 2" 2 $?
  assert "foreign baseline named" grep -q "^$work/other.json: error: not a seams baseline" "$work/err"
  printf 'not json' > "$work/garbage.json"
  "$seams" check "$work/proj" --baseline "$work/garbage.json" -q 2>"$work/err"
  check "a malformed baseline exits 2" 2 $?
  assert "malformed baseline named" grep -q "^$work/garbage.json: error: malformed baseline" "$work/err"
}

# --base needs a git work tree: outside one it is an input error (exit 3).
scenario_base_outside_git() {
  mkdir -p "$work/nogit" && cp -r "$src/examples/shopwise/." "$work/nogit/"
  "$seams" init "$work/nogit" -q
  check "init" 0 $?
  GIT_CEILING_DIRECTORIES="$work" "$seams" check "$work/nogit" --base HEAD -q 2>"$work/err"
  check "--base outside a git work tree exits 3" 3 $?
  assert "--base message" grep -q "not inside a git work tree (needed by --base)" "$work/err"
  init_project
  "$seams" check "$work/proj" --base no-such-revision -q 2>"$work/err"
  check "--base naming no commit exits 3" 3 $?
  assert "--base unknown revision message" grep -q "^seams: error: --base no-such-revision: not a commit" "$work/err"
}

scenario_check_without_config() {
  "$seams" check "$fixture" 2>"$work/err"
  check "check without a config exits 2" 2 $?
  assert "no config message" grep -q "no seams.toml or pyproject.toml with \[tool.seams\]" "$work/err"
}

# root = "src" in the config moves the analysis below it.
scenario_check_root() {
  mkdir -p "$work/rooted" && cp -r "$src/examples/shopwise" "$work/rooted/src"
  printf 'root = "src"\n[[context]]\nname = "catalog"\nmembers = ["catalog"]\n[[context]]\nname = "rest"\nmembers = ["**"]\n[rules]\nunassigned = "off"\ncross-context-fk = "off"\n' > "$work/rooted/seams.toml"
  "$seams" check "$work/rooted" --no-cache > "$work/rooted.txt"
  check "check with root = src finds the catalog imports" 1 $?
  assert "modules named from src" grep -q "cross-context-import: catalog\.\|imports catalog\." "$work/rooted.txt"
}

# Config adds third-party model bases: the inferred model becomes certain; a bad entry is a located config error.
scenario_ecosystem() {
  mkdir -p "$work/eco" && cp -r "$src/tests/fixtures/ecosystem/." "$work/eco/"
  "$seams" analyze "$work/eco" -o "$work/eco-before" --format json --no-cache 2>"$work/eco.err"
  check "analyze the ecosystem fixture" 0 $?
  assert "inferred model named on stderr" grep -q "^legacy/models.py:10: warning: inferred-model: legacy.Payment .*'payments_sdk.orm.Record'" "$work/eco.err"
  printf '[tool.seams]\n[[tool.seams.django.models]]\nclass = "payments_sdk.orm.Record"\nabstract = true\n' > "$work/eco/pyproject.toml"
  "$seams" analyze "$work/eco" -o "$work/eco-after" --format json --no-cache 2>"$work/eco.err"
  check "analyze with a [[tool.seams.django.models]] entry" 0 $?
  assert "the configured base is no longer inferred" bash -c "! grep -q 'inferred-model: legacy.Payment' '$work/eco.err'"
  assert "the other inferred model still is" grep -q "inferred-model: legacy.Report" "$work/eco.err"
  printf '[tool.seams]\n[[tool.seams.django.models]]\nclass = "payments_sdk.orm.Record"\n' > "$work/eco/pyproject.toml"
  "$seams" analyze "$work/eco" -o "$work/eco-bad" --format json --no-cache 2>"$work/eco.err"
  check "a model entry without abstract is a config error" 2 $?
  assert "located" grep -q "pyproject.toml:2:1: error: 'abstract' is missing in \[\[tool.seams.django.models\]\]" "$work/eco.err"
  assert "error: said once" test "$(grep -o 'error:' "$work/eco.err" | wc -l)" = 1
  validate_reports
}

# What is clustered: --scope, --outside, and [scope] in the config, the flags winning.
scenario_scope() {
  mkdir -p "$work/mk" && cp -r "$src/tests/fixtures/marketplace/." "$work/mk/"
  # outside.txt: one "id=reason" line per member outside the application.
  outside_of() {
    "$python" -c 'import json,sys; [print(o["id"] + "=" + o["reason"]) for o in json.load(open(sys.argv[1]))["outside"]]' \
      "$1/report.json" > "$1/outside.txt"
  }
  "$seams" analyze "$work/mk" -o "$work/mk-app" --format json -q
  check "analyze the marketplace" 0 $?
  outside_of "$work/mk-app"
  assert "scripts are outside by default" grep -qx "scripts.seed=build script" "$work/mk-app/outside.txt"
  "$seams" analyze "$work/mk" -o "$work/mk-proj" --format json -q --scope project --outside notify
  check "analyze --scope project --outside notify" 0 $?
  outside_of "$work/mk-proj"
  assert "--scope project: scripts are clustered" bash -c "! grep -q '^scripts.seed=' '$work/mk-proj/outside.txt'"
  assert "--outside: notify is outside, reason config" grep -qx "notify.channels.sms=config" "$work/mk-proj/outside.txt"
  printf '[scope]\nmode = "project"\noutside = ["legal"]\n' > "$work/mk/seams.toml"
  "$seams" analyze "$work/mk" -o "$work/mk-conf" --format json -q
  check "analyze with [scope] in seams.toml" 0 $?
  outside_of "$work/mk-conf"
  assert "[scope] outside: legal is outside" grep -qx "legal.views=config" "$work/mk-conf/outside.txt"
  assert "[scope] mode project: scripts are clustered" bash -c "! grep -q '^scripts.seed=' '$work/mk-conf/outside.txt'"
  "$seams" analyze "$work/mk" -o "$work/mk-flag" --format json -q --scope application
  check "analyze --scope application over [scope] mode = project" 0 $?
  outside_of "$work/mk-flag"
  assert "the flag wins: scripts are outside again" grep -qx "scripts.seed=build script" "$work/mk-flag/outside.txt"
  printf '[scope]\nmode = "everything"\n' > "$work/mk/seams.toml"
  "$seams" analyze "$work/mk" -o "$work/mk-bad" --format json -q 2>"$work/mk.err"
  check "an unknown [scope] mode is a config error" 2 $?
  assert "located" grep -q "seams.toml:2:8: error: unknown scope mode 'everything'" "$work/mk.err"
  rm "$work/mk/seams.toml"
  validate_reports
}

# A saved report with a field of the wrong type, or nested too deep: diagram,
# explain and score exit 2 naming the file and the field, with no library text.
scenario_corrupt_report() {
  "$python" - "$src/tests/golden/shopwise/report.json" "$work" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
report["graph"]["nodes"][0]["context"] = 3
json.dump(report, open(sys.argv[2] + "/typed.json", "w"))
text = open(sys.argv[1]).read()
open(sys.argv[2] + "/deep.json", "w").write(text.replace('"context": ', '"context": ' + "[" * 50000 + "]" * 50000 + ', "x": ', 1))
PY
  local command
  for command in "diagram" "explain" "score"; do
    local args=("$work/typed.json")
    [ "$command" = explain ] && args+=(orders payments)
    "$seams" $command "${args[@]}" >/dev/null 2>"$work/err"
    check "$command on a report with a number for a context exits 2" 2 $?
    assert "$command names the file and the field" \
      grep -q "^seams: error: $work/typed.json: /graph/nodes/0/context: expected a string or null, got a number$" "$work/err"
    assert "$command prints no library text" test -z "$(grep -e 'json.exception' -e 'map::at' "$work/err")"
    args=("$work/deep.json")
    [ "$command" = explain ] && args+=(orders payments)
    "$seams" $command "${args[@]}" >/dev/null 2>"$work/err"
    check "$command on a report nested 50,000 deep exits 2" 2 $?
    assert "$command says how deep" grep -q "^seams: error: $work/deep.json: nested deeper than 512" "$work/err"
  done
}

# `seams check` runs itself again with MIMALLOC_LARGE_OS_PAGES=1, which mimalloc
# reads only when a process starts; no other command does, and a value the user
# set is kept. mimalloc's verbose start-up lines show what each process read.
scenario_check_large_pages() {
  if ! ldd "$seams" | grep -q libmimalloc; then
    echo "seams is not linked with mimalloc (a sanitizer build): nothing to restart"
    passes=$((passes + 1))
    return
  fi
  init_project
  local proj="$work/proj"
  MIMALLOC_VERBOSE=1 "$seams" check "$proj" --no-cache --format json -o "$work/check.json" -q 2> "$work/check.err"
  check "check, restarted" 1 $?
  assert "check: the first process read 0, the one it became read 1" \
    test "$(grep -o "option 'large_os_pages': [01]" "$work/check.err" | tr -d '\n')" = "option 'large_os_pages': 0option 'large_os_pages': 1"
  env -u MIMALLOC_LARGE_OS_PAGES "$seams" check "$proj" --no-cache --format json -o "$work/plain.json" -q
  MIMALLOC_LARGE_OS_PAGES=0 "$seams" check "$proj" --no-cache --format json -o "$work/small.json" -q
  assert "check: the same report either way" cmp -s "$work/plain.json" "$work/small.json"
  MIMALLOC_VERBOSE=1 MIMALLOC_LARGE_OS_PAGES=0 "$seams" check "$proj" --no-cache --format json -o /dev/null -q 2> "$work/off.err"
  assert "check: the user's 0 is kept, and nothing restarts" \
    test "$(grep -c "option 'large_os_pages'" "$work/off.err")" = 1
  MIMALLOC_VERBOSE=1 "$seams" analyze "$proj" --format json -o "$work/analyze" -q 2> "$work/analyze.err"
  assert "analyze does not restart" test "$(grep -o "option 'large_os_pages': [01]" "$work/analyze.err")" = "option 'large_os_pages': 0"
}

if ! declare -F "scenario_$scenario" >/dev/null; then
  echo "FAIL: no scenario '$scenario'"
  exit 1
fi
"scenario_$scenario"
echo "$scenario: $passes passed, $failures failed"
[ "$failures" = 0 ] && [ "$passes" -gt 0 ]
