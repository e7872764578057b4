#pragma once
/// Which project functions a function calls, read from the call sites the parser
/// kept (CallSiteFact), and which project functions open a Django transaction.
/// Resolution is lazy: only the functions a transaction reaches are ever resolved.

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lib/discover/project.h"
#include "lib/django/symbols.h"
#include "lib/parse/file_facts.h"

namespace seams {

/// The functions and classes one file defines, by qualified name within the file.
class FileScopes {
 public:
  explicit FileScopes(const FileFacts& facts);  ///< Views into `facts`, which must outlive this.
  bool IsFunction(std::string_view qualname) const { return functions_.count(qualname) > 0; }
  /// The innermost function holding `scope`, itself included; "" at module level or in a class body.
  std::string_view FunctionOf(std::string_view scope) const;
  /// The innermost class holding `scope`, itself excluded ("Order" for "Order.save").
  std::string_view ClassOf(std::string_view scope) const;

 private:
  std::unordered_set<std::string_view> functions_, classes_;
};

/// The project function a call site may name, qualified, or "" when it names none:
/// `self.x()` / `cls.x()` through the class holding the call, other names through
/// the file's imports and definitions; a name outside the project's modules is "".
std::string ResolveCallSite(const Project& project, const SymbolTable& symbols, std::size_t file,
                            const FileScopes& scopes, const CallSiteFact& site);

/// `transaction.atomic`, `django.db.transaction.atomic`, an imported `atomic`: Django's, not another library's.
bool IsDjangoAtomic(const SymbolTable& symbols, std::size_t file, const Expr& e);

/// The project's `@contextmanager` functions that open a Django atomic block (saleor's
/// `traced_atomic_transaction`), a wrapper of a wrapper too; qualified.
std::set<std::string> AtomicWrappers(const Project& project, const std::vector<FileFacts>& facts,
                                     const SymbolTable& symbols);

/// The calls between project functions, resolved on demand and remembered.
class CallGraph {
 public:
  CallGraph(const Project& project, const std::vector<FileFacts>& facts, const SymbolTable& symbols);
  ~CallGraph();

  /// The project functions `function` (qualified) calls, its nested defs' calls included,
  /// calls deferred to `transaction.on_commit` left out; sorted. Empty when `function`
  /// is not a project function.
  const std::vector<std::string>& Callees(const std::string& function);

 private:
  const FileScopes& ScopesOf(std::size_t file);
  const std::vector<CallSiteFact>& SitesOf(std::size_t file);

  const Project& project_;
  const std::vector<FileFacts>& facts_;
  const SymbolTable& symbols_;
  std::unordered_map<std::string_view, std::size_t> file_of_module_;
  std::unordered_map<std::size_t, std::unique_ptr<FileScopes>> scopes_;
  std::unordered_map<std::size_t, std::vector<CallSiteFact>> sites_;  // unpacked, of the files reached
  std::unordered_map<std::string, std::vector<std::string>> callees_;
};

}  // namespace seams
