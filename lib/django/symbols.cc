#include "lib/django/symbols.h"

namespace seams {

namespace {

constexpr int kMaxDepth = 12;

std::pair<std::string, std::string> SplitFirst(const std::string& dotted) {
  auto dot = dotted.find('.');
  if (dot == std::string::npos) return {dotted, ""};
  return {dotted.substr(0, dot), dotted.substr(dot + 1)};
}

}  // namespace

SymbolTable::SymbolTable(const Project& project, const std::vector<FileFacts>& facts, const ModuleIndex& index)
    : project_(project), facts_(facts), index_(index), modules_(project.files.size()) {
  for (std::size_t f = 0; f < project.files.size() && f < facts.size(); ++f) {
    const SourceFile& file = project.files[f];
    ModuleSymbols& symbols = modules_[f];
    // Imports bind names; module-level ones win over those inside functions,
    // which are bound too because views and tasks often import lazily.
    for (int pass = 0; pass < 2; ++pass) {
      for (const ImportFact& import : facts[f].imports) {
        bool local = import.in_function || !import.scope.empty();
        if ((pass == 0) == local) continue;
        std::string module = import.module;
        if (import.level > 0 &&
            !AbsoluteImportName(file.module, file.is_package, import.level, import.module, &module))
          continue;
        // A function-local import binds a name there only: it is a fallback for
        // lookups inside the module, never exported through a star import.
        auto& bindings = local ? symbols.local_bindings : symbols.bindings;
        if (!import.is_from) {
          if (!import.alias.empty()) bindings.emplace(import.alias, module);
          else bindings.emplace(SplitFirst(module).first, SplitFirst(module).first);
        } else if (import.name == "*") {
          if (!local) symbols.star_sources.push_back(module);
        } else {
          bindings.emplace(import.alias.empty() ? import.name : import.alias, module + "." + import.name);
        }
      }
    }
    symbols.dunder_all.insert(facts[f].dunder_all.begin(), facts[f].dunder_all.end());
    for (std::size_t c = 0; c < facts[f].classes.size(); ++c) {
      const ClassFact& cls = facts[f].classes[c];
      if (cls.scope.empty()) symbols.classes[cls.name] = c;
    }
    for (const FunctionFact& function : facts[f].functions) {
      if (function.scope.empty()) symbols.defined.insert(function.name);
    }
    // `Alias = other.Name` at module level binds like an import; other assignments define names.
    for (const AssignmentFact& assignment : facts[f].assignments) {
      if (assignment.scope.empty() && assignment.target.find('.') == std::string::npos &&
          !assignment.value.IsName())
        symbols.assigned.insert(assignment.target);
      if (!assignment.scope.empty() || assignment.op != "=" || !assignment.value.IsName()) continue;
      if (assignment.target.find('.') != std::string::npos || symbols.classes.count(assignment.target)) continue;
      auto [head, rest] = SplitFirst(assignment.value.text);
      auto it = symbols.bindings.find(head);
      std::string target = it != symbols.bindings.end() ? it->second
                           : symbols.classes.count(head) ? file.module + "." + head
                                                          : std::string();
      if (target.empty()) continue;
      if (target == file.module + "." + assignment.target) continue;
      symbols.bindings.emplace(assignment.target, rest.empty() ? target : target + "." + rest);
    }
  }
}

std::string SymbolTable::ModuleOf(const std::string& qualified) const {
  return index_.LongestModulePrefix(qualified);
}

bool SymbolTable::LookupInModule(std::size_t file, const std::string& name, std::string* target, int depth,
                                 bool exported) const {
  if (depth > kMaxDepth) return false;
  const ModuleSymbols& symbols = modules_[file];
  if (exported) {
    if (!symbols.dunder_all.empty() ? !symbols.dunder_all.count(name) : name.rfind('_', 0) == 0) return false;
  }
  if (symbols.classes.count(name) || symbols.defined.count(name)) {
    *target = project_.files[file].module + "." + name;
    return true;
  }
  // An import binding wins over a fallback assignment (`except ImportError: x = None`).
  if (auto it = symbols.bindings.find(name); it != symbols.bindings.end()) {
    *target = it->second;
    return true;
  }
  if (symbols.assigned.count(name)) {
    *target = project_.files[file].module + "." + name;
    return true;
  }
  // A submodule of a package is reachable as an attribute of it.
  std::string submodule = project_.files[file].module + "." + name;
  if (project_.files[file].is_package && index_.Contains(submodule)) {
    *target = submodule;
    return true;
  }
  for (const std::string& source : symbols.star_sources) {
    long star = index_.Find(source);
    if (star >= 0 && static_cast<std::size_t>(star) != file &&
        LookupInModule(static_cast<std::size_t>(star), name, target, depth + 1, /*exported=*/true))
      return true;
  }
  // Last, an import inside a function of this module (views and tasks often import lazily).
  if (!exported) {
    if (auto it = symbols.local_bindings.find(name); it != symbols.local_bindings.end()) {
      *target = it->second;
      return true;
    }
  }
  return false;
}

std::string SymbolTable::CanonicalImpl(const std::string& qualified, int depth) const {
  if (depth > kMaxDepth) return qualified;
  std::string module = index_.LongestModulePrefix(qualified);
  if (module.empty() || module == qualified) return qualified;
  std::string rest = qualified.substr(module.size() + 1);
  auto [head, tail] = SplitFirst(rest);
  std::size_t file = static_cast<std::size_t>(index_.Find(module));
  if (modules_[file].classes.count(head) || modules_[file].defined.count(head) ||
      (modules_[file].assigned.count(head) && !modules_[file].bindings.count(head)))
    return qualified;
  std::string target;
  if (!LookupInModule(file, head, &target, 0)) return qualified;
  if (target == module + "." + head) return qualified;
  return CanonicalImpl(tail.empty() ? target : target + "." + tail, depth + 1);
}

std::string SymbolTable::Canonical(const std::string& qualified) const { return CanonicalImpl(qualified, 0); }

std::string SymbolTable::Qualify(std::size_t file, const std::string& dotted) const {
  if (file >= modules_.size() || dotted.empty()) return "";
  auto [head, rest] = SplitFirst(dotted);
  std::string target;
  if (!LookupInModule(file, head, &target, 0)) return "";
  return Canonical(rest.empty() ? target : target + "." + rest);
}

const Expr* SymbolTable::ValueOf(const std::string& qualified, std::size_t* file) const {
  auto dot = qualified.rfind('.');
  if (dot == std::string::npos) return nullptr;
  long f = index_.Find(qualified.substr(0, dot));
  if (f < 0) return nullptr;
  std::string name = qualified.substr(dot + 1);
  const Expr* value = nullptr;
  for (const auto& a : facts_[static_cast<std::size_t>(f)].assignments) {
    if (a.scope.empty() && a.op == "=" && a.target == name) value = &a.value;
  }
  *file = static_cast<std::size_t>(f);
  return value;
}

const ClassFact* SymbolTable::FindClass(const std::string& qualified, std::size_t* file) const {
  auto dot = qualified.rfind('.');
  if (dot == std::string::npos) return nullptr;
  long f = index_.Find(qualified.substr(0, dot));
  if (f < 0) return nullptr;
  const ModuleSymbols& symbols = modules_[static_cast<std::size_t>(f)];
  auto it = symbols.classes.find(qualified.substr(dot + 1));
  if (it == symbols.classes.end()) return nullptr;
  *file = static_cast<std::size_t>(f);
  return &facts_[*file].classes[it->second];
}

}  // namespace seams
