#pragma once
/// Internal to lib/cluster: the units a proposal clusters, and the steps after
/// clustering that describe and measure an assignment of units to contexts.

#include <map>
#include <string>
#include <vector>

#include "lib/cluster/proposal.h"
#include "lib/cluster/weighted_graph.h"
#include "lib/graph/coupling_graph.h"

namespace seams {

/// A unit of clustering: a model, a module, or an app, with what it stands for.
struct Unit {
  std::string id;
  std::string kind;         ///< "model", "module" or "app".
  std::string group;        ///< App label or package group.
  int lines = 0;
  int models = 0;           ///< Models it stands for.
  int concrete_models = 0;  ///< Of which have a table: a unit with tables is data.
};

/// The units, how coupling-graph nodes map onto them, and their code couplings.
struct Units {
  std::vector<Unit> units;
  /// node → (unit, share): a module holding models shares its couplings among them.
  std::vector<std::vector<std::pair<int, double>>> node_units;
  /// Directed unit edges u → v (u depends on v) summing the coupling edges between them.
  std::vector<WeightedGraph::Edge> edges;
};

/// The units of `level` over the nodes inside the application (`outside[n]` empty).
Units BuildUnits(const CouplingGraph& graph, const std::vector<std::string>& outside, ClusterLevel level);

/// Fills `out` from an assignment of units: node contexts, contexts with their members,
/// ownership, cohesion and coupling, metrics (on code couplings only), what crosses each
/// boundary, and the extraction plan. `community[u]` is -1 for kernel and outside units.
void FinishProposal(const CouplingGraph& graph, const std::vector<RouteInfo>& routes, const ProposalOptions& options,
                    const Units& units, const std::vector<bool>& in_kernel, const std::vector<int>& community,
                    const std::vector<double>& confidence, const std::vector<std::string>& names,
                    const std::map<int, std::string>& pinned_names, Proposal* out);

}  // namespace seams
