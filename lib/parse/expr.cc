#include "lib/parse/expr.h"

namespace seams {

const Expr* Expr::Keyword(const std::string& name) const {
  for (const auto& [key, value] : keywords) {
    if (key == name) return &value;
  }
  return nullptr;
}

const Expr* Expr::Arg(size_t index) const { return index < items.size() ? &items[index] : nullptr; }

}  // namespace seams
