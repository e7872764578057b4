// Layouts: flat, src/, nested manage.py, namespace packages; skips, tags, excludes, bad entries.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "lib/core/error.h"
#include "lib/discover/discover.h"
#include "tests/test_support.h"

using seams::Discover;
using seams::DiscoverOptions;
using seams::MemoryFileSystem;
using seams::Project;
using seams::test::Codes;
using V = std::vector<std::string>;

namespace {

std::vector<std::string> Modules(const Project& project) {
  std::vector<std::string> out;
  for (const auto& f : project.files) out.push_back(f.path + "=" + f.module);
  return out;
}

}  // namespace

TEST_CASE("flat layout: modules named from the root", "[discover]") {
  MemoryFileSystem fs;
  fs.AddFile("proj/manage.py", "");
  fs.AddFile("proj/shop/__init__.py", "");
  fs.AddFile("proj/shop/models.py", "");
  fs.AddFile("proj/shop/api/views.py", "");  // namespace package shop.api? no: shop is regular, api is implicit
  fs.AddFile("proj/tools.py", "");
  Project p = Discover(fs, "proj", {});
  CHECK(p.name == "proj");
  CHECK(p.import_roots == V{""});
  CHECK(p.manage_py == V{"manage.py"});
  CHECK(Modules(p) == V{"manage.py=manage", "shop/__init__.py=shop", "shop/api/views.py=shop.api.views",
                        "shop/models.py=shop.models", "tools.py=tools"});
  CHECK(p.files[1].is_package);
}

TEST_CASE("src layout", "[discover]") {
  MemoryFileSystem fs;
  fs.AddFile("proj/src/acme/__init__.py", "");
  fs.AddFile("proj/src/acme/orders.py", "");
  fs.AddFile("proj/setup.py", "");
  Project p = Discover(fs, "proj", {});
  CHECK(p.import_roots == V{"", "src"});
  CHECK(Modules(p) == V{"setup.py=setup", "src/acme/__init__.py=acme", "src/acme/orders.py=acme.orders"});
}

TEST_CASE("a subdirectory holding manage.py is an import root (netbox layout)", "[discover]") {
  MemoryFileSystem fs;
  fs.AddFile("proj/netbox/manage.py", "");
  fs.AddFile("proj/netbox/netbox/__init__.py", "");
  fs.AddFile("proj/netbox/netbox/settings.py", "");
  fs.AddFile("proj/netbox/dcim/__init__.py", "");
  fs.AddFile("proj/netbox/dcim/models/__init__.py", "");
  fs.AddFile("proj/docs/conf.py", "");
  Project p = Discover(fs, "proj", {});
  CHECK(p.import_roots == V{"", "netbox"});
  CHECK(Modules(p) == V{"docs/conf.py=docs.conf", "netbox/dcim/__init__.py=dcim",
                        "netbox/dcim/models/__init__.py=dcim.models", "netbox/manage.py=manage",
                        "netbox/netbox/__init__.py=netbox", "netbox/netbox/settings.py=netbox.settings"});
}

TEST_CASE("namespace packages (no __init__.py) still name their modules", "[discover]") {
  MemoryFileSystem fs;
  fs.AddFile("proj/company/billing/invoices.py", "");
  fs.AddFile("proj/company/crm/__init__.py", "");
  Project p = Discover(fs, "proj", {});
  CHECK(Modules(p) == V{"company/billing/invoices.py=company.billing.invoices", "company/crm/__init__.py=company.crm"});
}

TEST_CASE("a root that is itself a package is named from its parent", "[discover]") {
  MemoryFileSystem fs;
  fs.AddFile("site/django/__init__.py", "");
  fs.AddFile("site/django/db/__init__.py", "");
  fs.AddFile("site/django/db/models.py", "");
  Project p = Discover(fs, "site/django", {});
  CHECK(p.package_prefix == "django");
  CHECK(Modules(p) == V{"__init__.py=django", "db/__init__.py=django.db", "db/models.py=django.db.models"});
}

