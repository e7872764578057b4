// The Leiden algorithm over Boost.Graph, and modularity.
//
// Reference: V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden:
// guaranteeing well-connected communities", Scientific Reports 9:5233 (2019),
// https://doi.org/10.1038/s41598-019-41695-z — the pseudo-code of its
// supplementary information (MoveNodesFast, RefinePartition, MergeNodesSubset,
// AggregateGraph), iterated until an iteration moves no node.
//
// Quality function. Modularity with resolution γ equals, up to the factor 1/m,
// H = Σ_c [ L_c − γ K_c² / 4m ] (L_c: weight inside c, K_c: sum of degrees in c).
// This is the Constant Potts Model with node weight k_v and resolution γ/2m, the
// form the paper's reference implementation uses, so every gain below is
//   ΔH(v → C) = w(v, C) − (γ/2m) k_v K_C          (K_C without v)
// in units of edge weight, and θ (randomness) is in those units too.
//
// Representation. Each level of the hierarchy is a Boost
// compressed_sparse_row_graph holding both directions of every non-loop edge
// (parallel edges merged) with the weight as a bundled edge property; loops are
// kept beside it, since they never change a gain but do count in the degree.

#include "lib/cluster/leiden.h"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <utility>

#include "lib/core/error.h"

namespace seams {

namespace {

struct EdgeWeight {
  double weight = 0;
};

// 32-bit vertex and edge indexes: half the memory traffic of size_t, and a
// clustered graph has far fewer than 4 billion arcs.
using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeWeight, boost::no_property,
                                               std::uint32_t, std::uint32_t>;
using Rng = std::mt19937_64;

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// A move must beat staying by more than this share of the node's degree (times
// 1 + γ, the scale of the terms of a gain): rounding can then never make two
// moves undo each other forever, while any real gain is far larger.
constexpr double kRelativeTolerance = 1e-12;

// One level of the hierarchy: level 0 is the input graph (pin groups contracted),
// each next level has one node per refined community of the one below.
struct Level {
  Csr graph;
  std::vector<double> loop;    // weight of the self loop of each node (counted once)
  std::vector<double> degree;  // k_v: adjacent weight plus twice the loop
  std::vector<int> pin;        // pin group of each node, or -1

