// Models, relations and settings: Django's contrib apps and the example monolith.

#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "tests/test_support.h"

using V = std::vector<std::string>;

namespace {

const seams::Analysis& Django() {
  static const seams::Analysis analysis = [] {
    seams::RealFileSystem fs;
    return seams::Analyze(fs, SEAMS_DJANGO_DIR, seams::test::DjangoOptions());
  }();
  return analysis;
}

const seams::Analysis& Shopwise() {
  static const seams::Analysis analysis = [] {
    seams::RealFileSystem fs;
    return seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise", seams::AnalysisOptions{});
  }();
  return analysis;
}

nlohmann::json ExpectedFacts() {
  std::ifstream in(std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise/expected/facts.json");
  return nlohmann::json::parse(in);
}

std::set<std::string> Relations(const seams::Analysis& analysis) {
  std::set<std::string> out;
  for (const auto& r : analysis.models.relations) out.insert(r.from + " " + r.field + " " + r.kind + " " + r.to);
  return out;
}

}  // namespace

TEST_CASE("django contrib: exactly Django's models, abstract ones marked", "[django][models]") {
  V models;
  for (const auto& m : Django().models.models) models.push_back(m.key + (m.abstract ? " (abstract)" : ""));
  CHECK(models == V{"admin.LogEntry", "auth.AbstractBaseUser (abstract)", "auth.AbstractUser (abstract)", "auth.Group",
                    "auth.Permission", "auth.PermissionsMixin (abstract)", "auth.User", "contenttypes.ContentType",
                    "flatpages.FlatPage", "gis.OracleGeometryColumns", "gis.OracleSpatialRefSys",
                    "gis.PostGISGeometryColumns", "gis.PostGISSpatialRefSys", "gis.SpatialiteGeometryColumns",
                    "gis.SpatialiteSpatialRefSys", "redirects.Redirect", "sessions.AbstractBaseSession (abstract)",
                    "sessions.Session", "sites.Site"});
}

TEST_CASE("django contrib: the catalog's indexes answer as its scans do", "[django][models]") {
  const seams::ModelCatalog& indexed = Django().models;
  REQUIRE(indexed.indexed_models == indexed.models.size());
  seams::ModelCatalog scanning = indexed;
  scanning.indexed_models = static_cast<std::size_t>(-1);  // the scans
  std::size_t asked = 0;
  for (const auto& m : indexed.models) {
    std::string lower = m.name;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const std::string& reference : {m.key, m.label + "." + lower, m.label + ".NoSuchModel"}) {
      const seams::ModelInfo* a = indexed.FindReference(reference);
      const seams::ModelInfo* b = scanning.FindReference(reference);
      CHECK((a ? a->key : "-") == (b ? b->key : "-"));
      ++asked;
    }
    CHECK(indexed.FindByClass(m.qualname) == &m);
    CHECK(scanning.FindByClass(m.qualname)->key == m.key);
    CHECK(indexed.FindReference(m.label + "." + lower) == &m);  // Django's references ignore the name's case
  }
  CHECK(indexed.FindByClass("django.contrib.auth.models.NoSuchModel") == nullptr);
  CHECK(asked == 3 * indexed.models.size());
  // A catalog changed after indexing scans again instead of reading a stale index.
  seams::ModelCatalog grown = indexed;
  grown.models.push_back(indexed.models.front());
  grown.models.back().qualname = "x.models.Extra";
  CHECK(grown.FindByClass("x.models.Extra") == &grown.models.back());
}

TEST_CASE("django contrib: relations", "[django][models]") {
  CHECK(Relations(Django()) == std::set<std::string>{
                                   "admin.LogEntry content_type fk contenttypes.ContentType",
                                   "admin.LogEntry user fk auth.User",  // settings.AUTH_USER_MODEL, Django's default
                                   "auth.Group permissions m2m auth.Permission",
                                   "auth.Permission content_type fk contenttypes.ContentType",
                                   "auth.PermissionsMixin groups m2m auth.Group",
                                   "auth.PermissionsMixin user_permissions m2m auth.Permission",
                                   // AbstractUser < PermissionsMixin: Django copies the abstract fields into
                                   // auth.User (the auth_user_groups and auth_user_user_permissions tables).
                                   "auth.User groups m2m auth.Group",
                                   "auth.User user_permissions m2m auth.Permission",
                                   "flatpages.FlatPage sites m2m sites.Site",
                                   "redirects.Redirect site fk sites.Site"});
  for (const auto& r : Django().models.relations) {
    if (r.from == "admin.LogEntry" && r.field == "user") {
      CHECK(r.on_delete == "CASCADE");
      CHECK(r.path == "contrib/admin/models.py");
      std::string line;
      std::ifstream in(std::string(SEAMS_DJANGO_DIR) + "/contrib/admin/models.py");
      for (int i = 0; i < r.line; ++i) std::getline(in, line);
      CHECK(line.find("user = models.ForeignKey(") != std::string::npos);
    }
    if (r.from == "auth.PermissionsMixin" && r.field == "groups") CHECK(r.related_name == "user_set");
    if (r.from == "auth.User") {
      CHECK(r.inherited_from == "auth.PermissionsMixin");
      CHECK(r.path == "contrib/auth/models.py");
    } else {
      CHECK(r.inherited_from.empty());
    }
  }
}

