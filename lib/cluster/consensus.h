#pragma once
/// How firmly each node belongs to its community: agreement over Leiden seeds.

#include <vector>

#include "lib/cluster/leiden.h"
#include "lib/cluster/weighted_graph.h"

namespace seams {

/// Confidence of every node in `reference`, from `runs` more Leiden runs with
/// `base`'s options and seeds base.seed+1 … base.seed+runs.
///
/// Definition: for a reference community C and a run r, C's *core* in run r is
/// the run-r community holding the largest number of C's members (ties → the
/// smallest community id of run r's canonical partition). A node's confidence is
/// the share of runs in which it lies in its reference community's core; 1.0 means
/// it stayed with the bulk of its community every time. With runs ≤ 0 every node
/// gets 1.0 (no evidence against it).
std::vector<double> Consensus(const WeightedGraph& g, const Partition& reference, const LeidenOptions& base,
                              int runs);

/// The same confidence, from runs already made (the reference itself left out).
std::vector<double> ConfidenceOver(const Partition& reference, const std::vector<Partition>& runs);

/// The most representative of the partitions Leiden gives with seeds base.seed …
/// base.seed+runs: the one with the highest mean adjusted Rand index against all the
/// others (ties: the lowest seed). A single seed can land on an outlier — on saleor,
/// seed 1 put checkout's models with warehouse where 9 seeds in 10 did not — and the
/// proposal should be the answer most seeds give. With `same_count`, only partitions
/// with that many communities are candidates (the one `--services` searched for).
/// `all` receives the other runs, seed order, for ConfidenceOver.
Partition MostRepresentative(const WeightedGraph& g, const LeidenOptions& base, int runs, int same_count,
                             std::vector<Partition>* all);

}  // namespace seams
