// JsonDocument: a report written member by member must be, byte for byte, what
// nlohmann writes for the whole tree; checked on hand-made documents and on the
// real reports of the example monolith and Django's own source.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "reports/analysis_report.h"
#include "reports/graph_report.h"
#include "reports/html_report.h"
#include "reports/json_document.h"
#include "tests/test_support.h"

using nlohmann::json;
using seams::JsonDocument;

namespace {

std::string Written(const JsonDocument& document) {
  std::ostringstream out;
  document.Write(out);
  return out.str();
}

// What `seams` wrote before documents: the tree, dumped by nlohmann with indent 2.
std::string Dumped(const json& tree) { return tree.dump(2) + "\n"; }

}  // namespace

TEST_CASE("a document writes what nlohmann writes for its tree", "[report][json]") {
  JsonDocument document;
  document.Set("z", [] { return json{{"b", 0.1}, {"a", {1, 2.5, nullptr, "x"}}}; });
  document.SetArray("empty", [](const JsonDocument::Emit&) {});
  document.SetArray("list", [](const JsonDocument::Emit& emit) {
    emit(json::object());
    emit({{"k\"ey\n", "caf\xc3\xa9 \x01"}});
    emit(json::array());
    emit(-3);
  });
  JsonDocument& nested = document.Object("nested");
  nested.Set("deep", [] { return json{{"x", json::array({json::array({1})})}}; });
  nested.Object("none");
  document.Set("a", [] { return "first"; });

  const json tree = document.ToJson();
  CHECK(tree.at("list").size() == 4);
  CHECK(tree.at("empty") == json::array());
  CHECK(tree.at("nested").at("none") == json::object());
  CHECK(Written(document) == Dumped(tree));
  // Keys in order, two spaces a level, empty containers on one line: the exact text.
  JsonDocument small;
  small.SetArray("b", [](const JsonDocument::Emit& emit) { emit({{"y", 1}, {"x", true}}); });
  small.SetArray("a", [](const JsonDocument::Emit&) {});
  small.Object("c");
  CHECK(Written(small) == "{\n  \"a\": [],\n  \"b\": [\n    {\n      \"x\": true,\n      \"y\": 1\n    }\n  ],\n  \"c\": {}\n}\n");
  CHECK(Written(JsonDocument()) == "{}\n");
}

TEST_CASE("a document makes each member only when it is written, every time", "[report][json]") {
  int made = 0, listed = 0;
  JsonDocument document;
  document.Set("value", [&] { ++made; return 1; });
  document.SetArray("array", [&](const JsonDocument::Emit& emit) { ++listed; emit(2); });
  CHECK(made == 0);
  CHECK(listed == 0);
  CHECK(document.Member("value") == 1);
  CHECK(document.Member("array") == json::array({2}));
  CHECK(document.Member("missing").is_null());
  Written(document);
  CHECK(made == 2);
  CHECK(listed == 2);

  // Take moves a member, under a new name, and leaves none behind.
  JsonDocument other;
  other.Take("renamed", document, "array");
  other.Take("nothing", document, "missing");
  CHECK(other.ToJson() == json{{"renamed", {2}}});
  CHECK(document.ToJson() == json{{"value", 1}});
}

TEST_CASE("a tree can be trimmed element by element, and an array read alone", "[report][json]") {
  JsonDocument document;
  document.Set("name", [] { return json("p"); });
  JsonDocument& graph = document.Object("graph");
  graph.SetArray("edges", [](const JsonDocument::Emit& emit) {
    emit({{"from", "a"}, {"evidence", {1, 2}}});
    emit({{"from", "b"}, {"evidence", {3}}});
  });
  graph.SetArray("nodes", [](const JsonDocument::Emit& emit) { emit({{"id", "a"}, {"evidence", "kept"}}); });
  document.SetArray("edges", [](const JsonDocument::Emit& emit) { emit({{"evidence", "kept too"}}); });
  std::vector<std::string> paths;
  const json trimmed = document.ToJsonWithout({}, [&](const std::string& path, json* element) {
    paths.push_back(path);
    if (path == "graph.edges") element->erase("evidence");
  });
  CHECK(trimmed.at("graph").at("edges") == json::array({{{"from", "a"}}, {{"from", "b"}}}));
  CHECK(trimmed.at("graph").at("nodes").at(0).at("evidence") == "kept");
  CHECK(trimmed.at("edges").at(0).at("evidence") == "kept too");
  CHECK(paths == std::vector<std::string>{"edges", "graph.edges", "graph.edges", "graph.nodes"});
  CHECK(document.ToJsonWithout({"graph"}) == json{{"name", "p"}, {"edges", {{{"evidence", "kept too"}}}}});
  // The untrimmed tree is unchanged, and the array can be read on its own.
  CHECK(document.ToJson().at("graph").at("edges").at(1).at("evidence") == json::array({3}));
  json read = json::array();
  document.EachElement({"graph", "edges"}, [&](json element) { read.push_back(std::move(element)); });
  CHECK(read == document.ToJson().at("graph").at("edges"));
  std::size_t none = 0;
  for (const std::vector<std::string>& path : std::vector<std::vector<std::string>>{
           {"graph", "missing"}, {"name", "edges"}, {"graph"}, {"missing"}, {}}) {
    document.EachElement(path, [&](json) { ++none; });
  }
  CHECK(none == 0);
}

