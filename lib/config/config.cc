// Config files through toml++: every problem reported with its file, line and column.

#include "lib/config/config.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <toml++/toml.h>

#include "lib/core/error.h"
#include "lib/django/knowledge_toml.h"
#include "lib/graph/edge_kinds.h"

namespace seams {

namespace {

// One problem of a config file, located; the CLI adds the severity when it prints it.
Diagnostic Problem(const std::string& path, int line, int column, const std::string& what,
                   const std::string& help = "") {
  Diagnostic d;
  d.severity = Severity::kError;
  d.path = path;
  d.line = line;
  d.column = column;
  d.message = help.empty() ? what : what + "\n  help: " + help;
  return d;
}

SeamsError ConfigError(Diagnostic problem) { return SeamsError(ErrorKind::kConfig, std::vector<Diagnostic>{problem}); }

class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  void Error(const toml::source_region& at, const std::string& what, const std::string& help = "") {
    errors_.push_back(Problem(path_, static_cast<int>(at.begin.line), static_cast<int>(at.begin.column), what, help));
  }

  bool ok() const { return errors_.empty(); }
  const std::vector<Diagnostic>& Errors() const { return errors_; }

  void Keys(const toml::table& table, const std::set<std::string>& allowed, const std::string& where) {
    for (const auto& [key, node] : table) {
      if (allowed.count(std::string(key.str()))) continue;
      std::string list;
      for (const auto& a : allowed) {
        if (!list.empty()) list += ", ";
        list += a;
      }
      Error(key.source(), "unknown key '" + std::string(key.str()) + "' in " + where, "known keys: " + list);
    }
  }

  std::optional<std::string> String(const toml::table& table, const char* key) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    if (auto value = node->value<std::string>()) return *value;
    Error(node->source(), std::string("'") + key + "' must be a string");
    return std::nullopt;
  }

  std::optional<bool> Bool(const toml::table& table, const char* key) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    if (auto value = node->value<bool>()) return *value;
    Error(node->source(), std::string("'") + key + "' must be true or false");
    return std::nullopt;
  }

  std::vector<std::string> Strings(const toml::table& table, const char* key, std::map<std::string, int>* lines = nullptr) {
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (!node) return out;
    const toml::array* array = node->as_array();
    if (!array) {
      Error(node->source(), std::string("'") + key + "' must be an array of strings", std::string(key) + " = [\"…\"]");
      return out;
    }
    for (const auto& item : *array) {
      if (auto value = item.value<std::string>()) {
        out.push_back(*value);
        if (lines) (*lines)[*value] = static_cast<int>(item.source().begin.line);
      } else {
        Error(item.source(), std::string("'") + key + "' must hold strings only");
      }
    }
    return out;
  }

 private:
  std::string path_;
  std::vector<Diagnostic> errors_;
};

// A name that will be printed in reports and terminals: no NUL, escape, newline
// or other control character can hide or forge output there.
bool HasControlCharacter(const std::string& name) {
  return std::any_of(name.begin(), name.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
}

}  // namespace

