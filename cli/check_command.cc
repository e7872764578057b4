#include "cli/check_command.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/common_options.h"
#include "cli/config_loading.h"
#include "cli/diagnostic_printer.h"
#include "cli/large_pages.h"
#include "cli/terminal.h"
#include "lib/check/check.h"
#include "lib/check/facts_fingerprint.h"
#include "lib/check/line_shift.h"
#include "lib/check/result_cache.h"
#include "lib/core/error.h"
#include "lib/core/git_file_system.h"
#include "reports/check_render.h"
#include "reports/check_report.h"

namespace seams::cli {

namespace {

struct CheckOptions {
  CommonOptions common;
  std::string config;
  std::string baseline;
  std::string base;
  std::string write_baseline;
  std::string format = "text";
  std::string output;
};

// Renders the check report in the chosen format and returns the exit code.
int Emit(const CheckOptions& options, const nlohmann::json& report) {
  std::ostringstream text;
  FindCheckReporter(options.format)(report, text);
  const bool to_stdout = options.output.empty() || options.output == "-";
  ColorMode mode = ColorMode::kAuto;
  ParseColorMode(options.common.color, &mode);
  Style style{to_stdout && options.format == "text" && ColorEnabled(mode, STDOUT_FILENO)};
  WriteOutput(options.output, ColorizeSeverities(text.str(), style));
  return CheckExitCode(report);
}

std::string ReadOrEmpty(const FileSystem& fs, const std::string& path) {
  std::string text, error;
  if (path.empty() || !fs.ReadFile(path, &text, &error)) return "";
  return text;
}

// What a check's report depends on besides the files: this build, the config and
// baseline (paths and bytes), and every flag that changes the analysis. Output-only
// flags (--format, -o, --color, -q, --jobs, --cache-dir) are left out: the cached
// report is rendered afresh. A flag added to AnalysisFlags belongs here.
std::vector<std::string> ResultKeyParts(const CheckOptions& options, const CommonOptions& common, const Config& config,
                                        const FileSystem& fs, const std::string& fingerprint) {
  const AnalysisFlags& flags = common.analysis;
  std::vector<std::string> parts = {SourceVersion(),
                                    std::filesystem::current_path().string(),
                                    common.path,
                                    config.path,
                                    ReadOrEmpty(fs, config.path),
                                    options.baseline,
                                    ReadOrEmpty(fs, options.baseline),
                                    flags.max_file_bytes ? std::to_string(*flags.max_file_bytes) : "default",
                                    fingerprint};
  for (const auto* list : {&flags.exclude, &flags.model_bases, &flags.model_loaders, &flags.class_loaders}) {
    parts.push_back(std::to_string(list->size()));
    parts.insert(parts.end(), list->begin(), list->end());
  }
  return parts;
}

int RunCheck(const CheckOptions& options) {
  UseLargePages();  // a check runs on every pull request: its speed is worth a few MiB
  Config config = LoadProjectConfig(options.common.path, options.config, true);
  // check runs on every pull request: by default its facts are cached beside the project.
  CommonOptions common = options.common;
  common.path = AnalysisRoot(config, common.path);
  if (common.analysis.cache_dir.empty()) common.analysis.cache_dir = JoinPath(common.path, ".seams-cache");
  AnalysisOptions analysis_options = ResolveAnalysisOptions(config, common.analysis);
  analysis_options.module_graph = false;  // the rules read the coupling graph only
  RealFileSystem fs;

  // The warm path's last layer: the whole report of this command on these files,
  // under this config and baseline, by this build. Not with --base (another
  // revision's files), --write-baseline, or --verbose (which shows the analysis).
  const bool cacheable = !common.analysis.no_cache && options.base.empty() && options.write_baseline.empty() &&
                         !options.common.verbose;
  // One key per way of naming the files: their bytes, their facts, their facts'
  // shapes, or the manifest of facts.
  auto key_for = [&](const std::string& files) { return HashParts(ResultKeyParts(options, common, config, fs, files)); };
  std::string result_key, facts_key, shape_key, manifest_key;
  std::vector<std::string> content_digests;
  std::optional<std::vector<FactsDigests>> fact_digests;
  const ResultCache results(common.analysis.cache_dir);
  // Every key learnt so far gets `body`; the manifest and the shape entry name this run's files.
  auto store = [&](const std::string& body) {
    results.Store(result_key, body);
    if (!facts_key.empty()) results.Store(facts_key, body);
    if (fact_digests) results.Store(manifest_key, ManifestOf(content_digests, *fact_digests).Encode());
    if (!shape_key.empty()) results.Store(shape_key, ShapeEntry{content_digests, body}.Encode());
    results.Prune();
  };
  if (cacheable) {
    // Taken before the walk stamps the files: what is written after that is never remembered unread.
    analysis_options.parse.digests = std::make_shared<ContentDigests>(common.analysis.cache_dir);
    DiscoverOptions discover = analysis_options.discover;
    discover.digests = analysis_options.parse.digests.get();
    auto project = std::make_shared<const Project>(Discover(fs, common.path, discover));
    const std::string fingerprint =
        ProjectFingerprint(fs, *project, analysis_options.parse.digests.get(), &content_digests);
    result_key = key_for(fingerprint);
    analysis_options.discovered = project;  // on a miss, the analysis does not walk again
    analysis_options.parse.digests->Save();
    if (std::optional<std::string> cached = results.Load(result_key)) {
      nlohmann::json report = nlohmann::json::parse(*cached, nullptr, /*allow_exceptions=*/false);
      if (!report.is_discarded()) return Emit(options, report);
    }
    // The early cutoff: the same files as the rules see them (the same facts) give
    // the same report. The manifest gives the facts digests of the files whose
    // bytes did not change; the others are parsed, a few at most.
    manifest_key = key_for("facts-manifest");
    const FactsManifest manifest = FactsManifest::Decode(results.Load(manifest_key).value_or(""));
    const std::size_t max_unknown = std::max<std::size_t>(16, project->files.size() / 20);
    fact_digests = FactDigestsOf(fs, *project, content_digests, manifest, AnalysisParseOptions(analysis_options),
                                 max_unknown);
    std::optional<std::string> facts = fact_digests ? FactsFingerprint(*project, *fact_digests) : std::nullopt;
    std::optional<std::string> shapes = fact_digests ? ShapeFingerprint(*project, *fact_digests) : std::nullopt;
    if (facts && shapes) {
      facts_key = key_for("facts " + *facts);
      shape_key = key_for("shapes " + *shapes);
      if (std::optional<std::string> cached = results.Load(facts_key)) {
        nlohmann::json report = nlohmann::json::parse(*cached, nullptr, /*allow_exceptions=*/false);
        if (!report.is_discarded()) {
          store(*cached);
          return Emit(options, report);
        }
      }
      // The shape cutoff: the same facts, some on other lines. The report before,
      // its lines moved, is this run's (lib/check/line_shift.h).
      if (std::optional<std::string> cached = results.Load(shape_key)) {
        const FactsCache cache(common.analysis.cache_dir, AnalysisParseOptions(analysis_options));
        std::optional<ShapeEntry> entry = ShapeEntry::Decode(*cached);
        if (std::optional<nlohmann::json> report =
                entry ? ShiftedReport(*entry, *project, content_digests, cache, max_unknown) : std::nullopt) {
          store(report->dump());
          return Emit(options, *report);
        }
      }
    } else {
      fact_digests.reset();
    }
  }

  Analysis& analysis = RunAnalysis(fs, common.path, analysis_options, common, std::cerr);
  if (options.common.verbose) PrintDiagnostics(analysis, options.common, std::cerr);
  CheckResult result = Check(config, analysis);

  // A config that names nothing, or names something twice, is a config error (exit 2).
  bool config_error = false;
  for (const auto& d : result.config_problems) {
    PrintDiagnostic(d, StderrStyle(options.common.color), std::cerr);
    config_error |= d.severity == Severity::kError;
  }
  if (config_error) return 2;

  if (!options.write_baseline.empty()) {
    WriteFile(options.write_baseline, WriteBaseline(result.violations));
    if (!options.common.quiet) {
      std::cerr << "seams: wrote " << result.violations.size() << " violation(s) to " << options.write_baseline << '\n';
    }
    return 0;
  }
  std::unique_ptr<Baseline> baseline;
  if (!options.base.empty()) {
    // The base revision's violations, from its git objects: only what is absent there is new.
    GitTreeFileSystem base_fs(common.path, options.base);
    AnalysisOptions base_options = analysis_options;
    base_options.discovered = nullptr;  // another revision's tree
    Analysis& base = RunAnalysis(base_fs, common.path, base_options, common, std::cerr);
    baseline = std::make_unique<Baseline>();
    for (const auto& v : Check(config, base).violations) baseline->keys.insert(v.Key());
  } else if (!options.baseline.empty()) {
    std::string text, error;
    if (!fs.ReadFile(options.baseline, &text, &error)) {
      Diagnostic problem;
      problem.severity = Severity::kError;
      problem.path = options.baseline;
      problem.message = "cannot read the baseline: " + error;
      throw SeamsError(ErrorKind::kConfig, std::vector<Diagnostic>{problem});
    }
    baseline = std::make_unique<Baseline>(ParseBaseline(text, options.baseline));
  }
  nlohmann::json report = BuildCheckReport(analysis, config, result, baseline.get());
  // Stored only now: a run that stopped on a config or baseline error is never
  // cached, nor one that printed config warnings (a cached answer prints none).
  if (cacheable && result.config_problems.empty()) {
    // The facts digests, if the early cutoff did not learn them all, are the analysis's.
    if (!fact_digests) {
      fact_digests = analysis.fact_digests;
      auto facts = FactsFingerprint(analysis.project, *fact_digests);
      auto shapes = ShapeFingerprint(analysis.project, *fact_digests);
      if (facts && shapes) {
        facts_key = key_for("facts " + *facts);
        shape_key = key_for("shapes " + *shapes);
      } else {
        fact_digests.reset();
      }
    }
    store(report.dump());
  }
  return Emit(options, report);
}

}  // namespace

void SetupCheckCommand(CLI::App* app, std::function<int()>* run) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app->add_subcommand("check", "Fail on new cross-context couplings against the agreed contexts");
  command->footer(
      "Exit codes: 0 no new error, 1 new violations, 2 usage or config error, 3 the analysis could not run.\n"
      "Example:\n  seams check . --baseline .seams-baseline.json --format github");
  AddCommonOptions(command, &options->common);
  command->add_option("--config", options->config, "Config file (default: seams.toml or pyproject.toml, searched upwards)");
  auto* baseline = command->add_option("--baseline", options->baseline, "Fail only on violations missing from this file");
  command->add_option("--base", options->base, "Fail only on violations absent from this git revision (read from git objects)")
      ->excludes(baseline);
  command->add_option("--write-baseline", options->write_baseline, "Record today's violations in this file and exit 0")
      ->excludes(baseline);
  command->add_option("--format", options->format, FormatHelp(CheckFormats()))
      ->check(CLI::IsMember(FormatNames(CheckFormats())))
      ->capture_default_str();
  command->add_option("-o,--output", options->output, "Write to this file instead of stdout");
  command->callback([run, options]() { *run = [options]() { return RunCheck(*options); }; });
}

}  // namespace seams::cli
