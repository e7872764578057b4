#pragma once
/// The legibility flags of every diagram: --min-weight, --top, --collapse-apps,
/// --hide-kernel, --cross-only, --context.

#include <CLI/CLI.hpp>

#include "reports/view.h"

namespace seams::cli {

/// Adds the flags that fill `options` to `command`.
void AddViewOptions(CLI::App* command, ViewOptions* options);

}  // namespace seams::cli
