#pragma once
/// The early cutoff of the warm path. ProjectFingerprint changes with any byte
/// of any file; the rules only see what Seams extracts. FactsFingerprint hashes
/// each file by the digest of its facts instead (FactsDigest, lib/parse/facts_cache.h),
/// so a check after an edit that changes no fact (a comment, a blank line, a
/// comment added at the end) answers from the result of the run before, and
/// loads no facts but the edited file's.
///
/// A FactsManifest, kept in the result cache, remembers the last run's facts
/// digests by the digests of the files' bytes: an unchanged file's facts digest
/// is looked up there, not computed from its facts.
///
/// ShapeFingerprint does the same with each file's ShapeDigest, its facts
/// without their line numbers: the second cutoff (lib/check/line_shift.h), for
/// edits that only move lines.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/core/file_system.h"
#include "lib/discover/project.h"
#include "lib/parse/parse.h"

namespace seams {

/// The facts digests of a run's files, by the digests of their bytes.
struct FactsManifest {
  std::map<std::string, FactsDigests> facts_by_content;

  /// A header line, then one "content facts shape" line per distinct content, sorted;
  /// and back. Text that is not exactly that form reads as an empty manifest
  /// (every file unknown: a miss, never an error).
  std::string Encode() const;
  static FactsManifest Decode(std::string_view text);
};

/// The manifest of a run: the content digest and facts digest of each file with both.
FactsManifest ManifestOf(const std::vector<std::string>& content_digests, const std::vector<FactsDigests>& fact_digests);

/// `project`'s files as the rules see them, as one hex string: what
/// ProjectFingerprint hashes of the walk and of each file's place (HashWalk,
/// HashFile), then each file's facts digest where ProjectFingerprint has the
/// digest and size of its bytes. nullopt when a file that is not too large has
/// no facts digest (it could not be read).
std::optional<std::string> FactsFingerprint(const Project& project, const std::vector<FactsDigests>& fact_digests);
/// The same with each file's ShapeDigest: it holds when every file holds the
/// same facts, each maybe on other lines.
std::optional<std::string> ShapeFingerprint(const Project& project, const std::vector<FactsDigests>& fact_digests);

/// The facts digests of every file of `project`, whose bytes have
/// `content_digests` (from ProjectFingerprint): from `manifest` where it knows
/// the bytes, else through the facts cache of `options` (ParseProject on those
/// files only, which parses what the cache lacks and stores it for the run that
/// follows). nullopt when more than `max_unknown` files are unknown to the
/// manifest (a full run then costs less than parsing them first), or when one
/// cannot be read.
std::optional<std::vector<FactsDigests>> FactDigestsOf(const FileSystem& fs, const Project& project,
                                                      const std::vector<std::string>& content_digests,
                                                      const FactsManifest& manifest, const ParseOptions& options,
                                                      std::size_t max_unknown);

}  // namespace seams
