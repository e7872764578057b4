#!/usr/bin/env bash
# Runs every libFuzzer target of a SEAMS_FUZZ build, each seeded from the test
# fixtures (the corpora are generated here, under BUILD_DIR/fuzz, never
# committed; tests/fuzz/seeds/ holds a few hand-written ones).
#
# Usage: tests/fuzz/run.sh BUILD_DIR [--seconds N] [--runs N] [--jobs J] [TARGET...]
#   --seconds N  each target runs N seconds (CI)
#   --runs N     each target runs N executions (bench/fuzz.sh); with --seconds, whichever comes first
#   --jobs J     targets run J at a time (default 1)
# Prints one line per target with its executions; exits 1 when a target found
# a crash (its input is kept under BUILD_DIR/fuzz/artifacts/).
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "$1" && pwd)"; shift
limit=() jobs=1 targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) limit+=(-max_total_time="$2"); shift 2 ;;
    --runs) limit+=(-runs="$2"); shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#limit[@]} -gt 0 ] || { echo "usage: $0 BUILD_DIR (--seconds N | --runs N) [--jobs J] [TARGET...]" >&2; exit 2; }
[ ${#targets[@]} -gt 0 ] || targets=(python config report baseline facts_cache)
seams="$build/cli/seams"
out="$build/fuzz"
rm -rf "$out/seeds" "$out/work" "$out/logs"
mkdir -p "$out/seeds" "$out/work" "$out/logs" "$out/artifacts"

# A seed file named by its content, so a duplicate is one seed.
seed() {  # seed TARGET FILE
  local name
  name=$(sha1sum "$2" | cut -c1-16)
  mkdir -p "$out/seeds/$1"
  cp "$2" "$out/seeds/$1/$name"
}

# Python files: every fixture and example module.
while IFS= read -r file; do seed python "$file"; done < <(find "$src/tests/fixtures" "$src/examples" -name '*.py' -size -16k)
# Configs, reports, baselines and facts-cache entries: what seams writes for each fixture.
tmp="$out/projects"
rm -rf "$tmp"
for project in "$src"/tests/fixtures/* "$src/examples/shopwise"; do
  [ -d "$project" ] || continue
  name=$(basename "$project")
  dir="$tmp/$name"
  mkdir -p "$tmp"
  cp -r "$project" "$dir"
  rm -f "$dir/seams.toml"
  "$seams" init "$dir" -q >/dev/null 2>&1 || true
  [ -f "$dir/seams.toml" ] && seed config "$dir/seams.toml"
  if [ -f "$dir/seams.toml" ]; then
    { printf '[tool.seams]\n'; sed -e 's/^\[\[context\]\]/[[tool.seams.context]]/' -e 's/^\[rules\]/[tool.seams.rules]/' "$dir/seams.toml"; } \
      > "$dir/pyproject.toml"
    seed config "$dir/pyproject.toml"
  fi
  "$seams" analyze "$dir" -o "$dir/out" --format json -q >/dev/null 2>&1 || true
  # Large reports make every execution slow; the small fixtures' reports cover the format.
  [ -f "$dir/out/report.json" ] && [ "$(stat -c %s "$dir/out/report.json")" -lt 65536 ] && seed report "$dir/out/report.json"
  "$seams" check "$dir" --write-baseline "$dir/baseline.json" -q >/dev/null 2>&1 || true
  [ -f "$dir/baseline.json" ] && seed baseline "$dir/baseline.json"
  if [ -d "$dir/.seams-cache" ]; then
    while IFS= read -r entry; do seed facts_cache "$entry"; done < <(find "$dir/.seams-cache" -type f -size -8k | sort | head -40)
  fi
done
# A facts pack, as a run over 64 files or more writes it (62 of them empty: three entries).
pack_tree="$tmp/pack-tree"
mkdir -p "$pack_tree/app"
for i in $(seq 62); do : > "$pack_tree/app/m$i.py"; done
printf 'import os\n' > "$pack_tree/app/a.py"
printf 'class A:\n    pass\n' > "$pack_tree/app/b.py"
"$seams" analyze "$pack_tree" --cache-dir "$pack_tree/cache" -o "$pack_tree/out" --format json -q >/dev/null 2>&1 || true
for pack in "$pack_tree"/cache/*.pack; do [ -f "$pack" ] && seed facts_cache "$pack"; done
rm -rf "$tmp"
seed config "$src/lib/django/knowledge/packages.toml"
for target in "${targets[@]}"; do
  if [ -d "$src/tests/fuzz/seeds/$target" ]; then
    for file in "$src/tests/fuzz/seeds/$target"/*; do seed "$target" "$file"; done
  fi
done

# Longest input per target: a saved report of a small fixture is about 25 KB.
declare -A max_len=([python]=16384 [config]=8192 [report]=65536 [baseline]=4096 [facts_cache]=8192)

run() {  # run TARGET: prints "TARGET: N executions, M seeds, ok|CRASH"
  local target="$1" log="$out/logs/$1.log" status=ok
  # libFuzzer adds to (and trims) its first corpus directory: a copy of the seeds.
  mkdir -p "$out/work/$target"
  cp "$out/seeds/$target"/* "$out/work/$target/"
  if ! "$build/tests/fuzz/fuzz_$target" "${limit[@]}" -max_len="${max_len[$target]}" -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$out/artifacts/$target-" "$out/work/$target" >"$log" 2>&1; then
    status=CRASH
  fi
  local runs
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "$target: $runs executions from $(ls "$out/seeds/$target" | wc -l) seeds, $status"
  if [ "$status" != ok ]; then
    grep -m 20 -e 'ERROR' -e 'runtime error' -e 'SUMMARY' -e 'Test unit written' "$log" | sed 's/^/  /'
    return 1
  fi
}

failed=0
pids=()
for target in "${targets[@]}"; do
  run "$target" &
  pids+=($!)
  if [ ${#pids[@]} -ge "$jobs" ]; then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
exit $failed
