#pragma once
/// Options shared by the commands that analyse a tree.

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>
#include <vector>

#include "lib/pipeline.h"

namespace seams::cli {

/// What every analysing command accepts.
struct CommonOptions {
  std::string path = ".";
  std::vector<std::string> exclude;
  unsigned jobs = 0;
  std::uint64_t max_file_bytes = 10u << 20;
  std::vector<std::string> model_bases;
  std::vector<std::string> model_loaders;
  std::vector<std::string> class_loaders;
  std::string cache_dir;  ///< Facts cache; "" for none (check defaults to PATH/.seams-cache).
  bool no_cache = false;
  bool quiet = false;
  bool verbose = false;
  std::string color = "auto";  ///< auto | always | never
};

/// Adds PATH, --exclude, --jobs, --max-file-size, --quiet and --verbose to `command`.
void AddCommonOptions(CLI::App* command, CommonOptions* options);

/// The analysis options those flags describe.
AnalysisOptions ToAnalysisOptions(const CommonOptions& options);

/// Runs the analysis with a progress line on stderr while it discovers and
/// parses (only when stderr is a terminal and not --quiet), then, with
/// --verbose, prints how long each stage took.
Analysis RunAnalysis(const FileSystem& fs, const std::string& root, const AnalysisOptions& options,
                     const CommonOptions& common, std::ostream& err);

/// Prints warnings and errors (all diagnostics with --verbose) and a one-line
/// summary; severities in colour when --color allows it on stderr.
void PrintDiagnostics(const Analysis& analysis, const CommonOptions& options, std::ostream& err);

/// Writes `text` to `path`, creating parent directories. Throws SeamsError(kInput) on failure.
void WriteFile(const std::string& path, const std::string& text);

/// Writes `text` to stdout when `path` is empty or "-", else to the file `path`.
void WriteOutput(const std::string& path, const std::string& text);

}  // namespace seams::cli
