#!/usr/bin/env bash
# The terminal experience: a progress line only on a terminal, stage timings
# with --verbose, colour only when allowed (NO_COLOR, --color), an example in
# every help, and reports that do not change with any of it.
# A pseudo-terminal comes from script(1) (util-linux, in every Debian).
# Usage: cli_terminal_test.sh SEAMS_BINARY SOURCE_DIR FACTS_CACHE_DIR
set -uo pipefail
seams=$1 src=$2 cache=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 passes=0
ok() { passes=$((passes + 1)); }
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }
expect() { if eval "$2"; then ok; else fail "$1"; fi; }
ESC=$'\x1b'
CR=$'\r'
shopwise="$src/examples/shopwise"
django=/usr/lib/python3/dist-packages/django
# A project whose analysis gives a warning: a file that does not parse.
mkdir -p "$work/bad/app" && : > "$work/bad/app/__init__.py" && printf 'def f(:\n' > "$work/bad/app/x.py"

# Not a terminal: no progress, no carriage return, no escape codes.
"$seams" analyze "$shopwise" -o "$work/plain" --format json 2> "$work/plain.err"
expect "analyze without a terminal" '[ $? = 0 ]'
expect "no carriage return off a terminal" '! grep -q "$CR" "$work/plain.err"'
expect "no escape codes off a terminal" '! grep -q "$ESC" "$work/plain.err"'
"$seams" graph "$work/bad" -o "$work/g.json" 2> "$work/bad.err"
expect "a warning off a terminal is plain" 'grep -q "^app/x.py:1:7: warning: syntax-error" "$work/bad.err"'

# On a terminal: the progress line, redrawn in place, then erased. Django's files
# come from the suite's facts cache (parsed once per build): the discovery line is
# drawn first and the last parse line always, however fast the parse.
script -qec "'$seams' analyze '$django' -o '$work/tty' --format json --cache-dir '$cache'" /dev/null > "$work/tty.out" 2>&1
expect "analyze on a terminal" '[ -s "$work/tty/report.json" ]'
expect "progress while discovering" 'grep -q "seams: discovering .* Python files" "$work/tty.out"'
expect "progress while parsing, with total and rate" 'grep -aq "seams: parsing \[[#.]*\] [0-9]*/[0-9]* files .*files/s" "$work/tty.out"'
expect "redrawn in place" 'grep -q "$CR${ESC}\[K" "$work/tty.out"'
expect "the last parse line shows every file" 'grep -aq "parsing \[#*\] \([0-9]*\)/\1 files 100%" "$work/tty.out"'
script -qec "'$seams' analyze '$shopwise' -o '$work/ttyq' --format json -q" /dev/null > "$work/ttyq.out" 2>&1
expect "--quiet: no progress on a terminal" '! grep -q "discovering\|parsing" "$work/ttyq.out"'

# Colour: on a terminal by default, never with NO_COLOR, always with --color always.
script -qec "'$seams' graph '$work/bad' -o '$work/g2.json'" /dev/null > "$work/color.out" 2>&1
expect "colour on a terminal" 'grep -q "${ESC}\[33mwarning" "$work/color.out"'
NO_COLOR=1 script -qec "'$seams' graph '$work/bad' -o '$work/g3.json'" /dev/null > "$work/nocolor.out" 2>&1
expect "NO_COLOR: no colour on a terminal" '! grep -q "${ESC}\[3" "$work/nocolor.out"'
expect "NO_COLOR: the warning is still there" 'grep -q "warning: syntax-error" "$work/nocolor.out"'
NO_COLOR=1 "$seams" graph "$work/bad" -o "$work/g4.json" --color always 2> "$work/always.err"
expect "--color always wins off a terminal" 'grep -q "${ESC}\[33mwarning${ESC}\[0m: syntax-error" "$work/always.err"'
script -qec "'$seams' graph '$work/bad' -o '$work/g5.json' --color never" /dev/null > "$work/never.out" 2>&1
expect "--color never on a terminal" '! grep -q "${ESC}\[3" "$work/never.out"'

# --verbose: one timing line per stage, and a total.
"$seams" analyze "$shopwise" -o "$work/verbose" --format json -v 2> "$work/verbose.err"
for stage in discover parse layout django graph cluster total; do
  expect "--verbose times $stage" 'grep -q "^seams: $stage  *[0-9.]* ms" "$work/verbose.err"'
done
"$seams" graph "$shopwise" -o "$work/g6.json" -v 2> "$work/graph-verbose.err"
expect "no cluster stage when nothing is clustered" '! grep -q "^seams: cluster " "$work/graph-verbose.err"'

# The reports are the same bytes with or without a terminal, progress and timings.
expect "report.json unchanged by --verbose" 'cmp -s "$work/plain/report.json" "$work/verbose/report.json"'
script -qec "'$seams' analyze '$shopwise' -o '$work/tty2' --format json -v" /dev/null > /dev/null 2>&1
expect "report.json unchanged by a terminal" 'cmp -s "$work/plain/report.json" "$work/tty2/report.json"'

# Every help shows an example.
for cmd in "" analyze check cluster diagram explain graph init; do
  "$seams" $cmd --help > "$work/help.txt" 2>&1
  expect "help of '${cmd:-seams}' shows an example" 'grep -q "^Example" "$work/help.txt" && grep -q "^  seams " "$work/help.txt"'
done

echo "$passes passed, $failures failed"
[ "$failures" = 0 ]
