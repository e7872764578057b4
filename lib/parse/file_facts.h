#pragma once
/// Per-file facts: what one Python file says, extracted from its syntax tree
/// and kept as plain values. The tree itself never leaves lib/parse.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/core/diagnostic.h"
#include "lib/parse/expr.h"

namespace seams {

/// One imported name. `import a.b, c` yields two; `from x import y, z` yields two.
struct ImportFact {
  std::string module;     ///< The module as written, without leading dots ("a.b"; "" for `from . import x`).
  int level = 0;          ///< Number of leading dots of a relative import.
  std::string name;       ///< For `from`-imports: the imported name ("*" for a wildcard); empty for `import a.b`.
  std::string alias;      ///< The `as` name, if any.
  bool is_from = false;   ///< A `from … import …` statement.
  int line = 0;
  int column = 0;
  bool in_function = false;    ///< Inside a def (a lazy import).
  bool type_checking = false;  ///< Under `if TYPE_CHECKING:` (typing only).
  bool guarded = false;        ///< Inside `try:` whose handler catches ImportError / ModuleNotFoundError.
  std::string scope;           ///< Qualified name of the enclosing def/class, "" at module level.

  friend bool operator==(const ImportFact&, const ImportFact&) = default;
};

/// An assignment `target = value` or `target += value` at module level or in a class body.
struct AssignmentFact {
  std::string target;  ///< The assigned name (dotted when an attribute).
  std::string op;      ///< "=" or the augmented operator ("+=").
  Expr value;
  std::string scope;   ///< "" for module level, else the class's qualified name.
  int line = 0;
  friend bool operator==(const AssignmentFact&, const AssignmentFact&) = default;
};

/// A class definition.
struct ClassFact {
  std::string name;
  std::string qualname;  ///< "Outer.Inner" for nested classes.
  std::vector<Expr> bases;
  std::vector<std::pair<std::string, Expr>> keywords;  ///< metaclass=…
  std::vector<Expr> decorators;
  int line = 0;
  int end_line = 0;
  std::string scope;     ///< Qualified name of the enclosing def/class, "" at module level.
  friend bool operator==(const ClassFact&, const ClassFact&) = default;
};

/// A function or method definition.
struct FunctionFact {
  std::string name;
  std::string qualname;
  std::vector<Expr> decorators;
  int line = 0;
  int end_line = 0;  ///< Last line of the definition.
  std::string scope;
  friend bool operator==(const FunctionFact&, const FunctionFact&) = default;
};

/// A call whose callee's last name is one the parse options asked for.
struct CallFact {
  Expr call;          ///< kind kCall; callee, args and keywords.
  std::string scope;  ///< Enclosing def/class qualified name, "" at module level.
  int line = 0;
  bool deferred = false;  ///< Inside the arguments of a deferring call (ParseOptions::deferring_calls).
  friend bool operator==(const CallFact&, const CallFact&) = default;
};

/// A call inside a function whose callee is a dotted name starting at `self`, `cls`
/// or a name the file imports or defines at module level: a call that may reach a
/// project function (`_create_order(…)`, `self.finish()`, `utils.delete_checkouts(…)`).
struct CallSiteFact {
  std::string callee;  ///< As written: "_create_order", "self.finish", "utils.delete_checkouts".
  std::string scope;   ///< Enclosing def/class qualified name.
  int line = 0;
  bool deferred = false;  ///< Inside the arguments of a deferring call (ParseOptions::deferring_calls).
  friend bool operator==(const CallSiteFact&, const CallSiteFact&) = default;
};

/// `X.attr` where attr is one the parse options asked for (objects, DoesNotExist …).
struct AttributeRefFact {
  std::string object;  ///< Dotted name of the object ("Order", "orders.models.Order").
  std::string attribute;
  std::string scope;
  int line = 0;
  friend bool operator==(const AttributeRefFact&, const AttributeRefFact&) = default;
};

/// One link of an expression chain: `.filter(a__b=1)` (a call), `.lines` (an
/// attribute), `[0]` (a subscript, name "[]"), or a call of the root itself (name "()").
struct ChainLink {
  std::string name;
  Expr args;  ///< For a call: kCall with its positional args (items) and keywords.
  int line = 0;
  bool call = false;
  friend bool operator==(const ChainLink&, const ChainLink&) = default;
};

/// An expression chain that may be an ORM query or write:
/// `Order.objects.filter(customer__email=x).values("total")`, `order.lines.create(...)`,
/// `obj.save()`, `Order(...)` assigned to a name. Recorded when one of its calls is
/// an ORM method (filter, create, save, …), or when it is bound to a local name.
struct ChainFact {
  std::string root;              ///< Leading dotted name ("Order.objects", "qs", "self.order.lines").
  std::vector<ChainLink> links;  ///< What follows the root, in order.
  std::string target;            ///< Simple name it is assigned to (`qs = …`) or iterated into (`for x in …`).
  bool iterated = false;         ///< Bound by a for loop: the target is one element.
  int outer = -1;                ///< Index of the chain whose arguments hold this one (Subquery, Prefetch…).
  std::string scope;
  int line = 0;
  friend bool operator==(const ChainFact&, const ChainFact&) = default;
};

/// A `with` item whose value is a dotted name or a call of one (`transaction.atomic()`,
/// `traced_atomic_transaction()`, `open(p)`), or a decorator whose callee's last name is `atomic`.
struct BlockFact {
  Expr expr;             ///< `transaction.atomic` or `transaction.atomic(using="x")`.
  std::string kind;      ///< "with" or "decorator".
  std::string function;  ///< For a decorator: the decorated function's qualified name.
  std::string scope;     ///< Enclosing def/class of the statement or of the decorated function.
  int line = 0;
  int end_line = 0;      ///< Last line of the with block or of the decorated function.
  friend bool operator==(const BlockFact&, const BlockFact&) = default;
};

/// An inline suppression: `# seams: ignore` or `# seams: ignore[rule-a, rule-b]`.
struct SuppressionFact {
  int line = 0;
  std::vector<std::string> rules;  ///< Empty: every rule.
  friend bool operator==(const SuppressionFact&, const SuppressionFact&) = default;
};

/// Facts of one kind for one file, in the facts cache's binary form
/// (lib/parse/binary_format.h). Query chains and call sites are most of a
/// project's facts (on saleor, 67 of 101 MiB as vectors), and only the data
/// stage reads them, one file at a time: so from extraction until then they are
/// kept packed, a quarter of the size, and unpacked by the code that reads them.
/// The bytes are canonical: two packs are equal exactly when their facts are.
/// Defined for ChainFact and CallSiteFact (lib/parse/packed_facts.cc).
template <typename Fact>
class Packed {
 public:
  Packed() = default;
  explicit Packed(const std::vector<Fact>& facts);
  /// Facts packed by this class and stored elsewhere (a facts-cache entry), or
  /// nullopt when `bytes` are not a whole, well-formed pack.
  static std::optional<Packed> FromBytes(std::string_view bytes);

