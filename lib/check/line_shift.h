#pragma once
/// The shape cutoff of the warm path. After an edit that only moves lines (a
/// line added at the top of a file, a blank line or a comment between two
/// statements, a docstring grown by a line), every file holds the same facts as
/// in the run before, some of them on other lines: the same ShapeDigest
/// (ShapeOf, lib/parse/facts_cache.h). The early cutoff cannot answer, since
/// the report's lines change; this one moves them.
///
/// Why that gives the cold run's report, byte for byte: the stages compare the
/// line numbers of facts only within one file, and only for equality and order
/// (a suppression on the violation's line, a write inside an atomic block's
/// lines, the sort by path then line); and the check report carries them only
/// in the `line` of its violations and unused suppressions. A map from the old
/// lines of a file to the new ones that is a function and keeps their order
/// keeps every such comparison, so the rules decide as before and sort in the
/// same order. What this leans on is checked, and the cutoff declines (a full
/// run follows) when it does not hold:
///   - a line that goes to two places, lines that change order, or line 0 (no line) that moves;
///   - a violation line that is no fact's line (only `unassigned`, fixed at line 1,
///     may be one), unless line 1 stays line 1 and no suppression sits on line 1;
///   - a report string that names a moved file followed by ':' (a place in text).

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/discover/project.h"
#include "lib/parse/facts_cache.h"

namespace seams {

/// Where each line of a file's facts went: old line -> new line.
using LineMap = std::map<int, int>;

/// The map from the lines of `before` to those of `after` (the `lines` of two
/// FactsShapes with the same digest), or nullopt when it is not a function, does
/// not keep the lines' order, or moves line 0 (a fact without a line) or moves a line to 0.
std::optional<LineMap> LineMapOf(const std::vector<int>& before, const std::vector<int>& after);

/// One file whose lines moved.
struct MovedFile {
  std::string path;
  LineMap lines;
  bool suppression_on_line_1 = false;  ///< Before or after the edit.
};

/// `report` (a check report, seams.check/1) with the lines of the `moved` files
/// moved, or nullopt when a condition of the header does not hold.
std::optional<nlohmann::json> ShiftReport(const nlohmann::json& report, const std::vector<MovedFile>& moved);

/// A check report kept under a ShapeFingerprint, with the digest of each
/// file's bytes (by project.files' order; empty for a file not read) that it
/// was made from, so a later run knows which files moved and finds their old facts.
struct ShapeEntry {
  std::vector<std::string> content_digests;
  std::string report;

  /// "seams-shape-entry/1", the count, one digest (or "-") per line, then the
  /// report; and back, nullopt for anything else.
  std::string Encode() const;
  static std::optional<ShapeEntry> Decode(std::string_view text);
};

/// The report of `entry` moved to this run's lines: the files whose bytes
/// differ (at most `max_moved`) are loaded from `cache`, before and after, and
/// must have the same shape. nullopt when that or ShiftReport fails.
std::optional<nlohmann::json> ShiftedReport(const ShapeEntry& entry, const Project& project,
                                            const std::vector<std::string>& content_digests, const FactsCache& cache,
                                            std::size_t max_moved);

}  // namespace seams
