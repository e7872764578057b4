// The proposal on the example monolith: the boundaries its README describes,
// the shared kernel, names, pins, determinism and the extraction plan.

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "lib/cluster/metrics.h"
#include "reports/analysis_report.h"
#include "tests/test_support.h"

using nlohmann::json;

namespace {

seams::Analysis Shopwise(seams::ProposalOptions proposal = {}, unsigned jobs = 0) {
  seams::RealFileSystem fs;
  seams::AnalysisOptions options;
  options.parse.jobs = jobs;
  options.cluster = true;
  options.proposal = proposal;
  return seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise", options);
}

const seams::Analysis& Default() {
  static const seams::Analysis analysis = Shopwise();
  return analysis;
}

json Expected() {
  std::ifstream in(std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise/expected/contexts.json");
  return json::parse(in);
}

// The context that holds most of an app's clustered units ("shared_kernel" when most are kernel).
std::map<std::string, std::string> ContextOfApps(const seams::Analysis& analysis) {
  std::map<std::string, std::map<std::string, int>> votes;
  const auto& graph = analysis.coupling;
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    const std::string& context = analysis.proposal.node_context[n];
    if (context.empty()) continue;
    ++votes[graph.nodes[n].group][context];
  }
  std::map<std::string, std::string> out;
  for (const auto& [app, counts] : votes) {
    int best = -1;
    for (const auto& [context, count] : counts) {
      if (count > best) {
        best = count;
        out[app] = context;
      }
    }
  }
  return out;
}


// An app's context: the one holding most of its units ("shared_kernel" when most are kernel).
double MoJoFMAgainstReadme(const seams::Analysis& analysis) {
  json expected = Expected();
  std::map<std::string, std::string> label_of_package;
  for (const auto& app : analysis.layout.apps) label_of_package[app.package] = app.label;
  std::map<std::string, std::string> ours = ContextOfApps(analysis);
  std::vector<int> a, b;
  std::map<std::string, int> ids_a, ids_b;
  auto id = [](std::map<std::string, int>& ids, const std::string& key) {
    return ids.emplace(key, static_cast<int>(ids.size())).first->second;
  };
  for (const auto& [context, packages] : expected["contexts"].items()) {
    for (const auto& package : packages) {
      std::string p = package.get<std::string>();
      std::string label = label_of_package.count(p) ? label_of_package[p] : p;
      a.push_back(id(ids_a, ours[label]));
      b.push_back(id(ids_b, context));
    }
  }
  for (const auto& package : expected["shared_kernel"]) {
    std::string p = package.get<std::string>();
    INFO(p << " → ours: " << ours[p]);
    CHECK(ours[p] == "shared_kernel");
    a.push_back(id(ids_a, ours[p]));
    b.push_back(id(ids_b, "shared_kernel"));
  }
  return seams::MoJoFM(a, b);
}

}  // namespace

// Seven services asked for: the README's Ordering (cart, checkout, orders) is one
// context that owns its tables, Payments and Fulfilment stand alone, and no context is
// without data.
TEST_CASE("shopwise: --services 7 keeps the ordering apps together, each context owns data", "[proposal]") {
  seams::ProposalOptions options;
  options.services = 7;
  auto analysis = Shopwise(options);
  REQUIRE(analysis.proposal.contexts.size() == 7);
  auto of = ContextOfApps(analysis);
  CHECK(of["cart"] == of["orders"]);
  CHECK(of["checkout"] == of["orders"]);
  CHECK(of["payments"] != of["orders"]);
  CHECK(of["shipping"] != of["orders"]);
  CHECK(of["payments"] != of["shipping"]);
  for (const auto& context : analysis.proposal.contexts) {
    INFO(context.name);
    CHECK(context.concrete_models > 0);
    CHECK_FALSE(context.stateless);
  }
}

