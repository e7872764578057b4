#pragma once
/// `seams cluster PATH [--services N] [--seed S]`: the proposal as a readable table.

#include <CLI/CLI.hpp>
#include <functional>

namespace seams::cli {

/// Registers the `cluster` subcommand; `*run` is set to its action.
void SetupClusterCommand(CLI::App* app, std::function<int()>* run);

}  // namespace seams::cli
