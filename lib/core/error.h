#pragma once
/// The one exception type of the library: "the run cannot continue".

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "lib/core/diagnostic.h"

namespace seams {

/// Why a run could not continue; the CLI maps each kind to an exit code
/// (kUsage and kConfig → 2, kInput → 3, see docs/architecture.md).
enum class ErrorKind { kUsage, kConfig, kInput };

/// Thrown by library code only when the whole run cannot go on (the analysed
/// path does not exist, a config file is invalid). Per-file problems are
/// Diagnostics instead. Messages never say "error:": only the CLI's error
/// boundary formats severity.
class SeamsError : public std::runtime_error {
 public:
  SeamsError(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

  /// Problems located in an input file (a config, a baseline), one Diagnostic
  /// each (severity error); what() lists them as `path:line:col: message`.
  SeamsError(ErrorKind kind, std::vector<Diagnostic> problems)
      : std::runtime_error(Describe(problems)), kind_(kind), problems_(std::move(problems)) {}

  ErrorKind kind() const { return kind_; }
  /// The located problems; empty when the message says it all.
  const std::vector<Diagnostic>& problems() const { return problems_; }

 private:
  static std::string Describe(const std::vector<Diagnostic>& problems) {
    std::string all;
    for (const auto& d : problems) {
      if (!all.empty()) all += '\n';
      std::string at = DiagnosticLocation(d);
      all += at.empty() ? d.message : at + ": " + d.message;
    }
    return all;
  }

  ErrorKind kind_;
  std::vector<Diagnostic> problems_;
};

}  // namespace seams
