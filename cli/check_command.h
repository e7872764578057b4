#pragma once
/// `seams check PATH [--config F] [--baseline F | --write-baseline F] [--format …]`

#include <CLI/CLI.hpp>
#include <functional>

namespace seams::cli {

/// Registers the `check` subcommand; `*run` is set to its action.
void SetupCheckCommand(CLI::App* app, std::function<int()>* run);

}  // namespace seams::cli
