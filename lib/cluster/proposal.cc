// Proposed contexts, entity first: scope → units → shared kernel → data cores (Leiden on
// the models) → code attached by the models it uses → small groups merged → names →
// ownership, metrics, what crosses, the extraction plan. Each step is a function of
// values; the orchestration at the bottom reads as the algorithm.

#include "lib/cluster/proposal.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "lib/cluster/consensus.h"
#include "lib/cluster/leiden.h"
#include "lib/cluster/metrics.h"
#include "lib/cluster/proposal_units.h"
#include "lib/cluster/resolution_search.h"
#include "lib/cluster/weighted_graph.h"

namespace seams {

bool ParseClusterLevel(const std::string& text, ClusterLevel* level) {
  if (text == "model") *level = ClusterLevel::kModel;
  else if (text == "module") *level = ClusterLevel::kModule;
  else if (text == "app") *level = ClusterLevel::kApp;
  else return false;
  return true;
}

const char* ClusterLevelName(ClusterLevel level) {
  switch (level) {
    case ClusterLevel::kModel: return "model";
    case ClusterLevel::kModule: return "module";
    case ClusterLevel::kApp: return "app";
  }
  return "model";
}

namespace {

bool MatchesAny(const std::string& id, const std::vector<std::string>& patterns) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) { return MatchesMember(id, p); });
}

// ---------------------------------------------------------------------------------------
// Step: outside the application.

std::vector<OutsideInfo> DescribeOutside(const CouplingGraph& graph, const std::vector<std::string>& reasons) {
  std::vector<OutsideInfo> outside;
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    if (reasons[n].empty()) continue;
    const CouplingNode& node = graph.nodes[n];
    outside.push_back({node.id, node.kind == NodeKind::kModel ? "model" : "module", node.path, reasons[n], node.lines});
  }
  return outside;  // graph nodes are sorted by id
}

// ---------------------------------------------------------------------------------------
// Step: the shared kernel. True hubs only: configuration, members forced by config, and
// code that touches no data of its own and that the code of many data-owning groups
// depends on. Concrete models are data and always belong to a context.

struct Kernel {
  std::vector<bool> in;
  std::vector<HubInfo> hubs;     // sorted by id once complete
  std::vector<bool> removable;   // per hub: may go back to a context when the kernel is too large
};

