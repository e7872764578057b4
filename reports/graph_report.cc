#include "reports/graph_report.h"

#include <iomanip>

#include <map>
#include <memory>
#include <ostream>

namespace seams {

namespace {

using nlohmann::json;

json DiagnosticJson(const Diagnostic& d) {
  json out = {{"code", d.code}, {"severity", SeverityName(d.severity)}, {"message", d.message}};
  out["path"] = d.path;
  out["line"] = d.line;
  out["column"] = d.column;
  return out;
}

json CountsJson(const std::array<int, 3>& counts) {
  json out = json::object();
  for (std::size_t k = 0; k < counts.size(); ++k) {
    if (counts[k]) out[ImportKindName(static_cast<ImportKind>(k))] = counts[k];
  }
  return out;
}

json EdgeJson(const ImportEdge& edge, bool with_modules) {
  json evidence = json::array();
  for (const auto& e : edge.evidence) {
    json item = {{"path", e.path}, {"line", e.line}, {"kind", ImportKindName(e.kind)}, {"import", e.statement}};
    if (e.guarded) item["guarded"] = true;
    if (with_modules) {
      item["from"] = e.from;
      item["to"] = e.to;
    }
    evidence.push_back(std::move(item));
  }
  return {{"from", edge.from},
          {"to", edge.to},
          {"weight", edge.weight},
          {"counts", CountsJson(edge.counts)},
          {"evidence", std::move(evidence)}};
}

}  // namespace

bool ParseGraphLevel(const std::string& text, GraphLevel* level) {
  if (text == "module") *level = GraphLevel::kModule;
  else if (text == "app") *level = GraphLevel::kApp;
  else if (text == "model") *level = GraphLevel::kModel;
  else return false;
  return true;
}

JsonDocument GraphDocument(const Analysis& analysis, GraphLevel level) {
  JsonDocument report;
  report.Set("schema", [] { return kGraphSchema; });
  report.Set("level", [level] { return level == GraphLevel::kModule ? "module" : level == GraphLevel::kApp ? "app" : "model"; });
  report.Set("project", [&analysis] {
    const Project& project = analysis.project;
    int lines = 0;
    for (const auto& facts : analysis.facts) lines += facts.lines;
    return json{{"name", project.name},
                {"package_prefix", project.package_prefix},
                {"import_roots", project.import_roots},
                {"manage_py", project.manage_py},
                {"settings_module", analysis.layout.settings_module},
                {"files", project.files.size()},
                {"parsed_files", analysis.parsed_files},
                {"skipped_files", analysis.skipped_files},
                {"lines", lines}};
  });
  report.Set("settings", [&analysis] {
    return json{{"module", analysis.settings.module},
                {"installed_apps_known", analysis.settings.installed_apps_known},
                {"installed_apps", analysis.settings.installed_apps},
                {"auth_user_model", analysis.settings.auth_user_model},
                {"root_urlconf", analysis.settings.root_urlconf}};
  });
  report.SetArray("apps", [&analysis](const JsonDocument::Emit& emit) {
    for (const auto& app : analysis.layout.apps) {
      emit({{"label", app.label},
            {"name", app.name},
            {"package", app.package},
            {"path", app.path},
            {"config", app.config},
            {"has_models", app.has_models},
            {"installed", app.installed}});
    }
  });

  if (level == GraphLevel::kModule) {
    report.SetArray("nodes", [&analysis](const JsonDocument::Emit& emit) {
      for (const auto& node : analysis.module_graph.modules) {
        json tags = json::array();
        if (node.is_migration) tags.push_back("migration");
        if (node.is_test) tags.push_back("test");
        emit({{"id", node.module},
              {"path", node.path},
              {"app", node.app},
              {"group", node.group},
              {"package", node.is_package},
              {"tags", std::move(tags)},
              {"lines", node.lines},
              {"external", {{"stdlib", node.stdlib_imports}, {"third_party", node.third_party_imports}}},
              {"third_party", node.third_party}});
      }
    });
    report.SetArray("edges", [&analysis](const JsonDocument::Emit& emit) {
      for (const auto& edge : analysis.module_graph.edges) emit(EdgeJson(edge, false));
    });
    report.Set("cycles", [&analysis] { return json(analysis.module_graph.cycles); });
  } else if (level == GraphLevel::kModel) {
    report.SetArray("nodes", [&analysis](const JsonDocument::Emit& emit) {
      for (const auto& model : analysis.models.models) {
        emit({{"id", model.key},
              {"name", model.name},
              {"app", model.label},
              {"class", model.qualname},
              {"path", model.path},
              {"line", model.line},
              {"abstract", model.abstract},
              {"proxy", model.proxy},
              {"db_table", model.db_table},
              {"bases", model.bases}});
      }
    });
    report.SetArray("edges", [&analysis](const JsonDocument::Emit& emit) {
      for (const auto& r : analysis.models.relations) {
        json edge = {{"from", r.from}, {"to", r.to.empty() ? json(nullptr) : json(r.to)}, {"kind", r.kind},
                     {"field", r.field}, {"path", r.path}, {"line", r.line}, {"external", r.to_external}};
        if (!r.through.empty()) edge["through"] = r.through;
        if (!r.on_delete.empty()) edge["on_delete"] = r.on_delete;
        if (!r.related_name.empty()) edge["related_name"] = r.related_name;
        emit(std::move(edge));
      }
    });
    report.Set("cycles", [] { return json::array(); });
  } else {
    auto apps_graph = std::make_shared<const ImportGraph>(AggregateToApps(analysis.module_graph, analysis.layout));
    report.SetArray("nodes", [apps_graph](const JsonDocument::Emit& emit) {
      for (const auto& group : apps_graph->groups) {
        emit({{"id", group.id},
              {"kind", group.is_app ? "app" : "package"},
              {"package", group.package},
              {"modules", group.modules},
              {"lines", group.lines}});
      }
    });
    report.SetArray("edges", [apps_graph](const JsonDocument::Emit& emit) {
      for (const auto& edge : apps_graph->edges) emit(EdgeJson(edge, true));
    });
    report.Set("cycles", [apps_graph] { return json(apps_graph->cycles); });
  }

  report.SetArray("diagnostics", [&analysis](const JsonDocument::Emit& emit) {
    for (const auto& d : analysis.diagnostics) emit(DiagnosticJson(d));
  });
  report.Set("diagnostic_counts", [&analysis] {
    std::map<std::string, int> by_code;
    for (const auto& d : analysis.diagnostics) ++by_code[d.code];
    return json(by_code);
  });
  return report;
}

json BuildGraphReport(const Analysis& analysis, GraphLevel level) { return GraphDocument(analysis, level).ToJson(); }

void WriteJson(const json& report, std::ostream& out) {
  // Streamed, never held as one string (a report can be tens of megabytes): the width is the indent.
  out << std::setw(2) << report << '\n';
}

const std::vector<Format<Reporter>>& GraphFormats() {
  static const std::vector<Format<Reporter>> kFormats = {
      {"json", "the graph report (seams.graph/1)", &WriteJson, true},
      {"dot", "Graphviz DOT", &WriteGraphDot},
      {"mermaid", "a Mermaid flowchart", &WriteGraphMermaid},
  };
  return kFormats;
}

Reporter FindGraphReporter(const std::string& format) {
  const Format<Reporter>* row = FindFormat(GraphFormats(), format);
  return row ? row->render : nullptr;
}

}  // namespace seams
