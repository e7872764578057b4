#include "cli/report_input.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lib/core/error.h"
#include "reports/report_reader.h"

namespace seams::cli {

bool IsReportFile(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

nlohmann::json ReadReportFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SeamsError(ErrorKind::kInput, "cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return ParseAnalysisReport(text.str(), path);
}

}  // namespace seams::cli
