// Mermaid of a diagram view: `flowchart` and `erDiagram` only, written so that
// GitHub and GitLab render it inside Markdown as is.

#include <cctype>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <tuple>
#include <algorithm>

#include "reports/dot_util.h"
#include "reports/view.h"

namespace seams {

namespace {

// What Mermaid (and so GitHub and GitLab) renders by default: 50,000 characters
// and 500 edges per diagram. Stay under both with a margin.
constexpr std::size_t kMermaidMaxText = 45000;
constexpr std::size_t kMermaidMaxEdges = 400;

/// Text inside a quoted Mermaid label: quotes and angle brackets as entity codes,
/// newlines as <br/>.
std::string Label(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '\n': out += "<br/>"; break;
      default: out += c;
    }
  }
  return out;
}

/// "accounts.User" → "accounts_User": a Mermaid identifier.
std::string Identifier(const std::string& text) {
  std::string out;
  for (char c : text) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "_" + out;
  return out;
}

std::string EdgeText(const ViewEdge& edge) {
  std::string text = "weight " + DotNumber(edge.weight);
  std::size_t shown = 0;
  std::string rest = edge.label;
  while (!rest.empty()) {
    std::size_t comma = rest.find(", ");
    if (shown++ == 2) {
      text += "\n…";
      break;
    }
    text += "\n" + rest.substr(0, comma);
    rest = comma == std::string::npos ? "" : rest.substr(comma + 2);
  }
  return text;
}

void WriteFlowchart(const View& view, std::ostream& out) {
  const bool top_down = view.kind == ViewKind::kContexts || view.kind == ViewKind::kApps;
  out << "flowchart " << (top_down ? "TB" : "LR") << "\n";
  out << "  %% " << view.title << "\n";
  std::map<std::string, std::string> id_of;
  for (std::size_t i = 0; i < view.nodes.size(); ++i) id_of[view.nodes[i].id] = "n" + std::to_string(i);
  auto node_line = [&](const ViewNode& node) {
    return id_of[node.id] + "[\"" + Label(node.label + (node.detail.empty() ? "" : "\n" + node.detail)) + "\"]";
  };
  std::set<std::string> clustered;
  for (std::size_t c = 0; c < view.clusters.size(); ++c) {
    const ViewCluster& cluster = view.clusters[c];
    out << "  subgraph c" << c << "[\"" << Label(cluster.label) << "\"]\n";
    for (const auto& node : view.nodes) {
      if (node.cluster != cluster.id) continue;
      out << "    " << node_line(node) << "\n";
      clustered.insert(node.id);
    }
    out << "  end\n";
  }
  for (const auto& node : view.nodes) {
    if (!clustered.count(node.id)) out << "  " << node_line(node) << "\n";
  }
  if (!view.legend.empty()) {
    out << "  subgraph legend[\"proposed contexts\"]\n";
    for (const auto& [colour, name] : view.legend) out << "    legend" << colour << "[\"" << Label(name) << "\"]\n";
    out << "  end\n";
  }
  if (!view.notes.empty()) {
    std::string text;
    for (const auto& note : view.notes) AppendJoined(&text, "\n", note);
    out << "  notes[\"" << Label(text) << "\"]\n";
  }
  std::set<std::string> kernel;
  for (const auto& node : view.nodes) {
    if (node.kernel) kernel.insert(node.id);
  }
  std::vector<std::string> styles;
  for (std::size_t i = 0; i < view.edges.size(); ++i) {
    const ViewEdge& edge = view.edges[i];
    bool dashed = kernel.count(edge.from) || kernel.count(edge.to);
    out << "  " << id_of[edge.from] << (dashed ? " -.->" : " -->");
    if (!edge.label.empty() || view.kind != ViewKind::kModels) out << "|\"" << Label(EdgeText(edge)) << "\"|";
    out << " " << id_of[edge.to] << "\n";
    std::string style = "stroke-width:" + DotNumber(1 + 4.0 * edge.weight / view.max_weight) + "px";
    if (edge.crosses && view.kind != ViewKind::kContexts) style += ",stroke:#c0392b";
    styles.push_back("  linkStyle " + std::to_string(i) + " " + style);
  }
  for (const auto& style : styles) out << style << "\n";
  // Colours: one class per palette index used.
  std::map<std::string, std::vector<std::string>> members;  // class → node ids
  for (const auto& node : view.nodes) {
    std::string cls = node.kernel ? "kernel" : node.colour < 0 ? "neutral" : "ctx" + std::to_string(node.colour);
    members[cls].push_back(id_of[node.id]);
    if (!node.split_colours.empty()) members["split"].push_back(id_of[node.id]);
    if (node.external) members["external"].push_back(id_of[node.id]);
  }
  for (const auto& [colour, name] : view.legend) members["ctx" + std::to_string(colour)].push_back("legend" + std::to_string(colour));
  if (!view.notes.empty()) members["note"].push_back("notes");
  for (auto& [cls, ids] : members) {
    std::string fill;
    if (cls == "kernel") {
      fill = "fill:#f5f5f5,stroke:#888,stroke-dasharray:4 3";
    } else if (cls == "neutral") {
      fill = "fill:#f5f5f5,stroke:#888";
    } else if (cls == "split") {
      fill = "stroke:#c0392b,stroke-width:3px,stroke-dasharray:6 3";
    } else if (cls == "external") {
      fill = "stroke:#888,stroke-dasharray:3 3,color:#444";
    } else if (cls == "note") {
      fill = "fill:#ffffff,stroke:#ffffff,color:#666";
    } else {
      fill = "fill:" + ViewColour(std::stoi(cls.substr(3))) + ",stroke:#555";
    }
    out << "  classDef " << cls << " " << fill << "\n";
    std::sort(ids.begin(), ids.end());
    std::string list;
    for (const auto& id : ids) AppendJoined(&list, ",", id);
    out << "  class " << list << " " << cls << "\n";
  }
}

