#pragma once
/// `seams explain PATH A [B]`: the evidence behind a coupling.

#include <CLI/CLI.hpp>
#include <functional>

namespace seams::cli {

/// Adds the `explain` subcommand; `*run` is set to its action when it is chosen.
void SetupExplainCommand(CLI::App* app, std::function<int()>* run);

}  // namespace seams::cli
