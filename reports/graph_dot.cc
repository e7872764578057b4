// DOT rendering of a graph report, written by hand so the output is stable.

#include <cmath>
#include <map>
#include <ostream>
#include <set>

#include "reports/dot_util.h"
#include "reports/graph_report.h"

namespace seams {

void WriteGraphDot(const nlohmann::json& report, std::ostream& out) {
  const bool module_level = report.at("level") == "module";
  out << "digraph " << DotQuote(report.at("project").at("name").get<std::string>()) << " {\n";
  out << "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10, compound=true];\n";
  out << "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f5f5f5\", fontname=\"Helvetica\", fontsize=9];\n";
  out << "  edge [color=\"#555555\", arrowsize=0.6];\n";

  if (module_level) {
    // One cluster per app or package group, so the picture reads at app level first.
    std::map<std::string, std::vector<const nlohmann::json*>> by_group;
    for (const auto& node : report.at("nodes")) by_group[node.at("group").get<std::string>()].push_back(&node);
    int cluster = 0;
    for (const auto& [group, nodes] : by_group) {
      bool is_app = !nodes.front()->at("app").get<std::string>().empty();
      out << "  subgraph " << DotQuote("cluster_" + std::to_string(cluster++)) << " {\n";
      out << "    label=" << DotQuote(group + (is_app ? " (app)" : "")) << ";\n";
      out << "    style=\"rounded\"; color=\"" << (is_app ? "#3b6ea8" : "#999999") << "\";\n";
      for (const auto* node : nodes) {
        const std::string id = node->at("id").get<std::string>();
        out << "    " << DotQuote(id) << " [label=" << DotQuote(id) << "];\n";
      }
      out << "  }\n";
    }
  } else {
    for (const auto& node : report.at("nodes")) {
      const std::string id = node.at("id").get<std::string>();
      bool is_app = node.at("kind") == "app";
      out << "  " << DotQuote(id) << " [label=" << DotQuote(id + "\n" + std::to_string(node.at("modules").get<int>()) + " modules")
          << (is_app ? ", fillcolor=\"#dde8f5\"" : ", fillcolor=\"#eeeeee\", style=\"rounded,filled,dashed\"") << "];\n";
    }
  }

  for (const auto& edge : report.at("edges")) {
    double weight = edge.at("weight").get<double>();
    const auto& counts = edge.at("counts");
    int runtime = counts.value("import", 0);
    int lazy = counts.value("import_lazy", 0);
    int total = runtime + lazy + counts.value("import_typing", 0);
    out << "  " << DotQuote(edge.at("from").get<std::string>()) << " -> " << DotQuote(edge.at("to").get<std::string>())
        << " [penwidth=" << DotNumber(1.0 + std::log2(1.0 + weight)) << ", weight=" << total;
    if (!module_level) out << ", label=" << DotQuote(std::to_string(total));
    if (runtime == 0) out << ", style=" << (lazy ? "dashed" : "dotted");
    out << "];\n";
  }
  out << "}\n";
}

}  // namespace seams
