#pragma once
/// Many facts-cache entries in one file. A warm run that changed a few files still
/// loads the facts of all the others; from loose entries that is an open, a stat,
/// a read and a close per file (on Django's source, 2,800 system calls). The pack
/// holds the entries of a whole run, so it is one read.
///
/// Layout: the magic line, the count (8 bytes, little-endian), then one record
/// per entry, sorted by key (the key's 32 hex, then the entry's offset and size,
/// 8 bytes each, from the start of the file), the checksum of everything before
/// it (8 bytes), then the entries, each exactly as a loose entry (it carries its
/// own checksum over its key and bytes, so a damaged or swapped entry is a miss).
/// A pack whose header, records or checksum do not hold is no pack.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lib/core/file_system.h"

namespace seams {

class FactsPack {
 public:
  FactsPack() = default;

  /// The pack in `bytes`, or nullopt when its header, records or checksum do not hold.
  static std::optional<FactsPack> Decode(std::string bytes);
  /// The pack at `path`; an empty one when the file is missing, not a regular
  /// file, larger than `max_bytes`, or damaged.
  static FactsPack Read(const std::string& path, std::size_t max_bytes);
  /// A pack of `entries` (key, entry bytes). Keys are 32 hex; a key given twice is kept once.
  static std::string Encode(std::vector<std::pair<std::string, std::string_view>> entries);
  /// The same pack in pieces, to be written in order: the header and records,
  /// then each entry's bytes where they already are (a cold run's pack is as
  /// large as its facts, and is not copied to be written).
  static std::vector<std::string_view> Pieces(std::vector<std::pair<std::string, std::string_view>> entries,
                                              std::string* header);

  /// The entry stored under `key`, as it was written (check it with DecodeCacheEntry).
  std::optional<std::string_view> Find(std::string_view key) const;
  std::size_t size() const { return count_; }
  /// Every key, in order.
  std::vector<std::string_view> Keys() const;

 private:
  std::string_view Bytes() const;

  std::string bytes_;                          // Decode's
  std::shared_ptr<const MappedFile> mapping_;  // or Read's
  std::size_t count_ = 0;
  static bool Valid(std::string_view bytes, std::size_t* count);
};

}  // namespace seams
