#!/usr/bin/env bash
# Benchmark (not a test): `seams check` cold (empty caches), warm on an unchanged
# tree (answered by the result cache), and warm after one file changed, three ways:
# a comment added at its end (no fact changes: the early cutoff answers, parsing
# that file only), a line added at its top (the same facts on other lines: the
# shape cutoff moves the report's lines, loading that file's facts only), and an
# import added at its end (a new fact: the whole analysis runs again on cached
# facts). Every warm report is compared with a run without cache. Targets
# (issue): unchanged <= 0.1 x cold, one file changed <= 0.15 x cold. The tree is copied
# first; PATH defaults to Debian's Django source with the contexts below, any
# other project uses `seams init`'s config unless it has its own.
# Usage: bench/check_cache.sh [SEAMS_BINARY] [PATH] [REPEAT] [FILE_TO_CHANGE]
set -euo pipefail
seams="$(realpath "${1:-build/release/cli/seams}")"
path="${2:-/usr/lib/python3/dist-packages/django}"
repeat="${3:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The copy keeps the directory's name: it can be part of module names (django.*).
mkdir "$work/copy" && cp -r "$path" "$work/copy/" && tree="$work/copy/$(basename "$path")"
# Stamps younger than two seconds are never trusted (a second write within the
# clock's granularity could keep them): let the copy settle, as a checkout has.
sleep 3
change="${4:-$(cd "$tree" && find . -name models.py -not -path '*/migrations/*' | sort | head -1)}"
config=()
if [ "$path" = /usr/lib/python3/dist-packages/django ]; then
  config=(--config "$work/seams.toml")
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
elif [ ! -f "$tree/seams.toml" ] && ! grep -qs '^\[tool.seams' "$tree/pyproject.toml"; then
  "$seams" init "$tree" -q
fi
# Bash's own clock: `$(date …)` would fork a process inside every interval (~10 ms here).
best() { sort -g | head -1; }
run() { "$seams" check "$tree" "${config[@]}" --cache-dir "$work/cache" --format json -o "$1" || true; }
cold_times=() warm_times=() changed_times=() moved_times=() import_times=()
for i in $(seq "$repeat"); do
  rm -rf "$work/cache"
  t0=$EPOCHREALTIME; run "$work/cold.json"; t1=$EPOCHREALTIME
  run "$work/warm.json"; t2=$EPOCHREALTIME
  printf '\n# changed %s\n' "$i" >> "$tree/$change"
  t3=$EPOCHREALTIME; run "$work/changed.json"; t4=$EPOCHREALTIME
  cold_times+=("$(echo "$t1 - $t0" | bc -l)")
  warm_times+=("$(echo "$t2 - $t1" | bc -l)")
  changed_times+=("$(echo "$t4 - $t3" | bc -l)")
  cmp -s "$work/cold.json" "$work/warm.json" || { echo "warm and cold reports differ" >&2; exit 1; }
  "$seams" check "$tree" "${config[@]}" --no-cache --format json -o "$work/changed-cold.json" || true
  cmp -s "$work/changed.json" "$work/changed-cold.json" || { echo "after the change, warm and cold reports differ" >&2; exit 1; }
  sed -i "1i # moved $i" "$tree/$change"
  t5=$EPOCHREALTIME; run "$work/moved.json"; t6=$EPOCHREALTIME
  moved_times+=("$(echo "$t6 - $t5" | bc -l)")
  "$seams" check "$tree" "${config[@]}" --no-cache --format json -o "$work/moved-cold.json" || true
  cmp -s "$work/moved.json" "$work/moved-cold.json" || { echo "after the lines moved, warm and cold reports differ" >&2; exit 1; }
  printf 'import os  # %s\n' "$i" >> "$tree/$change"
  t7=$EPOCHREALTIME; run "$work/import.json"; t8=$EPOCHREALTIME
  import_times+=("$(echo "$t8 - $t7" | bc -l)")
  "$seams" check "$tree" "${config[@]}" --no-cache --format json -o "$work/import-cold.json" || true
  cmp -s "$work/import.json" "$work/import-cold.json" || { echo "after the import, warm and cold reports differ" >&2; exit 1; }
done
cold=$(printf '%s\n' "${cold_times[@]}" | best)
warm=$(printf '%s\n' "${warm_times[@]}" | best)
changed=$(printf '%s\n' "${changed_times[@]}" | best)
moved=$(printf '%s\n' "${moved_times[@]}" | best)
imported=$(printf '%s\n' "${import_times[@]}" | best)
files=$(find "$tree" -name '*.py' -not -path '*/__pycache__/*' | wc -l)
verdict() { echo "$1 <= $2" | bc -l | sed 's/1/PASS/;s/0/MISS/'; }
printf 'seams check on %s (%s files), best of %s; the changed file is %s\n' "$path" "$files" "$repeat" "$change"
printf '  cold (empty caches)            %.3f s\n' "$cold"
printf '  warm, unchanged tree           %.3f s  %.3f x cold  target <= 0.10: %s\n' "$warm" "$(echo "$warm / $cold" | bc -l)" "$(verdict "$warm / $cold" 0.10)"
printf '  warm, a comment at the end     %.3f s  %.3f x cold  target <= 0.15: %s\n' "$changed" "$(echo "$changed / $cold" | bc -l)" "$(verdict "$changed / $cold" 0.15)"
printf '  warm, a line added at the top  %.3f s  %.3f x cold  target <= 0.15: %s\n' "$moved" "$(echo "$moved / $cold" | bc -l)" "$(verdict "$moved / $cold" 0.15)"
printf '  warm, an import added          %.3f s  %.3f x cold  target <= 0.15: %s\n' "$imported" "$(echo "$imported / $cold" | bc -l)" "$(verdict "$imported / $cold" 0.15)"
