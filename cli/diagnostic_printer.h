#pragma once
/// The CLI's one diagnostic printer, and its error boundary: the only code that
/// writes a severity ("error:", "warning:", "note:") next to a library message.

#include <iosfwd>
#include <string>

#include "cli/terminal.h"
#include "lib/core/diagnostic.h"
#include "lib/core/error.h"

namespace seams::cli {

/// The style for stderr under --color (auto, always, never).
Style StderrStyle(const std::string& color);

/// `path:line:col: severity: code: message`, compiler style (the location and the
/// code only when known), the severity coloured when `style` is on.
void PrintDiagnostic(const Diagnostic& d, const Style& style, std::ostream& err);

/// The error boundary's message for `error`: its located problems, each printed
/// as a diagnostic, or else `seams: error: message`.
void PrintError(const SeamsError& error, const Style& style, std::ostream& err);

}  // namespace seams::cli