Config ParseConfig(const std::string& text, const std::string& path) {
  Config config;
  config.path = path;
  config.rules = DefaultRuleSeverities();
  Reader reader(path);
  toml::table document;
  try {
    document = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw ConfigError(Problem(path, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column),
                              std::string(e.description())));
  }
  const toml::table* table = &document;
  if (path.ends_with("pyproject.toml")) {
    const toml::table* tool = document["tool"].as_table();
    table = tool ? (*tool)["seams"].as_table() : nullptr;
    if (!table) throw ConfigError(Problem(path, 0, 0, "no [tool.seams] table"));
  }
  reader.Keys(*table,
              {"root", "exclude", "shared_kernel", "not_shared_kernel", "context", "weights", "rules", "pins", "django", "scope"},
              "[tool.seams]");
  if (auto root = reader.String(*table, "root")) config.root = *root;
  config.exclude = reader.Strings(*table, "exclude");
  config.shared_kernel = reader.Strings(*table, "shared_kernel");
  config.not_shared_kernel = reader.Strings(*table, "not_shared_kernel");

  std::map<std::string, int> names;
  if (const toml::node* contexts = table->get("context")) {
    const toml::array* array = contexts->as_array();
    if (!array) {
      reader.Error(contexts->source(), "'context' must be an array of tables", "write each context as [[tool.seams.context]]");
    } else {
      for (const auto& item : *array) {
        const toml::table* t = item.as_table();
        if (!t) {
          reader.Error(item.source(), "each context must be a table");
          continue;
        }
        reader.Keys(*t, {"name", "members", "depends_on", "interface", "owners"}, "a context");
        ContextConfig context;
        context.line = static_cast<int>(t->source().begin.line);
        if (auto name = reader.String(*t, "name")) context.name = *name;
        if (context.name.empty()) {
          reader.Error(t->source(), "a context needs a name", "name = \"orders\"");
          continue;
        }
        if (HasControlCharacter(context.name)) {
          reader.Error(t->get("name")->source(), "a context name must not hold control characters (newline, NUL, escape…)");
          continue;
        }
        if (!names.emplace(context.name, context.line).second) {
          reader.Error(t->source(), "context '" + context.name + "' is declared twice (first at line " +
                                        std::to_string(names[context.name]) + ")");
        }
        context.members = reader.Strings(*t, "members", &context.member_lines);
        if (context.members.empty()) reader.Error(t->source(), "context '" + context.name + "' has no members", "members = [\"shop.orders\"]");
        context.depends_on = reader.Strings(*t, "depends_on");
        context.interface = reader.Strings(*t, "interface");
        context.owners = reader.Strings(*t, "owners");
        config.contexts.push_back(std::move(context));
      }
    }
  }
  // depends_on must name declared contexts.
  if (const toml::array* array = table->get("context") ? table->get("context")->as_array() : nullptr) {
    for (const auto& item : *array) {
      const toml::table* t = item.as_table();
      if (!t) continue;
      const toml::array* deps = t->get("depends_on") ? t->get("depends_on")->as_array() : nullptr;
      if (!deps) continue;
      for (const auto& dep : *deps) {
        auto value = dep.value<std::string>();
        if (value && !names.count(*value)) {
          reader.Error(dep.source(), "depends_on names an unknown context '" + *value + "'",
                       "declare it with [[tool.seams.context]] name = \"" + *value + "\", or remove it");
        }
      }
    }
  }
  if (const toml::node* weights = table->get("weights")) {
    if (const toml::table* t = weights->as_table()) {
      for (const auto& [key, node] : *t) {
        std::string kind(key.str());
        CouplingKind parsed;
        bool known = ParseCouplingKind(kind, &parsed);
        auto value = node.value<double>();
        if (!known) {
          reader.Error(key.source(), "unknown edge kind '" + kind + "' in [tool.seams.weights]",
                       "kinds: " + CouplingKindList());
        } else if (!value || !std::isfinite(*value) || *value < 0) {
          // nan and inf are TOML floats, but no weight: they poison every sum downstream.
          reader.Error(node.source(), "weight of '" + kind + "' must be a finite number >= 0");
        } else {
          config.weights[kind] = *value;
        }
      }
    } else {
      reader.Error(weights->source(), "'weights' must be a table", "[tool.seams.weights]\nfk = 5");
    }
  }
  if (const toml::node* rules = table->get("rules")) {
    if (const toml::table* t = rules->as_table()) {
      for (const auto& [key, node] : *t) {
        std::string rule(key.str());
        auto value = node.value<std::string>();
        if (!FindCheckRule(rule)) {
          reader.Error(key.source(), "unknown rule '" + rule + "'", "rules: " + CheckRuleList());
        } else if (!value || (*value != "error" && *value != "warn" && *value != "off")) {
          reader.Error(node.source(), "severity of '" + rule + "' must be \"error\", \"warn\" or \"off\"");
        } else {
          config.rules[rule] = *value == "error" ? RuleSeverity::kError
                               : *value == "warn" ? RuleSeverity::kWarn
                                                  : RuleSeverity::kOff;
        }
      }
    } else {
      reader.Error(rules->source(), "'rules' must be a table");
    }
  }
  if (const toml::node* pins = table->get("pins")) {
    if (const toml::table* t = pins->as_table()) {
      for (const auto& [key, node] : *t) {
        std::string name(key.str());
        if (HasControlCharacter(name)) {
          reader.Error(key.source(), "a pinned context name must not hold control characters (newline, NUL, escape…)");
          continue;
        }
        config.pins[name] = reader.Strings(*t, name.c_str());
      }
    } else {
      reader.Error(pins->source(), "'pins' must be a table of arrays", "[tool.seams.pins]\norders = [\"shop.orders\"]");
    }
  }
  if (const toml::node* scope = table->get("scope")) {
    if (const toml::table* t = scope->as_table()) {
      reader.Keys(*t, {"mode", "include_tests", "inside", "outside"}, "[tool.seams.scope]");
      if (auto mode = reader.String(*t, "mode")) {
        if (*mode == "application" || *mode == "project") {
          config.scope.mode = *mode;
        } else {
          reader.Error(t->get("mode")->source(), "unknown scope mode '" + *mode + "'",
                       "mode = \"application\" (the Django apps and what they import) or \"project\" (every module)");
        }
      }
      config.scope.include_tests = reader.Bool(*t, "include_tests");
      config.scope.inside = reader.Strings(*t, "inside");
      config.scope.outside = reader.Strings(*t, "outside");
    } else {
      reader.Error(scope->source(), "'scope' must be a table", "[tool.seams.scope]\nmode = \"application\"");
    }
  }
  if (const toml::node* django = table->get("django")) {
    if (const toml::table* t = django->as_table()) {
      reader.Keys(*t, {"model_bases", "model_loaders", "class_loaders", "models", "fields"}, "[tool.seams.django]");
      config.model_bases = reader.Strings(*t, "model_bases");
      config.model_loaders = reader.Strings(*t, "model_loaders");
      config.class_loaders = reader.Strings(*t, "class_loaders");
      std::string prefix = path.ends_with("pyproject.toml") ? "tool.seams.django." : "django.";
      auto error = [&reader](const toml::source_region& at, const std::string& what, const std::string& help) {
        reader.Error(at, what, help);
      };
      if (const toml::node* models = t->get("models"))
        ReadKnownModels(*models, path, "[[" + prefix + "models]]", error, &config.known_models);
      if (const toml::node* fields = t->get("fields"))
        ReadKnownFields(*fields, path, "[[" + prefix + "fields]]", error, &config.known_fields);
    } else {
      reader.Error(django->source(), "'django' must be a table");
    }
  }
  if (!reader.ok()) throw SeamsError(ErrorKind::kConfig, reader.Errors());
  return config;
}

