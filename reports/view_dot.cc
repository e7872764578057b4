// Graphviz DOT of a diagram view.

#include <ostream>
#include <set>

#include "reports/dot_util.h"
#include "reports/view.h"

namespace seams {

namespace {

/// "ab.C-d" → "ab_C_d": a port name Graphviz accepts.
std::string Port(const std::string& field) {
  std::string out = "f_";
  for (char c : field) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

/// The edge label: the weight, then at most three kinds, one per line.
std::string EdgeLabel(const ViewEdge& edge) {
  std::string label = "weight " + DotNumber(edge.weight);
  std::size_t shown = 0;
  std::string rest = edge.label;
  while (!rest.empty()) {
    std::size_t comma = rest.find(", ");
    std::string part = rest.substr(0, comma);
    if (shown++ == 2) {
      label += "\n…";
      break;
    }
    label += "\n" + part;
    rest = comma == std::string::npos ? "" : rest.substr(comma + 2);
  }
  return label;
}

void WriteModelNode(const ViewNode& node, std::ostream& out, const std::string& indent) {
  const std::string fill = node.external ? "#ffffff" : ViewColour(node.colour);
  out << indent << DotQuote(node.id) << " [shape=plain, label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"3\""
      << (node.external ? " color=\"#999999\"" : "") << "><tr><td bgcolor=\"" << fill << "\"><b>" << XmlEscape(node.label, false) << "</b>"
      << (node.detail.empty() ? "" : "<br/><font point-size=\"8\">" + XmlEscape(node.detail, false) + "</font>") << "</td></tr>";
  for (const auto& field : node.fields) {
    out << "<tr><td align=\"left\" port=\"" << Port(field.name) << "\">";
    std::string text = field.name + " " + field.kind + " → " + field.target;
    if (field.crosses) {
      out << "<font color=\"#c0392b\"><b>" << XmlEscape(text, false) << "</b></font>";
    } else {
      out << XmlEscape(text, false);
    }
    out << "</td></tr>";
  }
  out << "</table>>];\n";
}

void WriteNode(const View& view, const ViewNode& node, std::ostream& out, const std::string& indent) {
  if (view.entities) {
    WriteModelNode(node, out, indent);
    return;
  }
  std::string label = node.label + (node.detail.empty() ? "" : "\n" + node.detail);
  std::string style = "rounded,filled";
  std::string fill = ViewColour(node.colour);
  if (!node.split_colours.empty()) {
    style = "striped";
    fill.clear();
    for (int colour : node.split_colours) AppendJoined(&fill, ":", ViewColour(colour));
  }
  if (node.kernel || node.external) style += ",dashed";
  out << indent << DotQuote(node.id) << " [label=" << DotQuote(label) << ", style=" << DotQuote(style)
      << ", fillcolor=" << DotQuote(fill);
  if (node.external) out << ", color=\"#888888\", fontcolor=\"#444444\"";
  out << "];\n";
}

}  // namespace

void WriteViewDot(const View& view, std::ostream& out) {
  out << "digraph " << DotQuote(view.title) << " {\n";
  std::string caption = view.title;
  for (const auto& note : view.notes) caption += "\n(" + note + ")";
  const bool top_down = view.kind == ViewKind::kContexts || view.kind == ViewKind::kApps;
  out << "  graph [rankdir=" << (top_down ? "TB" : "LR") << ", newrank=true, compound=true, fontname=\"Helvetica\", fontsize=12, nodesep=0.35, ranksep=0.7, "
         "labelloc=t, label="
      << DotQuote(caption) << "];\n";
  out << "  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n";
  out << "  edge [color=\"#666666\", fontname=\"Helvetica\", fontsize=8, arrowsize=0.7];\n";
  int index = 0;
  std::set<std::string> clustered;
  for (const auto& cluster : view.clusters) {
    out << "  subgraph " << DotQuote("cluster_" + std::to_string(index++)) << " {\n";
    out << "    label=" << DotQuote(cluster.label) << "; style=" << (cluster.kernel ? "\"rounded,dashed\"" : "\"rounded,filled\"")
        << "; fillcolor=" << DotQuote(cluster.colour < 0 ? "#fafafa" : ViewColour(cluster.colour))
        << "; color=\"#777777\"; fontsize=11;\n";
    for (const auto& node : view.nodes) {
      if (node.cluster != cluster.id) continue;
      WriteNode(view, node, out, "    ");
      clustered.insert(node.id);
    }
    out << "  }\n";
  }
  for (const auto& node : view.nodes) {
    if (!clustered.count(node.id)) WriteNode(view, node, out, "  ");
  }
  std::set<std::string> kernel;
  for (const auto& node : view.nodes) {
    if (node.kernel) kernel.insert(node.id);
  }
  for (const auto& edge : view.edges) {
    out << "  " << DotQuote(edge.from);
    if (view.entities) out << ":" << DotQuote(Port(edge.label));
    out << " -> " << DotQuote(edge.to) << " [";
    if (view.entities) {
      out << "label=" << DotQuote(edge.label);
      if (edge.kind == "m2m") out << ", dir=both, arrowtail=crow, arrowhead=crow";
      if (edge.kind == "o2o") out << ", arrowhead=tee";
    } else {
      out << "label=" << DotQuote(EdgeLabel(edge)) << ", penwidth=" << DotNumber(0.8 + 4.0 * edge.weight / view.max_weight);
    }
    if (edge.crosses && view.kind != ViewKind::kContexts) out << ", color=\"#c0392b\", fontcolor=\"#c0392b\"";
    if (kernel.count(edge.to) || kernel.count(edge.from)) out << ", style=dashed";
    out << "];\n";
  }
  if (!view.legend.empty()) {
    // Legend: one table, which colour is which proposed context, four to a row.
    out << "  \"legend\" [shape=plain, label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"2\" cellpadding=\"4\">"
        << "<tr><td colspan=\"4\" border=\"0\"><b>proposed contexts</b></td></tr>";
    for (std::size_t i = 0; i < view.legend.size(); ++i) {
      if (i % 4 == 0) out << "<tr>";
      out << "<td bgcolor=\"" << ViewColour(view.legend[i].first) << "\">" << XmlEscape(view.legend[i].second, false) << "</td>";
      if (i % 4 == 3 || i + 1 == view.legend.size()) out << "</tr>";
    }
    out << "</table>>];\n";
  }
  out << "}\n";
}

const std::vector<Format<ViewRenderer>>& ViewFormats() {
  static const std::vector<Format<ViewRenderer>> kFormats = {
      {"dot", "Graphviz DOT", {&WriteViewDot}, true},
      {"mermaid", "Mermaid, as GitHub and GitLab render it", {&WriteViewMermaid}},
      {"svg", "SVG drawn by Graphviz (needs dot)", {&WriteViewDot, true}},
      {"png", "PNG drawn by Graphviz (needs dot)", {&WriteViewDot, true}},
  };
  return kFormats;
}

}  // namespace seams
