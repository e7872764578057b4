#pragma once
/// report.html: the workshop board. One self-contained page (scripts and styles
/// inlined at build time, the data read from the report) with the context map,
/// drill-down, what-if moves scored exactly as `seams score` scores, undo/redo,
/// and export of the edited assignment as a seams.toml.

#include <iosfwd>
#include <nlohmann/json.hpp>

namespace seams {

/// Writes report.html for an analysis report (`seams.analysis/3`).
void WriteReportHtml(const nlohmann::json& report, std::ostream& out);

}  // namespace seams