Kernel FindSharedKernel(const Units& units, const ProposalOptions& options) {
  const std::size_t n = units.units.size();
  Kernel kernel{std::vector<bool>(n, false), {}, {}};
  if (!options.shared_kernel) return kernel;
  std::string config_package;
  const std::string& settings = options.scope.settings_module;
  if (!settings.empty()) config_package = settings.substr(0, settings.find('.'));

  // The code a unit serves is known by the data it touches: a GraphQL type for products
  // speaks for `product`, wherever the layer package puts it. Fan-in counts those keys.
  // Only what a unit depends on counts: a model deriving from an abstract base, or a
  // models.py importing a helper, does not make the base or the helper data code.
  std::vector<std::map<std::string, double>> data_weight(n);
  for (const auto& e : units.edges) {
    const Unit& to = units.units[static_cast<std::size_t>(e.v)];
    if (to.concrete_models > 0) data_weight[static_cast<std::size_t>(e.u)][to.group] += e.weight;
  }
  const std::set<std::string> apps(options.scope.app_groups.begin(), options.scope.app_groups.end());
  std::vector<std::string> key(n);
  for (std::size_t u = 0; u < n; ++u) {
    key[u] = units.units[u].group;
    double best = 0;
    // An app's code speaks for its app; code outside the apps for the data it works on.
    if (units.units[u].concrete_models > 0 || apps.count(units.units[u].group)) continue;
    for (const auto& [group, w] : data_weight[u]) {
      if (w > best) {
        best = w;
        key[u] = group;
      }
    }
  }
  std::set<std::string> keys(key.begin(), key.end());
  int other_keys = std::max(1, static_cast<int>(keys.size()) - 1);
  std::vector<std::set<std::string>> fan_in(n);
  for (const auto& e : units.edges) {
    if (key[static_cast<std::size_t>(e.u)] != key[static_cast<std::size_t>(e.v)])
      fan_in[static_cast<std::size_t>(e.v)].insert(key[static_cast<std::size_t>(e.u)]);
  }
  // Touching data: edges to or from a unit with a table.
  std::vector<bool> touches_data(n, false);
  for (std::size_t u = 0; u < n; ++u) touches_data[u] = units.units[u].concrete_models > 0 || !data_weight[u].empty();

  // A utility package — no table of its own, used by much of the project, and mostly code
  // that touches no data (the `core` and `common` that glue apps together) — is kernel as a
  // whole. A package mostly made of code that works on the apps' models is a layer (a
  // GraphQL or REST API, a dashboard) that mirrors the domain: its modules go with their data.
  std::map<std::string, std::set<std::string>> group_fan_in;
  std::map<std::string, long> group_lines, group_data_lines;
  std::map<std::string, int> group_concrete;
  for (std::size_t u = 0; u < n; ++u) {
    const Unit& unit = units.units[u];
    for (const auto& k : fan_in[u]) {
      if (k != unit.group) group_fan_in[unit.group].insert(k);
    }
    group_lines[unit.group] += unit.lines;
    if (touches_data[u]) group_data_lines[unit.group] += unit.lines;
    group_concrete[unit.group] += unit.concrete_models;
  }
  auto utility_package = [&](const std::string& group) {
    int fan = static_cast<int>(group_fan_in[group].size());
    return group_concrete[group] == 0 && fan >= options.hub_min_groups &&
           static_cast<double>(fan) / other_keys >= options.hub_share &&
           2 * group_data_lines[group] <= group_lines[group];
  };

  struct Candidate {
    HubInfo hub;
    std::size_t unit;
    bool removable;  // fan-in hubs go back first when the kernel is too large
  };
  std::vector<Candidate> candidates;
  for (std::size_t u = 0; u < n; ++u) {
    const Unit& unit = units.units[u];
    if (MatchesAny(unit.id, options.kernel_remove)) continue;
    HubInfo hub{unit.id, unit.kind, "", static_cast<int>(fan_in[u].size()), other_keys,
                static_cast<double>(fan_in[u].size()) / other_keys};
    bool removable = false;
    if (MatchesAny(unit.id, options.kernel_add)) {
      hub.reason = "config";
    } else if (!config_package.empty() && unit.concrete_models == 0 &&
               (unit.group == config_package || unit.group == "manage" || unit.id == "manage")) {
      hub.reason = "configuration";
    } else if (unit.concrete_models == 0 && unit.models > 0 && hub.fan_in_groups >= options.hub_min_groups &&
               hub.share >= options.hub_share) {
      hub.reason = "fan-in";  // an abstract base the whole project builds on: shared code, no table
      removable = true;
    } else if (unit.concrete_models == 0 && utility_package(unit.group)) {
      hub.reason = "utility package";
      hub.fan_in_groups = static_cast<int>(group_fan_in[unit.group].size());
      hub.share = static_cast<double>(hub.fan_in_groups) / other_keys;
      removable = true;
    }
    if (!hub.reason.empty()) candidates.push_back({hub, u, removable});
  }
  for (const auto& c : candidates) {
    kernel.in[c.unit] = true;
    kernel.hubs.push_back(c.hub);
    kernel.removable.push_back(c.removable);
  }
  return kernel;
}

// Code that touches no data and that most contexts use is a hub of the proposal: the base
// classes of an API layer, the helpers every context imports. Judged on the contexts found,
// because a layer package does not say which domain its importers serve.
void AddContextHubs(const Units& units, const std::vector<int>& community, const ProposalOptions& options,
                    Kernel* kernel) {
  if (!options.shared_kernel) return;
  const std::size_t n = units.units.size();
  std::vector<bool> touches_data(n, false);
  std::vector<std::set<int>> users(n);
  std::set<int> contexts;
  for (std::size_t u = 0; u < n; ++u)
    if (community[u] >= 0) contexts.insert(community[u]);
  int others = std::max(1, static_cast<int>(contexts.size()) - 1);
  for (const auto& e : units.edges) {
    std::size_t from = static_cast<std::size_t>(e.u), to = static_cast<std::size_t>(e.v);
    if (units.units[to].concrete_models > 0) touches_data[from] = true;
    if (community[from] >= 0 && community[from] != community[to]) users[to].insert(community[from]);
  }
  for (std::size_t u = 0; u < n; ++u) {
    const Unit& unit = units.units[u];
    if (kernel->in[u] || community[u] < 0 || unit.models > 0 || touches_data[u]) continue;
    if (MatchesAny(unit.id, options.kernel_remove)) continue;
    int fan = static_cast<int>(users[u].size());
    double share = static_cast<double>(fan) / others;
    if (fan < options.hub_min_groups || share < options.hub_share) continue;
    kernel->in[u] = true;
    kernel->hubs.push_back({unit.id, unit.kind, "fan-in", fan, others, share});
    kernel->removable.push_back(true);
  }
}

