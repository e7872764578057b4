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
json RelationJson(const RelationInfo& r) {
  return {{"from", r.from},       {"field", r.field},          {"kind", r.kind},
          {"to", NullIfEmpty(r.to)}, {"external", r.to_external}, {"through", NullIfEmpty(r.through)},
          {"on_delete", NullIfEmpty(r.on_delete)}, {"related_name", NullIfEmpty(r.related_name)},
          {"path", r.path},       {"line", r.line},
          {"inherited_from", NullIfEmpty(r.inherited_from)}};
}

void AddModels(const Analysis& analysis, JsonDocument* report) {
  report->Set("models", [&analysis] {
    std::map<std::string, json> relations_of;
    for (const auto& r : analysis.models.relations) relations_of[r.from].push_back(RelationJson(r));
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
    return models;
  });
  report->SetArray("relations", [&analysis](const JsonDocument::Emit& emit) {
    for (const auto& r : analysis.models.relations) emit(RelationJson(r));
  });
}

void AddDjango(const DjangoFacts& d, JsonDocument* report) {
  report->SetArray("views", [&d](const JsonDocument::Emit& emit) {
    for (const auto& v : d.views) {
      emit({{"view", v.qualname}, {"kind", v.kind}, {"module", v.module}, {"path", v.at.path},
            {"line", v.at.line}, {"models", v.Models()}, {"uses", Uses(v.uses)}});
    }
  });
  report->SetArray("urls", [&d](const JsonDocument::Emit& emit) {
    for (const auto& u : d.urls) {
      emit({{"prefix", u.reachable ? json(u.prefix) : json(nullptr)}, {"route", u.route},
            {"view", NullIfEmpty(u.view)}, {"name", NullIfEmpty(u.name)},
            {"namespace", NullIfEmpty(u.namespace_)}, {"module", u.module}, {"path", u.at.path},
            {"line", u.at.line}});
    }
  });
  report->SetArray("admin", [&d](const JsonDocument::Emit& emit) {
    for (const auto& a : d.admin) {
      emit({{"model", a.model}, {"admin_class", NullIfEmpty(a.admin_class)}, {"module", a.module},
            {"path", a.at.path}, {"line", a.at.line}});
    }
  });
  report->Set("signals", [&d] {
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
    return json{{"receivers", std::move(receivers)}, {"custom", std::move(custom)}};
  });
  report->Set("tasks", [&d] {
    json tasks = json::array();
    for (const auto& t : d.tasks) {
      tasks.push_back({{"task", t.task}, {"module", t.module}, {"path", t.at.path}, {"line", t.at.line}, {"uses", Uses(t.uses)}});
    }
    json task_calls = json::array();
    for (const auto& c : d.task_calls) {
      task_calls.push_back({{"caller", c.caller}, {"scope", c.scope}, {"task", c.task}, {"how", c.how},
                            {"path", c.at.path}, {"line", c.at.line}});
    }
    return json{{"tasks", std::move(tasks)}, {"calls", std::move(task_calls)}};
  });
  for (const char* kind : {"form", "serializer"}) {
    report->SetArray(std::string(kind) + "s", [&d, kind = std::string(kind)](const JsonDocument::Emit& emit) {
      for (const auto& f : d.forms) {
        if ((f.kind == "form") != (kind == "form")) continue;
        emit({{"class", f.qualname}, {"model", NullIfEmpty(f.model)}, {"path", f.at.path}, {"line", f.at.line}});
      }
    });
  }
  report->SetArray("loader_uses", [&d](const JsonDocument::Emit& emit) {
    for (const auto& l : d.loader_uses) {
      emit({{"module", l.module}, {"target", l.target}, {"how", l.how}, {"path", l.at.path}, {"line", l.at.line}});
    }
  });
}

// The coupling graph: every typed, weighted edge between modules and models, with evidence;
// with a proposal, each node names its context.
void AddCouplingGraph(const Analysis& analysis, JsonDocument* report) {
  JsonDocument& graph = report->Object("graph");
  graph.SetArray("nodes", [&analysis](const JsonDocument::Emit& emit) {
    const std::vector<std::string>& contexts = analysis.proposal.node_context;
    for (std::size_t i = 0; i < analysis.coupling.nodes.size(); ++i) {
      const CouplingNode& node = analysis.coupling.nodes[i];
      json tags = json::array();
      if (node.is_migration) tags.push_back("migration");
      if (node.is_test) tags.push_back("test");
      json out = {{"id", node.id}, {"kind", node.kind == NodeKind::kModel ? "model" : "module"},
                  {"group", node.group}, {"module", node.module}, {"path", node.path}, {"lines", node.lines},
                  {"tags", std::move(tags)}};
      if (analysis.has_proposal && i < contexts.size()) out["context"] = contexts[i].empty() ? json(nullptr) : json(contexts[i]);
      emit(std::move(out));
    }
  });
  graph.SetArray("edges", [&analysis](const JsonDocument::Emit& emit) {
    for (std::size_t i = 0; i < analysis.coupling.edges.size(); ++i) emit(EdgeRef(analysis.coupling, static_cast<int>(i)));
  });
}

