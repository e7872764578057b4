#pragma once
/// Reading an analysis report back, so every view can be redrawn without
/// analysing again.

#include <nlohmann/json.hpp>
#include <string>

namespace seams {

/// Parses `text` (the contents of `path`) as a `report.json`. Throws
/// SeamsError (kUsage) when it is not JSON, is another kind of Seams report,
/// was written for another version of the analysis schema, nests deeper than
/// kMaxReportDepth, or breaks the schema (the message names the file and the
/// JSON Pointer of the first bad field: `r.json: /graph/nodes/0/context: …`).
nlohmann::json ParseAnalysisReport(const std::string& text, const std::string& path);

/// The checks ParseAnalysisReport makes once `report` (read from `path`) is
/// parsed and names the current schema: the schema itself, and totals that fit
/// the readers' 32-bit sums. Throws SeamsError (kUsage) naming the bad field.
void CheckAnalysisReport(const nlohmann::json& report, const std::string& path);

/// `object[key]` by reference, or a null value when `object` is not an object
/// or has no such field: reading an optional field without copying it.
const nlohmann::json& FieldOrNull(const nlohmann::json& object, const char* key);

}  // namespace seams
