// Cross-context joins and transactions, read from ORM code: a fixture with
// one app per context (people, shop, billing) and look-alikes that must give nothing.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "lib/data/plan.h"
#include "tests/test_support.h"

namespace {

const seams::Analysis& Fixture() {
  static const seams::Analysis analysis = [] {
    seams::RealFileSystem fs;
    return seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/tests/fixtures/queries", seams::AnalysisOptions{});
  }();
  return analysis;
}

// One context per app: the model's label, or a module's first package.
std::string ByApp(const std::string& id) { return id.substr(0, id.find('.')); }

seams::DataPlan Plan() {
  const auto& a = Fixture();
  return seams::PlanData(a.tables, a.models, a.queries, a.django, ByApp);
}

std::string Join(const std::vector<std::string>& parts, const char* by) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : by) + p;
  return out;
}

}  // namespace

TEST_CASE("joins: relation lookups that leave the starting model's context", "[data]") {
  std::set<std::string> got;
  for (const auto& j : Plan().joins) {
    got.insert(std::to_string(j.join.line) + " " + j.join.method + " " + j.join.model + " " + j.join.lookup + " " +
               Join(j.contexts, ">"));
  }
  CHECK(got == std::set<std::string>{
                   "11 values shop.Order customer__email shop>people",              // in a model method
                   "13 filter shop.Order customer__email shop>people",              // Model.objects.filter
                   "14 exclude shop.Order customer__email__iendswith shop>people",  // inside Q(...) | Q(...)
                   "16 filter shop.Order invoice__total__gt shop>billing",           // a local queryset; reverse o2o by default name
                   "17 select_related shop.Line order__customer shop>people",
                   "18 annotate people.Customer orders__lines people>shop",          // Count(), reverse by related_name
                   "20 filter billing.Invoice order__customer billing>shop",         // OuterRef, against the outer query
                   "21 order_by shop.Order customer__email shop>people",             // _default_manager, '-' ordering
               });
}

TEST_CASE("joins: the relation chain of a lookup", "[data]") {
  for (const auto& j : Fixture().queries.joins) {
    if (j.lookup != "order__customer" || j.method != "select_related") continue;
    CHECK(j.relations == std::vector<std::string>{"shop.Line.order", "shop.Order.customer"});
    CHECK(j.models == std::vector<std::string>{"shop.Line", "shop.Order", "people.Customer"});
    CHECK(j.path == "shop/services.py");
    return;
  }
  FAIL("select_related('order__customer') not found");
}

TEST_CASE("joins: look-alikes give nothing", "[data]") {
  // Own fields, '__' inside a value, the foreign key's own column, non-querysets, a join inside one app.
  for (const auto& j : Fixture().queries.joins) {
    INFO(j.line << " " << j.lookup);
    CHECK((j.line < 26 || j.line > 32 || j.lookup == "order__number"));
  }
  for (const auto& j : Plan().joins) CHECK((j.join.line < 26 || j.join.line > 32));
}

TEST_CASE("transactions: Django's atomic blocks that write to two contexts", "[data]") {
  std::set<std::string> got;
  for (const auto& t : Plan().transactions) {
    if (t.transaction.path != "shop/services.py") continue;
    std::string receivers;
    for (const auto& r : t.receivers) receivers += " receiver:" + r.receiver + "@" + r.context;
    got.insert(std::to_string(t.transaction.line) + " " + t.transaction.kind + " " + t.transaction.scope + " " +
               Join(t.contexts, ",") + " " + Join(t.models, ",") + receivers);
  }
  CHECK(got == std::set<std::string>{
                   // decorator; a related manager (order.lines) writes shop.Line; create sends post_save
                   "36 decorator place billing,people,shop billing.Invoice,shop.Line,shop.Order"
                   " receiver:people.receivers.remember_last_order@people",
                   // with; an instance from Model.objects.get saved, a queryset update
                   "44 with pay people,shop people.Customer,shop.Order receiver:people.receivers.remember_last_order@people",
                   // one context written, but Django runs people's post_save receiver inside
                   "57 with touch people,shop shop.Order receiver:people.receivers.remember_last_order@people",
               });
  // people.receivers.audit is connected for a class that is not a model: it runs inside none of them.
  // Every atomic block of Django is found (the one-context block too), and no other library's.
  std::set<std::string> blocks;
  for (const auto& t : Fixture().queries.transactions) {
    if (t.path == "shop/services.py") blocks.insert(t.scope);
  }
  CHECK(blocks == std::set<std::string>{"place", "pay", "single", "touch"});
}

