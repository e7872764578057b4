// Import → project module, symbol, or external package.

#include <catch2/catch.hpp>

#include "lib/resolve/resolve.h"
#include "tests/test_support.h"

using seams::MemoryFileSystem;
using seams::test::AnalyzeMemory;
using seams::test::TargetsOf;
using V = std::vector<std::string>;

namespace {

MemoryFileSystem ShopProject() {
  MemoryFileSystem fs;
  fs.AddFile("proj/shop/__init__.py", "from .orders.models import Order\n");
  fs.AddFile("proj/shop/orders/__init__.py", "from . import models\nfrom .models import *\n");
  fs.AddFile("proj/shop/orders/models.py", "class Order: pass\n");
  fs.AddFile("proj/shop/orders/views.py",
             "import shop.orders.models\n"
             "import shop.orders.models as m\n"
             "from shop.orders import models\n"
             "from shop.orders.models import Order\n"
             "from shop.orders import Order as O\n"
             "from . import models\n"
             "from .models import Order\n"
             "from ..billing import invoices\n"
             "from ..billing.invoices import Invoice\n"
             "import os.path\n"
             "from django.db import models as dj\n"
             "from shop.orders.missing import X\n"
             "from ...toohigh import y\n");
  fs.AddFile("proj/shop/billing/__init__.py", "");
  fs.AddFile("proj/shop/billing/invoices.py", "");
  return fs;
}

}  // namespace

TEST_CASE("every resolution case", "[resolve]") {
  auto analysis = AnalyzeMemory(ShopProject());
  CHECK(TargetsOf(analysis, "shop.orders.views") ==
        V{"shop.orders.models",          // import a.b.c → the module
          "shop.orders.models",          // with an alias
          "shop.orders.models",          // from a.b import c where a.b.c is a module
          "shop.orders.models:Order",    // from a.b import Name → a.b, symbol Name
          "shop.orders:Order",           // through a re-exporting __init__: still the package
          "shop.orders.models",          // from . import module
          "shop.orders.models:Order",    // from .module import Name
          "shop.billing.invoices",       // from ..pkg import module
          "shop.billing.invoices:Invoice",
          "stdlib os",
          "3rd django",
          "shop.orders",                 // longest existing prefix
          "unresolved from ...toohigh import y"});
}

TEST_CASE("relative imports inside an __init__ resolve against the package itself", "[resolve]") {
  auto analysis = AnalyzeMemory(ShopProject());
  CHECK(TargetsOf(analysis, "shop.orders") == V{"shop.orders.models", "shop.orders.models:*"});
  CHECK(TargetsOf(analysis, "shop") == V{"shop.orders.models:Order"});
}

TEST_CASE("resolution diagnostics name the import", "[resolve]") {
  auto analysis = AnalyzeMemory(ShopProject());
  std::vector<std::string> messages;
  for (const auto& d : analysis.resolution.diagnostics) {
    messages.push_back(d.path + ":" + std::to_string(d.line) + ": " + d.code + ": " + d.message);
  }
  CHECK(messages ==
        V{"shop/orders/views.py:12: unresolved-import: 'from shop.orders.missing import X': module "
          "'shop.orders.missing' is not in the project; counted as an import of 'shop.orders'",
          "shop/orders/views.py:13: relative-import-beyond-top: 'from ...toohigh import y' climbs above the "
          "top-level package of 'shop.orders.views'"});
}

TEST_CASE("absolute names of relative imports", "[resolve]") {
  std::string out;
  CHECK(seams::AbsoluteImportName("a.b.c", false, 1, "", &out));
  CHECK(out == "a.b");
  CHECK(seams::AbsoluteImportName("a.b.c", false, 2, "x", &out));
  CHECK(out == "a.x");
  CHECK(seams::AbsoluteImportName("a.b", true, 1, "m", &out));
  CHECK(out == "a.b.m");
  CHECK(seams::AbsoluteImportName("a.b", true, 2, "", &out));
  CHECK(out == "a");
  CHECK_FALSE(seams::AbsoluteImportName("a", false, 1, "x", &out));
  CHECK_FALSE(seams::AbsoluteImportName("a.b", false, 3, "x", &out));
}

TEST_CASE("the standard library is told from third-party packages", "[resolve]") {
  MemoryFileSystem fs;
  fs.AddFile("proj/m.py", "import json, collections.abc, typing\nimport requests\nfrom rest_framework import views\n");
  auto analysis = AnalyzeMemory(fs);
  CHECK(TargetsOf(analysis, "m") ==
        V{"stdlib json", "stdlib collections", "stdlib typing", "3rd requests", "3rd rest_framework"});
  REQUIRE(analysis.module_graph.modules.size() == 1);
  CHECK(analysis.module_graph.modules[0].stdlib_imports == 3);
  CHECK(analysis.module_graph.modules[0].third_party == V{"requests", "rest_framework"});
}
