// The overviews: the context map and the apps coloured by context.

#include <algorithm>
#include <cmath>

#include "reports/dot_util.h"
#include "reports/view_internal.h"

namespace seams::view_internal {

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

}  // namespace seams::view_internal
