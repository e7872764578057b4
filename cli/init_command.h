#pragma once
/// `seams init PATH [--services N] [-o seams.toml] [--force]`

#include <CLI/CLI.hpp>
#include <functional>

namespace seams::cli {

/// Registers the `init` subcommand; `*run` is set to its action.
void SetupInitCommand(CLI::App* app, std::function<int()>* run);

}  // namespace seams::cli
