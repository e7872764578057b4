#include "cli/explain_command.h"

#include <iostream>
#include <memory>
#include <sstream>

#include "cli/cluster_options.h"
#include "cli/common_options.h"
#include "cli/report_input.h"
#include "reports/analysis_report.h"
#include "reports/explain.h"
#include "reports/graph_report.h"

namespace seams::cli {

namespace {

struct ExplainOptions {
  CommonOptions common;
  ClusterFlags cluster;
  std::string config;
  std::string a, b;
  std::string format = DefaultFormats(ExplainFormats()).front();
  std::size_t evidence = 10;
  std::string output;
};

int RunExplain(const ExplainOptions& options) {
  // A saved report answers at once; a project directory is analysed first.
  nlohmann::json report = IsReportFile(options.common.path)
                              ? ReadReportFile(options.common.path)
                              : BuildAnalysisReport(AnalyzeAndCluster(options.common, options.cluster, options.config, std::cerr));
  nlohmann::json explanation = Explain(report, options.a, options.b);
  std::ostringstream text;
  FindFormat(ExplainFormats(), options.format)->render(explanation, text, options.evidence);
  WriteOutput(options.output, text.str());
  return 0;
}

}  // namespace

void SetupExplainCommand(CLI::App* app, std::function<int()>* run) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* command = app->add_subcommand("explain", "Show every piece of evidence coupling two things, or one thing and the rest");
  command->footer(
      "A and B name a context, an app (label or package), a model, a module or a package; prefix with\n"
      "context:, app:, model:, module: or package: to choose. PATH is a project or a saved report.json.\n"
      "Examples:\n"
      "  seams explain . orders payments\n"
      "  seams explain seams-report/report.json django.contrib.admin django.contrib.auth --format json\n"
      "  seams explain . model:orders.Order");
  AddCommonOptions(command, &options->common);
  AddClusterOptions(command, &options->cluster);
  command->add_option("a", options->a, "What to explain")->required();
  command->add_option("b", options->b, "What it is coupled with (default: everything else)");
  command->add_option("--config", options->config, "Config file (default: seams.toml or pyproject.toml, searched upwards)");
  command->add_option("--format", options->format, FormatHelp(ExplainFormats()))
      ->check(CLI::IsMember(FormatNames(ExplainFormats())))
      ->capture_default_str();
  command->add_option("--evidence", options->evidence, "Text: at most this many lines of evidence per kind; 0 for all (JSON has all)")
      ->capture_default_str();
  command->add_option("-o,--output", options->output, "Write to this file instead of stdout");
  command->callback([run, options]() { *run = [options]() { return RunExplain(*options); }; });
}

}  // namespace seams::cli
