#pragma once
/// Reads Django settings statically: INSTALLED_APPS, AUTH_USER_MODEL, ROOT_URLCONF.

#include <string>
#include <vector>

#include "lib/core/diagnostic.h"
#include "lib/discover/project.h"
#include "lib/django/layout.h"
#include "lib/parse/file_facts.h"
#include "lib/resolve/resolve.h"

namespace seams {

/// The settings Seams needs, as far as they can be read without running code.
struct DjangoSettings {
  std::string module;                       ///< The settings module read ("" when none).
  bool installed_apps_known = false;        ///< INSTALLED_APPS evaluated to a list of strings.
  std::vector<std::string> installed_apps;  ///< In settings order.
  std::string auth_user_model = "auth.User";///< AUTH_USER_MODEL, Django's default when unset.
  std::string root_urlconf;                 ///< ROOT_URLCONF, "" when unknown.
  std::vector<Diagnostic> diagnostics;
};

/// Evaluates the settings module `module` (and what it star-imports, as split
/// settings packages do: `from .base import *`): list and tuple literals of
/// strings, names of other settings, `+`, `+=`. A value that cannot be read
/// statically becomes a diagnostic, never a guess.
DjangoSettings ReadSettings(const Project& project, const std::vector<FileFacts>& facts, const ModuleIndex& index,
                            const std::string& module);

/// Marks the apps of `layout` that INSTALLED_APPS lists (by package, AppConfig
/// name or AppConfig path). When INSTALLED_APPS is unknown every discovered app
/// counts as installed. An entry naming a package of the project that discovery
/// did not take for an app (no apps.py, models that only re-export) becomes one:
/// Django says it is.
void MarkInstalledApps(const Project& project, const DjangoSettings& settings, DjangoLayout* layout);

}  // namespace seams