Config LoadConfig(const FileSystem& fs, const std::string& path) {
  // A directory opens and reads as empty on Linux: it would pass as a config with no contexts.
  auto type = fs.Stat(path);
  if (type && *type != EntryType::kFile) {
    throw ConfigError(Problem(path, 1, 1,
                              std::string(*type == EntryType::kDirectory ? "a directory" : "not a regular file") +
                                  ", not a config file",
                              "name a seams.toml or a pyproject.toml"));
  }
  std::string text, error;
  if (!fs.ReadFile(path, &text, &error)) throw ConfigError(Problem(path, 0, 0, "cannot read: " + error));
  return ParseConfig(text, path);
}

std::optional<std::string> FindConfig(const FileSystem& fs, const std::string& start) {
  auto canonical = fs.Canonical(start);
  std::string dir = canonical ? *canonical : start;
  for (;;) {
    std::string seams = JoinPath(dir, "seams.toml");
    if (fs.Stat(seams) == EntryType::kFile) return seams;
    std::string pyproject = JoinPath(dir, "pyproject.toml");
    if (fs.Stat(pyproject) == EntryType::kFile) {
      std::string text, error;
      if (fs.ReadFile(pyproject, &text, &error) && text.find("[tool.seams") != std::string::npos) return pyproject;
    }
    auto slash = dir.rfind('/');
    if (slash == std::string::npos || dir == "/") return std::nullopt;
    dir = slash == 0 ? "/" : dir.substr(0, slash);
  }
}

}  // namespace seams
