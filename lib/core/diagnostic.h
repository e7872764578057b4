#pragma once
/// Typed diagnostics: bad input is data, never an abort.

#include <string>
#include <vector>

namespace seams {

/// How serious a diagnostic is. Order matters: lower is more severe.
enum class Severity { kError, kWarning, kNote };

/// Returns "error", "warning" or "note".
const char* SeverityName(Severity severity);

/// One finding about the input that the run went on past: a file that did not
/// decode, parse or resolve, a setting that could not be read statically.
struct Diagnostic {
  std::string code;      ///< Stable identifier, e.g. "syntax-error", "unreadable-file".
  Severity severity = Severity::kWarning;
  std::string path;      ///< Project-relative path, empty for global diagnostics.
  int line = 0;          ///< 1-based; 0 when the diagnostic has no position.
  int column = 0;        ///< 1-based; 0 when unknown.
  std::string message;   ///< Names the things involved.

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// "path:line:col", "path:line" or "path" as far as `d` knows them; "" without a path.
std::string DiagnosticLocation(const Diagnostic& d);

/// Total order used wherever diagnostics leave a stage: path, line, column, code, message.
bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b);

/// Sorts and removes exact duplicates.
void SortDiagnostics(std::vector<Diagnostic>* diagnostics);

}  // namespace seams
