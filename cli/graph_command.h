#pragma once
/// `seams graph PATH --level module|app --format json|dot [-o FILE]`

#include <CLI/CLI.hpp>
#include <functional>

namespace seams::cli {

/// Registers the `graph` subcommand; `*run` is set to its action.
void SetupGraphCommand(CLI::App* app, std::function<int()>* run);

}  // namespace seams::cli
