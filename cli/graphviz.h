#pragma once
/// Rendering DOT to SVG or PNG through Graphviz's `dot`, when it is installed.

#include <string>

namespace seams::cli {

/// Renders `dot_source` with `dot -T<format>` into `output` ("" or "-": stdout).
/// Throws SeamsError (kUsage) when `dot` is not on PATH, saying how to install
/// it, and (kInput) when `dot` fails.
void RenderWithGraphviz(const std::string& dot_source, const std::string& format, const std::string& output);

}  // namespace seams::cli
