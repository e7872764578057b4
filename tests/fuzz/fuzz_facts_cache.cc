// libFuzzer target: the facts-cache readers (an entry, and the stamps file of
// the files' digests). Any bytes are a hit or a miss, never a crash; what is
// read back survives another round trip exactly.

#include <cstddef>
#include <cstdint>
#include <string>

#include "lib/core/content_digests.h"
#include "lib/parse/facts_cache.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  if (auto facts = seams::DeserializeFacts(bytes)) {
    if (seams::DeserializeFacts(seams::SerializeFacts(*facts)) != facts) __builtin_trap();
  }
  // The same bytes as a whole entry (checksum last) under a fixed key.
  const std::string key = "00112233445566778899aabbccddeeff";
  if (auto facts = seams::DecodeCacheEntry(key, bytes)) {
    if (seams::DecodeCacheEntry(key, seams::EncodeCacheEntry(key, *facts)) != facts) __builtin_trap();
  }
  // The same bytes as the stamps file.
  if (auto stamps = seams::ContentDigests::Decode(bytes)) {
    if (seams::ContentDigests::Decode(seams::ContentDigests::Encode(*stamps)) != stamps) __builtin_trap();
  }
  return 0;
}
