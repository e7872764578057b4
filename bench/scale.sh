#!/usr/bin/env bash
# Benchmark (not a test): how `seams analyze` and `seams check` grow with the
# size of a Django monorepo. For each size (lines), bench/gen_monorepo.py writes
# a synthetic estate (once; kept for the next run), then each command runs
# once under /usr/bin/time -v:
#   analyze  `seams analyze DIR --format json --no-cache` (every report in the folder)
#   check    `seams check DIR --cache-dir FRESH` (cold: an empty facts cache)
#   warm     the same check again on the filled cache
# and one table gives wall and CPU seconds and peak RSS, with the same per
# million lines, so linear growth reads as a constant column.
# Usage: bench/scale.sh [SEAMS_BINARY] [LINES...]
#   SEAMS_BINARY  default build/release/cli/seams
#   LINES         default 500000 1000000 2000000 5000000
#   SEAMS_GEN_DIR where estates and outputs go (default ${TMPDIR:-/tmp}/seams-scale)
#   SEAMS_GEN_SEED generator seed (default 1)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seams="$(realpath "${1:-build/release/cli/seams}")"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(500000 1000000 2000000 5000000)
gen_dir="${SEAMS_GEN_DIR:-${TMPDIR:-/tmp}/seams-scale}"
seed="${SEAMS_GEN_SEED:-1}"
mkdir -p "$gen_dir"

# Runs a command under /usr/bin/time -v and prints "wall cpu rss_mib".
measure() {
  local log="$gen_dir/time.log"
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || {
    local rc=$?
    # seams check exits 1 when it finds new violations: that is a result, not a failure.
    grep -q "Exit status: 1$" "$log" || { echo "failed ($rc): $*" >&2; cat "$log" >&2; exit 1; }
  }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%.2f %.2f %.0f\n", wall, cpu, rss }' "$log"
}

rows=()
for lines in "${sizes[@]}"; do
  estate="$gen_dir/estate-$lines-s$seed"
  if [ ! -f "$estate/.generated" ]; then
    rm -rf "$estate"
    python3 "$here/gen_monorepo.py" "$estate" --lines "$lines" --seed "$seed" > "$gen_dir/gen.out"
    mv "$gen_dir/gen.out" "$estate/.generated"
  fi
  written=$(awk '{print $1}' "$estate/.generated")
  files=$(awk '{print $3}' "$estate/.generated")
  echo "$(basename "$estate"): $(cat "$estate/.generated")" >&2
  out="$gen_dir/out-$lines"
  rm -rf "$out" "$gen_dir/cache-$lines"
  analyze=$(measure "$seams" analyze "$estate" --format json --no-cache -q -o "$out")
  check=$(measure "$seams" check "$estate" --cache-dir "$gen_dir/cache-$lines" --format json -q -o "$out/check.json")
  warm=$(measure "$seams" check "$estate" --cache-dir "$gen_dir/cache-$lines" --format json -q -o "$out/check-warm.json")
  cmp -s "$out/check.json" "$out/check-warm.json" || { echo "cold and warm check reports differ" >&2; exit 1; }
  rm -rf "$gen_dir/cache-$lines"
  rows+=("$written $files $analyze $check $warm")
  echo "row: ${rows[-1]}" >&2
done

printf '%s\n' "${rows[@]}" | awk '
  function header() {
    printf "%-9s %-7s | %7s %7s %8s | %7s %7s %8s | %7s %7s %8s\n", "lines", "files",
      "wall_s", "cpu_s", "rss_MiB", "wall_s", "cpu_s", "rss_MiB", "wall_s", "cpu_s", "rss_MiB"
  }
  { row[NR] = $0 }
  END {
    printf "\n%-17s | %-24s | %-24s | %-24s\n", "", "analyze (no cache)", "check (cold cache)", "check (warm cache)"
    header()
    for (r = 1; r <= NR; r++) {
      split(row[r], f, " ")
      printf "%-9s %-7s | %7.2f %7.2f %8d | %7.2f %7.2f %8d | %7.2f %7.2f %8d\n", f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11]
    }
    printf "\nper million lines\n"
    header()
    for (r = 1; r <= NR; r++) {
      split(row[r], f, " ")
      m = f[1] / 1000000
      printf "%-9s %-7s | %7.2f %7.2f %8d | %7.2f %7.2f %8d | %7.2f %7.2f %8d\n", f[1], f[2], f[3] / m, f[4] / m, f[5] / m, f[6] / m, f[7] / m, f[8] / m, f[9] / m, f[10] / m, f[11] / m
    }
  }'
