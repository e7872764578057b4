#pragma once
/// Finding and applying the project's config for a command.

#include <string>

#include "lib/config/config.h"
#include "lib/pipeline.h"

namespace seams::cli {

/// The config named by `explicit_path`, else the one found from `project_path`
/// upwards; a default Config (path "") when there is none and `required` is false.
/// Throws SeamsError(kConfig) when `required` and none is found.
Config LoadProjectConfig(const std::string& project_path, const std::string& explicit_path, bool required);

/// The directory to analyse: `path`, or the config's `root` (relative to the
/// config file's directory) when the config sets one other than ".".
std::string AnalysisRoot(const Config& config, const std::string& path);

}  // namespace seams::cli
