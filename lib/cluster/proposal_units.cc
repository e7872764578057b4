// Units of clustering, and what a proposal says about an assignment of them.

#include "lib/cluster/proposal_units.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <set>
#include <tuple>

#include "lib/cluster/metrics.h"
#include "lib/cluster/score.h"

namespace seams {

namespace {

constexpr const char* kKernel = "shared_kernel";

bool IsImportKind(CouplingKind kind) {
  return kind == CouplingKind::kImport || kind == CouplingKind::kImportLazy || kind == CouplingKind::kImportTyping;
}

bool IsRelationKind(CouplingKind kind) {
  return kind == CouplingKind::kFk || kind == CouplingKind::kM2m || kind == CouplingKind::kInherits ||
         kind == CouplingKind::kInheritsAbstract;
}

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

Units BuildUnits(const CouplingGraph& graph, const std::vector<std::string>& outside, ClusterLevel level) {
  Units out;
  std::map<std::string, int> index;
  auto unit_of = [&](const std::string& id, const std::string& kind, const std::string& group) {
    auto [it, inserted] = index.emplace(id, static_cast<int>(out.units.size()));
    if (inserted) out.units.push_back({id, kind, group});
    return it->second;
  };
  out.node_units.assign(graph.nodes.size(), {});
  std::map<std::string, std::vector<int>> models_of_module;
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    const CouplingNode& node = graph.nodes[n];
    if (!outside[n].empty()) continue;
    int u = -1;
    switch (level) {
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
    if (u < 0) continue;
    Unit& unit = out.units[static_cast<std::size_t>(u)];
    out.node_units[n].push_back({u, 1.0});
    unit.lines += node.lines;
    if (node.kind == NodeKind::kModel) {
      ++unit.models;
      if (!node.abstract_model && !node.proxy_model) ++unit.concrete_models;
    }
  }
  // A module holding models stands for its models: its couplings are shared among them,
  // so one models.py with forty models can still be split.
  if (level == ClusterLevel::kModel) {
    for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
      const CouplingNode& node = graph.nodes[n];
      if (node.kind != NodeKind::kModule || !node.defines_models || !outside[n].empty()) continue;
      const auto& models = models_of_module[node.id];
      for (int u : models) out.node_units[n].push_back({u, 1.0 / static_cast<double>(models.size())});
    }
  }
  std::map<std::pair<int, int>, double> directed;
  for (const auto& edge : graph.edges) {
    for (const auto& [a, fa] : out.node_units[static_cast<std::size_t>(edge.from)]) {
      for (const auto& [b, fb] : out.node_units[static_cast<std::size_t>(edge.to)]) {
        if (a != b) directed[{a, b}] += edge.weight * fa * fb;
      }
    }
  }
  for (const auto& [key, weight] : directed) out.edges.push_back({key.first, key.second, weight});
  return out;
}

namespace {

// Node → context: the context of most of its units' share.
std::vector<std::string> NodeContexts(const CouplingGraph& graph, const Units& units,
                                      const std::vector<std::string>& unit_context) {
  std::vector<std::string> node_context(graph.nodes.size());
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    std::map<std::string, double> share;
    for (const auto& [u, fraction] : units.node_units[n]) share[unit_context[static_cast<std::size_t>(u)]] += fraction;
    double best = -1;
    for (const auto& [context, s] : share) {
      if (s > best) {
        best = s;
        node_context[n] = context;
      }
    }
    // Every node inside the application sits in exactly one context or in the kernel.
    assert((units.node_units[n].empty() || !node_context[n].empty()) && "unit without a context");
  }
  return node_context;
}

std::vector<ContextInfo> DescribeContexts(const CouplingGraph& graph, const Units& units,
                                          const std::vector<int>& community, const std::vector<double>& confidence,
                                          const std::vector<std::string>& names,
                                          const std::map<int, std::string>& pinned_names,
                                          const std::vector<std::string>& node_context) {
  std::map<std::string, ContextInfo> contexts;
  for (const auto& name : names) contexts[name].name = name;
  for (std::size_t u = 0; u < units.units.size(); ++u) {
    if (community[u] < 0) continue;
    const Unit& unit = units.units[u];
    ContextInfo& context = contexts[names[static_cast<std::size_t>(community[u])]];
    context.members.push_back({unit.id, unit.kind, unit.group, confidence[u], unit.lines});
    context.models += unit.models;
    context.concrete_models += unit.concrete_models;
    context.lines += unit.lines;
  }
  // Tables: every concrete model node's, in the context of the node.
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    const CouplingNode& node = graph.nodes[n];
    if (node.kind != NodeKind::kModel || node_context[n].empty() || node_context[n] == kKernel) continue;
    auto& tables = contexts[node_context[n]].tables;
    tables.insert(tables.end(), node.tables.begin(), node.tables.end());
  }
  // Own data: the model-free code of a context that uses the context's own tables.
  std::map<std::string, long> code_lines, own_lines;
  std::vector<bool> uses_own(units.units.size(), false);
  for (const auto& e : units.edges) {
    const Unit& to = units.units[static_cast<std::size_t>(e.v)];
    if (to.concrete_models > 0 && community[static_cast<std::size_t>(e.u)] >= 0 &&
        community[static_cast<std::size_t>(e.u)] == community[static_cast<std::size_t>(e.v)])
      uses_own[static_cast<std::size_t>(e.u)] = true;
  }
  for (std::size_t u = 0; u < units.units.size(); ++u) {
    const Unit& unit = units.units[u];
    if (community[u] < 0 || unit.models > 0) continue;
    const std::string& name = names[static_cast<std::size_t>(community[u])];
    code_lines[name] += unit.lines;
    if (uses_own[u]) own_lines[name] += unit.lines;
  }
  for (const auto& edge : graph.edges) {
    const std::string& a = node_context[static_cast<std::size_t>(edge.from)];
    const std::string& b = node_context[static_cast<std::size_t>(edge.to)];
    if (a.empty() || b.empty() || a == kKernel || b == kKernel) continue;
    if (a == b) {
      contexts[a].internal_weight += edge.weight;
    } else {
      contexts[a].external_weight += edge.weight;
      contexts[b].external_weight += edge.weight;
    }
  }
  std::set<std::string> pinned;
  for (const auto& [c, name] : pinned_names) pinned.insert(name);
  std::vector<ContextInfo> out;
  for (auto& [name, context] : contexts) {
    std::sort(context.members.begin(), context.members.end(),
              [](const ContextMember& a, const ContextMember& b) { return a.id < b.id; });
    std::sort(context.tables.begin(), context.tables.end());
    context.tables.erase(std::unique(context.tables.begin(), context.tables.end()), context.tables.end());
    std::map<std::string, int> groups;
    for (const auto& m : context.members) ++groups[m.group];
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [group, count] : groups) ranked.push_back({-count, group});
    std::sort(ranked.begin(), ranked.end());
    for (const auto& [count, group] : ranked) context.apps.push_back(group);
    double total = context.internal_weight + context.external_weight;
    context.cohesion = total > 0 ? context.internal_weight / total : 1;
    context.coupling = total > 0 ? context.external_weight / total : 0;
    long code = code_lines[name];
    context.own_data_share = code > 0 ? static_cast<double>(own_lines[name]) / static_cast<double>(code) : 1;
    if (context.concrete_models == 0) {
      context.stateless = true;
      context.stateless_reason = pinned.count(name) ? "pinned in config; owns no model"
                                                    : "the application has no model for it to own";
    }
    out.push_back(std::move(context));
  }
  return out;
}

