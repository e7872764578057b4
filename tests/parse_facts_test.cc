// Classes, assignments, calls, __all__ and syntax errors.

#include <catch2/catch.hpp>

#include "tests/test_support.h"

using seams::Expr;
using seams::test::Parse;

TEST_CASE("classes keep their bases as written and their lines", "[parse][classes]") {
  auto facts = Parse(
      "from django.db import models\n"
      "\n"
      "class Order(core.models.TimeStampedModel, Mixin, metaclass=Meta):\n"
      "    class Meta:\n"
      "        abstract = True\n"
      "\n"
      "@decorate\n"
      "class Plain:\n"
      "    pass\n");
  REQUIRE(facts.classes.size() == 3);
  const auto& order = facts.classes[0];
  CHECK(order.name == "Order");
  CHECK(order.line == 3);
  REQUIRE(order.bases.size() == 2);
  CHECK(order.bases[0].kind == Expr::Kind::kName);
  CHECK(order.bases[0].text == "core.models.TimeStampedModel");
  CHECK(order.bases[1].text == "Mixin");
  REQUIRE(order.keywords.size() == 1);
  CHECK(order.keywords[0].first == "metaclass");
  CHECK(facts.classes[1].qualname == "Order.Meta");
  CHECK(facts.classes[1].scope == "Order");
  CHECK(facts.classes[2].name == "Plain");
  CHECK(facts.classes[2].line == 8);
  REQUIRE(facts.classes[2].decorators.size() == 1);
  CHECK(facts.classes[2].decorators[0].text == "decorate");
  // Class-body assignments are scoped to their class.
  REQUIRE(facts.assignments.size() == 1);
  CHECK(facts.assignments[0].scope == "Order.Meta");
  CHECK(facts.assignments[0].target == "abstract");
  CHECK(facts.assignments[0].value.kind == Expr::Kind::kConst);
}

TEST_CASE("a base written as a call is kept as a call", "[parse][classes]") {
  auto facts = Parse("AbstractProduct = get_model('catalogue', 'AbstractProduct')\n"
                     "class Product(get_model('catalogue', 'AbstractProduct')):\n    pass\n");
  REQUIRE(facts.classes.size() == 1);
  const Expr& base = facts.classes[0].bases.at(0);
  CHECK(base.kind == Expr::Kind::kCall);
  CHECK(base.text == "get_model");
  REQUIRE(base.items.size() == 2);
  CHECK(base.items[1].text == "AbstractProduct");
  CHECK(facts.calls.size() == 2);  // both get_model calls are recorded
}

TEST_CASE("module-level __all__", "[parse]") {
  auto facts = Parse("__all__ = ['Order', \"Item\", name]\n");
  CHECK(facts.dunder_all == std::vector<std::string>{"Order", "Item"});
  CHECK(Parse("__all__ = ('A',)\n").dunder_all == std::vector<std::string>{"A"});
}

TEST_CASE("module and class assignments, augmented ones too; function locals are not", "[parse]") {
  auto facts = Parse(
      "INSTALLED_APPS = ['a', 'b'] + LOCAL\n"
      "INSTALLED_APPS += ('c',)\n"
      "def f():\n    x = 1\n");
  REQUIRE(facts.assignments.size() == 2);
  CHECK(facts.assignments[0].value.kind == Expr::Kind::kBinOp);
  CHECK(facts.assignments[0].value.items[0].items.size() == 2);
  CHECK(facts.assignments[1].op == "+=");
  CHECK(facts.assignments[1].value.kind == Expr::Kind::kTuple);
}

TEST_CASE("calls of interest with their arguments and keywords", "[parse][calls]") {
  auto facts = Parse(
      "urlpatterns = [\n"
      "    path('orders/', include('orders.urls', namespace='orders')),\n"
      "]\n"
      "def g():\n"
      "    send_email.s(1).delay()\n"
      "    print('ignored')\n");
  REQUIRE(facts.calls.size() == 4);
  CHECK(facts.calls[0].call.text == "path");
  CHECK(facts.calls[0].line == 2);
  CHECK(facts.calls[0].call.items.at(1).text == "include");
  CHECK(facts.calls[1].call.text == "include");
  CHECK(facts.calls[1].call.Keyword("namespace")->text == "orders");
  // `send_email.s(1).delay()`: the outer callee is no dotted name, its receiver is kept.
  CHECK(facts.calls[2].call.text.empty());
  const Expr* callee = facts.calls[2].call.Keyword("<callee>");
  REQUIRE(callee);
  CHECK(callee->text == "delay");
  CHECK(callee->items.at(0).text == "send_email.s");
  CHECK(facts.calls[3].call.text == "send_email.s");
  CHECK(facts.calls[3].scope == "g");
}

