// Decomposition metrics against hand computations on hand-made partitions.

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "lib/cluster/metrics.h"
#include "lib/core/error.h"

namespace {

using Edges = std::vector<seams::WeightedGraph::Edge>;

// Three contexts A = {0,1,2}, B = {3,4}, C = {5}; directed edges u → v.
const std::vector<int> kContexts = {0, 0, 0, 1, 1, 2};
const Edges kEdges = {
    {0, 1, 1}, {1, 2, 1}, {2, 0, 1},  // inside A: μ_A = 3
    {3, 4, 2},                        // inside B: μ_B = 2
    {2, 3, 1}, {4, 0, 1},             // A–B: σ_AB = 2
    {5, 3, 3},                        // C–B: σ_BC = 3
    {0, 5, 1},                        // A–C: σ_AC = 1
};

}  // namespace

TEST_CASE("Structural modularity equals hand computations", "[cluster]") {
  // K = 3, N = (3, 2, 1).
  // Cohesion: (1/3)(3/3² + 2/2² + 0/1²) = (1/3)(1/3 + 1/2) = 5/18.
  // Coupling: (1/3)(2/(2·3·2) + 3/(2·2·1) + 1/(2·3·1)) = (1/3)(1/6 + 3/4 + 1/6) = 13/36.
  // SM = 5/18 − 13/36 = −3/36 = −1/12.
  CHECK(seams::StructuralModularity(kEdges, kContexts) == Approx(-1.0 / 12));

  // Two contexts A, B on the first six edges: cohesion (1/2)(3/9 + 2/4) = 5/12,
  // coupling σ_AB/(2·3·2) = 2/12 over K(K−1)/2 = 1 pair: SM = 5/12 − 2/12 = 1/4.
  const Edges two(kEdges.begin(), kEdges.begin() + 6);
  CHECK(seams::StructuralModularity(two, {0, 0, 0, 1, 1}) == Approx(0.25));

  // K = 1: no coupling term; μ = 3 + 2 + 1 + 1 = 7 over N² = 25.
  CHECK(seams::StructuralModularity(two, {9, 9, 9, 9, 9}) == Approx(7.0 / 25));
  CHECK(seams::StructuralModularity({}, {}) == 0.0);
}

TEST_CASE("Interface number equals hand computations", "[cluster]") {
  // Crossing edges and their receivers: 2→3 (3 in B), 4→0 (0 in A), 5→3 (3 in B
  // again: one interface), 0→5 (5 in C). Interfaces A {0}, B {3}, C {5}: 3/3 = 1.
  CHECK(seams::InterfaceNumber(kEdges, kContexts) == Approx(1.0));
  // 3→1 makes 1 an interface of A too: (2 + 1 + 1)/3 = 4/3. Node 3 only sends, so
  // sending does not make an interface.
  Edges more = kEdges;
  more.push_back({3, 1, 1});
  CHECK(seams::InterfaceNumber(more, kContexts) == Approx(4.0 / 3));
  // All in one context: no interfaces.
  CHECK(seams::InterfaceNumber(kEdges, {0, 0, 0, 0, 0, 0}) == 0.0);
}

TEST_CASE("Non-extreme distribution equals hand computations", "[cluster]") {
  // Sizes 5, 3, 20, 21 (N = 49); 5 and 20 lie in [5, 20]: NED = 1 − 25/49 = 24/49.
  std::vector<int> membership;
  int context = 0;
  for (int size : {5, 3, 20, 21}) {
    membership.insert(membership.end(), static_cast<std::size_t>(size), context++);
  }
  CHECK(seams::NonExtremeDistribution(membership) == Approx(24.0 / 49));
  // Every size within [1, 100]: 0. None within [30, 40]: 1.
  CHECK(seams::NonExtremeDistribution(membership, 1, 100) == 0.0);
  CHECK(seams::NonExtremeDistribution(membership, 30, 40) == 1.0);
  CHECK(seams::NonExtremeDistribution({}) == 0.0);
}

