// One format registry per command: the names, the defaults, the help and the
// lookup all read one table, and `seams analyze`'s formats write exactly the
// files the table says they write.

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "lib/core/file_system.h"
#include "reports/analysis_outputs.h"
#include "reports/analysis_report.h"
#include "reports/check_render.h"
#include "reports/explain.h"
#include "reports/graph_report.h"
#include "reports/proposal_render.h"
#include "reports/score_report.h"
#include "reports/view.h"

namespace {

using Names = std::vector<std::string>;

template <typename Render>
void CheckTable(const std::vector<seams::Format<Render>>& table, const Names& names, const Names& defaults) {
  CHECK(seams::FormatNames(table) == names);
  CHECK(seams::DefaultFormats(table) == defaults);
  std::set<std::string> unique(names.begin(), names.end());
  CHECK(unique.size() == names.size());
  std::string help = seams::FormatHelp(table);
  for (const auto& format : table) {
    INFO(format.name);
    CHECK(seams::FindFormat(table, format.name) == &format);
    CHECK(!format.description.empty());
    CHECK(help.find(std::string(format.name) + ": " + std::string(format.description)) != std::string::npos);
  }
  CHECK(seams::FindFormat(table, "xml") == nullptr);
  CHECK(seams::FindFormat(table, "") == nullptr);
}

// The files each analyze format writes for shopwise, by format.
std::map<std::string, std::vector<seams::OutputFile>> AnalyzeFiles() {
  seams::RealFileSystem fs;
  seams::AnalysisOptions options;
  options.cluster = true;
  seams::Analysis analysis = seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise", options);
  seams::AnalysisOutputs outputs(analysis, seams::ViewOptions{});
  std::map<std::string, std::vector<seams::OutputFile>> files;
  for (const auto& format : seams::AnalysisFormats()) {
    format.render(outputs, [&](const seams::OutputFile& file) { files[std::string(format.name)].push_back({file.path, file.Text(), file.graphviz, {}}); });
  }
  return files;
}

Names Paths(const std::vector<seams::OutputFile>& files) {
  Names paths;
  for (const auto& file : files) paths.push_back(file.path);
  return paths;
}

}  // namespace

TEST_CASE("formats: every command's table gives its names, defaults, help and lookup", "[formats]") {
  CheckTable(seams::GraphFormats(), {"json", "dot", "mermaid"}, {"json"});
  CheckTable(seams::CheckFormats(), {"github", "json", "junit", "sarif", "text"}, {"text"});
  CheckTable(seams::ProposalFormats(), {"text", "json", "dot"}, {"text"});
  CheckTable(seams::ViewFormats(), {"dot", "mermaid", "svg", "png"}, {"dot"});
  CheckTable(seams::ExplainFormats(), {"text", "json"}, {"text"});
  CheckTable(seams::ScoreFormats(), {"text", "json"}, {"text"});
  CheckTable(seams::AnalysisFormats(), {"json", "dot", "mermaid", "md", "html", "svg", "png"},
             {"json", "dot", "mermaid", "md", "html"});
  // Only the Graphviz formats need Graphviz.
  for (const auto& format : seams::ViewFormats()) {
    CHECK(format.render.graphviz == (format.name == "svg" || format.name == "png"));
  }
}

TEST_CASE("formats: each analyze format writes its own files, and the views in every view format", "[formats]") {
  auto files = AnalyzeFiles();
  REQUIRE(files.size() == 7);
  CHECK(Paths(files["json"]) ==
        Names{"report.json", "schema-split.sql", "graph/modules.json", "graph/apps.json", "graph/models.json"});
  CHECK(Paths(files["md"]) == Names{"report.md"});
  CHECK(Paths(files["html"]) == Names{"report.html"});
  CHECK(files["json"][0].text.rfind("{\n", 0) == 0);
  CHECK(files["md"][0].text.rfind("# ", 0) == 0);
  CHECK(files["html"][0].text.find("<html") != std::string::npos);

  // The dot format: the three as-is graphs, then the views; the other view formats draw the same views.
  Names dot = Paths(files["dot"]);
  REQUIRE(dot.size() > 5);
  CHECK(Names(dot.begin(), dot.begin() + 6) ==
        Names{"graph/modules.dot", "graph/apps.dot", "graph/models.dot", "contexts.dot", "apps.dot", "models.dot"});
  Names stems;
  for (auto it = dot.begin() + 3; it != dot.end(); ++it) stems.push_back(it->substr(0, it->size() - 4));
  // Each of shopwise's contexts has its map and its models.
  CHECK(std::count_if(stems.begin(), stems.end(), [](const std::string& s) { return s.rfind("contexts/", 0) == 0; }) >= 2 * 5);
  for (const auto& [format, extension] : std::map<std::string, std::string>{{"mermaid", ".mmd"}, {"svg", ".svg"}, {"png", ".png"}}) {
    INFO(format);
    Names expected;
    for (const auto& stem : stems) expected.push_back(stem + extension);
    CHECK(Paths(files[format]) == expected);
    for (const auto& file : files[format]) {
      CHECK(file.graphviz == (format == "mermaid" ? "" : format));
      // Graphviz renders DOT: the svg and png files carry the dot view's text.
      if (format != "mermaid") CHECK(file.text.rfind("digraph", 0) == 0);
    }
  }
  for (const auto& file : files["dot"]) CHECK(file.graphviz.empty());
  CHECK(files["mermaid"][0].text != files["dot"][3].text);
}
