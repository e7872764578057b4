#pragma once
/// Reading a saved `report.json` for the commands that redraw it.

#include <nlohmann/json.hpp>
#include <string>

namespace seams::cli {

/// True when `path` names a file (a saved report) rather than a project directory.
bool IsReportFile(const std::string& path);

/// Reads and checks the analysis report at `path`. Throws SeamsError: kInput when
/// it cannot be read, kUsage when it is not a seams.analysis/3 report.
nlohmann::json ReadReportFile(const std::string& path);

}  // namespace seams::cli
