#include "reports/analysis_outputs.h"

#include <cctype>
#include <sstream>

#include "reports/analysis_report.h"
#include "reports/data_report.h"
#include "reports/graph_report.h"
#include "reports/html_report.h"
#include "reports/proposal_render.h"

namespace seams {

namespace {

template <typename Render>
std::string TextOf(Render&& render) {
  std::ostringstream text;
  render(text);
  return text.str();
}

constexpr std::pair<GraphLevel, const char*> kGraphLevels[] = {
    {GraphLevel::kModule, "modules"}, {GraphLevel::kApp, "apps"}, {GraphLevel::kModel, "models"}};

void WriteJsonFiles(AnalysisOutputs& outputs, const FileSink& sink) {
  // Written member by member: as one tree, a large project's report takes more memory than its facts.
  sink({"report.json", "", "", [&](std::ostream& out) { outputs.document().Write(out); }});
  // The shared-database phase of the split, for the database architect: it reads the data plan.
  const nlohmann::json data = {{"data", outputs.document().Member("data")},
                               {"project", outputs.document().Member("project")}};
  sink({"schema-split.sql", TextOf([&](std::ostream& out) { WriteSchemaSplitSql(data, out); }), "", {}});
  for (const auto& [level, name] : kGraphLevels) {
    const JsonDocument graph = GraphDocument(outputs.analysis(), level);
    sink({std::string("graph/") + name + ".json", "", "", [&](std::ostream& out) { graph.Write(out); }});
  }
}

// Every view in one view format (`name`, a row of ViewFormats()).
void WriteViews(AnalysisOutputs& outputs, const FileSink& sink, std::string_view name) {
  const Format<ViewRenderer>* format = FindFormat(ViewFormats(), name);
  const std::string extension = name == "mermaid" ? "mmd" : std::string(name);
  for (const auto& named : outputs.views()) {
    const View& view = named.second;  // a plain reference: clang 14 cannot capture a structured binding
    std::string text = TextOf([&](std::ostream& out) { format->render.write(view, out); });
    sink({named.first + "." + extension, std::move(text), format->render.graphviz ? std::string(name) : "", {}});
  }
}

void WriteDotFiles(AnalysisOutputs& outputs, const FileSink& sink) {
  for (const auto& [level, name] : kGraphLevels) {
    nlohmann::json graph = BuildGraphReport(outputs.analysis(), level);
    sink({std::string("graph/") + name + ".dot", TextOf([&](std::ostream& out) { WriteGraphDot(graph, out); }), "", {}});
  }
  WriteViews(outputs, sink, "dot");
}

void WriteMermaidFiles(AnalysisOutputs& outputs, const FileSink& sink) { WriteViews(outputs, sink, "mermaid"); }
void WriteSvgFiles(AnalysisOutputs& outputs, const FileSink& sink) { WriteViews(outputs, sink, "svg"); }
void WritePngFiles(AnalysisOutputs& outputs, const FileSink& sink) { WriteViews(outputs, sink, "png"); }

void WriteHandout(AnalysisOutputs& outputs, const FileSink& sink) {
  sink({"report.md", TextOf([&](std::ostream& out) { WriteHandoutMarkdown(outputs.report(), out); }), "", {}});
}

void WriteBoard(AnalysisOutputs& outputs, const FileSink& sink) {
  // The page's edges with their evidence come from the document one at a time:
  // the tree the views share holds the edges without it (AnalysisOutputs::report).
  const JsonDocument::Elements edges = [&outputs](const JsonDocument::Emit& emit) {
    outputs.document().EachElement({"graph", "edges"}, emit);
  };
  sink({"report.html", "", "", [&](std::ostream& out) { WriteReportHtml(outputs.report(), out, &edges); }});
}

}  // namespace

std::string OutputFile::Text() const {
  if (!stream) return text;
  return TextOf(stream);
}

AnalysisOutputs::AnalysisOutputs(const Analysis& analysis, ViewOptions view_options)
    : analysis_(analysis), document_(AnalysisDocument(analysis)), view_options_(std::move(view_options)) {}

const nlohmann::json& AnalysisOutputs::report() {
  // No view reads the import graph (`modules`, `module_imports`): its tree is left out.
  // Nor the evidence of the coupling graph's edges: the board writes it from the
  // document itself, and no view reads it (at 5M lines, most of the tree).
  if (!report_) {
    report_ = std::make_unique<nlohmann::json>(document_.ToJsonWithout(
        {"modules", "module_imports"}, [](const std::string& path, nlohmann::json* element) {
          if (path == "graph.edges") element->erase("evidence");
        }));
  }
  return *report_;
}

const std::vector<std::pair<std::string, View>>& AnalysisOutputs::views() {
  if (views_built_) return views_;
  views_built_ = true;
  ViewBuilder builder(report());
  for (const auto& [kind, name] : {std::pair{ViewKind::kContexts, "contexts"}, std::pair{ViewKind::kApps, "apps"},
                                   std::pair{ViewKind::kModels, "models"}}) {
    views_.emplace_back(name, builder.Build(kind, view_options_));
  }
  for (const auto& context : report().at("contexts")) {
    ViewOptions one = view_options_;
    one.context = context.at("name").get<std::string>();
    std::string stem = "contexts/" + ContextFileName(one.context);
    views_.emplace_back(stem, builder.Build(ViewKind::kContext, one));
    views_.emplace_back(stem + "-models", builder.Build(ViewKind::kModels, one));
  }
  return views_;
}

const std::vector<Format<AnalysisWriter>>& AnalysisFormats() {
  static const std::vector<Format<AnalysisWriter>> kFormats = {
      {"json", "report.json, schema-split.sql and the as-is graphs", &WriteJsonFiles, true},
      {"dot", "the views and the as-is graphs as Graphviz DOT", &WriteDotFiles, true},
      {"mermaid", "the views as Mermaid", &WriteMermaidFiles, true},
      {"md", "report.md, the handout", &WriteHandout, true},
      {"html", "report.html, the workshop board", &WriteBoard, true},
      {"svg", "the views drawn by Graphviz (needs dot)", &WriteSvgFiles},
      {"png", "the views drawn by Graphviz (needs dot)", &WritePngFiles},
  };
  return kFormats;
}

std::string ContextFileName(const std::string& name) {
  std::string out;
  for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' ? c : '_';
  return out;
}

}  // namespace seams
