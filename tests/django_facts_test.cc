// Views, URLs, admin, signals, tasks, forms and serializers: the example monolith
// against its hand-checked manifest, Django's contrib apps, and small cases.

#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "reports/analysis_report.h"
#include "tests/test_support.h"

using nlohmann::json;
using V = std::vector<std::string>;
using Set = std::set<std::string>;

namespace {

const json& ShopwiseReport() {
  static const json report = [] {
    seams::RealFileSystem fs;
    return seams::BuildAnalysisReport(
        seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise", seams::AnalysisOptions{}));
  }();
  return report;
}

const json& Manifest() {
  static const json manifest = [] {
    std::ifstream in(std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise/expected/facts.json");
    return json::parse(in);
  }();
  return manifest;
}

const json& DjangoReport() {
  static const json report = [] {
    seams::RealFileSystem fs;
    return seams::BuildAnalysisReport(seams::Analyze(fs, SEAMS_DJANGO_DIR, seams::test::DjangoOptions()));
  }();
  return report;
}

std::string S(const json& value) { return value.is_null() ? "-" : value.is_string() ? value.get<std::string>() : value.dump(); }

// Projects a list of objects onto a set of "a|b|c" strings.
Set Project(const json& items, const V& keys) {
  Set out;
  for (const auto& item : items) {
    std::string row;
    for (const auto& key : keys) {
      if (!row.empty()) row += '|';
      row += S(item.at(key));
    }
    out.insert(row);
  }
  return out;
}

seams::Analysis AnalyzeSnippets(const std::vector<std::pair<std::string, std::string>>& files) {
  seams::MemoryFileSystem fs;
  for (const auto& [path, text] : files) fs.AddFile("proj/" + path, text);
  return seams::test::AnalyzeMemory(fs);
}

}  // namespace

TEST_CASE("shopwise: exactly the admin registrations written there", "[django][admin]") {
  CHECK(Project(ShopwiseReport()["admin"], {"model", "module", "line"}) ==
        Project(Manifest()["admin"], {"model", "module", "line"}));
}

TEST_CASE("shopwise: exactly the signal receivers written there", "[django][signals]") {
  CHECK(Project(ShopwiseReport()["signals"]["receivers"], {"receiver", "signal", "sender", "line"}) ==
        Project(Manifest()["signals"], {"receiver", "signal", "sender", "line"}));
  // The custom signals and the module that sends them.
  Set custom;
  for (const auto& s : ShopwiseReport()["signals"]["custom"]) {
    for (const auto& sender : s["senders"]) custom.insert(S(s["signal"]) + " <- " + S(sender["module"]));
  }
  CHECK(custom == Set{"common.events.order_cancelled <- orders.services", "common.events.order_placed <- orders.services"});
}

TEST_CASE("shopwise: exactly the tasks and task calls written there", "[django][tasks]") {
  CHECK(Project(ShopwiseReport()["tasks"]["tasks"], {"task", "line"}) == Project(Manifest()["tasks"], {"task", "line"}));
  CHECK(Project(ShopwiseReport()["tasks"]["calls"], {"caller", "task", "how", "line"}) ==
        Project(Manifest()["task_calls"], {"caller", "task", "how", "line"}));
}

TEST_CASE("shopwise: exactly the URLs written there, with full prefixes from ROOT_URLCONF", "[django][urls]") {
  CHECK(Project(ShopwiseReport()["urls"], {"prefix", "view", "line", "module"}) ==
        Project(Manifest()["urls"], {"prefix", "view", "line", "module"}));
}

TEST_CASE("shopwise: exactly the views written there and the models each uses", "[django][views]") {
  CHECK(Project(ShopwiseReport()["views"], {"view", "models"}) == Project(Manifest()["views"], {"view", "models"}));
}

TEST_CASE("shopwise: string loaders are uses with evidence", "[django][loaders]") {
  CHECK(Project(ShopwiseReport()["loader_uses"], {"module", "target", "how", "line"}) ==
        Set{"notifications.tasks|accounts.User|get_user_model|9", "payments.models|accounts.User|get_user_model|10",
            "reporting.services|orders.Order|get_model|19", "reporting.services|catalog.Product|get_model|41"});
}

TEST_CASE("django contrib: admin registrations", "[django][admin]") {
  CHECK(Project(DjangoReport()["admin"], {"model", "admin_class", "path"}) ==
        Set{"auth.Group|django.contrib.auth.admin.GroupAdmin|contrib/auth/admin.py",
            "auth.User|django.contrib.auth.admin.UserAdmin|contrib/auth/admin.py",
            "flatpages.FlatPage|django.contrib.flatpages.admin.FlatPageAdmin|contrib/flatpages/admin.py",
            "redirects.Redirect|django.contrib.redirects.admin.RedirectAdmin|contrib/redirects/admin.py",
            "sites.Site|django.contrib.sites.admin.SiteAdmin|contrib/sites/admin.py"});
}

TEST_CASE("django contrib: django.contrib.auth.urls mapped to their views", "[django][urls]") {
  Set auth;
  for (const auto& url : DjangoReport()["urls"]) {
    if (url["module"] == "django.contrib.auth.urls") auth.insert(S(url["route"]) + " " + S(url["view"]) + " " + S(url["name"]));
  }
  CHECK(auth == Set{"login/ django.contrib.auth.views.LoginView login",
                    "logout/ django.contrib.auth.views.LogoutView logout",
                    "password_change/ django.contrib.auth.views.PasswordChangeView password_change",
                    "password_change/done/ django.contrib.auth.views.PasswordChangeDoneView password_change_done",
                    "password_reset/ django.contrib.auth.views.PasswordResetView password_reset",
                    "password_reset/done/ django.contrib.auth.views.PasswordResetDoneView password_reset_done",
                    "reset/<uidb64>/<token>/ django.contrib.auth.views.PasswordResetConfirmView password_reset_confirm",
                    "reset/done/ django.contrib.auth.views.PasswordResetCompleteView password_reset_complete"});
}

TEST_CASE("django contrib: model forms, signals with senders, class-based views", "[django]") {
  CHECK(Project(DjangoReport()["forms"], {"class", "model"}) ==
        Set{"django.contrib.auth.forms.UserChangeForm|auth.User", "django.contrib.auth.forms.UserCreationForm|auth.User",
            "django.contrib.flatpages.forms.FlatpageForm|flatpages.FlatPage"});
  Set receivers = Project(DjangoReport()["signals"]["receivers"], {"receiver", "signal", "sender"});
  CHECK(receivers.count("django.contrib.sites.models.clear_site_cache|pre_save|sites.Site"));
  CHECK(receivers.count("django.contrib.sites.models.clear_site_cache|pre_delete|sites.Site"));
  CHECK(receivers.count("django.contrib.auth.models.update_last_login|user_logged_in|-"));
  Set views = Project(DjangoReport()["views"], {"view", "kind"});
  CHECK(views.count("django.contrib.auth.views.LoginView|class"));
  CHECK(views.count("django.views.generic.list.ListView|class"));
}

TEST_CASE("urls: includes, namespaces, regexes, routers and unreachable URLconfs", "[django][urls]") {
  auto analysis = AnalyzeSnippets({
      {"site/__init__.py", ""},
      {"site/settings.py", "ROOT_URLCONF = 'site.urls'\nINSTALLED_APPS = ['shop']\n"},
      {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
      {"site/urls.py",
       "from django.urls import include, path, re_path\nfrom shop import views\n"
       "extra = [path('health/', views.health)]\n"
       "urlpatterns = [\n"
       "    re_path(r'^shop/', include(('shop.urls', 'shop'), namespace='store')),\n"
       "    path('ops/', include(extra)),\n"
       "    path('legacy/', 'shop.views.legacy'),\n"
       "]\n"},
      {"shop/__init__.py", ""},
      {"shop/models.py", "from django.db import models\nclass Item(models.Model):\n    pass\n"},
      {"shop/views.py",
       "from django.shortcuts import get_object_or_404\nfrom django.views.generic import DetailView\n"
       "from rest_framework import viewsets, serializers\nfrom .models import Item\n"
       "class ItemSerializer(serializers.ModelSerializer):\n    class Meta:\n        model = Item\n"
       "class ItemViewSet(viewsets.ModelViewSet):\n    serializer_class = ItemSerializer\n"
       "class ItemDetail(DetailView):\n    model = Item\n"
       "def health(request):\n    return get_object_or_404(Item, pk=1)\n"
       "def legacy(request):\n    pass\n"
       "def helper():\n    return Item.objects.count()\n"},
      {"shop/urls.py",
       "from django.urls import path\nfrom rest_framework.routers import DefaultRouter\nfrom . import views\n"
       "app_name = 'shop'\nrouter = DefaultRouter()\nrouter.register('items', views.ItemViewSet, basename='item')\n"
       "urlpatterns = [path('<int:pk>/', views.ItemDetail.as_view(), name='detail')] + router.urls\n"},
      {"other/__init__.py", ""},
      {"other/urls.py", "from django.urls import path\nfrom shop.views import health\nurlpatterns = [path('x/', health)]\n"},
  });
  json report = seams::BuildAnalysisReport(analysis);
  CHECK(Project(report["urls"], {"prefix", "route", "view", "namespace", "module", "line"}) ==
        Set{"legacy/|legacy/|shop.views.legacy|-|site.urls|7",
            "ops/health/|health/|shop.views.health|-|site.urls|3",
            "shop/<int:pk>/|<int:pk>/|shop.views.ItemDetail|store|shop.urls|7",
            "shop/items/|items/|shop.views.ItemViewSet|store|shop.urls|6",
            "-|x/|shop.views.health|-|other.urls|3"});
  CHECK(Project(report["views"], {"view", "kind", "models"}) ==
        Set{"shop.views.ItemDetail|class|[\"shop.Item\"]", "shop.views.ItemViewSet|drf_viewset|[\"shop.Item\"]",
            "shop.views.health|function|[\"shop.Item\"]", "shop.views.legacy|function|[]"});
  CHECK(Project(report["serializers"], {"class", "model"}) == Set{"shop.views.ItemSerializer|shop.Item"});
}

TEST_CASE("precision: look-alikes of admin, signals and tasks produce nothing", "[django][precision]") {
  auto analysis = AnalyzeSnippets({
      {"shop/__init__.py", ""},
      {"shop/models.py", "from django.db import models\nclass Item(models.Model):\n    pass\n"},
      {"shop/hooks.py",
       "import reversion\nfrom myevents import receiver, task\nfrom shop.models import Item\n"
       "reversion.register(Item)\n"               // not an admin site
       "@receiver('post_save', sender=Item)\ndef on_save(sender, **kw):\n    pass\n"  // not django.dispatch
       "@task\ndef not_celery():\n    pass\n"
       "def run(worker):\n    worker.delay(1)\n    Item.save.delay()\n"},
  });
  CHECK(analysis.django.admin.empty());
  CHECK(analysis.django.receivers.empty());
  CHECK(analysis.django.tasks.empty());
  CHECK(analysis.django.task_calls.empty());
}

TEST_CASE("signals: connect with senders, custom signals and their senders", "[django][signals]") {
  auto analysis = AnalyzeSnippets({
      {"shop/__init__.py", ""},
      {"shop/models.py", "from django.db import models\nclass Item(models.Model):\n    pass\n"},
      {"shop/signals.py", "from django.dispatch import Signal\nitem_sold = Signal()\n"},
      {"shop/services.py", "from .signals import item_sold\ndef sell(item):\n    item_sold.send(sender=None, item=item)\n"},
      {"shop/receivers.py",
       "from django.db.models.signals import post_save, post_delete\nfrom django.dispatch import receiver\n"
       "from shop import signals\n"
       "@receiver([post_save, post_delete], sender='shop.Item')\ndef changed(sender, **kw):\n    pass\n"
       "def sold(sender, **kw):\n    pass\n"
       "signals.item_sold.connect(sold)\n"},
  });
  json report = seams::BuildAnalysisReport(analysis);
  CHECK(Project(report["signals"]["receivers"], {"receiver", "signal", "sender", "line"}) ==
        Set{"shop.receivers.changed|post_delete|shop.Item|5", "shop.receivers.changed|post_save|shop.Item|5",
            "shop.receivers.sold|shop.signals.item_sold|-|9"});
  CHECK(Project(report["signals"]["custom"], {"signal", "line", "senders"}) ==
        Set{"shop.signals.item_sold|2|[{\"line\":3,\"module\":\"shop.services\",\"path\":\"shop/services.py\"}]"});
}

TEST_CASE("urls: i18n_patterns are read; patterns built at run time are diagnosed, not lost", "[django][urls]") {
  auto analysis = AnalyzeSnippets({
      {"site/__init__.py", ""},
      {"site/settings.py", "ROOT_URLCONF = 'site.urls'\nINSTALLED_APPS = ['shop']\n"},
      {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
      {"site/urls.py",
       "from django.conf.urls.i18n import i18n_patterns\nfrom django.conf.urls.static import static\n"
       "from django.urls import include, path\nfrom shop import views\nfrom shop.apps import config\n"
       "urlpatterns = [path('health/', views.health)]\n"
       "urlpatterns += i18n_patterns(path('shop/', views.shop), prefix_default_language=False)\n"
       "urlpatterns += [path('dash/', include(config.get_urls()))]\n"
       "urlpatterns += debug_toolbar_urls()\n"
       "urlpatterns += static('/media/', document_root='/srv')\n"},
      {"shop/__init__.py", ""},
      {"shop/apps.py", "config = None\n"},
      {"shop/views.py", "def health(request):\n    pass\ndef shop(request):\n    pass\n"},
  });
  json report = seams::BuildAnalysisReport(analysis);
  CHECK(Project(report["urls"], {"prefix", "route", "view", "line"}) ==
        Set{"health/|health/|shop.views.health|6", "shop/|shop/|shop.views.shop|7",
            "dash/|dash/|-|8"});  // the prefix is known, what is under it is not
  Set unread;
  for (const auto& d : analysis.diagnostics) {
    if (d.code == "unread-urls") unread.insert(d.path + ":" + std::to_string(d.line) + " " + d.message);
  }
  CHECK(unread == Set{"site/urls.py:8 include(config.get_urls(...)) is built at run time; its URLs are not read statically",
                      "site/urls.py:9 debug_toolbar_urls(...) in a URL pattern list is built at run time; its URLs are not "
                      "read statically"});
}

TEST_CASE("apps: INSTALLED_APPS entries without apps.py, and AppConfigs on a project base", "[django][layout]") {
  auto analysis = AnalyzeSnippets({
      {"site/__init__.py", ""},
      {"site/settings.py", "INSTALLED_APPS = ['attribute', 'catalogue', 'utils_only']\n"},
      {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n"},
      // saleor: no apps.py, a models/ package whose __init__ only re-exports.
      {"attribute/__init__.py", ""},
      {"attribute/models/__init__.py", "from .base import *\n"},
      {"attribute/models/base.py", "from django.db import models\nclass Attribute(models.Model):\n    pass\n"},
      // django-oscar: the AppConfig derives from the project's own base.
      {"core/__init__.py", ""},
      {"core/application.py", "from django.apps import AppConfig\nclass ShopConfig(AppConfig):\n    pass\n"},
      {"catalogue/__init__.py", ""},
      {"catalogue/apps.py",
       "from core.application import ShopConfig\nclass CatalogueConfig(ShopConfig):\n"
       "    name = 'catalogue'\n    label = 'shop_catalogue'\n"},
      {"catalogue/models.py", "from django.db import models\nclass Product(models.Model):\n    pass\n"},
      {"utils_only/__init__.py", ""},
      {"utils_only/text.py", "def slug(x):\n    return x\n"},
      {"loose/__init__.py", ""},  // not installed, no models: not an app
  });
  Set apps;
  for (const auto& app : analysis.layout.apps) {
    apps.insert(app.package + "|" + app.label + "|" + (app.installed ? "installed" : "-") + "|" +
                (app.has_models ? "models" : "-") + "|" + app.config);
  }
  CHECK(apps == Set{"attribute|attribute|installed|models|", "catalogue|shop_catalogue|installed|models|catalogue.apps.CatalogueConfig",
                    "utils_only|utils_only|installed|-|"});
  Set models;
  for (const auto& m : analysis.models.models) models.insert(m.key);
  CHECK(models == Set{"attribute.Attribute", "shop_catalogue.Product"});
}
