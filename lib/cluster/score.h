#pragma once
/// Scoring an assignment of the coupling graph's nodes to contexts — a
/// proposal's, the agreed `seams.toml`'s, or one edited in report.html — with
/// the proposal's measures, on code couplings only (the graph's edges; no app
/// prior). report.html recomputes exactly this in JavaScript
/// (reports/html/score.js); keep the two in step.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lib/graph/coupling_graph.h"

namespace seams {

/// One context's share of the couplings.
struct ContextScore {
  std::string name;
  int members = 0;         ///< Nodes (modules and models).
  int models = 0;          ///< Model nodes.
  double internal_weight = 0;
  double external_weight = 0;  ///< To and from other contexts (not the kernel).
  double cohesion = 1;     ///< internal / (internal + external); 1 with no weight.
  double coupling = 0;     ///< external / (internal + external).
};

/// The couplings from one context to another.
struct CrossScore {
  std::string from;
  std::string to;
  double weight = 0;
  int foreign_keys = 0;               ///< Evidence of relation kinds (fk, m2m, inherits…).
  std::map<std::string, int> counts;  ///< Kind → pieces of evidence.
};

/// One step of the extraction order, as the proposal's plan ranks it:
/// difficulty = inbound + ½ outbound + ¼ kernel weight + 2 × crossing relations
/// + crossing signals + crossing task calls; easiest first, ties by name.
struct ExtractionScore {
  int rank = 0;
  std::string context;
  double difficulty = 0;
  double inbound_weight = 0;
  double outbound_weight = 0;
  double kernel_weight = 0;
  int foreign_keys = 0;
  int signals = 0;
  int task_calls = 0;
};

/// What the ORM code touches, for the data-plan measures (lib/data/queries.h): the
/// models each relation-following lookup visits (its starting model first), and the
/// models each `transaction.atomic` block writes. Equal lists are kept once, counted.
struct DataUses {
  struct Use {
    std::vector<std::string> models;
    int count = 0;
    friend auto operator<=>(const Use&, const Use&) = default;
  };
  std::vector<Use> lookups;        ///< Sorted.
  std::vector<Use> atomic_writes;  ///< Sorted; blocks that write nothing are left out.
};

/// Everything `seams score` reports. The partition is the nodes with a context
/// name; kernel and unassigned nodes stay out of every partition measure.
struct Score {
  int assigned = 0;        ///< Nodes in a context.
  int shared_kernel = 0;   ///< Nodes in the kernel.
  int unassigned = 0;      ///< Nodes in neither.
  double modularity = 0;   ///< Newman's Q (γ = 1) on the undirected projection.
  double structural_modularity = 0;  ///< SM, directed edges (metrics.h).
  double interface_number = 0;       ///< IFN.
  double non_extreme_distribution = 0;  ///< NED with sizes 5…20 (node counts).
  double inter_call_percentage = 0;  ///< ICP.
  double cross_context_weight = 0;   ///< Weight of edges between two contexts.
  int cross_context_foreign_keys = 0;///< Relations (evidence count) between two contexts.
  /// With the data plan (DataUses given): lookups whose starting model is in a context and
  /// that visit a model of another one (the data plan's cross-context joins), and atomic
  /// blocks writing models of two or more contexts (its cross-context transactions, without
  /// the receivers it also lists). Absent without data.
  std::optional<int> cross_context_joins;
  std::optional<int> cross_context_transactions;
  std::vector<ContextScore> contexts;       ///< Sorted by name.
  std::vector<CrossScore> cross_context;    ///< Sorted by (from, to).
  std::vector<ExtractionScore> extraction_order;  ///< Easiest first.
};

/// The node_context value of the shared kernel.
inline constexpr const char* kSharedKernelContext = "shared_kernel";

/// Scores `node_context` (one entry per graph node: a context name,
/// "shared_kernel", or "" for none — the form of Proposal::node_context and
/// CheckResult::node_context) on `graph`'s edges.
Score ScoreAssignment(const CouplingGraph& graph, const std::vector<std::string>& node_context,
                      const DataUses* data = nullptr);

/// Clears the context of test and migration nodes, as the proposal leaves them
/// out unless --include-tests; `seams score` does this to a config's assignment.
void LeaveOutTestsAndMigrations(const CouplingGraph& graph, std::vector<std::string>* node_context);

}  // namespace seams
