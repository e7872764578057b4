#pragma once
/// Stage 2: Python source → FileFacts, on all cores.

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "lib/core/content_digests.h"
#include "lib/core/file_system.h"
#include "lib/core/progress.h"
#include "lib/discover/project.h"
#include "lib/parse/file_facts.h"

namespace seams {

/// What to collect besides imports, classes, functions and assignments. The
/// parser knows no framework: the names come from the stages that read the facts
/// (Django's: `WithDjangoVocabulary`, lib/django/vocabulary.h).
struct ParseOptions {
  /// Calls are recorded when the last component of the callee's dotted name is in this set.
  std::set<std::string> call_names;
  /// `X.attr` references are recorded when attr is in this set.
  std::set<std::string> attribute_names;
  /// Expression chains are recorded (ChainFact) when they call one of these methods.
  std::set<std::string> chain_methods;
  /// Calls (by the callee's last name) whose arguments run later, not where they are
  /// written (Django's `transaction.on_commit(lambda: …)`): the calls inside are marked deferred.
  std::set<std::string> deferring_calls;
  /// Parse threads; 0 means one per hardware core.
  unsigned jobs = 0;
  /// Directory of the on-disk facts cache; empty: no cache.
  std::string cache_dir;
  /// The files' digests by their stamps, shared with the run's other readers: a
  /// file whose stamp is remembered is looked up in the facts cache unread. May be null.
  std::shared_ptr<ContentDigests> digests;
  /// Told the files done so far of the total, from the parse threads; may be empty.
  ProgressFn progress;
};

/// What the warm path's cutoffs know of one file's facts, each 32 hex (empty
/// when unknown): `facts`, its FactsDigest; `shape`, its ShapeDigest, the same
/// without the line numbers (lib/parse/facts_cache.h).
struct FactsDigests {
  std::string facts;
  std::string shape;
  bool operator==(const FactsDigests&) const = default;
};

/// Extracts the facts of one source text. Pure: the same text gives the same
/// facts. `path` is only used to label diagnostics. Handles a UTF-8 BOM,
/// undecodable bytes and NUL bytes with diagnostics.
FileFacts ParseSource(const std::string& path, std::string source, const ParseOptions& options);

/// Reads and parses every file of `project` (skipping the oversized ones) on
/// `options.jobs` threads, one parser per thread. Result i belongs to
/// project.files[i]; the result does not depend on the thread count. With a
/// cache and `fact_digests`, (*fact_digests)[i] holds the digests of result i
/// (lib/parse/facts_cache.h), or empty ones when the file was not parsed.
std::vector<FileFacts> ParseProject(const FileSystem& fs, const Project& project, const ParseOptions& options,
                                    std::vector<FactsDigests>* fact_digests = nullptr);

/// Parses `source` and discards the tree (no fact extraction): for benchmarks.
/// Returns the number of syntax nodes, so the work cannot be optimised away.
std::size_t ParseOnly(const std::string& source);

/// Parses `source` and visits every node of the tree once with one cursor,
/// doing nothing else: the floor of any fact extraction that looks at the
/// whole tree, for benchmarks. Returns the number of named nodes.
std::size_t ParseAndWalk(const std::string& source);

}  // namespace seams
