#include "reports/data_report.h"

#include <map>
#include <set>

#include "lib/data/plan.h"

namespace seams {

using nlohmann::json;

namespace {

json NullIfEmpty(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

}  // namespace

ContextOf ProposalContextOf(const Analysis& analysis) {
  return [&analysis](const std::string& id) -> std::string {
    if (!analysis.has_proposal) return "";
    int node = analysis.coupling.Find(id);
    if (node < 0 || static_cast<std::size_t>(node) >= analysis.proposal.node_context.size()) return "";
    return analysis.proposal.node_context[static_cast<std::size_t>(node)];
  };
}

DataUses DataUsesOf(const QueryFacts& queries) {
  std::map<std::vector<std::string>, int> lookups, writes;
  for (const auto& join : queries.joins) ++lookups[join.models];
  for (const auto& t : queries.transactions) {
    std::set<std::string> models;
    for (const auto& w : t.writes) models.insert(w.model);
    if (!models.empty()) ++writes[std::vector<std::string>(models.begin(), models.end())];
  }
  DataUses uses;
  for (auto& [models, count] : lookups) uses.lookups.push_back({models, count});
  for (auto& [models, count] : writes) uses.atomic_writes.push_back({models, count});
  return uses;
}

json BuildDataReport(const Analysis& analysis) {
  DataPlan plan = PlanData(analysis.tables, analysis.models, analysis.queries, analysis.django,
                           ProposalContextOf(analysis));
  json tables = json::array();
  for (const auto& [t, context] : plan.tables) {
    tables.push_back({{"table", t.table},
                      {"model", t.model},
                      {"kind", t.kind},
                      {"field", NullIfEmpty(t.field)},
                      {"target", NullIfEmpty(t.target)},
                      {"managed", t.managed},
                      {"context", NullIfEmpty(context)},
                      {"schema", SchemaOf(context)},
                      {"path", t.path},
                      {"line", t.line}});
  }
  json joins = json::array();
  for (const auto& [j, contexts] : plan.joins) {
    joins.push_back({{"path", j.path},
                     {"line", j.line},
                     {"module", j.module},
                     {"scope", j.scope},
                     {"method", j.method},
                     {"lookup", j.lookup},
                     {"model", j.model},
                     {"relations", j.relations},
                     {"models", j.models},
                     {"contexts", contexts}});
  }
  json transactions = json::array();
  for (const auto& t : plan.transactions) {
    json writes = json::array();
    for (const auto& w : t.transaction.writes)
      writes.push_back({{"model", w.model}, {"method", w.method}, {"path", w.path}, {"line", w.line}, {"via", w.via}});
    json receivers = json::array();
    for (const auto& r : t.receivers) {
      receivers.push_back({{"receiver", r.receiver}, {"signal", r.signal}, {"context", r.context}, {"path", r.path},
                           {"line", r.line}});
    }
    transactions.push_back({{"path", t.transaction.path},
                            {"line", t.transaction.line},
                            {"end_line", t.transaction.end_line},
                            {"kind", t.transaction.kind},
                            {"module", t.transaction.module},
                            {"scope", t.transaction.scope},
                            {"opener", t.transaction.opener},
                            {"calls", t.transaction.calls},
                            {"contexts", t.contexts},
                            {"models", t.models},
                            {"writes", std::move(writes)},
                            {"receivers", std::move(receivers)}});
  }
  json constraints = json::array();
  for (const auto& c : plan.constraints) {
    constraints.push_back({{"table", c.table},
                           {"column", c.column},
                           {"references", c.references},
                           {"from", c.from_model},
                           {"field", NullIfEmpty(c.field)},
                           {"to", c.to_model},
                           {"kind", c.kind},
                           {"on_delete", NullIfEmpty(c.on_delete)},
                           {"from_context", NullIfEmpty(c.from_context)},
                           {"to_context", NullIfEmpty(c.to_context)},
                           {"cascade", c.cascade},
                           {"path", c.path},
                           {"line", c.line}});
  }
  // Every lookup and atomic block, crossing or not, so an assignment edited later can be scored.
  DataUses uses = DataUsesOf(analysis.queries);
  json lookups = json::array(), atomic_writes = json::array();
  for (const auto& use : uses.lookups) lookups.push_back({{"models", use.models}, {"count", use.count}});
  for (const auto& use : uses.atomic_writes) atomic_writes.push_back({{"models", use.models}, {"count", use.count}});
  return {{"tables", std::move(tables)},
          {"joins", std::move(joins)},
          {"transactions", std::move(transactions)},
          {"constraints", std::move(constraints)},
          {"lookups", std::move(lookups)},
          {"atomic_writes", std::move(atomic_writes)}};
}

}  // namespace seams
