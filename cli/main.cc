// seams: the library plus main(). Builds the CLI, runs the chosen command, maps the result to an exit code.

#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>

#include "cli/analyze_command.h"
#include "cli/check_command.h"
#include "cli/cluster_command.h"
#include "cli/diagnostic_printer.h"
#include "cli/diagram_command.h"
#include "cli/explain_command.h"
#include "cli/graph_command.h"
#include "cli/init_command.h"
#include "cli/large_pages.h"
#include "cli/score_command.h"
#include "lib/core/error.h"

int main(int argc, char** argv) {
  seams::cli::RestartWithLargePages(argc, argv);
  CLI::App app{"Seams finds the service boundaries in a Django monolith, statically."};
  app.footer(
      "Examples:\n"
      "  seams analyze path/to/project -o seams-report        # report.json, report.md, every diagram\n"
      "  seams explain seams-report/report.json orders payments\n"
      "  seams init path/to/project --services 10 && seams check path/to/project");
  app.require_subcommand(1);
  app.set_version_flag("--version", "seams 0.1.0");

  std::function<int()> run;
  seams::cli::SetupAnalyzeCommand(&app, &run);
  seams::cli::SetupCheckCommand(&app, &run);
  seams::cli::SetupClusterCommand(&app, &run);
  seams::cli::SetupDiagramCommand(&app, &run);
  seams::cli::SetupExplainCommand(&app, &run);
  seams::cli::SetupGraphCommand(&app, &run);
  seams::cli::SetupInitCommand(&app, &run);
  seams::cli::SetupScoreCommand(&app, &run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;  // usage errors exit 2 (docs/architecture.md, exit codes)
  }

  // The one error boundary: the library throws SeamsError when a run cannot go on,
  // and its messages carry no severity; it is written here.
  const seams::cli::Style style = seams::cli::StderrStyle("auto");
  try {
    return run ? run() : 2;
  } catch (const seams::SeamsError& e) {
    seams::cli::PrintError(e, style, std::cerr);
    return e.kind() == seams::ErrorKind::kInput ? 3 : 2;
  } catch (const std::exception& e) {
    seams::cli::PrintError(seams::SeamsError(seams::ErrorKind::kInput, e.what()), style, std::cerr);
    return 3;
  }
}