TEST_CASE("Inter-call percentage equals hand computations", "[cluster]") {
  // Total 1+1+1+2+1+1+3+1 = 11; crossing 2→3 (1) + 4→0 (1) + 5→3 (3) + 0→5 (1) = 6.
  CHECK(seams::InterCallPercentage(kEdges, kContexts) == Approx(6.0 / 11));
  CHECK(seams::InterCallPercentage(kEdges, {0, 0, 0, 0, 0, 0}) == 0.0);
  CHECK(seams::InterCallPercentage({}, {0, 1}) == 0.0);
}

TEST_CASE("MoJoFM equals hand computations", "[cluster]") {
  // A = {0,1,2} {3,4,5} {6,7}, B (reference) = {0,1} {2,3,4,5} {6,7}.
  // Tags: A1 → B1 (2 of 3, so 1 move), A2 → B2 (0 moves), A3 → B3 (0 moves);
  // the matching gives 3 groups for 3 clusters: no join. mno = 1.
  // B's sizes ascending 2, 2, 4 → g = 1, 2, 3; max mno = n − g = 8 − 3 = 5.
  // MoJoFM = (1 − 1/5)·100 = 80.
  CHECK(seams::MoJoFM({0, 0, 0, 1, 1, 1, 2, 2}, {0, 0, 1, 1, 1, 1, 2, 2}) == Approx(80.0));

  // A = {0,1} {2,3} {4,5}, B = one cluster: 0 moves, 3 clusters in 1 group → 2 joins.
  // B's sizes: 6 → g = 1; max = 6 − 1 = 5. MoJoFM = (1 − 2/5)·100 = 60.
  CHECK(seams::MoJoFM({0, 0, 1, 1, 2, 2}, {0, 0, 0, 0, 0, 0}) == Approx(60.0));
  // The other way round: A = one cluster, B = three pairs. A ties all three tags;
  // moves 6 − 2 = 4, one cluster in one group: mno = 4. Sizes 2, 2, 2 → g = 1, 2, 2;
  // max = 6 − 2 = 4. MoJoFM = 0: the worst possible.
  CHECK(seams::MoJoFM({0, 0, 0, 0, 0, 0}, {0, 0, 1, 1, 2, 2}) == Approx(0.0).margin(1e-12));

  // The matching matters: A = {0,1} {2,3}, B = {0,2,3} {1}. A1 ties B1 and B2
  // (1 move either way), A2 → B1. A greedy A1 → B1 would then need a join; the
  // maximum matching sends A1 → B2, A2 → B1: mno = 1 (move object 0 from A1 to A2).
  // Sizes 1, 3 → g = 1, 2; max = 4 − 2 = 2. MoJoFM = 50.
  CHECK(seams::MoJoFM({0, 0, 1, 1}, {0, 1, 0, 0}) == Approx(50.0));

  // Identical partitions, however labelled: 100.
  CHECK(seams::MoJoFM({3, 3, 8, 8, 1}, {0, 0, 1, 1, 2}) == 100.0);
  CHECK(seams::MoJoFM({0}, {0}) == 100.0);
  CHECK_THROWS_AS(seams::MoJoFM({0, 1}, {0}), seams::SeamsError);
}

TEST_CASE("Adjusted Rand index equals hand computations", "[cluster]") {
  CHECK(seams::AdjustedRandIndex({0, 0, 1, 1, 2}, {5, 5, 3, 3, 9}) == 1.0);
  CHECK(seams::AdjustedRandIndex({0, 1, 2}, {0, 1, 2}) == 1.0);
  CHECK(seams::AdjustedRandIndex({0, 0, 0}, {1, 1, 1}) == 1.0);

  // a = {0,1,2} {3,4,5}, b = {0,1} {2,3} {4,5}. Contingency [[2,1,0],[0,1,2]]:
  // index Σ C(n_ij,2) = 1 + 1 = 2; Σ C(a_i,2) = 3 + 3 = 6; Σ C(b_j,2) = 1 + 1 + 1 = 3;
  // C(6,2) = 15; expected = 6·3/15 = 1.2; max = (6 + 3)/2 = 4.5.
  // ARI = (2 − 1.2)/(4.5 − 1.2) = 0.8/3.3 = 8/33.
  CHECK(seams::AdjustedRandIndex({0, 0, 0, 1, 1, 1}, {0, 0, 1, 1, 2, 2}) == Approx(8.0 / 33));

  // a = {0,1} {2,3}, b = {0,2} {1,3}: index 0, expected 2·2/6 = 2/3, max 2:
  // ARI = (0 − 2/3)/(2 − 2/3) = −1/2 — worse than chance.
  CHECK(seams::AdjustedRandIndex({0, 0, 1, 1}, {0, 1, 0, 1}) == Approx(-0.5));
}

