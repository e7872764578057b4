// Leiden, modularity, the resolution search and consensus on graphs whose
// answer is known: rings of cliques, a planted block model, hand-made graphs.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>

#include "lib/cluster/consensus.h"
#include "lib/cluster/leiden.h"
#include "lib/cluster/metrics.h"
#include "lib/cluster/resolution_search.h"
#include "lib/cluster/weighted_graph.h"
#include "lib/core/error.h"

namespace {

using seams::Partition;
using seams::WeightedGraph;

// `cliques` complete graphs of `size` nodes; the last node of clique c is joined
// to the first node of clique c+1 (mod cliques) by one edge.
WeightedGraph CliqueRing(int cliques, int size) {
  WeightedGraph g;
  g.node_count = cliques * size;
  for (int c = 0; c < cliques; ++c) {
    const int base = c * size;
    for (int i = 0; i < size; ++i) {
      for (int j = i + 1; j < size; ++j) g.edges.push_back({base + i, base + j, 1.0});
    }
    g.edges.push_back({base + size - 1, ((c + 1) % cliques) * size, 1.0});
  }
  return g;
}

// Node v in block v / size.
std::vector<int> Blocks(int nodes, int size) {
  std::vector<int> out(static_cast<std::size_t>(nodes));
  for (int v = 0; v < nodes; ++v) out[static_cast<std::size_t>(v)] = v / size;
  return out;
}

// Uniform in [0, 1), the same on every standard library.
double Uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// A stochastic block model: `blocks` blocks of `size` nodes, an edge inside a
// block with probability p_in and between blocks with p_out.
WeightedGraph BlockModel(int blocks, int size, double p_in, double p_out, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  WeightedGraph g;
  g.node_count = blocks * size;
  for (int u = 0; u < g.node_count; ++u) {
    for (int v = u + 1; v < g.node_count; ++v) {
      const double p = u / size == v / size ? p_in : p_out;
      if (Uniform(rng) < p) g.edges.push_back({u, v, 1.0});
    }
  }
  return g;
}

// A large sparse graph with planted communities of `size` nodes: every node
// draws `inside` neighbours in its community and `outside` anywhere.
WeightedGraph PlantedSparse(int nodes, int size, int inside, int outside, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  WeightedGraph g;
  g.node_count = nodes;
  auto below = [&](int bound) { return static_cast<int>(Uniform(rng) * bound); };
  for (int u = 0; u < nodes; ++u) {
    const int base = u / size * size;
    for (int i = 0; i < inside; ++i) {
      int v = base + below(size);
      if (v != u) g.edges.push_back({u, v, 1.0});
    }
    for (int i = 0; i < outside; ++i) {
      int v = below(nodes);
      if (v != u) g.edges.push_back({u, v, 1.0});
    }
  }
  return g;
}

seams::LeidenOptions WithResolution(double resolution, std::uint64_t seed = 1) {
  seams::LeidenOptions options;
  options.resolution = resolution;
  options.seed = seed;
  return options;
}

}  // namespace

TEST_CASE("Canonical numbers communities by their smallest node", "[cluster]") {
  Partition p = seams::Canonical({7, 7, -3, 2, -3, 7});
  CHECK(p.membership == std::vector<int>{0, 0, 1, 2, 1, 0});
  CHECK(p.count == 3);
  CHECK(seams::Canonical({1, 0, 1}) == seams::Canonical({5, 9, 5}));
  CHECK(seams::Canonical({}).count == 0);
}

// Why not γ = 1 for this ring: 30 cliques of K5 hold 30·10 + 30 = 330 edges, so
// 2m = 660 and each clique has K = 5·4 + 2 = 22. Joining two adjacent cliques
// gains ΔH = 1 − γ·22·22/660 = 1 − 0.733γ, positive below γ ≈ 1.364: at γ = 1 the
// modularity optimum pairs cliques (Q = 15·(21/330 − (44/660)²) ≈ 0.8879 against
// 30·(10/330 − (22/660)²) ≈ 0.8758 for single cliques) — the resolution limit of
// Fortunato & Barthélemy 2007. Splitting a clique only pays above γ ≈ 30, so the
// planted cliques are the optimum for every γ in (1.364, 30); we test near the low end.
TEST_CASE("Leiden recovers every clique of a ring of 30 five-cliques", "[cluster]") {
  const WeightedGraph ring = CliqueRing(30, 5);
  const Partition planted = seams::Canonical(Blocks(150, 5));
  for (double resolution : {1.4, 1.5, 2.0, 3.0}) {
    for (std::uint64_t seed : {1u, 2u, 3u, 42u}) {
      INFO("resolution " << resolution << ", seed " << seed);
      CHECK(seams::Leiden(ring, WithResolution(resolution, seed)) == planted);
    }
  }
}

