#pragma once
/// Stage 3: import statements → project modules or external packages.

#include <string>
#include <unordered_map>
#include <vector>

#include "lib/core/diagnostic.h"
#include "lib/discover/project.h"
#include "lib/parse/file_facts.h"

namespace seams {

/// How an import binds: at import time, lazily in a function, or for type checkers only.
enum class ImportKind { kModule, kLazy, kTyping };

/// "import", "import_lazy", "import_typing": the edge kind names of lib/graph/edge_kinds.h.
const char* ImportKindName(ImportKind kind);

/// Where an import points.
enum class TargetKind { kProject, kStdlib, kThirdParty, kUnresolved };

/// One ImportFact, resolved.
struct ResolvedImport {
  std::size_t file = 0;        ///< Index of the importing file in Project::files.
  TargetKind target_kind = TargetKind::kUnresolved;
  std::string target;          ///< Project module, or the external top-level package.
  std::string symbol;          ///< Name imported from `target` that is not a module ("Order"; "*"), else "".
  ImportKind kind = ImportKind::kModule;
  bool guarded = false;        ///< Inside try/except ImportError.
  int line = 0;
  int column = 0;
  std::string statement;       ///< The import as a canonical one-liner ("from .models import Order").
};

/// Module name → index into Project::files.
class ModuleIndex {
 public:
  explicit ModuleIndex(const Project& project);
  /// Index of the file defining `module`, or -1.
  long Find(const std::string& module) const;
  bool Contains(const std::string& module) const { return Find(module) >= 0; }
  /// The longest prefix of `dotted` (at component boundaries) that is a project module, or "".
  std::string LongestModulePrefix(const std::string& dotted) const;

 private:
  std::unordered_map<std::string, std::size_t> by_name_;  // hashed: module names share long prefixes
};

/// Absolute dotted name that a relative import (`level` dots, then `module`)
/// written in `importer` (a package when `importer_is_package`) refers to.
/// Returns false when the dots climb above the top-level package.
bool AbsoluteImportName(const std::string& importer, bool importer_is_package, int level,
                        const std::string& module, std::string* absolute);

/// All resolved imports and the diagnostics of resolution.
struct Resolution {
  std::vector<ResolvedImport> imports;  ///< Sorted by (file, line, column, target, symbol).
  std::vector<Diagnostic> diagnostics;
};

/// Resolves every import of every file: longest existing module prefix;
/// `from a.b import c` → `a.b.c` when that is a module, else `a.b` with symbol c;
/// relative imports against the importing package; anything else is
/// classified as standard library or third party.
Resolution ResolveImports(const Project& project, const std::vector<FileFacts>& facts);

}  // namespace seams
