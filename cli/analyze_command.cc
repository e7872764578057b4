#include "cli/analyze_command.h"

#include <iostream>
#include <memory>
#include <set>

#include "cli/cluster_options.h"
#include "cli/common_options.h"
#include "cli/config_loading.h"
#include "cli/graphviz.h"
#include "cli/keep_until_exit.h"
#include "cli/view_options.h"
#include "lib/core/error.h"
#include "lib/core/progress.h"
#include "reports/analysis_outputs.h"
#include "reports/analysis_report.h"

namespace seams::cli {

namespace {

struct AnalyzeOptions {
  CommonOptions common;
  ClusterFlags cluster;
  std::string config;
  std::string output = "seams-report";
  std::vector<std::string> formats = DefaultFormats(AnalysisFormats());
  ViewOptions view_options;
};

class Writer {
 public:
  Writer(const AnalyzeOptions& options) : options_(options) {}

  void Write(const OutputFile& file) {
    std::string path = options_.output + "/" + file.path;
    if (!file.graphviz.empty()) RenderWithGraphviz(file.Text(), file.graphviz, path);
    else if (file.stream) WriteFileWith(path, file.stream);
    else WriteFile(path, file.text);
    ++written_;
    has_handout_ = has_handout_ || file.path == "report.md";
    if (!options_.common.quiet && options_.common.verbose) {
      std::cerr << "seams: wrote " << path << "  (peak " << (PeakRssBytes() >> 20) << " MiB)\n";
    }
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
  const AnalyzeOptions& options_;
  std::size_t written_ = 0;
  bool has_handout_ = false;
};

int RunAnalyze(const AnalyzeOptions& options) {
  const std::set<std::string> selected(options.formats.begin(), options.formats.end());
  Analysis& analysis = AnalyzeAndCluster(options.common, options.cluster, options.config, std::cerr);
  ReleaseStageFacts(&analysis);
  // The report is the contract; every other file is a view of it. Kept, like the analysis:
  // destroying a report tree value by value would cost more than the OS takes at exit.
  AnalysisOutputs& outputs = KeepUntilExit(AnalysisOutputs(analysis, options.view_options));
  Writer writer(options);
  for (const auto& format : AnalysisFormats()) {
    if (selected.count(std::string(format.name))) format.render(outputs, [&](const OutputFile& file) { writer.Write(file); });
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
  command->add_option("--format", options->formats, "Comma-separated; " + FormatHelp(AnalysisFormats()))
      ->delimiter(',')
      ->check(CLI::IsMember(FormatNames(AnalysisFormats())))
      ->capture_default_str();
  AddViewOptions(command, &options->view_options);
  command->callback([run, options]() { *run = [options]() { return RunAnalyze(*options); }; });
}

}  // namespace seams::cli