// Quality of the assignment on the code couplings alone (no app prior), exactly as
// `seams score` computes it for the same node contexts; the comparison with the apps on the
// clustered units.
ProposalMetrics Measure(const CouplingGraph& graph, const std::vector<std::string>& node_context, const Units& units,
                        const std::vector<int>& community, const std::vector<ContextInfo>& contexts) {
  ProposalMetrics m;
  std::vector<int> index(units.units.size(), -1);
  std::vector<int> membership, apps;
  std::map<std::string, int> group_ids;
  for (std::size_t u = 0; u < units.units.size(); ++u) {
    if (community[u] < 0) continue;
    index[u] = static_cast<int>(membership.size());
    membership.push_back(community[u]);
    auto [it, inserted] = group_ids.emplace(units.units[u].group, static_cast<int>(group_ids.size()));
    apps.push_back(it->second);
  }
  Score score = ScoreAssignment(graph, node_context);
  m.modularity = score.modularity;
  m.structural_modularity = score.structural_modularity;
  m.interface_number = score.interface_number;
  m.non_extreme_distribution = score.non_extreme_distribution;
  m.inter_call_percentage = score.inter_call_percentage;
  if (!membership.empty()) {
    m.mojofm_vs_apps = MoJoFM(membership, apps);
    m.ari_vs_apps = AdjustedRandIndex(membership, apps);
  }
  std::map<std::string, std::set<std::string>> contexts_of_app;
  for (const auto& context : contexts) {
    for (const auto& member : context.members) contexts_of_app[member.group].insert(context.name);
    if (context.apps.size() > 1) m.merged_apps[context.name] = context.apps;
  }
  for (const auto& [app, names] : contexts_of_app) {
    if (names.size() > 1) m.split_apps[app] = {names.begin(), names.end()};
  }
  return m;
}

