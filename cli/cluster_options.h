#pragma once
/// Options of the commands that propose contexts (`analyze`, `cluster`).

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/common_options.h"
#include "lib/pipeline.h"

namespace seams::cli {

/// The clustering flags as typed.
struct ClusterFlags {
  std::string level = "model";
  int services = 0;
  double resolution = 1.0;
  std::uint64_t seed = 1;
  int consensus_runs = 10;
  bool include_tests = false;
  std::string scope;                 ///< "application" or "project"; "" leaves config's or the default.
  std::vector<std::string> inside;   ///< Members always inside the application.
  std::vector<std::string> outside;  ///< Members always outside it.
  bool no_shared_kernel = false;
  double hub_share = 0.5;
  double same_app = 2.0;
  std::vector<std::string> weights;  ///< "kind=value"
};

/// Adds --level, --services, --resolution, --seed, --consensus-runs, --include-tests,
/// --scope, --inside, --outside, --no-shared-kernel, --hub-share and --weight to `command`.
void AddClusterOptions(CLI::App* command, ClusterFlags* flags);

/// Turns the flags on in `options`, over what the config set (the command line wins;
/// --inside and --outside add to the config's lists). Throws SeamsError(kUsage) for a bad --weight.
void ApplyClusterFlags(const ClusterFlags& flags, AnalysisOptions* options);

/// What `analyze`, `cluster` and `init` share: the common and clustering flags,
/// the project's config when there is one (`config_path`, else searched upwards:
/// exclusions, weights, pins, kernel members, root), then the analysis itself,
/// with its diagnostics printed to `err`.
Analysis AnalyzeAndCluster(const CommonOptions& common, const ClusterFlags& flags, const std::string& config_path,
                           std::ostream& err);

}  // namespace seams::cli