TEST_CASE("the example monolith's reports are written member by member, byte for byte", "[report][json]") {
  seams::RealFileSystem fs;
  seams::AnalysisOptions options;
  options.cluster = true;
  const seams::Analysis analysis = seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise", options);
  REQUIRE(analysis.has_proposal);
  const json report = seams::BuildAnalysisReport(analysis);
  // Every member the streamed writer handles differently is present and not empty.
  for (const char* key : {"modules", "module_imports", "relations", "contexts", "cross_context", "plan"}) {
    CAPTURE(key);
    CHECK_FALSE(report.at(key).empty());
  }
  CHECK(report.at("graph").at("nodes").at(0).contains("context"));
  CHECK(Written(seams::AnalysisDocument(analysis)) == Dumped(report));
  for (auto level : {seams::GraphLevel::kModule, seams::GraphLevel::kApp, seams::GraphLevel::kModel}) {
    CHECK(Written(seams::GraphDocument(analysis, level)) == Dumped(seams::BuildGraphReport(analysis, level)));
  }
}

TEST_CASE("the board is the same page with its edges read one by one from the document", "[report][html]") {
  // `seams analyze` hands the board a tree whose edges lack their evidence (the
  // views do not read it) and the edges themselves from the document.
  seams::RealFileSystem fs;
  seams::AnalysisOptions options;
  options.cluster = true;
  const seams::Analysis analysis = seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise", options);
  const JsonDocument document = seams::AnalysisDocument(analysis);
  std::ostringstream whole, streamed;
  seams::WriteReportHtml(document.ToJson(), whole);
  const json trimmed = document.ToJsonWithout({"modules", "module_imports"}, [](const std::string& path, json* element) {
    if (path == "graph.edges") element->erase("evidence");
  });
  REQUIRE(trimmed.at("graph").at("edges").size() > 100);
  CHECK_FALSE(trimmed.at("graph").at("edges").at(0).contains("evidence"));
  const JsonDocument::Elements edges = [&document](const JsonDocument::Emit& emit) {
    document.EachElement({"graph", "edges"}, emit);
  };
  seams::WriteReportHtml(trimmed, streamed, &edges);
  CHECK(whole.str().find("\"evidence\":[{\"detail\"") != std::string::npos);
  CHECK(streamed.str() == whole.str());
}

TEST_CASE("Django's own report is written member by member, byte for byte", "[report][json][django]") {
  seams::RealFileSystem fs;
  seams::AnalysisOptions options = seams::test::DjangoOptions();
  options.cluster = true;
  const seams::Analysis analysis = seams::Analyze(fs, SEAMS_DJANGO_DIR, options);
  const json report = seams::BuildAnalysisReport(analysis);
  CHECK(report.at("module_imports").size() > 1000);
  CHECK(Written(seams::AnalysisDocument(analysis)) == Dumped(report));
  CHECK(Written(seams::GraphDocument(analysis, seams::GraphLevel::kApp)) ==
        Dumped(seams::BuildGraphReport(analysis, seams::GraphLevel::kApp)));
}

TEST_CASE("the board's data is written from the report without a copy, and cannot end its script", "[report][html]") {
  // A report with the members the board reads; evidence that would close the script element.
  const json report = {
      {"schema", "seams.analysis/3"},
      {"project", {{"name", "p</script>"}}},
      {"contexts", {{{"name", "orders"}, {"members", {{{"id", "orders.models"}, {"confidence", 0.5}}}}}}},
      {"shared_kernel", {{{"id", "core"}, {"reason", "a </b> reason"}}}},
      {"undecided", json::array()},
      {"graph",
       {{"nodes", {{{"id", "orders.models"}, {"kind", "module"}}, {{"id", "core"}, {"kind", "module"}}}},
        {"edges", {{{"from", "orders.models"}, {"to", "core"},
                    {"evidence", {{{"path", "orders/models.py"}, {"line", 3}, {"detail", "x = '</script><script>alert(1)'"}}}}}}}}}};
  std::ostringstream out;
  seams::WriteReportHtml(report, out);
  const std::string html = out.str();
  const std::string open = "<script id=\"seams-data\" type=\"application/json\">";
  const std::size_t start = html.find(open);
  REQUIRE(start != std::string::npos);
  const std::size_t end = html.find("</script>", start);
  REQUIRE(end != std::string::npos);
  const std::string data = html.substr(start + open.size(), end - start - open.size());
  CHECK(data.find("</") == std::string::npos);
  const json page = json::parse(data);
  CHECK(page.at("edges") == report.at("graph").at("edges"));
  CHECK(page.at("nodes") == report.at("graph").at("nodes"));
  CHECK(page.at("project") == "p</script>");
  CHECK(page.at("kernel") == json{{"core", "a </b> reason"}});
  CHECK(page.at("confidence") == json{{"orders.models", 0.5}});
  // Compact, keys in order: what nlohmann's dump writes for the same page, "</" escaped.
  json whole = page;
  std::string dumped = whole.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string escaped;
  for (std::size_t i = 0; i < dumped.size(); ++i) {
    escaped += dumped[i];
    if (dumped[i] == '<' && i + 1 < dumped.size() && dumped[i + 1] == '/') escaped += '\\';
  }
  CHECK(data == escaped);
}