TEST_CASE("At γ = 1 the clique ring pairs cliques and never splits one", "[cluster]") {
  const WeightedGraph ring = CliqueRing(30, 5);
  const std::vector<int> planted = Blocks(150, 5);
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const Partition p = seams::Leiden(ring, WithResolution(1.0, seed));
    std::vector<std::set<int>> cliques_of(static_cast<std::size_t>(p.count));
    for (int v = 0; v < 150; ++v) {
      // Every node sits with the rest of its clique.
      CHECK(p.membership[static_cast<std::size_t>(v)] == p.membership[static_cast<std::size_t>(v / 5 * 5)]);
      cliques_of[static_cast<std::size_t>(p.membership[static_cast<std::size_t>(v)])].insert(v / 5);
    }
    // …and the optimum merges cliques, one or two adjacent ones per community here.
    CHECK(p.count < 30);
    for (const auto& cliques : cliques_of) {
      CHECK(cliques.size() <= 2);
      if (cliques.size() == 2) {
        int a = *cliques.begin(), b = *cliques.rbegin();
        CHECK((b - a == 1 || (a == 0 && b == 29)));
      }
    }
    CHECK(seams::Modularity(ring, p.membership) > seams::Modularity(ring, planted));
  }
}

TEST_CASE("Leiden recovers the blocks of a stochastic block model", "[cluster]") {
  // 5 blocks × 40 nodes, p_in = 0.3, p_out = 0.01: about 11.7 neighbours inside
  // and 1.6 outside each node, far above the detectability threshold.
  const WeightedGraph g = BlockModel(5, 40, 0.3, 0.01, 7);
  const std::vector<int> planted = Blocks(200, 40);
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const Partition p = seams::Leiden(g, WithResolution(1.0, seed));
    CHECK(seams::AdjustedRandIndex(p.membership, planted) == 1.0);
    CHECK(p == seams::Canonical(planted));
  }
}

TEST_CASE("Leiden is deterministic for a seed", "[cluster]") {
  const WeightedGraph g = PlantedSparse(2000, 50, 6, 3, 11);
  for (std::uint64_t seed : {1u, 9u}) {
    const Partition first = seams::Leiden(g, WithResolution(1.0, seed));
    const Partition second = seams::Leiden(g, WithResolution(1.0, seed));
    CHECK(first == second);
    CHECK(first == seams::Canonical(first.membership));
  }
}

TEST_CASE("Different seeds reach the same modularity on the clique ring", "[cluster]") {
  const WeightedGraph ring = CliqueRing(30, 5);
  const double expected = seams::Modularity(ring, seams::Leiden(ring, WithResolution(2.0, 1)).membership, 2.0);
  for (std::uint64_t seed = 2; seed <= 12; ++seed) {
    const Partition p = seams::Leiden(ring, WithResolution(2.0, seed));
    CHECK(seams::Modularity(ring, p.membership, 2.0) == Approx(expected).epsilon(1e-12));
  }
}

TEST_CASE("Leiden's modularity is at least the planted partition's", "[cluster]") {
  const WeightedGraph g = PlantedSparse(5000, 100, 8, 2, 3);
  const Partition p = seams::Leiden(g, WithResolution(1.0));
  CHECK(seams::Modularity(g, p.membership) >= seams::Modularity(g, Blocks(5000, 100)));
  CHECK(seams::AdjustedRandIndex(p.membership, Blocks(5000, 100)) > 0.95);
}

TEST_CASE("A pin group stays together where the graph would split it", "[cluster]") {
  const WeightedGraph ring = CliqueRing(30, 5);
  seams::LeidenOptions options = WithResolution(2.0);
  const Partition free = seams::Leiden(ring, options);
  // Without pins node 0 (clique 0) and node 75 (clique 15, across the ring) are apart.
  REQUIRE(free.membership[0] != free.membership[75]);
  options.pins.assign(150, -1);
  options.pins[0] = 4;
  options.pins[75] = 4;
  const Partition pinned = seams::Leiden(ring, options);
  CHECK(pinned.membership[0] == pinned.membership[75]);
}