// A kernel that holds a large part of the application is not a kernel but a context hidden
// from the proposal: past the cap, the hubs with the smallest share go back to the contexts.
void CapKernel(const Units& units, const ProposalOptions& options, Kernel* kernel) {
  std::map<std::string, std::size_t> unit_of;
  for (std::size_t u = 0; u < units.units.size(); ++u) unit_of.emplace(units.units[u].id, u);
  long total_lines = 0, kernel_lines = 0;
  for (std::size_t u = 0; u < units.units.size(); ++u) {
    total_lines += units.units[u].lines;
    if (kernel->in[u]) kernel_lines += units.units[u].lines;
  }
  std::vector<std::size_t> order(kernel->hubs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(kernel->hubs[a].share, kernel->hubs[a].id) < std::tie(kernel->hubs[b].share, kernel->hubs[b].id);
  });
  std::vector<bool> dropped(kernel->hubs.size(), false);
  for (std::size_t i : order) {
    if (static_cast<double>(kernel_lines) <= options.kernel_max_share * static_cast<double>(total_lines)) break;
    if (!kernel->removable[i]) continue;
    dropped[i] = true;
    std::size_t u = unit_of[kernel->hubs[i].id];
    kernel->in[u] = false;
    kernel_lines -= units.units[u].lines;
  }
  std::vector<HubInfo> hubs;
  for (std::size_t i = 0; i < kernel->hubs.size(); ++i)
    if (!dropped[i]) hubs.push_back(kernel->hubs[i]);
  std::sort(hubs.begin(), hubs.end(), [](const HubInfo& a, const HubInfo& b) { return a.id < b.id; });
  kernel->hubs = std::move(hubs);
  kernel->removable.assign(kernel->hubs.size(), false);
}

// ---------------------------------------------------------------------------------------
// Step: the data cores. Units with tables are clustered on what ties their data together:
// relations between them, the code that uses them together, and the app they were written in.

struct Cores {
  std::vector<int> data_units;        // core index → unit
  Partition partition;                // over data_units (isolated ones appended, then canonical)
  std::vector<double> confidence;     // per data unit, from consensus
  std::map<int, std::string> pinned;  // unit → pin name
  double resolution = 1;
  bool exact = true;
  int found = 0;                      // communities Leiden found when not exact
};

