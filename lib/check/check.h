#pragma once
/// Stage 6 (CI gate): agreed contexts + the coupling graph → violations.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "lib/config/config.h"
#include "lib/core/diagnostic.h"
#include "lib/pipeline.h"

namespace seams {

/// One rule broken at one place.
struct Violation {
  std::string rule;       ///< "cross-context-import", "private-import", …
  RuleSeverity severity = RuleSeverity::kError;
  std::string path;
  int line = 0;
  int column = 0;
  std::string message;
  std::string help;       ///< The allowed route.
  std::string source;     ///< The statement or evidence at that place.
  std::string from;       ///< Importing module (or model, or context for context-cycle).
  std::string to;
  std::string from_context;
  std::string to_context;
  /// Stable identity for baselines: rule|from|to — no line numbers, so moving code keeps it.
  std::string Key() const { return rule + "|" + from + "|" + to; }
};

/// An inline suppression that silenced nothing.
struct UnusedSuppression {
  std::string path;
  int line = 0;
  std::vector<std::string> rules;
};

/// The outcome of `seams check`.
struct CheckResult {
  std::vector<Violation> violations;  ///< Sorted by path, line, rule; suppressed ones removed.
  std::vector<UnusedSuppression> unused_suppressions;
  std::vector<Diagnostic> config_problems;  ///< Members matching nothing, overlaps (with config lines).
  /// Context of each coupling-graph node ("" when unassigned; "shared_kernel").
  std::vector<std::string> node_context;
};

/// Assigns every module and model to a context by the most specific member that
/// matches it (model key > module > package prefix > app label > glob), then applies the rules.
CheckResult Check(const Config& config, const Analysis& analysis);

/// A baseline: the keys of known violations.
struct Baseline {
  std::set<std::string> keys;
};

/// Reads a baseline file written by WriteBaseline. Throws SeamsError(kConfig) when malformed.
Baseline ParseBaseline(const std::string& text, const std::string& path);

/// The baseline file for `violations` (sorted keys, a schema id).
std::string WriteBaseline(const std::vector<Violation>& violations);

}  // namespace seams