TEST_CASE("Two pin groups stay apart where the graph would merge them", "[cluster]") {
  const WeightedGraph ring = CliqueRing(30, 5);
  seams::LeidenOptions options = WithResolution(2.0);
  // Nodes 1 and 2 share a clique, so without pins they share a community.
  REQUIRE(seams::Leiden(ring, options).membership[1] == seams::Leiden(ring, options).membership[2]);
  options.pins.assign(150, -1);
  options.pins[1] = 0;
  options.pins[2] = 1;
  options.pins[10] = 1;  // a second member of group 1, in clique 2
  const Partition pinned = seams::Leiden(ring, options);
  CHECK(pinned.membership[1] != pinned.membership[2]);
  CHECK(pinned.membership[2] == pinned.membership[10]);
  // Every community holds members of at most one pin group.
  std::vector<std::set<int>> groups(static_cast<std::size_t>(pinned.count));
  for (int v = 0; v < 150; ++v) {
    if (options.pins[static_cast<std::size_t>(v)] >= 0) {
      groups[static_cast<std::size_t>(pinned.membership[static_cast<std::size_t>(v)])].insert(
          options.pins[static_cast<std::size_t>(v)]);
    }
  }
  for (const auto& g : groups) CHECK(g.size() <= 1);
}

TEST_CASE("Pins hold on a block model at every seed", "[cluster]") {
  const WeightedGraph g = BlockModel(5, 40, 0.3, 0.01, 7);
  seams::LeidenOptions options = WithResolution(1.0);
  options.pins.assign(200, -1);
  // Group 0 spans blocks 0 and 1; group 1 sits inside block 0 too.
  options.pins[0] = 0;
  options.pins[45] = 0;
  options.pins[5] = 1;
  for (std::uint64_t seed : {1u, 2u, 3u, 4u}) {
    options.seed = seed;
    const Partition p = seams::Leiden(g, options);
    CHECK(p.membership[0] == p.membership[45]);
    CHECK(p.membership[0] != p.membership[5]);
  }
}

TEST_CASE("Leiden handles empty, edgeless and looped graphs", "[cluster]") {
  CHECK(seams::Leiden(WeightedGraph{}, {}).count == 0);

  WeightedGraph edgeless;
  edgeless.node_count = 4;
  seams::LeidenOptions options;
  CHECK(seams::Leiden(edgeless, options).membership == std::vector<int>{0, 1, 2, 3});
  options.pins = {-1, 3, -1, 3};
  CHECK(seams::Leiden(edgeless, options).membership == std::vector<int>{0, 1, 2, 1});

  // Parallel edges add up: the same partition as their sum.
  WeightedGraph doubled = CliqueRing(6, 4);
  WeightedGraph summed = doubled;
  for (auto& e : summed.edges) e.weight = 2.0;
  doubled.edges.insert(doubled.edges.end(), doubled.edges.begin(), doubled.edges.end());
  CHECK(seams::Leiden(doubled, WithResolution(1.0)) == seams::Leiden(summed, WithResolution(1.0)));
  CHECK(seams::Modularity(doubled, Blocks(24, 4)) == Approx(seams::Modularity(summed, Blocks(24, 4))));

  // A heavy loop keeps node 0 out of the triangle {1,2,3} it touches: m = 10 + 1 + 3 = 14,
  // k0 = 2·10 + 1 = 21 and the triangle's K = 3 + 2 + 2 = 7, so joining gains 1 − 21·7/28 < 0.
  WeightedGraph looped;
  looped.node_count = 4;
  looped.edges = {{0, 0, 10.0}, {0, 1, 1.0}, {1, 2, 1.0}, {2, 3, 1.0}, {3, 1, 1.0}};
  CHECK(seams::Leiden(looped, WithResolution(1.0)).membership == std::vector<int>{0, 1, 1, 1});
}

TEST_CASE("Leiden rejects invalid graphs and options", "[cluster]") {
  WeightedGraph g;
  g.node_count = 2;
  g.edges = {{0, 2, 1.0}};
  CHECK_THROWS_AS(seams::Leiden(g, {}), seams::SeamsError);
  g.edges = {{0, 1, -1.0}};
  CHECK_THROWS_AS(seams::Leiden(g, {}), seams::SeamsError);
  g.edges = {{0, 1, 1.0}};
  seams::LeidenOptions options;
  options.pins = {0};
  CHECK_THROWS_AS(seams::Leiden(g, options), seams::SeamsError);
  options.pins = {0, -2};
  CHECK_THROWS_AS(seams::Leiden(g, options), seams::SeamsError);
  CHECK_THROWS_AS(seams::Modularity(g, {0}), seams::SeamsError);
}