TEST_CASE("transactions: writes made by the project functions a block calls, and the project's atomic wrappers",
          "[data]") {
  std::set<std::string> got;
  for (const auto& t : Plan().transactions) {
    if (t.transaction.path != "shop/flows.py") continue;
    got.insert(std::to_string(t.transaction.line) + " " + t.transaction.kind + " " + t.transaction.scope + " " +
               t.transaction.opener + " " + Join(t.contexts, ",") + " " + Join(t.models, ","));
  }
  CHECK(got == std::set<std::string>{
                   // issue_invoice (imported by name) calls _record, which creates the invoice
                   "14 with checkout django.db.transaction.atomic billing,people,shop billing.Invoice,shop.Order",
                   // the project's @contextmanager around transaction.atomic, as a with and as a decorator
                   "20 with traced shop.db.traced_atomic people,shop people.Customer,shop.Order",
                   "26 decorator traced_decorated shop.db.traced_atomic billing,shop billing.Invoice,shop.Order",
                   // self._notify(): a method of the enclosing class
                   "33 with Fulfilment.run django.db.transaction.atomic people,shop people.Customer,shop.Order",
                   // api.deep_2 → deep_3 → deep_4 → deep_5: four calls deep, the limit
                   "42 with deep_enough django.db.transaction.atomic billing,shop billing.Invoice,shop.Order",
               });
  // Look-alikes: a call deferred to on_commit, another library's atomic inside a wrapper,
  // five calls deep, and a call after the block: each block writes shop.Order alone.
  std::map<std::string, std::string> written;
  for (const auto& t : Fixture().queries.transactions) {
    if (t.path != "shop/flows.py") continue;
    std::set<std::string> models;
    for (const auto& w : t.writes) models.insert(w.model);
    written[t.scope] = Join(std::vector<std::string>(models.begin(), models.end()), ",");
  }
  CHECK(written.count("wrapped_other") == 0);
  CHECK(written["deferred"] == "shop.Order");
  CHECK(written["too_deep"] == "shop.Order");
  CHECK(written["after"] == "shop.Order");
  // A test file's transaction and joins are not production queries.
  for (const auto& t : Fixture().queries.transactions) CHECK(t.path != "shop/tests.py");
  for (const auto& j : Fixture().queries.joins) CHECK(j.path != "shop/tests.py");
  // The wrapper's own block is a transaction that writes nothing.
  bool wrapper_block = false;
  for (const auto& t : Fixture().queries.transactions) wrapper_block |= t.scope == "traced_atomic" && t.writes.empty();
  CHECK(wrapper_block);
}

TEST_CASE("transactions: a wrapper-decorated function in a file without atomic blocks writes through its calls",
          "[data]") {
  std::vector<std::string> got;
  for (const auto& t : Fixture().queries.transactions) {
    if (t.path != "shop/refunds.py") continue;
    std::set<std::string> models;
    for (const auto& w : t.writes) models.insert(w.model);
    got.push_back(std::to_string(t.line) + " " + t.kind + " " + t.scope + " " + t.opener + " " + Join(t.calls, ",") +
                  " " + Join(std::vector<std::string>(models.begin(), models.end()), ","));
  }
  CHECK(got == std::vector<std::string>{
                   "9 decorator refund shop.db.traced_atomic billing.api.issue_invoice billing.Invoice"});
}

TEST_CASE("transactions: a write reached through calls names the functions it went through", "[data]") {
  for (const auto& t : Fixture().queries.transactions) {
    if (t.scope != "checkout") continue;
    CHECK(t.calls == std::vector<std::string>{"billing.api.issue_invoice"});
    std::vector<std::string> lines;
    for (const auto& w : t.writes) {
      lines.push_back(w.model + " " + w.method + " " + w.path + ":" + std::to_string(w.line) + " via " +
                      Join(w.via, ">"));
    }
    CHECK(lines == std::vector<std::string>{
                       "billing.Invoice create billing/api.py:9 via billing.api.issue_invoice>billing.api._record",
                       "shop.Order create shop/flows.py:15 via ",
                   });
    return;
  }
  FAIL("checkout's block not found");
}

namespace {

// The architect's contexts of examples/shopwise (expected/contexts.json), by app package.
seams::ContextOf ShopwiseContexts(const seams::Analysis& analysis) {
  std::ifstream in(std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise/expected/contexts.json");
  nlohmann::json agreed = nlohmann::json::parse(in);
  std::map<std::string, std::string> by_package;
  for (const auto& [context, packages] : agreed.at("contexts").items()) {
    for (const auto& p : packages) by_package[p.get<std::string>()] = context;
  }
  for (const auto& p : agreed.at("shared_kernel")) by_package[p.get<std::string>()] = "shared_kernel";
  std::map<std::string, std::string> package_of_label;
  for (const auto& app : analysis.layout.apps) package_of_label[app.label] = app.package;
  return [by_package, package_of_label, &analysis](const std::string& id) -> std::string {
    std::string first = id.substr(0, id.find('.'));
    if (analysis.models.Find(id)) first = package_of_label.count(first) ? package_of_label.at(first) : first;
    auto it = by_package.find(first);
    return it == by_package.end() ? "" : it->second;
  };
}

}  // namespace

TEST_CASE("shopwise: the cross-context joins and transactions written down in expected/data.json", "[data]") {
  seams::RealFileSystem fs;
  seams::Analysis analysis =
      seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise", seams::AnalysisOptions{});
  seams::DataPlan plan =
      seams::PlanData(analysis.tables, analysis.models, analysis.queries, analysis.django, ShopwiseContexts(analysis));
  nlohmann::json got = {{"joins", nlohmann::json::array()}, {"transactions", nlohmann::json::array()}};
  for (const auto& j : plan.joins) {
    got["joins"].push_back({{"path", j.join.path}, {"line", j.join.line}, {"method", j.join.method},
                            {"model", j.join.model}, {"lookup", j.join.lookup}, {"contexts", j.contexts}});
  }
  for (const auto& t : plan.transactions) {
    nlohmann::json receivers = nlohmann::json::array();
    for (const auto& r : t.receivers) receivers.push_back(r.receiver);
    got["transactions"].push_back({{"path", t.transaction.path}, {"line", t.transaction.line},
                                   {"scope", t.transaction.scope}, {"contexts", t.contexts}, {"models", t.models},
                                   {"receivers", receivers}});
  }
  seams::test::CheckGolden(got.dump(1) + "\n", std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise/expected/data.json");
}
