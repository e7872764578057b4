#pragma once
/// An on-disk cache of per-file facts keyed by a hash of the file's bytes and the
/// parse options: a second run on an unchanged tree skips parsing.

#include <optional>
#include <string>

#include "lib/parse/file_facts.h"
#include "lib/parse/parse.h"

namespace seams {

/// A directory of cached facts. Safe with concurrent runs: entries are written to
/// a temporary name and renamed into place. A missing, truncated or corrupt entry
/// is a miss, never an error.
class FactsCache {
 public:
  /// `directory` is created on first store; `options` are part of every key.
  FactsCache(std::string directory, const ParseOptions& options);

  /// The key of `source` (hex): a 128-bit hash of the bytes, the options and the format version.
  std::string Key(const std::string& source) const;

  /// The cached facts for `key`, or nullopt. Diagnostics get `path`.
  std::optional<FileFacts> Load(const std::string& key, const std::string& path) const;

  /// Stores `facts` under `key`; failures (read-only disk, full disk) are ignored.
  void Store(const std::string& key, const FileFacts& facts) const;

 private:
  std::string directory_;
  std::string salt_;  // options and format version
};

/// The facts serialised in the cache's binary format, and back (for tests).
std::string SerializeFacts(const FileFacts& facts);
std::optional<FileFacts> DeserializeFacts(const std::string& bytes);

}  // namespace seams
