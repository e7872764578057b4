#!/usr/bin/env bash
# Installs what Seams needs to build and test on Debian 12, only what is missing.
# Run as root. The tree-sitter sources come from the npm registry at configure time.
# clang-14 and libclang-rt-14-dev (libFuzzer, the sanitizers' runtimes) build the asan and fuzz presets.
set -euo pipefail

packages=(
  g++ cmake ninja-build git
  clang-14 libclang-rt-14-dev
  libboost-graph-dev nlohmann-json3-dev libcli11-dev catch2 libtomlplusplus-dev libmimalloc-dev libxxhash-dev
  graphviz python3 python3-django python3-jsonschema
  chromium
  postgresql python3-psycopg2
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# npm may come from Debian (npm) or from a Node.js install already on the machine.
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "seams: missing packages: ${missing[*]} (run this script as root to install them)" >&2
    exit 1
  fi
  echo "seams: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
