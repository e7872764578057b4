// Proposed contexts: units → shared kernel → Leiden → consensus → names → metrics → plan.

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

constexpr const char* kKernel = "shared_kernel";

bool MatchesAny(const std::string& id, const std::vector<std::string>& patterns) {
  for (const auto& p : patterns) {
    if (id == p || id.rfind(p + ".", 0) == 0) return true;
  }
  return false;
}

bool IsImportKind(CouplingKind kind) {
  return kind == CouplingKind::kImport || kind == CouplingKind::kImportLazy || kind == CouplingKind::kImportTyping;
}

bool IsRelationKind(CouplingKind kind) {
  return kind == CouplingKind::kFk || kind == CouplingKind::kM2m || kind == CouplingKind::kInherits ||
         kind == CouplingKind::kInheritsAbstract;
}

// A unit of clustering: a model, a module, or an app, with what it stands for.
struct Unit {
  std::string id;
  std::string kind;
  std::string group;
  int lines = 0;
  int models = 0;
  int concrete_models = 0;
};

class Proposer {
 public:
  Proposer(const CouplingGraph& graph, const std::vector<RouteInfo>& routes, const ProposalOptions& options)
      : graph_(graph), routes_(routes), options_(options) {}

  Proposal Run() {
    out_.level = options_.level;
    out_.seed = options_.seed;
    out_.services_requested = options_.services;
    BuildUnits();
    BuildUnitEdges();
    FindSharedKernel();
    Cluster();
    NameContexts();
    AssignNodes();
    Describe();
    Measure();
    CrossContext();
    Plan();
    return std::move(out_);
  }

 private:
  // Step 1: what is clustered, and how each coupling node maps onto units.
  void BuildUnits() {
    std::map<std::string, int> index;
    auto unit_of = [&](const std::string& id, const std::string& kind, const std::string& group) {
      auto [it, inserted] = index.emplace(id, static_cast<int>(units_.size()));
      if (inserted) units_.push_back({id, kind, group, 0, 0});
      return it->second;
    };
    node_units_.assign(graph_.nodes.size(), {});
    std::map<std::string, std::vector<int>> models_of_module;
    for (std::size_t n = 0; n < graph_.nodes.size(); ++n) {
      const CouplingNode& node = graph_.nodes[n];
      if (!options_.include_tests && (node.is_test || node.is_migration)) {
        out_.excluded.push_back(node.id);
        continue;
      }
      int u = -1;
      switch (options_.level) {
        case ClusterLevel::kApp: u = unit_of(node.group, "app", node.group); break;
        case ClusterLevel::kModule: u = unit_of(node.module, "module", node.group); break;
        case ClusterLevel::kModel:
          if (node.kind == NodeKind::kModel) {
            u = unit_of(node.id, "model", node.group);
            models_of_module[node.module].push_back(u);
          } else if (!node.defines_models) {
            u = unit_of(node.id, "module", node.group);
          }
          break;
      }
      if (u >= 0) {
        node_units_[n].push_back({u, 1.0});
        units_[static_cast<std::size_t>(u)].lines += node.lines;
        if (node.kind == NodeKind::kModel) ++units_[static_cast<std::size_t>(u)].models;
        if (node.kind == NodeKind::kModel && !node.abstract_model) ++units_[static_cast<std::size_t>(u)].concrete_models;
      }
    }
    // A module holding models stands for its models: its couplings are shared among them,
    // so one models.py with forty models can still be split.
    if (options_.level == ClusterLevel::kModel) {
      for (std::size_t n = 0; n < graph_.nodes.size(); ++n) {
        const CouplingNode& node = graph_.nodes[n];
        if (node.kind != NodeKind::kModule || !node.defines_models || !node_units_[n].empty()) continue;
        if (!options_.include_tests && (node.is_test || node.is_migration)) continue;
        const auto& models = models_of_module[node.id];
        for (int u : models) node_units_[n].push_back({u, 1.0 / static_cast<double>(models.size())});
      }
    }
    std::sort(out_.excluded.begin(), out_.excluded.end());
  }

