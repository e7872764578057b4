#include "lib/core/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace seams {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "note";
}

bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.path, a.line, a.column, a.code, a.message, a.severity) <
         std::tie(b.path, b.line, b.column, b.code, b.message, b.severity);
}

void SortDiagnostics(std::vector<Diagnostic>* diagnostics) {
  std::sort(diagnostics->begin(), diagnostics->end(), DiagnosticLess);
  diagnostics->erase(std::unique(diagnostics->begin(), diagnostics->end()), diagnostics->end());
}

}  // namespace seams
