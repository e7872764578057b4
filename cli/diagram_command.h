#pragma once
/// `seams diagram REPORT.json`: redraws a view of a saved report.

#include <CLI/CLI.hpp>
#include <functional>

namespace seams::cli {

/// Adds the `diagram` subcommand; `*run` is set to its action when it is chosen.
void SetupDiagramCommand(CLI::App* app, std::function<int()>* run);

}  // namespace seams::cli
