#pragma once
/// Content hashes for the caches: XXH3 (Debian's libxxhash), 128 bits for keys
/// and fingerprints, 64 for entry checksums. Not cryptographic: a cache entry
/// is trusted as far as the directory it sits in.

#include <cstdint>
#include <string>
#include <string_view>

namespace seams {

/// A 128-bit hash fed incrementally; `Part` frames each part with its length,
/// so ("ab", "c") and ("a", "bc") differ.
class ContentHasher {
 public:
  ContentHasher();
  ~ContentHasher();
  ContentHasher(const ContentHasher&) = delete;
  ContentHasher& operator=(const ContentHasher&) = delete;

  void Add(std::string_view bytes);
  void Part(std::string_view part);
  /// 32 lower-case hex digits of what was added so far.
  std::string Hex() const;

 private:
  void* state_;  // XXH3_state_t*
};

/// The 128-bit hash of `a` then `b`, as 32 hex digits (a cache key of salt and bytes).
std::string ContentHashHex(std::string_view a, std::string_view b);

/// The 64-bit hash of `a` then `b` (an entry's checksum over its key and body).
std::uint64_t ContentHash64(std::string_view a, std::string_view b);

/// True for exactly 32 lower-case hex digits: what ContentHashHex and Hex() write.
bool IsHexDigest(std::string_view text);

}  // namespace seams