/// The Django field class of a relation kind, as the attribute type: Mermaid
/// reads "fk", "pk" and "uk" as keys, so the kind itself cannot be the type.
std::string FieldType(const std::string& kind) {
  static const std::map<std::string, std::string> types = {
      {"fk", "ForeignKey"}, {"o2o", "OneToOneField"}, {"m2m", "ManyToManyField"},
      {"generic_fk", "GenericForeignKey"}, {"generic_relation", "GenericRelation"}};
  auto it = types.find(kind);
  return it == types.end() ? "Relation_" + Identifier(kind) : it->second;
}

void WriteEntities(const View& view, std::ostream& out) {
  out << "erDiagram\n";
  out << "  %% " << view.title << "\n";
  for (const auto& note : view.notes) out << "  %% " << note << "\n";
  for (const auto& node : view.nodes) {
    out << "  " << Identifier(node.id) << " {\n";
    std::string where = node.cluster.empty() ? "outside" : node.cluster;
    out << "    context " << Identifier(where) << (node.detail.empty() ? "" : " \"" + Label(node.detail) + "\"") << "\n";
    for (const auto& field : node.fields) {
      out << "    " << FieldType(field.kind) << " " << Identifier(field.name) << " FK \"" << Label(field.target)
          << (field.crosses ? ", crosses contexts" : "") << "\"\n";
    }
    out << "  }\n";
  }
  for (const auto& edge : view.edges) {
    std::string shape = edge.kind == "m2m" ? "}o--o{" : edge.kind == "o2o" ? "|o--||" : "}o--||";
    out << "  " << Identifier(edge.from) << " " << shape << " " << Identifier(edge.to) << " : \""
        << Label(edge.label + (edge.crosses ? " (crosses)" : "")) << "\"\n";
  }
}

}  // namespace

void WriteViewMermaid(const View& view, std::ostream& out) {
  auto render = [](const View& v) {
    std::ostringstream text;
    if (v.entities) {
      WriteEntities(v, text);
    } else {
      WriteFlowchart(v, text);
    }
    return text.str();
  };
  std::string text = render(view);
  if (text.size() <= kMermaidMaxText && view.edges.size() <= kMermaidMaxEdges) {
    out << text;
    return;
  }
  // Too big for Mermaid to render: first the edge labels go, then the lightest
  // edges and the outside boxes they reached, until it fits. The DOT view keeps all.
  View smaller = view;
  const std::size_t total = view.edges.size();
  for (auto& edge : smaller.edges) edge.label.clear();
  smaller.notes.push_back("edge labels left out to fit Mermaid's size limits; the DOT view has them");
  std::stable_sort(smaller.edges.begin(), smaller.edges.end(),
                   [](const ViewEdge& a, const ViewEdge& b) { return a.weight > b.weight; });
  std::size_t keep = std::min(total, kMermaidMaxEdges);
  for (;;) {
    View attempt = smaller;
    attempt.edges.resize(keep);
    std::set<std::string> reached;
    for (const auto& edge : attempt.edges) reached.insert({edge.from, edge.to});
    attempt.nodes.erase(std::remove_if(attempt.nodes.begin(), attempt.nodes.end(),
                                       [&](const ViewNode& n) { return n.external && !reached.count(n.id); }),
                        attempt.nodes.end());
    if (keep < total) attempt.notes.push_back("only the " + std::to_string(keep) + " heaviest of " + std::to_string(total) + " edges shown");
    std::sort(attempt.edges.begin(), attempt.edges.end(),
              [](const ViewEdge& a, const ViewEdge& b) { return std::tie(a.from, a.to) < std::tie(b.from, b.to); });
    text = render(attempt);
    if (text.size() <= kMermaidMaxText || keep == 0) break;
    keep /= 2;
  }
  out << text;
}

}  // namespace seams
