// DOT rendering of a graph report, written by hand so the output is stable.

#include <cmath>
#include <map>
#include <ostream>
#include <set>

#include "reports/dot_util.h"
#include "reports/graph_report.h"

namespace seams {

namespace {

// Models clustered by app, abstract ones dashed; edges labelled with field and kind.
void WriteModelDot(const nlohmann::json& report, std::ostream& out) {
  std::map<std::string, std::vector<const nlohmann::json*>> by_app;
  for (const auto& node : report.at("nodes")) by_app[node.at("app").get<std::string>()].push_back(&node);
  std::set<std::string> known;
  int cluster = 0;
  for (const auto& [app, nodes] : by_app) {
    out << "  subgraph " << DotQuote("cluster_" + std::to_string(cluster++)) << " {\n";
    out << "    label=" << DotQuote(app) << "; style=\"rounded\"; color=\"#3b6ea8\";\n";
    for (const auto* node : nodes) {
      const std::string id = node->at("id").get<std::string>();
      known.insert(id);
      bool abstract = node->at("abstract").get<bool>();
      out << "    " << DotQuote(id) << " [label=" << DotQuote(node->at("name").get<std::string>() + (abstract ? "\n(abstract)" : ""))
          << (abstract ? ", style=\"rounded,dashed\"" : "") << "];\n";
    }
    out << "  }\n";
  }
  for (const auto& edge : report.at("edges")) {
    if (edge.at("to").is_null()) continue;  // a generic foreign key may point anywhere
    const std::string to = edge.at("to").get<std::string>();
    if (!known.count(to)) {
      known.insert(to);
      out << "  " << DotQuote(to) << " [label=" << DotQuote(to + "\n(external)") << ", style=\"rounded,dotted\"];\n";
    }
    const std::string kind = edge.at("kind").get<std::string>();
    std::string field = edge.at("field").get<std::string>();
    out << "  " << DotQuote(edge.at("from").get<std::string>()) << " -> " << DotQuote(to)
        << " [label=" << DotQuote(field.empty() ? kind : field + " (" + kind + ")");
    if (kind == "inherits") out << ", arrowhead=empty";
    if (kind == "m2m") out << ", dir=both, arrowtail=crow, arrowhead=crow";
    out << "];\n";
  }
}

}  // namespace

void WriteGraphDot(const nlohmann::json& report, std::ostream& out) {
  const bool module_level = report.at("level") == "module";
  if (report.at("level") == "model") {
    out << "digraph " << DotQuote(report.at("project").at("name").get<std::string>()) << " {\n";
    out << "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10];\n";
    out << "  node [shape=box, style=\"rounded\", fontname=\"Helvetica\", fontsize=9];\n";
    out << "  edge [color=\"#555555\", fontname=\"Helvetica\", fontsize=8, arrowsize=0.6];\n";
    WriteModelDot(report, out);
    out << "}\n";
    return;
  }
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
