#include "cli/cluster_command.h"

#include <iostream>
#include <memory>
#include <sstream>

#include "cli/cluster_options.h"
#include "cli/common_options.h"
#include "cli/config_loading.h"
#include "lib/core/file_system.h"
#include "reports/analysis_report.h"
#include "reports/proposal_render.h"

namespace seams::cli {

namespace {

struct ClusterCommandOptions {
  CommonOptions common;
  ClusterFlags cluster;
  std::string config;
  std::string format = DefaultFormats(ProposalFormats()).front();
};

int RunCluster(const ClusterCommandOptions& options) {
  Analysis& analysis = AnalyzeAndCluster(options.common, options.cluster, options.config, std::cerr);
  nlohmann::json report = BuildAnalysisReport(analysis);
  FindFormat(ProposalFormats(), options.format)->render(report, std::cout);
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
  command->add_option("--format", options->format, FormatHelp(ProposalFormats()))
      ->check(CLI::IsMember(FormatNames(ProposalFormats())))
      ->capture_default_str();
  command->callback([run, options]() { *run = [options]() { return RunCluster(*options); }; });
}

}  // namespace seams::cli
