// libFuzzer target: the facts-cache readers (an entry, the packed chains and
// call sites inside one, the stamps file of the files' digests, the
// manifest of the facts digests, the shape cutoff's entries, and the facts pack). Any bytes
// are a hit or a miss, never a crash; what is read back survives another round
// trip exactly, and a pack accepted unread (FromBytes) unpacks whole.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "lib/check/facts_fingerprint.h"
#include "lib/check/line_shift.h"
#include "lib/core/content_digests.h"
#include "lib/parse/facts_cache.h"
#include "lib/parse/facts_pack.h"

namespace {

// A pack FromBytes accepted is unpacked later without a check: it must read
// whole, into as many facts as it counts, and pack back to the same bytes.
template <typename Fact>
void CheckPack(const seams::Packed<Fact>& packed) {
  const std::vector<Fact> facts = packed.Unpack();
  if (facts.size() != packed.size() || !(seams::Packed<Fact>(facts) == packed)) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::size_t digest_end = 0;
  if (auto facts = seams::DeserializeFacts(bytes, &digest_end)) {
    // The facts digest covers all but the line count, which comes last.
    if (digest_end > bytes.size()) __builtin_trap();
    std::size_t again = 0;
    if (seams::DeserializeFacts(seams::SerializeFacts(*facts, &again)) != facts || again != digest_end) __builtin_trap();
    CheckPack(facts->chains);
    CheckPack(facts->call_sites);
    // Facts that read have a shape, whose lines map onto themselves.
    const seams::FactsShape shape = seams::ShapeOf(*facts);
    if (shape.digest.size() != 32 || !seams::LineMapOf(shape.lines, shape.lines)) __builtin_trap();
  }
  // The same bytes as a pack of each kind on its own.
  if (auto chains = seams::PackedChains::FromBytes(bytes)) CheckPack(*chains);
  if (auto sites = seams::PackedCallSites::FromBytes(bytes)) CheckPack(*sites);
  // The same bytes as a whole entry (checksum last) under a fixed key.
  const std::string key = "00112233445566778899aabbccddeeff";
  if (auto facts = seams::DecodeCacheEntry(key, bytes)) {
    if (seams::DecodeCacheEntry(key, seams::EncodeCacheEntry(key, *facts)) != facts) __builtin_trap();
  }
  // The same bytes as the stamps file.
  if (auto stamps = seams::ContentDigests::Decode(bytes)) {
    if (seams::ContentDigests::Decode(seams::ContentDigests::Encode(*stamps)) != stamps) __builtin_trap();
  }
  // The same bytes as a facts manifest: what reads back encodes to the same text.
  const seams::FactsManifest manifest = seams::FactsManifest::Decode(bytes);
  if (!manifest.facts_by_content.empty() && manifest.Encode() != bytes) __builtin_trap();
  // The same bytes as a facts pack: every key finds its entry, and the entries
  // packed again read back the same.
  if (auto pack = seams::FactsPack::Decode(bytes)) {
    std::vector<std::pair<std::string, std::string_view>> entries;
    for (std::string_view k : pack->Keys()) {
      std::optional<std::string_view> entry = pack->Find(k);
      if (!entry || entry->size() > bytes.size()) __builtin_trap();
      entries.emplace_back(std::string(k), *entry);
    }
    auto again = seams::FactsPack::Decode(seams::FactsPack::Encode(entries));
    if (!again || again->size() != pack->size()) __builtin_trap();
    for (const auto& [k, entry] : entries) {
      if (again->Find(k) != std::optional<std::string_view>(entry)) __builtin_trap();
    }
  }
  // The same bytes as a shape entry: what reads back encodes to the same text.
  if (auto entry = seams::ShapeEntry::Decode(bytes)) {
    if (entry->Encode() != bytes) __builtin_trap();
  }
  return 0;
}
