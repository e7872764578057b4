#pragma once
/// Finding the Leiden resolution that yields a requested number of communities.

#include "lib/cluster/leiden.h"
#include "lib/cluster/weighted_graph.h"

namespace seams {

/// What SearchResolution found.
struct ResolutionResult {
  double resolution = 1.0;  ///< The γ that produced `partition`.
  Partition partition;      ///< Leiden's partition at `resolution`.
  bool exact = false;       ///< partition.count == the requested count.
};

/// Bisects log γ over [1e-3, 1e3] (40 Leiden runs at most, each with `base`'s
/// other options) for a partition of exactly `target_count` communities, taking
/// more communities as the signal to lower γ. Returns the first exact hit; when
/// none, the partition whose count is nearest the target (ties → the lower γ),
/// with exact = false.
ResolutionResult SearchResolution(const WeightedGraph& g, int target_count, const LeidenOptions& base);

}  // namespace seams