TEST_CASE("shopwise: settings read through a split settings package", "[django][settings]") {
  const auto& s = Shopwise().settings;
  CHECK(s.module == "shopwise.settings.production");
  CHECK(s.installed_apps_known);
  CHECK(s.auth_user_model == "accounts.User");
  CHECK(s.root_urlconf == "shopwise.urls");
  // `reporting` is only added by `INSTALLED_APPS += [...]` in production.py.
  CHECK(s.installed_apps.back() == "reporting");
  auto expected = ExpectedFacts();
  std::set<std::string> installed, want;
  for (const auto& app : Shopwise().layout.apps) {
    if (app.installed) installed.insert(app.label + "=" + app.name + "=" + app.config);
  }
  for (const auto& app : expected["apps"]) {
    want.insert(app["label"].get<std::string>() + "=" + app["name"].get<std::string>() + "=" +
                app["config"].get<std::string>());
  }
  CHECK(installed == want);
}

TEST_CASE("shopwise: exactly the models written there", "[django][models]") {
  std::set<std::tuple<std::string, std::string, int, bool, bool>> got, want;
  for (const auto& m : Shopwise().models.models) got.insert({m.key, m.module, m.line, m.abstract, m.proxy});
  const auto expected = ExpectedFacts();
  for (const auto& m : expected["models"]) {
    want.insert({m["model"].get<std::string>(), m["module"].get<std::string>(), m["line"].get<int>(),
                 m["abstract"].get<bool>(), m["proxy"].get<bool>()});
  }
  CHECK(got.size() >= 40);
  CHECK(got == want);
}

TEST_CASE("shopwise: exactly the relations written there", "[django][models]") {
  std::set<std::tuple<std::string, std::string, std::string, std::string, int, std::string>> got, want;
  for (const auto& r : Shopwise().models.relations) got.insert({r.from, r.field, r.kind, r.to, r.line, r.through});
  const auto expected = ExpectedFacts();
  for (const auto& r : expected["relations"]) {
    want.insert({r["from"].get<std::string>(), r["field"].get<std::string>(), r["kind"].get<std::string>(),
                 r["to"].is_null() ? "" : r["to"].get<std::string>(), r["line"].get<int>(),
                 r.value("through", std::string())});
  }
  CHECK(got == want);
  CHECK(Shopwise().models.diagnostics.empty());
}

TEST_CASE("precision: look-alikes are not models or relations", "[django][models]") {
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/shop/__init__.py", "");
  fs.AddFile("proj/shop/models.py",
             "from django.db import models\n"
             "from peewee import Model, ForeignKeyField\n"
             "import sqlalchemy\n"
             "class Model:\n    pass\n"  // a local class called Model
             "class NotDjango(Model):\n    owner = ForeignKeyField('x.Y')\n"
             "class Row(sqlalchemy.orm.DeclarativeBase):\n    parent = sqlalchemy.ForeignKey('a.B')\n"
             "class Real(models.Model):\n    other = models.ForeignKey('shop.Real', on_delete=models.CASCADE)\n"
             "    note = models.CharField(max_length=10, help_text='shop.Real')\n"
             "    ghost = models.ForeignKey('nowhere.Ghost', on_delete=models.CASCADE)\n");
  auto analysis = seams::test::AnalyzeMemory(fs);
  V keys;
  for (const auto& m : analysis.models.models) keys.push_back(m.key);
  CHECK(keys == V{"shop.Real"});
  CHECK(Relations(analysis) == std::set<std::string>{"shop.Real other fk shop.Real"});
  REQUIRE(analysis.models.diagnostics.size() == 1);
  CHECK(analysis.models.diagnostics[0].code == "unresolved-relation");
  CHECK(analysis.models.diagnostics[0].line == 13);
  CHECK(analysis.models.diagnostics[0].message ==
        "relation field shop.Real.ghost target 'nowhere.Ghost' cannot be resolved statically");
}

