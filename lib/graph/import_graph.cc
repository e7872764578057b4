// Builds the import graph; Boost.Graph finds its import cycles.

#include "lib/graph/import_graph.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <map>
#include <set>
#include <tuple>

namespace seams {

namespace {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// Sets of more than one node that import each other, directly or transitively.
std::vector<std::vector<std::string>> FindCycles(const std::vector<std::string>& ids,
                                                 const std::vector<ImportEdge>& edges) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < ids.size(); ++i) index[ids[i]] = i;
  BoostGraph graph(ids.size());
  for (const auto& edge : edges) {
    // Typing-only imports never run, so they cannot make an import cycle.
    if (edge.counts[0] + edge.counts[1] == 0) continue;
    boost::add_edge(index.at(edge.from), index.at(edge.to), graph);
  }
  std::vector<int> component(ids.size());
  int count = boost::strong_components(graph, boost::make_iterator_property_map(
                                                  component.begin(), boost::get(boost::vertex_index, graph)));
  std::vector<std::vector<std::string>> groups(static_cast<std::size_t>(count));
  for (std::size_t i = 0; i < ids.size(); ++i) groups[static_cast<std::size_t>(component[i])].push_back(ids[i]);
  std::vector<std::vector<std::string>> cycles;
  for (auto& group : groups) {
    if (group.size() < 2) continue;
    std::sort(group.begin(), group.end());
    cycles.push_back(std::move(group));
  }
  std::sort(cycles.begin(), cycles.end());
  return cycles;
}

void SortEvidence(std::vector<ImportEvidence>* evidence) {
  std::sort(evidence->begin(), evidence->end(), [](const ImportEvidence& a, const ImportEvidence& b) {
    return std::tie(a.path, a.line, a.statement, a.to) < std::tie(b.path, b.line, b.statement, b.to);
  });
}

}  // namespace

CouplingKind ImportCouplingKind(ImportKind kind) {
  switch (kind) {
    case ImportKind::kModule: return CouplingKind::kImport;
    case ImportKind::kLazy: return CouplingKind::kImportLazy;
    case ImportKind::kTyping: return CouplingKind::kImportTyping;
  }
  return CouplingKind::kImport;
}

ImportGraph BuildModuleGraph(const Project& project, const std::vector<FileFacts>& facts,
                             const DjangoLayout& layout, const Resolution& resolution,
                             const CouplingWeights& weights) {
  ImportGraph graph;
  std::vector<std::set<std::string>> third_party(project.files.size());
  graph.modules.resize(project.files.size());
  const AppIndex apps(layout.apps);
  for (std::size_t i = 0; i < project.files.size(); ++i) {
    const SourceFile& file = project.files[i];
    ModuleNode& node = graph.modules[i];
    node.module = file.module;
    node.path = file.path;
    const DjangoApp* app = apps.AppOf(file.module);
    node.app = app ? app->label : "";
    node.group = apps.GroupOf(file.module);
    node.is_package = file.is_package;
    node.is_test = file.is_test;
    node.is_migration = file.is_migration;
    node.lines = i < facts.size() ? facts[i].lines : 0;
  }

  std::map<std::pair<std::string, std::string>, ImportEdge> edges;
  for (const ResolvedImport& import : resolution.imports) {
    ModuleNode& node = graph.modules[import.file];
    switch (import.target_kind) {
      case TargetKind::kStdlib: ++node.stdlib_imports; continue;
      case TargetKind::kThirdParty:
        ++node.third_party_imports;
        third_party[import.file].insert(import.target);
        continue;
      case TargetKind::kUnresolved: continue;
      case TargetKind::kProject: break;
    }
    if (import.target == node.module) continue;
    ImportEdge& edge = edges[{node.module, import.target}];
    edge.from = node.module;
    edge.to = import.target;
    ++edge.counts[static_cast<std::size_t>(import.kind)];
    edge.weight += weights.Of(ImportCouplingKind(import.kind));
    edge.evidence.push_back(
        {node.path, import.line, import.kind, import.guarded, import.statement, {}, {}});
  }
  for (std::size_t i = 0; i < graph.modules.size(); ++i) {
    graph.modules[i].third_party.assign(third_party[i].begin(), third_party[i].end());
  }
  std::sort(graph.modules.begin(), graph.modules.end(),
            [](const ModuleNode& a, const ModuleNode& b) { return a.module < b.module; });
  for (auto& [key, edge] : edges) {
    SortEvidence(&edge.evidence);
    graph.edges.push_back(std::move(edge));
  }
  std::vector<std::string> ids;
  for (const auto& node : graph.modules) ids.push_back(node.module);
  graph.cycles = FindCycles(ids, graph.edges);
  return graph;
}

ImportGraph AggregateToApps(const ImportGraph& module_graph, const DjangoLayout& layout) {
  ImportGraph graph;
  std::map<std::string, GroupNode> groups;
  std::map<std::string, std::string> group_of;
  for (const auto& node : module_graph.modules) {
    GroupNode& group = groups[node.group];
    group.id = node.group;
    group.is_app = !node.app.empty();
    ++group.modules;
    group.lines += node.lines;
    group_of[node.module] = node.group;
  }
  for (auto& [id, group] : groups) {
    for (const auto& app : layout.apps) {
      if (app.label == id) group.package = app.package;
    }
    if (group.package.empty()) group.package = id;
    graph.groups.push_back(group);
  }
  std::map<std::pair<std::string, std::string>, ImportEdge> edges;
  for (const auto& edge : module_graph.edges) {
    const std::string& from = group_of.at(edge.from);
    const std::string& to = group_of.at(edge.to);
    if (from == to) continue;
    ImportEdge& out = edges[{from, to}];
    out.from = from;
    out.to = to;
    for (std::size_t k = 0; k < out.counts.size(); ++k) out.counts[k] += edge.counts[k];
    out.weight += edge.weight;
    // Which modules each import joins, now that the edge joins groups.
    for (const auto& evidence : edge.evidence) {
      out.evidence.push_back(evidence);
      out.evidence.back().from = edge.from;
      out.evidence.back().to = edge.to;
    }
  }
  for (auto& [key, edge] : edges) {
    SortEvidence(&edge.evidence);
    graph.edges.push_back(std::move(edge));
  }
  std::vector<std::string> ids;
  for (const auto& group : graph.groups) ids.push_back(group.id);
  graph.cycles = FindCycles(ids, graph.edges);
  return graph;
}

}  // namespace seams
