// Decomposition metrics: SM, IFN (Jin et al. 2019), NED, ICP (Kalia et al. 2021),
// MoJoFM (Wen & Tzerpos 2004), ARI (Hubert & Arabie 1985). Definitions and
// sources are on the declarations in metrics.h; the steps that need a reason
// have one here.

#include "lib/cluster/metrics.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/max_cardinality_matching.hpp>
#include <map>
#include <string>
#include <utility>

#include "lib/core/error.h"

namespace seams {

namespace {

void CheckEdges(const std::vector<WeightedGraph::Edge>& edges, std::size_t n, const char* metric) {
  for (const auto& e : edges) {
    if (e.u < 0 || e.v < 0 || static_cast<std::size_t>(e.u) >= n || static_cast<std::size_t>(e.v) >= n) {
      throw SeamsError(ErrorKind::kInput, std::string(metric) + ": edge " + std::to_string(e.u) + "→" +
                                              std::to_string(e.v) + " names a node without a context");
    }
  }
}

void CheckSameSize(const std::vector<int>& a, const std::vector<int>& b, const char* metric) {
  if (a.size() != b.size()) {
    throw SeamsError(ErrorKind::kInput, std::string(metric) + ": the two partitions cover different node counts");
  }
}

std::vector<int> Sizes(const Partition& p) {
  std::vector<int> sizes(static_cast<std::size_t>(p.count), 0);
  for (int c : p.membership) ++sizes[static_cast<std::size_t>(c)];
  return sizes;
}

// The non-empty cells of the contingency table of two canonical partitions, as
// ((a-community, b-community), count) sorted by a then b.
std::vector<std::pair<std::pair<int, int>, int>> Contingency(const Partition& a, const Partition& b) {
  std::vector<std::pair<int, int>> pairs(a.membership.size());
  for (std::size_t v = 0; v < pairs.size(); ++v) pairs[v] = {a.membership[v], b.membership[v]};
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::pair<std::pair<int, int>, int>> cells;
  for (const auto& pair : pairs) {
    if (cells.empty() || cells.back().first != pair) cells.push_back({pair, 0});
    ++cells.back().second;
  }
  return cells;
}

double Pairs(double count) { return count * (count - 1) / 2; }

}  // namespace

double StructuralModularity(const std::vector<WeightedGraph::Edge>& edges, const std::vector<int>& membership) {
  CheckEdges(edges, membership.size(), "structural modularity");
  const Partition p = Canonical(membership);
  const int k = p.count;
  if (k == 0) return 0.0;
  const std::vector<int> sizes = Sizes(p);
  std::vector<double> inside(static_cast<std::size_t>(k), 0.0);
  std::map<std::pair<int, int>, double> between;  // σ_ij for i < j, either direction
  for (const auto& e : edges) {
    int i = p.membership[static_cast<std::size_t>(e.u)];
    int j = p.membership[static_cast<std::size_t>(e.v)];
    if (i == j) {
      inside[static_cast<std::size_t>(i)] += e.weight;
    } else {
      between[std::minmax(i, j)] += e.weight;
    }
  }
  double cohesion = 0;
  for (std::size_t i = 0; i < inside.size(); ++i) {
    const double size = sizes[i];
    cohesion += inside[i] / (size * size);
  }
  cohesion /= k;
  if (k == 1) return cohesion;
  // Pairs without edges add 0, so only the pairs in `between` need visiting.
  double coupling = 0;
  for (const auto& [pair, sigma] : between) {
    coupling += sigma / (2.0 * sizes[static_cast<std::size_t>(pair.first)] * sizes[static_cast<std::size_t>(pair.second)]);
  }
  coupling /= k * (k - 1) / 2.0;
  return cohesion - coupling;
}

double InterfaceNumber(const std::vector<WeightedGraph::Edge>& edges, const std::vector<int>& membership) {
  CheckEdges(edges, membership.size(), "interface number");
  const Partition p = Canonical(membership);
  if (p.count == 0) return 0.0;
  // A member is one interface however many foreign callers it has.
  std::vector<char> is_interface(membership.size(), 0);
  for (const auto& e : edges) {
    if (p.membership[static_cast<std::size_t>(e.u)] != p.membership[static_cast<std::size_t>(e.v)]) {
      is_interface[static_cast<std::size_t>(e.v)] = 1;
    }
  }
  double interfaces = 0;
  for (char flag : is_interface) interfaces += flag;
  return interfaces / p.count;
}

double NonExtremeDistribution(const std::vector<int>& membership, int low, int high) {
  if (membership.empty()) return 0.0;
  double non_extreme = 0;
  for (int size : Sizes(Canonical(membership))) {
    if (size >= low && size <= high) non_extreme += size;
  }
  return 1.0 - non_extreme / static_cast<double>(membership.size());
}

double InterCallPercentage(const std::vector<WeightedGraph::Edge>& edges, const std::vector<int>& membership) {
  CheckEdges(edges, membership.size(), "inter-call percentage");
  double total = 0;
  double crossing = 0;
  for (const auto& e : edges) {
    total += e.weight;
    if (membership[static_cast<std::size_t>(e.u)] != membership[static_cast<std::size_t>(e.v)]) crossing += e.weight;
  }
  return total > 0 ? crossing / total : 0.0;
}

// mno(A, B), the published algorithm (Wen & Tzerpos 2004, after Tzerpos & Holt
// 1999, "MoJo: a distance metric for software clusterings", WCRE):
//  1. tag every cluster A_i with the clusters B_j holding the most of its
//     objects; moving its other objects costs |A_i| − max_j |A_i ∩ B_j| moves,
//     whichever of its tags it ends up in;
//  2. A-clusters with the same group must then be joined: l(A) − g joins, where
//     g is the number of non-empty groups. A maximum bipartite matching between
//     A-clusters and their tags maximises g: matched clusters open their own
//     group, and every unmatched one has all its tags matched already (or the
//     matching could grow), so g equals the matching size;
//  mno(A, B) = Σ_i (|A_i| − max_j |A_i ∩ B_j|) + l(A) − g.
// The maximum over all A (the paper's Theorem, and maxDistanceTo in the
// authors' MoJo 2.0 MoJoCalculator.java) is max(mno(∀A, B)) = n − g(B), where
// g(B) comes from B's cluster sizes in ascending order, counting one more group
// each time a size exceeds the count so far (sizes 1,2,3,10,10 → g = 5; sizes
// 1,1,1 → g = 1).
double MoJoFM(const std::vector<int>& a, const std::vector<int>& b) {
  CheckSameSize(a, b, "MoJoFM");
  const Partition pa = Canonical(a);
  const Partition pb = Canonical(b);
  const auto la = static_cast<std::size_t>(pa.count);
  const auto lb = static_cast<std::size_t>(pb.count);

  using MatchGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  MatchGraph tags(la + lb);
  long moves = 0;
  const auto cells = Contingency(pa, pb);
  for (std::size_t first = 0; first < cells.size();) {
    const int i = cells[first].first.first;
    std::size_t last = first;
    int size = 0;
    int most = 0;
    for (; last < cells.size() && cells[last].first.first == i; ++last) {
      size += cells[last].second;
      most = std::max(most, cells[last].second);
    }
    moves += size - most;
    for (std::size_t c = first; c < last; ++c) {
      if (cells[c].second == most) {
        boost::add_edge(static_cast<std::size_t>(i), la + static_cast<std::size_t>(cells[c].first.second), tags);
      }
    }
    first = last;
  }
  std::vector<boost::graph_traits<MatchGraph>::vertex_descriptor> mate(la + lb);
  boost::edmonds_maximum_cardinality_matching(tags, mate.data());
  const auto groups = static_cast<long>(boost::matching_size(tags, mate.data()));
  const long mno = moves + static_cast<long>(la) - groups;

  std::vector<int> sizes = Sizes(pb);
  std::sort(sizes.begin(), sizes.end());
  long g = 0;
  for (int size : sizes) {
    if (g < size) ++g;
  }
  const long worst = static_cast<long>(a.size()) - g;
  // Only a single object (or none) leaves no room for any distance: A equals B.
  if (worst <= 0) return 100.0;
  return (1.0 - static_cast<double>(mno) / static_cast<double>(worst)) * 100.0;
}

double AdjustedRandIndex(const std::vector<int>& a, const std::vector<int>& b) {
  CheckSameSize(a, b, "adjusted Rand index");
  const Partition pa = Canonical(a);
  const Partition pb = Canonical(b);
  double index = 0;
  for (const auto& cell : Contingency(pa, pb)) index += Pairs(cell.second);
  double pairs_a = 0;
  for (int size : Sizes(pa)) pairs_a += Pairs(size);
  double pairs_b = 0;
  for (int size : Sizes(pb)) pairs_b += Pairs(size);
  const double all = Pairs(static_cast<double>(a.size()));
  if (all <= 0) return 1.0;
  const double expected = pairs_a * pairs_b / all;
  const double maximum = (pairs_a + pairs_b) / 2;
  // maximum == expected only when both are all-singletons or both one community
  // (AM–GM), i.e. the partitions are equal; the formula is 0/0 there.
  if (maximum == expected) return 1.0;
  return (index - expected) / (maximum - expected);
}

}  // namespace seams
