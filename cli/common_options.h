#pragma once
/// Options shared by the commands that analyse a tree.

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "lib/analysis_options.h"
#include "lib/pipeline.h"

namespace seams::cli {

/// What every analysing command accepts.
struct CommonOptions {
  std::string path = ".";
  /// The analysis flags, as typed: ResolveAnalysisOptions (lib/analysis_options.h) weighs
  /// them against the config. check defaults `cache_dir` to PATH/.seams-cache.
  AnalysisFlags analysis;
  bool quiet = false;
  bool verbose = false;
  std::string color = "auto";  ///< auto | always | never
};

/// Adds PATH, --exclude, --jobs, --max-file-size, the Django vocabulary, the cache,
/// --quiet, --verbose and --color to `command`.
void AddCommonOptions(CLI::App* command, CommonOptions* options);

/// Runs the analysis with a progress line on stderr while it discovers and
/// parses (only when stderr is a terminal and not --quiet), then, with
/// --verbose, prints how long each stage took.
Analysis& RunAnalysis(const FileSystem& fs, const std::string& root, const AnalysisOptions& options,
                     const CommonOptions& common, std::ostream& err);

/// Prints warnings and errors (all diagnostics with --verbose) and a one-line
/// summary; severities in colour when --color allows it on stderr.
void PrintDiagnostics(const Analysis& analysis, const CommonOptions& options, std::ostream& err);

/// Writes `text` to `path`, creating parent directories. Throws SeamsError(kInput) on failure.
void WriteFile(const std::string& path, const std::string& text);
/// WriteFile, with the bytes written by `write` as they are made.
void WriteFileWith(const std::string& path, const std::function<void(std::ostream&)>& write);

/// Writes `text` to stdout when `path` is empty or "-", else to the file `path`.
void WriteOutput(const std::string& path, const std::string& text);
/// The same, for text written by `write` as it is made (a large report).
void WriteOutputWith(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace seams::cli
