// Table ownership: the tables Django creates, named as Django names them.
// Expected names were read from Django 3.2 itself (apps.get_models(include_auto_created=True)).

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "lib/core/md5.h"
#include "lib/data/tables.h"
#include "tests/test_support.h"

namespace {

std::map<std::string, const seams::TableInfo*> ByTable(const std::vector<seams::TableInfo>& tables) {
  std::map<std::string, const seams::TableInfo*> out;
  for (const auto& t : tables) out[t.table] = &t;
  return out;
}

}  // namespace

TEST_CASE("md5: RFC 1321 test suite", "[data]") {
  CHECK(seams::Md5Hex("") == "d41d8cd98f00b204e9800998ecf8427e");
  CHECK(seams::Md5Hex("abc") == "900150983cd24fb0d6963f7d28e17f72");
  CHECK(seams::Md5Hex("message digest") == "f96b697d7cb7938d525a2f31aaf161d0");
  CHECK(seams::Md5Hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890") ==
        "57edf4a22be3c955ac49da2e2107b67a");
}

TEST_CASE("tables: Django's truncate_name", "[data]") {
  CHECK(seams::TruncateName("orders_order", 63) == "orders_order");
  CHECK(seams::TruncateName(std::string(63, 'a'), 63) == std::string(63, 'a'));
  // Django: truncate_name('a' * 70, 63)
  CHECK(seams::TruncateName(std::string(70, 'a'), 63) == std::string(59, 'a') + "0f5c");
  // A namespace is kept whole and only the name is shortened.
  CHECK(seams::TruncateName("\"s\".\"" + std::string(70, 'b') + "\"", 63) == "s\".\"" + std::string(59, 'b') + "fafb");
}

TEST_CASE("tables: Django's contrib apps", "[data]") {
  seams::RealFileSystem fs;
  seams::Analysis analysis = seams::Analyze(fs, std::string(SEAMS_DJANGO_DIR) + "/contrib", seams::test::DjangoOptions());
  auto tables = ByTable(analysis.tables);
  // Every table `migrate` creates for these contrib apps, as Django names them.
  const std::map<std::string, std::string> expected = {
      {"django_admin_log", "admin.LogEntry"},       {"auth_permission", "auth.Permission"},
      {"auth_group_permissions", "auth.Group"},     {"auth_group", "auth.Group"},
      {"auth_user_groups", "auth.User"},            {"auth_user_user_permissions", "auth.User"},
      {"auth_user", "auth.User"},                   {"django_content_type", "contenttypes.ContentType"},
      {"django_session", "sessions.Session"},       {"django_site", "sites.Site"},
      {"django_flatpage_sites", "flatpages.FlatPage"}, {"django_flatpage", "flatpages.FlatPage"},
      {"django_redirect", "redirects.Redirect"}};
  for (const auto& [table, model] : expected) {
    INFO(table);
    REQUIRE(tables.count(table));
    CHECK(tables[table]->model == model);
  }
  CHECK(tables["auth_user_groups"]->kind == "m2m");
  CHECK(tables["auth_user_groups"]->field == "groups");
  CHECK(tables["auth_user_groups"]->target == "auth.Group");
  CHECK(tables["auth_user"]->kind == "model");
  // Abstract bases and proxies have no table.
  for (const auto& t : analysis.tables) {
    CHECK(t.model != "auth.AbstractUser");
    CHECK(t.model != "auth.PermissionsMixin");
    CHECK(t.model != "sessions.AbstractBaseSession");
  }
  CHECK_FALSE(tables.count("auth_abstractuser"));
}

TEST_CASE("tables: long names, db_table, through, proxies, unmanaged, a swapped user", "[data]") {
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n");
  fs.AddFile("proj/site/__init__.py", "");
  fs.AddFile("proj/site/settings.py",
             "AUTH_USER_MODEL = 'people.Person'\n"
             "INSTALLED_APPS = ['django.contrib.auth', 'django.contrib.contenttypes', 'people']\n");
  fs.AddFile("proj/people/__init__.py", "");
  fs.AddFile("proj/people/models.py", seams::test::ReadText(std::string(SEAMS_SOURCE_DIR) +
                                                            "/tests/fixtures/tables/people/models.py"));
  seams::Analysis analysis = seams::test::AnalyzeMemory(fs);
  std::vector<std::string> names;
  for (const auto& t : analysis.tables) names.push_back(t.table + " " + t.model + (t.managed ? "" : " unmanaged"));
  // Exactly what Django 3.2 creates for this app (the contrib apps are not part of the tree).
  CHECK(names == std::vector<std::string>{
                     "legacy_others people.Legacy",
                     "old_legacy people.Legacy unmanaged",
                     "people_averylongmodelnamethatgoesonandonforeverandevermorea1aa9 "
                     "people.AVeryLongModelNameThatGoesOnAndOnForeverAndEverMoreAndMore",
                     "people_averylongmodelnamethatgoesonandonforeverandevermorea7beb "
                     "people.AVeryLongModelNameThatGoesOnAndOnForeverAndEverMoreAndMore",
                     "people_averylongmodelnamethatgoesonandonforeverandevermoreaddf8 "
                     "people.AVeryLongModelNameThatGoesOnAndOnForeverAndEverMoreAndMore",
                     "people_child people.Child",
                     "people_club people.Club",
                     "people_label people.Label",
                     "people_membership people.Membership",
                     "people_person people.Person",
                     "people_person_groups people.Person",
                     "people_person_user_permissions people.Person",
                 });
  auto tables = ByTable(analysis.tables);
  CHECK(tables["people_averylongmodelnamethatgoesonandonforeverandevermoreaddf8"]->field ==
        "friends_with_an_exceptionally_long_field_name");
  CHECK(tables["people_averylongmodelnamethatgoesonandonforeverandevermorea1aa9"]->field == "labels");
  CHECK(tables["people_person_groups"]->target == "auth.Group");
}

TEST_CASE("tables: shopwise, every table Django creates for its apps", "[data]") {
  seams::RealFileSystem fs;
  seams::Analysis analysis =
      seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise", seams::AnalysisOptions{});
  // expected/tables.json is what Django itself lists (and the PostgreSQL test creates).
  std::ifstream in(std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise/expected/tables.json");
  REQUIRE(in);
  nlohmann::json expected = nlohmann::json::parse(in);
  std::vector<std::string> want, got;
  for (const auto& t : expected.at("tables"))
    want.push_back(t.at("table").get<std::string>() + " " + t.at("model").get<std::string>() + " " +
                   t.at("kind").get<std::string>());
  for (const auto& t : analysis.tables) got.push_back(t.table + " " + t.model + " " + t.kind);
  CHECK(got == want);
  auto tables = ByTable(analysis.tables);
  CHECK(tables.count("payments_webhook_log"));                 // Meta.db_table
  CHECK(tables["payments_webhook_log"]->model == "payments.WebhookEvent");
  CHECK(tables.count("notify_notification"));                  // the app's label, not its package
  CHECK(tables.count("catalog_product_tags"));                 // auto-created m2m
  CHECK(tables.count("accounts_user_groups"));                 // AbstractUser's PermissionsMixin
  CHECK(tables.count("accounts_user_user_permissions"));
  CHECK_FALSE(tables.count("catalog_collection_products"));    // through= CollectionItem
  CHECK_FALSE(tables.count("orders_pendingorder"));            // a proxy
  CHECK_FALSE(tables.count("core_timestampedmodel"));          // abstract
}