TEST_CASE("models through mixins, loader bases, config bases and aliases", "[django][models]") {
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/base/__init__.py", "");
  fs.AddFile("proj/base/abstract.py",
             "from django.db import models as m\n"
             "class Stamped(m.Model):\n    class Meta:\n        abstract = True\n");
  fs.AddFile("proj/catalogue/__init__.py", "");
  fs.AddFile("proj/catalogue/abstract_models.py",
             "from base.abstract import Stamped\n"
             "class AbstractProduct(Stamped):\n    class Meta:\n        abstract = True\n        app_label = 'catalogue'\n");
  fs.AddFile("proj/catalogue/models.py",
             "from oscar.core.loading import get_model, get_class\n"
             "from django.db.models import ForeignKey as FK, CASCADE\n"
             "from mptt.models import MPTTModel\n"
             "class Product(get_class('catalogue.abstract_models', 'AbstractProduct')):\n"
             "    parent = FK('self', CASCADE)\n"
             "class Category(MPTTModel):\n    pass\n"
             "class Proxy(Product):\n    class Meta:\n        proxy = True\n"
             "class Special(Product):\n    pass\n");
  seams::AnalysisOptions options;
  options.django.model_bases = {"mptt.models.MPTTModel"};
  auto analysis = seams::Analyze(fs, "proj", options);
  V keys;
  for (const auto& m : analysis.models.models) keys.push_back(m.key + (m.abstract ? "*" : "") + (m.proxy ? "~" : ""));
  CHECK(keys == V{"base.Stamped*", "catalogue.AbstractProduct*", "catalogue.Category", "catalogue.Product",
                  "catalogue.Proxy~", "catalogue.Special"});
  CHECK(Relations(analysis) == std::set<std::string>{"catalogue.Product parent fk catalogue.Product",
                                                     "catalogue.Special  inherits catalogue.Product"});
  for (const auto& r : analysis.models.relations) {
    if (r.field == "parent") CHECK(r.on_delete == "CASCADE");
  }
}

TEST_CASE("model references ignore the case of the model name, as Django does", "[django][models]") {
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/shop/__init__.py", "");
  fs.AddFile("proj/shop/models.py",
             "from django.apps import apps\nfrom django.db import models\n"
             "class Item(models.Model):\n    pass\n"
             "class Line(models.Model):\n    item = models.ForeignKey('shop.item', on_delete=models.CASCADE)\n"
             "    other = models.ForeignKey('Shop.Item', on_delete=models.CASCADE)\n"
             "def f():\n    return apps.get_model('shop', 'item')\n");
  auto analysis = seams::test::AnalyzeMemory(fs);
  CHECK(Relations(analysis) == std::set<std::string>{"shop.Line item fk shop.Item"});
  // The app label is matched exactly: 'Shop.Item' names no app.
  REQUIRE(analysis.models.diagnostics.size() == 1);
  CHECK(analysis.models.diagnostics[0].line == 7);
  REQUIRE(analysis.django.loader_uses.size() == 1);
  CHECK(analysis.django.loader_uses[0].target == "shop.Item");
}

TEST_CASE("relation targets through module constants (django-oscar's compat.AUTH_USER_MODEL)", "[django][models]") {
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/site/__init__.py", "");
  fs.AddFile("proj/site/settings.py", "AUTH_USER_MODEL = 'people.Person'\n");
  fs.AddFile("proj/manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n");
  fs.AddFile("proj/compat/__init__.py",
             "from django.conf import settings\n"
             "AUTH_USER_MODEL = getattr(settings, 'AUTH_USER_MODEL', 'auth.User')\nITEM = 'shop.Item'\n");
  fs.AddFile("proj/people/__init__.py", "");
  fs.AddFile("proj/people/models.py", "from django.db import models\nclass Person(models.Model):\n    pass\n");
  fs.AddFile("proj/shop/__init__.py", "");
  fs.AddFile("proj/shop/models.py",
             "from django.db import models\nfrom compat import AUTH_USER_MODEL, ITEM\n"
             "class Item(models.Model):\n    pass\n"
             "class Order(models.Model):\n    user = models.ForeignKey(AUTH_USER_MODEL, on_delete=models.CASCADE)\n"
             "    item = models.ForeignKey(ITEM, on_delete=models.CASCADE)\n");
  auto analysis = seams::test::AnalyzeMemory(fs);
  CHECK(Relations(analysis) == std::set<std::string>{"shop.Order item fk shop.Item", "shop.Order user fk people.Person"});
  CHECK(analysis.models.diagnostics.empty());
}

