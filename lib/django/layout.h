#pragma once
/// The Django layout of a project: manage.py, the settings module and the apps
/// with their AppConfig name and label.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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

/// Which app owns a module, by lookups of the module's dotted prefixes: a scan
/// of every app per module was quadratic (on a 1,888-app estate, seconds of
/// every run). Holds views into `apps`, which must outlive it unchanged.
class AppIndex {
 public:
  explicit AppIndex(const std::vector<DjangoApp>& apps);
  /// The app whose package is `module` or its longest dotted prefix (of apps
  /// with the same package, the first); nullptr when none.
  const DjangoApp* AppOf(std::string_view module) const;
  /// The group a module belongs to at app level: its app's label, or else the
  /// shortest dotted prefix of the module with no app beneath it (`django.db`
  /// in Django's own source).
  std::string GroupOf(std::string_view module) const;

 private:
  const std::vector<DjangoApp>& apps_;
  std::unordered_map<std::string_view, std::size_t> by_package_;  // the first app of each package
  std::unordered_set<std::string_view> above_apps_;  // every dotted prefix that some app's package extends
};

}  // namespace seams
