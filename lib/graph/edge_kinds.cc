#include "lib/graph/edge_kinds.h"

#include <cmath>
#include <stdexcept>

#include "lib/core/error.h"

namespace seams {

const EdgeKindInfo& EdgeKindOf(CouplingKind kind) { return kEdgeKinds[static_cast<std::size_t>(kind)]; }

const char* CouplingKindName(CouplingKind kind) { return EdgeKindOf(kind).name; }

bool ParseCouplingKind(const std::string& name, CouplingKind* kind) {
  for (const auto& row : kEdgeKinds) {
    if (name == row.name) {
      *kind = row.kind;
      return true;
    }
  }
  return false;
}

std::string CouplingKindList() {
  std::string out;
  for (const auto& row : kEdgeKinds) {
    if (!out.empty()) out += ", ";
    out += row.name;
  }
  return out;
}

std::pair<CouplingKind, double> ParseWeightAssignment(const std::string& text) {
  auto eq = text.find('=');
  CouplingKind kind;
  if (eq == std::string::npos || !ParseCouplingKind(text.substr(0, eq), &kind)) {
    throw SeamsError(ErrorKind::kUsage,
                     "--weight " + text + ": expected KIND=VALUE with KIND one of " + CouplingKindList());
  }
  std::string number = text.substr(eq + 1);
  try {
    std::size_t used = 0;
    double value = std::stod(number, &used);
    // nan and inf parse as doubles but are no weight: they would poison every sum downstream.
    if (used == number.size() && std::isfinite(value) && value >= 0) return {kind, value};
  } catch (const std::exception&) {
    // Reported below, like a negative value.
  }
  throw SeamsError(ErrorKind::kUsage, "--weight " + text + ": the value must be a finite number ≥ 0");
}

}  // namespace seams
