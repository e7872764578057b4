#pragma once
/// What is the application: the Django apps and the code they import. Everything
/// else — tests, migrations, docs, build scripts, packaging helpers, sandboxes, code
/// nothing in the application imports — is *outside*: listed with its reason and
/// never part of a context or of the shared kernel.

#include <string>
#include <vector>

#include "lib/graph/coupling_graph.h"

namespace seams {

/// How the application is delimited.
struct ScopeOptions {
  /// Cluster the whole project (tests and migrations still need `include_tests`),
  /// not only what the apps reach: docs, scripts and sandboxes are inside too.
  bool whole_project = false;
  bool include_tests = false;         ///< Tests and migrations are inside.
  std::vector<std::string> app_groups;///< Coupling-graph groups that are Django apps (sorted).
  std::string settings_module;        ///< Its package and manage.py are the application's configuration.
  std::vector<std::string> inside;    ///< Ids or dotted prefixes always inside (config `inside`).
  std::vector<std::string> outside;   ///< Ids or dotted prefixes always outside (config `outside`).
};

/// Reasons a node is outside, as written in report.json.
inline constexpr const char* kOutsideTest = "test";
inline constexpr const char* kOutsideMigration = "migration";
inline constexpr const char* kOutsideDocs = "docs";
inline constexpr const char* kOutsideBuild = "build script";
inline constexpr const char* kOutsidePackaging = "packaging";
inline constexpr const char* kOutsideSandbox = "sandbox";
inline constexpr const char* kOutsideUnreached = "not imported by the application";
inline constexpr const char* kOutsideConfig = "config";

/// One reason per coupling-graph node: "" when the node is part of the application,
/// else one of the kOutside* reasons. The application is seeded with every module
/// and model of an app, the settings package and manage.py, and grows along every
/// coupling edge (imports, lazy imports, URL includes, task calls, model uses) from
/// a node inside to a module or model not already classified as outside by its path.
/// With no app at all, the whole project (less tests and migrations) is inside.
std::vector<std::string> FindOutside(const CouplingGraph& graph, const ScopeOptions& options);

/// True when `id` is `pattern` or lies under it (`pattern.` prefix).
bool MatchesMember(const std::string& id, const std::string& pattern);

}  // namespace seams
