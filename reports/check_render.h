#pragma once
/// Renderers of a `seams check` report (`"schema": "seams.check/1"`, built by
/// BuildCheckReport). Each is a pure function of the report JSON: it reads
/// nothing else, writes only to `out`, and gives the same bytes for the same
/// report. Violations, unused suppressions and fixed keys are rendered in the
/// order the report lists them (BuildCheckReport sorts them).
///
/// Which part of the report each format shows:
///
/// | part                           | text | github | sarif | junit | json |
/// |--------------------------------|------|--------|-------|-------|------|
/// | new violations (`"new": true`) | yes  | yes    | yes   | yes   | yes  |
/// | known violations (baseline)    | count| count  | no    | no    | yes  |
/// | unused suppressions            | yes  | yes    | yes   | no    | yes  |
/// | fixed baseline keys            | yes  | yes    | no    | no    | yes  |
/// | summary line                   | yes  | yes    | no    | no    | yes  |
///
/// Missing fields are read as empty ("" / 0 / []), and a violation without
/// `"new"` counts as new, so a hand-written or older report still renders.

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reports/format_registry.h"

namespace seams {

/// Compiler-style text, one block per new violation, then unused suppressions,
/// fixed baseline keys and one summary line:
///
///     orders/views.py:12:1: error: cross-context-import: orders.views (context ordering) imports …
///         from payments.models import Payment
///         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
///         help: add "payments" to depends_on of context "ordering", …
///     cart/views.py:3: warning: unused-suppression: `# seams: ignore[cross-context-import]` silenced nothing
///         help: remove the comment, or the rules in it that no longer occur
///     note: baseline entry no longer occurs: cross-context-import|cart.views|orders.models
///     seams: 1 error, 1 warning (2 known in baseline); by rule: cross-context-import 1, unused-suppression 1; by context pair: ordering -> payments 1
///
/// Details:
/// - The location is `path:line:column`; a part that is unknown (empty path,
///   line or column 0) is left out, and with no part at all it is `seams`.
/// - Later lines of a multi-line message are indented by 4 spaces.
/// - The source line (only its first line, trailing blanks trimmed) is shown
///   when `source` is not blank; the caret sits under `column` (1-based, in
///   code points, tabs kept so it lines up) and `~` underlines the rest of the
///   source. No caret when the column is 0. No help line when `help` is empty.
/// - Summary: `seams: N error(s), M warning(s)`, then ` (K known in baseline)`
///   when K > 0, then `; by rule: RULE COUNT, …` and `; by context pair:
///   A -> B COUNT, …` when not empty, each list by count (highest first), then
///   name. Numbers come from the report's `summary` (so they agree with the exit
///   code: warnings include unused suppressions); a field missing from it is
///   counted from the violations. An empty report gives `seams: 0 errors, 0 warnings`.
void WriteCheckText(const nlohmann::json& report, std::ostream& out);

/// GitHub Actions workflow commands, one line each:
///
///     ::error file=PATH,line=L,col=C,title=RULE::MESSAGE%0Ahelp: HELP
///     ::warning file=PATH,line=L,title=unused-suppression::`# seams: ignore[…]` silenced nothing
///     ::notice title=seams::baseline entry no longer occurs: KEY
///     seams: … (the text summary line, as plain log output)
///
/// A new violation is `::warning` when its severity is "warning", else `::error`.
/// Unknown properties (empty path, line or column 0) are left out. Escaping as
/// in actions/toolkit: in the message `%` → `%25`, CR → `%0D`, LF → `%0A`;
/// in property values also `:` → `%3A` and `,` → `%2C`.
void WriteCheckGithub(const nlohmann::json& report, std::ostream& out);

/// SARIF 2.1.0 (pretty JSON, sorted keys, final newline) with one run. The
/// driver is `seams` with every rule of the report (id, short and full
/// description, default level; rules used by a result but missing from the
/// report are appended). Results are the new violations and the unused
/// suppressions (rule `unused-suppression`, level warning), never the known
/// ones; each has ruleId, ruleIndex, level, message.text (message, then
/// `help: …` on a second line), one location with a relative uri under
/// `%SRCROOT%` and a region (left out when the line is unknown), and
/// partialFingerprints `seams/v1` = the violation key (for unused suppressions
/// `unused-suppression|PATH|LINE`).
void WriteCheckSarif(const nlohmann::json& report, std::ostream& out);

/// JUnit XML: one `<testsuite name="seams">` with a failing `<testcase>` per new
/// violation (classname `seams.RULE`, name `PATH:LINE FROM -> TO`, a `<failure
/// type="RULE" message="MESSAGE">` whose body is the violation's text block),
/// or one passing testcase `no new violations`. Attribute and text values are
/// XML-escaped; newlines in attributes become `&#10;`, and characters XML 1.0
/// forbids become U+FFFD.
void WriteCheckJunit(const nlohmann::json& report, std::ostream& out);

/// The report itself: 2-space indented JSON, keys sorted, final newline.
/// Invalid UTF-8 is replaced by U+FFFD rather than thrown on.
void WriteCheckJson(const nlohmann::json& report, std::ostream& out);

/// Renders a check report as a function of the report alone.
using CheckReporter = Reporter;

/// The formats of `seams check`, sorted by name.
const std::vector<Format<CheckReporter>>& CheckFormats();

/// The reporter for `format`, or nullptr.
CheckReporter FindCheckReporter(const std::string& format);

}  // namespace seams
