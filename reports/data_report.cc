#include "reports/data_report.h"

namespace seams {

using nlohmann::json;

namespace {

json NullIfEmpty(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// The proposed context of a model: the context of its coupling-graph node.
std::string ContextOfModel(const Analysis& analysis, const std::string& model) {
  if (!analysis.has_proposal) return "";
  int node = analysis.coupling.Find(model);
  if (node < 0 || static_cast<std::size_t>(node) >= analysis.proposal.node_context.size()) return "";
  return analysis.proposal.node_context[static_cast<std::size_t>(node)];
}

}  // namespace

json BuildDataReport(const Analysis& analysis) {
  json tables = json::array();
  for (const auto& t : analysis.tables) {
    tables.push_back({{"table", t.table},
                      {"model", t.model},
                      {"kind", t.kind},
                      {"field", NullIfEmpty(t.field)},
                      {"target", NullIfEmpty(t.target)},
                      {"managed", t.managed},
                      {"context", NullIfEmpty(ContextOfModel(analysis, t.model))},
                      {"path", t.path},
                      {"line", t.line}});
  }
  return {{"tables", std::move(tables)}};
}

}  // namespace seams
