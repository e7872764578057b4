#pragma once
// Internal to the views (reports/view_*.cc): the report read into lookups,
// and the helpers every view uses to aggregate and filter its edges.

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "lib/core/error.h"
#include "reports/report_reader.h"
#include "reports/view.h"

namespace seams::view_internal {

using nlohmann::json;

constexpr const char* kKernel = "shared_kernel";

/// Edges an overview (context map, apps) keeps unless --top says otherwise:
/// more than this and a wall-sized print stops being readable.
constexpr int kOverviewEdges = 40;

/// The report read once into lookups every view needs. Building it reads every
/// node, coupling edge, model and relation once; a view of one context then
/// reads only what touches that context, so `seams analyze` draws its two views
/// per context in time linear in the report, not contexts × report.
struct ReportIndex {
  /// A relation field between two models (`relations` with a string target).
  struct Relation {
    std::string from, to, field, kind;
    bool crosses;  ///< The ends are in two different contexts (never for a GenericRelation).
  };

  std::map<std::string, int> context_colour;         // context name → palette index
  std::map<std::string, std::string> node_context;   // graph node id → context ("shared_kernel" for the kernel)
  std::map<std::string, std::string> node_group;     // graph node id → app (group)
  std::map<std::string, std::string> node_kind;      // graph node id → "model" / "module"
  std::set<std::string> kernel;                      // graph node ids in the shared kernel
  std::map<std::string, std::vector<std::string>> members;         // context → its node ids, sorted
  std::map<std::string, std::vector<const json*>> context_edges;   // context → coupling edges with an end in it, in report order
  std::map<std::string, const json*> model_of;       // model key → its entry in `models`
  std::vector<Relation> relations;                   // in report order
  std::map<std::string, std::vector<std::size_t>> context_relations;  // context → indices of relations with an end in it

  explicit ReportIndex(const json& report) {
    if (!report.contains("contexts")) {
      throw SeamsError(ErrorKind::kUsage, "the report has no proposed contexts: write it with `seams analyze`");
    }
    int index = 0;
    for (const auto& c : report.at("contexts")) context_colour[c.at("name").get<std::string>()] = index++;
    for (const auto& node : report.at("graph").at("nodes")) {
      const std::string id = node.at("id").get<std::string>();
      const json& context = FieldOrNull(node, "context");
      if (context.is_string()) node_context[id] = context.get<std::string>();
      node_group[id] = node.at("group").get<std::string>();
      node_kind[id] = node.at("kind").get<std::string>();
    }
    for (const auto& hub : report.at("shared_kernel")) kernel.insert(hub.at("id").get<std::string>());
    for (const auto& [id, context] : node_context) {
      if (context == kKernel) kernel.insert(id);
      members[context].push_back(id);
    }
    for (const auto& edge : report.at("graph").at("edges")) {
      const std::string from = ContextOf(edge.at("from").get<std::string>());
      const std::string to = ContextOf(edge.at("to").get<std::string>());
      if (!from.empty()) context_edges[from].push_back(&edge);
      if (!to.empty() && to != from) context_edges[to].push_back(&edge);
    }
    for (const auto& m : report.at("models")) model_of[m.at("key").get<std::string>()] = &m;
    for (const auto& r : report.at("relations")) {
      if (!r.at("to").is_string()) continue;
      Relation rel{r.at("from").get<std::string>(), r.at("to").get<std::string>(), r.at("field").get<std::string>(),
                   r.at("kind").get<std::string>(), false};
      const std::string a = ContextOf(rel.from), b = ContextOf(rel.to);
      // A GenericRelation is an accessor, not a column: splitting the database breaks nothing here.
      rel.crosses = rel.kind != "generic_relation" && !a.empty() && !b.empty() && a != b;
      if (!a.empty()) context_relations[a].push_back(relations.size());
      if (!b.empty() && b != a) context_relations[b].push_back(relations.size());
      relations.push_back(std::move(rel));
    }
  }

  /// The node ids of `context`, sorted ([] for an unknown one).
  const std::vector<std::string>& MembersOf(const std::string& context) const {
    static const std::vector<std::string> kNone;
    auto it = members.find(context);
    return it == members.end() ? kNone : it->second;
  }
  /// The indices in `relations` of those with an end in `context`, in report order.
  const std::vector<std::size_t>& RelationsOf(const std::string& context) const {
    static const std::vector<std::size_t> kNone;
    auto it = context_relations.find(context);
    return it == context_relations.end() ? kNone : it->second;
  }
  /// The coupling edges with an end in `context`, in report order.
  const std::vector<const json*>& EdgesOf(const std::string& context) const {
    static const std::vector<const json*> kNone;
    auto it = context_edges.find(context);
    return it == context_edges.end() ? kNone : it->second;
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

/// "3 edges", "1 edge".
std::string Plural(std::size_t n, const std::string& word);

/// "import ×3, fk ×1": heaviest count first.
std::string CountsLabel(const std::map<std::string, int>& counts);

/// Adds every coupling edge of the report into `edges`, keyed by the boxes
/// `box_of` maps its ends to; edges whose ends map to nothing or to the same
/// box are left out.
void Aggregate(const json& report, const std::function<std::string(const std::string&)>& box_of,
               std::map<std::pair<std::string, std::string>, ViewEdge>* edges);

/// Applies --min-weight and --top, records what they hid, and sets max_weight.
void FilterEdges(const ViewOptions& options, View* view);

/// Sorts boxes by (cluster, id) and clusters by id.
void SortNodes(View* view);

/// The aggregated edges, each labelled with its counts.
std::vector<ViewEdge> Values(std::map<std::pair<std::string, std::string>, ViewEdge>&& edges);

/// The project's name.
std::string Project(const json& report);

View ContextMap(const json& report, const ReportIndex& index, const ViewOptions& options);
View Apps(const json& report, const ReportIndex& index, const ViewOptions& options);
View Models(const json& report, const ReportIndex& index, const ViewOptions& options);
View OneContext(const json& report, const ReportIndex& index, const ViewOptions& options);

}  // namespace seams::view_internal
