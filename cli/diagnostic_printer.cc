#include "cli/diagnostic_printer.h"

#include <unistd.h>

#include <ostream>

namespace seams::cli {

Style StderrStyle(const std::string& color) {
  ColorMode mode = ColorMode::kAuto;
  ParseColorMode(color, &mode);
  return Style{ColorEnabled(mode, STDERR_FILENO)};
}

void PrintDiagnostic(const Diagnostic& d, const Style& style, std::ostream& err) {
  std::string at = DiagnosticLocation(d);
  if (!at.empty()) err << at << ": ";
  std::string severity = SeverityName(d.severity);
  severity = d.severity == Severity::kError     ? style.Red(style.Bold(severity))
             : d.severity == Severity::kWarning ? style.Yellow(severity)
                                                : style.Dim(severity);
  err << severity << ": ";
  if (!d.code.empty()) err << d.code << ": ";
  err << d.message << '\n';
}

void PrintError(const SeamsError& error, const Style& style, std::ostream& err) {
  if (error.problems().empty()) {
    err << "seams: " << style.Red(style.Bold("error")) << ": " << error.what() << '\n';
    return;
  }
  for (const auto& d : error.problems()) PrintDiagnostic(d, style, err);
}

}  // namespace seams::cli
