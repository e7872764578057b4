#!/usr/bin/env bash
# Benchmark (not a test): `seams check` on Debian's Django source with a few
# contexts, cold (empty facts cache) against warm (unchanged tree, cache filled).
# Target: warm <= 0.25 x cold.
# Usage: bench/check_cache.sh [SEAMS_BINARY] [PATH] [REPEAT]
set -euo pipefail
seams="${1:-build/release/cli/seams}"
path="${2:-/usr/lib/python3/dist-packages/django}"
repeat="${3:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/seams.toml" <<'TOML'
shared_kernel = ["django.utils", "django.conf", "django.core", "django.apps", "django.dispatch"]

[[context]]
name = "auth"
members = ["django.contrib.auth", "django.contrib.contenttypes"]

[[context]]
name = "admin"
members = ["django.contrib.admin", "django.contrib.admindocs"]
depends_on = ["auth"]

[[context]]
name = "web"
members = ["django.http", "django.urls", "django.views", "django.template", "django.middleware"]

[[context]]
name = "data"
members = ["django.db", "django.forms"]

[rules]
unassigned = "off"
TOML
now() { date +%s.%N; }
best() { sort -g | head -1; }
cold_times=() warm_times=()
for i in $(seq "$repeat"); do
  rm -rf "$work/cache"
  t0=$(now); "$seams" check "$path" --config "$work/seams.toml" --cache-dir "$work/cache" --format json -o "$work/out.json" || true; t1=$(now)
  "$seams" check "$path" --config "$work/seams.toml" --cache-dir "$work/cache" --format json -o "$work/out2.json" || true; t2=$(now)
  cold_times+=("$(echo "$t1 - $t0" | bc -l)")
  warm_times+=("$(echo "$t2 - $t1" | bc -l)")
  cmp -s "$work/out.json" "$work/out2.json" || { echo "warm and cold reports differ" >&2; exit 1; }
done
cold=$(printf '%s\n' "${cold_times[@]}" | best)
warm=$(printf '%s\n' "${warm_times[@]}" | best)
ratio=$(echo "$warm / $cold" | bc -l)
files=$(find "$path" -name '*.py' -not -path '*/__pycache__/*' | wc -l)
printf 'seams check on %s (%s files), best of %s\n' "$path" "$files" "$repeat"
printf '  cold (empty cache)   %.3f s\n' "$cold"
printf '  warm (cache filled)  %.3f s\n' "$warm"
printf '  warm / cold          %.3f   target <= 0.25: %s\n' "$ratio" "$(echo "$ratio <= 0.25" | bc -l | sed 's/1/PASS/;s/0/MISS/')"
