#pragma once
/// The last layer of the warm path: the whole result of a `seams check`, kept
/// under a key of everything that run read. An unchanged tree, checked again
/// with the same command, config and baseline by the same Seams build, reads
/// its files only to hash them and answers from the cache.

#include <optional>
#include <string>
#include <vector>

#include "lib/core/content_digests.h"
#include "lib/core/content_hash.h"
#include "lib/core/file_system.h"
#include "lib/discover/project.h"

namespace seams {

/// A hash of every source file of Seams, computed at build time
/// (cmake/FactsVersion.cmake): results cached by another build are never read.
const char* SourceVersion();

/// The files a run analyses, as one hex string: each discovered file's path,
/// module, import root and flags, the digest of its bytes (its size alone when it
/// is too large to parse, the error when it cannot be read), and the walk's import
/// roots, manage.py files and diagnostics. Any change to a file, any file added,
/// removed or renamed changes it. With `digests`, a file whose stamp is remembered
/// is not read, and the digests of the files read are remembered. With
/// `content_digests`, (*content_digests)[i] is the digest of file i's bytes
/// (empty when it is too large or cannot be read).
std::string ProjectFingerprint(const FileSystem& fs, const Project& project, ContentDigests* digests = nullptr,
                               std::vector<std::string>* content_digests = nullptr);

/// What ProjectFingerprint and FactsFingerprint hash of the walk (roots,
/// manage.py files, diagnostics) and of one file (path, module, import root, flags).
void HashWalk(const Project& project, ContentHasher* hasher);
void HashFile(const SourceFile& file, ContentHasher* hasher);

/// A 128-bit hex hash of `parts`, each length-prefixed (so no two lists of
/// parts collide by concatenation).
std::string HashParts(const std::vector<std::string>& parts);

/// Results stored under DIRECTORY/results/. Safe with concurrent runs (an
/// entry is written under a temporary name and renamed into place); an entry
/// whose checksum does not hold (truncated, a flipped bit, copied under another
/// key) or that is not a regular file is a miss, never an error.
class ResultCache {
 public:
  /// Entries Prune keeps by default: a check stores up to four (its report by
  /// bytes, facts and shape, and the manifest), so the last sixteen checks or so.
  static constexpr std::size_t kKeep = 64;

  explicit ResultCache(std::string directory);
  /// A hit marks the entry used now (its modification time), for Prune.
  std::optional<std::string> Load(const std::string& key) const;
  /// Failures (read-only or full disk) are ignored: the cache is an optimisation.
  void Store(const std::string& key, const std::string& body) const;
  /// Deletes all but the `keep` entries last stored or hit, once more than
  /// `keep + keep / 4` have gathered (below that, a listing only). A report is kept
  /// once per edit checked (on saleor 1.7 MB each, three times), so without this
  /// a cache on a developer's machine or a CI runner only grows. Other files
  /// (another writer's temporary ones) are left alone; a run that loses an
  /// entry to another's prune sees a miss. Failures are ignored.
  void Prune(std::size_t keep = kKeep) const;

 private:
  std::string directory_;
};

}  // namespace seams
