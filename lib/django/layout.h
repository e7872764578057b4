#pragma once
/// The Django layout of a project: manage.py, the settings module and the apps
/// with their AppConfig name and label.

#include <string>
#include <vector>

#include "lib/core/diagnostic.h"
#include "lib/discover/project.h"
#include "lib/parse/file_facts.h"

namespace seams {

/// A Django app: a package with apps.py or models.py.
struct DjangoApp {
  std::string package;     ///< Dotted module of the package as discovered ("shop.orders").
  std::string name;        ///< AppConfig.name when declared, else the package.
  std::string label;       ///< AppConfig.label, else the last component of name.
  std::string path;        ///< Relative directory of the package.
  std::string config;      ///< Dotted path of its AppConfig class, "" when none.
  int config_line = 0;     ///< Line of the AppConfig class in apps.py.
  bool has_models = false; ///< Has models.py or a models/ package.
  bool has_apps_py = false;
  bool installed = false;  ///< Listed in INSTALLED_APPS (by package, name or AppConfig path).
};

/// What the project says about itself as a Django project.
struct DjangoLayout {
  std::vector<std::string> manage_py;  ///< From discovery.
  std::string settings_module;         ///< From DJANGO_SETTINGS_MODULE, "" when not found.
  std::string settings_source;         ///< Path:line where it was read.
  std::vector<DjangoApp> apps;         ///< Sorted by name.
  std::vector<Diagnostic> diagnostics;
};

/// Finds the settings module (`os.environ.setdefault("DJANGO_SETTINGS_MODULE", …)`
/// in manage.py, wsgi.py, asgi.py, celery.py) and the apps (packages holding
/// apps.py or models.py, with the name and label of their AppConfig).
DjangoLayout FindDjangoLayout(const Project& project, const std::vector<FileFacts>& facts);

/// The app owning `module`: the app whose package is the longest prefix; nullptr when none.
/// `apps` must be sorted by package.
const DjangoApp* AppOfModule(const std::vector<DjangoApp>& apps, const std::string& module);

}  // namespace seams