TEST_CASE("attribute references of interest", "[parse]") {
  auto facts = Parse("def v(request):\n    try:\n        return Order.objects.get(pk=1)\n"
                     "    except orders.Order.DoesNotExist:\n        pass\n");
  REQUIRE(facts.attribute_refs.size() == 2);
  CHECK(facts.attribute_refs[0].object == "Order");
  CHECK(facts.attribute_refs[0].attribute == "objects");
  CHECK(facts.attribute_refs[0].line == 3);
  CHECK(facts.attribute_refs[1].object == "orders.Order");
  CHECK(facts.attribute_refs[1].scope == "v");
}

TEST_CASE("a syntax error yields what parsed and the line of the first error", "[parse][errors]") {
  auto facts = Parse("import a\n\ndef broken(:\n    pass\n\nimport b\nclass Ok(Base):\n    pass\n");
  CHECK(facts.has_syntax_error);
  REQUIRE(seams::test::Codes(facts.diagnostics) == std::vector<std::string>{"syntax-error"});
  CHECK(facts.diagnostics[0].line == 3);
  CHECK(facts.diagnostics[0].path == "test.py");
  bool found_b = false;
  for (const auto& i : facts.imports) found_b |= i.module == "b";
  CHECK(found_b);
  CHECK(facts.imports.front().module == "a");
  bool found_ok = false;
  for (const auto& c : facts.classes) found_ok |= c.name == "Ok";
  CHECK(found_ok);
}

TEST_CASE("current syntax parses without errors", "[parse][errors]") {
  // PEP 695 generics, match statements, walrus, and Python 3.14's unparenthesised except.
  auto facts = Parse(
      "type Point[T] = tuple[T, T]\n"
      "class Box[T](Base):\n    pass\n"
      "def first[T](xs: list[T]) -> T:\n    return xs[0]\n"
      "match command:\n    case [x, y]:\n        pass\n"
      "if (n := 10) > 5:\n    pass\n"
      "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n");
  CHECK_FALSE(facts.has_syntax_error);
  CHECK(facts.diagnostics.empty());
  REQUIRE(facts.classes.size() == 1);
  CHECK(facts.classes[0].bases.at(0).text == "Base");
}

TEST_CASE("line count", "[parse]") {
  CHECK(Parse("").lines == 0);
  CHECK(Parse("a = 1").lines == 1);
  CHECK(Parse("a = 1\nb = 2\n").lines == 2);
}

TEST_CASE("call sites that may reach a project function, and the ones deferred to on_commit", "[parse][calls]") {
  auto facts = Parse(
      "from billing import api\n"
      "from billing.api import issue\n"
      "import shop.utils as su\n"
      "\n"
      "def helper():\n"
      "    pass\n"
      "\n"
      "class Service:\n"
      "    def run(self, qs, logger):\n"
      "        helper()\n"
      "        self.step()\n"
      "        api.bill(1)\n"
      "        su.tidy()\n"
      "        qs.filter(a=1)\n"
      "        logger.info('x')\n"
      "        len(qs)\n"
      "        transaction.on_commit(\n"
      "            lambda: issue(1)\n"
      "        )\n"
      "\n"
      "helper()\n");
  std::vector<std::string> got;
  for (const auto& c : facts.call_sites.Unpack())
    got.push_back(c.callee + "@" + c.scope + ":" + std::to_string(c.line) + (c.deferred ? " deferred" : ""));
  // Calls on parameters and locals, builtins, and module-level calls are not kept.
  CHECK(got == std::vector<std::string>{"helper@Service.run:10", "self.step@Service.run:11", "api.bill@Service.run:12",
                                        "su.tidy@Service.run:13", "issue@Service.run:18 deferred"});
  // The deferring call is named by the Django vocabulary; without it nothing is deferred.
  seams::ParseOptions plain;
  for (const auto& c : seams::ParseSource("x.py", "from a import f\ndef g():\n    t.on_commit(lambda: f())\n", plain).call_sites.Unpack())
    CHECK_FALSE(c.deferred);
  REQUIRE(facts.functions.size() == 2);
  CHECK(facts.functions[0].end_line == 6);
  CHECK(facts.functions[1].end_line == 19);
}
