#include "cli/score_command.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/common_options.h"
#include "cli/config_loading.h"
#include "cli/diagnostic_printer.h"
#include "cli/report_input.h"
#include "lib/check/assign.h"
#include "lib/cluster/score.h"
#include "lib/core/error.h"
#include "reports/data_report.h"
#include "reports/graph_report.h"
#include "reports/score_report.h"

namespace seams::cli {

namespace {

struct ScoreOptions {
  CommonOptions common;
  std::string config;
  std::string report;
  std::string compare;
  bool include_tests = false;
  std::string format = DefaultFormats(ScoreFormats()).front();
  std::string output;
};

bool IsJsonFile(const std::string& path) {
  return path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0 && IsReportFile(path);
}

std::string ParentDirectory(const std::string& path) {
  std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

// The config's assignment; config problems are printed as `seams check` prints them.
bool AssignFromConfig(const Config& config, const CouplingGraph& graph, bool include_tests, const std::string& color,
                      std::vector<std::string>* assignment) {
  std::vector<Diagnostic> problems;
  *assignment = AssignContexts(config, graph, &problems);
  SortDiagnostics(&problems);
  bool error = false;
  for (const auto& d : problems) {
    PrintDiagnostic(d, StderrStyle(color), std::cerr);
    error |= d.severity == Severity::kError;
  }
  if (!include_tests) LeaveOutTestsAndMigrations(graph, assignment);
  return !error;
}

int RunScore(const ScoreOptions& options) {
  const std::string& path = options.common.path;
  CouplingGraph graph;
  std::vector<std::string> assignment;
  std::optional<DataUses> data;  // lookups and atomic blocks, for the data-plan measures
  std::string source;
  if (IsJsonFile(path)) {
    // A saved report: its own proposal.
    nlohmann::json report = ReadReportFile(path);
    graph = CouplingGraphFromReport(report);
    data = DataUsesFromReport(report);
    assignment = ProposalAssignmentFromReport(report);
    source = path;
  } else {
    const bool config_file = IsReportFile(path);
    Config config = config_file ? LoadProjectConfig(ParentDirectory(path), path, true)
                                : LoadProjectConfig(path, options.config, true);
    source = config.path;
    // An edited seams.toml is scored on the graph of the report it was edited from: no analysis.
    const std::string& saved = !options.report.empty() ? options.report : config_file ? options.compare : options.report;
    if (!saved.empty()) {
      nlohmann::json report = ReadReportFile(saved);
      graph = CouplingGraphFromReport(report);
      data = DataUsesFromReport(report);
    } else {
      CommonOptions common = options.common;
      common.path = AnalysisRoot(config, config_file ? ParentDirectory(path) : path);
      AnalysisOptions analysis_options = ResolveAnalysisOptions(config, common.analysis);
      RealFileSystem fs;
      Analysis& analysis = RunAnalysis(fs, common.path, analysis_options, common, std::cerr);
      if (options.common.verbose) PrintDiagnostics(analysis, options.common, std::cerr);
      graph = std::move(analysis.coupling);
      data = DataUsesOf(analysis.queries);
    }
    if (!AssignFromConfig(config, graph, options.include_tests, options.common.color, &assignment)) return 2;
  }

  nlohmann::json report = BuildScoreReport(ScoreAssignment(graph, assignment, data ? &*data : nullptr), source);
  if (!options.compare.empty()) {
    nlohmann::json saved = ReadReportFile(options.compare);
    CouplingGraph saved_graph = CouplingGraphFromReport(saved);
    std::vector<std::string> before = CarryAssignment(saved_graph, ProposalAssignmentFromReport(saved), graph);
    nlohmann::json before_report = BuildScoreReport(ScoreAssignment(graph, before, data ? &*data : nullptr), options.compare);
    AddComparison(&report, before_report, options.compare, graph, before, assignment);
  }
  std::ostringstream text;
  FindFormat(ScoreFormats(), options.format)->render(report, text);
  WriteOutput(options.output, text.str());
  return 0;
}

}  // namespace

void SetupScoreCommand(CLI::App* app, std::function<int()>* run) {
  auto options = std::make_shared<ScoreOptions>();
  CLI::App* command = app->add_subcommand("score", "Measure an assignment of contexts: the agreed seams.toml, an edited one, or a report's proposal");
  command->footer(
      "CONFIG_OR_PATH is a project (its seams.toml is found upwards), a seams.toml, or a report.json (its proposal).\n"
      "A seams.toml given with --report or --compare is scored on that report's coupling graph, without analysing.\n"
      "Measures use code couplings only; shared-kernel and unassigned nodes stay out of them; tests and\n"
      "migrations too unless --include-tests.\n"
      "Examples:\n"
      "  seams score .\n"
      "  seams score workshop.toml --compare seams-report/report.json\n"
      "  seams score seams-report/report.json --format json");
  AddCommonOptions(command, &options->common);
  command->get_option("path")->description("A project directory, a seams.toml, or a report.json");
  command->add_option("--config", options->config, "Config file for a project directory (default: searched upwards)");
  command->add_option("--report", options->report, "Score on this saved report's coupling graph instead of analysing");
  command->add_option("--compare", options->compare, "Compare with this report's proposal: what moved, what it cost or gained");
  command->add_flag("--include-tests", options->include_tests, "Keep test and migration modules in the config's contexts");
  command->add_option("--format", options->format, FormatHelp(ScoreFormats()))
      ->check(CLI::IsMember(FormatNames(ScoreFormats())))
      ->capture_default_str();
  command->add_option("-o,--output", options->output, "Write to this file instead of stdout");
  command->callback([run, options]() { *run = [options]() { return RunScore(*options); }; });
}

}  // namespace seams::cli
