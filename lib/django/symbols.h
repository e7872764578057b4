#pragma once
/// Names → qualified names, statically: what `models.ForeignKey` or `Order`
/// means in a given module, following imports, re-exports and star imports.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "lib/discover/project.h"
#include "lib/parse/file_facts.h"
#include "lib/resolve/resolve.h"

namespace seams {

/// The name bindings of every project module and the classes it defines.
class SymbolTable {
 public:
  SymbolTable(const Project& project, const std::vector<FileFacts>& facts, const ModuleIndex& index);

  /// The qualified name of `dotted` as written in file `file` ("models.ForeignKey"
  /// → "django.db.models.ForeignKey"; "Order" → "shop.orders.models.Order"),
  /// followed through re-exports. "" when the first name is bound nowhere.
  std::string Qualify(std::size_t file, const std::string& dotted) const;

  /// Follows re-exports: "shop.orders.Order", bound in shop/orders/__init__.py by
  /// `from .models import Order`, becomes "shop.orders.models.Order".
  std::string Canonical(const std::string& qualified) const;

  /// The class `qualified` names when a project module defines it at module level.
  /// Sets `file` to the defining file.
  const ClassFact* FindClass(const std::string& qualified, std::size_t* file) const;

  /// The value last assigned at module level to the variable `qualified` names
  /// ("oscar.core.compat.AUTH_USER_MODEL"), with the file that assigns it; nullptr when none.
  const Expr* ValueOf(const std::string& qualified, std::size_t* file) const;

  /// The module part of a qualified name that is a project module ("" when none).
  std::string ModuleOf(const std::string& qualified) const;

 private:
  struct ModuleSymbols {
    std::map<std::string, std::string> bindings;   // name bound at module level → qualified target
    std::map<std::string, std::string> local_bindings;  // bound by an import inside a function or class
    std::set<std::string> dunder_all;              // __all__, when the module has a literal one
    std::map<std::string, std::size_t> classes;    // class name → index in facts.classes
    std::set<std::string> defined;                 // functions defined at module level
    std::set<std::string> assigned;                // other names assigned at module level
    std::vector<std::string> star_sources;         // modules star-imported, in order
  };
  std::string CanonicalImpl(const std::string& qualified, int depth) const;
  // `exported`: as seen through `from module import *` — module-level names only,
  // those in __all__ when there is one, none starting with '_' otherwise.
  bool LookupInModule(std::size_t file, const std::string& name, std::string* target, int depth,
                      bool exported = false) const;

  const Project& project_;
  const std::vector<FileFacts>& facts_;
  const ModuleIndex& index_;
  std::vector<ModuleSymbols> modules_;
};

}  // namespace seams
