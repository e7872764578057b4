// Consensus: each node's confidence from how often it stays in its community's core over other seeds.

#include "lib/cluster/consensus.h"

#include <algorithm>
#include <utility>

#include "lib/cluster/metrics.h"
#include "lib/core/error.h"

namespace seams {

std::vector<double> Consensus(const WeightedGraph& g, const Partition& reference, const LeidenOptions& base,
                              int runs) {
  const std::size_t n = reference.membership.size();
  if (n != static_cast<std::size_t>(g.node_count)) {
    throw SeamsError(ErrorKind::kInput, "consensus: the reference partition must have one entry per node");
  }
  if (runs <= 0) return std::vector<double>(n, 1.0);
  std::vector<Partition> made;
  LeidenOptions options = base;
  for (int r = 1; r <= runs; ++r) {
    options.seed = base.seed + static_cast<std::uint64_t>(r);
    made.push_back(Leiden(g, options));
  }
  return ConfidenceOver(reference, made);
}

Partition MostRepresentative(const WeightedGraph& g, const LeidenOptions& base, int runs, int same_count,
                             std::vector<Partition>* all) {
  std::vector<Partition> made;
  LeidenOptions options = base;
  for (int r = 0; r <= std::max(0, runs); ++r) {
    options.seed = base.seed + static_cast<std::uint64_t>(r);
    made.push_back(Leiden(g, options));
  }
  std::size_t best = 0;
  double best_mean = -2;
  for (std::size_t i = 0; i < made.size(); ++i) {
    if (same_count > 0 && made[i].count != same_count && i != 0) continue;
    double sum = 0;
    for (std::size_t j = 0; j < made.size(); ++j) {
      if (j != i) sum += AdjustedRandIndex(made[i].membership, made[j].membership);
    }
    const double mean = made.size() > 1 ? sum / static_cast<double>(made.size() - 1) : 1.0;
    // Strictly better only: the lowest seed wins ties, and seed 0's run is the fallback.
    if (mean > best_mean + 1e-12) {
      best_mean = mean;
      best = i;
    }
  }
  Partition chosen = made[best];
  if (all) {
    made.erase(made.begin() + static_cast<std::ptrdiff_t>(best));
    *all = std::move(made);
  }
  return chosen;
}

std::vector<double> ConfidenceOver(const Partition& reference, const std::vector<Partition>& made) {
  const std::size_t n = reference.membership.size();
  const int runs = static_cast<int>(made.size());
  if (runs == 0) return std::vector<double>(n, 1.0);
  // Compact labels even if the caller's are not canonical.
  const Partition ref = Canonical(reference.membership);
  std::vector<int> hits(n, 0);
  std::vector<std::pair<int, int>> pairs(n);
  std::vector<int> core(static_cast<std::size_t>(ref.count), 0);
  for (const Partition& run : made) {
    if (run.membership.size() != n) {
      throw SeamsError(ErrorKind::kInput, "consensus: every run must have one entry per node");
    }
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
