#!/usr/bin/env bash
# Benchmark (not a test): export the coupling graph of a real project as a weighted
# edge list and cluster it with Seams' Leiden and with Debian's python3-leidenalg
# (RBConfigurationVertexPartition, iterated to convergence), seeds 1..5 each; print
# both modularities side by side. Target: ours >= 0.99 x leidenalg's.
# Usage: bench/leiden_vs_leidenalg.sh [BUILD_DIR] [PATH...]
# Needs Debian's python3-igraph and python3-leidenalg (run with /usr/bin/python3).
set -euo pipefail
build="${1:-build/release}"
shift || true
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(/usr/lib/python3/dist-packages/django examples/shopwise)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 -c "import igraph, leidenalg" 2>/dev/null || { echo "install python3-igraph python3-leidenalg first" >&2; exit 2; }
printf '%-45s %8s %8s %12s %12s %8s %10s %10s\n' project nodes edges ours leidenalg ratio ours_s leidenalg_s
for path in "${paths[@]}"; do
  "$build/cli/seams" analyze "$path" -o "$work/out" -q --no-cache
  # The undirected projection of the coupling graph (tests and migrations left out).
  python3 - "$work/out/report.json" "$work/edges.txt" <<'PY'
import json, sys, collections
report = json.load(open(sys.argv[1]))
nodes = [n for n in report["graph"]["nodes"] if not n["tags"]]
index = {n["id"]: i for i, n in enumerate(nodes)}
weights = collections.defaultdict(float)
for e in report["graph"]["edges"]:
    a, b = index.get(e["from"]), index.get(e["to"])
    if a is None or b is None or a == b:
        continue
    weights[(min(a, b), max(a, b))] += e["weight"]
with open(sys.argv[2], "w") as out:
    for (a, b), w in sorted(weights.items()):
        out.write(f"{a} {b} {w}\n")
PY
  ours=$("$build/bench/seams_leiden_edges" "$work/edges.txt" --seeds 5)
  theirs=$(/usr/bin/python3 - "$work/edges.txt" <<'PY'
import sys, time, igraph, leidenalg
edges, weights = [], []
for line in open(sys.argv[1]):
    a, b, w = line.split()
    edges.append((int(a), int(b))); weights.append(float(w))
n = max(max(e) for e in edges) + 1
g = igraph.Graph(n=n, edges=edges)
g.es["weight"] = weights
total, best = 0.0, 1e9
for seed in range(1, 6):
    start = time.perf_counter()
    p = leidenalg.find_partition(g, leidenalg.RBConfigurationVertexPartition, weights="weight",
                                 resolution_parameter=1.0, n_iterations=-1, seed=seed)
    best = min(best, time.perf_counter() - start)
    total += g.modularity(p.membership, weights="weight")
print(f"{total / 5:.6f} {best:.4f}")
PY
)
  python3 - "$path" "$ours" "$theirs" <<'PY'
import json, sys
ours = json.loads(sys.argv[2]); theirs_q, theirs_s = map(float, sys.argv[3].split())
print(f"{sys.argv[1][-45:]:<45} {ours['nodes']:>8} {ours['edges']:>8} {ours['modularity']:>12.6f} {theirs_q:>12.6f} "
      f"{ours['modularity'] / theirs_q:>8.4f} {ours['best_seconds']:>10.4f} {theirs_s:>10.4f}")
PY
done
