// Scoring an assignment: partition measures on the nodes in contexts, per-context
// cohesion and coupling, what crosses, and the extraction order.

#include "lib/cluster/score.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "lib/cluster/leiden.h"
#include "lib/cluster/metrics.h"
#include "lib/core/error.h"

namespace seams {

namespace {

bool IsRelation(CouplingKind kind) {
  return kind == CouplingKind::kFk || kind == CouplingKind::kM2m || kind == CouplingKind::kInherits ||
         kind == CouplingKind::kInheritsAbstract;
}

bool InContext(const std::string& context) { return !context.empty() && context != kSharedKernelContext; }

}  // namespace

Score ScoreAssignment(const CouplingGraph& graph, const std::vector<std::string>& node_context,
                      const DataUses* data) {
  if (node_context.size() != graph.nodes.size()) {
    throw SeamsError(ErrorKind::kInput, "score: the assignment must have one context per node");
  }
  Score score;
  // Partition indexes: contexts numbered by name, nodes in context by graph order.
  std::map<std::string, ContextScore> contexts;
  std::vector<int> index(graph.nodes.size(), -1);
  std::vector<std::string> names;
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    const std::string& c = node_context[n];
    if (c.empty()) {
      ++score.unassigned;
      continue;
    }
    if (c == kSharedKernelContext) {
      ++score.shared_kernel;
      continue;
    }
    ++score.assigned;
    ContextScore& context = contexts[c];
    context.name = c;
    ++context.members;
    if (graph.nodes[n].kind == NodeKind::kModel) ++context.models;
    index[n] = static_cast<int>(names.size());
    names.push_back(c);
  }
  std::map<std::string, int> label;
  for (const auto& [name, context] : contexts) label.emplace(name, static_cast<int>(label.size()));
  std::vector<int> membership(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) membership[i] = label[names[i]];

  WeightedGraph undirected;
  undirected.node_count = static_cast<int>(names.size());
  std::vector<WeightedGraph::Edge> directed;
  std::map<std::pair<std::string, std::string>, CrossScore> cross;
  std::map<std::string, ExtractionScore> steps;
  for (const auto& [name, context] : contexts) steps[name].context = name;
  for (const CouplingEdge& edge : graph.edges) {
    const std::string& a = node_context[static_cast<std::size_t>(edge.from)];
    const std::string& b = node_context[static_cast<std::size_t>(edge.to)];
    if (InContext(a) && b == kSharedKernelContext) steps[a].kernel_weight += edge.weight;
    if (!InContext(a) || !InContext(b)) continue;
    const int u = index[static_cast<std::size_t>(edge.from)];
    const int v = index[static_cast<std::size_t>(edge.to)];
    undirected.edges.push_back({u, v, edge.weight});
    directed.push_back({u, v, edge.weight});
    if (a == b) {
      contexts[a].internal_weight += edge.weight;
      continue;
    }
    contexts[a].external_weight += edge.weight;
    contexts[b].external_weight += edge.weight;
    score.cross_context_weight += edge.weight;
    CrossScore& c = cross[{a, b}];
    c.from = a;
    c.to = b;
    c.weight += edge.weight;
    c.counts[CouplingKindName(edge.kind)] += edge.count;
    for (ExtractionScore* step : {&steps[a], &steps[b]}) {
      if (IsRelation(edge.kind)) step->foreign_keys += edge.count;
      else if (edge.kind == CouplingKind::kSignal) step->signals += edge.count;
      else if (edge.kind == CouplingKind::kTaskCall) step->task_calls += edge.count;
    }
    if (IsRelation(edge.kind)) {
      c.foreign_keys += edge.count;
      score.cross_context_foreign_keys += edge.count;
    }
    steps[b].inbound_weight += edge.weight;
    steps[a].outbound_weight += edge.weight;
  }

  score.modularity = Modularity(undirected, membership, 1.0);
  score.structural_modularity = StructuralModularity(directed, membership);
  score.interface_number = InterfaceNumber(directed, membership);
  score.non_extreme_distribution = NonExtremeDistribution(membership);
  score.inter_call_percentage = InterCallPercentage(directed, membership);
  for (auto& [name, context] : contexts) {
    const double total = context.internal_weight + context.external_weight;
    context.cohesion = total > 0 ? context.internal_weight / total : 1;
    context.coupling = total > 0 ? context.external_weight / total : 0;
    score.contexts.push_back(context);
  }
  for (auto& [key, c] : cross) score.cross_context.push_back(std::move(c));
  for (auto& [name, step] : steps) {
    // Inbound dependencies weigh most: every caller needs a new API before the cut.
    step.difficulty = step.inbound_weight + 0.5 * step.outbound_weight + 0.25 * step.kernel_weight +
                      2.0 * step.foreign_keys + step.signals + step.task_calls;
    score.extraction_order.push_back(step);
  }
  std::sort(score.extraction_order.begin(), score.extraction_order.end(),
            [](const ExtractionScore& a, const ExtractionScore& b) {
              return std::tie(a.difficulty, a.context) < std::tie(b.difficulty, b.context);
            });
  for (std::size_t i = 0; i < score.extraction_order.size(); ++i) score.extraction_order[i].rank = static_cast<int>(i) + 1;
  if (data) {
    auto context_of = [&](const std::string& model) -> const std::string& {
      static const std::string none;
      int node = graph.Find(model);
      return node < 0 ? none : node_context[static_cast<std::size_t>(node)];
    };
    // The number of contexts among `models`; 0 when `first_in_context` and the first is in none.
    auto contexts_among = [&](const std::vector<std::string>& models, bool first_in_context) {
      std::set<std::string> seen;
      for (std::size_t i = 0; i < models.size(); ++i) {
        const std::string& c = context_of(models[i]);
        if (i == 0 && first_in_context && !InContext(c)) return std::size_t{0};
        if (InContext(c)) seen.insert(c);
      }
      return seen.size();
    };
    score.cross_context_joins = 0;
    score.cross_context_transactions = 0;
    for (const auto& use : data->lookups)
      if (contexts_among(use.models, true) > 1) *score.cross_context_joins += use.count;
    for (const auto& use : data->atomic_writes)
      if (contexts_among(use.models, false) > 1) *score.cross_context_transactions += use.count;
  }
  return score;
}

void LeaveOutTestsAndMigrations(const CouplingGraph& graph, std::vector<std::string>* node_context) {
  for (std::size_t n = 0; n < graph.nodes.size() && n < node_context->size(); ++n) {
    if (graph.nodes[n].is_test || graph.nodes[n].is_migration) (*node_context)[n].clear();
  }
}

}  // namespace seams
