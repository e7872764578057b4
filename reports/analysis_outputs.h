#pragma once
/// What `seams analyze` writes into its output folder, format by format. The
/// CLI picks the formats, hands every file to a sink, and writes or renders it;
/// which files a format makes is decided here, once.
///
/// | format  | files |
/// |---------|-------|
/// | json    | report.json (the contract), schema-split.sql, graph/{modules,apps,models}.json |
/// | dot     | graph/{modules,apps,models}.dot, and every view as .dot |
/// | mermaid | every view as .mmd |
/// | md      | report.md (the handout) |
/// | html    | report.html (the workshop board) |
/// | svg/png | every view drawn by Graphviz |
///
/// The views: contexts, apps, models, and per context `contexts/NAME` and
/// `contexts/NAME-models` (NAME with characters other than letters, digits,
/// '.', '-' and '_' replaced by '_').

#include <functional>
#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "lib/pipeline.h"
#include "reports/format_registry.h"
#include "reports/json_document.h"
#include "reports/view.h"

namespace seams {

/// What the formats draw from: the analysis, its report, and the views. The
/// report is written from its document, member by member; its tree (without the
/// import graph, `modules` and `module_imports`, and without the evidence of the
/// coupling graph's edges, which no view reads; report.html takes that from the
/// document) and the views are built on first use, by the formats that read them
/// (md, html, the diagrams).
class AnalysisOutputs {
 public:
  AnalysisOutputs(const Analysis& analysis, ViewOptions view_options);

  const Analysis& analysis() const { return analysis_; }
  const JsonDocument& document() const { return document_; }
  const nlohmann::json& report();

  /// (file stem, view), in the order of the table above.
  const std::vector<std::pair<std::string, View>>& views();

 private:
  const Analysis& analysis_;
  JsonDocument document_;
  std::unique_ptr<nlohmann::json> report_;
  ViewOptions view_options_;
  std::vector<std::pair<std::string, View>> views_;
  bool views_built_ = false;
};

/// One file of the output folder: its path under the folder and its text. When
/// `graphviz` names a format ("svg", "png"), the text is DOT to render into it.
/// A large file (report.json) comes as `stream` instead, which writes its bytes
/// to a stream without holding them (text is then empty); like the references
/// it holds, it is valid only while the sink is called.
struct OutputFile {
  std::string path;
  std::string text;
  std::string graphviz;
  std::function<void(std::ostream&)> stream;
  /// The file's bytes, from `text` or from `stream`.
  std::string Text() const;
};

using FileSink = std::function<void(const OutputFile& file)>;
using AnalysisWriter = void (*)(AnalysisOutputs& outputs, const FileSink& sink);

/// The formats of `seams analyze`, in the order their files are written; the
/// default set is json, dot, mermaid, md and html.
const std::vector<Format<AnalysisWriter>>& AnalysisFormats();

/// A context name as a file name: letters, digits, '.', '-' and '_' kept, the
/// rest '_'.
std::string ContextFileName(const std::string& name);

}  // namespace seams
