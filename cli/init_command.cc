#include "cli/init_command.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/cluster_options.h"
#include "cli/common_options.h"
#include "lib/config/init_config.h"
#include "lib/core/error.h"

namespace seams::cli {

namespace {

struct InitOptions {
  CommonOptions common;
  ClusterFlags cluster;
  std::string output;
  bool force = false;
};

int RunInit(const InitOptions& options) {
  std::string output = options.output.empty() ? options.common.path + "/seams.toml" : options.output;
  if (std::filesystem::exists(output) && !options.force) {
    throw SeamsError(ErrorKind::kUsage, output + " already exists\n  help: pass --force to overwrite it");
  }
  Analysis& analysis = AnalyzeAndCluster(options.common, options.cluster, "", std::cerr);
  WriteFile(output, InitialConfigText(analysis));
  if (!options.common.quiet) {
    std::cerr << "seams: wrote " << output << " with " << analysis.proposal.contexts.size() << " contexts\n";
  }
  return 0;
}

}  // namespace

void SetupInitCommand(CLI::App* app, std::function<int()>* run) {
  auto options = std::make_shared<InitOptions>();
  CLI::App* command = app->add_subcommand("init", "Write a seams.toml from a clustering proposal");
  command->footer("Example:\n  seams init . --services 8 && seams check . --write-baseline .seams-baseline.json");
  AddCommonOptions(command, &options->common);
  AddClusterOptions(command, &options->cluster);
  command->add_option("-o,--output", options->output, "Where to write (default: PATH/seams.toml)");
  command->add_flag("--force", options->force, "Overwrite an existing file");
  command->callback([run, options]() { *run = [options]() { return RunInit(*options); }; });
}

}  // namespace seams::cli
