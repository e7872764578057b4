#include "reports/report_reader.h"

#include "lib/core/error.h"
#include "reports/analysis_report.h"

namespace seams {

nlohmann::json ParseAnalysisReport(const std::string& text, const std::string& path) {
  nlohmann::json report = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (report.is_discarded()) throw SeamsError(ErrorKind::kUsage, path + ": not a JSON document");
  if (!report.is_object() || !report.contains("schema") || !report.at("schema").is_string()) {
    throw SeamsError(ErrorKind::kUsage, path + ": not a Seams report (it has no \"schema\" field)");
  }
  const std::string schema = report.at("schema").get<std::string>();
  if (schema == kAnalysisSchema) return report;
  if (schema.rfind("seams.analysis/", 0) == 0) {
    throw SeamsError(ErrorKind::kUsage, path + ": written for schema " + schema + ", this seams reads " + kAnalysisSchema +
                                            "; run `seams analyze` again to rewrite it");
  }
  throw SeamsError(ErrorKind::kUsage, path + ": a " + schema + " report, not an analysis report (" + kAnalysisSchema +
                                          "); `seams analyze -o DIR` writes DIR/report.json");
}

}  // namespace seams
