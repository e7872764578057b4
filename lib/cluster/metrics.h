#pragma once
/// Quality measures of a decomposition into contexts, as used in the
/// microservice-identification literature. Every function takes one community
/// label per node (any ints; equal labels mean one context). Definitions and
/// sources are given on each function.

#include <vector>

#include "lib/cluster/leiden.h"
#include "lib/cluster/weighted_graph.h"

namespace seams {

/// Structural Modularity (SM) of Jin et al. 2019, "Service Candidate Identification
/// from Monolithic Systems Based on Execution Traces", IEEE TSE 47(5):
/// SM = (1/K) Σ_i μ_i/N_i² − (1/(K(K−1)/2)) Σ_{i<j} σ_ij/(2 N_i N_j),
/// with K contexts, μ_i the weight of edges inside context i, σ_ij the weight of
/// edges between i and j (either direction), N_i the size of i; with K = 1 the
/// second term is 0. Higher is better. 0 for an empty membership.
double StructuralModularity(const std::vector<WeightedGraph::Edge>& edges, const std::vector<int>& membership);

/// Interface Number (IFN) of Jin et al. 2019: the mean over contexts of the number
/// of distinct members that receive an edge from another context. `edges` are
/// DIRECTED (u → v: u depends on v, so v is an interface of its context). Lower is
/// better. 0 for an empty membership.
double InterfaceNumber(const std::vector<WeightedGraph::Edge>& edges, const std::vector<int>& membership);

/// Non-Extreme Distribution (NED) of Kalia et al. 2021, "Mono2Micro: A Practical and
/// Effective Tool for Decomposing Monolithic Java Applications to Microservices",
/// ESEC/FSE: 1 − (Σ sizes of contexts with low ≤ size ≤ high) / N. Lower is better.
/// 0 for an empty membership.
double NonExtremeDistribution(const std::vector<int>& membership, int low = 5, int high = 20);

/// Inter-Call Percentage (ICP) of Kalia et al. 2021: the weight of edges whose
/// ends lie in different contexts over the total edge weight (0 when there is no
/// weight). Lower is better.
double InterCallPercentage(const std::vector<WeightedGraph::Edge>& edges, const std::vector<int>& membership);

/// MoJoFM of Wen & Tzerpos 2004, "An effectiveness measure for software clustering
/// algorithms", IWPC: MoJoFM(A, B) = (1 − mno(A, B) / max(mno(∀A, B))) × 100, where
/// A = `a` is the decomposition being judged, B = `b` the reference, and mno(A, B)
/// the least number of Move and Join operations turning A into B. max(mno(∀A, B)) =
/// n − g(B) (see metrics.cc). 100 when A equals B; 0 is the worst. `a` and `b`
/// must have the same size.
double MoJoFM(const std::vector<int>& a, const std::vector<int>& b);

/// Adjusted Rand Index of Hubert & Arabie 1985, "Comparing partitions", Journal of
/// Classification 2: the Rand index corrected for chance, 1 for equal partitions,
/// about 0 for independent ones. 1 when the index is undefined (fewer than two
/// nodes, or both partitions all-singletons or both one community — which are
/// then equal). `a` and `b` must have the same size.
double AdjustedRandIndex(const std::vector<int>& a, const std::vector<int>& b);

/// Modularity Q (Newman & Girvan 2004) with resolution; the same as Modularity in leiden.h.
inline double ModularityQ(const WeightedGraph& g, const std::vector<int>& membership, double resolution = 1.0) {
  return Modularity(g, membership, resolution);
}

}  // namespace seams
