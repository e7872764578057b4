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
  const seams::AppIndex index(apps);
  CHECK(index.GroupOf("django.contrib.auth.models") == "auth");
  CHECK(index.GroupOf("django.db.models.fields") == "django.db");
  CHECK(index.GroupOf("django.contrib") == "django.contrib");
  CHECK(index.GroupOf("django") == "django");
  CHECK(index.GroupOf("other.x") == "other");
}

TEST_CASE("the app of a module is the one with the longest package, the first of equals", "[graph]") {
  std::vector<seams::DjangoApp> apps(4);
  apps[0].package = "shop";
  apps[0].label = "shop";
  apps[1].package = "shop.orders";
  apps[1].label = "orders";
  apps[2].package = "shop.orders";  // the same package twice: the first wins
  apps[2].label = "orders_again";
  apps[3].package = "shopping";
  apps[3].label = "shopping";
  const seams::AppIndex index(apps);
  CHECK(index.AppOf("shop.orders.models")->label == "orders");
  CHECK(index.AppOf("shop.orders")->label == "orders");
  CHECK(index.AppOf("shop.ordersx.models")->label == "shop");  // a prefix of a name is not a package
  CHECK(index.AppOf("shop")->label == "shop");
  CHECK(index.AppOf("shopping.cart")->label == "shopping");
  CHECK(index.AppOf("shopp") == nullptr);
  CHECK(index.AppOf("other.shop") == nullptr);
  CHECK(index.GroupOf("shop.ordersx") == "shop");
  CHECK(index.GroupOf("other.shop.orders") == "other");
}

TEST_CASE("app index agrees with a scan of every app on Django's contrib apps", "[graph]") {
  // Every module of Django's contrib against the plain rule: the longest package
  // that is the module or a dotted prefix of it; a module outside every app goes
  // to its shortest dotted prefix that no app's package extends.
  seams::RealFileSystem fs;
  const seams::Project project = seams::Discover(fs, "/usr/lib/python3/dist-packages/django", {});
  const std::vector<seams::FileFacts> facts(project.files.size());
  const seams::DjangoLayout layout = seams::FindDjangoLayout(project, facts);
  REQUIRE(layout.apps.size() >= 10);
  const seams::AppIndex index(layout.apps);
  std::size_t in_apps = 0;
  for (const auto& file : project.files) {
    const std::string& module = file.module;
    const seams::DjangoApp* best = nullptr;
    for (const auto& app : layout.apps) {
      if ((module == app.package || module.rfind(app.package + ".", 0) == 0) &&
          (!best || app.package.size() > best->package.size()))
        best = &app;
    }
    CHECK(index.AppOf(module) == best);
    std::string group;
    if (best) {
      group = best->label;
      ++in_apps;
    } else {
      for (std::size_t dot = module.find('.');; dot = module.find('.', dot + 1)) {
        group = module.substr(0, dot);
        const bool holds = std::any_of(layout.apps.begin(), layout.apps.end(), [&](const seams::DjangoApp& app) {
          return app.package.rfind(group + ".", 0) == 0;
        });
        if (!holds || dot == std::string::npos) break;
      }
    }
    CHECK(index.GroupOf(module) == group);
  }
  CHECK(in_apps > 300);
  CHECK(in_apps < project.files.size());
}
