// report.html: the page skeleton and scripts come from reports/html/ (inlined
// at build time, see reports/CMakeLists.txt); the data is the part of the
// report the page uses.

#include "reports/html_report.h"

#include <ostream>
#include <string>

namespace seams {

namespace html_assets {
extern const char* const kCytoscapeJs[];
extern const char* const kScoreJs[];
extern const char* const kAppJs[];
extern const char* const kStyleCss[];
extern const char* const kBodyHtml[];
}  // namespace html_assets

namespace {

using nlohmann::json;

void WritePieces(const char* const* pieces, std::ostream& out) {
  for (; *pieces; ++pieces) out << *pieces;
}

std::string EscapeHtml(const std::string& text) {
  std::string out;
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

// The part of the report the page reads: the coupling graph with the proposal's
// assignment and evidence, the members' confidence, the kernel's reasons and the tables each model owns.
json PageData(const json& report) {
  json confidence = json::object();
  for (const auto& c : report.at("contexts")) {
    for (const auto& member : c.at("members")) confidence[member.at("id").get<std::string>()] = member.at("confidence");
  }
  json kernel = json::object();
  for (const auto& k : report.at("shared_kernel")) kernel[k.at("id").get<std::string>()] = k.at("reason");
  json undecided = json::array();
  for (const auto& u : report.at("undecided")) undecided.push_back(u.at("id"));
  // Tables Django creates, with the model owning each (report.json data.tables): a moved model takes its tables.
  json tables = json::array();
  if (report.contains("data") && report.at("data").contains("tables")) {
    for (const auto& t : report.at("data").at("tables")) {
      tables.push_back({{"table", t.at("table")}, {"model", t.value("model", json(nullptr))}});
    }
  }
  json page = {{"project", report.at("project").at("name")},
          {"tables", std::move(tables)},
          {"schema", report.at("schema")},
          {"nodes", report.at("graph").at("nodes")},
          {"edges", report.at("graph").at("edges")},
          {"confidence", std::move(confidence)},
          {"kernel", std::move(kernel)},
          {"undecided", std::move(undecided)}};
  // Every lookup and atomic block, so the page counts crossing joins and transactions as `seams score` does.
  if (report.contains("data") && report.at("data").contains("lookups") && report.at("data").contains("atomic_writes")) {
    page["lookups"] = report.at("data").at("lookups");
    page["atomic_writes"] = report.at("data").at("atomic_writes");
  }
  return page;
}

}  // namespace

void WriteReportHtml(const json& report, std::ostream& out) {
  const std::string project = report.at("project").at("name").get<std::string>();
  const std::string dumped = PageData(report).dump(-1, ' ', false, json::error_handler_t::replace);
  // Inside <script>, "</" could end the element; "<\/" is the same JSON string.
  std::string data;
  data.reserve(dumped.size() + 64);
  for (std::size_t i = 0; i < dumped.size(); ++i) {
    data.push_back(dumped[i]);
    if (dumped[i] == '<' && i + 1 < dumped.size() && dumped[i + 1] == '/') data.push_back('\\');
  }
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>Seams workshop board: " << EscapeHtml(project) << "</title>\n<style>\n";
  WritePieces(html_assets::kStyleCss, out);
  out << "</style>\n</head>\n<body>\n";
  WritePieces(html_assets::kBodyHtml, out);
  out << "<script id=\"seams-data\" type=\"application/json\">" << data << "</script>\n<script>\n";
  WritePieces(html_assets::kCytoscapeJs, out);
  out << "\n</script>\n<script>\n";
  WritePieces(html_assets::kScoreJs, out);
  out << "\n</script>\n<script>\n";
  WritePieces(html_assets::kAppJs, out);
  out << "\n</script>\n</body>\n</html>\n";
}

}  // namespace seams
