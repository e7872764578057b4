#include "cli/graph_command.h"

#include <iostream>
#include <memory>
#include <sstream>

#include "cli/common_options.h"
#include "lib/core/file_system.h"
#include "reports/graph_report.h"

namespace seams::cli {

namespace {

struct GraphOptions {
  CommonOptions common;
  std::string level = "module";
  std::string format = DefaultFormats(GraphFormats()).front();
  std::string output;
};

int RunGraph(const GraphOptions& options) {
  GraphLevel level;
  ParseGraphLevel(options.level, &level);
  Reporter reporter = FindGraphReporter(options.format);
  RealFileSystem fs;
  // No config is read: the graph is the code as it is, whatever contexts were agreed.
  AnalysisOptions analysis_options = ResolveAnalysisOptions(Config{}, options.common.analysis);
  Analysis& analysis = RunAnalysis(fs, options.common.path, analysis_options, options.common, std::cerr);
  PrintDiagnostics(analysis, options.common, std::cerr);
  if (options.format == "json") {
    // Written member by member: a large project's module graph is tens of megabytes of text.
    const JsonDocument document = GraphDocument(analysis, level);
    WriteOutputWith(options.output, [&](std::ostream& out) { document.Write(out); });
    return 0;
  }
  nlohmann::json report = BuildGraphReport(analysis, level);
  std::ostringstream text;
  reporter(report, text);
  WriteOutput(options.output, text.str());
  return 0;
}

}  // namespace

void SetupGraphCommand(CLI::App* app, std::function<int()>* run) {
  auto options = std::make_shared<GraphOptions>();
  CLI::App* command = app->add_subcommand("graph", "Write the import graph of a project");
  command->footer("Example:\n  seams graph . --level app --format dot -o apps.dot && dot -Tsvg apps.dot -o apps.svg");
  AddCommonOptions(command, &options->common);
  command->add_option("--level", options->level, "module, app or model")
      ->check(CLI::IsMember({"module", "app", "model"}))
      ->capture_default_str();
  command->add_option("--format", options->format, FormatHelp(GraphFormats()))
      ->check(CLI::IsMember(FormatNames(GraphFormats())))
      ->capture_default_str();
  command->add_option("-o,--output", options->output, "Write to this file instead of stdout");
  command->callback([run, options]() { *run = [options]() { return RunGraph(*options); }; });
}

}  // namespace seams::cli
