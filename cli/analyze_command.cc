#include "cli/analyze_command.h"

#include <iostream>
#include <memory>
#include <sstream>

#include "cli/cluster_options.h"
#include "cli/common_options.h"
#include "cli/config_loading.h"
#include "lib/core/file_system.h"
#include "reports/analysis_report.h"
#include "reports/graph_report.h"
#include "reports/proposal_render.h"

namespace seams::cli {

namespace {

struct AnalyzeOptions {
  CommonOptions common;
  ClusterFlags cluster;
  std::string config;
  std::string output = "seams-report";
};

int RunAnalyze(const AnalyzeOptions& options) {
  Analysis analysis = AnalyzeAndCluster(options.common, options.cluster, options.config, std::cerr);
  // The report is the contract; the graphs are views of the same analysis.
  nlohmann::json report = BuildAnalysisReport(analysis);
  for (const auto& [name, render] : {std::pair{"report.json", &WriteJson}, std::pair{"contexts.dot", &WriteContextsDot}}) {
    std::ostringstream text;
    render(report, text);
    WriteFile(options.output + "/" + name, text.str());
    if (!options.common.quiet) std::cerr << "seams: wrote " << options.output << "/" << name << '\n';
  }
  // One analysis, every view of it: the same facts rendered per level and format.
  const std::pair<GraphLevel, const char*> levels[] = {
      {GraphLevel::kModule, "modules"}, {GraphLevel::kApp, "apps"}, {GraphLevel::kModel, "models"}};
  for (const auto& [level, name] : levels) {
    nlohmann::json graph_report = BuildGraphReport(analysis, level);
    for (const std::string format : {"json", "dot"}) {
      std::ostringstream text;
      FindGraphReporter(format)(graph_report, text);
      std::string path = options.output + "/" + name + "." + format;
      WriteFile(path, text.str());
      if (!options.common.quiet) std::cerr << "seams: wrote " << path << '\n';
    }
  }
  return 0;
}

}  // namespace

void SetupAnalyzeCommand(CLI::App* app, std::function<int()>* run) {
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* command = app->add_subcommand("analyze", "Analyse a Django project and write every report to a folder");
  command->footer("Example:\n  seams analyze examples/shopwise -o seams-report");
  AddCommonOptions(command, &options->common);
  AddClusterOptions(command, &options->cluster);
  command->add_option("--config", options->config, "Config file (default: seams.toml or pyproject.toml, searched upwards)");
  command->add_option("-o,--output", options->output, "Folder for the reports")->capture_default_str();
  command->callback([run, options]() { *run = [options]() { return RunAnalyze(*options); }; });
}

}  // namespace seams::cli
