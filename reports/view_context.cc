// One context: its members and everything that crosses its boundary.

#include "reports/dot_util.h"
#include "reports/view_internal.h"

namespace seams::view_internal {

View OneContext(const json& report, const ReportIndex& index, const ViewOptions& options) {
  const std::string& name = options.context;
  if (name.empty()) throw SeamsError(ErrorKind::kUsage, "the context view needs --context NAME");
  if (!index.context_colour.count(name) && name != kKernel) {
    std::string known;
    for (const auto& [context, colour] : index.context_colour) AppendJoined(&known, ", ", context);
    throw SeamsError(ErrorKind::kUsage, "no context named '" + name + "' in the report (contexts: " + known + ")");
  }
  View view;
  view.kind = ViewKind::kContext;
  view.title = Project(report) + ": context " + name + " and what crosses its boundary";
  auto box_of = [&](const std::string& id) {
    std::string context = index.ContextOf(id);
    if (context.empty() || (options.hide_kernel && context == kKernel && name != kKernel)) return std::string();
    return options.collapse_apps ? context + "/" + index.GroupOf(id) : id;
  };
  std::map<std::pair<std::string, std::string>, ViewEdge> edges;
  std::set<std::string> others;  // the ends outside the context
  for (const json* e : index.EdgesOf(name)) {
    const json& edge = *e;
    std::string from = edge.at("from").get<std::string>(), to = edge.at("to").get<std::string>();
    for (const std::string* end : {&from, &to}) {
      if (index.ContextOf(*end) != name) others.insert(*end);
    }
    std::string a = box_of(from), b = box_of(to);
    if (a.empty() || b.empty() || a == b) continue;
    ViewEdge& out = edges[{a, b}];
    out.from = a;
    out.to = b;
    out.weight += edge.at("weight").get<double>();
    out.counts[edge.at("kind").get<std::string>()] += edge.at("count").get<int>();
    out.crosses = index.ContextOf(from) != index.ContextOf(to);
  }
  view.edges = Values(std::move(edges));
  FilterEdges(options, &view);
  // Boxes: every member, and every outside node that a kept edge reaches.
  std::map<std::string, ViewNode> boxes;
  auto add = [&](const std::string& id) {
    std::string box = box_of(id);
    if (box.empty()) return;
    ViewNode& node = boxes[box];
    if (!node.id.empty()) return;
    std::string context = index.ContextOf(id);
    node.id = box;
    node.label = options.collapse_apps ? index.GroupOf(id) : id;
    node.external = context != name;
    node.kernel = context == kKernel;
    node.colour = index.ColourOf(context);
    node.cluster = node.external ? context : name + "/" + index.GroupOf(id);
    if (index.node_kind.count(id) && index.node_kind.at(id) == "model" && !options.collapse_apps) node.detail = "model";
  };
  for (const auto& id : index.MembersOf(name)) add(id);
  // An outside box is drawn when a kept edge reaches it; every node in a box
  // draws it the same, so looking only at the edges' own ends is enough.
  std::set<std::string> ends;
  for (const auto& e : view.edges) ends.insert({e.from, e.to});
  for (const auto& id : others) {
    if (ends.count(box_of(id))) add(id);
  }
  std::set<std::string> clusters;
  for (auto& [box, node] : boxes) {
    clusters.insert(node.cluster);
    view.nodes.push_back(std::move(node));
  }
  for (const auto& cluster : clusters) {
    bool inside = cluster.rfind(name + "/", 0) == 0;
    std::string label = inside ? "app " + cluster.substr(name.size() + 1) : (cluster == kKernel ? "shared kernel" : "context " + cluster);
    view.clusters.push_back({cluster, label, inside ? index.ColourOf(name) : index.ColourOf(cluster), cluster == kKernel});
  }
  SortNodes(&view);
  return view;
}

}  // namespace seams::view_internal
