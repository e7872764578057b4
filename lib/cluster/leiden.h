#pragma once
/// The Leiden algorithm (Traag, Waltman & van Eck 2019) maximising modularity
/// with a resolution parameter, with optional pins, and modularity itself.

#include <cstdint>
#include <vector>

#include "lib/cluster/weighted_graph.h"

namespace seams {

/// How Leiden runs. The defaults match the paper's recommendations.
struct LeidenOptions {
  double resolution = 1.0;        ///< γ of modularity with resolution (Reichardt–Bornholdt / Newman): Q = 1/2m Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i,c_j)
  std::uint64_t seed = 1;         ///< all randomness from std::mt19937_64(seed); same seed → same partition
  double randomness = 0.01;       ///< θ of the refinement phase (≤ 0: always take the best merge, no randomness)
  int max_levels = 100;           ///< safety cap: at most this many aggregation levels per iteration, and iterations
  std::vector<int> pins;          ///< empty, or one entry per node: a pin group id ≥ 0, or -1. Nodes of different pin groups never share a community; nodes of one pin group always do.
};

/// Clusters `g` by maximising modularity with resolution `options.resolution`.
/// Deterministic for a seed and canonical (see Partition). Isolated nodes stay
/// alone (or with their pin group). A graph of total weight 0 gives singletons
/// (pin groups joined). Throws SeamsError on an invalid graph or invalid pins.
Partition Leiden(const WeightedGraph& g, const LeidenOptions& options);

/// Modularity with resolution γ of `membership` (one community label per node, any ints):
/// Q = Σ_c [ L_c / m − γ (K_c / 2m)² ], where m is the total edge weight, L_c the weight of
/// edges inside c and K_c the sum of degrees in c. As in igraph and networkx a self loop of
/// weight w adds w to L_c and 2w to its node's degree. 0 when the graph has no weight.
double Modularity(const WeightedGraph& g, const std::vector<int>& membership, double resolution = 1.0);

}  // namespace seams
