#pragma once
/// `seams score CONFIG_OR_PATH`: the proposal's measures for an agreed or
/// edited assignment, and what it changed against a report.

#include <CLI/CLI.hpp>
#include <functional>

namespace seams::cli {

/// Adds the `score` subcommand; `*run` is set to its action when it is chosen.
void SetupScoreCommand(CLI::App* app, std::function<int()>* run);

}  // namespace seams::cli
