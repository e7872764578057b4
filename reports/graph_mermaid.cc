// Mermaid of a graph report (`seams graph --format mermaid`): the as-is graph
// drawn through the same writer as the views, so it keeps within what GitHub
// renders.

#include <map>
#include <ostream>

#include "reports/graph_report.h"
#include "reports/view.h"

namespace seams {

void WriteGraphMermaid(const nlohmann::json& report, std::ostream& out) {
  View view;
  view.kind = ViewKind::kGraph;
  const std::string level = report.at("level").get<std::string>();
  view.title = report.at("project").at("name").get<std::string>() + ": " + level + " graph";
  std::map<std::string, ViewNode> nodes;
  for (const auto& n : report.at("nodes")) {
    ViewNode node;
    node.id = n.at("id").get<std::string>();
    node.label = node.id;
    if (level == "module") node.cluster = n.at("group").get<std::string>();
    if (level == "app") {
      node.detail = std::to_string(n.at("modules").get<int>()) + " modules";
      node.kernel = n.at("kind") != "app";
    }
    if (level == "model") node.abstract = n.at("abstract").get<bool>();
    nodes[node.id] = std::move(node);
  }
  view.entities = level == "model";
  for (const auto& e : report.at("edges")) {
    if (e.at("to").is_null()) continue;  // a generic foreign key may point anywhere
    ViewEdge edge;
    edge.from = e.at("from").get<std::string>();
    edge.to = e.at("to").get<std::string>();
    if (!nodes.count(edge.to)) {
      ViewNode& outside = nodes[edge.to];
      outside.id = outside.label = edge.to;
      outside.external = true;
      outside.detail = "outside the project";
    }
    if (view.entities) {
      const std::string kind = e.at("kind").get<std::string>();
      edge.kind = kind;
      edge.label = e.at("field").get<std::string>();
      edge.weight = 1;
      if (kind == "inherits") edge.label = "inherits";
      if (kind != "inherits") nodes[edge.from].fields.push_back({edge.label, kind, edge.to, false});
    } else {
      edge.weight = e.at("weight").get<double>();
      std::string label;
      for (const auto& [kind, count] : e.at("counts").items()) {
        if (!label.empty()) label += ", ";
        label += kind + " ×" + std::to_string(count.get<int>());
      }
      edge.label = label;
    }
    view.max_weight = std::max(view.max_weight, edge.weight);
    view.edges.push_back(std::move(edge));
  }
  std::map<std::string, bool> clusters;
  for (auto& [id, node] : nodes) {
    if (!node.cluster.empty()) clusters[node.cluster] = true;
    view.nodes.push_back(std::move(node));
  }
  for (const auto& [name, unused] : clusters) view.clusters.push_back({name, name, -1, false});
  WriteViewMermaid(view, out);
}

}  // namespace seams