// At the default level every model is a unit of its own and the code follows the models it
// uses; against the README's boundaries this guards the level.
TEST_CASE("shopwise: the default proposal against the README's boundaries", "[proposal]") {
  double mojofm = MoJoFMAgainstReadme(Default());
  INFO("MoJoFM " << mojofm);
  CHECK(mojofm >= 66.0);
}

// The kernel is what is truly shared: the settings package, the `core` and `common`
// utility packages. The user model is data, owned by accounts.
TEST_CASE("shopwise: shared kernel with the figures that made each hub", "[proposal]") {
  std::map<std::string, std::string> reason;
  for (const auto& hub : Default().proposal.shared_kernel) {
    reason[hub.id] = hub.reason;
    if (hub.reason == "fan-in" || hub.reason == "utility package") {
      INFO(hub.id);
      CHECK(hub.share >= 0.5);
      CHECK(hub.fan_in_groups >= 3);
    }
  }
  CHECK(reason["core.utils"] == "utility package");
  CHECK(reason["common.helpers"] == "utility package");
  CHECK(reason["shopwise.settings.base"] == "configuration");
  CHECK(reason["manage"] == "configuration");
  CHECK_FALSE(reason.count("accounts.User"));
  const auto& graph = Default().coupling;
  CHECK(Default().proposal.node_context[static_cast<std::size_t>(graph.Find("accounts.User"))] == "accounts");
}

TEST_CASE("shopwise: contexts are named after apps, every node is placed once", "[proposal]") {
  const auto& p = Default().proposal;
  REQUIRE(p.contexts.size() >= 5);
  std::set<std::string> labels;
  for (const auto& app : Default().layout.apps) labels.insert(app.label);
  for (const auto& context : p.contexts) {
    INFO(context.name);
    CHECK(context.name.find("cluster") == std::string::npos);
    CHECK(labels.count(context.name.substr(0, context.name.find('-'))) == 1);
    CHECK(context.cohesion + context.coupling == Approx(1.0));
  }
  for (std::size_t n = 0; n < Default().coupling.nodes.size(); ++n) {
    const auto& node = Default().coupling.nodes[n];
    INFO(node.id);
    if (node.is_test || node.is_migration) CHECK(p.node_context[n].empty());
    else CHECK_FALSE(p.node_context[n].empty());
  }
}

TEST_CASE("shopwise: same seed, same bytes, any thread count", "[proposal][determinism]") {
  auto again = Shopwise({}, 1);
  CHECK(seams::BuildAnalysisReport(again).dump() == seams::BuildAnalysisReport(Default()).dump());
}

TEST_CASE("shopwise: isolated units follow their app with full confidence", "[proposal]") {
  for (const auto& context : Default().proposal.contexts) {
    for (const auto& m : context.members) {
      if (m.id == "payments.apps" || m.id == "shipping.apps") {
        CHECK(m.confidence == 1.0);
        CHECK(context.name == m.group);
      }
    }
  }
}

TEST_CASE("shopwise: --services searches the resolution", "[proposal]") {
  seams::ProposalOptions options;
  options.services = 4;
  auto analysis = Shopwise(options);
  CHECK(analysis.proposal.contexts.size() == 4);
  CHECK(analysis.proposal.services_exact);
  CHECK(analysis.proposal.resolution != 1.0);
}

TEST_CASE("shopwise: pins force members into a named context", "[proposal]") {
  seams::ProposalOptions options;
  options.pins["money"] = {"payments", "orders.Order"};
  auto analysis = Shopwise(options);
  std::set<std::string> money;
  for (const auto& context : analysis.proposal.contexts) {
    if (context.name != "money") continue;
    for (const auto& m : context.members) money.insert(m.id);
  }
  CHECK(money.count("payments.Payment"));
  CHECK(money.count("payments.Refund"));
  CHECK(money.count("orders.Order"));
}

