#pragma once
/// Stage 4 (imports): the module import graph and its aggregation to apps.

#include <array>
#include <string>
#include <vector>

#include "lib/discover/project.h"
#include "lib/django/layout.h"
#include "lib/graph/edge_kinds.h"
#include "lib/parse/file_facts.h"
#include "lib/resolve/resolve.h"

namespace seams {

/// The coupling kind (and so the weight) of an import: import, import_lazy or import_typing.
CouplingKind ImportCouplingKind(ImportKind kind);

/// One import statement behind an edge.
struct ImportEvidence {
  std::string path;
  int line = 0;
  ImportKind kind = ImportKind::kModule;
  bool guarded = false;
  std::string statement;  ///< "from orders.models import Order"
  // At app level only (AggregateToApps), where an edge joins groups: the modules the
  // import joins. At module level they are the edge's own, and not repeated here.
  std::string from;       ///< Importing module.
  std::string to;         ///< Imported module.
};

/// A node of the module graph: one project module.
struct ModuleNode {
  std::string module;
  std::string path;
  std::string app;    ///< Label of the owning app, "" when none.
  std::string group;  ///< The app label, or the package that stands for the module at app level.
  bool is_package = false;
  bool is_test = false;
  bool is_migration = false;
  int lines = 0;
  int stdlib_imports = 0;
  int third_party_imports = 0;
  std::vector<std::string> third_party;  ///< Distinct third-party top-level packages, sorted.
};

/// Directed edge `from` → `to` with counts per kind and the evidence.
struct ImportEdge {
  std::string from;
  std::string to;
  std::array<int, 3> counts{};  ///< Indexed by ImportKind.
  double weight = 0;
  std::vector<ImportEvidence> evidence;  ///< Sorted by path, line, statement.
};

/// A node of the app-level graph: an app, or a package outside every app.
struct GroupNode {
  std::string id;
  bool is_app = false;
  std::string package;  ///< Dotted package it stands for.
  int modules = 0;
  int lines = 0;
};

/// A directed import graph. Nodes sorted by id; edges by (from, to); no self loops.
struct ImportGraph {
  std::vector<ModuleNode> modules;      ///< Filled at module level.
  std::vector<GroupNode> groups;        ///< Filled at app level.
  std::vector<ImportEdge> edges;
  std::vector<std::vector<std::string>> cycles;  ///< Strongly connected sets of more than one node, sorted.
};

/// Builds the module graph of the project: a node per module, an edge per
/// (importer, imported) pair with the statements behind it. Imports of a module
/// by itself are dropped. Weights are the coupling graph's (`import`, `import_lazy`,
/// `import_typing`), so both graphs of a report agree.
ImportGraph BuildModuleGraph(const Project& project, const std::vector<FileFacts>& facts,
                             const DjangoLayout& layout, const Resolution& resolution,
                             const CouplingWeights& weights = {});

/// Aggregates a module graph to apps: each module counts for its app, or for the
/// shortest package holding no app (`django.db` in Django's own source).
ImportGraph AggregateToApps(const ImportGraph& module_graph, const DjangoLayout& layout);

}  // namespace seams
