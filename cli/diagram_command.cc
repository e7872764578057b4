#include "cli/diagram_command.h"

#include <iostream>
#include <memory>
#include <sstream>

#include "cli/common_options.h"
#include "cli/graphviz.h"
#include "cli/report_input.h"
#include "cli/view_options.h"
#include "reports/view.h"

namespace seams::cli {

namespace {

struct DiagramOptions {
  std::string report;
  std::string view = "contexts";
  std::string format = DefaultFormats(ViewFormats()).front();
  std::string output;
  ViewOptions view_options;
};

int RunDiagram(const DiagramOptions& options) {
  nlohmann::json report = ReadReportFile(options.report);
  ViewKind kind = ViewKind::kContexts;
  ParseViewKind(options.view, &kind);
  View view = BuildView(report, kind, options.view_options);
  const Format<ViewRenderer>* format = FindFormat(ViewFormats(), options.format);
  std::ostringstream text;
  format->render.write(view, text);
  if (format->render.graphviz) {
    RenderWithGraphviz(text.str(), options.format, options.output);
  } else {
    WriteOutput(options.output, text.str());
  }
  return 0;
}

}  // namespace

void SetupDiagramCommand(CLI::App* app, std::function<int()>* run) {
  auto options = std::make_shared<DiagramOptions>();
  CLI::App* command = app->add_subcommand("diagram", "Draw a view of a saved report.json, without analysing again");
  command->footer(
      "Views: contexts (context map), apps (coloured by context), models (ER, foreign keys across contexts in red),\n"
      "context (one context and what crosses its boundary).\n"
      "Examples:\n"
      "  seams diagram seams-report/report.json --view contexts --format svg -o contexts.svg\n"
      "  seams diagram seams-report/report.json --view models --cross-only --format mermaid\n"
      "  seams diagram seams-report/report.json --view context --context orders --collapse-apps --top 30");
  command->add_option("report", options->report, "A report.json written by `seams analyze`")->required();
  command->add_option("--view", options->view, "contexts, apps, models or context")
      ->check(CLI::IsMember(ViewNames()))
      ->capture_default_str();
  command->add_option("--format", options->format, FormatHelp(ViewFormats()))
      ->check(CLI::IsMember(FormatNames(ViewFormats())))
      ->capture_default_str();
  command->add_option("-o,--output", options->output, "Write to this file instead of stdout");
  AddViewOptions(command, &options->view_options);
  command->callback([run, options]() { *run = [options]() { return RunDiagram(*options); }; });
}

}  // namespace seams::cli
