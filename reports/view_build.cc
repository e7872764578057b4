// What each diagram view shows, decided from the analysis report alone.

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "lib/core/error.h"
#include "reports/dot_util.h"
#include "reports/view.h"

namespace seams {

namespace {

using nlohmann::json;

constexpr const char* kKernel = "shared_kernel";

/// Edges an overview (context map, apps) keeps unless --top says otherwise:
/// more than this and a wall-sized print stops being readable.
constexpr int kOverviewEdges = 40;

/// The report read once into lookups every view needs.
struct ReportIndex {
  std::map<std::string, int> context_colour;         // context name → palette index
  std::map<std::string, std::string> node_context;   // graph node id → context ("shared_kernel" for the kernel)
  std::map<std::string, std::string> node_group;     // graph node id → app (group)
  std::map<std::string, std::string> node_kind;      // graph node id → "model" / "module"
  std::set<std::string> kernel;                      // graph node ids in the shared kernel

  explicit ReportIndex(const json& report) {
    if (!report.contains("contexts")) {
      throw SeamsError(ErrorKind::kUsage, "the report has no proposed contexts: write it with `seams analyze`");
    }
    int index = 0;
    for (const auto& c : report.at("contexts")) context_colour[c.at("name").get<std::string>()] = index++;
    for (const auto& node : report.at("graph").at("nodes")) {
      const std::string id = node.at("id").get<std::string>();
      const json& context = node.contains("context") ? node.at("context") : json(nullptr);
      if (context.is_string()) node_context[id] = context.get<std::string>();
      node_group[id] = node.at("group").get<std::string>();
      node_kind[id] = node.at("kind").get<std::string>();
    }
    for (const auto& hub : report.at("shared_kernel")) kernel.insert(hub.at("id").get<std::string>());
    for (const auto& [id, context] : node_context) {
      if (context == kKernel) kernel.insert(id);
    }
  }

