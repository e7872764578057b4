#include "lib/django/settings.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace seams {

namespace {

// A statically known settings value: a string or a list of strings.
struct Value {
  bool is_list = false;
  std::string text;
  std::vector<std::string> items;
};

using Env = std::map<std::string, Value>;

class SettingsEvaluator {
 public:
  SettingsEvaluator(const Project& project, const std::vector<FileFacts>& facts, const ModuleIndex& index)
      : project_(project), facts_(facts), index_(index) {}

  // Final values of a module's settings (memoised; star-import cycles stop).
  const Env& Evaluate(std::size_t file) {
    if (auto it = done_.find(file); it != done_.end()) return it->second;
    if (!active_.insert(file).second) return empty_;
    Env env;
    const SourceFile& source = project_.files[file];
    // Star imports and assignments, in source order.
    struct Event { int line; const ImportFact* import; const AssignmentFact* assignment; };
    std::vector<Event> events;
    for (const auto& import : facts_[file].imports) {
      if (import.is_from && import.name == "*" && !import.in_function) events.push_back({import.line, &import, nullptr});
    }
    for (const auto& assignment : facts_[file].assignments) {
      if (assignment.scope.empty()) events.push_back({assignment.line, nullptr, &assignment});
    }
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.line < b.line; });
    for (const Event& event : events) {
      if (event.import) {
        std::string module = event.import->module;
        if (event.import->level > 0 &&
            !AbsoluteImportName(source.module, source.is_package, event.import->level, event.import->module, &module))
          continue;
        long star = index_.Find(module);
        if (star < 0) continue;
        for (const auto& [name, value] : Evaluate(static_cast<std::size_t>(star))) env[name] = value;
        continue;
      }
      const AssignmentFact& a = *event.assignment;
      if (a.target.find('.') != std::string::npos) continue;
      std::optional<Value> value = Eval(a.value, env);
      if (a.op == "=") {
        if (value) env[a.target] = *value; else { env.erase(a.target); unknown_[a.target] = {source.path, a.line}; }
      } else if (a.op == "+=") {
        auto it = env.find(a.target);
        if (it != env.end() && it->second.is_list && value && value->is_list) {
          it->second.items.insert(it->second.items.end(), value->items.begin(), value->items.end());
        } else {
          env.erase(a.target);
          unknown_[a.target] = {source.path, a.line};
        }
      }
    }
    active_.erase(file);
    return done_[file] = std::move(env);
  }

  // Where a setting last became unknown, for the diagnostic.
  std::map<std::string, std::pair<std::string, int>> unknown_;

 private:
  std::optional<Value> Eval(const Expr& expr, const Env& env) const {
    switch (expr.kind) {
      case Expr::Kind::kString: return Value{false, expr.text, {}};
      case Expr::Kind::kList:
      case Expr::Kind::kTuple: {
        Value out{true, "", {}};
        for (const auto& item : expr.items) {
          auto v = Eval(item, env);
          if (!v) return std::nullopt;
          if (v->is_list) return std::nullopt;
          out.items.push_back(v->text);
        }
        return out;
      }
      case Expr::Kind::kName: {
        auto it = env.find(expr.text);
        if (it == env.end()) return std::nullopt;
        return it->second;
      }
      case Expr::Kind::kBinOp: {
        if (expr.text != "+" || expr.items.size() != 2) return std::nullopt;
        auto left = Eval(expr.items[0], env);
        auto right = Eval(expr.items[1], env);
        if (!left || !right || left->is_list != right->is_list) return std::nullopt;
        if (left->is_list) {
          left->items.insert(left->items.end(), right->items.begin(), right->items.end());
        } else {
          left->text += right->text;
        }
        return left;
      }
      case Expr::Kind::kCall:
        // list(X) and tuple(X) keep X's items.
        if ((expr.text == "list" || expr.text == "tuple") && expr.items.size() == 1) return Eval(expr.items[0], env);
        return std::nullopt;
      default: return std::nullopt;
    }
  }

  const Project& project_;
  const std::vector<FileFacts>& facts_;
  const ModuleIndex& index_;
  std::map<std::size_t, Env> done_;
  std::set<std::size_t> active_;
  Env empty_;
};

}  // namespace

void MarkInstalledApps(const Project& project, const DjangoSettings& settings, DjangoLayout* layout) {
  if (settings.installed_apps_known) {
    std::map<std::string, const SourceFile*> packages;  // module → its __init__.py
    std::set<std::string> modules;
    for (const auto& file : project.files) {
      modules.insert(file.module);
      if (file.is_package) packages[file.module] = &file;
    }
    bool added = false;
    for (const auto& entry : settings.installed_apps) {
      auto pkg = packages.find(entry);
      if (pkg == packages.end()) continue;
      bool known = std::any_of(layout->apps.begin(), layout->apps.end(),
                               [&](const DjangoApp& app) { return app.package == entry || app.name == entry; });
      if (known) continue;
      DjangoApp app;
      app.package = app.name = entry;
      app.label = entry.substr(entry.rfind('.') + 1);
      const std::string& init = pkg->second->path;
      app.path = init.find('/') == std::string::npos ? "" : init.substr(0, init.rfind('/'));
      app.has_models = modules.count(entry + ".models") > 0;
      layout->apps.push_back(std::move(app));
      added = true;
    }
    if (added) {
      std::sort(layout->apps.begin(), layout->apps.end(),
                [](const DjangoApp& a, const DjangoApp& b) { return a.package < b.package; });
    }
  }
  for (auto& app : layout->apps) {
    if (!settings.installed_apps_known) {
      app.installed = true;
      continue;
    }
    app.installed = std::any_of(settings.installed_apps.begin(), settings.installed_apps.end(), [&](const auto& entry) {
      return entry == app.package || entry == app.name || (!app.config.empty() && entry == app.config) ||
             (entry.rfind(app.package + ".apps.", 0) == 0);
    });
  }
}

DjangoSettings ReadSettings(const Project& project, const std::vector<FileFacts>& facts, const ModuleIndex& index,
                            const std::string& module) {
  DjangoSettings settings;
  settings.module = module;
  if (module.empty()) return settings;
  long file = index.Find(module);
  if (file < 0) {
    settings.diagnostics.push_back({"settings-not-in-project", Severity::kWarning, "", 0, 0,
                                    "settings module '" + module + "' is not a module of the project"});
    return settings;
  }
  SettingsEvaluator evaluator(project, facts, index);
  const Env& env = evaluator.Evaluate(static_cast<std::size_t>(file));
  const std::string& path = project.files[static_cast<std::size_t>(file)].path;
  if (auto it = env.find("INSTALLED_APPS"); it != env.end() && it->second.is_list) {
    settings.installed_apps_known = true;
    settings.installed_apps = it->second.items;
  } else {
    auto where = evaluator.unknown_.find("INSTALLED_APPS");
    settings.diagnostics.push_back(
        {"installed-apps-unknown", Severity::kWarning,
         where != evaluator.unknown_.end() ? where->second.first : path,
         where != evaluator.unknown_.end() ? where->second.second : 0, 0,
         "INSTALLED_APPS of '" + module +
             "' cannot be read statically; using the apps discovered on disk (packages with apps.py or models.py)"});
  }
  if (auto it = env.find("AUTH_USER_MODEL"); it != env.end() && !it->second.is_list) {
    settings.auth_user_model = it->second.text;
  }
  if (auto it = env.find("ROOT_URLCONF"); it != env.end() && !it->second.is_list) {
    settings.root_urlconf = it->second.text;
  }
  return settings;
}

}  // namespace seams
