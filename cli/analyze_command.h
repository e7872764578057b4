#pragma once
/// `seams analyze PATH -o DIR`: every report into one folder.

#include <CLI/CLI.hpp>
#include <functional>

namespace seams::cli {

/// Registers the `analyze` subcommand; `*run` is set to its action.
void SetupAnalyzeCommand(CLI::App* app, std::function<int()>* run);

}  // namespace seams::cli