std::vector<CrossContextInfo> CrossContext(const CouplingGraph& graph, const std::vector<std::string>& node_context) {
  std::map<std::pair<std::string, std::string>, CrossContextInfo> cross;
  for (std::size_t e = 0; e < graph.edges.size(); ++e) {
    const CouplingEdge& edge = graph.edges[e];
    const std::string& a = node_context[static_cast<std::size_t>(edge.from)];
    const std::string& b = node_context[static_cast<std::size_t>(edge.to)];
    if (a.empty() || b.empty() || a == b || a == kKernel || b == kKernel) continue;
    CrossContextInfo& info = cross[{a, b}];
    info.from = a;
    info.to = b;
    info.counts[CouplingKindName(edge.kind)] += edge.count;
    info.weight += edge.weight;
    info.edges.push_back(static_cast<int>(e));
  }
  std::vector<CrossContextInfo> out;
  for (auto& [key, info] : cross) out.push_back(std::move(info));
  return out;
}

// Easiest context first: few inbound dependencies, few foreign keys, signals and tasks
// crossing, little reliance on the shared kernel.
std::vector<ExtractionStep> Plan(const CouplingGraph& graph, const std::vector<RouteInfo>& routes,
                                 const std::vector<ContextInfo>& contexts, const std::vector<std::string>& node_context) {
  std::map<std::string, ExtractionStep> steps;
  for (const auto& context : contexts) steps[context.name].context = context.name;
  for (std::size_t e = 0; e < graph.edges.size(); ++e) {
    const CouplingEdge& edge = graph.edges[e];
    const std::string& a = node_context[static_cast<std::size_t>(edge.from)];
    const std::string& b = node_context[static_cast<std::size_t>(edge.to)];
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
  for (const auto& route : routes) {
    int node = graph.Find(route.view_module);
    if (node < 0) continue;
    const std::string& context = node_context[static_cast<std::size_t>(node)];
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
    std::vector<std::string>& reasons = step.reasons;  // clang 14 cannot capture a structured binding
    auto reason = [&](double value, const std::string& text) {
      if (value > 0) reasons.push_back(text);
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
  return plan;
}

}  // namespace

void FinishProposal(const CouplingGraph& graph, const std::vector<RouteInfo>& routes, const ProposalOptions& options,
                    const Units& units, const std::vector<bool>& in_kernel, const std::vector<int>& community,
                    const std::vector<double>& confidence, const std::vector<std::string>& names,
                    const std::map<int, std::string>& pinned_names, Proposal* out) {
  std::vector<std::string> unit_context(units.units.size());
  int clustered = 0;
  for (std::size_t u = 0; u < units.units.size(); ++u) {
    if (in_kernel[u]) unit_context[u] = kKernel;
    else if (community[u] >= 0) {
      unit_context[u] = names[static_cast<std::size_t>(community[u])];
      ++clustered;
    }
  }
  out->units = clustered;
  out->node_context = NodeContexts(graph, units, unit_context);
  out->contexts = DescribeContexts(graph, units, community, confidence, names, pinned_names, out->node_context);
  for (const auto& context : out->contexts) {
    for (const auto& member : context.members) {
      if (member.confidence < options.undecided_below) out->undecided.push_back(member);
    }
  }
  std::sort(out->undecided.begin(), out->undecided.end(), [](const ContextMember& a, const ContextMember& b) {
    return std::tie(a.confidence, a.id) < std::tie(b.confidence, b.id);
  });
  out->metrics = Measure(graph, out->node_context, units, community, out->contexts);
  out->cross_context = CrossContext(graph, out->node_context);
  out->plan = Plan(graph, routes, out->contexts, out->node_context);
}

}  // namespace seams