// The app prior: the developers' own grouping, split only on evidence. Each unit is tied
// to the other units of its app with a total weight of `share` × its own coupling weight
// (at least `share`), so a heavily coupled model needs proportionally more evidence to
// leave its app — all pairs in a small app, its 8 nearest by name in a large one.
void AddSameAppPrior(const Units& units, const std::vector<int>& members_of_graph, const std::vector<double>& degree,
                     double share, WeightedGraph* g) {
  if (share <= 0) return;
  std::map<std::string, std::vector<int>> by_group;
  std::vector<int> order(members_of_graph.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  auto unit = [&](int i) -> const Unit& { return units.units[static_cast<std::size_t>(members_of_graph[static_cast<std::size_t>(i)])]; };
  std::sort(order.begin(), order.end(), [&](int a, int b) { return unit(a).id < unit(b).id; });
  for (int i : order) by_group[unit(i).group].push_back(i);
  auto prior = [&](int i) { return share * std::max(1.0, degree[static_cast<std::size_t>(i)]); };
  constexpr int kNeighbours = 4;  // on each side
  for (const auto& entry : by_group) {
    const std::vector<int>& members = entry.second;  // a plain reference: clang 14 cannot capture a binding
    int n = static_cast<int>(members.size());
    if (n < 2) continue;
    auto tie = [&](int a, int b, int span) {
      int x = members[static_cast<std::size_t>(a)], y = members[static_cast<std::size_t>(b)];
      g->edges.push_back({x, y, (prior(x) + prior(y)) / (2.0 * span)});
    };
    if (n - 1 <= 2 * kNeighbours) {
      for (int a = 0; a < n; ++a)
        for (int b = a + 1; b < n; ++b) tie(a, b, n - 1);
    } else {
      for (int a = 0; a < n; ++a)
        for (int k = 1; k <= kNeighbours; ++k) tie(a, (a + k) % n, 2 * kNeighbours);
    }
  }
}

Cores ClusterData(const Units& units, const Kernel& kernel, const ProposalOptions& options,
                  std::vector<Diagnostic>* diagnostics) {
  Cores cores;
  const std::size_t n = units.units.size();
  std::vector<int> index(n, -1);
  for (std::size_t u = 0; u < n; ++u) {
    if (kernel.in[u] || units.units[u].concrete_models == 0) continue;
    index[u] = static_cast<int>(cores.data_units.size());
    cores.data_units.push_back(static_cast<int>(u));
  }
  WeightedGraph g;
  g.node_count = static_cast<int>(cores.data_units.size());
  // Relations and other direct couplings between data units.
  std::vector<std::map<int, double>> touched(n);  // code unit → data index → weight (both directions)
  for (const auto& e : units.edges) {
    int a = index[static_cast<std::size_t>(e.u)], b = index[static_cast<std::size_t>(e.v)];
    if (a >= 0 && b >= 0) {
      g.edges.push_back({a, b, e.weight});
    } else if (a < 0 && b >= 0 && !kernel.in[static_cast<std::size_t>(e.u)]) {
      touched[static_cast<std::size_t>(e.u)][b] += e.weight;
    } else if (b < 0 && a >= 0 && !kernel.in[static_cast<std::size_t>(e.v)]) {
      touched[static_cast<std::size_t>(e.v)][a] += e.weight;
    }
  }
  // Code affinity: models used by the same code belong together, in proportion to how
  // much of that code's attention each gets (the bipartite projection that keeps a
  // module touching fifty models from tying them all strongly).
  for (std::size_t u = 0; u < n; ++u) {
    const auto& t = touched[u];
    if (t.size() < 2) continue;
    double total = 0;
    for (const auto& [d, w] : t) total += w;
    for (auto a = t.begin(); a != t.end(); ++a) {
      for (auto b = std::next(a); b != t.end(); ++b) g.edges.push_back({a->first, b->first, a->second * b->second / total});
    }
  }
  // Isolated data units carry no evidence for a boundary: they follow their app afterwards.
  std::vector<double> degree(cores.data_units.size(), 0);
  for (const auto& e : g.edges) {
    if (e.u == e.v) continue;
    degree[static_cast<std::size_t>(e.u)] += e.weight;
    degree[static_cast<std::size_t>(e.v)] += e.weight;
  }
  std::vector<int> connected, isolated;
  for (std::size_t i = 0; i < cores.data_units.size(); ++i) {
    const Unit& unit = units.units[static_cast<std::size_t>(cores.data_units[i])];
    bool pinned = false;
    for (const auto& [name, patterns] : options.pins) {
      if (MatchesAny(unit.id, patterns)) {
        pinned = true;
        cores.pinned[cores.data_units[i]] = name;
      }
    }
    (degree[i] > 0 || pinned ? connected : isolated).push_back(static_cast<int>(i));
  }
  // Leiden sees the connected units only, renumbered.
  std::vector<int> local(cores.data_units.size(), -1);
  for (std::size_t k = 0; k < connected.size(); ++k) local[static_cast<std::size_t>(connected[k])] = static_cast<int>(k);
  WeightedGraph h;
  h.node_count = static_cast<int>(connected.size());
  for (const auto& e : g.edges) {
    int a = local[static_cast<std::size_t>(e.u)], b = local[static_cast<std::size_t>(e.v)];
    if (a >= 0 && b >= 0) h.edges.push_back({a, b, e.weight});
  }
  std::vector<int> graph_units;
  for (int i : connected) graph_units.push_back(cores.data_units[static_cast<std::size_t>(i)]);
  std::vector<double> local_degree(connected.size(), 0);
  for (const auto& e : h.edges) {
    if (e.u == e.v) continue;
    local_degree[static_cast<std::size_t>(e.u)] += e.weight;
    local_degree[static_cast<std::size_t>(e.v)] += e.weight;
  }
  AddSameAppPrior(units, graph_units, local_degree, options.same_app_weight / 2, &h);
  LeidenOptions leiden;
  leiden.seed = options.seed;
  leiden.resolution = options.resolution;
  if (!options.pins.empty()) {
    leiden.pins.assign(connected.size(), -1);
    std::map<std::string, int> pin_group;
    for (const auto& [name, patterns] : options.pins) pin_group.emplace(name, static_cast<int>(pin_group.size()));
    for (std::size_t k = 0; k < connected.size(); ++k) {
      auto it = cores.pinned.find(graph_units[k]);
      if (it != cores.pinned.end()) leiden.pins[k] = pin_group[it->second];
    }
  }
  Partition partition;
  if (options.services > 0) {
    ResolutionResult found = SearchResolution(h, options.services, leiden);
    partition = found.partition;
    cores.resolution = found.resolution;
    cores.exact = found.exact;
    cores.found = found.partition.count;
    leiden.resolution = found.resolution;
  } else {
    partition = Leiden(h, leiden);
    cores.resolution = options.resolution;
  }
  // The answer most seeds give, not one seed's: the run closest to all the others.
  std::vector<double> confidence(connected.size(), 1.0);
  if (options.consensus_runs > 0) {
    std::vector<Partition> others;
    partition = MostRepresentative(h, leiden, options.consensus_runs, options.services > 0 ? partition.count : 0, &others);
    confidence = ConfidenceOver(partition, others);
  }
  // Isolated data units join the core holding most of their app (an app with none becomes one).
  std::vector<int> membership(cores.data_units.size(), -1);
  std::vector<double> all_confidence(cores.data_units.size(), 1.0);
  std::map<std::string, std::map<int, int>> group_votes;
  for (std::size_t k = 0; k < connected.size(); ++k) {
    membership[static_cast<std::size_t>(connected[k])] = partition.membership[k];
    all_confidence[static_cast<std::size_t>(connected[k])] = confidence[k];
    ++group_votes[units.units[static_cast<std::size_t>(graph_units[k])].group][partition.membership[k]];
  }
  int next = partition.count;
  std::map<std::string, int> new_core;
  for (int i : isolated) {
    const std::string& group = units.units[static_cast<std::size_t>(cores.data_units[static_cast<std::size_t>(i)])].group;
    const auto& votes = group_votes[group];
    int core;
    if (!votes.empty()) {
      core = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    } else {
      auto [it, inserted] = new_core.emplace(group, next);
      if (inserted) ++next;
      core = it->second;
    }
    membership[static_cast<std::size_t>(i)] = core;
  }
  cores.partition = Canonical(std::move(membership));
  cores.confidence = std::move(all_confidence);
  if (options.services > 0 && !cores.exact) {
    diagnostics->push_back({"services-not-reached", Severity::kNote, "", 0, 0,
                            "no resolution gives exactly " + std::to_string(options.services) +
                                " contexts; the nearest has " + std::to_string(cores.found)});
  }
  return cores;
}

// ---------------------------------------------------------------------------------------
// Step: attach the code. Each unit without a table joins the core whose models it uses
// most; code that uses no model follows the code it is coupled with; what is coupled to
// nothing follows its app or package. Confidence is the share of the evidence that
// points at the chosen context.

struct Assignment {
  std::vector<int> community;      // per unit: community, or -1 (kernel / outside)
  std::vector<double> confidence;  // per unit
  int count = 0;                   // communities
  std::map<int, std::string> pinned_names;  // community → pin name
  // Units coupled to no context and away from their app, and why they went where they did.
  std::vector<std::pair<int, std::string>> placed;
};

Assignment AttachCode(const Units& units, const Kernel& kernel, const Cores& cores, const ProposalOptions& options) {
  const std::size_t n = units.units.size();
  Assignment a;
  a.community.assign(n, -1);
  a.confidence.assign(n, 1.0);
  a.count = cores.partition.count;
  for (std::size_t i = 0; i < cores.data_units.size(); ++i) {
    int u = cores.data_units[i];
    a.community[static_cast<std::size_t>(u)] = cores.partition.membership[i];
    a.confidence[static_cast<std::size_t>(u)] = cores.confidence[i];
    if (auto pin = cores.pinned.find(u); pin != cores.pinned.end()) a.pinned_names[cores.partition.membership[i]] = pin->second;
  }
  // Pinned code goes where its pin says; a pin with no data of its own is a stateless context.
  std::map<std::string, int> pin_community;
  for (const auto& [community, name] : a.pinned_names) pin_community.emplace(name, community);
  std::vector<bool> settled(n, false);
  for (std::size_t u = 0; u < n; ++u) settled[u] = kernel.in[u] || a.community[u] >= 0;
  for (std::size_t u = 0; u < n; ++u) {
    if (settled[u]) continue;
    for (const auto& [name, patterns] : options.pins) {
      if (!MatchesAny(units.units[u].id, patterns)) continue;
      auto [it, inserted] = pin_community.emplace(name, a.count);
      if (inserted) a.pinned_names[a.count++] = name;
      a.community[u] = it->second;
      settled[u] = true;
      break;
    }
  }
  std::vector<std::vector<std::pair<int, double>>> neighbours(n);  // both directions
  for (const auto& e : units.edges) {
    neighbours[static_cast<std::size_t>(e.u)].push_back({e.v, e.weight});
    neighbours[static_cast<std::size_t>(e.v)].push_back({e.u, e.weight});
  }
  auto vote = [&](std::size_t u, bool data_only) {
    std::map<int, double> score;
    for (const auto& [v, w] : neighbours[u]) {
      std::size_t vu = static_cast<std::size_t>(v);
      if (kernel.in[vu] || a.community[vu] < 0) continue;
      if (data_only && units.units[vu].concrete_models == 0) continue;
      if (!data_only && !settled[vu]) continue;
      score[a.community[vu]] += w;
    }
    return score;
  };
  auto choose = [&](std::size_t u, const std::map<int, double>& score) {
    double best = -1, total = 0;
    int community = -1;
    for (const auto& [c, w] : score) {
      total += w;
      if (w > best) {
        best = w;
        community = c;
      }
    }
    a.community[u] = community;
    a.confidence[u] = total > 0 ? best / total : 1.0;
  };
  // Round 0: the models a unit uses.
  std::vector<std::size_t> attached;
  for (std::size_t u = 0; u < n; ++u) {
    if (settled[u]) continue;
    auto score = vote(u, true);
    if (score.empty()) continue;
    choose(u, score);
    attached.push_back(u);
  }
  for (std::size_t u : attached) settled[u] = true;
  // Later rounds: the code it is coupled with, settled in earlier rounds only, so the
  // result does not depend on the order units are visited.
  for (bool changed = true; changed;) {
    changed = false;
    std::vector<std::pair<std::size_t, std::map<int, double>>> round;
    for (std::size_t u = 0; u < n; ++u) {
      if (settled[u]) continue;
      auto score = vote(u, false);
      if (!score.empty()) round.push_back({u, std::move(score)});
    }
    for (auto& [u, score] : round) {
      choose(u, score);
      settled[u] = true;
      changed = true;
    }
  }
  // Coupled to nothing in a context: the context holding most of its app's lines, else of
  // the longest package prefix it shares, else the largest context.
  std::map<std::string, std::map<int, long>> group_lines;
  std::vector<long> community_lines(static_cast<std::size_t>(a.count), 0);
  for (std::size_t u = 0; u < n; ++u) {
    if (a.community[u] < 0) continue;
    group_lines[units.units[u].group][a.community[u]] += units.units[u].lines;
    community_lines[static_cast<std::size_t>(a.community[u])] += units.units[u].lines;
  }
  auto heaviest = [](const std::map<int, long>& lines) {
    int best = -1;
    long most = -1;
    for (const auto& [c, l] : lines) {
      if (l > most) {
        most = l;
        best = c;
      }
    }
    return best;
  };
  for (std::size_t u = 0; u < n; ++u) {
    if (settled[u]) continue;
    int community = -1;
    const char* why = nullptr;  // with its own app's code: nothing to explain
    if (auto it = group_lines.find(units.units[u].group); it != group_lines.end()) community = heaviest(it->second);
    if (community < 0) {
      why = "coupled to no context: joined the context holding most of its package";
      std::string prefix = units.units[u].id;
      while (community < 0 && prefix.find('.') != std::string::npos) {
        prefix = prefix.substr(0, prefix.rfind('.'));
        std::map<int, long> lines;
        for (std::size_t v = 0; v < n; ++v) {
          if (a.community[v] >= 0 && settled[v] && MatchesMember(units.units[v].id, prefix))
            lines[a.community[v]] += units.units[v].lines;
        }
        community = heaviest(lines);
      }
    }
    if (community < 0 && a.count > 0) {
      why = "coupled to no context, its app has none: joined the largest context";
      community = static_cast<int>(std::max_element(community_lines.begin(), community_lines.end()) - community_lines.begin());
    }
    if (community < 0) {  // no data anywhere: one context of the rest of the application
      why = "no context owns data: one context of the rest of the application";
      community = a.count++;
      community_lines.push_back(0);
    }
    a.community[u] = community;
    a.confidence[u] = 1.0;
    if (why) a.placed.push_back({static_cast<int>(u), why});
  }
  return a;
}

// ---------------------------------------------------------------------------------------
// Step: no one-member contexts. A context of a single unit joins the context it is most
// coupled with (else the one holding most of its app, else the largest); the reason is kept.

std::vector<std::vector<int>> MergeSingletons(const Units& units, const Kernel& kernel, Assignment* a) {
  std::vector<std::vector<int>> merged;  // [unit, into community]
  const std::size_t n = units.units.size();
  for (bool again = true; again;) {
    again = false;
    std::vector<std::vector<int>> members(static_cast<std::size_t>(a->count));
    for (std::size_t u = 0; u < n; ++u)
      if (a->community[u] >= 0) members[static_cast<std::size_t>(a->community[u])].push_back(static_cast<int>(u));
    for (int c = 0; c < a->count; ++c) {
      const auto& m = members[static_cast<std::size_t>(c)];
      if (m.size() != 1 || a->pinned_names.count(c)) continue;
      std::size_t u = static_cast<std::size_t>(m[0]);
      std::map<int, double> score;
      for (const auto& e : units.edges) {
        int other = -1;
        if (static_cast<std::size_t>(e.u) == u) other = e.v;
        else if (static_cast<std::size_t>(e.v) == u) other = e.u;
        if (other < 0 || kernel.in[static_cast<std::size_t>(other)]) continue;
        int oc = a->community[static_cast<std::size_t>(other)];
        if (oc >= 0 && oc != c) score[oc] += e.weight;
      }
      int into = -1;
      double best = 0;
      for (const auto& [oc, w] : score) {
        if (w > best) {
          best = w;
          into = oc;
        }
      }
      if (into < 0) {
        std::map<int, long> lines;
        for (std::size_t v = 0; v < n; ++v) {
          int vc = a->community[v];
          if (vc >= 0 && vc != c && units.units[v].group == units.units[u].group) lines[vc] += units.units[v].lines;
        }
        long most = -1;
        for (const auto& [vc, l] : lines)
          if (l > most) { most = l; into = vc; }
      }
      if (into < 0) {
        std::size_t largest = 0;
        for (int oc = 0; oc < a->count; ++oc)
          if (oc != c && (into < 0 || members[static_cast<std::size_t>(oc)].size() > largest)) {
            into = oc;
            largest = members[static_cast<std::size_t>(oc)].size();
          }
      }
      if (into < 0) continue;  // the only context there is
      a->community[u] = into;
      merged.push_back({static_cast<int>(u), into, score.empty() ? 0 : 1});
      again = true;
      break;
    }
  }
  return merged;
}

// ---------------------------------------------------------------------------------------
// Step: names. A context is named after its pin, the app most of its tables come from,
// or — when a larger context already took that name — its aggregate root: the model most
// tied to the others inside it.

std::string KebabCase(const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(name[i]);
    if (std::isupper(ch)) {
      bool boundary = i > 0 && (std::islower(static_cast<unsigned char>(name[i - 1])) ||
                                (i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1])) &&
                                 std::isupper(static_cast<unsigned char>(name[i - 1]))));
      if (boundary && !out.empty() && out.back() != '-') out += '-';
      out += static_cast<char>(std::tolower(ch));
    } else if (ch == '_' || ch == '.') {
      if (!out.empty() && out.back() != '-') out += '-';
    } else {
      out += static_cast<char>(ch);
    }
  }
  return out;
}