TEST_CASE("skipped directories, tags and excludes", "[discover]") {
  MemoryFileSystem fs;
  fs.AddFile("proj/.git/hooks/x.py", "");
  fs.AddFile("proj/.venv/lib/y.py", "");
  fs.AddFile("proj/env/pyvenv.cfg", "");
  fs.AddFile("proj/env/lib/z.py", "");
  fs.AddFile("proj/node_modules/pkg/a.py", "");
  fs.AddFile("proj/lib/site-packages/b.py", "");
  fs.AddFile("proj/shop/__pycache__/c.py", "");
  fs.AddFile("proj/build/lib/d.py", "");
  fs.AddFile("proj/shop/__init__.py", "");
  fs.AddFile("proj/shop/migrations/0001_initial.py", "");
  fs.AddFile("proj/shop/tests/test_models.py", "");
  fs.AddFile("proj/shop/test_views.py", "");
  fs.AddFile("proj/shop/vendor/lib.py", "");
  fs.AddFile("proj/shop/readme.txt", "");
  DiscoverOptions options;
  options.exclude = {"**/vendor/**"};
  Project p = Discover(fs, "proj", options);
  CHECK(Modules(p) == V{"shop/__init__.py=shop", "shop/migrations/0001_initial.py=shop.migrations.0001_initial",
                        "shop/test_views.py=shop.test_views", "shop/tests/test_models.py=shop.tests.test_models"});
  CHECK(p.files[1].is_migration);
  CHECK_FALSE(p.files[1].is_test);
  CHECK(p.files[2].is_test);
  CHECK(p.files[3].is_test);
  CHECK_FALSE(p.files[0].is_test);
}

TEST_CASE("test helpers are tests: *_tests and testing packages, fixtures, factories", "[discover]") {
  // shuup keeps its tests in a `shuup_tests` package and helpers in `shuup/testing`;
  // factory_boy factories and fixture packages serve tests only.
  seams::MemoryFileSystem fs;
  for (const char* path : {"proj/shop/__init__.py", "proj/shop/models.py", "proj/shop/factory.py",
                           "proj/shop/contexts.py", "proj/shop_tests/__init__.py", "proj/shop_tests/admin/views.py",
                           "proj/shop/testing/__init__.py", "proj/shop/testing/helpers.py", "proj/shop/factories.py",
                           "proj/shop/fixtures/__init__.py", "proj/shop/fixtures/data.py",
                           "proj/shop/order_factories.py", "proj/shop/test_utils.py"}) {
    fs.AddFile(path, "");
  }
  Project p = Discover(fs, "proj", {});
  std::vector<std::string> tests, others;
  for (const auto& file : p.files) (file.is_test ? tests : others).push_back(file.module);
  CHECK(others == V{"shop", "shop.contexts", "shop.factory", "shop.models"});
  CHECK(tests == V{"shop.factories", "shop.fixtures", "shop.fixtures.data", "shop.order_factories",
                   "shop.test_utils", "shop.testing", "shop.testing.helpers", "shop_tests", "shop_tests.admin.views"});
}

TEST_CASE("glob matching", "[discover]") {
  CHECK(seams::GlobMatch("**/migrations/**", "a/b/migrations/0001.py"));
  CHECK(seams::GlobMatch("**/migrations/**", "migrations/0001.py"));
  CHECK_FALSE(seams::GlobMatch("**/migrations/**", "a/migrations.py"));
  CHECK(seams::GlobMatch("shop/*.py", "shop/models.py"));
  CHECK_FALSE(seams::GlobMatch("shop/*.py", "shop/sub/models.py"));
  CHECK(seams::GlobMatch("**/test_*.py", "x/test_a.py"));
  CHECK(seams::GlobMatch("legacy", "legacy"));
}

