#pragma once
// Shared by the report-reader tests and the report fuzz target: everything
// `seams diagram`, `seams explain` and `seams score` do with a saved report.

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "lib/cluster/score.h"
#include "reports/explain.h"
#include "reports/score_report.h"
#include "reports/view.h"

namespace seams::test {

/// Reads `report` (already through ParseAnalysisReport) the way every report
/// command does: every view in DOT and Mermaid, `explain A B` and `explain A`
/// on its first two contexts, and the score of its proposal. A bad report may
/// only throw SeamsError.
inline void ReadReportEveryWay(const nlohmann::json& report) {
  std::string first, second;
  if (report.contains("contexts")) {
    for (const auto& c : report.at("contexts")) {
      (first.empty() ? first : second.empty() ? second : first) = c.at("name").get<std::string>();
    }
  }
  auto guarded = [](auto&& run) {
    try {
      run();
    } catch (const SeamsError&) {
      // A usage error about this report: what the CLI prints with exit 2.
    }
  };
  for (ViewKind kind : {ViewKind::kContexts, ViewKind::kApps, ViewKind::kModels, ViewKind::kContext}) {
    for (bool collapse : {false, true}) {
      guarded([&] {
        ViewOptions options;
        options.collapse_apps = collapse;
        options.context = kind == ViewKind::kContext ? first : std::string();
        View view = BuildView(report, kind, options);
        std::ostringstream out;
        WriteViewDot(view, out);
        WriteViewMermaid(view, out);
      });
    }
  }
  if (!first.empty()) {
    guarded([&] {
      std::ostringstream out;
      WriteExplainText(Explain(report, first, second), out);
      WriteExplainText(Explain(report, first, ""), out, 3);
    });
  }
  guarded([&] {
    CouplingGraph graph = CouplingGraphFromReport(report);
    std::optional<DataUses> data = DataUsesFromReport(report);
    std::vector<std::string> assignment = ProposalAssignmentFromReport(report);
    std::ostringstream out;
    WriteScoreText(BuildScoreReport(ScoreAssignment(graph, assignment, data ? &*data : nullptr), "report.json"), out);
  });
}

}  // namespace seams::test
