// contexts.dot, rendered from the analysis report alone.

#include <algorithm>
#include <map>
#include <ostream>
#include <vector>

#include "reports/dot_util.h"
#include "reports/proposal_render.h"

namespace seams {

namespace {

constexpr const char* kPalette[] = {"#dde8f5", "#e3f1dc", "#fbe8d3", "#efe0f3", "#fdf6c9",
                                    "#d9f0ef", "#f6dcdc", "#e6e6e6", "#e0e7ff", "#f0f0d8"};

std::string NodeId(const std::string& context, const std::string& group) { return context + "::" + group; }

}  // namespace

void WriteContextsDot(const nlohmann::json& report, std::ostream& out) {
  out << "digraph " << DotQuote(report.at("project").at("name").get<std::string>() + " contexts") << " {\n";
  out << "  graph [rankdir=LR, compound=true, fontname=\"Helvetica\", fontsize=11, nodesep=0.3];\n";
  out << "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=9];\n";
  out << "  edge [color=\"#666666\", fontname=\"Helvetica\", fontsize=8];\n";
  std::map<std::string, std::string> anchor;  // context → first node, for edges between clusters
  int index = 0;
  for (const auto& context : report.at("contexts")) {
    const std::string name = context.at("name").get<std::string>();
    std::map<std::string, int> groups;
    for (const auto& member : context.at("members")) ++groups[member.at("app").get<std::string>()];
    out << "  subgraph " << DotQuote("cluster_" + std::to_string(index)) << " {\n";
    out << "    label=" << DotQuote(name + " — " + std::to_string(context.at("size").get<int>()) + " members, " +
                                    std::to_string(context.at("models").get<int>()) + " models, cohesion " +
                                    DotNumber(context.at("cohesion").get<double>()))
        << "; style=\"rounded,filled\"; fillcolor=" << DotQuote(kPalette[index % 10]) << "; color=\"#555555\";\n";
    for (const auto& [group, count] : groups) {
      std::string id = NodeId(name, group);
      if (!anchor.count(name)) anchor[name] = id;
      out << "    " << DotQuote(id) << " [label=" << DotQuote(group + " (" + std::to_string(count) + ")")
          << ", fillcolor=\"white\"];\n";
    }
    out << "  }\n";
    ++index;
  }
  if (!report.at("shared_kernel").empty()) {
    out << "  subgraph \"cluster_shared_kernel\" {\n    label=\"shared kernel\"; style=\"dashed\"; color=\"#999999\";\n";
    int shown = 0;
    for (const auto& hub : report.at("shared_kernel")) {
      if (shown++ == 12) {
        out << "    \"kernel::more\" [label=" << DotQuote("… " + std::to_string(report.at("shared_kernel").size() - 12) + " more")
            << ", fillcolor=\"#f5f5f5\"];\n";
        break;
      }
      out << "    " << DotQuote("kernel::" + hub.at("id").get<std::string>()) << " [label="
          << DotQuote(hub.at("id").get<std::string>()) << ", fillcolor=\"#f5f5f5\"];\n";
    }
    out << "  }\n";
  }
  double max_weight = 1;
  for (const auto& cross : report.at("cross_context")) max_weight = std::max(max_weight, cross.at("weight").get<double>());
  for (const auto& cross : report.at("cross_context")) {
    const std::string from = cross.at("from").get<std::string>(), to = cross.at("to").get<std::string>();
    std::string label;
    for (const auto& [kind, count] : cross.at("counts").items()) {
      if (!label.empty()) label += '\n';
      label += kind + " ×" + std::to_string(count.get<int>());
    }
    int from_index = 0, to_index = 0, i = 0;
    for (const auto& context : report.at("contexts")) {
      if (context.at("name") == from) from_index = i;
      if (context.at("name") == to) to_index = i;
      ++i;
    }
    out << "  " << DotQuote(anchor[from]) << " -> " << DotQuote(anchor[to]) << " [ltail="
        << DotQuote("cluster_" + std::to_string(from_index)) << ", lhead=" << DotQuote("cluster_" + std::to_string(to_index))
        << ", penwidth=" << DotNumber(0.8 + 5.0 * cross.at("weight").get<double>() / max_weight)
        << ", label=" << DotQuote(label) << "];\n";
  }
  out << "}\n";
}

}  // namespace seams
