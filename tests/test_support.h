#pragma once
// Helpers shared by the tests: parse a snippet, analyse an in-memory project.

#include <string>
#include <vector>

#include "lib/core/file_system.h"
#include "lib/parse/parse.h"
#include "lib/pipeline.h"

namespace seams::test {

/// Facts of one snippet, with the default parse options.
FileFacts Parse(const std::string& source);

/// Analyses an in-memory project rooted at "proj".
Analysis AnalyzeMemory(const MemoryFileSystem& fs, unsigned jobs = 1);

/// The import target/symbol pairs of `module`, as "target" or "target:symbol", in order.
std::vector<std::string> TargetsOf(const Analysis& analysis, const std::string& module);

/// Codes of the diagnostics, in order.
std::vector<std::string> Codes(const std::vector<Diagnostic>& diagnostics);

/// Compares `actual` with the golden file at `path` (under the source tree).
/// SEAMS_UPDATE_GOLDEN=1 rewrites the file and fails the check all the same, so a
/// golden is never rewritten by a passing run: review the diff, then run again.
void CheckGolden(const std::string& actual, const std::string& path);

/// Options for analysing Django's source (SEAMS_DJANGO_DIR): the defaults, with
/// a facts cache in the build tree that every test process shares, so the
/// suite parses Django's ~900 files once per build rather than once per test
/// case (ctest runs each case in its own process).
AnalysisOptions DjangoOptions();

/// A new empty directory under the system's temp directory, named `prefix`-XXXXXX.
std::string TempDir(const std::string& prefix);

/// Reads a file from disk ("" when missing).
std::string ReadText(const std::string& path);

}  // namespace seams::test
