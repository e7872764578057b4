#!/usr/bin/env bash
# Every libFuzzer target for at least 1M executions, optimised, under ASan+UBSan
# (the `fuzz` preset), seeded from the test fixtures; prints each target's count.
# Usage: bench/fuzz.sh [RUNS] [MAX_SECONDS]   (default 1000000 runs, no time cap)
# Needs clang-14 and libclang-rt-14-dev (.ci/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1000000}"
cap=()
[ -n "${2:-}" ] && cap=(--seconds "$2")
cmake --preset fuzz >/dev/null && cmake --build --preset fuzz -j2
time bash tests/fuzz/run.sh build/fuzz --runs "$runs" "${cap[@]}" --jobs "$(nproc)"
