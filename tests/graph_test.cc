// The module graph: edges, kinds, weights, evidence, cycles; and aggregation to apps.

#include <catch2/catch.hpp>

#include "lib/graph/import_graph.h"
#include "tests/test_support.h"

using seams::ImportEdge;
using seams::MemoryFileSystem;
using seams::test::AnalyzeMemory;
using V = std::vector<std::string>;

namespace {

MemoryFileSystem TwoApps() {
  MemoryFileSystem fs;
  fs.AddFile("proj/manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site_cfg.settings')\n");
  fs.AddFile("proj/site_cfg/__init__.py", "");
  fs.AddFile("proj/site_cfg/settings.py", "");
  fs.AddFile("proj/orders/__init__.py", "");
  fs.AddFile("proj/orders/apps.py",
             "from django.apps import AppConfig\nclass OrdersConfig(AppConfig):\n    name = 'orders'\n    label = 'shop_orders'\n");
  fs.AddFile("proj/orders/models.py", "from django.db import models\nfrom billing.models import Invoice\n"
                                      "class Order(models.Model):\n    pass\n");
  fs.AddFile("proj/orders/views.py",
             "from typing import TYPE_CHECKING\n"
             "from .models import Order\n"
             "from . import models\n"
             "if TYPE_CHECKING:\n    from billing.models import Invoice\n"
             "def pay():\n    from billing import models as bm\n");
  fs.AddFile("proj/billing/__init__.py", "");
  fs.AddFile("proj/billing/models.py", "from django.db import models\nclass Invoice(models.Model):\n    pass\n"
                                       "def f():\n    from orders.models import Order\n");
  fs.AddFile("proj/core/__init__.py", "");
  fs.AddFile("proj/core/utils.py", "import orders.views\n");
  return fs;
}

const ImportEdge* FindEdge(const std::vector<ImportEdge>& edges, const std::string& from, const std::string& to) {
  for (const auto& e : edges) {
    if (e.from == from && e.to == to) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("django layout: settings module and apps with AppConfig labels", "[graph][layout]") {
  auto analysis = AnalyzeMemory(TwoApps());
  CHECK(analysis.layout.settings_module == "site_cfg.settings");
  CHECK(analysis.layout.settings_source == "manage.py:2");
  REQUIRE(analysis.layout.apps.size() == 2);
  CHECK(analysis.layout.apps[0].label == "billing");
  CHECK(analysis.layout.apps[0].config.empty());
  CHECK(analysis.layout.apps[1].label == "shop_orders");
  CHECK(analysis.layout.apps[1].config == "orders.apps.OrdersConfig");
  CHECK(analysis.layout.apps[1].config_line == 2);
}

TEST_CASE("edges carry counts per kind, weights and evidence", "[graph]") {
  auto analysis = AnalyzeMemory(TwoApps());
  const auto& edges = analysis.module_graph.edges;
  const ImportEdge* views_models = FindEdge(edges, "orders.views", "orders.models");
  REQUIRE(views_models);
  CHECK(views_models->counts == std::array<int, 3>{2, 0, 0});
  CHECK(views_models->weight == 2.0);
  REQUIRE(views_models->evidence.size() == 2);
  CHECK(views_models->evidence[0].line == 2);
  CHECK(views_models->evidence[0].statement == "from .models import Order");
  CHECK(views_models->evidence[1].statement == "from . import models");

  const ImportEdge* typing = FindEdge(edges, "orders.views", "billing.models");
  REQUIRE(typing);
  CHECK(typing->counts == std::array<int, 3>{0, 1, 1});  // bm is lazy; Invoice typing-only
  CHECK(typing->weight == 0.75);
  CHECK(typing->evidence[0].kind == seams::ImportKind::kTyping);
  CHECK(typing->evidence[1].kind == seams::ImportKind::kLazy);
  CHECK(typing->evidence[1].line == 7);
}

TEST_CASE("module nodes know their app and group", "[graph]") {
  auto analysis = AnalyzeMemory(TwoApps());
  std::vector<std::string> nodes;
  for (const auto& n : analysis.module_graph.modules) nodes.push_back(n.module + "|" + n.app + "|" + n.group);
  CHECK(nodes == V{"billing|billing|billing", "billing.models|billing|billing", "core||core",
                   "core.utils||core", "manage||manage", "orders|shop_orders|shop_orders",
                   "orders.apps|shop_orders|shop_orders", "orders.models|shop_orders|shop_orders",
                   "orders.views|shop_orders|shop_orders", "site_cfg||site_cfg", "site_cfg.settings||site_cfg"});
}

TEST_CASE("import cycles are found, typing-only imports excepted", "[graph]") {
  auto analysis = AnalyzeMemory(TwoApps());
  // orders.models → billing.models (module level) and billing.models → orders.models (lazy).
  CHECK(analysis.module_graph.cycles == std::vector<V>{{"billing.models", "orders.models"}});
}

TEST_CASE("aggregation to apps sums edges and drops internal ones", "[graph]") {
  auto analysis = AnalyzeMemory(TwoApps());
  auto apps = seams::AggregateToApps(analysis.module_graph, analysis.layout);
  std::vector<std::string> groups;
  for (const auto& g : apps.groups) groups.push_back(g.id + (g.is_app ? "*" : "") + std::to_string(g.modules));
  CHECK(groups == V{"billing*2", "core2", "manage1", "shop_orders*4", "site_cfg2"});
  std::vector<std::string> edges;
  for (const auto& e : apps.edges) {
    edges.push_back(e.from + "->" + e.to + " " + std::to_string(e.counts[0]) + "/" + std::to_string(e.counts[1]) +
                    "/" + std::to_string(e.counts[2]));
  }
  CHECK(edges == V{"billing->shop_orders 0/1/0", "core->shop_orders 1/0/0", "shop_orders->billing 1/1/1"});
  CHECK(apps.cycles == std::vector<V>{{"billing", "shop_orders"}});
  // An app-level edge names the modules each of its imports joins; a module-level edge
  // is itself the pair of modules, and its evidence does not repeat them.
  std::map<std::string, std::string> group_of;
  for (const auto& node : analysis.module_graph.modules) group_of[node.module] = node.group;
  for (const auto& e : apps.edges) {
    for (const auto& evidence : e.evidence) {
      CAPTURE(e.from, e.to, evidence.statement);
      CHECK(group_of.at(evidence.from) == e.from);
      CHECK(group_of.at(evidence.to) == e.to);
    }
  }
  CHECK(apps.edges.at(2).evidence.size() == 3);
  for (const auto& e : analysis.module_graph.edges) {
    for (const auto& evidence : e.evidence) CHECK((evidence.from.empty() && evidence.to.empty()));
  }
}

TEST_CASE("group of a module outside every app", "[graph]") {
  std::vector<seams::DjangoApp> apps(1);
  apps[0].package = "django.contrib.auth";
  apps[0].label = "auth";
  CHECK(seams::GroupOfModule(apps, "django.contrib.auth.models") == "auth");
  CHECK(seams::GroupOfModule(apps, "django.db.models.fields") == "django.db");
  CHECK(seams::GroupOfModule(apps, "django.contrib") == "django.contrib");
  CHECK(seams::GroupOfModule(apps, "django") == "django");
  CHECK(seams::GroupOfModule(apps, "other.x") == "other");
}
