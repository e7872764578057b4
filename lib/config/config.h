#pragma once
/// The project's agreed contexts and Seams settings: `seams.toml`, or
/// `[tool.seams]` in `pyproject.toml`.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lib/config/check_rules.h"
#include "lib/core/file_system.h"
#include "lib/django/knowledge.h"

namespace seams {

/// One agreed bounded context.
struct ContextConfig {
  std::string name;
  std::vector<std::string> members;     ///< Packages, modules, app labels, models ("app.Model"), globs.
  std::vector<std::string> depends_on;  ///< Contexts it may import.
  std::vector<std::string> interface;   ///< Modules others may import; empty means any.
  std::vector<std::string> owners;
  int line = 0;                         ///< Where the context is declared.
  std::map<std::string, int> member_lines;  ///< Member → line, for messages.
};

/// `[scope]`: what the proposal clusters. Unset fields leave the defaults (or the
/// command line) in place.
struct ScopeConfig {
  std::optional<std::string> mode;         ///< "application" (default) or "project".
  std::optional<bool> include_tests;       ///< Tests and migrations are clustered too.
  std::vector<std::string> inside;         ///< Members always inside the application.
  std::vector<std::string> outside;        ///< Members always outside it.
};

/// Everything a config file can say. Defaults apply to what it leaves out.
struct Config {
  std::string path;  ///< The file read ("" when none: defaults).
  std::string root = ".";
  std::vector<std::string> exclude;
  std::vector<std::string> shared_kernel;      ///< Members forced into the shared kernel.
  std::vector<std::string> not_shared_kernel;  ///< Members never in it.
  std::vector<ContextConfig> contexts;
  std::map<std::string, double> weights;             ///< Edge kind → weight.
  std::map<std::string, RuleSeverity> rules = DefaultRuleSeverities();  ///< Rule id → severity.
  std::map<std::string, std::vector<std::string>> pins;  ///< Context name → members, for clustering.
  ScopeConfig scope;
  std::vector<std::string> model_bases;
  std::vector<std::string> model_loaders;
  std::vector<std::string> class_loaders;
  /// Third-party models and fields the project adds to the bundled knowledge base:
  /// [[tool.seams.django.models]] and [[tool.seams.django.fields]] (in seams.toml,
  /// [[django.models]] and [[django.fields]]), with the bundled file's keys.
  std::vector<KnownModel> known_models;
  std::vector<KnownField> known_fields;
};

/// Reads `path` (a seams.toml, or a pyproject.toml whose [tool.seams] is used).
/// Throws SeamsError(kConfig) whose problems() hold every problem as a located
/// Diagnostic (what() lists them as `path:line:col: what is wrong`, with a
/// `help:` line; the CLI adds the severity when it prints them): TOML syntax, unknown
/// keys, wrong types, unknown rules or edge kinds, a context without a name,
/// duplicate context names, depends_on naming an unknown context, a model or
/// field entry without its class or with a key of the wrong shape.
Config LoadConfig(const FileSystem& fs, const std::string& path);

/// Parses config text as if read from `path` (for tests and `seams init`).
Config ParseConfig(const std::string& text, const std::string& path);

/// The config that applies to `start` (a directory): seams.toml or a pyproject.toml
/// with [tool.seams], in `start` or the nearest ancestor. nullopt when none.
std::optional<std::string> FindConfig(const FileSystem& fs, const std::string& start);

}  // namespace seams
