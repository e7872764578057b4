#include "reports/report_reader.h"

#include "lib/core/error.h"
#include "reports/analysis_report.h"
#include "reports/schema_validate.h"

namespace seams {

nlohmann::json ParseAnalysisReport(const std::string& text, const std::string& path) {
  // Depth first: a value nested thousands deep would overflow the stack of
  // whatever walks it (a copy, a dump, the schema check).
  if (const long long at = FirstTooDeep(text, kMaxReportDepth); at >= 0) {
    throw SeamsError(ErrorKind::kUsage, path + ": nested deeper than " + std::to_string(kMaxReportDepth) +
                                            " arrays and objects (at byte " + std::to_string(at) +
                                            "); not a Seams report");
  }
  nlohmann::json report = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (report.is_discarded()) throw SeamsError(ErrorKind::kUsage, path + ": not a JSON document");
  if (!report.is_object() || !report.contains("schema") || !report.at("schema").is_string()) {
    throw SeamsError(ErrorKind::kUsage, path + ": not a Seams report (it has no \"schema\" field)");
  }
  const std::string schema = report.at("schema").get<std::string>();
  if (schema.rfind("seams.analysis/", 0) == 0 && schema != kAnalysisSchema) {
    throw SeamsError(ErrorKind::kUsage, path + ": written for schema " + schema + ", this seams reads " + kAnalysisSchema +
                                            "; run `seams analyze` again to rewrite it");
  }
  if (schema != kAnalysisSchema) {
    throw SeamsError(ErrorKind::kUsage, path + ": a " + schema + " report, not an analysis report (" + kAnalysisSchema +
                                            "); `seams analyze -o DIR` writes DIR/report.json");
  }
  CheckAnalysisReport(report, path);
  return report;
}

void CheckAnalysisReport(const nlohmann::json& report, const std::string& path) {
  // Every field a reader touches has its declared type once the schema holds,
  // so no view, explanation or score meets a library type error.
  if (std::string problem = FirstSchemaViolation(AnalysisReportSchema(), report); !problem.empty()) {
    throw SeamsError(ErrorKind::kUsage, path + ": " + problem);
  }
  // Readers add counts and lines up in 32 bits (a context's lines, a pair's
  // couplings); a report whose totals do not fit is not one Seams wrote.
  auto total = [&](const nlohmann::json& list, const char* field, const std::string& pointer) {
    long long sum = 0;
    for (const auto& item : list) sum += FieldOrNull(item, field).is_number_integer() ? item.at(field).get<long long>() : 0;
    if (sum > 2147483647LL) {
      throw SeamsError(ErrorKind::kUsage, path + ": " + pointer + ": the " + field + "s add up to " + std::to_string(sum) +
                                              ", beyond the 32-bit totals Seams writes");
    }
  };
  const nlohmann::json& graph = report.at("graph");
  total(graph.at("nodes"), "lines", "/graph/nodes");
  total(graph.at("edges"), "count", "/graph/edges");
  const nlohmann::json& data = FieldOrNull(report, "data");
  for (const char* list : {"lookups", "atomic_writes"}) {
    if (FieldOrNull(data, list).is_array()) total(data.at(list), "count", std::string("/data/") + list);
  }
}

const nlohmann::json& FieldOrNull(const nlohmann::json& object, const char* key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

}  // namespace seams
