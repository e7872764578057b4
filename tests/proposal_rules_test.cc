// One test per rule of a credible proposal, on a small marketplace written for them
// (tests/fixtures/marketplace): scoped to the application, data-owning, vertical
// slices, a small kernel, no one-member contexts, names that speak, ownership.

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "lib/pipeline.h"

namespace {

seams::Analysis Marketplace(seams::ProposalOptions proposal = {}) {
  seams::RealFileSystem fs;
  seams::AnalysisOptions options;
  options.cluster = true;
  options.proposal = proposal;
  return seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/tests/fixtures/marketplace", options);
}

const seams::Analysis& Default() {
  static const seams::Analysis analysis = Marketplace();
  return analysis;
}

// Member id → context name, for every clustered member.
std::map<std::string, std::string> ContextOf(const seams::Analysis& analysis) {
  std::map<std::string, std::string> out;
  for (const auto& context : analysis.proposal.contexts) {
    for (const auto& member : context.members) out[member.id] = context.name;
  }
  return out;
}

std::map<std::string, std::string> OutsideReasons(const seams::Analysis& analysis) {
  std::map<std::string, std::string> out;
  for (const auto& o : analysis.proposal.outside) out[o.id] = o.reason;
  return out;
}

std::set<std::string> KernelIds(const seams::Analysis& analysis) {
  std::set<std::string> out;
  for (const auto& hub : analysis.proposal.shared_kernel) out.insert(hub.id);
  return out;
}

}  // namespace

TEST_CASE("rule 1: tooling, docs, tests and sandboxes are outside, each with its reason", "[proposal][rules]") {
  const auto outside = OutsideReasons(Default());
  const auto context_of = ContextOf(Default());
  const std::map<std::string, std::string> expected = {
      {"docs.conf", "docs"},
      {"scripts.seed", "build script"},
      {"setup", "packaging"},
      {"catalog_tests.test_products", "test"},
      {"testing.factories", "test"},
      {"sandbox.demo", "sandbox"},
  };
  for (const auto& [id, reason] : expected) {
    INFO(id);
    REQUIRE(outside.count(id));
    CHECK(outside.at(id) == reason);
    CHECK_FALSE(context_of.count(id));
    CHECK_FALSE(KernelIds(Default()).count(id));
  }
  // The application itself is all inside: every app module and the api package it routes to.
  for (const char* id : {"catalog.views", "orders.views", "billing.views", "api.order_views", "notify.channels.sms",
                         "orders.Order"}) {
    INFO(id);
    CHECK_FALSE(outside.count(id));
  }
}

TEST_CASE("rule 1: the scope changes with the options the --scope, --inside and --outside flags set",
          "[proposal][rules]") {
  SECTION("project: scripts and sandboxes are clustered, tests still are not") {
    seams::ProposalOptions options;
    options.scope.whole_project = true;
    auto analysis = Marketplace(options);
    auto outside = OutsideReasons(analysis);
    CHECK_FALSE(outside.count("scripts.seed"));
    CHECK_FALSE(outside.count("sandbox.demo"));
    CHECK(outside.at("catalog_tests.test_products") == "test");
    CHECK(ContextOf(analysis).count("scripts.seed"));
  }
  SECTION("include tests: the test package and the factories are clustered") {
    seams::ProposalOptions options;
    options.scope.include_tests = true;
    auto analysis = Marketplace(options);
    auto context_of = ContextOf(analysis);
    CHECK(context_of.count("catalog_tests.test_products"));
    CHECK(context_of.count("testing.factories"));
  }
  SECTION("outside and inside patterns") {
    seams::ProposalOptions options;
    options.scope.outside = {"notify"};
    options.scope.inside = {"scripts"};
    auto analysis = Marketplace(options);
    auto outside = OutsideReasons(analysis);
    CHECK(outside.at("notify.channels.email") == "config");
    CHECK(outside.at("notify.channels.sms") == "config");
    CHECK_FALSE(outside.count("scripts.seed"));
    CHECK(ContextOf(analysis).count("scripts.seed"));
  }
}

TEST_CASE("rule 2: every context owns a concrete model and its tables", "[proposal][rules]") {
  const auto& proposal = Default().proposal;
  REQUIRE(proposal.contexts.size() >= 3);
  for (const auto& context : proposal.contexts) {
    INFO(context.name);
    CHECK_FALSE(context.stateless);
    CHECK(context.concrete_models >= 1);
    CHECK_FALSE(context.tables.empty());
  }
  // The notification channels own no model: they go with the data they read.
  const auto context_of = ContextOf(Default());
  CHECK(context_of.at("notify.channels.email") == context_of.at("orders.Order"));
  CHECK(context_of.at("notify.channels.sms") == context_of.at("orders.Order"));
}

