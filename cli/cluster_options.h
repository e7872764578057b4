#pragma once
/// Options of the commands that propose contexts (`analyze`, `cluster`).

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

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
  bool no_shared_kernel = false;
  double hub_share = 0.5;
  double same_app = 2.0;
  std::vector<std::string> weights;  ///< "kind=value"
};

/// Adds --level, --services, --resolution, --seed, --consensus-runs, --include-tests,
/// --no-shared-kernel, --hub-share and --weight to `command`.
void AddClusterOptions(CLI::App* command, ClusterFlags* flags);

/// Turns the flags on in `options`. Throws SeamsError(kUsage) for a bad --weight.
void ApplyClusterFlags(const ClusterFlags& flags, AnalysisOptions* options);

}  // namespace seams::cli
