#pragma once
/// Plain values shared by the clustering stage: an undirected weighted graph
/// and a partition of its nodes. No Boost here — the algorithms keep their
/// Boost.Graph representation inside their .cc files.

#include <vector>

namespace seams {

/// An undirected weighted graph on nodes 0..node_count-1. Parallel edges add up; self loops allowed.
struct WeightedGraph {
  int node_count = 0;
  /// One undirected edge {u, v}; u == v is a self loop. Weights must be finite and ≥ 0.
  struct Edge {
    int u;
    int v;
    double weight;
  };
  std::vector<Edge> edges;
};

/// A partition: membership[i] is the community of node i; communities are numbered 0..count-1
/// in order of their smallest node (so equal partitions compare equal).
struct Partition {
  std::vector<int> membership;
  int count = 0;

  friend bool operator==(const Partition&, const Partition&) = default;
};

/// Renumbers `membership` canonically (by smallest node) and returns the Partition.
/// Any int labels are accepted (negative ones too); equal labels mean one community.
Partition Canonical(std::vector<int> membership);

}  // namespace seams
