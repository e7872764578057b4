#pragma once
/// report.html: the workshop board. One self-contained page (scripts and styles
/// inlined at build time, the data read from the report) with the context map,
/// drill-down, what-if moves scored exactly as `seams score` scores, undo/redo,
/// and export of the edited assignment as a seams.toml.

#include <iosfwd>
#include <nlohmann/json.hpp>

#include "reports/json_document.h"

namespace seams {

/// Writes report.html for an analysis report (`seams.analysis/3`). The page
/// embeds the coupling graph's edges with their evidence: from `edges`, one
/// element at a time, when given (then `report`'s graph.edges may lack their
/// evidence), else from the report itself.
void WriteReportHtml(const nlohmann::json& report, std::ostream& out,
                     const JsonDocument::Elements* edges = nullptr);

}  // namespace seams
