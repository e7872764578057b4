#pragma once
/// Stage 5: from the coupling graph to proposed bounded contexts — shared
/// kernel, Leiden clustering with consensus, names, metrics, and an extraction plan.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "lib/cluster/scope.h"
#include "lib/core/diagnostic.h"
#include "lib/graph/coupling_graph.h"

namespace seams {

/// What is clustered.
enum class ClusterLevel {
  kModel,   ///< Every model, plus every module that defines no model (the default).
  kModule,  ///< Files: a model counts for the module defining it.
  kApp,     ///< Whole apps (and package groups outside apps).
};

/// Parses "model", "module" or "app".
bool ParseClusterLevel(const std::string& text, ClusterLevel* level);
const char* ClusterLevelName(ClusterLevel level);

/// Options of a proposal.
struct ProposalOptions {
  ClusterLevel level = ClusterLevel::kModel;
  double resolution = 1.0;      ///< Leiden resolution γ, used when `services` is 0.
  int services = 0;             ///< Search the resolution for this many contexts.
  std::uint64_t seed = 1;
  int consensus_runs = 10;      ///< Extra seeds for the confidence of each member.
  double undecided_below = 0.7; ///< Members with a lower confidence are listed as undecided.
  /// What is the application (only it is clustered); `scope.include_tests` clusters tests and
  /// migrations too. The pipeline fills `scope.app_groups` and `scope.settings_module`.
  ScopeOptions scope;
  bool shared_kernel = true;    ///< Detect hubs and keep them out of clustering.
  /// A unit is a hub when this share of the other groups (apps and packages) depends on it.
  double hub_share = 0.5;
  int hub_min_groups = 3;       ///< …and at least this many groups do.
  /// The shared kernel holds at most this share of the application's lines: past it, the
  /// hubs with the smallest fan-in go back to the contexts that use them.
  double kernel_max_share = 0.2;
  std::vector<std::string> kernel_add;     ///< Ids or dotted prefixes forced into the shared kernel.
  std::vector<std::string> kernel_remove;  ///< Ids or dotted prefixes never in it.
  std::map<std::string, std::vector<std::string>> pins;  ///< Context name → ids or dotted prefixes.
  /// Total weight tying each unit to the other units of its own app or package:
  /// the developers' own grouping, split only on evidence. 0 turns it off.
  double same_app_weight = 2.0;
};

/// A node outside the application, and why (see lib/cluster/scope.h).
struct OutsideInfo {
  std::string id;
  std::string kind;    ///< "module" or "model".
  std::string path;
  std::string reason;  ///< One of the kOutside* reasons.
  int lines = 0;
};

/// A group too small to stand alone, and where it went.
struct MergeInfo {
  std::vector<std::string> members;  ///< Sorted.
  std::string into;                  ///< The context that took it.
  std::string reason;
};

/// A member of the shared kernel and why.
struct HubInfo {
  std::string id;
  std::string kind;     ///< "module", "model" or "app".
  std::string reason;   ///< "fan-in", "configuration", "config".
  int fan_in_groups = 0;///< Other groups depending on it.
  int groups = 0;       ///< Other groups in the project.
  double share = 0;     ///< fan_in_groups / groups.
};

/// A clustered unit in a context.
struct ContextMember {
  std::string id;
  std::string kind;      ///< "module", "model" or "app".
  std::string group;     ///< Its app or package group.
  double confidence = 1; ///< Share of consensus runs in which it stays with its context's core.
  int lines = 0;
};

/// A proposed context.
struct ContextInfo {
  std::string name;
  std::vector<ContextMember> members;  ///< Sorted by id.
  std::vector<std::string> apps;       ///< Groups with members here, by member count then name.
  int models = 0;
  int concrete_models = 0;             ///< Models with a table of their own: the data it owns.
  int lines = 0;
  bool stateless = false;              ///< Owns no concrete model (only when pinned so in config).
  std::string stateless_reason;
  std::vector<std::string> tables;     ///< Tables of its concrete models (and their M2M tables), sorted.
  /// Lines of its model-free code that use at least one of its own models, over the lines of all
  /// its model-free code (1 when it has none): how much of its code works on its own data.
  double own_data_share = 1;
  double internal_weight = 0;
  double external_weight = 0;
  double cohesion = 0;  ///< internal / (internal + external).
  double coupling = 0;  ///< external / (internal + external).
};

/// The edges between two contexts, by kind.
struct CrossContextInfo {
  std::string from;
  std::string to;
  std::map<std::string, int> counts;   ///< kind → pieces of evidence
  double weight = 0;
  std::vector<int> edges;              ///< Indexes into CouplingGraph::edges.
};

/// One step of the extraction plan.
struct ExtractionStep {
  int rank = 0;
  std::string context;
  double difficulty = 0;     ///< Lower is easier.
  double inbound_weight = 0; ///< Others depending on it.
  double outbound_weight = 0;///< It depending on others.
  double kernel_weight = 0;  ///< It depending on the shared kernel.
  int foreign_keys = 0;      ///< Relations crossing its boundary (either way).
  int signals = 0;
  int task_calls = 0;
  std::vector<std::string> reasons;
  std::vector<int> imports;       ///< Crossing import edges to replace with API calls.
  std::vector<int> relations;     ///< Crossing fk/m2m/inheritance to replace with IDs.
  std::vector<int> signal_edges;  ///< Crossing signals to replace with events.
  std::vector<int> task_edges;    ///< Crossing task calls.
  std::vector<int> other_edges;   ///< Uses of models and routes that cross.
  std::vector<std::string> url_prefixes;  ///< What the gateway routes to the new service.
};

/// Quality of a proposal. See lib/cluster/metrics.h for definitions and sources.
struct ProposalMetrics {
  double modularity = 0;
  double structural_modularity = 0;
  double interface_number = 0;
  double non_extreme_distribution = 0;
  double inter_call_percentage = 0;
  double mojofm_vs_apps = 0;
  double ari_vs_apps = 0;
  std::map<std::string, std::vector<std::string>> split_apps;   ///< App → contexts it is spread over.
  std::map<std::string, std::vector<std::string>> merged_apps;  ///< Context → apps it joins.
};

/// The proposal.
struct Proposal {
  ClusterLevel level = ClusterLevel::kModel;
  double resolution = 1;
  int services_requested = 0;
  bool services_exact = true;
  std::uint64_t seed = 1;
  int units = 0;                           ///< Units clustered.
  std::vector<HubInfo> shared_kernel;      ///< Sorted by id.
  std::vector<ContextInfo> contexts;       ///< Sorted by name.
  std::vector<ContextMember> undecided;    ///< Low-confidence members, sorted by confidence then id.
  std::vector<OutsideInfo> outside;        ///< Nodes outside the application, sorted by id.
  std::vector<MergeInfo> merges;           ///< Groups too small to stand alone, in the order merged.
  ProposalMetrics metrics;
  std::vector<CrossContextInfo> cross_context;  ///< Sorted by (from, to).
  std::vector<ExtractionStep> plan;             ///< Easiest first.
  /// Context of every coupling-graph node: a context name, "shared_kernel", or "" when outside.
  std::vector<std::string> node_context;
  std::vector<Diagnostic> diagnostics;
};

/// URL routes a context's views answer, for the gateway.
struct RouteInfo {
  std::string prefix;
  std::string view_module;
};

/// Clusters `graph` into contexts. `routes` are the reachable URL routes.
Proposal ProposeContexts(const CouplingGraph& graph, const std::vector<RouteInfo>& routes,
                         const ProposalOptions& options);

}  // namespace seams