TEST_CASE("rule 3: a technical-layer package goes, module by module, with the models it uses", "[proposal][rules]") {
  const auto context_of = ContextOf(Default());
  CHECK(context_of.at("api.catalog_serializers") == context_of.at("catalog.Product"));
  CHECK(context_of.at("api.catalog_views") == context_of.at("catalog.Product"));
  CHECK(context_of.at("api.order_serializers") == context_of.at("orders.Order"));
  CHECK(context_of.at("api.order_views") == context_of.at("orders.Order"));
  CHECK(context_of.at("api.billing_views") == context_of.at("billing.Invoice"));
  // Three data-owning apps, three distinct contexts: the api is spread over them.
  std::set<std::string> distinct = {context_of.at("catalog.Product"), context_of.at("orders.Order"),
                                    context_of.at("billing.Invoice")};
  CHECK(distinct.size() == 3);
  for (const auto& context : Default().proposal.contexts) CHECK(context.name != "api");
}

TEST_CASE("rule 4: the kernel holds the true hubs, with their figures, within its share of lines", "[proposal][rules]") {
  const auto& proposal = Default().proposal;
  REQUIRE(KernelIds(Default()).count("core.text"));
  for (const auto& hub : proposal.shared_kernel) {
    if (hub.id != "core.text") continue;
    CHECK_FALSE(hub.reason.empty());
    CHECK(hub.fan_in_groups >= 3);
    CHECK(hub.share >= 0.5);
  }
  SECTION("past the cap, the hubs go back to the contexts that use them") {
    seams::ProposalOptions options;
    options.kernel_max_share = 0.01;  // the smallest hub is larger than 1% of the lines
    auto analysis = Marketplace(options);
    CHECK_FALSE(KernelIds(analysis).count("core.text"));
    CHECK(ContextOf(analysis).count("core.text"));
  }
}

TEST_CASE("rule 5: a one-member group merges into its strongest neighbour, with the reason", "[proposal][rules]") {
  const auto& proposal = Default().proposal;
  for (const auto& context : proposal.contexts) {
    INFO(context.name);
    CHECK(context.members.size() > 1);
  }
  // legal is one view that uses no model: it cannot stand alone.
  bool merged = false;
  for (const auto& merge : proposal.merges) {
    for (const auto& member : merge.members) {
      if (member.rfind("legal.", 0) != 0) continue;
      merged = true;
      CHECK_FALSE(merge.into.empty());
      CHECK_FALSE(merge.reason.empty());
      CHECK(ContextOf(Default()).at(member) == merge.into);
    }
  }
  CHECK(merged);
}

TEST_CASE("rule 6: contexts are named after their dominant app, uniquely, never a module path", "[proposal][rules]") {
  const auto context_of = ContextOf(Default());
  CHECK(context_of.at("catalog.Product") == "catalog");
  CHECK(context_of.at("orders.Order") == "orders");
  CHECK(context_of.at("billing.Invoice") == "billing");
  std::set<std::string> names;
  for (const auto& context : Default().proposal.contexts) {
    INFO(context.name);
    CHECK(names.insert(context.name).second);
    CHECK(context.name.find('.') == std::string::npos);
    CHECK(context.name.find("-base") == std::string::npos);
    CHECK(context.name.find("-tables") == std::string::npos);
  }
}

TEST_CASE("rule 7: each context lists the tables it owns and how much of its code uses them", "[proposal][rules]") {
  std::map<std::string, const seams::ContextInfo*> by_name;
  for (const auto& context : Default().proposal.contexts) by_name[context.name] = &context;
  REQUIRE(by_name.count("catalog"));
  REQUIRE(by_name.count("billing"));
  // Django's default names, the auto-created many-to-many table included.
  CHECK(by_name.at("catalog")->tables ==
        std::vector<std::string>{"catalog_category", "catalog_product", "catalog_product_tags", "catalog_tag"});
  CHECK(by_name.at("billing")->tables == std::vector<std::string>{"billing_invoice", "billing_payment"});
  // Every table is owned once.
  std::set<std::string> seen;
  for (const auto& context : Default().proposal.contexts) {
    for (const auto& table : context.tables) CHECK(seen.insert(table).second);
  }
  // billing's model-free code: the views use its models, the URLconfs only route to them.
  std::map<std::string, int> lines;
  for (const auto& member : by_name.at("billing")->members) lines[member.id] = member.lines;
  REQUIRE(lines.count("billing.views"));
  REQUIRE(lines.count("billing.urls"));
  double uses = lines["billing.views"] + (lines.count("api.billing_views") ? lines["api.billing_views"] : 0);
  double code = 0;
  for (const auto& member : by_name.at("billing")->members)
    if (member.kind == "module") code += member.lines;
  CHECK(by_name.at("billing")->own_data_share == Approx(uses / code));
  CHECK(by_name.at("billing")->own_data_share < 1.0);
  for (const auto& context : Default().proposal.contexts) {
    CHECK(context.own_data_share >= 0.0);
    CHECK(context.own_data_share <= 1.0);
  }
}
