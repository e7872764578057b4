#include "lib/core/content_digests.h"

#include <charconv>
#include <chrono>
#include <cinttypes>
#include <cstdio>

#include "lib/core/content_hash.h"

namespace seams {

namespace {

constexpr char kMagic[] = "seams-stamps/2 ";
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

bool ContentDigests::Settled(const FileStamp& stamp) const {
  // Written too recently: another write within the clock's granularity would keep this stamp.
  const std::int64_t settled = now_ns_ - kSettleNs;
  return stamp.known && stamp.modified_ns < settled && stamp.changed_ns < settled;
}

namespace {

// What this run found or remembered for `path`: moved from what was loaded on
// first use (no copy), so that Save writes only what this run saw.
template <typename Map>
typename Map::iterator Use(Map* read, Map* used, const std::string& path) {
  auto it = used->find(path);
  if (it != used->end()) return it;
  auto node = read->extract(path);
  if (node.empty()) return used->end();
  return used->insert(std::move(node)).position;
}

// Records `value` as what this run saw for `path`; true when it is news (not what was loaded).
template <typename Map>
bool Put(Map* read, Map* used, const std::string& path, typename Map::mapped_type value) {
  auto it = Use(read, used, path);
  if (it == used->end()) {
    used->emplace(path, std::move(value));
    return true;
  }
  if (it->second == value) return false;
  it->second = std::move(value);
  return true;
}

}  // namespace

std::optional<std::string> ContentDigests::Find(const std::string& path, const FileStamp& stamp) {
  if (!stamp.known) return std::nullopt;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = Use(&read_.files, &used_.files, path);
  if (it == used_.files.end() || !(it->second.stamp == stamp)) return std::nullopt;
  return it->second.digest;
}

void ContentDigests::Remember(const std::string& path, const FileStamp& stamp, const std::string& digest) {
  if (!Settled(stamp) || !IsDigest(digest)) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (Put(&read_.files, &used_.files, path, Entry{stamp, digest})) changed_ = true;
}

std::optional<std::vector<DirEntry>> ContentDigests::FindListing(const std::string& path, const FileStamp& stamp) {
  if (!stamp.known) return std::nullopt;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = Use(&read_.directories, &used_.directories, path);
  if (it == used_.directories.end() || !(it->second.stamp == stamp)) return std::nullopt;
  return it->second.entries;
}

void ContentDigests::RememberListing(const std::string& path, const FileStamp& stamp,
                                     const std::vector<DirEntry>& entries) {
  if (!Settled(stamp)) return;
  Listing listing{stamp, entries};
  for (auto& entry : listing.entries) entry.stamp.reset();
  std::lock_guard<std::mutex> lock(mutex_);
  if (Put(&read_.directories, &used_.directories, path, std::move(listing))) changed_ = true;
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

namespace {

void PutStamp(std::string* out, const std::string& path, const FileStamp& s) {
  *out += std::to_string(path.size()) + ' ' + path + ' ' + std::to_string(s.size) + ' ' + std::to_string(s.device) +
          ' ' + std::to_string(s.inode) + ' ' + std::to_string(s.modified_ns) + ' ' + std::to_string(s.changed_ns) +
          ' ';
}

// "<length> <bytes> ": a name that may hold any byte.
bool Name(std::string_view* rest, std::string* name) {
  std::size_t length = 0;
  if (!Number(rest, &length, ' ') || length >= rest->size() || (*rest)[length] != ' ') return false;
  *name = std::string(rest->substr(0, length));
  rest->remove_prefix(length + 1);
  return true;
}

bool GetStamp(std::string_view* rest, std::string* path, FileStamp* s) {
  s->known = true;
  return Name(rest, path) && Number(rest, &s->size, ' ') && Number(rest, &s->device, ' ') &&
         Number(rest, &s->inode, ' ') && Number(rest, &s->modified_ns, ' ') && Number(rest, &s->changed_ns, ' ');
}

}  // namespace

std::string ContentDigests::Encode(const Contents& contents) {
  std::string body;
  for (const auto& [path, entry] : contents.files) {
    body += "f ";
    PutStamp(&body, path, entry.stamp);
    body += entry.digest + '\n';
  }
  for (const auto& [path, listing] : contents.directories) {
    body += "d ";
    PutStamp(&body, path, listing.stamp);
    body += std::to_string(listing.entries.size()) + '\n';
    for (const auto& e : listing.entries) {
      body += std::to_string(e.name.size()) + ' ' + e.name + ' ' + std::to_string(static_cast<int>(e.type)) + ' ' +
              (e.is_symlink ? '1' : '0') + '\n';
    }
  }
  return kMagic + Checksum(body) + '\n' + body;
}

std::optional<ContentDigests::Contents> ContentDigests::Decode(std::string_view bytes) {
  const std::size_t header = sizeof kMagic - 1 + 16 + 1;
  if (bytes.size() < header || bytes.substr(0, sizeof kMagic - 1) != kMagic || bytes[header - 1] != '\n') {
    return std::nullopt;
  }
  std::string_view rest = bytes.substr(header);
  if (bytes.substr(sizeof kMagic - 1, 16) != Checksum(rest)) return std::nullopt;
  Contents contents;
  while (!rest.empty()) {
    const char kind = rest[0];
    if (rest.size() < 2 || (kind != 'f' && kind != 'd') || rest[1] != ' ') return std::nullopt;
    rest.remove_prefix(2);
    std::string path;
    FileStamp stamp;
    if (!GetStamp(&rest, &path, &stamp)) return std::nullopt;
    if (kind == 'f') {
      if (rest.size() < 33 || rest[32] != '\n' || !IsDigest(rest.substr(0, 32))) return std::nullopt;
      Entry entry{stamp, std::string(rest.substr(0, 32))};
      rest.remove_prefix(33);
      if (!contents.files.emplace(std::move(path), std::move(entry)).second) return std::nullopt;
      continue;
    }
    std::size_t count = 0;
    if (!Number(&rest, &count, '\n') || count > rest.size()) return std::nullopt;
    Listing listing{stamp, {}};
    for (std::size_t i = 0; i < count; ++i) {
      DirEntry e;
      int type = 0, link = 0;
      if (!Name(&rest, &e.name) || !Number(&rest, &type, ' ') || !Number(&rest, &link, '\n') || type < 0 ||
          type > static_cast<int>(EntryType::kOther) || link < 0 || link > 1) {
        return std::nullopt;
      }
      e.type = static_cast<EntryType>(type);
      e.is_symlink = link == 1;
      listing.entries.push_back(std::move(e));
    }
    if (!contents.directories.emplace(std::move(path), std::move(listing)).second) return std::nullopt;
  }
  return contents;
}

}  // namespace seams