void AddProposal(const Analysis& analysis, JsonDocument* report) {
  const Proposal& p = analysis.proposal;
  const CouplingGraph& graph = analysis.coupling;
  report->Set("proposal", [&p] {
    return json{{"level", ClusterLevelName(p.level)}, {"resolution", p.resolution}, {"seed", p.seed},
                {"services_requested", p.services_requested}, {"services_exact", p.services_exact},
                {"units", p.units}, {"merges", Merges(p.merges)}};
  });
  report->SetArray("outside", [&p](const JsonDocument::Emit& emit) {
    for (const auto& o : p.outside) {
      emit({{"id", o.id}, {"kind", o.kind}, {"path", o.path}, {"reason", o.reason}, {"lines", o.lines}});
    }
  });
  report->SetArray("shared_kernel", [&p](const JsonDocument::Emit& emit) {
    for (const auto& h : p.shared_kernel) {
      emit({{"id", h.id}, {"kind", h.kind}, {"reason", h.reason}, {"fan_in_groups", h.fan_in_groups},
            {"groups", h.groups}, {"share", h.share}});
    }
  });
  report->SetArray("contexts", [&p](const JsonDocument::Emit& emit) {
    for (const auto& c : p.contexts) {
      json members = json::array();
      double confidence = 0;
      for (const auto& m : c.members) {
        members.push_back(Member(m));
        confidence += m.confidence;
      }
      emit({{"name", c.name}, {"apps", c.apps}, {"members", std::move(members)},
            {"size", c.members.size()}, {"models", c.models}, {"concrete_models", c.concrete_models},
            {"lines", c.lines}, {"stateless", c.stateless},
            {"stateless_reason", c.stateless ? json(c.stateless_reason) : json(nullptr)},
            {"tables", c.tables}, {"own_data_share", c.own_data_share},
            {"internal_weight", c.internal_weight}, {"external_weight", c.external_weight},
            {"cohesion", c.cohesion}, {"coupling", c.coupling},
            {"confidence", c.members.empty() ? 1.0 : confidence / static_cast<double>(c.members.size())}});
    }
  });
  report->SetArray("undecided", [&p](const JsonDocument::Emit& emit) {
    for (const auto& m : p.undecided) emit(Member(m));
  });
  report->Set("metrics", [&p] {
    const ProposalMetrics& m = p.metrics;
    return json{{"modularity", m.modularity},
                {"structural_modularity", m.structural_modularity},
                {"interface_number", m.interface_number},
                {"non_extreme_distribution", m.non_extreme_distribution},
                {"inter_call_percentage", m.inter_call_percentage},
                {"mojofm_vs_apps", m.mojofm_vs_apps},
                {"ari_vs_apps", m.ari_vs_apps},
                {"split_apps", m.split_apps},
                {"merged_apps", m.merged_apps}};
  });
  report->SetArray("cross_context", [&p, &graph](const JsonDocument::Emit& emit) {
    for (const auto& c : p.cross_context) {
      emit({{"from", c.from}, {"to", c.to}, {"counts", c.counts}, {"weight", c.weight},
            {"edges", EdgeRefs(graph, c.edges)}});
    }
  });
  report->SetArray("plan", [&p, &graph](const JsonDocument::Emit& emit) {
    for (const auto& s : p.plan) {
      emit({{"rank", s.rank}, {"context", s.context}, {"difficulty", s.difficulty},
            {"inbound_weight", s.inbound_weight}, {"outbound_weight", s.outbound_weight},
            {"kernel_weight", s.kernel_weight}, {"foreign_keys", s.foreign_keys}, {"signals", s.signals},
            {"task_calls", s.task_calls}, {"reasons", s.reasons}, {"url_prefixes", s.url_prefixes},
            {"seams", {{"imports_to_api_calls", EdgeRefs(graph, s.imports)},
                       {"foreign_keys_to_ids", EdgeRefs(graph, s.relations)},
                       {"signals_to_events", EdgeRefs(graph, s.signal_edges)},
                       {"task_calls", EdgeRefs(graph, s.task_edges)},
                       {"other", EdgeRefs(graph, s.other_edges)}}}});
    }
  });
}

}  // namespace

JsonDocument AnalysisDocument(const Analysis& analysis) {
  // The module-level graph report carries project, settings, apps, nodes, edges,
  // cycles and diagnostics; the analysis report adds the Django facts to it. Its
  // nodes and edges are the import graph (`modules`, `module_imports`); `graph`
  // holds the coupling graph that the proposal clusters.
  JsonDocument graph = GraphDocument(analysis, GraphLevel::kModule);
  JsonDocument report;
  report.Set("schema", [] { return kAnalysisSchema; });
  for (const char* key : {"project", "settings", "apps", "cycles", "diagnostics", "diagnostic_counts"}) {
    report.Take(key, graph, key);
  }
  report.Take("modules", graph, "nodes");
  report.Take("module_imports", graph, "edges");  // the import graph; `graph` is the coupling graph
  AddModels(analysis, &report);
  AddDjango(analysis.django, &report);
  AddCouplingGraph(analysis, &report);
  if (analysis.has_proposal) AddProposal(analysis, &report);
  // The database decomposition plan: tables, and the contexts that own them.
  report.Set("data", [&analysis] { return BuildDataReport(analysis); });
  return report;
}

json BuildAnalysisReport(const Analysis& analysis) { return AnalysisDocument(analysis).ToJson(); }

}  // namespace seams
