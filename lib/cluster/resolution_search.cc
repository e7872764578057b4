// Resolution search: bisection on log γ for a requested number of communities.

#include "lib/cluster/resolution_search.h"

#include <cmath>
#include <cstdlib>

namespace seams {

namespace {

constexpr double kLowest = 1e-3;
constexpr double kHighest = 1e3;
constexpr int kSteps = 40;

}  // namespace

ResolutionResult SearchResolution(const WeightedGraph& g, int target_count, const LeidenOptions& base) {
  LeidenOptions options = base;
  ResolutionResult best;
  bool have_best = false;
  int best_distance = 0;
  // Bisect on log γ: the count of communities grows with γ over several orders
  // of magnitude, so halving the logarithm spends the runs evenly over them.
  double low = std::log(kLowest);
  double high = std::log(kHighest);
  for (int step = 0; step < kSteps; ++step) {
    const double middle = (low + high) / 2;
    options.resolution = std::exp(middle);
    Partition partition = Leiden(g, options);
    const int count = partition.count;
    if (count == target_count) return {options.resolution, std::move(partition), true};
    const int distance = std::abs(count - target_count);
    if (!have_best || distance < best_distance || (distance == best_distance && options.resolution < best.resolution)) {
      have_best = true;
      best_distance = distance;
      best = {options.resolution, std::move(partition), false};
    }
    // Leiden is not exactly monotone in γ, but "too few → raise γ" is right on average.
    if (count < target_count) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return best;
}

}  // namespace seams