  int Size() const { return static_cast<int>(degree.size()); }
};

// Calls f(neighbour, weight) for every out-edge of v.
template <typename F>
void ForEachNeighbour(const Csr& graph, int v, F&& f) {
  for (auto [it, end] = boost::out_edges(static_cast<std::uint32_t>(v), graph); it != end; ++it) {
    f(static_cast<int>(boost::target(*it, graph)), graph[*it].weight);
  }
}

// Uniform in [0, bound). Rejection sampling straight from the engine, because
// std::uniform_int_distribution differs between standard libraries and the
// partition must not.
std::uint64_t Below(Rng& rng, std::uint64_t bound) {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t limit = kMax - kMax % bound;
  std::uint64_t x = rng();
  while (x >= limit) x = rng();
  return x % bound;
}

// Uniform in [0, 1) from the top 53 bits of one draw.
double Uniform01(Rng& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// Buffers reused by every phase and level of one run, sized once for the base
// level: a run then allocates (and the kernel zero-fills) them once, not per
// level and iteration. weight_to, seen and slot are kept cleared between uses.
struct Scratch {
  explicit Scratch(std::size_t n) : weight_to(n, 0.0), seen(n, 0), slot(n, kNone) {}

  std::vector<double> weight_to;  // weight from the node at hand to each community
  std::vector<char> seen;         // community already listed in `neighbours`
  std::vector<std::size_t> slot;  // position of a target's merged edge while building a level
  std::vector<int> neighbours;
  std::vector<int> order;
  std::vector<int> number;
  std::vector<double> total;
  std::vector<int> size;
  std::vector<int> community_pin;
  std::vector<int> unused;
  std::vector<char> queued;
  std::vector<double> external;
  std::vector<double> subset_total;
  std::vector<char> singleton;
  std::vector<int> candidates;
  std::vector<double> gains;
  std::vector<std::size_t> start;
  std::vector<int> members;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  std::vector<EdgeWeight> weights;
};

// 0..n-1 shuffled by Fisher–Yates, into `order`.
void RandomOrder(int n, Rng& rng, std::vector<int>& order) {
  order.resize(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  for (std::size_t i = order.size(); i > 1; --i) {
    std::swap(order[i - 1], order[Below(rng, i)]);
  }
}

// Renumbers labels in [0, n) to 0..count-1 by first appearance; returns count.
int Compact(std::vector<int>& labels, Scratch& scratch) {
  std::vector<int>& number = scratch.number;
  number.assign(labels.size(), -1);
  int count = 0;
  for (int& label : labels) {
    int& slot = number[static_cast<std::size_t>(label)];
    if (slot < 0) slot = count++;
    label = slot;
  }
  return count;
}

// Builds a level of `count` nodes: for_arcs_of(s, add) calls add(target, weight)
// for every non-loop arc leaving s. The parallel arcs of a source are merged, and
// the arcs come out grouped by source, as the CSR constructor wants them.
template <typename ForArcsOf>
Level BuildLevel(int count, ForArcsOf&& for_arcs_of, std::vector<double>& loop, std::vector<int>& pin,
                 Scratch& scratch) {
  const auto nodes = static_cast<std::size_t>(count);
  auto& pairs = scratch.pairs;
  auto& weights = scratch.weights;
  pairs.clear();
  weights.clear();
  for (std::size_t s = 0; s < nodes; ++s) {
    const std::size_t first = pairs.size();
    for_arcs_of(static_cast<int>(s), [&](int to, double w) {
      auto t = static_cast<std::size_t>(to);
      if (scratch.slot[t] == kNone) {
        scratch.slot[t] = pairs.size();
        pairs.emplace_back(static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(t));
        weights.push_back({0.0});
      }
      weights[scratch.slot[t]].weight += w;
    });
    for (std::size_t i = first; i < pairs.size(); ++i) scratch.slot[pairs[i].second] = kNone;
  }
  // for_arcs_of may fill `loop` and `pin` as it goes: take them only now. The
  // arc count lets the CSR graph reserve its arrays instead of growing them.
  Level level{Csr(boost::edges_are_sorted, pairs.begin(), pairs.end(), weights.begin(),
                  static_cast<std::uint32_t>(count), static_cast<std::uint32_t>(pairs.size())),
              std::move(loop), {}, std::move(pin)};
  level.degree.assign(nodes, 0.0);
  for (std::size_t i = 0; i < pairs.size(); ++i) level.degree[pairs[i].first] += weights[i].weight;
  for (std::size_t v = 0; v < nodes; ++v) level.degree[v] += 2 * level.loop[v];
  return level;
}

// Fills scratch.start/members with the nodes of each label 0..count-1 (a counting sort).
void GroupBy(const std::vector<int>& label, int count, Scratch& scratch) {
  auto& start = scratch.start;
  start.assign(static_cast<std::size_t>(count) + 1, 0);
  for (int l : label) ++start[static_cast<std::size_t>(l) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  scratch.members.resize(label.size());
  std::vector<std::size_t> fill(start.begin(), start.end() - 1);
  for (std::size_t v = 0; v < label.size(); ++v) {
    scratch.members[fill[static_cast<std::size_t>(label[v])]++] = static_cast<int>(v);
  }
}

// What every phase needs to know besides the level.
struct Settings {
  double scale = 0;      // γ / 2m
  double tolerance = 0;  // kRelativeTolerance × (1 + γ); times k_v it bounds rounding noise in a gain
  double theta = 0.01;   // randomness of the refinement
  int max_levels = 100;
};

// True when a node of pin group `pin` may join a community pinned to `community_pin`.
bool PinsAllow(int pin, int community_pin) { return pin < 0 || community_pin < 0 || pin == community_pin; }

// Lists in scratch.neighbours the communities (labels of `community`) adjacent to
// v, accumulating v's weight to each in scratch.weight_to; `keep(u)` filters the
// neighbours. Clear with ClearNeighbours.
template <typename Keep>
void GatherNeighbours(const Level& level, int v, const std::vector<int>& community, Keep&& keep, Scratch& scratch) {
  scratch.neighbours.clear();
  ForEachNeighbour(level.graph, v, [&](int u, double w) {
    if (!keep(u)) return;
    auto c = static_cast<std::size_t>(community[static_cast<std::size_t>(u)]);
    if (!scratch.seen[c]) {
      scratch.seen[c] = 1;
      scratch.neighbours.push_back(static_cast<int>(c));
    }
    scratch.weight_to[c] += w;
  });
}

void ClearNeighbours(Scratch& scratch) {
  for (int c : scratch.neighbours) {
    scratch.weight_to[static_cast<std::size_t>(c)] = 0.0;
    scratch.seen[static_cast<std::size_t>(c)] = 0;
  }
}

// MoveNodesFast: nodes wait in a queue, first in a random order. A node leaves its
// community for the neighbouring community (or an empty one) with the largest gain
// if that beats staying; then its neighbours outside its new community are queued
// again, because only their gains changed. Pins forbid joining a community pinned
// to another group. `community` holds ids in [0, n). Returns whether any node moved.
bool MoveNodesFast(const Level& level, const Settings& settings, std::vector<int>& community, Rng& rng,
                   Scratch& scratch) {
  const int n = level.Size();
  const auto nodes = static_cast<std::size_t>(n);
  auto& total = scratch.total;  // K_c
  auto& size = scratch.size;
  auto& community_pin = scratch.community_pin;
  total.assign(nodes, 0.0);
  size.assign(nodes, 0);
  community_pin.assign(nodes, -1);
  for (std::size_t v = 0; v < nodes; ++v) {
    auto c = static_cast<std::size_t>(community[v]);
    total[c] += level.degree[v];
    ++size[c];
    if (level.pin[v] >= 0) community_pin[c] = level.pin[v];
  }
  // With n ids for n nodes, a node that leaves always finds an empty community.
  auto& unused = scratch.unused;
  unused.clear();
  for (int c = n - 1; c >= 0; --c) {
    if (size[static_cast<std::size_t>(c)] == 0) unused.push_back(c);
  }

  // A ring buffer holds each node at most once.
  auto& queue = scratch.order;
  RandomOrder(n, rng, queue);
  auto& queued = scratch.queued;
  queued.assign(nodes, 1);
  std::size_t head = 0;
  std::size_t waiting = nodes;

  bool moved = false;
  while (waiting > 0) {
    const int v = queue[head];
    head = (head + 1) % nodes;
    --waiting;
    queued[static_cast<std::size_t>(v)] = 0;
    const int current = community[static_cast<std::size_t>(v)];
    const double k = level.degree[static_cast<std::size_t>(v)];
    const int pin = level.pin[static_cast<std::size_t>(v)];

    // Take v out, so that every community, its own included, is scored alike.
    total[static_cast<std::size_t>(current)] -= k;
    if (--size[static_cast<std::size_t>(current)] == 0) unused.push_back(current);
    if (pin >= 0) community_pin[static_cast<std::size_t>(current)] = -1;

    GatherNeighbours(level, v, community, [](int) { return true; }, scratch);
    auto gain = [&](int c) {
      return scratch.weight_to[static_cast<std::size_t>(c)] - settings.scale * k * total[static_cast<std::size_t>(c)];
    };
    int best = current;
    double best_gain = gain(current);
    const double tolerance = settings.tolerance * k;
    auto consider = [&](int c) {
      if (!PinsAllow(pin, community_pin[static_cast<std::size_t>(c)])) return;
      double g = gain(c);
      if (g > best_gain + tolerance) {
        best = c;
        best_gain = g;
      }
    };
    // An empty community scores 0: leaving everyone is worth it when all others repel.
    consider(unused.back());
    for (int c : scratch.neighbours) consider(c);
    ClearNeighbours(scratch);

    // Only the empty candidate (or v's own, emptied community) can be empty, and it is the last unused id.
    if (size[static_cast<std::size_t>(best)] == 0) unused.pop_back();
    total[static_cast<std::size_t>(best)] += k;
    ++size[static_cast<std::size_t>(best)];
    if (pin >= 0) community_pin[static_cast<std::size_t>(best)] = pin;
    community[static_cast<std::size_t>(v)] = best;
    if (best == current) continue;
    moved = true;
    ForEachNeighbour(level.graph, v, [&](int u, double) {
      auto uu = static_cast<std::size_t>(u);
      if (!queued[uu] && community[uu] != best) {
        queued[uu] = 1;
        queue[(head + waiting) % nodes] = u;
        ++waiting;
      }
    });
  }
  return moved;
}

// RefinePartition / MergeNodesSubset: inside each community S (compact ids
// 0..count-1), start from singletons and visit the nodes in random order. A node
// still alone and well connected to S (E(v, S−v) ≥ γ' k_v (K_S − k_v)) joins a
// sub-community of S that is itself well connected (E(C, S−C) ≥ γ' K_C (K_S − K_C)),
// chosen at random with probability ∝ exp(ΔH/θ) among those with ΔH ≥ 0 — staying
// alone (ΔH = 0) included. The randomness explores more of the space than a
// greedy merge; the conditions guarantee γ-connected communities. Pins need no
// check here: a community of the unrefined partition holds at most one pin group.
std::vector<int> Refine(const Level& level, const Settings& settings, const std::vector<int>& community, int count,
                        Rng& rng, Scratch& scratch) {
  const int n = level.Size();
  const auto nodes = static_cast<std::size_t>(n);
  std::vector<int> refined(nodes);
  std::iota(refined.begin(), refined.end(), 0);
  auto& total = scratch.total;  // K of each sub-community (ids as nodes)
  total.assign(level.degree.begin(), level.degree.end());
  auto& external = scratch.external;  // weight from each sub-community to the rest of its S
  external.assign(nodes, 0.0);
  auto& subset_total = scratch.subset_total;  // K_S
  subset_total.assign(static_cast<std::size_t>(count), 0.0);
  for (std::size_t v = 0; v < nodes; ++v) {
    const int s = community[v];
    subset_total[static_cast<std::size_t>(s)] += level.degree[v];
    ForEachNeighbour(level.graph, static_cast<int>(v), [&](int u, double w) {
      if (community[static_cast<std::size_t>(u)] == s) external[v] += w;
    });
  }
  auto& singleton = scratch.singleton;  // sub-community c is still just {c}
  singleton.assign(nodes, 1);

  auto& candidates = scratch.candidates;
  auto& gains = scratch.gains;
  RandomOrder(n, rng, scratch.order);
  for (int v : scratch.order) {
    const auto vv = static_cast<std::size_t>(v);
    if (!singleton[vv]) continue;
    const int s = community[vv];
    const double k = level.degree[vv];
    const double subset = subset_total[static_cast<std::size_t>(s)];
    const double own_external = external[vv];
    if (own_external < settings.scale * k * (subset - k)) continue;

    // v leaves its singleton, which becomes the empty "stay alone" option.
    total[vv] = 0.0;
    external[vv] = 0.0;
    GatherNeighbours(
        level, v, refined, [&](int u) { return community[static_cast<std::size_t>(u)] == s; }, scratch);

    candidates.assign(1, v);
    gains.assign(1, 0.0);
    double best_gain = 0.0;
    for (int c : scratch.neighbours) {
      const auto cc = static_cast<std::size_t>(c);
      if (external[cc] < settings.scale * total[cc] * (subset - total[cc])) continue;
      double g = scratch.weight_to[cc] - settings.scale * k * total[cc];
      if (g < 0) continue;
      candidates.push_back(c);
      gains.push_back(g);
      best_gain = std::max(best_gain, g);
    }

    int chosen = v;
    if (settings.theta <= 0) {
      chosen = candidates[static_cast<std::size_t>(std::max_element(gains.begin(), gains.end()) - gains.begin())];
    } else {
      // exp((ΔH − max ΔH)/θ) has the same proportions as exp(ΔH/θ) and cannot overflow.
      double sum = 0.0;
      for (double& g : gains) {
        g = std::exp((g - best_gain) / settings.theta);
        sum += g;
      }
      const double r = Uniform01(rng) * sum;
      double cumulative = 0.0;
      chosen = candidates.back();
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        cumulative += gains[i];
        if (r < cumulative) {
          chosen = candidates[i];
          break;
        }
      }
    }

    const auto cc = static_cast<std::size_t>(chosen);
    // v's edges to `chosen` become internal; its other edges inside S become external.
    total[cc] += k;
    external[cc] += own_external - 2 * scratch.weight_to[cc];
    refined[vv] = chosen;
    if (chosen != v) singleton[cc] = 0;
    ClearNeighbours(scratch);
  }
  return refined;
}

// AggregateGraph: one node per refined community; edges inside one become its loop.
Level Aggregate(const Level& level, const std::vector<int>& refined, int count, Scratch& scratch) {
  const auto size = static_cast<std::size_t>(count);
  std::vector<double> loop(size, 0.0);
  std::vector<int> pin(size, -1);
  GroupBy(refined, count, scratch);
  auto for_arcs_of = [&](int c, auto&& add) {
    const auto cc = static_cast<std::size_t>(c);
    for (std::size_t at = scratch.start[cc]; at < scratch.start[cc + 1]; ++at) {
      const int v = scratch.members[at];
      const auto vv = static_cast<std::size_t>(v);
      loop[cc] += level.loop[vv];
      if (level.pin[vv] >= 0) pin[cc] = level.pin[vv];
      ForEachNeighbour(level.graph, v, [&](int u, double w) {
        const int cu = refined[static_cast<std::size_t>(u)];
        if (cu != c) {
          add(cu, w);
        } else if (v < u) {
          // Both halves of an inside edge pass here; the loop takes it once.
          loop[cc] += w;
        }
      });
    }
  };
  return BuildLevel(count, for_arcs_of, loop, pin, scratch);
}

// One iteration of the Leiden algorithm from `partition` (ids in [0, n) of the
// base level): move, refine, aggregate the refined partition with the unrefined
// one as its starting point, and climb until nothing is left to aggregate.
// Returns whether any node moved at any level.
bool Iterate(const Level& base, const Settings& settings, std::vector<int>& partition, Rng& rng, Scratch& scratch) {
  std::vector<int> node_of(static_cast<std::size_t>(base.Size()));  // base node → node of the current level
  std::iota(node_of.begin(), node_of.end(), 0);
  std::vector<int> community = partition;
  Level aggregate;
  const Level* level = &base;
  bool changed = false;
  for (int depth = 0; depth < settings.max_levels; ++depth) {
    changed = MoveNodesFast(*level, settings, community, rng, scratch) || changed;
    const int count = Compact(community, scratch);
    // Every community is one node: the partition is final for this iteration.
    if (count == level->Size()) break;
    std::vector<int> refined = Refine(*level, settings, community, count, rng, scratch);
    const int refined_count = Compact(refined, scratch);
    // A refinement that merged nothing would aggregate into the same graph again.
    if (refined_count == level->Size()) break;
    std::vector<int> lifted(static_cast<std::size_t>(refined_count));
    for (std::size_t v = 0; v < community.size(); ++v) lifted[static_cast<std::size_t>(refined[v])] = community[v];
    for (int& node : node_of) node = refined[static_cast<std::size_t>(node)];
    Level next = Aggregate(*level, refined, refined_count, scratch);
    aggregate = std::move(next);
    level = &aggregate;
    community = std::move(lifted);
  }
  for (std::size_t v = 0; v < partition.size(); ++v) {
    partition[v] = community[static_cast<std::size_t>(node_of[v])];
  }
  return changed;
}

void CheckGraph(const WeightedGraph& g) {
  if (g.node_count < 0) throw SeamsError(ErrorKind::kInput, "clustering: negative node count");
  for (const auto& e : g.edges) {
    if (e.u < 0 || e.v < 0 || e.u >= g.node_count || e.v >= g.node_count) {
      throw SeamsError(ErrorKind::kInput, "clustering: edge " + std::to_string(e.u) + "–" + std::to_string(e.v) +
                                              " names a node outside 0.." + std::to_string(g.node_count - 1));
    }
    if (!std::isfinite(e.weight) || e.weight < 0) {
      throw SeamsError(ErrorKind::kInput, "clustering: edge " + std::to_string(e.u) + "–" + std::to_string(e.v) +
                                              " has a negative or non-finite weight");
    }
  }
}

void CheckOptions(const WeightedGraph& g, const LeidenOptions& options) {
  if (!std::isfinite(options.resolution) || options.resolution < 0) {
    throw SeamsError(ErrorKind::kUsage, "Leiden: the resolution must be finite and ≥ 0");
  }
  if (!std::isfinite(options.randomness)) throw SeamsError(ErrorKind::kUsage, "Leiden: the randomness must be finite");
  if (options.max_levels < 1) throw SeamsError(ErrorKind::kUsage, "Leiden: max_levels must be ≥ 1");
  if (!options.pins.empty() && options.pins.size() != static_cast<std::size_t>(g.node_count)) {
    throw SeamsError(ErrorKind::kUsage, "Leiden: pins must be empty or have one entry per node");
  }
  for (int pin : options.pins) {
    if (pin < -1) throw SeamsError(ErrorKind::kUsage, "Leiden: a pin must be a group id ≥ 0 or -1");
  }
}

}  // namespace

Partition Leiden(const WeightedGraph& g, const LeidenOptions& options) {
  CheckGraph(g);
  CheckOptions(g, options);
  const auto n = static_cast<std::size_t>(g.node_count);
  if (n == 0) return {};

  // Contract every pin group into one node, so a group can never be split; the
  // pin label then travels with the node through aggregation.
  std::vector<int> node0(n);
  std::vector<int> pin0;
  std::map<int, int> node_of_group;
  for (std::size_t v = 0; v < n; ++v) {
    const int group = options.pins.empty() ? -1 : options.pins[v];
    if (group >= 0) {
      auto [it, inserted] = node_of_group.try_emplace(group, static_cast<int>(pin0.size()));
      if (inserted) pin0.push_back(group);
      node0[v] = it->second;
    } else {
      node0[v] = static_cast<int>(pin0.size());
      pin0.push_back(-1);
    }
  }
  const int n0 = static_cast<int>(pin0.size());
  // Both halves of every non-loop edge, bucketed by their source (a counting sort).
  std::vector<double> loop(pin0.size(), 0.0);
  std::vector<std::size_t> start(pin0.size() + 1, 0);
  for (const auto& e : g.edges) {
    const int a = node0[static_cast<std::size_t>(e.u)];
    const int b = node0[static_cast<std::size_t>(e.v)];
    if (a == b) continue;
    ++start[static_cast<std::size_t>(a) + 1];
    ++start[static_cast<std::size_t>(b) + 1];
  }
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<std::pair<int, double>> halves(start.back());
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (const auto& e : g.edges) {
      const int a = node0[static_cast<std::size_t>(e.u)];
      const int b = node0[static_cast<std::size_t>(e.v)];
      if (a == b) {
        loop[static_cast<std::size_t>(a)] += e.weight;
      } else {
        halves[fill[static_cast<std::size_t>(a)]++] = {b, e.weight};
        halves[fill[static_cast<std::size_t>(b)]++] = {a, e.weight};
      }
    }
  }
  Scratch scratch(static_cast<std::size_t>(n0));
  auto for_arcs_of = [&](int s, auto&& add) {
    for (std::size_t at = start[static_cast<std::size_t>(s)]; at < start[static_cast<std::size_t>(s) + 1]; ++at) {
      add(halves[at].first, halves[at].second);
    }
  };
  const Level base = BuildLevel(n0, for_arcs_of, loop, pin0, scratch);
  halves = {};

  const double two_m = std::accumulate(base.degree.begin(), base.degree.end(), 0.0);
  std::vector<int> partition(static_cast<std::size_t>(n0));
  std::iota(partition.begin(), partition.end(), 0);
  if (two_m > 0) {
    Settings settings;
    settings.scale = options.resolution / two_m;
    settings.tolerance = kRelativeTolerance * (1.0 + options.resolution);
    settings.theta = options.randomness;
    settings.max_levels = options.max_levels;
    Rng rng(options.seed);
    // Iterate until an iteration moves nothing: each iteration restarts from the
    // base graph with the partition so far, and refines it afresh.
    for (int iteration = 0; iteration < options.max_levels; ++iteration) {
      if (!Iterate(base, settings, partition, rng, scratch)) break;
    }
  }

  std::vector<int> membership(n);
  for (std::size_t v = 0; v < n; ++v) membership[v] = partition[static_cast<std::size_t>(node0[v])];
  return Canonical(std::move(membership));
}

double Modularity(const WeightedGraph& g, const std::vector<int>& membership, double resolution) {
  CheckGraph(g);
  if (membership.size() != static_cast<std::size_t>(g.node_count)) {
    throw SeamsError(ErrorKind::kInput, "modularity: membership must have one entry per node");
  }
  const Partition p = Canonical(membership);
  std::vector<double> inside(static_cast<std::size_t>(p.count), 0.0);
  std::vector<double> degree(static_cast<std::size_t>(p.count), 0.0);
  double m = 0;
  for (const auto& e : g.edges) {
    const auto cu = static_cast<std::size_t>(p.membership[static_cast<std::size_t>(e.u)]);
    const auto cv = static_cast<std::size_t>(p.membership[static_cast<std::size_t>(e.v)]);
    m += e.weight;
    // A loop passes here with cu == cv: w inside, 2w of degree — igraph's and networkx's convention.
    degree[cu] += e.weight;
    degree[cv] += e.weight;
    if (cu == cv) inside[cu] += e.weight;
  }
  if (m <= 0) return 0.0;
  double q = 0;
  for (std::size_t c = 0; c < inside.size(); ++c) {
    const double share = degree[c] / (2 * m);
    q += inside[c] / m - resolution * share * share;
  }
  return q;
}

}  // namespace seams