  // Step 2: directed unit edges (for IFN, ICP) from the coupling edges.
  void BuildUnitEdges() {
    std::map<std::pair<int, int>, double> directed;
    for (const auto& edge : graph_.edges) {
      for (const auto& [a, fa] : node_units_[static_cast<std::size_t>(edge.from)]) {
        for (const auto& [b, fb] : node_units_[static_cast<std::size_t>(edge.to)]) {
          if (a != b) directed[{a, b}] += edge.weight * fa * fb;
        }
      }
    }
    for (const auto& [key, weight] : directed) unit_edges_.push_back({key.first, key.second, weight});
  }

  // Step 3: hubs and project configuration are kept out so they do not glue contexts together.
  void FindSharedKernel() {
    in_kernel_.assign(units_.size(), false);
    if (!options_.shared_kernel) return;
    std::set<std::string> groups;
    for (const auto& unit : units_) groups.insert(unit.group);
    int other_groups = std::max(1, static_cast<int>(groups.size()) - 1);
    std::vector<std::set<std::string>> fan_in(units_.size());
    for (const auto& e : unit_edges_) {
      const Unit& from = units_[static_cast<std::size_t>(e.u)];
      const Unit& to = units_[static_cast<std::size_t>(e.v)];
      if (from.group != to.group) fan_in[static_cast<std::size_t>(e.v)].insert(from.group);
    }
    // The settings package and manage.py are configuration, not a business capability.
    std::string config_package;
    if (!options_.settings_module.empty()) {
      std::string settings = options_.settings_module;
      config_package = settings.substr(0, settings.find('.'));
    }
    // A utility package (no table of its own: no concrete model) that most of the
    // project depends on is kernel as a whole — the `core`/`common` that glue apps together.
    std::map<std::string, std::set<std::string>> group_fan_in;
    std::map<std::string, int> group_concrete;
    for (std::size_t u = 0; u < units_.size(); ++u) {
      group_fan_in[units_[u].group].insert(fan_in[u].begin(), fan_in[u].end());
      group_concrete[units_[u].group] += units_[u].concrete_models;
    }
    for (std::size_t u = 0; u < units_.size(); ++u) {
      const Unit& unit = units_[u];
      HubInfo hub{unit.id, unit.kind, "", static_cast<int>(fan_in[u].size()), other_groups,
                  static_cast<double>(fan_in[u].size()) / other_groups};
      const auto& package_fan_in = group_fan_in[unit.group];
      double package_share = static_cast<double>(package_fan_in.size()) / other_groups;
      if (MatchesAny(unit.id, options_.kernel_remove)) continue;
      if (MatchesAny(unit.id, options_.kernel_add)) hub.reason = "config";
      else if (hub.fan_in_groups >= options_.hub_min_groups && hub.share >= options_.hub_share) hub.reason = "fan-in";
      else if (group_concrete[unit.group] == 0 && static_cast<int>(package_fan_in.size()) >= options_.hub_min_groups &&
               package_share >= options_.hub_share) {
        hub.reason = "utility package";
        hub.fan_in_groups = static_cast<int>(package_fan_in.size());
        hub.share = package_share;
      }
      else if (!config_package.empty() && unit.kind != "model" &&
               (unit.group == config_package || unit.group == "manage"))
        hub.reason = "configuration";
      if (hub.reason.empty()) continue;
      in_kernel_[u] = true;
      out_.shared_kernel.push_back(hub);
    }
    std::sort(out_.shared_kernel.begin(), out_.shared_kernel.end(),
              [](const HubInfo& a, const HubInfo& b) { return a.id < b.id; });
  }

