#pragma once
/// `seams score`'s contract (`seams.score/1`), its text, the comparison with
/// another assignment, and reading the coupling graph back from report.json so
/// an edited seams.toml can be scored without analysing again.

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "lib/cluster/score.h"
#include "lib/graph/coupling_graph.h"
#include "reports/format_registry.h"

namespace seams {

/// Schema identifier of every score report.
inline constexpr const char* kScoreSchema = "seams.score/1";

/// The score report of `score`; `source` names what was scored ("seams.toml",
/// "report.json"). report.html's `window.seams.metrics()` returns the same keys
/// and numbers (only `source` differs).
nlohmann::json BuildScoreReport(const Score& score, const std::string& source);

/// Adds `compare` to `report`: the nodes whose context differs between
/// `before` and `after` (both one entry per `graph` node), and for each headline
/// measure and context its value before and after and whether it got better.
void AddComparison(nlohmann::json* report, const nlohmann::json& before_report, const std::string& before_source,
                   const CouplingGraph& graph, const std::vector<std::string>& before,
                   const std::vector<std::string>& after);

/// The text of a score report for a terminal or a projector.
void WriteScoreText(const nlohmann::json& report, std::ostream& out);

/// The formats of `seams score`: text (default) and json (the score report).
const std::vector<Format<Reporter>>& ScoreFormats();

/// The coupling graph stored in a report.json (`graph.nodes`, `graph.edges`):
/// nodes, kinds, weights, counts and evidence as the analysis built them.
/// Throws SeamsError(kUsage) when an edge names an unknown node or kind.
CouplingGraph CouplingGraphFromReport(const nlohmann::json& report);

/// The proposal's assignment stored in a report.json: `graph.nodes[].context`
/// ("" for null), one entry per node of CouplingGraphFromReport.
std::vector<std::string> ProposalAssignmentFromReport(const nlohmann::json& report);

/// The data-plan inputs stored in a report.json (`data.lookups`, `data.atomic_writes`);
/// nullopt when the report has none. Throws SeamsError(kUsage) on a malformed entry.
std::optional<DataUses> DataUsesFromReport(const nlohmann::json& report);

/// `assignment` (one entry per node of `from`) carried over to `to` by node id;
/// nodes of `to` missing from `from` get "".
std::vector<std::string> CarryAssignment(const CouplingGraph& from, const std::vector<std::string>& assignment,
                                         const CouplingGraph& to);

}  // namespace seams
