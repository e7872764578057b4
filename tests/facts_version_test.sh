#!/usr/bin/env bash
# The facts cache's version follows the fact schema: the build's version is the hash of
# today's sources, and adding a field to a fact changes it (cmake/FactsVersion.cmake).
# Usage: facts_version_test.sh SOURCE_DIR GENERATED_HEADER
set -eu
src="$1"
built="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

version_of() {  # version_of BASE
  local files
  files=$(find "$1/lib/parse" -maxdepth 1 \( -name '*.h' -o -name '*.cc' \) | sort | tr '\n' ';')
  files="${files}$1/lib/core/diagnostic.h"
  cmake "-DOUT=$work/out.h" "-DBASE=$1" "-DFILES=$files" -P "$src/cmake/FactsVersion.cmake"
  sed -n 's/.*kFactsVersion\[\] = "\([0-9a-f]*\)".*/\1/p' "$work/out.h"
  rm -f "$work/out.h"
}

mkdir -p "$work/tree/lib/parse" "$work/tree/lib/core"
cp "$src"/lib/parse/*.h "$src"/lib/parse/*.cc "$work/tree/lib/parse/"
cp "$src/lib/core/diagnostic.h" "$work/tree/lib/core/"

today=$(version_of "$work/tree")
expected=$(sed -n 's/.*kFactsVersion\[\] = "\([0-9a-f]*\)".*/\1/p' "$built")
[ -n "$today" ] || { echo "FAIL: no version computed"; exit 1; }
[ "$today" = "$expected" ] || { echo "FAIL: built version $expected is not the sources' $today"; exit 1; }

# A new field in a fact: another version, so every cached entry is missed.
sed -i 's/^  int column = 0;$/  int column = 0;\n  int end_column = 0;/' "$work/tree/lib/parse/file_facts.h"
grep -q 'end_column' "$work/tree/lib/parse/file_facts.h" || { echo "FAIL: the fixture edit did not apply"; exit 1; }
changed=$(version_of "$work/tree")
[ "$changed" != "$today" ] || { echo "FAIL: a new fact field left the version at $today"; exit 1; }

# A change to the extractor alone changes it too.
cp "$src/lib/parse/file_facts.h" "$work/tree/lib/parse/file_facts.h"
printf '\n// changed\n' >> "$work/tree/lib/parse/extract.cc"
[ "$(version_of "$work/tree")" != "$today" ] || { echo "FAIL: an extractor change left the version"; exit 1; }
echo "facts version $today follows the schema and the extractor"