TEST_CASE("star imports export module-level names only, and honour __all__ (netbox dcim.PowerFeed)", "[django][models]") {
  // dcim/models/__init__.py star-imports device_components before power; a
  // function in device_components imports PowerFeed back from the package. That
  // local import is not exported, so the package's PowerFeed is power's class.
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/dcim/__init__.py", "");
  fs.AddFile("proj/dcim/models/__init__.py",
             "from .device_components import *\nfrom .power import *\nfrom .hidden import *\n");
  fs.AddFile("proj/dcim/models/device_components.py",
             "from django.db import models\n"
             "__all__ = ('PowerPort',)\n"
             "class PowerPort(models.Model):\n"
             "    def feeds(self):\n"
             "        from dcim.models import PowerFeed\n"
             "        return PowerFeed.objects.all()\n"
             "class Helper(models.Model):\n    pass\n");
  fs.AddFile("proj/dcim/models/power.py",
             "from django.db import models\n"
             "class PowerFeed(models.Model):\n    pass\n");
  fs.AddFile("proj/dcim/models/hidden.py",
             "from django.db import models\n"
             "class _Private(models.Model):\n    pass\n");
  fs.AddFile("proj/dcim/cables.py",
             "from django.db import models\n"
             "from dcim.models import PowerFeed, PowerPort, Helper, _Private\n"
             "class Cable(models.Model):\n"
             "    feed = models.ForeignKey(PowerFeed, on_delete=models.CASCADE)\n"
             "    port = models.ForeignKey(PowerPort, on_delete=models.CASCADE)\n"
             "    helper = models.ForeignKey(Helper, on_delete=models.CASCADE)\n"
             "    private = models.ForeignKey(_Private, on_delete=models.CASCADE)\n");
  auto analysis = seams::test::AnalyzeMemory(fs);
  std::set<std::string> cable;
  for (const auto& r : analysis.models.relations) {
    if (r.from == "dcim.Cable") cable.insert(r.field + " " + r.to);
  }
  // Helper is not in device_components' __all__ and _Private is private: neither is
  // reachable through the package, so those relations stay unresolved (diagnosed).
  CHECK(cable == std::set<std::string>{"feed dcim.PowerFeed", "port dcim.PowerPort"});
  std::set<std::string> unresolved;
  for (const auto& d : analysis.models.diagnostics) unresolved.insert(d.code + ":" + std::to_string(d.line));
  CHECK(unresolved == std::set<std::string>{"unresolved-relation:6", "unresolved-relation:7"});
}

TEST_CASE("relations of abstract bases are copied into each concrete model, 'self' included", "[django][models]") {
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/tenancy/__init__.py", "");
  fs.AddFile("proj/tenancy/models.py",
             "from django.db import models\n"
             "class Tenant(models.Model):\n    pass\n"
             "class TenancyMixin(models.Model):\n"
             "    tenant = models.ForeignKey(Tenant, on_delete=models.PROTECT)\n"
             "    class Meta:\n        abstract = True\n"
             "class Nested(TenancyMixin):\n"
             "    parent = models.ForeignKey('self', null=True, on_delete=models.CASCADE)\n"
             "    class Meta:\n        abstract = True\n");
  fs.AddFile("proj/dcim/__init__.py", "");
  fs.AddFile("proj/dcim/models.py",
             "from django.db import models\n"
             "from tenancy.models import Nested, TenancyMixin, Tenant\n"
             "class Site(Nested):\n    pass\n"
             "class Rack(TenancyMixin):\n"
             "    tenant = models.ForeignKey(Tenant, related_name='racks', on_delete=models.CASCADE)\n"
             "class RackProxy(Rack):\n    class Meta:\n        proxy = True\n");
  auto analysis = seams::test::AnalyzeMemory(fs);
  std::set<std::string> got;
  for (const auto& r : analysis.models.relations) {
    got.insert(r.from + " " + r.field + " " + r.to + (r.inherited_from.empty() ? "" : " < " + r.inherited_from) + " @" +
               std::to_string(r.line));
  }
  CHECK(got == std::set<std::string>{
                   "tenancy.TenancyMixin tenant tenancy.Tenant @5",
                   "tenancy.Nested parent tenancy.Nested @9",
                   "dcim.Site parent dcim.Site < tenancy.Nested @9",        // 'self' is the concrete model
                   "dcim.Site tenant tenancy.Tenant < tenancy.TenancyMixin @5",  // through two abstract levels
                   "dcim.Rack tenant tenancy.Tenant @6",                    // redeclared: its own field wins
               });
}

