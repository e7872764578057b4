// The workshop outputs, all rendered from the analysis report: the diagram
// views (DOT and Mermaid), the Markdown handout, `explain`, and reading a saved
// report back. Goldens for the example monolith live in tests/golden/shopwise/
// (SEAMS_UPDATE_GOLDEN=1 rewrites them; review the diff).

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "lib/core/error.h"
#include "reports/analysis_report.h"
#include "reports/explain.h"
#include "reports/graph_report.h"
#include "reports/proposal_render.h"
#include "reports/report_reader.h"
#include "reports/view.h"
#include "tests/test_support.h"

using nlohmann::json;

namespace {

const json& ShopwiseReport() {
  static const json report = [] {
    seams::RealFileSystem fs;
    seams::AnalysisOptions options;
    options.cluster = true;
    return seams::BuildAnalysisReport(seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise", options));
  }();
  return report;
}

const json& DjangoReport() {
  static const json report = [] {
    seams::RealFileSystem fs;
    seams::AnalysisOptions options = seams::test::DjangoOptions();
    options.cluster = true;
    return seams::BuildAnalysisReport(seams::Analyze(fs, SEAMS_DJANGO_DIR, options));
  }();
  return report;
}

void CheckGolden(const std::string& actual, const std::string& name) {
  seams::test::CheckGolden(actual, std::string(SEAMS_SOURCE_DIR) + "/tests/golden/shopwise/" + name);
}

seams::View View(seams::ViewKind kind, seams::ViewOptions options = {}) {
  return seams::BuildView(ShopwiseReport(), kind, options);
}

std::string Dot(const seams::View& view) {
  std::ostringstream out;
  seams::WriteViewDot(view, out);
  return out.str();
}

std::string Mermaid(const seams::View& view) {
  std::ostringstream out;
  seams::WriteViewMermaid(view, out);
  return out.str();
}

std::map<std::string, std::string> ContextOfNodes(const json& report) {
  std::map<std::string, std::string> out;
  for (const auto& node : report.at("graph").at("nodes")) out[node.at("id")] = node.at("context");
  return out;
}

const seams::ViewEdge* FindEdge(const seams::View& view, const std::string& from, const std::string& to) {
  for (const auto& edge : view.edges) {
    if (edge.from == from && edge.to == to) return &edge;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("shopwise views: goldens for every view and format", "[views][golden]") {
  seams::ViewOptions orders;
  orders.context = "orders";
  const std::pair<seams::ViewKind, std::string> views[] = {
      {seams::ViewKind::kContexts, "contexts"}, {seams::ViewKind::kApps, "apps"}, {seams::ViewKind::kModels, "models"}};
  for (const auto& [kind, name] : views) {
    CheckGolden(Dot(View(kind)), name + ".dot");
    CheckGolden(Mermaid(View(kind)), name + ".mmd");
  }
  CheckGolden(Dot(View(seams::ViewKind::kContext, orders)), "context-orders.dot");
  CheckGolden(Mermaid(View(seams::ViewKind::kContext, orders)), "context-orders.mmd");
  std::ostringstream handout;
  seams::WriteHandoutMarkdown(ShopwiseReport(), handout);
  CheckGolden(handout.str(), "report.md");
  std::ostringstream text, json_text;
  json explanation = seams::Explain(ShopwiseReport(), "orders", "payments");
  seams::WriteExplainText(explanation, text);
  seams::WriteJson(explanation, json_text);
  CheckGolden(text.str(), "explain-orders-payments.txt");
  CheckGolden(json_text.str(), "explain-orders-payments.json");
}

// report.json is the contract: any change to it, field or value, is a deliberate golden update.
TEST_CASE("shopwise: report.json itself", "[views][golden]") {
  std::ostringstream out;
  seams::WriteJson(ShopwiseReport(), out);
  CheckGolden(out.str(), "report.json");
}

TEST_CASE("a saved report redraws the same bytes", "[views]") {
  std::ostringstream saved;
  seams::WriteJson(ShopwiseReport(), saved);
  json back = seams::ParseAnalysisReport(saved.str(), "report.json");
  for (auto kind : {seams::ViewKind::kContexts, seams::ViewKind::kApps, seams::ViewKind::kModels}) {
    CHECK(Dot(seams::BuildView(back, kind, {})) == Dot(View(kind)));
    CHECK(Mermaid(seams::BuildView(back, kind, {})) == Mermaid(View(kind)));
  }
}

TEST_CASE("a report of another schema is refused with a clear message", "[views]") {
  json report = ShopwiseReport();
  report["schema"] = "seams.analysis/1";
  CHECK_THROWS_WITH(seams::ParseAnalysisReport(report.dump(), "old.json"),
                    Catch::Contains("old.json: written for schema seams.analysis/1, this seams reads seams.analysis/3"));
  report["schema"] = "seams.graph/1";
  CHECK_THROWS_WITH(seams::ParseAnalysisReport(report.dump(), "g.json"), Catch::Contains("a seams.graph/1 report, not an analysis report"));
  CHECK_THROWS_WITH(seams::ParseAnalysisReport("{\"schema\": ", "cut.json"), Catch::Contains("cut.json: not a JSON document"));
  CHECK_THROWS_WITH(seams::ParseAnalysisReport("[1]", "list.json"), Catch::Contains("not a Seams report"));
  json graph_only = ShopwiseReport();
  graph_only.erase("contexts");
  CHECK_THROWS_AS(seams::BuildView(graph_only, seams::ViewKind::kContexts, {}), seams::SeamsError);
}

TEST_CASE("context map: one box per context, edges sum the coupling graph", "[views]") {
  const json& report = ShopwiseReport();
  seams::ViewOptions all;
  all.top = 0;
  seams::View view = View(seams::ViewKind::kContexts, all);
  CHECK(view.nodes.size() == report.at("contexts").size() + 1);  // + the shared kernel
  // Sum the graph edges between two contexts independently of the view code.
  auto context = ContextOfNodes(report);
  std::map<std::pair<std::string, std::string>, double> expected;
  for (const auto& e : report.at("graph").at("edges")) {
    const std::string a = context[e.at("from")], b = context[e.at("to")];
    if (a != b) expected[{a, b}] += e.at("weight").get<double>();
  }
  REQUIRE(view.edges.size() == expected.size());
  for (const auto& edge : view.edges) CHECK(edge.weight == Approx(expected[{edge.from, edge.to}]));
  // payments → orders: Payment.order (fk, 5) and a lazy import of orders.services (0.5).
  const seams::ViewEdge* payments_orders = FindEdge(view, "payments", "orders");
  REQUIRE(payments_orders);
  CHECK(payments_orders->weight == Approx(5.5));
  CHECK(payments_orders->counts == std::map<std::string, int>{{"fk", 1}, {"import_lazy", 1}});
}

TEST_CASE("legibility: --hide-kernel, --top, --min-weight, --collapse-apps", "[views]") {
  seams::ViewOptions options;
  options.hide_kernel = true;
  seams::View hidden = View(seams::ViewKind::kContexts, options);
  for (const auto& node : hidden.nodes) CHECK(node.id != "shared_kernel");
  for (const auto& edge : hidden.edges) CHECK((edge.from != "shared_kernel" && edge.to != "shared_kernel"));

  options = {};
  options.top = 5;
  seams::View top = View(seams::ViewKind::kContexts, options);
  seams::ViewOptions all;
  all.top = 0;
  seams::View every = View(seams::ViewKind::kContexts, all);
  REQUIRE(top.edges.size() == 5);
  std::vector<double> weights;
  for (const auto& e : every.edges) weights.push_back(e.weight);
  std::sort(weights.rbegin(), weights.rend());
  double lightest_kept = 1e9;
  for (const auto& e : top.edges) lightest_kept = std::min(lightest_kept, e.weight);
  CHECK(lightest_kept == Approx(weights[4]));
  CHECK(top.notes == std::vector<std::string>{"only the 5 heaviest of " + std::to_string(every.edges.size()) + " edges shown"});

  options = {};
  options.min_weight = 5;
  for (const auto& e : View(seams::ViewKind::kApps, options).edges) CHECK(e.weight >= 5);

  options = {};
  options.context = "catalog";
  options.collapse_apps = true;
  seams::View collapsed = View(seams::ViewKind::kContext, options);
  std::set<std::string> ids;
  for (const auto& node : collapsed.nodes) ids.insert(node.id);
  CHECK(ids.count("catalog/catalog"));
  CHECK(ids.count("catalog/inventory"));  // inventory.receivers (reacting to ProductVariant) sits in catalog: the app is split
  CHECK(ids.count("inventory/inventory"));
  CHECK_FALSE(ids.count("catalog.Product"));
}

TEST_CASE("apps view: colours by context and names the split apps", "[views]") {
  const json& report = ShopwiseReport();
  seams::View view = View(seams::ViewKind::kApps);
  std::map<std::string, const seams::ViewNode*> node;
  for (const auto& n : view.nodes) node[n.id] = &n;
  // The split apps are exactly those the metrics call split.
  std::set<std::string> split, expected;
  for (const auto& n : view.nodes) {
    if (!n.split_colours.empty()) split.insert(n.id);
  }
  for (const auto& [app, contexts] : report.at("metrics").at("split_apps").items()) expected.insert(app);
  CHECK(split == expected);
  REQUIRE(node.count("core"));
  CHECK(node["core"]->kernel);
  CHECK(node["payments"]->colour >= 0);
  CHECK(view.legend.size() == report.at("contexts").size());
}

TEST_CASE("models view: exactly the relations across contexts are highlighted", "[views]") {
  const json& report = ShopwiseReport();
  auto context = ContextOfNodes(report);
  std::set<std::string> expected, highlighted;
  for (const auto& r : report.at("relations")) {
    if (!r.at("to").is_string() || r.at("kind") == "inherits" || r.at("kind") == "generic_relation" ||
        !context.count(r.at("to")))
      continue;
    if (context[r.at("from")] != context[r.at("to")]) {
      expected.insert(r.at("from").get<std::string>() + "." + r.at("field").get<std::string>());
    }
  }
  seams::View view = View(seams::ViewKind::kModels);
  for (const auto& node : view.nodes) {
    for (const auto& field : node.fields) {
      if (field.crosses) highlighted.insert(node.id + "." + field.name);
    }
  }
  CHECK(highlighted == expected);
  CHECK(highlighted.count("payments.Payment.order"));
  CHECK_FALSE(highlighted.count("orders.OrderLine.order"));

  seams::ViewOptions cross;
  cross.cross_only = true;
  seams::View only = View(seams::ViewKind::kModels, cross);
  for (const auto& edge : only.edges) CHECK(edge.crosses);
  CHECK(only.edges.size() == expected.size());

  seams::ViewOptions focus;
  focus.context = "payments";
  seams::View payments = View(seams::ViewKind::kModels, focus);
  std::set<std::string> outside;
  for (const auto& node : payments.nodes) {
    if (node.external) outside.insert(node.id);
  }
  CHECK(outside.count("orders.Order"));
  CHECK(outside.count("accounts.User"));
}

TEST_CASE("models view of one context: every relation of the whole view with an end in it", "[views]") {
  // The focused view reads only the relations indexed under its context; one
  // indexed under only one of its ends would lose the other end's edges.
  const json& report = ShopwiseReport();
  std::map<std::string, std::string> context;
  for (const auto& n : report.at("graph").at("nodes")) {
    if (n.at("context").is_string()) context[n.at("id")] = n.at("context");
  }
  const seams::View all = View(seams::ViewKind::kModels);
  std::size_t checked = 0;
  for (const auto& c : report.at("contexts")) {
    const std::string name = c.at("name");
    seams::ViewOptions focus;
    focus.context = name;
    std::multiset<std::string> expected, got;
    for (const auto& e : all.edges) {
      if (context[e.from] == name || context[e.to] == name) expected.insert(e.from + " " + e.to + " " + e.label);
    }
    for (const auto& e : View(seams::ViewKind::kModels, focus).edges) got.insert(e.from + " " + e.to + " " + e.label);
    CHECK(got == expected);
    checked += expected.size();
  }
  CHECK(checked > all.edges.size());  // relations across contexts counted at both ends
}

TEST_CASE("one context: its members and what crosses its boundary", "[views]") {
  const json& report = ShopwiseReport();
  seams::ViewOptions options;
  options.context = "payments";
  seams::View view = View(seams::ViewKind::kContext, options);
  std::set<std::string> members, inside;
  for (const auto& n : report.at("graph").at("nodes")) {
    if (n.at("context") == "payments") members.insert(n.at("id"));
  }
  for (const auto& node : view.nodes) {
    if (!node.external) inside.insert(node.id);
  }
  CHECK(inside == members);
  for (const auto& edge : view.edges) CHECK((members.count(edge.from) || members.count(edge.to)));
  const seams::ViewEdge* fk = FindEdge(view, "payments.Payment", "orders.Order");
  REQUIRE(fk);
  CHECK(fk->crosses);
  options.context = "no-such-context";
  CHECK_THROWS_WITH(View(seams::ViewKind::kContext, options), Catch::Contains("no context named 'no-such-context'"));
}

TEST_CASE("DOT and Mermaid: shapes GitHub and Graphviz accept", "[views]") {
  std::string models = Mermaid(View(seams::ViewKind::kModels));
  CHECK(models.rfind("erDiagram\n", 0) == 0);
  CHECK(models.find("payments_Payment }o--|| orders_Order : \"order (crosses)\"") != std::string::npos);
  CHECK(models.find("    ForeignKey order FK \"orders.Order, crosses contexts\"") != std::string::npos);
  std::string map = Mermaid(View(seams::ViewKind::kContexts));
  CHECK(map.rfind("flowchart TB\n", 0) == 0);
  CHECK(map.find("\"") != std::string::npos);
  std::string dot = Dot(View(seams::ViewKind::kModels));
  CHECK(dot.find("<font color=\"#c0392b\"><b>order fk → orders.Order</b></font>") != std::string::npos);
}

TEST_CASE("handout: one page with every section and a row per context", "[views]") {
  const json& report = ShopwiseReport();
  std::ostringstream out;
  seams::WriteHandoutMarkdown(report, out);
  const std::string md = out.str();
  for (const char* section : {"## Context map", "## Proposed contexts", "## Shared kernel", "## Cross-context dependencies",
                              "## Foreign keys across contexts", "## Extraction order", "## Undecided members", "## Diagnostics"}) {
    INFO(section);
    CHECK(md.find(std::string("\n") + section + "\n") != std::string::npos);
  }
  for (const auto& c : report.at("contexts")) {
    INFO(c.at("name"));
    CHECK(md.find("| **" + c.at("name").get<std::string>() + "** | ") != std::string::npos);
  }
  CHECK(md.find("| `payments.Payment.order → orders.Order` | fk | payments | orders | `payments/models.py:24` |") !=
        std::string::npos);
  std::size_t mermaid = 0;
  for (std::size_t at = md.find("```mermaid\n"); at != std::string::npos; at = md.find("```mermaid\n", at + 1)) ++mermaid;
  CHECK(mermaid == 2);
  CHECK(md.find("| 1 | " + report.at("plan")[0].at("context").get<std::string>() + " | ") != std::string::npos);
}

TEST_CASE("explain: orders and payments in the example monolith", "[explain]") {
  json e = seams::Explain(ShopwiseReport(), "orders", "payments");
  CHECK(e.at("a").at("as") == "context");
  // Both ways: payments points at orders (a key, a lazy call); orders' side reaches payments
  // through the notification code that follows the orders it reports on.
  REQUIRE(e.at("pairs").size() == 2);
  const json& pair = e.at("pairs")[0].at("from") == "payments" ? e.at("pairs")[0] : e.at("pairs")[1];
  CHECK(pair.at("from") == "payments");
  CHECK(pair.at("to") == "orders");
  CHECK(pair.at("weight").get<double>() == Approx(5.5));
  std::set<std::string> where;
  for (const auto& kind : pair.at("kinds")) {
    for (const auto& edge : kind.at("edges")) {
      for (const auto& ev : edge.at("evidence")) {
        where.insert(kind.at("kind").get<std::string>() + " " + ev.at("path").get<std::string>() + ":" +
                     std::to_string(ev.at("line").get<int>()));
      }
    }
  }
  CHECK(where == std::set<std::string>{"fk payments/models.py:24", "import_lazy payments/services.py:42"});
  // Each cited line says what the evidence says.
  std::istringstream models(seams::test::ReadText(std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise/payments/models.py"));
  std::string line;
  for (int i = 0; i < 24; ++i) std::getline(models, line);
  CHECK(line.find("order = models.ForeignKey") != std::string::npos);

  json one = seams::Explain(ShopwiseReport(), "model:orders.Order", "");
  CHECK(one.at("a").at("as") == "model");
  std::set<std::string> counterparts;
  for (const auto& p : one.at("pairs")) counterparts.insert(p.at("from").get<std::string>() + ">" + p.at("to").get<std::string>());
  CHECK(counterparts.count("payments.Payment>orders.Order"));
  CHECK(counterparts.count("orders.Order>accounts.User"));
  std::ostringstream capped;
  seams::WriteExplainText(one, capped, 2);
  CHECK(capped.str().find("orders.views → orders.Order: 8 couplings, weight 22\n  uses_model: 7, weight 21\n") !=
        std::string::npos);
  CHECK(capped.str().find("    … and 5 more (--evidence 0 shows every one)\n") != std::string::npos);
  CHECK_THROWS_WITH(seams::Explain(ShopwiseReport(), "ordrs", ""), Catch::Contains("'ordrs' names no context"));
  CHECK_THROWS_WITH(seams::Explain(ShopwiseReport(), "order", ""), Catch::Contains("did you mean"));
}

TEST_CASE("explain: django.contrib.admin and django.contrib.auth, with the real lines", "[explain][django]") {
  json e = seams::Explain(DjangoReport(), "django.contrib.admin", "django.contrib.auth");
  CHECK(e.at("a").at("as") == "app");
  CHECK(e.at("a").at("name") == "admin");
  CHECK(e.at("b").at("name") == "auth");
  std::map<std::string, std::string> evidence;  // "path:line" → detail
  std::set<std::string> directions;
  for (const auto& pair : e.at("pairs")) {
    directions.insert(pair.at("from").get<std::string>() + ">" + pair.at("to").get<std::string>());
    for (const auto& kind : pair.at("kinds")) {
      for (const auto& edge : kind.at("edges")) {
        for (const auto& ev : edge.at("evidence")) {
          evidence[ev.at("path").get<std::string>() + ":" + std::to_string(ev.at("line").get<int>())] = ev.at("detail");
        }
      }
    }
  }
  CHECK(directions == std::set<std::string>{"admin>auth", "auth>admin"});
  CHECK(evidence["contrib/admin/models.py:45"] == "fk user → auth.User");
  CHECK(evidence["contrib/auth/admin.py:2"] == "from django.contrib import admin");
  CHECK(evidence["contrib/admin/options.py:26"] == "from django.contrib.auth import get_permission_codename");
  // Every cited line of Django's source holds the import or field it is cited for.
  for (const auto& [where, detail] : evidence) {
    std::string path = std::string(SEAMS_DJANGO_DIR) + "/" + where.substr(0, where.find(':'));
    int number = std::stoi(where.substr(where.find(':') + 1));
    std::istringstream source(seams::test::ReadText(path));
    std::string line;
    for (int i = 0; i < number; ++i) std::getline(source, line);
    INFO(where << ": " << detail << " / " << line);
    if (detail.rfind("from ", 0) == 0) {
      std::string module = detail.substr(5, detail.find(" import") - 5);
      CHECK(line.find("from " + module + " import") != std::string::npos);
    } else {
      CHECK(line.find(detail.substr(3, detail.find(' ', 3) - 3)) != std::string::npos);
    }
  }
}
