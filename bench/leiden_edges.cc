// seams_leiden_edges: our Leiden on a weighted edge list, for comparison with leidenalg.
//
//   seams_leiden_edges EDGES [--seeds N] [--resolution R]
//
// EDGES holds one "u v weight" line per undirected edge, nodes numbered from 0.
// Prints one JSON line: nodes, edges, mean modularity over seeds 1..N, best seconds.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "lib/cluster/leiden.h"
#include "lib/cluster/weighted_graph.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: seams_leiden_edges EDGES [--seeds N] [--resolution R]\n");
    return 2;
  }
  int seeds = 5;
  double resolution = 1.0;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--seeds") seeds = std::atoi(argv[i + 1]);
    if (flag == "--resolution") resolution = std::atof(argv[i + 1]);
  }
  seams::WeightedGraph g;
  std::ifstream in(argv[1]);
  int u = 0, v = 0;
  double w = 0;
  while (in >> u >> v >> w) {
    g.edges.push_back({u, v, w});
    g.node_count = std::max(g.node_count, std::max(u, v) + 1);
  }
  double total = 0, best = 1e9;
  int communities = 0;
  for (int seed = 1; seed <= seeds; ++seed) {
    seams::LeidenOptions options;
    options.seed = static_cast<std::uint64_t>(seed);
    options.resolution = resolution;
    auto start = std::chrono::steady_clock::now();
    seams::Partition p = seams::Leiden(g, options);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, seconds);
    total += seams::Modularity(g, p.membership, resolution);
    communities = p.count;
  }
  std::printf("{\"nodes\": %d, \"edges\": %zu, \"modularity\": %.6f, \"communities\": %d, \"best_seconds\": %.4f}\n",
              g.node_count, g.edges.size(), total / seeds, communities, best);
  return 0;
}
