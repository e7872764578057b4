#pragma once
/// The weighted coupling graph: modules and models as nodes,
/// typed edges (imports, foreign keys, views using models, signals, tasks,
/// URL routes) each with its weight and evidence.

#include <string>
#include <vector>

#include "lib/discover/project.h"
#include "lib/django/django_facts.h"
#include "lib/django/layout.h"
#include "lib/django/models.h"
#include "lib/django/symbols.h"
#include "lib/graph/edge_kinds.h"
#include "lib/parse/file_facts.h"
#include "lib/resolve/resolve.h"

namespace seams {

enum class NodeKind { kModule, kModel };

/// A node: a project module or a model.
struct CouplingNode {
  std::string id;       ///< Module name ("orders.views") or model key ("orders.Order").
  NodeKind kind = NodeKind::kModule;
  std::string group;    ///< App label, or the package group of a module outside every app.
  std::string module;   ///< The module itself, or the module defining the model.
  std::string path;
  int lines = 0;        ///< Lines of the module, or of the model's class.
  bool is_test = false;
  bool is_migration = false;
  bool defines_models = false;  ///< A module defining at least one model.
  bool abstract_model = false;  ///< An abstract model (no table of its own).
  bool proxy_model = false;     ///< A proxy model (its concrete base's table).
  /// A concrete model's tables: its own and the M2M tables Django creates for it, as
  /// TablesOf (lib/data/tables.h) names them; filled by the pipeline. Empty for modules.
  std::vector<std::string> tables;
};

/// One piece of evidence behind an edge.
struct CouplingEvidence {
  std::string path;
  int line = 0;
  std::string detail;  ///< "from orders.models import Order", "ForeignKey customer", "view OrderViewSet: queryset" …
  friend auto operator<=>(const CouplingEvidence&, const CouplingEvidence&) = default;
};

/// Directed edge of one kind between two nodes.
struct CouplingEdge {
  int from = 0;
  int to = 0;
  CouplingKind kind = CouplingKind::kImport;
  int count = 0;       ///< Pieces of evidence.
  double weight = 0;   ///< count × the kind's weight (CouplingWeights).
  std::vector<CouplingEvidence> evidence;  ///< Sorted.
};

/// The coupling graph. Nodes sorted by id; edges by (from, to, kind); no self loops.
struct CouplingGraph {
  std::vector<CouplingNode> nodes;
  std::vector<CouplingEdge> edges;
  /// Index of the node with `id`, or -1.
  int Find(const std::string& id) const;
};

/// Everything the coupling graph is built from.
struct CouplingInputs {
  const Project& project;
  const std::vector<FileFacts>& facts;
  const DjangoLayout& layout;
  const Resolution& resolution;
  const SymbolTable& symbols;
  const ModelCatalog& models;
  const DjangoFacts& django;
};

/// Builds the coupling graph: import edges go to the model a `from x import Model`
/// names rather than to its module; relations, inheritance, model uses by views,
/// forms, serializers, admin, tasks and loaders, signal receivers, task calls and
/// URL routes add typed edges with their evidence.
CouplingGraph BuildCouplingGraph(const CouplingInputs& inputs, const CouplingWeights& weights);

}  // namespace seams
