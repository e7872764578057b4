#include "lib/core/content_digests.h"

#include <charconv>
#include <chrono>
#include <cinttypes>
#include <cstdio>

#include "lib/core/content_hash.h"

namespace seams {

namespace {

constexpr char kMagic[] = "seams-stamps/1 ";
constexpr std::size_t kMaxBytes = std::size_t{256} << 20;

// Reads one unsigned decimal (or signed, for times) and the separator after it.
template <typename T>
bool Number(std::string_view* rest, T* value, char separator) {
  auto [end, ec] = std::from_chars(rest->data(), rest->data() + rest->size(), *value);
  if (ec != std::errc() || end == rest->data() + rest->size() || *end != separator) return false;
  rest->remove_prefix(static_cast<std::size_t>(end - rest->data()) + 1);
  return true;
}

bool IsDigest(std::string_view text) {
  if (text.size() != 32) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string Checksum(std::string_view body) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016" PRIx64, ContentHash64(kMagic, body));
  return hex;
}

}  // namespace

ContentDigests::ContentDigests(std::string directory, std::int64_t now_ns)
    : directory_(std::move(directory)), now_ns_(now_ns) {
  if (directory_.empty()) return;
  if (std::optional<std::string> bytes = ReadRegularFile(directory_ + "/stamps", kMaxBytes)) {
    if (auto entries = Decode(*bytes)) read_ = std::move(*entries);
  }
}

std::int64_t ContentDigests::NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string ContentDigests::Of(std::string_view bytes) { return ContentHashHex({}, bytes); }

std::optional<std::string> ContentDigests::Find(const std::string& path, const FileStamp& stamp) {
  if (!stamp.known) return std::nullopt;
  std::lock_guard<std::mutex> lock(mutex_);
  auto used = used_.find(path);
  if (used != used_.end()) {
    if (used->second.stamp == stamp) return used->second.digest;
    return std::nullopt;
  }
  auto it = read_.find(path);
  if (it == read_.end() || !(it->second.stamp == stamp)) return std::nullopt;
  used_.emplace(path, it->second);
  return it->second.digest;
}

void ContentDigests::Remember(const std::string& path, const FileStamp& stamp, const std::string& digest) {
  if (!stamp.known || !IsDigest(digest)) return;
  // Written too recently: another write within the clock's granularity would keep this stamp.
  const std::int64_t settled = now_ns_ - kSettleNs;
  if (stamp.modified_ns >= settled || stamp.changed_ns >= settled) return;
  std::lock_guard<std::mutex> lock(mutex_);
  Entry entry{stamp, digest};
  auto it = read_.find(path);
  if (it == read_.end() || !(it->second == entry)) changed_ = true;
  used_[path] = std::move(entry);
}

void ContentDigests::Save() {
  std::string bytes;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (directory_.empty() || !changed_) return;
    bytes = Encode(used_);
    changed_ = false;
  }
  ReplaceFile(directory_, "stamps", bytes);
}

std::string ContentDigests::Encode(const std::map<std::string, Entry>& entries) {
  std::string body;
  for (const auto& [path, entry] : entries) {
    const FileStamp& s = entry.stamp;
    body += std::to_string(path.size()) + ' ' + path + ' ' + std::to_string(s.size) + ' ' + std::to_string(s.device) +
            ' ' + std::to_string(s.inode) + ' ' + std::to_string(s.modified_ns) + ' ' + std::to_string(s.changed_ns) +
            ' ' + entry.digest + '\n';
  }
  return kMagic + Checksum(body) + '\n' + body;
}

std::optional<std::map<std::string, ContentDigests::Entry>> ContentDigests::Decode(std::string_view bytes) {
  const std::size_t header = sizeof kMagic - 1 + 16 + 1;
  if (bytes.size() < header || bytes.substr(0, sizeof kMagic - 1) != kMagic || bytes[header - 1] != '\n') {
    return std::nullopt;
  }
  std::string_view rest = bytes.substr(header);
  if (bytes.substr(sizeof kMagic - 1, 16) != Checksum(rest)) return std::nullopt;
  std::map<std::string, Entry> entries;
  while (!rest.empty()) {
    std::size_t length = 0;
    if (!Number(&rest, &length, ' ') || length >= rest.size() || rest[length] != ' ') return std::nullopt;
    std::string path(rest.substr(0, length));
    rest.remove_prefix(length + 1);
    Entry entry;
    FileStamp& s = entry.stamp;
    s.known = true;
    if (!Number(&rest, &s.size, ' ') || !Number(&rest, &s.device, ' ') || !Number(&rest, &s.inode, ' ') ||
        !Number(&rest, &s.modified_ns, ' ') || !Number(&rest, &s.changed_ns, ' ')) {
      return std::nullopt;
    }
    if (rest.size() < 33 || rest[32] != '\n' || !IsDigest(rest.substr(0, 32))) return std::nullopt;
    entry.digest = std::string(rest.substr(0, 32));
    rest.remove_prefix(33);
    if (!entries.emplace(std::move(path), std::move(entry)).second) return std::nullopt;
  }
  return entries;
}

}  // namespace seams
