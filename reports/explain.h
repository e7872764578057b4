#pragma once
/// `seams explain`: every piece of evidence coupling two things — modules,
/// models, apps or contexts — computed from an analysis report.

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reports/format_registry.h"

namespace seams {

/// Schema identifier of the JSON that `seams explain --format json` writes.
inline constexpr const char* kExplainSchema = "seams.explain/1";

/// Explains the coupling between `a` and `b` (both directions), or, with `b`
/// empty, what `a` depends on and what depends on `a`, grouped by the thing
/// at the other end. A name is looked up as a context, an app (label or
/// package), a model, a module, then a package prefix; "context:", "app:",
/// "model:", "module:" and "package:" force one reading. Throws SeamsError
/// (kUsage) when a name matches nothing, listing near names.
///
/// The result (schema seams.explain/1) lists "pairs" {from, to, weight, count,
/// kinds: [{kind, count, weight, edges: [{from, to, count, weight, evidence}]}]},
/// heaviest first, every evidence item with path and line.
nlohmann::json Explain(const nlohmann::json& report, const std::string& a, const std::string& b);

/// The text form: a heading per direction, a line per kind with its total,
/// then one line of evidence per coupling (path:line, what the code says), at
/// most `max_evidence` per kind (0: all), saying how many more there are.
void WriteExplainText(const nlohmann::json& explanation, std::ostream& out, std::size_t max_evidence = 0);

/// Renders an explanation, showing at most `max_evidence` evidence lines per
/// kind where the format abridges (0: all).
using ExplainRenderer = void (*)(const nlohmann::json& explanation, std::ostream& out, std::size_t max_evidence);

/// The formats of `seams explain`: text (default) and json (the whole explanation).
const std::vector<Format<ExplainRenderer>>& ExplainFormats();

}  // namespace seams
