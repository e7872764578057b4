#include "reports/analysis_report.h"

#include <map>

#include "reports/data_report.h"
#include "reports/graph_report.h"

namespace seams {

namespace {

using nlohmann::json;


json NullIfEmpty(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json Uses(const std::vector<ModelUse>& uses) {
  json out = json::array();
  for (const auto& use : uses) out.push_back({{"model", use.model}, {"how", use.how}, {"path", use.at.path}, {"line", use.at.line}});
  return out;
}

json EdgeRef(const CouplingGraph& graph, int index) {
  const CouplingEdge& edge = graph.edges[static_cast<std::size_t>(index)];
  json evidence = json::array();
  for (const auto& e : edge.evidence) evidence.push_back({{"path", e.path}, {"line", e.line}, {"detail", e.detail}});
  return {{"from", graph.nodes[static_cast<std::size_t>(edge.from)].id},
          {"to", graph.nodes[static_cast<std::size_t>(edge.to)].id},
          {"kind", CouplingKindName(edge.kind)},
          {"count", edge.count},
          {"weight", edge.weight},
          {"evidence", std::move(evidence)}};
}

json EdgeRefs(const CouplingGraph& graph, const std::vector<int>& indexes) {
  json out = json::array();
  for (int index : indexes) out.push_back(EdgeRef(graph, index));
  return out;
}

json Member(const ContextMember& m) {
  return {{"id", m.id}, {"kind", m.kind}, {"app", m.group}, {"confidence", m.confidence}, {"lines", m.lines}};
}

json Merges(const std::vector<MergeInfo>& merges) {
  json out = json::array();
  for (const auto& m : merges) out.push_back({{"members", m.members}, {"into", m.into}, {"reason", m.reason}});
  return out;
}

// The proposal: shared kernel, contexts, metrics, what crosses each boundary, and the extraction plan.
void AddProposal(const Analysis& analysis, json* report) {
  const Proposal& p = analysis.proposal;
  const CouplingGraph& graph = analysis.coupling;
  (*report)["proposal"] = {{"level", ClusterLevelName(p.level)}, {"resolution", p.resolution}, {"seed", p.seed},
                           {"services_requested", p.services_requested}, {"services_exact", p.services_exact},
                           {"units", p.units}, {"merges", Merges(p.merges)}};
  json outside = json::array();
  for (const auto& o : p.outside) {
    outside.push_back({{"id", o.id}, {"kind", o.kind}, {"path", o.path}, {"reason", o.reason}, {"lines", o.lines}});
  }
  (*report)["outside"] = std::move(outside);
  json kernel = json::array();
  for (const auto& h : p.shared_kernel) {
    kernel.push_back({{"id", h.id}, {"kind", h.kind}, {"reason", h.reason}, {"fan_in_groups", h.fan_in_groups},
                      {"groups", h.groups}, {"share", h.share}});
  }
  (*report)["shared_kernel"] = std::move(kernel);
  json contexts = json::array();
  for (const auto& c : p.contexts) {
    json members = json::array();
    double confidence = 0;
    for (const auto& m : c.members) {
      members.push_back(Member(m));
      confidence += m.confidence;
    }
    contexts.push_back({{"name", c.name}, {"apps", c.apps}, {"members", std::move(members)},
                        {"size", c.members.size()}, {"models", c.models}, {"concrete_models", c.concrete_models},
                        {"lines", c.lines}, {"stateless", c.stateless},
                        {"stateless_reason", c.stateless ? json(c.stateless_reason) : json(nullptr)},
                        {"tables", c.tables}, {"own_data_share", c.own_data_share},
                        {"internal_weight", c.internal_weight}, {"external_weight", c.external_weight},
                        {"cohesion", c.cohesion}, {"coupling", c.coupling},
                        {"confidence", c.members.empty() ? 1.0 : confidence / static_cast<double>(c.members.size())}});
  }
  (*report)["contexts"] = std::move(contexts);
  json undecided = json::array();
  for (const auto& m : p.undecided) undecided.push_back(Member(m));
  (*report)["undecided"] = std::move(undecided);
  const ProposalMetrics& m = p.metrics;
  (*report)["metrics"] = {{"modularity", m.modularity},
                          {"structural_modularity", m.structural_modularity},
                          {"interface_number", m.interface_number},
                          {"non_extreme_distribution", m.non_extreme_distribution},
                          {"inter_call_percentage", m.inter_call_percentage},
                          {"mojofm_vs_apps", m.mojofm_vs_apps},
                          {"ari_vs_apps", m.ari_vs_apps},
                          {"split_apps", m.split_apps},
                          {"merged_apps", m.merged_apps}};
  json cross = json::array();
  for (const auto& c : p.cross_context) {
    cross.push_back({{"from", c.from}, {"to", c.to}, {"counts", c.counts}, {"weight", c.weight},
                     {"edges", EdgeRefs(graph, c.edges)}});
  }
  (*report)["cross_context"] = std::move(cross);
  json plan = json::array();
  for (const auto& s : p.plan) {
    plan.push_back({{"rank", s.rank}, {"context", s.context}, {"difficulty", s.difficulty},
                    {"inbound_weight", s.inbound_weight}, {"outbound_weight", s.outbound_weight},
                    {"kernel_weight", s.kernel_weight}, {"foreign_keys", s.foreign_keys}, {"signals", s.signals},
                    {"task_calls", s.task_calls}, {"reasons", s.reasons}, {"url_prefixes", s.url_prefixes},
                    {"seams", {{"imports_to_api_calls", EdgeRefs(graph, s.imports)},
                               {"foreign_keys_to_ids", EdgeRefs(graph, s.relations)},
                               {"signals_to_events", EdgeRefs(graph, s.signal_edges)},
                               {"task_calls", EdgeRefs(graph, s.task_edges)},
                               {"other", EdgeRefs(graph, s.other_edges)}}}});
  }
  (*report)["plan"] = std::move(plan);
  auto& nodes = (*report)["graph"]["nodes"];
  for (std::size_t i = 0; i < nodes.size() && i < p.node_context.size(); ++i) {
    nodes[i]["context"] = p.node_context[i].empty() ? json(nullptr) : json(p.node_context[i]);
  }
}

}  // namespace

json BuildAnalysisReport(const Analysis& analysis) {
  // The module-level graph report carries project, settings, apps, nodes, edges,
  // cycles and diagnostics; the analysis report adds the Django facts to it. Its
  // nodes and edges are the import graph (`modules`, `module_imports`); `graph`
  // holds the coupling graph that the proposal clusters.
  json graph = BuildGraphReport(analysis, GraphLevel::kModule);
  json report;
  report["schema"] = kAnalysisSchema;
  report["project"] = graph["project"];
  report["settings"] = graph["settings"];
  report["apps"] = graph["apps"];
  report["modules"] = graph["nodes"];
  report["module_imports"] = graph["edges"];  // the import graph; `graph` is the coupling graph
  report["cycles"] = graph["cycles"];
  report["diagnostics"] = graph["diagnostics"];
  report["diagnostic_counts"] = graph["diagnostic_counts"];

  std::map<std::string, json> relations_of;
  json relations = json::array();
  for (const auto& r : analysis.models.relations) {
    json relation = {{"from", r.from},       {"field", r.field},          {"kind", r.kind},
                     {"to", NullIfEmpty(r.to)}, {"external", r.to_external}, {"through", NullIfEmpty(r.through)},
                     {"on_delete", NullIfEmpty(r.on_delete)}, {"related_name", NullIfEmpty(r.related_name)},
                     {"path", r.path},       {"line", r.line},
                     {"inherited_from", NullIfEmpty(r.inherited_from)}};
    relations_of[r.from].push_back(relation);
    relations.push_back(std::move(relation));
  }
  json models = json::array();
  for (const auto& m : analysis.models.models) {
    json model = {{"key", m.key},
                  {"name", m.name},
                  {"app", m.label},
                  {"class", m.qualname},
                  {"module", m.module},
                  {"path", m.path},
                  {"line", m.line},
                  {"abstract", m.abstract},
                  {"proxy", m.proxy},
                  {"db_table", NullIfEmpty(m.db_table)},
                  {"bases", m.bases},
                  {"relations", relations_of.count(m.key) ? relations_of[m.key] : json::array()}};
    // Only inferred models carry the mark, so reports of projects without any keep their bytes.
    if (m.inferred) {
      model["inferred"] = true;
      model["inferred_from"] = m.inferred_from;
    }
    models.push_back(std::move(model));
  }
  report["models"] = std::move(models);
  report["relations"] = std::move(relations);

  const DjangoFacts& d = analysis.django;
  json views = json::array();
  for (const auto& v : d.views) {
    views.push_back({{"view", v.qualname}, {"kind", v.kind}, {"module", v.module}, {"path", v.at.path},
                     {"line", v.at.line}, {"models", v.Models()}, {"uses", Uses(v.uses)}});
  }
  report["views"] = std::move(views);

  json urls = json::array();
  for (const auto& u : d.urls) {
    urls.push_back({{"prefix", u.reachable ? json(u.prefix) : json(nullptr)}, {"route", u.route},
                    {"view", NullIfEmpty(u.view)}, {"name", NullIfEmpty(u.name)},
                    {"namespace", NullIfEmpty(u.namespace_)}, {"module", u.module}, {"path", u.at.path},
                    {"line", u.at.line}});
  }
  report["urls"] = std::move(urls);

  json admin = json::array();
  for (const auto& a : d.admin) {
    admin.push_back({{"model", a.model}, {"admin_class", NullIfEmpty(a.admin_class)}, {"module", a.module},
                     {"path", a.at.path}, {"line", a.at.line}});
  }
  report["admin"] = std::move(admin);

  json receivers = json::array();
  for (const auto& r : d.receivers) {
    receivers.push_back({{"receiver", r.receiver}, {"signal", r.signal}, {"sender", NullIfEmpty(r.sender)},
                         {"module", r.module}, {"path", r.at.path}, {"line", r.at.line}});
  }
  json custom = json::array();
  for (const auto& s : d.signals) {
    json senders = json::array();
    for (const auto& [module, at] : s.senders) senders.push_back({{"module", module}, {"path", at.path}, {"line", at.line}});
    custom.push_back({{"signal", s.signal}, {"path", s.at.path}, {"line", s.at.line}, {"senders", std::move(senders)}});
  }
  report["signals"] = {{"receivers", std::move(receivers)}, {"custom", std::move(custom)}};

  json tasks = json::array();
  for (const auto& t : d.tasks) {
    tasks.push_back({{"task", t.task}, {"module", t.module}, {"path", t.at.path}, {"line", t.at.line}, {"uses", Uses(t.uses)}});
  }
  json task_calls = json::array();
  for (const auto& c : d.task_calls) {
    task_calls.push_back({{"caller", c.caller}, {"scope", c.scope}, {"task", c.task}, {"how", c.how},
                          {"path", c.at.path}, {"line", c.at.line}});
  }
  report["tasks"] = {{"tasks", std::move(tasks)}, {"calls", std::move(task_calls)}};

  json forms = json::array(), serializers = json::array();
  for (const auto& f : d.forms) {
    json item = {{"class", f.qualname}, {"model", NullIfEmpty(f.model)}, {"path", f.at.path}, {"line", f.at.line}};
    (f.kind == "form" ? forms : serializers).push_back(std::move(item));
  }
  report["forms"] = std::move(forms);
  report["serializers"] = std::move(serializers);

  json loaders = json::array();
  for (const auto& l : d.loader_uses) {
    loaders.push_back({{"module", l.module}, {"target", l.target}, {"how", l.how}, {"path", l.at.path}, {"line", l.at.line}});
  }
  report["loader_uses"] = std::move(loaders);

  // The coupling graph: every typed, weighted edge between modules and models, with evidence.
  json nodes = json::array();
  for (const auto& node : analysis.coupling.nodes) {
    json tags = json::array();
    if (node.is_migration) tags.push_back("migration");
    if (node.is_test) tags.push_back("test");
    nodes.push_back({{"id", node.id}, {"kind", node.kind == NodeKind::kModel ? "model" : "module"},
                     {"group", node.group}, {"module", node.module}, {"path", node.path}, {"lines", node.lines},
                     {"tags", std::move(tags)}});
  }
  json coupling_edges = json::array();
  for (const auto& edge : analysis.coupling.edges) {
    json evidence = json::array();
    for (const auto& e : edge.evidence) evidence.push_back({{"path", e.path}, {"line", e.line}, {"detail", e.detail}});
    coupling_edges.push_back({{"from", analysis.coupling.nodes[static_cast<std::size_t>(edge.from)].id},
                              {"to", analysis.coupling.nodes[static_cast<std::size_t>(edge.to)].id},
                              {"kind", CouplingKindName(edge.kind)},
                              {"count", edge.count},
                              {"weight", edge.weight},
                              {"evidence", std::move(evidence)}});
  }
  report["graph"] = {{"nodes", std::move(nodes)}, {"edges", std::move(coupling_edges)}};
  if (analysis.has_proposal) AddProposal(analysis, &report);
  // The database decomposition plan: tables, and the contexts that own them.
  report["data"] = BuildDataReport(analysis);
  return report;
}

}  // namespace seams