  // Step 4: Leiden on the undirected projection, then consensus over seeds.
  void Cluster() {
    // Units without any coupling carry no evidence for a boundary: they are left out
    // of Leiden and follow their app afterwards.
    std::vector<double> degree(units_.size(), 0);
    for (const auto& e : unit_edges_) {
      if (in_kernel_[static_cast<std::size_t>(e.u)] || in_kernel_[static_cast<std::size_t>(e.v)]) continue;
      degree[static_cast<std::size_t>(e.u)] += e.weight;
      degree[static_cast<std::size_t>(e.v)] += e.weight;
    }
    std::vector<int> isolated;
    for (std::size_t u = 0; u < units_.size(); ++u) {
      if (in_kernel_[u]) continue;
      bool pinned = false;
      for (const auto& [name, patterns] : options_.pins) pinned |= MatchesAny(units_[u].id, patterns);
      if (degree[u] <= 0 && !pinned) {
        isolated.push_back(static_cast<int>(u));
        continue;
      }
      cluster_index_[static_cast<int>(u)] = static_cast<int>(clustered_.size());
      clustered_.push_back(static_cast<int>(u));
    }
    WeightedGraph g;
    g.node_count = static_cast<int>(clustered_.size());
    for (const auto& e : unit_edges_) {
      auto a = cluster_index_.find(e.u), b = cluster_index_.find(e.v);
      if (a != cluster_index_.end() && b != cluster_index_.end()) g.edges.push_back({a->second, b->second, e.weight});
    }
    AddSameAppPrior(&g);
    LeidenOptions leiden;
    leiden.seed = options_.seed;
    leiden.resolution = options_.resolution;
    // Pins: members of one named context are clustered as one.
    if (!options_.pins.empty()) {
      leiden.pins.assign(clustered_.size(), -1);
      int group = 0;
      for (const auto& [name, patterns] : options_.pins) {
        for (std::size_t i = 0; i < clustered_.size(); ++i) {
          if (MatchesAny(units_[static_cast<std::size_t>(clustered_[i])].id, patterns)) {
            leiden.pins[i] = group;
            pin_names_[i] = name;
          }
        }
        ++group;
      }
    }
    Partition partition;
    if (options_.services > 0) {
      ResolutionResult found = SearchResolution(g, options_.services, leiden);
      partition = found.partition;
      out_.resolution = found.resolution;
      out_.services_exact = found.exact;
      leiden.resolution = found.resolution;
      if (!found.exact) {
        out_.diagnostics.push_back({"services-not-reached", Severity::kNote, "", 0, 0,
                                    "no resolution gives exactly " + std::to_string(options_.services) +
                                        " contexts; the nearest has " + std::to_string(found.partition.count)});
      }
    } else {
      partition = Leiden(g, leiden);
      out_.resolution = options_.resolution;
    }
    std::vector<double> confidence = options_.consensus_runs > 0
                                         ? Consensus(g, partition, leiden, options_.consensus_runs)
                                         : std::vector<double>(clustered_.size(), 1.0);
    graph_for_metrics_ = g;

    // Isolated units join the context where most of their app went (an app with no
    // coupled unit at all becomes a context of its own); with no coupling to weigh,
    // nothing argues against that placement, so their confidence is 1.
    std::map<std::string, std::map<int, int>> group_votes;
    for (std::size_t i = 0; i < clustered_.size(); ++i) {
      ++group_votes[units_[static_cast<std::size_t>(clustered_[i])].group][partition.membership[i]];
    }
    std::vector<int> membership = partition.membership;
    std::map<std::string, int> new_community;
    int next = partition.count;
    for (int u : isolated) {
      const std::string& group = units_[static_cast<std::size_t>(u)].group;
      const auto& votes = group_votes[group];
      int community;
      if (!votes.empty()) {
        community = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) {
                      return a.second < b.second;
                    })->first;
      } else {
        auto [it, inserted] = new_community.emplace(group, next);
        if (inserted) ++next;
        community = it->second;
      }
      cluster_index_[u] = static_cast<int>(clustered_.size());
      clustered_.push_back(u);
      membership.push_back(community);
      confidence.push_back(1.0);
    }
    partition_ = Canonical(std::move(membership));
    confidence_ = std::move(confidence);
    out_.units = static_cast<int>(clustered_.size());
  }

  // The app prior: each clustered unit is tied to the other units of its app with a
  // total weight of `same_app_weight` — all pairs in a small app, its 8 nearest
  // neighbours (by dotted name) in a large one, so a god app can still split on its
  // own evidence. Metrics and cohesion are computed on code couplings only.
  void AddSameAppPrior(WeightedGraph* g) const {
    if (options_.same_app_weight <= 0) return;
    std::map<std::string, std::vector<int>> by_group;  // group → cluster indexes, in unit id order
    std::vector<int> order(clustered_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      return units_[static_cast<std::size_t>(clustered_[static_cast<std::size_t>(a)])].id <
             units_[static_cast<std::size_t>(clustered_[static_cast<std::size_t>(b)])].id;
    });
    for (int i : order) by_group[units_[static_cast<std::size_t>(clustered_[static_cast<std::size_t>(i)])].group].push_back(i);
    constexpr int kNeighbours = 4;  // on each side
    for (const auto& [group, members] : by_group) {
      int n = static_cast<int>(members.size());
      if (n < 2) continue;
      if (n - 1 <= 2 * kNeighbours) {
        double w = options_.same_app_weight / (n - 1);
        for (int a = 0; a < n; ++a) {
          for (int b = a + 1; b < n; ++b) g->edges.push_back({members[static_cast<std::size_t>(a)], members[static_cast<std::size_t>(b)], w});
        }
      } else {
        double w = options_.same_app_weight / (2 * kNeighbours);
        for (int a = 0; a < n; ++a) {
          for (int k = 1; k <= kNeighbours; ++k)
            g->edges.push_back({members[static_cast<std::size_t>(a)], members[static_cast<std::size_t>((a + k) % n)], w});
        }
      }
    }
  }

  // Step 5: a context is named after its pin, its dominant app, or its most central model.
  void NameContexts() {
    int k = partition_.count;
    names_.assign(static_cast<std::size_t>(k), "");
    std::vector<std::map<std::string, int>> group_count(static_cast<std::size_t>(k));
    std::vector<double> strength(clustered_.size(), 0);
    for (const auto& e : graph_for_metrics_.edges) {
      if (partition_.membership[static_cast<std::size_t>(e.u)] == partition_.membership[static_cast<std::size_t>(e.v)]) {
        strength[static_cast<std::size_t>(e.u)] += e.weight;
        strength[static_cast<std::size_t>(e.v)] += e.weight;
      }
    }
    for (std::size_t i = 0; i < clustered_.size(); ++i) {
      int c = partition_.membership[i];
      ++group_count[static_cast<std::size_t>(c)][units_[static_cast<std::size_t>(clustered_[i])].group];
      if (auto pin = pin_names_.find(i); pin != pin_names_.end()) names_[static_cast<std::size_t>(c)] = pin->second;
    }
    // Larger contexts choose first, so the main body of an app keeps the app's name.
    std::vector<int> order(static_cast<std::size_t>(k));
    for (int c = 0; c < k; ++c) order[static_cast<std::size_t>(c)] = c;
    std::vector<int> sizes(static_cast<std::size_t>(k), 0);
    for (int m : partition_.membership) ++sizes[static_cast<std::size_t>(m)];
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return sizes[static_cast<std::size_t>(a)] > sizes[static_cast<std::size_t>(b)]; });
    std::set<std::string> used;
    for (const auto& name : names_) {
      if (!name.empty()) used.insert(name);
    }
    for (int c : order) {
      std::string& name = names_[static_cast<std::size_t>(c)];
      if (!name.empty()) continue;
      std::vector<std::pair<int, std::string>> ranked;
      for (const auto& [group, count] : group_count[static_cast<std::size_t>(c)]) ranked.push_back({-count, group});
      std::sort(ranked.begin(), ranked.end());
      std::string candidate = ranked.empty() ? "context" : ranked.front().second;
      if (used.count(candidate)) {
        // The most central member (by internal weight) tells what this part of the app is about.
        double best = -1;
        std::string central;
        for (std::size_t i = 0; i < clustered_.size(); ++i) {
          if (partition_.membership[i] != c) continue;
          const Unit& unit = units_[static_cast<std::size_t>(clustered_[i])];
          double s = strength[i] + (unit.kind == "model" ? 1e-9 : 0);
          if (s > best || (s == best && unit.id < central)) {
            best = s;
            central = unit.id;
          }
        }
        std::string tail = central.substr(central.rfind('.') + 1);
        std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        candidate = candidate + "-" + tail;
        for (int n = 2; used.count(candidate); ++n) candidate = candidate + "-" + std::to_string(n);
      }
      used.insert(candidate);
      name = candidate;
    }
  }

  // Step 6: every coupling node gets a context, the kernel, or nothing (excluded).
  void AssignNodes() {
    unit_context_.assign(units_.size(), "");
    for (std::size_t u = 0; u < units_.size(); ++u) {
      if (in_kernel_[u]) unit_context_[u] = kKernel;
    }
    for (std::size_t i = 0; i < clustered_.size(); ++i) {
      unit_context_[static_cast<std::size_t>(clustered_[i])] = names_[static_cast<std::size_t>(partition_.membership[i])];
    }
    out_.node_context.assign(graph_.nodes.size(), "");
    for (std::size_t n = 0; n < graph_.nodes.size(); ++n) {
      std::map<std::string, double> share;
      for (const auto& [u, fraction] : node_units_[n]) share[unit_context_[static_cast<std::size_t>(u)]] += fraction;
      double best = -1;
      for (const auto& [context, s] : share) {
        if (s > best) {
          best = s;
          out_.node_context[n] = context;
        }
      }
      // Invariant of DESIGN.md: every clustered node sits in exactly one context or in the kernel.
      assert((node_units_[n].empty() || !out_.node_context[n].empty()) && "unit without a context");
    }
  }

  // Step 7: members, sizes, cohesion and coupling per context.
  void Describe() {
    std::map<std::string, ContextInfo> contexts;
    for (const auto& name : names_) contexts[name].name = name;
    for (std::size_t i = 0; i < clustered_.size(); ++i) {
      const Unit& unit = units_[static_cast<std::size_t>(clustered_[i])];
      ContextInfo& context = contexts[names_[static_cast<std::size_t>(partition_.membership[i])]];
      context.members.push_back({unit.id, unit.kind, unit.group, confidence_[i], unit.lines});
      context.models += unit.models;
      context.lines += unit.lines;
      if (confidence_[i] < options_.undecided_below) out_.undecided.push_back(context.members.back());
    }
    for (const auto& edge : graph_.edges) {
      const std::string& a = out_.node_context[static_cast<std::size_t>(edge.from)];
      const std::string& b = out_.node_context[static_cast<std::size_t>(edge.to)];
      if (a.empty() || b.empty() || a == kKernel || b == kKernel) continue;
      if (a == b) {
        contexts[a].internal_weight += edge.weight;
      } else {
        contexts[a].external_weight += edge.weight;
        contexts[b].external_weight += edge.weight;
      }
    }
    for (auto& [name, context] : contexts) {
      std::sort(context.members.begin(), context.members.end(),
                [](const ContextMember& a, const ContextMember& b) { return a.id < b.id; });
      std::map<std::string, int> groups;
      for (const auto& m : context.members) ++groups[m.group];
      std::vector<std::pair<int, std::string>> ranked;
      for (const auto& [group, count] : groups) ranked.push_back({-count, group});
      std::sort(ranked.begin(), ranked.end());
      for (const auto& [count, group] : ranked) context.apps.push_back(group);
      double total = context.internal_weight + context.external_weight;
      context.cohesion = total > 0 ? context.internal_weight / total : 1;
      context.coupling = total > 0 ? context.external_weight / total : 0;
      out_.contexts.push_back(std::move(context));
    }
    std::sort(out_.undecided.begin(), out_.undecided.end(), [](const ContextMember& a, const ContextMember& b) {
      return std::tie(a.confidence, a.id) < std::tie(b.confidence, b.id);
    });
  }

  // Step 8: quality of the proposal, and how it compares with the apps as they are.
  void Measure() {
    ProposalMetrics& m = out_.metrics;
    // Isolated units were appended after the clustered ones and carry no edges.
    std::vector<int> clustered_membership(partition_.membership.begin(),
                                          partition_.membership.begin() + graph_for_metrics_.node_count);
    m.modularity = Modularity(graph_for_metrics_, clustered_membership, 1.0);
    std::vector<WeightedGraph::Edge> directed;
    for (const auto& e : unit_edges_) {
      auto a = cluster_index_.find(e.u), b = cluster_index_.find(e.v);
      if (a != cluster_index_.end() && b != cluster_index_.end()) directed.push_back({a->second, b->second, e.weight});
    }
    m.structural_modularity = StructuralModularity(directed, partition_.membership);
    m.interface_number = InterfaceNumber(directed, partition_.membership);
    m.non_extreme_distribution = NonExtremeDistribution(partition_.membership);
    m.inter_call_percentage = InterCallPercentage(directed, partition_.membership);
    std::map<std::string, int> group_ids;
    std::vector<int> apps;
    for (int u : clustered_) {
      auto [it, inserted] = group_ids.emplace(units_[static_cast<std::size_t>(u)].group, static_cast<int>(group_ids.size()));
      apps.push_back(it->second);
    }
    if (!clustered_.empty()) {
      m.mojofm_vs_apps = MoJoFM(partition_.membership, apps);
      m.ari_vs_apps = AdjustedRandIndex(partition_.membership, apps);
    }
    std::map<std::string, std::set<std::string>> contexts_of_app;
    for (const auto& context : out_.contexts) {
      for (const auto& member : context.members) contexts_of_app[member.group].insert(context.name);
      if (context.apps.size() > 1) m.merged_apps[context.name] = context.apps;
    }
    for (const auto& [app, contexts] : contexts_of_app) {
      if (contexts.size() > 1) m.split_apps[app] = {contexts.begin(), contexts.end()};
    }
  }

  // Step 9: what crosses each boundary.
  void CrossContext() {
    std::map<std::pair<std::string, std::string>, CrossContextInfo> cross;
    for (std::size_t e = 0; e < graph_.edges.size(); ++e) {
      const CouplingEdge& edge = graph_.edges[e];
      const std::string& a = out_.node_context[static_cast<std::size_t>(edge.from)];
      const std::string& b = out_.node_context[static_cast<std::size_t>(edge.to)];
      if (a.empty() || b.empty() || a == b || a == kKernel || b == kKernel) continue;
      CrossContextInfo& info = cross[{a, b}];
      info.from = a;
      info.to = b;
      info.counts[CouplingKindName(edge.kind)] += edge.count;
      info.weight += edge.weight;
      info.edges.push_back(static_cast<int>(e));
    }
    for (auto& [key, info] : cross) out_.cross_context.push_back(std::move(info));
  }

  // Step 10: easiest context first — few inbound dependencies, few foreign keys,
  // signals and tasks crossing, little reliance on the shared kernel.
  void Plan() {
    std::map<std::string, ExtractionStep> steps;
    for (const auto& context : out_.contexts) steps[context.name].context = context.name;
    for (std::size_t e = 0; e < graph_.edges.size(); ++e) {
      const CouplingEdge& edge = graph_.edges[e];
      const std::string& a = out_.node_context[static_cast<std::size_t>(edge.from)];
      const std::string& b = out_.node_context[static_cast<std::size_t>(edge.to)];
      if (a.empty() || b.empty() || a == b) continue;
      if (b == kKernel && a != kKernel) {
        steps[a].kernel_weight += edge.weight;
        continue;
      }
      if (a == kKernel) continue;
      for (ExtractionStep* step : {&steps[a], &steps[b]}) {
        int index = static_cast<int>(e);
        if (IsImportKind(edge.kind)) step->imports.push_back(index);
        else if (IsRelationKind(edge.kind)) { step->relations.push_back(index); step->foreign_keys += edge.count; }
        else if (edge.kind == CouplingKind::kSignal) { step->signal_edges.push_back(index); step->signals += edge.count; }
        else if (edge.kind == CouplingKind::kTaskCall) { step->task_edges.push_back(index); step->task_calls += edge.count; }
        else step->other_edges.push_back(index);
      }
      steps[b].inbound_weight += edge.weight;
      steps[a].outbound_weight += edge.weight;
    }
    // Routes: the first two segments of each reachable route whose view lives in the context.
    std::map<std::string, std::set<std::string>> prefixes;
    for (const auto& route : routes_) {
      int node = graph_.Find(route.view_module);
      if (node < 0) continue;
      const std::string& context = out_.node_context[static_cast<std::size_t>(node)];
      if (context.empty() || context == kKernel) continue;
      std::string prefix;
      int segments = 0;
      for (char ch : route.prefix) {
        if (ch == '<') break;
        prefix += ch;
        if (ch == '/' && ++segments == 2) break;
      }
      prefixes[context].insert(prefix.empty() ? "/" : prefix);
    }
    std::vector<ExtractionStep> plan;
    for (auto& [name, step] : steps) {
      step.url_prefixes.assign(prefixes[name].begin(), prefixes[name].end());
      // Inbound dependencies weigh most: every caller needs a new API before the cut.
      step.difficulty = step.inbound_weight + 0.5 * step.outbound_weight + 0.25 * step.kernel_weight +
                        2.0 * step.foreign_keys + step.signals + step.task_calls;
      auto reason = [&](double value, const std::string& text) {
        if (value > 0) step.reasons.push_back(text);
      };
      reason(step.inbound_weight, "others depend on it with weight " + FormatNumber(step.inbound_weight));
      reason(step.outbound_weight, "it depends on others with weight " + FormatNumber(step.outbound_weight));
      reason(step.foreign_keys, std::to_string(step.foreign_keys) + " relation(s) cross its boundary");
      reason(step.signals, std::to_string(step.signals) + " signal receiver(s) cross its boundary");
      reason(step.task_calls, std::to_string(step.task_calls) + " task call(s) cross its boundary");
      reason(step.kernel_weight, "uses the shared kernel with weight " + FormatNumber(step.kernel_weight));
      if (step.reasons.empty()) step.reasons.push_back("nothing crosses its boundary");
      plan.push_back(std::move(step));
    }
    std::sort(plan.begin(), plan.end(), [](const ExtractionStep& a, const ExtractionStep& b) {
      return std::tie(a.difficulty, a.context) < std::tie(b.difficulty, b.context);
    });
    for (std::size_t i = 0; i < plan.size(); ++i) plan[i].rank = static_cast<int>(i) + 1;
    out_.plan = std::move(plan);
  }

  static std::string FormatNumber(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    std::string text = buffer;
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
  }

  const CouplingGraph& graph_;
  const std::vector<RouteInfo>& routes_;
  const ProposalOptions& options_;
  Proposal out_;
  std::vector<Unit> units_;
  std::vector<std::vector<std::pair<int, double>>> node_units_;
  std::vector<WeightedGraph::Edge> unit_edges_;  // directed, u → v
  std::vector<bool> in_kernel_;
  std::vector<int> clustered_;              // cluster index → unit
  std::map<int, int> cluster_index_;        // unit → cluster index
  std::map<std::size_t, std::string> pin_names_;
  Partition partition_;
  WeightedGraph graph_for_metrics_;
  std::vector<double> confidence_;
  std::vector<std::string> names_;
  std::vector<std::string> unit_context_;
};

}  // namespace

Proposal ProposeContexts(const CouplingGraph& graph, const std::vector<RouteInfo>& routes,
                         const ProposalOptions& options) {
  return Proposer(graph, routes, options).Run();
}

}  // namespace seams