  std::vector<Fact> Unpack() const;
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  const std::string& bytes() const { return bytes_; }
  /// bytes(), or with `lines` the same facts written with every line number 0,
  /// the line numbers appended to `lines` in the order they are written.
  std::string BytesWithLines(std::vector<int>* lines) const;
  friend bool operator==(const Packed&, const Packed&) = default;

 private:
  std::string bytes_;  // empty when there are no facts
  std::size_t count_ = 0;
};

using PackedChains = Packed<ChainFact>;
using PackedCallSites = Packed<CallSiteFact>;

/// Everything extracted from one file.
struct FileFacts {
  std::vector<ImportFact> imports;
  std::vector<ClassFact> classes;
  std::vector<FunctionFact> functions;
  std::vector<AssignmentFact> assignments;
  std::vector<CallFact> calls;
  PackedCallSites call_sites;  ///< In source order.
  std::vector<AttributeRefFact> attribute_refs;
  PackedChains chains;  ///< Possible ORM query/write chains, in the order they were met.
  std::vector<BlockFact> blocks;  ///< `atomic` with-items and decorators.
  std::vector<std::string> dunder_all;  ///< Module-level __all__, when a literal list/tuple.
  std::vector<SuppressionFact> suppressions;  ///< In line order.
  std::vector<Diagnostic> diagnostics;
  int lines = 0;           ///< Number of lines in the file.
  bool parsed = false;     ///< False when the file could not be read or parsed at all.
  bool has_syntax_error = false;
  friend bool operator==(const FileFacts&, const FileFacts&) = default;
};

/// Gives every vector of `facts` the capacity of its size: the facts of a whole
/// project stay in memory through every stage, and growth by doubling leaves a
/// tenth of their bytes unused.
void ShrinkToFit(FileFacts* facts);

}  // namespace seams
