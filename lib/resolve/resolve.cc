#include "lib/resolve/resolve.h"

#include <algorithm>
#include <tuple>

#include "lib/resolve/stdlib_modules.h"

namespace seams {

namespace {

std::string TopLevel(const std::string& dotted) { return dotted.substr(0, dotted.find('.')); }

std::string Canonical(const ImportFact& fact) {
  std::string module = std::string(static_cast<std::size_t>(fact.level), '.') + fact.module;
  std::string text = fact.is_from ? "from " + module + " import " + fact.name : "import " + module;
  if (!fact.alias.empty()) text += " as " + fact.alias;
  return text;
}

}  // namespace

const char* ImportKindName(ImportKind kind) {
  switch (kind) {
    case ImportKind::kModule: return "import";
    case ImportKind::kLazy: return "import_lazy";
    case ImportKind::kTyping: return "import_typing";
  }
  return "import";
}

ModuleIndex::ModuleIndex(const Project& project) {
  for (std::size_t i = 0; i < project.files.size(); ++i) by_name_.emplace(project.files[i].module, i);
}

long ModuleIndex::Find(const std::string& module) const {
  auto it = by_name_.find(module);
  return it == by_name_.end() ? -1 : static_cast<long>(it->second);
}

std::string ModuleIndex::LongestModulePrefix(const std::string& dotted) const {
  std::string candidate = dotted;
  for (;;) {
    if (Contains(candidate)) return candidate;
    auto dot = candidate.rfind('.');
    if (dot == std::string::npos) return "";
    candidate.resize(dot);
  }
}

bool AbsoluteImportName(const std::string& importer, bool importer_is_package, int level,
                        const std::string& module, std::string* absolute) {
  // The package a relative import starts from: the module itself for an
  // __init__, else its parent; each further dot climbs one package.
  std::string base = importer;
  int climbs = importer_is_package ? level - 1 : level;
  for (int i = 0; i < climbs; ++i) {
    if (base.empty()) return false;
    auto dot = base.rfind('.');
    base = dot == std::string::npos ? "" : base.substr(0, dot);
  }
  if (base.empty()) return false;  // climbed above the top-level package
  *absolute = module.empty() ? base : base + "." + module;
  return true;
}

Resolution ResolveImports(const Project& project, const std::vector<FileFacts>& facts) {
  Resolution resolution;
  ModuleIndex index(project);
  for (std::size_t f = 0; f < project.files.size() && f < facts.size(); ++f) {
    const SourceFile& file = project.files[f];
    for (const ImportFact& fact : facts[f].imports) {
      ResolvedImport out;
      out.file = f;
      out.kind = fact.type_checking ? ImportKind::kTyping : fact.in_function ? ImportKind::kLazy : ImportKind::kModule;
      out.guarded = fact.guarded;
      out.line = fact.line;
      out.column = fact.column;
      out.statement = Canonical(fact);

      std::string absolute = fact.module;
      if (fact.level > 0 &&
          !AbsoluteImportName(file.module, file.is_package, fact.level, fact.module, &absolute)) {
        out.target_kind = TargetKind::kUnresolved;
        out.target = out.statement;
        resolution.diagnostics.push_back({"relative-import-beyond-top", Severity::kWarning, file.path, fact.line,
                                          fact.column,
                                          "'" + out.statement + "' climbs above the top-level package of '" +
                                              file.module + "'"});
        resolution.imports.push_back(std::move(out));
        continue;
      }

      std::string exact;   // the module this import must name to be fully resolved
      std::string symbol;  // a name imported from it that is not a module
      if (fact.is_from && fact.name != "*" && index.Contains(absolute + "." + fact.name)) {
        exact = absolute + "." + fact.name;
      } else {
        exact = absolute;
        if (fact.is_from) symbol = fact.name;
      }

      std::string found = index.LongestModulePrefix(exact);
      if (!found.empty()) {
        out.target_kind = TargetKind::kProject;
        out.target = found;
        out.symbol = found == exact ? symbol : "";
        if (found != exact) {
          resolution.diagnostics.push_back({"unresolved-import", Severity::kNote, file.path, fact.line, fact.column,
                                            "'" + out.statement + "': module '" + exact +
                                                "' is not in the project; counted as an import of '" + found + "'"});
        }
      } else if (fact.level > 0) {
        out.target_kind = TargetKind::kUnresolved;
        out.target = exact;
        resolution.diagnostics.push_back({"unresolved-import", Severity::kWarning, file.path, fact.line, fact.column,
                                          "'" + out.statement + "': relative module '" + exact +
                                              "' is not in the project"});
      } else {
        out.target = TopLevel(absolute);
        out.target_kind = IsStdlibModule(out.target) ? TargetKind::kStdlib : TargetKind::kThirdParty;
      }
      resolution.imports.push_back(std::move(out));
    }
  }
  std::sort(resolution.imports.begin(), resolution.imports.end(), [](const auto& a, const auto& b) {
    return std::tie(a.file, a.line, a.column, a.target, a.symbol) < std::tie(b.file, b.line, b.column, b.target, b.symbol);
  });
  SortDiagnostics(&resolution.diagnostics);
  return resolution;
}

}  // namespace seams
