#include "cli/cluster_command.h"

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

struct ClusterCommandOptions {
  CommonOptions common;
  ClusterFlags cluster;
  std::string config;
  std::string format = "text";
};

int RunCluster(const ClusterCommandOptions& options) {
  Analysis analysis = AnalyzeAndCluster(options.common, options.cluster, options.config, std::cerr);
  nlohmann::json report = BuildAnalysisReport(analysis);
  if (options.format == "json") WriteJson(report, std::cout);
  else if (options.format == "dot") WriteContextsDot(report, std::cout);
  else WriteProposalSummary(report, std::cout);
  return 0;
}

}  // namespace

void SetupClusterCommand(CLI::App* app, std::function<int()>* run) {
  auto options = std::make_shared<ClusterCommandOptions>();
  CLI::App* command = app->add_subcommand("cluster", "Propose bounded contexts and print them as a table");
  command->footer("Example:\n  seams cluster examples/shopwise --services 7");
  AddCommonOptions(command, &options->common);
  AddClusterOptions(command, &options->cluster);
  command->add_option("--config", options->config, "Config file (default: seams.toml or pyproject.toml, searched upwards)");
  command->add_option("--format", options->format, "text, json or dot")
      ->check(CLI::IsMember({"text", "json", "dot"}))
      ->capture_default_str();
  command->callback([run, options]() { *run = [options]() { return RunCluster(*options); }; });
}

}  // namespace seams::cli
