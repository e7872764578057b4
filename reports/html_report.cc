// report.html: the page skeleton and scripts come from reports/html/ (inlined
// at build time, see reports/CMakeLists.txt); the data is the part of the
// report the page uses.

#include "reports/html_report.h"

#include <map>
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
  // The coupling graph's nodes and edges are written from the report itself (WritePageData).
  json page = {{"project", report.at("project").at("name")},
          {"tables", std::move(tables)},
          {"schema", report.at("schema")},
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

// Inside <script>, "</" could end the element; "<\/" is the same JSON string.
void WriteScriptSafe(const std::string& text, std::ostream& out) {
  std::size_t from = 0;
  for (std::size_t at = text.find("</"); at != std::string::npos; at = text.find("</", at + 2)) {
    out.write(text.data() + from, static_cast<std::streamsize>(at + 1 - from));
    out << '\\';
    from = at + 1;
  }
  out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

// The page's data as compact JSON with sorted keys: the bytes nlohmann's dump writes for
// PageData with the coupling graph's nodes and edges in it, without copying the graph
// into a second tree. No piece ends in '<' before another begins with '/', so escaping
// piece by piece escapes the whole.
void WritePageData(const json& report, std::ostream& out, const JsonDocument::Elements* edges) {
  const json page = PageData(report);
  std::map<std::string, const json*> members;
  for (auto it = page.begin(); it != page.end(); ++it) members[it.key()] = &it.value();
  members["nodes"] = &report.at("graph").at("nodes");
  members["edges"] = edges ? nullptr : &report.at("graph").at("edges");
  out << '{';
  bool first = true;
  for (const auto& [key, value] : members) {
    if (!first) out << ',';
    first = false;
    WriteScriptSafe(json(key).dump(-1, ' ', false, json::error_handler_t::replace) + ":", out);
    if (value) {
      WriteScriptSafe(value->dump(-1, ' ', false, json::error_handler_t::replace), out);
      continue;
    }
    // The edges one by one: the bytes of the array's dump, '[' and ']' around the
    // elements' dumps joined by ','.
    out << '[';
    bool first_edge = true;
    (*edges)([&](json edge) {
      if (!first_edge) out << ',';
      first_edge = false;
      WriteScriptSafe(edge.dump(-1, ' ', false, json::error_handler_t::replace), out);
    });
    out << ']';
  }
  out << '}';
}

}  // namespace

void WriteReportHtml(const json& report, std::ostream& out, const JsonDocument::Elements* edges) {
  const std::string project = report.at("project").at("name").get<std::string>();
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>Seams workshop board: " << EscapeHtml(project) << "</title>\n<style>\n";
  WritePieces(html_assets::kStyleCss, out);
  out << "</style>\n</head>\n<body>\n";
  WritePieces(html_assets::kBodyHtml, out);
  out << "<script id=\"seams-data\" type=\"application/json\">";
  WritePageData(report, out, edges);
  out << "</script>\n<script>\n";
  WritePieces(html_assets::kCytoscapeJs, out);
  out << "\n</script>\n<script>\n";
  WritePieces(html_assets::kScoreJs, out);
  out << "\n</script>\n<script>\n";
  WritePieces(html_assets::kAppJs, out);
  out << "\n</script>\n</body>\n</html>\n";
}

}  // namespace seams