std::vector<std::string> NameContexts(const Units& units, const Assignment& a) {
  const std::size_t k = static_cast<std::size_t>(a.count);
  std::vector<std::string> names(k);
  std::vector<std::map<std::string, std::pair<int, long>>> app_weight(k);  // app → (tables, lines)
  std::vector<int> sizes(k, 0);
  std::vector<double> strength(units.units.size(), 0);
  for (const auto& e : units.edges) {
    if (a.community[static_cast<std::size_t>(e.u)] >= 0 &&
        a.community[static_cast<std::size_t>(e.u)] == a.community[static_cast<std::size_t>(e.v)]) {
      strength[static_cast<std::size_t>(e.u)] += e.weight;
      strength[static_cast<std::size_t>(e.v)] += e.weight;
    }
  }
  for (std::size_t u = 0; u < units.units.size(); ++u) {
    int c = a.community[u];
    if (c < 0) continue;
    const Unit& unit = units.units[u];
    auto& w = app_weight[static_cast<std::size_t>(c)][unit.group];
    w.first += unit.concrete_models;
    w.second += unit.lines;
    ++sizes[static_cast<std::size_t>(c)];
  }
  std::set<std::string> used;
  for (const auto& [c, name] : a.pinned_names) {
    names[static_cast<std::size_t>(c)] = name;
    used.insert(name);
  }
  std::vector<int> order(k);
  for (std::size_t c = 0; c < k; ++c) order[c] = static_cast<int>(c);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return sizes[static_cast<std::size_t>(x)] > sizes[static_cast<std::size_t>(y)]; });
  for (int c : order) {
    std::string& name = names[static_cast<std::size_t>(c)];
    if (!name.empty()) continue;
    std::string app;
    std::pair<int, long> best{-1, -1};
    for (const auto& [group, w] : app_weight[static_cast<std::size_t>(c)]) {
      if (w > best) {
        best = w;
        app = group;
      }
    }
    std::string candidate = KebabCase(app.empty() ? "context" : app);
    if (used.count(candidate)) {
      double most = -1;
      std::string root;
      for (std::size_t u = 0; u < units.units.size(); ++u) {
        const Unit& unit = units.units[u];
        if (a.community[u] != c || unit.concrete_models == 0) continue;
        if (strength[u] > most || (strength[u] == most && unit.id < root)) {
          most = strength[u];
          root = unit.id;
        }
      }
      if (!root.empty()) candidate = KebabCase(root.substr(root.rfind('.') + 1));
      std::string base = candidate;
      for (int i = 2; used.count(candidate); ++i) candidate = base + "-" + std::to_string(i);
    }
    used.insert(candidate);
    name = candidate;
  }
  return names;
}

}  // namespace

