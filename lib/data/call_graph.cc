#include "lib/data/call_graph.h"

#include <algorithm>

#include "lib/core/names.h"

namespace seams {

FileScopes::FileScopes(const FileFacts& facts) {
  for (const auto& fn : facts.functions) functions_.insert(fn.qualname);
  for (const auto& c : facts.classes) classes_.insert(c.qualname);
}

std::string_view FileScopes::FunctionOf(std::string_view scope) const {
  while (!scope.empty()) {
    if (functions_.count(scope)) return scope;
    auto dot = scope.rfind('.');
    if (dot == std::string_view::npos) break;
    scope = scope.substr(0, dot);
  }
  return {};
}

std::string_view FileScopes::ClassOf(std::string_view scope) const {
  while (!scope.empty()) {
    auto dot = scope.rfind('.');
    if (dot == std::string_view::npos) return {};
    scope = scope.substr(0, dot);
    if (classes_.count(scope)) return scope;
  }
  return {};
}

std::string ResolveCallSite(const Project& project, const SymbolTable& symbols, std::size_t file,
                            const FileScopes& scopes, const CallSiteFact& site) {
  auto dot = site.callee.find('.');
  std::string_view head = std::string_view(site.callee).substr(0, dot);
  std::string out;
  if (head == "self" || head == "cls") {
    if (dot == std::string::npos) return "";
    std::string_view owner = scopes.ClassOf(site.scope);
    if (owner.empty()) return "";
    out = project.files[file].module;
    out += '.';
    out += owner;
    out += std::string_view(site.callee).substr(dot);
  } else {
    out = symbols.Qualify(file, site.callee);
  }
  if (out.empty() || symbols.ModuleOf(out).empty()) return "";
  return out;
}

bool IsDjangoAtomic(const SymbolTable& symbols, std::size_t file, const Expr& e) {
  if (!(e.IsCall() || e.IsName()) || LastName(e.text) != "atomic") return false;
  return symbols.Qualify(file, e.text) == "django.db.transaction.atomic";
}

std::set<std::string> AtomicWrappers(const Project& project, const std::vector<FileFacts>& facts,
                                     const SymbolTable& symbols) {
  struct Candidate {
    std::size_t file;
    const FunctionFact* function;
  };
  std::vector<Candidate> candidates;
  const std::size_t files = std::min(facts.size(), project.files.size());
  for (std::size_t f = 0; f < files; ++f) {
    if (facts[f].blocks.empty()) continue;
    for (const auto& fn : facts[f].functions) {
      for (const auto& d : fn.decorators) {
        if (LastName(d.text) == "contextmanager" && symbols.Qualify(f, d.text) == "contextlib.contextmanager") {
          candidates.push_back({f, &fn});
          break;
        }
      }
    }
  }
  std::set<std::string> wrappers;
  for (int round = 0; round < 3; ++round) {  // a wrapper of a wrapper of a wrapper, at most
    bool grew = false;
    for (const auto& c : candidates) {
      std::string name = project.files[c.file].module + "." + c.function->qualname;
      if (wrappers.count(name)) continue;
      for (const auto& b : facts[c.file].blocks) {
        if (b.kind != "with" || b.scope != c.function->qualname) continue;
        if (IsDjangoAtomic(symbols, c.file, b.expr) || wrappers.count(symbols.Qualify(c.file, b.expr.text))) {
          wrappers.insert(name);
          grew = true;
          break;
        }
      }
    }
    if (!grew) break;
  }
  return wrappers;
}

CallGraph::CallGraph(const Project& project, const std::vector<FileFacts>& facts, const SymbolTable& symbols)
    : project_(project), facts_(facts), symbols_(symbols) {
  const std::size_t files = std::min(facts.size(), project.files.size());
  for (std::size_t f = 0; f < files; ++f) file_of_module_.emplace(project.files[f].module, f);
}

CallGraph::~CallGraph() = default;

const FileScopes& CallGraph::ScopesOf(std::size_t file) {
  auto& slot = scopes_[file];
  if (!slot) slot = std::make_unique<FileScopes>(facts_[file]);
  return *slot;
}

const std::vector<CallSiteFact>& CallGraph::SitesOf(std::size_t file) {
  auto [it, fresh] = sites_.try_emplace(file);
  if (fresh) it->second = facts_[file].call_sites.Unpack();
  return it->second;
}

const std::vector<std::string>& CallGraph::Callees(const std::string& function) {
  auto [it, fresh] = callees_.try_emplace(function);
  if (!fresh) return it->second;
  std::vector<std::string> out;
  const std::string module = symbols_.ModuleOf(function);
  auto file = file_of_module_.find(module);
  if (!module.empty() && function.size() > module.size() + 1 && file != file_of_module_.end()) {
    const std::size_t f = file->second;
    const std::string_view qualname = std::string_view(function).substr(module.size() + 1);
    const FileScopes& scopes = ScopesOf(f);
    if (scopes.IsFunction(qualname)) {
      for (const auto& site : SitesOf(f)) {
        if (site.deferred) continue;
        const std::string_view scope = site.scope;
        if (!(scope == qualname ||
              (scope.size() > qualname.size() && scope.compare(0, qualname.size(), qualname) == 0 &&
               scope[qualname.size()] == '.')))
          continue;
        std::string callee = ResolveCallSite(project_, symbols_, f, scopes, site);
        if (!callee.empty() && callee != function) out.push_back(std::move(callee));
      }
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
    }
  }
  it->second = std::move(out);
  return it->second;
}

}  // namespace seams
