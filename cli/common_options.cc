#include "cli/common_options.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <ostream>

#include "cli/diagnostic_printer.h"
#include "cli/keep_until_exit.h"
#include "cli/terminal.h"
#include "lib/core/error.h"

namespace seams::cli {

void AddCommonOptions(CLI::App* command, CommonOptions* options) {
  AnalysisFlags& flags = options->analysis;
  command->add_option("path", options->path, "Directory of the Django project (default: .)");
  command->add_option("--exclude", flags.exclude, "Glob of paths to leave out, repeatable (e.g. '**/vendor/**')");
  command->add_option("-j,--jobs", flags.jobs, "Parse threads (default: one per core)");
  command->add_option("--max-file-size", flags.max_file_bytes, "Files larger than this many bytes are not parsed")
      ->default_str(std::to_string(DiscoverOptions{}.max_file_bytes));
  command->add_option("--model-base", flags.model_bases,
                      "Third-party model base class, qualified (e.g. mptt.models.MPTTModel); repeatable");
  command->add_option("--model-loader", flags.model_loaders,
                      "Function called like apps.get_model(app_label, name), besides get_model; repeatable");
  command->add_option("--class-loader", flags.class_loaders,
                      "Function called like oscar's get_class(module, name), besides get_class; repeatable");
  command->add_option("--cache-dir", flags.cache_dir, "Cache of per-file facts keyed by content hash");
  command->add_flag("--no-cache", flags.no_cache, "Do not read or write the facts cache");
  command->add_flag("-q,--quiet", options->quiet, "Print no diagnostics");
  command->add_flag("-v,--verbose", options->verbose, "Print every diagnostic, notes included, and the time of each stage");
  command->add_option("--color", options->color, "Colour on stderr: auto (a terminal, and NO_COLOR unset), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

Analysis& RunAnalysis(const FileSystem& fs, const std::string& root, const AnalysisOptions& options,
                     const CommonOptions& common, std::ostream& err) {
  ProgressLine progress(!common.quiet && StderrIsTerminal(), err);
  AnalysisOptions with_progress = options;
  with_progress.discover.progress = progress.Callback();
  with_progress.parse.progress = progress.Callback();
  Analysis& analysis = KeepUntilExit(Analyze(fs, root, with_progress));
  progress.Clear();
  if (common.verbose) PrintTimings(analysis.timings, err);
  return analysis;
}

void PrintDiagnostics(const Analysis& analysis, const CommonOptions& options, std::ostream& err) {
  if (options.quiet) return;
  const Style style = StderrStyle(options.color);
  std::map<std::string, int> counts;
  for (const auto& d : analysis.diagnostics) {
    ++counts[SeverityName(d.severity)];
    if (d.severity == Severity::kNote && !options.verbose) continue;
    PrintDiagnostic(d, style, err);
  }
  err << "seams: " << analysis.project.files.size() << " files, " << analysis.parsed_files << " parsed, "
      << analysis.skipped_files << " skipped; " << counts["error"] << " errors, " << counts["warning"]
      << " warnings, " << counts["note"] << " notes" << (options.verbose ? "" : " (-v shows notes)") << '\n';
}

void WriteFile(const std::string& path, const std::string& text) {
  WriteFileWith(path, [&](std::ostream& out) { out << text; });
}

void WriteFileWith(const std::string& path, const std::function<void(std::ostream&)>& write) {
  std::filesystem::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
  std::ofstream out(path, std::ios::binary);
  write(out);
  out.close();
  if (!out) throw SeamsError(ErrorKind::kInput, "cannot write " + path);
}

void WriteOutputWith(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    write(std::cout);
  } else {
    WriteFileWith(path, write);
  }
}

void WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
  } else {
    WriteFile(path, text);
  }
}

}  // namespace seams::cli
