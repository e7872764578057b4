#pragma once
/// Renderers of the proposal part of an analysis report.

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <vector>

#include "reports/format_registry.h"

namespace seams {

/// `contexts.dot`: the context map view (see reports/view.h) with default options.
void WriteContextsDot(const nlohmann::json& report, std::ostream& out);

/// `report.md`: the proposal in one page — contexts table and members, shared
/// kernel, cross-context dependencies, foreign keys across contexts, extraction
/// order, undecided members, diagnostics — with the context map and the
/// crossing relations embedded as Mermaid.
void WriteHandoutMarkdown(const nlohmann::json& report, std::ostream& out);

/// The readable summary of `seams cluster`: contexts table, shared kernel,
/// undecided members, metrics, extraction order.
void WriteProposalSummary(const nlohmann::json& report, std::ostream& out);

/// The formats of `seams cluster`: text (the summary, default), json (the
/// whole analysis report) and dot (the context map).
const std::vector<Format<Reporter>>& ProposalFormats();

}  // namespace seams
