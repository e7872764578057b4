#pragma once
/// A small, tree-free picture of a Python expression: enough for later stages
/// to read literals, dotted names and calls without the syntax tree.

#include <string>
#include <utility>
#include <vector>

namespace seams {

/// A simplified expression. Deeper structure than later stages need is cut to kOther.
struct Expr {
  enum class Kind {
    kOther,   ///< Anything not modelled; `text` holds the source text, clipped.
    kString,  ///< A string literal without interpolation; `text` is its value.
    kNumber,  ///< `text` is the literal as written.
    kName,    ///< An identifier or dotted attribute chain; `text` is "a.b.c".
    kCall,    ///< `text` is the callee as a dotted name ("" when not a name); items: positional args.
    kList,    ///< items
    kTuple,   ///< items
    kDict,    ///< keywords hold string keys; items hold non-string-key values.
    kBinOp,   ///< `text` is the operator; items are the two operands.
    kConst,   ///< True, False or None; `text` as written.
    kAttribute,  ///< An attribute of a non-name object: items[0] is the object, `text` the attribute.
  };
  Kind kind = Kind::kOther;
  int line = 0;  ///< 1-based line where it starts. (Beside the kind: no padding, 88 bytes in all.)
  std::string text;
  std::vector<Expr> items;
  std::vector<std::pair<std::string, Expr>> keywords;  ///< Call keyword arguments, in order.

  friend bool operator==(const Expr&, const Expr&) = default;

  bool IsString() const { return kind == Kind::kString; }
  bool IsName() const { return kind == Kind::kName; }
  bool IsCall() const { return kind == Kind::kCall; }
  /// The keyword argument `name` of a call, or nullptr.
  const Expr* Keyword(const std::string& name) const;
  /// Positional argument `index` of a call, or nullptr.
  const Expr* Arg(size_t index) const;
};

}  // namespace seams