TEST_CASE("shopwise: the extraction plan ranks by difficulty and lists the seams", "[proposal]") {
  const auto& plan = Default().proposal.plan;
  REQUIRE(plan.size() == Default().proposal.contexts.size());
  for (std::size_t i = 1; i < plan.size(); ++i) CHECK(plan[i - 1].difficulty <= plan[i].difficulty);
  bool orders_routes = false;
  for (const auto& step : plan) {
    CHECK_FALSE(step.reasons.empty());
    for (const auto& prefix : step.url_prefixes) orders_routes |= prefix == "api/orders/";
  }
  CHECK(orders_routes);
  json report = seams::BuildAnalysisReport(Default());
  CHECK(report["plan"][0]["rank"] == 1);
  CHECK(report.contains("cross_context"));
  CHECK(report["metrics"]["modularity"].get<double>() > 0.3);
}

TEST_CASE("shopwise: app and module levels", "[proposal]") {
  seams::ProposalOptions options;
  options.level = seams::ClusterLevel::kApp;
  auto apps = Shopwise(options);
  for (const auto& context : apps.proposal.contexts) {
    for (const auto& m : context.members) CHECK(m.kind == "app");
  }
  options.level = seams::ClusterLevel::kModule;
  auto modules = Shopwise(options);
  for (const auto& context : modules.proposal.contexts) {
    for (const auto& m : context.members) CHECK(m.kind == "module");
  }
  CHECK(apps.proposal.contexts.size() >= 3);
}

// The reported measures use the code couplings only: the app prior that Leiden saw is not
// in them. Modularity recomputed here from the coupling graph's edges and the node contexts,
// independently of lib/cluster: Q = Σ_c [L_c/m − (K_c/2m)²] on the undirected projection,
// kernel and outside nodes left out.
TEST_CASE("shopwise: modularity is computed on the code couplings, not the prior", "[proposal]") {
  const auto& analysis = Default();
  const auto& graph = analysis.coupling;
  const auto& context = analysis.proposal.node_context;
  auto counted = [&](int n) {
    const std::string& c = context[static_cast<std::size_t>(n)];
    return !c.empty() && c != "shared_kernel";
  };
  double m = 0;
  std::map<std::string, double> inside, degree;
  for (const auto& e : graph.edges) {
    if (!counted(e.from) || !counted(e.to)) continue;
    m += e.weight;
    const std::string& a = context[static_cast<std::size_t>(e.from)];
    const std::string& b = context[static_cast<std::size_t>(e.to)];
    if (a == b) inside[a] += e.weight;
    degree[a] += e.weight;
    degree[b] += e.weight;
  }
  REQUIRE(m > 0);
  double q = 0;
  for (const auto& [c, k] : degree) q += inside[c] / m - (k / (2 * m)) * (k / (2 * m));
  CHECK(analysis.proposal.metrics.modularity == Approx(q).epsilon(1e-12));
  CHECK(analysis.proposal.metrics.modularity > 0.3);
}

// Every table Django creates for shopwise belongs to exactly one context: the context of
// its model, as the data plan (TablesOf) names it — M2M tables included.
TEST_CASE("shopwise: each context owns the tables of its models", "[proposal]") {
  const auto& analysis = Default();
  std::map<std::string, std::set<std::string>> expected;
  for (const auto& table : analysis.tables) {
    int node = analysis.coupling.Find(table.model);
    REQUIRE(node >= 0);
    expected[analysis.proposal.node_context[static_cast<std::size_t>(node)]].insert(table.table);
  }
  CHECK_FALSE(expected.count("shared_kernel"));
  std::size_t owned = 0;
  for (const auto& context : analysis.proposal.contexts) {
    INFO(context.name);
    CHECK(std::set<std::string>(context.tables.begin(), context.tables.end()) == expected[context.name]);
    CHECK_FALSE(context.tables.empty());
    owned += context.tables.size();
  }
  CHECK(owned == analysis.tables.size());
  CHECK(expected["payments"].count("payments_webhook_log"));  // Meta.db_table
}
