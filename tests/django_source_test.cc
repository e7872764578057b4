// Real code nobody here wrote: Debian's python3-django source.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "lib/data/call_graph.h"
#include "lib/django/vocabulary.h"
#include "reports/graph_report.h"
#include "tests/test_support.h"

namespace {

const seams::Analysis& DjangoAnalysis() {
  static const seams::Analysis analysis = [] {
    seams::RealFileSystem fs;
    return seams::Analyze(fs, SEAMS_DJANGO_DIR, seams::test::DjangoOptions());
  }();
  return analysis;
}

const seams::ImportEdge* Edge(const std::string& from, const std::string& to) {
  for (const auto& e : DjangoAnalysis().module_graph.edges) {
    if (e.from == from && e.to == to) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("django: one module per .py file, all parsed, no syntax errors", "[django]") {
  std::size_t py_files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SEAMS_DJANGO_DIR)) {
    if (entry.is_regular_file() && entry.path().extension() == ".py" &&
        entry.path().string().find("__pycache__") == std::string::npos)
      ++py_files;
  }
  const auto& analysis = DjangoAnalysis();
  CHECK(py_files > 500);
  CHECK(analysis.project.files.size() == py_files);
  CHECK(analysis.module_graph.modules.size() == py_files);
  CHECK(analysis.parsed_files == static_cast<int>(py_files));
  CHECK(analysis.project.package_prefix == "django");
  for (const auto& d : analysis.diagnostics) {
    INFO(d.path << ":" << d.line << " " << d.code << " " << d.message);
    CHECK(d.code != "syntax-error");
    CHECK(d.severity != seams::Severity::kError);
  }
}

TEST_CASE("django: real imports with their lines", "[django]") {
  // django/contrib/admin/options.py: "from django.contrib.auth import get_permission_codename"
  const auto* edge = Edge("django.contrib.admin.options", "django.contrib.auth");
  REQUIRE(edge);
  bool found = false;
  for (const auto& e : edge->evidence) {
    if (e.statement == "from django.contrib.auth import get_permission_codename") {
      found = true;
      std::string source = seams::test::ReadText(std::string(SEAMS_DJANGO_DIR) + "/contrib/admin/options.py");
      std::istringstream lines(source);
      std::string line;
      for (int i = 0; i < e.line; ++i) std::getline(lines, line);
      CHECK(line.find("from django.contrib.auth import get_permission_codename") != std::string::npos);
    }
  }
  CHECK(found);
  // Parenthesised multi-line imports (django/contrib/auth/admin.py, sessions/backends/db.py).
  CHECK(Edge("django.contrib.auth.admin", "django.contrib.auth.forms"));
  CHECK(Edge("django.contrib.sessions.backends.db", "django.contrib.sessions.backends.base"));
  CHECK(Edge("django.db.models.base", "django.db.models.fields.related"));
}

TEST_CASE("django: contrib apps found with their labels", "[django]") {
  std::vector<std::string> labels;
  for (const auto& app : DjangoAnalysis().layout.apps) labels.push_back(app.label);
  for (const char* expected : {"admin", "auth", "contenttypes", "sessions", "sites", "flatpages", "redirects",
                               "messages", "staticfiles", "humanize", "postgres", "gis", "sitemaps"}) {
    INFO(expected);
    CHECK(std::find(labels.begin(), labels.end(), expected) != labels.end());
  }
  CHECK(std::find(labels.begin(), labels.end(), "forms") == labels.end());
  CHECK(std::find(labels.begin(), labels.end(), "db") == labels.end());
}

TEST_CASE("django: app-level graph has admin → auth and is deterministic", "[django]") {
  const auto& analysis = DjangoAnalysis();
  auto report = seams::BuildGraphReport(analysis, seams::GraphLevel::kApp);
  bool admin_auth = false;
  for (const auto& e : report["edges"]) admin_auth |= e["from"] == "admin" && e["to"] == "auth";
  CHECK(admin_auth);
  seams::RealFileSystem fs;
  seams::AnalysisOptions one_thread;
  one_thread.parse.jobs = 1;
  auto again = seams::Analyze(fs, SEAMS_DJANGO_DIR, one_thread);
  CHECK(seams::BuildGraphReport(again, seams::GraphLevel::kModule).dump() ==
        seams::BuildGraphReport(analysis, seams::GraphLevel::kModule).dump());
}

TEST_CASE("django: an atomic block's calls, self-methods resolved through the class that holds them", "[django][data]") {
  std::map<std::string, std::vector<std::string>> calls;  // scope → project functions called in the block
  for (const auto& t : DjangoAnalysis().queries.transactions) calls[t.path + " " + t.scope] = t.calls;
  // `with transaction.atomic(...): return self._changeform_view(...)` in ModelAdmin.
  CHECK(calls["contrib/admin/options.py ModelAdmin.changeform_view"] ==
        std::vector<std::string>{"django.contrib.admin.options.ModelAdmin._changeform_view"});
  CHECK(calls["contrib/auth/admin.py UserAdmin.add_view"] ==
        std::vector<std::string>{"django.contrib.auth.admin.UserAdmin._add_view"});
  // What _changeform_view calls in turn, read on demand: the ModelAdmin methods that save and log.
  // The analysis has freed its call sites (only the data stage reads them): parse again, from the cache.
  seams::RealFileSystem fs;
  const seams::AnalysisOptions options = seams::test::DjangoOptions();
  const auto facts = seams::ParseProject(fs, DjangoAnalysis().project,
                                         seams::WithDjangoVocabulary(options.parse, options.django));
  std::size_t kept = 0, parsed = 0;
  for (const auto& f : DjangoAnalysis().facts) kept += f.call_sites.size() + f.chains.size() + f.blocks.size();
  for (const auto& f : facts) parsed += f.call_sites.size() + f.chains.size() + f.blocks.size();
  CHECK(kept == 0);
  CHECK(parsed > 1000);
  const seams::ModuleIndex index(DjangoAnalysis().project);
  const seams::SymbolTable symbols(DjangoAnalysis().project, facts, index);
  seams::CallGraph graph(DjangoAnalysis().project, facts, symbols);
  const auto& callees = graph.Callees("django.contrib.admin.options.ModelAdmin._changeform_view");
  for (const char* method : {"save_model", "save_related", "log_addition", "log_change", "get_object"}) {
    INFO(method);
    CHECK(std::count(callees.begin(), callees.end(), std::string("django.contrib.admin.options.ModelAdmin.") + method) == 1);
  }
  CHECK(graph.Callees("django.contrib.admin.options.NoSuchAdmin.method").empty());
}
