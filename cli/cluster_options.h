#pragma once
/// Options of the commands that propose contexts (`analyze`, `cluster`).

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/common_options.h"
#include "lib/pipeline.h"

namespace seams::cli {

/// Adds --level, --services, --resolution, --seed, --consensus-runs, --include-tests,
/// --scope, --inside, --outside, --no-shared-kernel, --hub-share, --same-app and --weight to `command`; the
/// defaults shown by --help are the library's (ProposalOptions).
void AddClusterOptions(CLI::App* command, ClusterFlags* flags);

/// What `analyze`, `cluster` and `init` share: the common and clustering flags
/// weighed against the project's config when there is one (`config_path`, else
/// searched upwards) by ResolveAnalysisOptions, then the analysis itself, with
/// its diagnostics printed to `err`.
Analysis& AnalyzeAndCluster(const CommonOptions& common, const ClusterFlags& flags, const std::string& config_path,
                           std::ostream& err);

}  // namespace seams::cli