// ---------------------------------------------------------------------------------------

Proposal ProposeContexts(const CouplingGraph& graph, const std::vector<RouteInfo>& routes,
                         const ProposalOptions& options) {
  Proposal out;
  out.level = options.level;
  out.seed = options.seed;
  out.services_requested = options.services;

  // Only the application is clustered: tests, docs, tooling and unreached code are listed apart.
  std::vector<std::string> outside = FindOutside(graph, options.scope);
  out.outside = DescribeOutside(graph, outside);

  // What is clustered: models (and the modules without models) by default.
  Units units = BuildUnits(graph, outside, options.level);

  // Configuration, utility packages and the abstract bases everything builds on stay apart
  // so they do not glue contexts together.
  Kernel kernel = FindSharedKernel(units, options);

  // Data first: cores of models tied by relations, shared code and their app.
  Cores cores = ClusterData(units, kernel, options, &out.diagnostics);
  out.resolution = cores.resolution;
  out.services_exact = cores.exact;

  // Then the code, by the data it uses. Model-free code most contexts use is a hub: it joins
  // the kernel (within its cap) and the code is attached again without it.
  Assignment assignment = AttachCode(units, kernel, cores, options);
  AddContextHubs(units, assignment.community, options, &kernel);
  CapKernel(units, options, &kernel);
  out.shared_kernel = kernel.hubs;
  assignment = AttachCode(units, kernel, cores, options);

  // No context of one member.
  std::vector<std::vector<int>> merged = MergeSingletons(units, kernel, &assignment);
  std::vector<int> community(assignment.community.size(), -1);
  {
    // Renumber the real communities densely, keeping -1 for the kernel.
    std::map<int, int> dense;
    for (std::size_t u = 0; u < community.size(); ++u) {
      int c = assignment.community[u];
      if (c < 0) continue;
      community[u] = dense.emplace(c, static_cast<int>(dense.size())).first->second;
    }
    std::map<int, std::string> pins;
    for (const auto& [c, name] : assignment.pinned_names) {
      if (auto it = dense.find(c); it != dense.end()) pins[it->second] = name;
    }
    assignment.community = community;
    assignment.pinned_names = pins;
    assignment.count = static_cast<int>(dense.size());
    for (auto& m : merged) m[1] = dense.count(m[1]) ? dense[m[1]] : m[1];
  }
  std::vector<std::string> names = NameContexts(units, assignment);
  // Code coupled to no context, one entry per app (or package group) and reason.
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> placed;
  for (const auto& [u, why] : assignment.placed) {
    const Unit& unit = units.units[static_cast<std::size_t>(u)];
    int c = assignment.community[static_cast<std::size_t>(u)];
    if (c < 0) continue;
    placed[{unit.group, names[static_cast<std::size_t>(c)], why}].push_back(unit.id);
  }
  for (auto& [key, members] : placed) {
    std::sort(members.begin(), members.end());
    out.merges.push_back({std::move(members), std::get<1>(key), std::get<2>(key)});
  }
  for (const auto& m : merged) {
    const Unit& unit = units.units[static_cast<std::size_t>(m[0])];
    out.merges.push_back({{unit.id}, names[static_cast<std::size_t>(m[1])],
                          m[2] ? "one member: joined the context it is most coupled with"
                               : "one member coupled to no other context: joined its app's context"});
  }

  // Every node gets the context of its units (a module holding models: the context of most of them).
  FinishProposal(graph, routes, options, units, kernel.in, assignment.community, assignment.confidence, names,
                 assignment.pinned_names, &out);
  return out;
}

}  // namespace seams
