#include "lib/django/layout.h"

#include <algorithm>
#include <map>

#include "lib/core/file_system.h"
#include "lib/core/names.h"

namespace seams {

namespace {

std::string BaseName(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string DirName(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

bool IsAppConfigBase(const Expr& base) {
  return base.IsName() && (base.text == "AppConfig" || base.text.ends_with(".AppConfig"));
}

}  // namespace

AppIndex::AppIndex(const std::vector<DjangoApp>& apps) : apps_(apps) {
  for (std::size_t i = 0; i < apps.size(); ++i) {
    const std::string_view package = apps[i].package;
    by_package_.emplace(package, i);  // emplace keeps the first, as a scan in order would
    for (auto dot = package.find('.'); dot != std::string_view::npos; dot = package.find('.', dot + 1)) {
      above_apps_.insert(package.substr(0, dot));
    }
  }
}

const DjangoApp* AppIndex::AppOf(std::string_view module) const {
  for (std::string_view prefix = module;;) {  // longest first
    if (auto it = by_package_.find(prefix); it != by_package_.end()) return &apps_[it->second];
    const auto dot = prefix.rfind('.');
    if (dot == std::string_view::npos) return nullptr;
    prefix = prefix.substr(0, dot);
  }
}

std::string AppIndex::GroupOf(std::string_view module) const {
  if (const DjangoApp* app = AppOf(module)) return app->label;
  for (auto dot = module.find('.');; dot = module.find('.', dot + 1)) {  // shortest first
    const std::string_view prefix = module.substr(0, dot);
    if (dot == std::string_view::npos || !above_apps_.count(prefix)) return std::string(prefix);
  }
}

DjangoLayout FindDjangoLayout(const Project& project, const std::vector<FileFacts>& facts) {
  DjangoLayout layout;
  layout.manage_py = project.manage_py;

  // DJANGO_SETTINGS_MODULE: manage.py is the most telling, then wsgi/asgi/celery.
  auto rank = [](const std::string& path) {
    std::string base = BaseName(path);
    if (base == "manage.py") return 0;
    if (base == "wsgi.py" || base == "asgi.py") return 1;
    return 2;
  };
  int best_rank = 99;
  std::map<std::string, std::string> seen_values;  // value → where
  for (std::size_t f = 0; f < project.files.size() && f < facts.size(); ++f) {
    for (const auto& call : facts[f].calls) {
      const Expr& c = call.call;
      if (!(c.text.ends_with("environ.setdefault") || c.text == "setdefault" || c.text.ends_with(".setenv"))) continue;
      const Expr* key = c.Arg(0);
      const Expr* value = c.Arg(1);
      if (!key || !value || !key->IsString() || key->text != "DJANGO_SETTINGS_MODULE" || !value->IsString()) continue;
      std::string where = project.files[f].path + ":" + std::to_string(call.line);
      seen_values.emplace(value->text, where);
      int r = rank(project.files[f].path);
      if (r < best_rank) {
        best_rank = r;
        layout.settings_module = value->text;
        layout.settings_source = where;
      }
    }
  }
  if (seen_values.size() > 1) {
    std::string list;
    for (const auto& [value, where] : seen_values) list += (list.empty() ? "" : ", ") + value + " (" + where + ")";
    layout.diagnostics.push_back({"several-settings-modules", Severity::kNote, "", 0, 0,
                                  "DJANGO_SETTINGS_MODULE is set to different modules: " + list + "; using " +
                                      layout.settings_module});
  }
  if (layout.settings_module.empty() && !project.manage_py.empty()) {
    layout.diagnostics.push_back({"settings-not-found", Severity::kWarning, project.manage_py.front(), 0, 0,
                                  "DJANGO_SETTINGS_MODULE is not set with a string literal in manage.py, wsgi.py "
                                  "or asgi.py"});
  }

  // Apps: every package with apps.py or models.py (or a models/ package).
  std::map<std::string, DjangoApp> apps;  // by package directory
  std::map<std::string, std::string> package_module;  // dir → module of its __init__
  for (const auto& file : project.files) {
    if (file.is_package) package_module[DirName(file.path)] = file.module;
  }
  auto app_at = [&](const std::string& dir) -> DjangoApp* {
    auto pkg = package_module.find(dir);
    if (pkg == package_module.end()) return nullptr;  // not a regular package
    DjangoApp& app = apps[dir];
    app.path = dir;
    if (app.package.empty()) app.package = app.name = pkg->second;
    return &app;
  };
  // Packages with a models module are apps only when that module looks like
  // Django models (django.forms has a models.py too, and so do database backends
  // nested inside an app); a package with apps.py always is.
  std::map<std::string, std::size_t> models_module;  // dir → file index
  for (std::size_t f = 0; f < project.files.size(); ++f) {
    const SourceFile& file = project.files[f];
    if (file.is_test || file.is_migration) continue;
    std::string base = BaseName(file.path);
    std::string dir = DirName(file.path);
    if (base == "models.py") {
      models_module.emplace(dir, f);
    } else if (base == "__init__.py" && BaseName(dir) == "models" && dir.find('/') != std::string::npos) {
      models_module.emplace(DirName(dir), f);
    } else if (base == "apps.py") {
      DjangoApp* app = app_at(dir);
      if (!app) continue;
      app->has_apps_py = true;
      if (f >= facts.size()) continue;
      // The first AppConfig subclass declares the app's name and label; a
      // project's own config base (django-oscar's OscarConfig) counts when the
      // class names its app.
      for (const auto& cls : facts[f].classes) {
        if (!cls.scope.empty() || !app->config.empty()) continue;
        bool config = std::any_of(cls.bases.begin(), cls.bases.end(), IsAppConfigBase);
        if (!config) {
          bool config_like = std::any_of(cls.bases.begin(), cls.bases.end(),
                                         [](const Expr& b) { return b.IsName() && b.text.ends_with("Config"); });
          bool names_app = std::any_of(facts[f].assignments.begin(), facts[f].assignments.end(), [&](const auto& a) {
            return a.scope == cls.qualname && a.target == "name" && a.value.IsString();
          });
          config = config_like && names_app;
        }
        if (!config) continue;
        app->config = file.module + "." + cls.name;
        app->config_line = cls.line;
        for (const auto& assignment : facts[f].assignments) {
          if (assignment.scope != cls.qualname || !assignment.value.IsString()) continue;
          if (assignment.target == "name") app->name = assignment.value.text;
          if (assignment.target == "label") app->label = assignment.value.text;
        }
      }
    }
  }
  auto inside_app = [&](const std::string& dir) {
    for (const auto& [app_dir, app] : apps) {
      if (dir.rfind(app_dir + "/", 0) == 0 || (app_dir.empty() && !dir.empty())) return true;
    }
    return false;
  };
  auto looks_like_models = [&](std::size_t f) {
    if (f >= facts.size()) return false;
    bool imports_db = false, defines_class = false;
    for (const auto& import : facts[f].imports) {
      if (import.level == 0 && !import.in_function &&
          (import.module == "django.db" || import.module.rfind("django.db.models", 0) == 0))
        imports_db = true;
    }
    for (const auto& cls : facts[f].classes) {
      if (!cls.scope.empty()) continue;
      defines_class = true;
      for (const auto& base : cls.bases) {
        if (base.IsName() && base.text.ends_with("Model")) return true;
      }
    }
    return imports_db && defines_class;
  };
  for (const auto& [dir, f] : models_module) {
    if (apps.count(dir)) {
      apps[dir].has_models = true;
    } else if (!inside_app(dir) && looks_like_models(f)) {
      if (DjangoApp* app = app_at(dir)) app->has_models = true;
    }
  }
  for (auto& [dir, app] : apps) {
    if (app.label.empty()) app.label = LastName(app.name);
    if (app.name != app.package) {
      layout.diagnostics.push_back({"app-name-mismatch", Severity::kNote, JoinPath(app.path, "apps.py"),
                                    app.config_line, 0,
                                    "AppConfig.name is '" + app.name + "' but the package is named '" + app.package +
                                        "' from its import root"});
    }
    layout.apps.push_back(app);
  }
  std::sort(layout.apps.begin(), layout.apps.end(),
            [](const DjangoApp& a, const DjangoApp& b) { return a.package < b.package; });

  // Two apps with one label cannot both be installed; say so rather than guess.
  std::map<std::string, std::vector<std::string>> by_label;
  for (const auto& app : layout.apps) by_label[app.label].push_back(app.name);
  for (const auto& [label, names] : by_label) {
    if (names.size() < 2) continue;
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    layout.diagnostics.push_back({"duplicate-app-label", Severity::kNote, "", 0, 0,
                                  "app label '" + label + "' is shared by " + list});
  }
  SortDiagnostics(&layout.diagnostics);
  return layout;
}

}  // namespace seams
