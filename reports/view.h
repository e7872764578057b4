#pragma once
/// Diagram views of an analysis report: what to draw, decided once, drawn by
/// the DOT and Mermaid writers alike. Every view is a function of the report
/// alone, so diagrams can be redrawn from a saved `report.json`.

#include <iosfwd>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reports/format_registry.h"

namespace seams {

/// The views `seams diagram --view` knows.
enum class ViewKind {
  kContexts,  ///< Context map: one box per context, the shared kernel apart.
  kApps,      ///< The as-is app dependency graph, coloured by proposed context.
  kModels,    ///< ER-style: models with their relation fields, grouped by context.
  kContext,   ///< One context: its members and everything crossing its boundary.
  kGraph,     ///< The as-is graph of `seams graph` (built from a graph report, not by BuildView).
};

/// Parses "contexts" / "apps" / "models" / "context"; false for anything else.
bool ParseViewKind(const std::string& text, ViewKind* kind);

/// Names of the views, in the order above.
std::vector<std::string> ViewNames();

/// What to leave out so that large projects stay legible.
struct ViewOptions {
  double min_weight = 0;      ///< Drop edges lighter than this (after aggregation).
  int top = -1;               ///< Keep only the N heaviest edges; 0: all; -1: 40 in the context map and apps views.
  bool collapse_apps = false; ///< Models and members drawn as one box per app.
  bool hide_kernel = false;   ///< Leave the shared kernel out.
  bool cross_only = false;    ///< Models view: only models with a relation crossing contexts.
  std::string context;        ///< The context of the kContext view, or a filter for kModels.
};

/// One box. `fields` are the ER rows of a model ("user → accounts.User").
struct ViewNode {
  std::string id;             ///< Stable id in the report (model key, module, app, context name).
  std::string label;          ///< First line of the box.
  std::string detail;         ///< Second line (sizes), may be empty.
  std::string cluster;        ///< Id of the cluster the box is drawn in, or empty.
  int colour = -1;            ///< Palette index (the proposed context), -1: neutral.
  bool external = false;      ///< Outside the view's focus (other contexts in kContext).
  bool kernel = false;        ///< Member of the shared kernel.
  bool abstract = false;      ///< An abstract model.
  std::vector<int> split_colours;  ///< Apps split across contexts: every colour index.
  struct Field {
    std::string name, kind, target;
    bool crosses = false;     ///< The target is in another context.
  };
  std::vector<Field> fields;
};

/// One arrow: aggregated over every coupling between the two boxes.
struct ViewEdge {
  std::string from, to;
  double weight = 0;
  std::map<std::string, int> counts;  ///< Coupling kind → count.
  std::string label;          ///< Relation field name in the models view.
  std::string kind;           ///< Relation kind in the models view (fk, o2o, m2m).
  bool crosses = false;       ///< Crosses a context boundary (highlighted).
};

/// A group of boxes (a context, or an app inside one).
struct ViewCluster {
  std::string id, label;
  int colour = -1;
  bool kernel = false;
};

/// Everything one diagram shows, sorted, plus what was left out.
struct View {
  ViewKind kind = ViewKind::kContexts;
  std::string title;
  std::vector<ViewCluster> clusters;
  std::vector<ViewNode> nodes;
  std::vector<ViewEdge> edges;
  std::vector<std::string> notes;  ///< "12 edges lighter than 2 hidden": shown in a legend.
  double max_weight = 1;
  bool entities = false;      ///< Boxes are model tables with their relation fields (ER style).
  std::vector<std::pair<int, std::string>> legend;  ///< Colour index → context, when colours need a key.
};

/// Builds `kind` from a report that has a proposal. Throws SeamsError (kUsage)
/// when the view needs a context that the report does not have.
View BuildView(const nlohmann::json& report, ViewKind kind, const ViewOptions& options);

namespace view_internal {
struct ReportIndex;
}

/// Builds many views of one report, reading the report once: BuildView for a
/// caller that draws a view per context (`seams analyze` draws two each). The
/// report must outlive the builder.
class ViewBuilder {
 public:
  explicit ViewBuilder(const nlohmann::json& report);
  ~ViewBuilder();
  ViewBuilder(const ViewBuilder&) = delete;
  ViewBuilder& operator=(const ViewBuilder&) = delete;

  /// The same view as BuildView(report, kind, options).
  View Build(ViewKind kind, const ViewOptions& options) const;

 private:
  const nlohmann::json& report_;
  std::unique_ptr<view_internal::ReportIndex> index_;
};

/// Graphviz DOT of a view.
void WriteViewDot(const View& view, std::ostream& out);

/// Mermaid of a view, limited to what GitHub and GitLab render: `flowchart`
/// for contexts, apps and one context, `erDiagram` for models.
void WriteViewMermaid(const View& view, std::ostream& out);

/// How a view becomes a format: `write` renders it; with `graphviz` set the
/// text is DOT that Graphviz renders into the format (svg, png).
struct ViewRenderer {
  void (*write)(const View& view, std::ostream& out);
  bool graphviz = false;
};

/// The formats a view is drawn in (`seams diagram --format`, and the view
/// files of `seams analyze`): dot (default), mermaid, svg, png.
const std::vector<Format<ViewRenderer>>& ViewFormats();

/// The fill colour of palette index `index` (cycles), "#f5f5f5" for -1.
std::string ViewColour(int index);

}  // namespace seams