TEST_CASE("Modularity equals hand computations", "[cluster]") {
  // Two triangles {0,1,2} and {3,4,5} joined by the edge 2–3: m = 7.
  // Each side: L = 3, K = 2 + 2 + 3 = 7. Q = 2·(3/7 − (7/14)²) = 2·(12/28 − 7/28) = 5/14.
  WeightedGraph triangles;
  triangles.node_count = 6;
  triangles.edges = {{0, 1, 1}, {1, 2, 1}, {0, 2, 1}, {3, 4, 1}, {4, 5, 1}, {3, 5, 1}, {2, 3, 1}};
  const std::vector<int> split = {0, 0, 0, 1, 1, 1};
  CHECK(seams::Modularity(triangles, split) == Approx(5.0 / 14));
  // With γ = 0.5: Q = 2·(3/7 − 0.5·1/4) = 2·(24/56 − 7/56) = 17/28.
  CHECK(seams::Modularity(triangles, split, 0.5) == Approx(17.0 / 28));
  // One community: L = 7, K = 14: Q = 7/7 − (14/14)² = 0.
  CHECK(seams::Modularity(triangles, {4, 4, 4, 4, 4, 4}) == Approx(0.0).margin(1e-15));
  // Leiden finds the split.
  CHECK(seams::Leiden(triangles, {}).membership == split);

  // Weights and a loop: 0–1 weight 2, loop at 0 weight 1, 1–2 weight 1; m = 4.
  // Degrees: k0 = 2 + 2·1 = 4, k1 = 2 + 1 = 3, k2 = 1 (sum 8 = 2m).
  // {0,1}: L = 2 + 1 = 3, K = 7; {2}: L = 0, K = 1.
  // Q = 3/4 − (7/8)² + 0 − (1/8)² = 48/64 − 49/64 − 1/64 = −1/32.
  WeightedGraph looped;
  looped.node_count = 3;
  looped.edges = {{0, 1, 2}, {0, 0, 1}, {1, 2, 1}};
  CHECK(seams::Modularity(looped, {0, 0, 1}) == Approx(-1.0 / 32));
  // All singletons: L = 1 (the loop) for {0}; Q = 1/4 − (4/8)² − (3/8)² − (1/8)² = 16/64 − 16/64 − 9/64 − 1/64 = −10/64.
  CHECK(seams::Modularity(looped, {0, 1, 2}) == Approx(-10.0 / 64));

  // A 4-cycle 0–1–2–3–0 split {0,1},{2,3}: m = 4, each side L = 1, K = 4.
  // Q = 2·(1/4 − (4/8)²) = 0.
  WeightedGraph square;
  square.node_count = 4;
  square.edges = {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 0, 1}};
  CHECK(seams::Modularity(square, {0, 0, 1, 1}) == Approx(0.0).margin(1e-15));
  // Alternating {0,2},{1,3}: L = 0 each, Q = −2·(1/2)² = −1/2.
  CHECK(seams::Modularity(square, {0, 1, 0, 1}) == Approx(-0.5));

  // No weight at all: 0 by convention.
  WeightedGraph empty;
  empty.node_count = 2;
  CHECK(seams::Modularity(empty, {0, 1}) == 0.0);
}

TEST_CASE("SearchResolution reaches a requested count on the clique ring", "[cluster]") {
  const WeightedGraph ring = CliqueRing(30, 5);
  seams::LeidenOptions base;
  for (int target : {10, 30}) {
    INFO("target " << target);
    const seams::ResolutionResult found = seams::SearchResolution(ring, target, base);
    CHECK(found.exact);
    CHECK(found.partition.count == target);
    CHECK(found.partition == seams::Leiden(ring, WithResolution(found.resolution)));
  }
  // 150 singletons is the most there can be; 200 cannot be reached.
  const seams::ResolutionResult too_many = seams::SearchResolution(ring, 200, base);
  CHECK_FALSE(too_many.exact);
  CHECK(too_many.partition.count == 150);
  const seams::ResolutionResult none = seams::SearchResolution(ring, 0, base);
  CHECK_FALSE(none.exact);
  CHECK(none.partition.count >= 1);
}

TEST_CASE("Consensus is 1 everywhere on the clique ring", "[cluster]") {
  const WeightedGraph ring = CliqueRing(30, 5);
  const seams::LeidenOptions base = WithResolution(2.0);
  const Partition reference = seams::Leiden(ring, base);
  const std::vector<double> confidence = seams::Consensus(ring, reference, base, 10);
  REQUIRE(confidence.size() == 150);
  for (double c : confidence) CHECK(c == 1.0);
  CHECK(seams::Consensus(ring, reference, base, 0) == std::vector<double>(150, 1.0));
}

