#include "cli/analyze_command.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "cli/cluster_options.h"
#include "cli/common_options.h"
#include "cli/config_loading.h"
#include "cli/graphviz.h"
#include "cli/view_options.h"
#include "lib/core/error.h"
#include "reports/analysis_report.h"
#include "reports/data_report.h"
#include "reports/html_report.h"
#include "reports/graph_report.h"
#include "reports/proposal_render.h"
#include "reports/view.h"

namespace seams::cli {

namespace {

struct AnalyzeOptions {
  CommonOptions common;
  ClusterFlags cluster;
  std::string config;
  std::string output = "seams-report";
  std::vector<std::string> formats = {"json", "dot", "mermaid", "md", "html"};
  ViewOptions view_options;
};

/// A context name as a file name: letters, digits, '.', '-' and '_' kept.
std::string FileName(const std::string& name) {
  std::string out;
  for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' ? c : '_';
  return out;
}

class Writer {
 public:
  Writer(const AnalyzeOptions& options) : options_(options) {}

  void Write(const std::string& name, const std::string& text) {
    std::string path = options_.output + "/" + name;
    WriteFile(path, text);
    Wrote(path);
  }

  void Render(const std::string& name, const std::string& dot, const std::string& format) {
    std::string path = options_.output + "/" + name;
    RenderWithGraphviz(dot, format, path);
    Wrote(path);
  }

  /// One line for the folder (one per file with --verbose).
  void Summarize() const {
    if (options_.common.quiet || options_.common.verbose || written_ == 0) return;
    std::cerr << "seams: wrote " << written_ << " files to " << options_.output << "/"
              << (options_.formats.size() > 0 ? " (" : "");
    for (std::size_t i = 0; i < options_.formats.size(); ++i) std::cerr << (i ? ", " : "") << options_.formats[i];
    std::cerr << ")" << (has_handout_ ? "; start with " + options_.output + "/report.md" : std::string()) << '\n';
  }

 private:
  void Wrote(const std::string& path) {
    ++written_;
    has_handout_ = has_handout_ || path == options_.output + "/report.md";
    if (!options_.common.quiet && options_.common.verbose) std::cerr << "seams: wrote " << path << '\n';
  }
  const AnalyzeOptions& options_;
  std::size_t written_ = 0;
  bool has_handout_ = false;
};

int RunAnalyze(const AnalyzeOptions& options) {
  const std::set<std::string> formats(options.formats.begin(), options.formats.end());
  Analysis analysis = AnalyzeAndCluster(options.common, options.cluster, options.config, std::cerr);
  // The report is the contract; every other file is a view of it.
  nlohmann::json report = BuildAnalysisReport(analysis);
  Writer writer(options);
  auto text_of = [](auto&& render) {
    std::ostringstream text;
    render(text);
    return text.str();
  };
  if (formats.count("json")) {
    writer.Write("report.json", text_of([&](std::ostream& out) { WriteJson(report, out); }));
    // The shared-database phase of the split, for the database architect.
    writer.Write("schema-split.sql", text_of([&](std::ostream& out) { WriteSchemaSplitSql(report, out); }));
    const std::pair<GraphLevel, const char*> levels[] = {
        {GraphLevel::kModule, "modules"}, {GraphLevel::kApp, "apps"}, {GraphLevel::kModel, "models"}};
    for (const auto& [level, name] : levels) {
      nlohmann::json graph = BuildGraphReport(analysis, level);
      writer.Write(std::string("graph/") + name + ".json", text_of([&](std::ostream& out) { WriteJson(graph, out); }));
      if (formats.count("dot")) {
        writer.Write(std::string("graph/") + name + ".dot", text_of([&](std::ostream& out) { WriteGraphDot(graph, out); }));
      }
    }
  }
  if (formats.count("html")) {
    writer.Write("report.html", text_of([&](std::ostream& out) { WriteReportHtml(report, out); }));
  }
  if (formats.count("md")) {
    writer.Write("report.md", text_of([&](std::ostream& out) { WriteHandoutMarkdown(report, out); }));
  }
  // The views: the context map, the apps, the models, and each context alone.
  std::vector<std::pair<std::string, View>> views;
  for (const auto& [kind, name] : {std::pair{ViewKind::kContexts, "contexts"}, std::pair{ViewKind::kApps, "apps"},
                                   std::pair{ViewKind::kModels, "models"}}) {
    views.emplace_back(name, BuildView(report, kind, options.view_options));
  }
  for (const auto& context : report.at("contexts")) {
    ViewOptions one = options.view_options;
    one.context = context.at("name").get<std::string>();
    views.emplace_back("contexts/" + FileName(one.context), BuildView(report, ViewKind::kContext, one));
    views.emplace_back("contexts/" + FileName(one.context) + "-models", BuildView(report, ViewKind::kModels, one));
  }
  for (const auto& named : views) {
    const std::string& name = named.first;
    const View& view = named.second;  // a plain reference: clang 14 cannot capture a structured binding
    std::string dot = text_of([&](std::ostream& out) { WriteViewDot(view, out); });
    if (formats.count("dot")) writer.Write(name + ".dot", dot);
    if (formats.count("mermaid")) writer.Write(name + ".mmd", text_of([&](std::ostream& out) { WriteViewMermaid(view, out); }));
    for (const std::string format : {"svg", "png"}) {
      if (formats.count(format)) writer.Render(name + "." + format, dot, format);
    }
  }
  writer.Summarize();
  return 0;
}

}  // namespace

void SetupAnalyzeCommand(CLI::App* app, std::function<int()>* run) {
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* command = app->add_subcommand("analyze", "Analyse a Django project and write every report to a folder");
  command->footer(
      "Writes report.json (the contract), report.md (the handout), report.html (the interactive workshop board),\n"
      "contexts/apps/models views and one view per\n"
      "context as DOT and Mermaid, and the as-is graphs under graph/. `seams diagram` redraws any view later.\n"
      "Examples:\n"
      "  seams analyze examples/shopwise -o seams-report\n"
      "  seams analyze . --services 12 --format json,md,svg --hide-kernel");
  AddCommonOptions(command, &options->common);
  AddClusterOptions(command, &options->cluster);
  command->add_option("--config", options->config, "Config file (default: seams.toml or pyproject.toml, searched upwards)");
  command->add_option("-o,--output", options->output, "Folder for the reports")->capture_default_str();
  command->add_option("--format", options->formats, "Comma-separated: json, dot, mermaid, md, html, svg, png (svg and png need Graphviz)")
      ->delimiter(',')
      ->check(CLI::IsMember({"json", "dot", "mermaid", "md", "html", "svg", "png"}))
      ->capture_default_str();
  AddViewOptions(command, &options->view_options);
  command->callback([run, options]() { *run = [options]() { return RunAnalyze(*options); }; });
}

}  // namespace seams::cli
