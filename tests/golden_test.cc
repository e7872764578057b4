// Golden files for what users read: the graph report of a small fixture in JSON
// and DOT at both levels. SEAMS_UPDATE_GOLDEN=1 rewrites them; review the diff.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "reports/graph_report.h"
#include "tests/test_support.h"

namespace {

std::string Render(const seams::Analysis& analysis, seams::GraphLevel level, const std::string& format) {
  std::ostringstream out;
  seams::FindGraphReporter(format)(seams::BuildGraphReport(analysis, level), out);
  return out.str();
}

void CheckGolden(const std::string& actual, const std::string& name) {
  seams::test::CheckGolden(actual, std::string(SEAMS_SOURCE_DIR) + "/tests/fixtures/small/expected/" + name);
}

seams::Analysis AnalyzeFixture(unsigned jobs) {
  seams::RealFileSystem fs;
  seams::AnalysisOptions options;
  options.parse.jobs = jobs;
  return seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/tests/fixtures/small", options);
}

}  // namespace

TEST_CASE("golden graph reports of tests/fixtures/small", "[golden]") {
  auto analysis = AnalyzeFixture(1);
  CheckGolden(Render(analysis, seams::GraphLevel::kModule, "json"), "graph-module.json");
  CheckGolden(Render(analysis, seams::GraphLevel::kModule, "dot"), "graph-module.dot");
  CheckGolden(Render(analysis, seams::GraphLevel::kApp, "json"), "graph-app.json");
  CheckGolden(Render(analysis, seams::GraphLevel::kApp, "dot"), "graph-app.dot");
  CheckGolden(Render(analysis, seams::GraphLevel::kModel, "json"), "graph-model.json");
  CheckGolden(Render(analysis, seams::GraphLevel::kModel, "dot"), "graph-model.dot");
  CheckGolden(Render(analysis, seams::GraphLevel::kModule, "mermaid"), "graph-module.mmd");
  CheckGolden(Render(analysis, seams::GraphLevel::kApp, "mermaid"), "graph-app.mmd");
  CheckGolden(Render(analysis, seams::GraphLevel::kModel, "mermaid"), "graph-model.mmd");
}

TEST_CASE("same bytes for any thread count", "[golden][determinism]") {
  auto one = AnalyzeFixture(1);
  auto many = AnalyzeFixture(4);
  CHECK(Render(one, seams::GraphLevel::kModule, "json") == Render(many, seams::GraphLevel::kModule, "json"));
  CHECK(Render(one, seams::GraphLevel::kApp, "dot") == Render(many, seams::GraphLevel::kApp, "dot"));
}

TEST_CASE("the small fixture's facts", "[golden]") {
  auto analysis = AnalyzeFixture(2);
  CHECK(analysis.layout.settings_module == "mysite.settings");
  std::vector<std::string> labels;
  for (const auto& app : analysis.layout.apps) labels.push_back(app.label);
  CHECK(labels == std::vector<std::string>{"catalog", "core", "sales"});
  // The broken legacy module is a diagnostic, not a failure.
  bool syntax_error = false;
  for (const auto& d : analysis.diagnostics) syntax_error |= d.code == "syntax-error" && d.path == "core/legacy.py" && d.line == 1;
  CHECK(syntax_error);
}
