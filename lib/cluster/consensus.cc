// Consensus: each node's confidence from how often it stays in its community's core over other seeds.

#include "lib/cluster/consensus.h"

#include <algorithm>
#include <utility>

#include "lib/core/error.h"

namespace seams {

std::vector<double> Consensus(const WeightedGraph& g, const Partition& reference, const LeidenOptions& base,
                              int runs) {
  const std::size_t n = reference.membership.size();
  if (n != static_cast<std::size_t>(g.node_count)) {
    throw SeamsError(ErrorKind::kInput, "consensus: the reference partition must have one entry per node");
  }
  if (runs <= 0) return std::vector<double>(n, 1.0);
  // Compact labels even if the caller's are not canonical.
  const Partition ref = Canonical(reference.membership);
  std::vector<int> hits(n, 0);
  std::vector<std::pair<int, int>> pairs(n);
  std::vector<int> core(static_cast<std::size_t>(ref.count), 0);
  LeidenOptions options = base;
  for (int r = 1; r <= runs; ++r) {
    options.seed = base.seed + static_cast<std::uint64_t>(r);
    const Partition run = Leiden(g, options);
    for (std::size_t v = 0; v < n; ++v) pairs[v] = {ref.membership[v], run.membership[v]};
    // Sorted by (reference, run) community, each reference community's members
    // come together with the run communities ascending; the first strict maximum
    // is then the core with the smallest id among ties.
    std::sort(pairs.begin(), pairs.end());
    for (std::size_t i = 0; i < n;) {
      const int c = pairs[i].first;
      int best = -1;
      int best_count = 0;
      while (i < n && pairs[i].first == c) {
        const int d = pairs[i].second;
        int count = 0;
        for (; i < n && pairs[i].first == c && pairs[i].second == d; ++i) ++count;
        if (count > best_count) {
          best = d;
          best_count = count;
        }
      }
      core[static_cast<std::size_t>(c)] = best;
    }
    for (std::size_t v = 0; v < n; ++v) {
      if (run.membership[v] == core[static_cast<std::size_t>(ref.membership[v])]) ++hits[v];
    }
  }
  std::vector<double> confidence(n);
  for (std::size_t v = 0; v < n; ++v) confidence[v] = static_cast<double>(hits[v]) / runs;
  return confidence;
}

}  // namespace seams
