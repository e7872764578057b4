// Helpers shared by the views: aggregating and filtering edges.

#include <algorithm>
#include <tuple>

#include "reports/view_internal.h"

namespace seams::view_internal {

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
void Aggregate(const json& report, const std::function<std::string(const std::string&)>& box_of,
               std::map<std::pair<std::string, std::string>, ViewEdge>* edges) {
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

}  // namespace seams::view_internal
