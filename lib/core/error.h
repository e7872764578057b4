#pragma once
/// The one exception type of the library: "the run cannot continue".

#include <stdexcept>
#include <string>

namespace seams {

/// Why a run could not continue; the CLI maps each kind to an exit code
/// (kUsage and kConfig → 2, kInput → 3, see docs/architecture.md).
enum class ErrorKind { kUsage, kConfig, kInput };

/// Thrown by library code only when the whole run cannot go on (the analysed
/// path does not exist, a config file is invalid). Per-file problems are
/// Diagnostics instead.
class SeamsError : public std::runtime_error {
 public:
  SeamsError(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace seams