  std::string ContextOf(const std::string& id) const {
    auto it = node_context.find(id);
    return it == node_context.end() ? std::string() : it->second;
  }
  std::string GroupOf(const std::string& id) const {
    auto it = node_group.find(id);
    return it == node_group.end() ? std::string() : it->second;
  }
  int ColourOf(const std::string& context) const {
    auto it = context_colour.find(context);
    return it == context_colour.end() ? -1 : it->second;
  }
};

std::string Plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string CountsLabel(const std::map<std::string, int>& counts) {
  std::vector<std::pair<int, std::string>> sorted;
  for (const auto& [kind, count] : counts) sorted.emplace_back(-count, kind);
  std::sort(sorted.begin(), sorted.end());
  std::string label;
  for (const auto& [negative, kind] : sorted) {
    if (!label.empty()) label += ", ";
    label += kind + " ×" + std::to_string(-negative);
  }
  return label;
}

/// Adds every coupling edge of the report into `edges`, keyed by the boxes
/// `box_of` maps its ends to; edges whose ends map to nothing or to the same
/// box are left out.
template <typename BoxOf>
void Aggregate(const json& report, BoxOf box_of, std::map<std::pair<std::string, std::string>, ViewEdge>* edges) {
  for (const auto& edge : report.at("graph").at("edges")) {
    std::string from = box_of(edge.at("from").get<std::string>());
    std::string to = box_of(edge.at("to").get<std::string>());
    if (from.empty() || to.empty() || from == to) continue;
    ViewEdge& out = (*edges)[{from, to}];
    out.from = from;
    out.to = to;
    out.weight += edge.at("weight").get<double>();
    out.counts[edge.at("kind").get<std::string>()] += edge.at("count").get<int>();
  }
}

/// Applies --min-weight and --top, records what they hid, and sets max_weight.
void FilterEdges(const ViewOptions& options, View* view) {
  std::vector<ViewEdge>& edges = view->edges;
  const bool overview = view->kind == ViewKind::kContexts || view->kind == ViewKind::kApps;
  const int top = options.top >= 0 ? options.top : overview ? kOverviewEdges : 0;
  const std::size_t before = edges.size();
  if (options.min_weight > 0) {
    edges.erase(std::remove_if(edges.begin(), edges.end(), [&](const ViewEdge& e) { return e.weight < options.min_weight; }),
                edges.end());
    if (edges.size() < before) {
      view->notes.push_back(Plural(before - edges.size(), "edge") + " lighter than " + json(options.min_weight).dump() +
                            " hidden");
    }
  }
  if (top > 0 && edges.size() > static_cast<std::size_t>(top)) {
    const std::size_t total = edges.size();
    std::stable_sort(edges.begin(), edges.end(), [](const ViewEdge& a, const ViewEdge& b) {
      return std::tie(b.weight, a.from, a.to) < std::tie(a.weight, b.from, b.to);
    });
    edges.resize(static_cast<std::size_t>(top));
    view->notes.push_back("only the " + std::to_string(top) + " heaviest of " + Plural(total, "edge") + " shown");
  }
  std::sort(edges.begin(), edges.end(), [](const ViewEdge& a, const ViewEdge& b) {
    return std::tie(a.from, a.to, a.label) < std::tie(b.from, b.to, b.label);
  });
  view->max_weight = 1;
  for (const auto& e : edges) view->max_weight = std::max(view->max_weight, e.weight);
}

void SortNodes(View* view) {
  std::sort(view->nodes.begin(), view->nodes.end(),
            [](const ViewNode& a, const ViewNode& b) { return std::tie(a.cluster, a.id) < std::tie(b.cluster, b.id); });
  std::sort(view->clusters.begin(), view->clusters.end(),
            [](const ViewCluster& a, const ViewCluster& b) { return a.id < b.id; });
}

std::vector<ViewEdge> Values(std::map<std::pair<std::string, std::string>, ViewEdge>&& edges) {
  std::vector<ViewEdge> out;
  for (auto& [key, edge] : edges) {
    edge.label = CountsLabel(edge.counts);
    out.push_back(std::move(edge));
  }
  return out;
}

std::string Project(const json& report) { return report.at("project").at("name").get<std::string>(); }

// ---- context map ----------------------------------------------------------

View ContextMap(const json& report, const ReportIndex& index, const ViewOptions& options) {
  View view;
  view.kind = ViewKind::kContexts;
  view.title = Project(report) + ": context map";
  for (const auto& c : report.at("contexts")) {
    ViewNode node;
    node.id = c.at("name").get<std::string>();
    node.label = node.id;
    node.detail = Plural(c.at("size").get<std::size_t>(), "member") + " · " +
                  Plural(c.at("models").get<std::size_t>(), "model") + " · cohesion " +
                  json(std::round(c.at("cohesion").get<double>() * 100) / 100).dump();
    std::string apps;
    std::size_t shown = 0;
    for (const auto& app : c.at("apps")) {
      if (shown++ == 4) {
        apps += ", …";
        break;
      }
      apps += apps.empty() ? "apps: " : ", ";
      apps += app.get<std::string>();
    }
    if (!apps.empty()) node.detail += "\n" + apps;
    node.colour = index.ColourOf(node.id);
    view.nodes.push_back(std::move(node));
  }
  const json& kernel = report.at("shared_kernel");
  const bool show_kernel = !options.hide_kernel && !index.kernel.empty();
  if (show_kernel) {
    ViewNode node;
    node.id = kKernel;
    node.label = "shared kernel";
    node.kernel = true;
    std::string names;
    std::size_t shown = 0;
    for (const auto& hub : kernel) {
      if (shown++ == 4) {
        names += ", …";
        break;
      }
      AppendJoined(&names, ", ", hub.at("id").get<std::string>());
    }
    node.detail = Plural(kernel.size(), "member") + (names.empty() ? "" : "\n" + names);
    view.nodes.push_back(std::move(node));
  }
  std::map<std::pair<std::string, std::string>, ViewEdge> edges;
  Aggregate(report, [&](const std::string& id) {
    std::string context = index.ContextOf(id);
    return context == kKernel && !show_kernel ? std::string() : context;
  }, &edges);
  view.edges = Values(std::move(edges));
  FilterEdges(options, &view);
  SortNodes(&view);
  return view;
}

// ---- apps ---------------------------------------------------------------

View Apps(const json& report, const ReportIndex& index, const ViewOptions& options) {
  View view;
  view.kind = ViewKind::kApps;
  view.title = Project(report) + ": apps, coloured by proposed context";
  std::map<std::string, std::map<std::string, int>> contexts_of;  // app → context → members
  std::map<std::string, int> size_of;
  for (const auto& [id, group] : index.node_group) {
    ++size_of[group];
    std::string context = index.ContextOf(id);
    if (!context.empty()) ++contexts_of[group][context];
  }
  std::set<std::string> hidden;
  for (const auto& [app, size] : size_of) {
    ViewNode node;
    node.id = app;
    node.label = app;
    const auto& contexts = contexts_of[app];
    int kernel_members = contexts.count(kKernel) ? contexts.at(kKernel) : 0;
    node.kernel = 2 * kernel_members > size;  // mostly shared kernel: drawn (and hidden) with it
    if (node.kernel && options.hide_kernel) {
      hidden.insert(app);
      continue;
    }
    // The colour is the context holding most of the app; an app split across
    // contexts lists each of them.
    std::string main;
    int most = 0;
    std::vector<std::string> names;
    for (const auto& [context, count] : contexts) {
      if (context == kKernel) continue;
      names.push_back(context);
      if (count > most) {
        most = count;
        main = context;
      }
    }
    node.colour = node.kernel ? -1 : index.ColourOf(main);
    node.detail = Plural(static_cast<std::size_t>(size), "member");
    if (node.kernel) node.detail += kernel_members == size ? " · shared kernel" : " · mostly shared kernel";
    if (names.size() > 1) {
      std::string split;
      for (const auto& name : names) {
        AppendJoined(&split, ", ", name);
        node.split_colours.push_back(index.ColourOf(name));
      }
      node.detail += "\nsplit: " + split;
    } else if (!node.kernel && !main.empty()) {
      node.detail += " · " + main;
    }
    view.nodes.push_back(std::move(node));
  }
  std::map<std::pair<std::string, std::string>, ViewEdge> edges;
  Aggregate(report, [&](const std::string& id) {
    std::string group = index.GroupOf(id);
    return hidden.count(group) ? std::string() : group;
  }, &edges);
  view.edges = Values(std::move(edges));
  FilterEdges(options, &view);
  SortNodes(&view);
  for (const auto& [name, colour] : index.context_colour) view.legend.emplace_back(colour, name);
  std::sort(view.legend.begin(), view.legend.end());
  return view;
}

// ---- models -------------------------------------------------------------

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
  auto crosses = [&](const std::string& from, const std::string& to) {
    std::string a = index.ContextOf(from), b = index.ContextOf(to);
    return !a.empty() && !b.empty() && a != b;
  };
  auto hidden = [&](const std::string& key) { return options.hide_kernel && index.kernel.count(key); };
  // Which models are drawn: in focus, or at the other end of a drawn relation.
  std::map<std::string, const json*> model_of;
  for (const auto& m : report.at("models")) model_of[m.at("key").get<std::string>()] = &m;
  auto in_focus = [&](const std::string& key) {
    auto it = model_of.find(key);
    if (it == model_of.end() || it->second->at("abstract").get<bool>() || hidden(key)) return false;
    return !focus || index.ContextOf(key) == options.context;
  };
  std::set<std::string> drawn, external;
  struct Relation {
    std::string from, to, field, kind;
    bool crosses;
  };
  std::vector<Relation> relations;
  for (const auto& r : report.at("relations")) {
    if (!r.at("to").is_string()) continue;
    Relation rel{r.at("from").get<std::string>(), r.at("to").get<std::string>(), r.at("field").get<std::string>(),
                 r.at("kind").get<std::string>(), false};
    rel.crosses = crosses(rel.from, rel.to);
    if (rel.kind == "inherits" || hidden(rel.to) || hidden(rel.from)) continue;
    if (options.cross_only && !rel.crosses) continue;
    if (!in_focus(rel.from) && !in_focus(rel.to)) continue;
    if (model_of.count(rel.from) && model_of.at(rel.from)->at("abstract").get<bool>()) continue;
    relations.push_back(rel);
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
  for (const auto& rel : relations) {
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

// ---- one context ----------------------------------------------------------

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
  for (const auto& edge : report.at("graph").at("edges")) {
    std::string from = edge.at("from").get<std::string>(), to = edge.at("to").get<std::string>();
    if (index.ContextOf(from) != name && index.ContextOf(to) != name) continue;
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
  for (const auto& [id, context] : index.node_context) {
    if (context == name) add(id);
  }
  std::set<std::string> ends;
  for (const auto& e : view.edges) ends.insert({e.from, e.to});
  for (const auto& [id, context] : index.node_context) {
    if (context != name && ends.count(box_of(id))) add(id);
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

}  // namespace

bool ParseViewKind(const std::string& text, ViewKind* kind) {
  static const std::map<std::string, ViewKind> kinds = {
      {"contexts", ViewKind::kContexts}, {"apps", ViewKind::kApps}, {"models", ViewKind::kModels}, {"context", ViewKind::kContext}};
  auto it = kinds.find(text);
  if (it == kinds.end()) return false;
  *kind = it->second;
  return true;
}

std::vector<std::string> ViewNames() { return {"contexts", "apps", "models", "context"}; }

std::string ViewColour(int index) {
  static constexpr const char* kPalette[] = {"#dde8f5", "#e3f1dc", "#fbe8d3", "#efe0f3", "#fdf6c9", "#d9f0ef",
                                             "#f6dcdc", "#e0e7ff", "#f0f0d8", "#e8dccb", "#d5ecd5", "#f3e1ea"};
  if (index < 0) return "#f5f5f5";
  return kPalette[static_cast<std::size_t>(index) % (sizeof kPalette / sizeof kPalette[0])];
}

View BuildView(const json& report, ViewKind kind, const ViewOptions& options) {
  ReportIndex index(report);
  switch (kind) {
    case ViewKind::kContexts: return ContextMap(report, index, options);
    case ViewKind::kApps: return Apps(report, index, options);
    case ViewKind::kModels: return Models(report, index, options);
    case ViewKind::kContext: return OneContext(report, index, options);
    case ViewKind::kGraph: break;
  }
  return ContextMap(report, index, options);
}

}  // namespace seams