TEST_CASE("module-level loader aliases name their model (django-oscar's Product = get_model(...))", "[django][models]") {
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/catalogue/__init__.py", "");
  fs.AddFile("proj/catalogue/models.py",
             "from django.db import models\n"
             "class Product(models.Model):\n    pass\n");
  fs.AddFile("proj/catalogue/admin.py",
             "from django.contrib import admin\n"
             "from oscar.core.loading import get_model\n"
             "Product = get_model('catalogue', 'Product')\n"
             "Other = get_model('catalogue.Product')\n"
             "Missing = get_model('catalogue', 'Nothing')\n"
             "admin.site.register(Product)\n"
             "admin.site.register(Missing)\n");
  fs.AddFile("proj/basket/__init__.py", "");
  fs.AddFile("proj/basket/models.py",
             "from django.db import models\n"
             "from oscar.core.loading import get_model\n"
             "from catalogue.admin import Other\n"
             "class Line(models.Model):\n"
             "    product = models.ForeignKey(Other, on_delete=models.CASCADE)\n");
  auto analysis = seams::test::AnalyzeMemory(fs);
  std::vector<std::string> registered;
  for (const auto& a : analysis.django.admin) registered.push_back(a.model + "@" + std::to_string(a.at.line));
  CHECK(registered == std::vector<std::string>{"catalogue.Product@6"});
  std::set<std::string> relations;
  for (const auto& r : analysis.models.relations) relations.insert(r.from + " " + r.field + " " + r.to);
  CHECK(relations == std::set<std::string>{"basket.Line product catalogue.Product"});
}

TEST_CASE("django-mptt's tree fields are relations (netbox's Region.parent)", "[django][models]") {
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/dcim/__init__.py", "");
  fs.AddFile("proj/dcim/models.py",
             "from django.db import models\n"
             "from mptt.models import MPTTModel, TreeForeignKey\n"  // re-exported by mptt.models
             "import mptt.fields\n"
             "class Region(MPTTModel):\n"
             "    parent = TreeForeignKey('self', null=True, on_delete=models.CASCADE)\n"
             "class Site(models.Model):\n"
             "    region = mptt.fields.TreeForeignKey(Region, on_delete=models.SET_NULL)\n"
             "    regions = mptt.fields.TreeManyToManyField(Region)\n");
  seams::AnalysisOptions options;
  options.django.model_bases = {"mptt.models.MPTTModel"};
  auto analysis = seams::Analyze(fs, "proj", options);
  CHECK(Relations(analysis) == std::set<std::string>{"dcim.Region parent fk dcim.Region", "dcim.Site region fk dcim.Region",
                                                     "dcim.Site regions m2m dcim.Region"});
}

TEST_CASE("coupling graph: a GenericRelation is a use of the model, not a foreign key", "[django][graph]") {
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/catalog/__init__.py", "");
  fs.AddFile("proj/catalog/models.py",
             "from django.db import models\n"
             "from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation\n"
             "class Asset(models.Model):\n"
             "    content_type = models.ForeignKey('contenttypes.ContentType', on_delete=models.CASCADE)\n"
             "    target = GenericForeignKey('content_type', 'object_id')\n"
             "class Product(models.Model):\n"
             "    media = GenericRelation(Asset)\n"
             "    main = models.ForeignKey(Asset, on_delete=models.CASCADE)\n");
  auto analysis = seams::test::AnalyzeMemory(fs);
  std::set<std::string> edges;
  for (const auto& e : analysis.coupling.edges) {
    const auto& from = analysis.coupling.nodes[static_cast<std::size_t>(e.from)].id;
    const auto& to = analysis.coupling.nodes[static_cast<std::size_t>(e.to)].id;
    if (from == "catalog.Product" && to == "catalog.Asset") {
      for (const auto& ev : e.evidence) edges.insert(std::string(seams::CouplingKindName(e.kind)) + " " + ev.detail);
    }
  }
  CHECK(edges == std::set<std::string>{"uses_model generic_relation media → catalog.Asset", "fk fk main → catalog.Asset"});
}
