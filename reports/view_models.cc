// The models view: ER tables of relation fields, grouped by context.

#include <algorithm>

#include "reports/view_internal.h"

namespace seams::view_internal {

View Models(const json& report, const ReportIndex& index, const ViewOptions& options) {
  View view;
  view.kind = ViewKind::kModels;
  view.entities = !options.collapse_apps;
  const bool focus = !options.context.empty();
  if (focus && !index.context_colour.count(options.context) && options.context != kKernel) {
    throw SeamsError(ErrorKind::kUsage, "no context named '" + options.context + "' in the report");
  }
  view.title = Project(report) + ": models" + (focus ? " of " + options.context : std::string()) +
               (options.cross_only ? ", relations crossing contexts" : "");
  auto hidden = [&](const std::string& key) { return options.hide_kernel && index.kernel.count(key); };
  // Which models are drawn: in focus, or at the other end of a drawn relation.
  const std::map<std::string, const json*>& model_of = index.model_of;
  auto in_focus = [&](const std::string& key) {
    auto it = model_of.find(key);
    if (it == model_of.end() || it->second->at("abstract").get<bool>() || hidden(key)) return false;
    return !focus || index.ContextOf(key) == options.context;
  };
  std::set<std::string> drawn, external;
  std::vector<const ReportIndex::Relation*> relations;
  // In focus, only the relations with an end in the context can be drawn: one
  // view per context reads its own, not every relation of the estate again.
  std::vector<const ReportIndex::Relation*> candidates;
  if (focus) {
    for (std::size_t i : index.RelationsOf(options.context)) candidates.push_back(&index.relations[i]);
  } else {
    for (const auto& rel : index.relations) candidates.push_back(&rel);
  }
  for (const ReportIndex::Relation* candidate : candidates) {
    const ReportIndex::Relation& rel = *candidate;
    if (rel.kind == "inherits" || hidden(rel.to) || hidden(rel.from)) continue;
    if (options.cross_only && !rel.crosses) continue;
    if (!in_focus(rel.from) && !in_focus(rel.to)) continue;
    if (model_of.count(rel.from) && model_of.at(rel.from)->at("abstract").get<bool>()) continue;
    relations.push_back(&rel);
    for (const auto& key : {rel.from, rel.to}) (in_focus(key) ? drawn : external).insert(key);
  }
  if (!options.cross_only) {
    for (const auto& [key, model] : model_of) {
      if (in_focus(key)) drawn.insert(key);
    }
  }
  for (const auto& key : drawn) external.erase(key);
  if (drawn.empty()) view.notes.push_back(focus ? options.context + " holds no model" : "no model to draw");

  // Boxes: one per model, or one per app with --collapse-apps.
  auto box_of = [&](const std::string& key) {
    if (!options.collapse_apps) return key;
    auto it = model_of.find(key);
    return it == model_of.end() ? key.substr(0, key.find('.')) : it->second->at("app").get<std::string>();
  };
  std::map<std::string, ViewNode> boxes;
  std::map<std::string, std::set<std::string>> models_in_box;
  for (const auto* set : {&drawn, &external}) {
    for (const auto& key : *set) {
      std::string id = box_of(key);
      ViewNode& node = boxes[id];
      node.id = id;
      node.label = id;
      std::string context = index.ContextOf(key);
      node.external = set == &external;
      node.kernel = index.kernel.count(key) > 0;
      node.colour = index.ColourOf(context);
      if (!context.empty()) node.cluster = context;
      if (!model_of.count(key)) node.detail = "outside the project";
      models_in_box[id].insert(key);
    }
  }
  std::map<std::pair<std::string, std::string>, ViewEdge> aggregated;
  for (const ReportIndex::Relation* r : relations) {
    const ReportIndex::Relation& rel = *r;
    std::string from = box_of(rel.from), to = box_of(rel.to);
    if (!options.collapse_apps) {
      boxes[from].fields.push_back({rel.field, rel.kind, rel.to, rel.crosses});
      ViewEdge edge;
      edge.from = from;
      edge.to = to;
      edge.weight = 1;
      edge.label = rel.field;
      edge.kind = rel.kind;
      edge.crosses = rel.crosses;
      edge.counts[rel.kind] = 1;
      view.edges.push_back(std::move(edge));
    } else if (from != to) {
      ViewEdge& edge = aggregated[{from, to}];
      edge.from = from;
      edge.to = to;
      edge.weight += 1;
      edge.crosses = edge.crosses || rel.crosses;
      ++edge.counts[rel.kind];
    }
  }
  if (options.collapse_apps) {
    view.edges = Values(std::move(aggregated));
    for (auto& [id, node] : boxes) {
      if (node.detail.empty()) node.detail = Plural(models_in_box[id].size(), "model");
    }
  }
  for (auto& [id, node] : boxes) {
    std::sort(node.fields.begin(), node.fields.end(),
              [](const ViewNode::Field& a, const ViewNode::Field& b) { return a.name < b.name; });
    view.nodes.push_back(std::move(node));
  }
  std::set<std::string> clusters;
  for (const auto& node : view.nodes) {
    if (!node.cluster.empty()) clusters.insert(node.cluster);
  }
  for (const auto& name : clusters) {
    view.clusters.push_back({name, name == kKernel ? "shared kernel" : name, index.ColourOf(name), name == kKernel});
  }
  FilterEdges(options, &view);
  SortNodes(&view);
  return view;
}

}  // namespace seams::view_internal
