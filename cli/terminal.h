#pragma once
/// What the CLI shows on a terminal: colour, a progress line, stage timings.
/// Nothing here changes a report; it only decides what stderr shows.

#include <chrono>
#include <iosfwd>
#include <mutex>
#include <string>
#include <vector>

#include "lib/core/progress.h"

namespace seams::cli {

/// --color: auto (only on a terminal, and never with NO_COLOR set), always, never.
enum class ColorMode { kAuto, kAlways, kNever };

/// Parses "auto" / "always" / "never"; false for anything else.
bool ParseColorMode(const std::string& text, ColorMode* mode);

/// Whether to colour what goes to file descriptor `fd`: `always`; never with
/// `never`; with `auto`, when `fd` is a terminal and NO_COLOR is unset or empty.
bool ColorEnabled(ColorMode mode, int fd);

/// ANSI styles, empty strings when colour is off.
struct Style {
  bool on = false;
  std::string Red(const std::string& text) const { return Wrap("31", text); }
  std::string Yellow(const std::string& text) const { return Wrap("33", text); }
  std::string Dim(const std::string& text) const { return Wrap("2", text); }
  std::string Bold(const std::string& text) const { return Wrap("1", text); }

 private:
  std::string Wrap(const char* code, const std::string& text) const;
};

/// Colours the severity of compiler-style lines ("path:1:2: error: …") in
/// `text`; the text is returned as is when `style` is off.
std::string ColorizeSeverities(const std::string& text, const Style& style);

/// A progress line on stderr, redrawn in place at most ten times a second:
/// files found while discovering, then files parsed of the total with the
/// percentage and rate. Does nothing unless enabled (stderr is a terminal and
/// the run is not --quiet). Thread-safe: parse threads report into it.
class ProgressLine {
 public:
  ProgressLine(bool enabled, std::ostream& err);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  /// The callback to hand to the library (empty when disabled).
  ProgressFn Callback();
  /// Erases the line; called when the stages it shows are over.
  void Clear();

 private:
  void Report(ProgressStage stage, std::size_t done, std::size_t total);
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  std::ostream& err_;
  std::mutex mutex_;
  bool drawn_ = false;
  Clock::time_point last_draw_{};
  Clock::time_point parse_start_{};
  bool parse_started_ = false;
};

/// "seams: discover 35 ms (859 files)", one line per stage, for --verbose.
void PrintTimings(const std::vector<StageTiming>& timings, std::ostream& err);

/// True when the process's stderr is a terminal.
bool StderrIsTerminal();

}  // namespace seams::cli