TEST_CASE("a package shadows a module of the same name", "[discover]") {
  MemoryFileSystem fs;
  fs.AddFile("proj/a.py", "");
  fs.AddFile("proj/a/__init__.py", "");
  Project p = Discover(fs, "proj", {});
  CHECK(Modules(p) == V{"a/__init__.py=a"});
  CHECK(Codes(p.diagnostics) == V{"shadowed-module"});
  CHECK(p.diagnostics[0].path == "a.py");
}

TEST_CASE("files over the size limit are modules but not parsed", "[discover][bad-input]") {
  MemoryFileSystem fs;
  fs.AddFile("proj/big.py", std::string(2000, '#'));
  fs.AddFile("proj/small.py", "import big\n");
  DiscoverOptions options;
  options.max_file_bytes = 1000;
  Project p = Discover(fs, "proj", options);
  REQUIRE(p.files.size() == 2);
  CHECK(p.files[0].too_large);
  CHECK(Codes(p.diagnostics) == V{"file-too-large"});
  CHECK(p.diagnostics[0].path == "big.py");
}

TEST_CASE("a root that is missing or not a directory is an input error", "[discover][bad-input]") {
  MemoryFileSystem fs;
  fs.AddFile("proj/a.py", "");
  try {
    Discover(fs, "nowhere", {});
    FAIL("expected SeamsError");
  } catch (const seams::SeamsError& e) {
    CHECK(e.kind() == seams::ErrorKind::kInput);
    CHECK(std::string(e.what()) == "nowhere: no such file or directory");
  }
  try {
    Discover(fs, "proj/a.py", {});
    FAIL("expected SeamsError");
  } catch (const seams::SeamsError& e) {
    CHECK(std::string(e.what()) == "proj/a.py: not a directory");
  }
}

TEST_CASE("on disk: symlink loops, cycles and unreadable files become diagnostics", "[discover][bad-input]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("seams-discover-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "pkg");
  std::ofstream(dir / "pkg" / "__init__.py") << "";
  std::ofstream(dir / "pkg" / "ok.py") << "import pkg\n";
  std::ofstream(dir / "pkg" / "secret.py") << "import os\n";
  fs::create_symlink("loop.py", dir / "pkg" / "loop.py");           // a symlink to itself
  fs::create_directory_symlink("..", dir / "pkg" / "up");           // a cycle back to the root
  fs::permissions(dir / "pkg" / "secret.py", fs::perms::none);
  bool can_read_anyway = static_cast<bool>(std::ifstream(dir / "pkg" / "secret.py"));  // root reads everything

  seams::RealFileSystem real;
  seams::AnalysisOptions options;
  seams::Analysis analysis = seams::Analyze(real, dir.string(), options);
  std::vector<std::string> modules;
  for (const auto& f : analysis.project.files) modules.push_back(f.module);
  CHECK(modules == V{"pkg", "pkg.ok", "pkg.secret"});
  auto codes = Codes(analysis.diagnostics);
  CHECK(std::count(codes.begin(), codes.end(), "unreadable-file") == (can_read_anyway ? 1 : 2));
  CHECK(std::count(codes.begin(), codes.end(), "symlink-cycle") == 1);
  for (const auto& d : analysis.diagnostics) {
    if (d.code == "unreadable-file" && d.path == "pkg/loop.py") CHECK(d.message == "broken or looping symlink; skipped");
  }
  fs::permissions(dir / "pkg" / "secret.py", fs::perms::owner_all);
  fs::remove_all(dir);
}

TEST_CASE("module names", "[discover]") {
  CHECK(seams::ModuleNameFor("a/b/__init__.py", "", "") == "a.b");
  CHECK(seams::ModuleNameFor("src/a/b.py", "src", "") == "a.b");
  CHECK(seams::ModuleNameFor("__init__.py", "", "django") == "django");
  CHECK(seams::ModuleNameFor("db/models.py", "", "django") == "django.db.models");
}
