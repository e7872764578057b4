#pragma once
/// Renderers of the proposal part of an analysis report.

#include <iosfwd>
#include <nlohmann/json.hpp>

namespace seams {

/// `contexts.dot`: contexts as clusters (one box per app or package group inside),
/// the shared kernel apart, cross-context edges with thickness by weight and
/// labels by kind and count. Needs a report with "contexts".
void WriteContextsDot(const nlohmann::json& report, std::ostream& out);

/// The readable summary of `seams cluster`: contexts table, shared kernel,
/// undecided members, metrics, extraction order.
void WriteProposalSummary(const nlohmann::json& report, std::ostream& out);

}  // namespace seams
