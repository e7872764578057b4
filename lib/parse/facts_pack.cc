// The facts pack: one file of facts-cache entries, found by binary search over its records.

#include "lib/parse/facts_pack.h"

#include <algorithm>
#include <cstdint>

#include "lib/core/content_hash.h"

namespace seams {

namespace {

constexpr std::string_view kMagic = "seams-facts-pack/1\n";
constexpr std::size_t kKey = 32;                // hex digits
constexpr std::size_t kRecord = kKey + 8 + 8;   // key, offset, size
constexpr std::size_t kHeader = kMagic.size() + 8;

void PutU64(std::string* out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::uint64_t GetU64(std::string_view bytes, std::size_t at) {
  std::uint64_t value = 0;
  for (std::size_t i = 8; i-- > 0;) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

std::uint64_t IndexChecksum(std::string_view index) { return ContentHash64(kMagic, index); }

}  // namespace

std::vector<std::string_view> FactsPack::Pieces(std::vector<std::pair<std::string, std::string_view>> entries,
                                                std::string* header) {
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                entries.end());
  std::string& out = *header;
  out.assign(kMagic);
  PutU64(&out, entries.size());
  std::uint64_t offset = kHeader + entries.size() * kRecord + 8;
  for (const auto& [key, bytes] : entries) {
    out += key;
    PutU64(&out, offset);
    PutU64(&out, bytes.size());
    offset += bytes.size();
  }
  PutU64(&out, IndexChecksum(std::string_view(out).substr(kMagic.size())));
  std::vector<std::string_view> pieces = {out};
  for (const auto& entry : entries) pieces.push_back(entry.second);
  return pieces;
}

std::string FactsPack::Encode(std::vector<std::pair<std::string, std::string_view>> entries) {
  std::string header, out;
  for (std::string_view piece : Pieces(std::move(entries), &header)) out += piece;
  return out;
}

bool FactsPack::Valid(std::string_view view, std::size_t* count_out) {
  if (view.size() < kHeader + 8 || view.substr(0, kMagic.size()) != kMagic) return false;
  const std::uint64_t count = GetU64(view, kMagic.size());
  if (count > (view.size() - kHeader - 8) / kRecord) return false;
  const std::size_t index_end = kHeader + static_cast<std::size_t>(count) * kRecord;
  if (GetU64(view, index_end) != IndexChecksum(view.substr(kMagic.size(), index_end - kMagic.size()))) return false;
  // Every record in bounds, its key hex, and the keys in strictly increasing order.
  std::string_view previous;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t at = kHeader + i * kRecord;
    const std::string_view key = view.substr(at, kKey);
    const std::uint64_t offset = GetU64(view, at + kKey), size = GetU64(view, at + kKey + 8);
    if (!IsHexDigest(key) || (i > 0 && key <= previous)) return false;
    if (offset < index_end + 8 || offset > view.size() || size > view.size() - offset) return false;
    previous = key;
  }
  *count_out = static_cast<std::size_t>(count);
  return true;
}

std::optional<FactsPack> FactsPack::Decode(std::string bytes) {
  FactsPack pack;
  if (!Valid(bytes, &pack.count_)) return std::nullopt;
  pack.bytes_ = std::move(bytes);
  return pack;
}

FactsPack FactsPack::Read(const std::string& path, std::size_t max_bytes) {
  std::shared_ptr<const MappedFile> mapping = MappedFile::Open(path, max_bytes);
  FactsPack pack;
  if (!mapping || !Valid(mapping->bytes(), &pack.count_)) return {};
  pack.mapping_ = std::move(mapping);
  return pack;
}

std::vector<std::string_view> FactsPack::Keys() const {
  std::vector<std::string_view> keys;
  for (std::size_t i = 0; i < count_; ++i) keys.push_back(Bytes().substr(kHeader + i * kRecord, kKey));
  return keys;
}

std::string_view FactsPack::Bytes() const {
  return mapping_ ? mapping_->bytes() : std::string_view(bytes_);
}

std::optional<std::string_view> FactsPack::Find(std::string_view key) const {
  const std::string_view view = Bytes();
  std::size_t low = 0, high = count_;
  while (low < high) {
    const std::size_t mid = low + (high - low) / 2;
    const std::size_t at = kHeader + mid * kRecord;
    const std::string_view here = view.substr(at, kKey);
    if (here == key) {
      return view.substr(static_cast<std::size_t>(GetU64(view, at + kKey)),
                         static_cast<std::size_t>(GetU64(view, at + kKey + 8)));
    }
    if (here < key) low = mid + 1; else high = mid;
  }
  return std::nullopt;
}

}  // namespace seams
