#pragma once
/// The graph report: the JSON contract of `seams graph`, and its renderers.

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lib/pipeline.h"
#include "reports/format_registry.h"
#include "reports/json_document.h"

namespace seams {

/// Schema identifier written into every graph report.
inline constexpr const char* kGraphSchema = "seams.graph/1";

/// Levels a graph can be drawn at.
enum class GraphLevel { kModule, kApp, kModel };

/// Parses "module" / "app" / "model"; returns false for anything else.
bool ParseGraphLevel(const std::string& text, GraphLevel* level);

/// Builds the graph report of `analysis` at `level`: project summary, apps,
/// nodes, edges with evidence, import cycles and diagnostics. Deterministic:
/// every list is sorted, paths are relative, there is no timestamp.
nlohmann::json BuildGraphReport(const Analysis& analysis, GraphLevel level);
/// The same report as a document, written member by member (JsonDocument::Write)
/// without the whole tree in memory. It reads `analysis`, which must outlive it.
JsonDocument GraphDocument(const Analysis& analysis, GraphLevel level);

/// The formats of `seams graph` (json first: the default).
const std::vector<Format<Reporter>>& GraphFormats();

/// The reporter registered for `format`, or nullptr.
Reporter FindGraphReporter(const std::string& format);

/// Pretty JSON with sorted keys and a final newline.
void WriteJson(const nlohmann::json& report, std::ostream& out);

/// Graphviz DOT: apps as clusters at module level, edge thickness by weight.
void WriteGraphDot(const nlohmann::json& report, std::ostream& out);

/// Mermaid: a flowchart at module level (apps as subgraphs) and app level, an
/// erDiagram at model level; within Mermaid's default size limits.
void WriteGraphMermaid(const nlohmann::json& report, std::ostream& out);

}  // namespace seams
