#pragma once
/// An on-disk cache of per-file facts keyed by a hash of the file's bytes and the
/// parse options: a second run on an unchanged tree skips parsing.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/parse/facts_pack.h"
#include "lib/parse/file_facts.h"
#include "lib/parse/parse.h"

namespace seams {

/// The extractor's version: a hash of the fact schema and lib/parse's sources,
/// computed at build time (cmake/FactsVersion.cmake). Facts cached by another
/// build are never read.
const char* FactsVersion();

/// A directory of cached facts. Safe with concurrent runs: entries are written to
/// a temporary name and renamed into place. A missing, truncated or corrupt entry
/// is a miss, never an error: every entry carries a checksum of its key and
/// bytes (a flipped bit or an entry swapped with another is a miss), and an
/// entry that is not a regular file (a directory, a FIFO, a link to a device)
/// is a miss without being read.
class FactsCache {
 public:
  /// `directory` is created on first store; `options` and `version` are part of every key.
  FactsCache(std::string directory, const ParseOptions& options, const std::string& version = FactsVersion());

  /// The key of `source` (hex): a 128-bit hash of the bytes' digest, the options and the extractor's version.
  std::string Key(const std::string& source) const;
  /// The same key from the digest of the bytes (ContentDigests::Of), when it is known without reading them.
  std::string KeyOfDigest(const std::string& digest) const;

  /// The cached facts for `key`, or nullopt: from the pack when it was read
  /// (ReadPack) and holds the key, else from the key's own entry. Diagnostics get
  /// `path`. With `digest`, the facts' FactsDigest is put there on a hit; with
  /// `entry`, the entry's bytes (for WritePack).
  std::optional<FileFacts> Load(const std::string& key, const std::string& path, FactsDigests* digests = nullptr,
                                std::string* entry = nullptr) const;

  /// Stores `facts` under `key`; failures (read-only disk, full disk) are ignored.
  /// With `digests`, the facts' digests are put there; with `entry`, the entry's bytes.
  void Store(const std::string& key, const FileFacts& facts, FactsDigests* digests = nullptr,
             std::string* entry = nullptr) const;

  /// Reads this cache's pack (one per extractor version and options), for a run
  /// that loads many entries, and marks it used. Not thread-safe: before the loads start.
  void ReadPack();
  const FactsPack& pack() const { return pack_; }
  /// Replaces the pack with `entries` (key, entry bytes), then removes the other
  /// packs but the one used last (an upgrade's old pack goes); failures are ignored.
  void WritePack(std::vector<std::pair<std::string, std::string_view>> entries) const;

 private:
  std::string PackName() const;

  std::string directory_;
  std::string salt_;  // extractor version and options
  FactsPack pack_;
};

/// A cache entry: the facts serialised, their ShapeDigest (computed once, when
/// the entry is written), then the checksum of `key` and those bytes; and back,
/// nullopt when the checksum or the format does not hold. With `digests`, the
/// facts' FactsDigest and ShapeDigest are put there (on a hit only, when decoding).
std::string EncodeCacheEntry(const std::string& key, const FileFacts& facts, FactsDigests* digests = nullptr);
std::optional<FileFacts> DecodeCacheEntry(const std::string& key, std::string_view bytes,
                                          FactsDigests* digests = nullptr);

/// The facts serialised in the cache's binary format, and back (for tests). The
/// line count comes last; `digest_end`, when given, gets the size of what precedes it.
/// With `lines`, every line number is written as 0 and appended to `lines`
/// instead, in the order written (the bytes are then not a cache entry's: ShapeOf).
std::string SerializeFacts(const FileFacts& facts, std::size_t* digest_end = nullptr,
                           std::vector<int>* lines = nullptr);
std::optional<FileFacts> DeserializeFacts(std::string_view bytes, std::size_t* digest_end = nullptr);

/// A file's facts as the rules see them, 32 hex: the digest of the serialised
/// facts up to `digest_end`, that is, everything but the line count, which no
/// stage of `seams check` reads (only the graphs' sizes and the proposal do).
/// An edit that changes no fact, such as a comment or blank lines added at the
/// end, keeps it: the early cutoff of the warm path (lib/check/facts_fingerprint.h).
std::string FactsDigest(std::string_view serialized, std::size_t digest_end);

/// A file's facts without their line numbers: `digest` (the ShapeDigest, 32 hex)
/// hashes the facts as FactsDigest does but with every line number 0, and
/// `lines` holds those numbers in the order they are written. Two files with
/// the same shape hold the same facts but where they sit: an edit that only
/// adds or removes lines around the facts (blank lines, comments, a docstring's
/// lines) keeps it, and the pairs of `lines` tell where each line went. The
/// shape cutoff of the warm path rests on it (lib/check/line_shift.h).
struct FactsShape {
  std::string digest;
  std::vector<int> lines;
};
FactsShape ShapeOf(const FileFacts& facts);

}  // namespace seams
