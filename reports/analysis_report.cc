#include "reports/analysis_report.h"

#include <map>

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

}  // namespace

json BuildAnalysisReport(const Analysis& analysis) {
  // The module-level graph report carries project, settings, apps, nodes, edges,
  // cycles and diagnostics; the analysis report adds the Django facts to it.
  json graph = BuildGraphReport(analysis, GraphLevel::kModule);
  json report;
  report["schema"] = kAnalysisSchema;
  report["project"] = graph["project"];
  report["settings"] = graph["settings"];
  report["apps"] = graph["apps"];
  report["modules"] = graph["nodes"];
  report["edges"] = graph["edges"];
  report["cycles"] = graph["cycles"];
  report["diagnostics"] = graph["diagnostics"];
  report["diagnostic_counts"] = graph["diagnostic_counts"];

  std::map<std::string, json> relations_of;
  json relations = json::array();
  for (const auto& r : analysis.models.relations) {
    json relation = {{"from", r.from},       {"field", r.field},          {"kind", r.kind},
                     {"to", NullIfEmpty(r.to)}, {"external", r.to_external}, {"through", NullIfEmpty(r.through)},
                     {"on_delete", NullIfEmpty(r.on_delete)}, {"related_name", NullIfEmpty(r.related_name)},
                     {"path", r.path},       {"line", r.line}};
    relations_of[r.from].push_back(relation);
    relations.push_back(std::move(relation));
  }
  json models = json::array();
  for (const auto& m : analysis.models.models) {
    models.push_back({{"key", m.key},
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
                      {"relations", relations_of.count(m.key) ? relations_of[m.key] : json::array()}});
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
  return report;
}

}  // namespace seams
