#pragma once
/// Reading an analysis report back, so every view can be redrawn without
/// analysing again.

#include <nlohmann/json.hpp>
#include <string>

namespace seams {

/// Parses `text` (the contents of `path`) as a `report.json`. Throws
/// SeamsError (kUsage) when it is not JSON, is another kind of Seams report,
/// or was written for another version of the analysis schema.
nlohmann::json ParseAnalysisReport(const std::string& text, const std::string& path);

}  // namespace seams
