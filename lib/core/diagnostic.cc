#include "lib/core/diagnostic.h"

#include <algorithm>
#include <string>
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

std::string DiagnosticLocation(const Diagnostic& d) {
  if (d.path.empty()) return "";
  std::string at = d.path;
  if (d.line) at += ':' + std::to_string(d.line);
  if (d.line && d.column) at += ':' + std::to_string(d.column);
  return at;
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