TEST_CASE("ModularityQ is Modularity", "[cluster]") {
  seams::WeightedGraph g;
  g.node_count = 6;
  g.edges = {{0, 1, 1}, {1, 2, 1}, {0, 2, 1}, {3, 4, 1}, {4, 5, 1}, {3, 5, 1}, {2, 3, 1}};
  CHECK(seams::ModularityQ(g, {0, 0, 0, 1, 1, 1}) == Approx(5.0 / 14));
}

namespace {

// Every partition of n objects, as canonical label vectors (restricted growth strings).
std::vector<std::vector<int>> AllPartitions(int n) {
  std::vector<std::vector<int>> out;
  std::vector<int> labels(static_cast<std::size_t>(n), 0);
  auto grow = [&](auto&& self, int at, int used) -> void {
    if (at == n) {
      out.push_back(labels);
      return;
    }
    for (int l = 0; l <= used; ++l) {
      labels[static_cast<std::size_t>(at)] = l;
      self(self, at + 1, std::max(used, l + 1));
    }
  };
  grow(grow, 0, 0);
  return out;
}

}  // namespace

TEST_CASE("MoJoFM agrees with a brute-force MoJo on every pair of partitions of 6 objects", "[cluster]") {
  // Breadth-first search over all 203 partitions, one Move (an object to another
  // or a new cluster) or one Join (two clusters) per step, gives the true mno;
  // its maximum over A gives max(mno(∀A, B)). Both must match MoJoFM exactly.
  const int n = 6;
  const auto partitions = AllPartitions(n);
  std::map<std::vector<int>, std::size_t> index;
  for (std::size_t i = 0; i < partitions.size(); ++i) index[partitions[i]] = i;
  auto id = [&](std::vector<int> labels) { return index.at(seams::Canonical(std::move(labels)).membership); };
  std::vector<std::vector<std::size_t>> next(partitions.size());
  for (std::size_t i = 0; i < partitions.size(); ++i) {
    const auto& p = partitions[i];
    const int k = *std::max_element(p.begin(), p.end()) + 1;
    for (int v = 0; v < n; ++v) {
      for (int c = 0; c <= k; ++c) {  // c == k: a new cluster
        auto moved = p;
        moved[static_cast<std::size_t>(v)] = c;
        next[i].push_back(id(moved));
      }
    }
    for (int a = 0; a < k; ++a) {
      for (int b = a + 1; b < k; ++b) {
        auto joined = p;
        for (int& l : joined) l = l == b ? a : l;
        next[i].push_back(id(joined));
      }
    }
  }
  const std::size_t count = partitions.size();
  std::vector<std::vector<int>> distance(count, std::vector<int>(count, -1));
  for (std::size_t a = 0; a < count; ++a) {
    std::vector<std::size_t> queue = {a};
    distance[a][a] = 0;
    for (std::size_t at = 0; at < queue.size(); ++at) {
      for (std::size_t b : next[queue[at]]) {
        if (distance[a][b] < 0) {
          distance[a][b] = distance[a][queue[at]] + 1;
          queue.push_back(b);
        }
      }
    }
  }
  int mismatches = 0;
  for (std::size_t b = 0; b < count; ++b) {
    int worst = 0;
    for (std::size_t a = 0; a < count; ++a) worst = std::max(worst, distance[a][b]);
    for (std::size_t a = 0; a < count; ++a) {
      const double expected = worst == 0 ? 100.0 : (1.0 - static_cast<double>(distance[a][b]) / worst) * 100.0;
      if (seams::MoJoFM(partitions[a], partitions[b]) != Approx(expected)) ++mismatches;
    }
  }
  CHECK(mismatches == 0);
}