TEST_CASE("Consensus follows the core of each community", "[cluster]") {
  // At γ = 1 the ring pairs cliques differently per seed, so against the planted
  // cliques the core of a clique is always the whole clique (it is never split):
  // confidence 1. Against a reference that glues cliques 0–2 together, at most
  // two of them can share the core in a run, so the third clique's nodes drop.
  const WeightedGraph ring = CliqueRing(30, 5);
  const seams::LeidenOptions base = WithResolution(1.0);
  for (double c : seams::Consensus(ring, seams::Canonical(Blocks(150, 5)), base, 5)) CHECK(c == 1.0);
  std::vector<int> glued = Blocks(150, 5);
  for (int v = 5; v < 15; ++v) glued[static_cast<std::size_t>(v)] = 0;
  const std::vector<double> confidence = seams::Consensus(ring, seams::Canonical(glued), base, 5);
  double glued_sum = 0;
  for (int v = 0; v < 15; ++v) glued_sum += confidence[static_cast<std::size_t>(v)];
  CHECK(glued_sum <= 10.0 + 1e-9);
  for (int v = 15; v < 150; ++v) CHECK(confidence[static_cast<std::size_t>(v)] == 1.0);
}

TEST_CASE("Leiden clusters a 50,000-node sparse graph", "[cluster]") {
  // The size the performance target names (well under a second in Release); no
  // time is asserted here. 500 planted communities of 100 nodes with about 8
  // neighbours inside and 2 outside: K_c ≈ 1000 and 2m ≈ 500,000, so at γ = 1
  // the optimum merges some planted communities (the resolution limit again) —
  // we only ask for at least the planted partition's modularity.
  const WeightedGraph g = PlantedSparse(50000, 100, 4, 1, 5);
  REQUIRE(g.edges.size() > 240000);
  const Partition p = seams::Leiden(g, WithResolution(1.0));
  CHECK(p.count > 100);
  CHECK(p.count <= 500);
  CHECK(seams::Modularity(g, p.membership) >= seams::Modularity(g, Blocks(50000, 100)));
}

TEST_CASE("seams::MostRepresentative picks the run closest to all the others", "[cluster][consensus]") {
  // A noisy block model: seeds disagree on some nodes, so the choice matters.
  const WeightedGraph g = BlockModel(6, 12, 0.35, 0.08, 7);
  seams::LeidenOptions base;
  base.seed = 1;
  std::vector<Partition> others;
  const Partition chosen = seams::MostRepresentative(g, base, 10, 0, &others);
  REQUIRE(others.size() == 10);
  // Recompute every run independently and the mean agreement of each with the rest.
  std::vector<Partition> runs;
  for (std::uint64_t s = 1; s <= 11; ++s) {
    seams::LeidenOptions o = base;
    o.seed = s;
    runs.push_back(seams::Leiden(g, o));
  }
  std::vector<double> mean(runs.size(), 0);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    for (std::size_t j = 0; j < runs.size(); ++j)
      if (i != j) mean[i] += seams::AdjustedRandIndex(runs[i].membership, runs[j].membership) / 10.0;
  }
  const std::size_t best = static_cast<std::size_t>(std::max_element(mean.begin(), mean.end()) - mean.begin());
  CHECK(chosen.membership == runs[best].membership);
  for (std::size_t i = 0; i < runs.size(); ++i) CHECK(mean[best] >= mean[i]);
  // The confidence is measured against the other runs only.
  auto confidence = seams::ConfidenceOver(chosen, others);
  REQUIRE(confidence.size() == chosen.membership.size());
  for (double c : confidence) {
    CHECK(c >= 0.0);
    CHECK(c <= 1.0);
  }
  // Against itself alone, every node is always in its core.
  CHECK(seams::ConfidenceOver(chosen, {chosen}) == std::vector<double>(chosen.membership.size(), 1.0));
  SECTION("no other run: the base seed's partition") {
    std::vector<Partition> none;
    CHECK(seams::MostRepresentative(g, base, 0, 0, &none).membership == runs[0].membership);
    CHECK(none.empty());
  }
  SECTION("--services: only partitions of the searched size are candidates") {
    const Partition same = seams::MostRepresentative(g, base, 10, runs[0].count, nullptr);
    CHECK(same.count == runs[0].count);
  }
}
