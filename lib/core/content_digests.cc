#include "lib/core/content_digests.h"

#include <algorithm>
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

std::string Checksum(std::string_view body) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016" PRIx64, ContentHash64(kMagic, body));
  return hex;
}

}  // namespace

ContentDigests::ContentDigests(std::string directory, std::int64_t now_ns)
    : directory_(std::move(directory)), now_ns_(now_ns) {
  if (directory_.empty()) return;
  if (std::shared_ptr<const MappedFile> file = MappedFile::Open(directory_ + "/stamps", kMaxBytes)) Load(std::move(file));
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

// "<length> <bytes> ": a name that may hold any byte.
bool Name(std::string_view* rest, std::string_view* name) {
  std::size_t length = 0;
  if (!Number(rest, &length, ' ') || length >= rest->size() || (*rest)[length] != ' ') return false;
  *name = rest->substr(0, length);
  rest->remove_prefix(length + 1);
  return true;
}

bool GetStamp(std::string_view* rest, std::string_view* path, FileStamp* s) {
  s->known = true;
  return Name(rest, path) && Number(rest, &s->size, ' ') && Number(rest, &s->device, ' ') &&
         Number(rest, &s->inode, ' ') && Number(rest, &s->modified_ns, ' ') && Number(rest, &s->changed_ns, ' ');
}

// Reads the records of a stamps file in order: on_file(path, stamp, digest) for a
// file; on_dir(path, stamp, count), then on_entry(name, type, is_symlink) for each
// of its entries, for a directory. False when the bytes are not what Encode
// writes (the checksum, the header, each field); the callbacks may have run.
template <typename OnFile, typename OnDir, typename OnEntry>
bool ReadRecords(std::string_view bytes, OnFile&& on_file, OnDir&& on_dir, OnEntry&& on_entry) {
  const std::size_t header = sizeof kMagic - 1 + 16 + 1;
  if (bytes.size() < header || bytes.substr(0, sizeof kMagic - 1) != kMagic || bytes[header - 1] != '\n') {
    return false;
  }
  std::string_view rest = bytes.substr(header);
  if (bytes.substr(sizeof kMagic - 1, 16) != Checksum(rest)) return false;
  while (!rest.empty()) {
    const char kind = rest[0];
    if (rest.size() < 2 || (kind != 'f' && kind != 'd') || rest[1] != ' ') return false;
    rest.remove_prefix(2);
    std::string_view path;
    FileStamp stamp;
    if (!GetStamp(&rest, &path, &stamp)) return false;
    if (kind == 'f') {
      if (rest.size() < 33 || rest[32] != '\n' || !IsHexDigest(rest.substr(0, 32))) return false;
      on_file(path, stamp, rest.substr(0, 32));
      rest.remove_prefix(33);
      continue;
    }
    std::size_t count = 0;
    if (!Number(&rest, &count, '\n') || count > rest.size()) return false;
    on_dir(path, stamp, count);
    for (std::size_t i = 0; i < count; ++i) {
      std::string_view name;
      int type = 0, link = 0;
      if (!Name(&rest, &name) || !Number(&rest, &type, ' ') || !Number(&rest, &link, '\n') || type < 0 ||
          type > static_cast<int>(EntryType::kOther) || link < 0 || link > 1) {
        return false;
      }
      on_entry(name, static_cast<EntryType>(type), link == 1);
    }
  }
  return true;
}

// The record for `path` in `records` (sorted by path), or nullptr.
template <typename Record>
const Record* FindRecord(const std::vector<Record>& records, std::string_view path) {
  auto it = std::lower_bound(records.begin(), records.end(), path,
                             [](const Record& r, std::string_view p) { return r.path < p; });
  return it != records.end() && it->path == path ? &*it : nullptr;
}

// Sorted by path with no path twice, as Encode writes them (read from a std::map).
template <typename Record>
bool Canonical(const std::vector<Record>& records) {
  return std::adjacent_find(records.begin(), records.end(),
                            [](const Record& a, const Record& b) { return !(a.path < b.path); }) == records.end();
}

}  // namespace

void ContentDigests::Load(std::shared_ptr<const MappedFile> file) {
  file_ = std::move(file);
  bool ok = ReadRecords(
      file_->bytes(), [&](std::string_view path, const FileStamp& stamp, std::string_view digest) {
        files_.push_back({path, stamp, digest});
      },
      [&](std::string_view path, const FileStamp& stamp, std::size_t count) {
        dirs_.push_back({path, stamp, entries_.size(), count});
      },
      [&](std::string_view name, EntryType type, bool link) { entries_.push_back({name, type, link}); });
  if (!ok || !Canonical(files_) || !Canonical(dirs_)) {  // damaged: read as empty
    file_.reset();
    files_.clear();
    dirs_.clear();
    entries_.clear();
  }
  file_seen_ = std::make_unique<std::atomic<bool>[]>(files_.size());
  dir_seen_ = std::make_unique<std::atomic<bool>[]>(dirs_.size());
}

std::optional<std::string> ContentDigests::Find(const std::string& path, const FileStamp& stamp) {
  if (!stamp.known) return std::nullopt;
  if (has_fresh_.load(std::memory_order_acquire)) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = fresh_.files.find(path);
    if (it != fresh_.files.end()) return it->second.stamp == stamp ? std::optional(it->second.digest) : std::nullopt;
  }
  const FileRecord* record = FindRecord(files_, path);
  if (!record) return std::nullopt;
  file_seen_[static_cast<std::size_t>(record - files_.data())].store(true, std::memory_order_relaxed);
  if (!(record->stamp == stamp)) return std::nullopt;
  return std::string(record->digest);
}

void ContentDigests::Remember(const std::string& path, const FileStamp& stamp, const std::string& digest) {
  if (!Settled(stamp) || !IsHexDigest(digest)) return;
  std::lock_guard<std::mutex> lock(mutex_);
  auto fresh = fresh_.files.find(path);
  if (fresh == fresh_.files.end()) {
    const FileRecord* record = FindRecord(files_, path);
    if (record && record->stamp == stamp && record->digest == digest) {  // what was loaded
      file_seen_[static_cast<std::size_t>(record - files_.data())].store(true, std::memory_order_relaxed);
      return;
    }
  } else if (fresh->second == Entry{stamp, digest}) {
    return;
  }
  fresh_.files[path] = Entry{stamp, digest};
  has_fresh_.store(true, std::memory_order_release);
  changed_ = true;
}

std::optional<std::vector<DirEntry>> ContentDigests::FindListing(const std::string& path, const FileStamp& stamp) {
  if (!stamp.known) return std::nullopt;
  if (has_fresh_.load(std::memory_order_acquire)) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = fresh_.directories.find(path);
    if (it != fresh_.directories.end()) {
      return it->second.stamp == stamp ? std::optional(it->second.entries) : std::nullopt;
    }
  }
  const DirRecord* record = FindRecord(dirs_, path);
  if (!record) return std::nullopt;
  dir_seen_[static_cast<std::size_t>(record - dirs_.data())].store(true, std::memory_order_relaxed);
  if (!(record->stamp == stamp)) return std::nullopt;
  std::vector<DirEntry> entries(record->count);
  for (std::size_t i = 0; i < record->count; ++i) {
    const EntryRecord& e = entries_[record->first + i];
    entries[i].name = e.name;
    entries[i].type = e.type;
    entries[i].is_symlink = e.is_symlink;
  }
  return entries;
}

void ContentDigests::RememberListing(const std::string& path, const FileStamp& stamp,
                                     const std::vector<DirEntry>& entries) {
  if (!Settled(stamp)) return;
  Listing listing{stamp, entries};
  for (auto& entry : listing.entries) entry.stamp.reset();
  std::lock_guard<std::mutex> lock(mutex_);
  auto fresh = fresh_.directories.find(path);
  if (fresh == fresh_.directories.end()) {
    const DirRecord* record = FindRecord(dirs_, path);
    auto same = [&] {
      if (!(record->stamp == stamp) || record->count != listing.entries.size()) return false;
      for (std::size_t i = 0; i < record->count; ++i) {
        const EntryRecord& e = entries_[record->first + i];
        const DirEntry& d = listing.entries[i];
        if (e.name != d.name || e.type != d.type || e.is_symlink != d.is_symlink) return false;
      }
      return true;
    };
    if (record && same()) {  // what was loaded
      dir_seen_[static_cast<std::size_t>(record - dirs_.data())].store(true, std::memory_order_relaxed);
      return;
    }
  } else if (fresh->second == listing) {
    return;
  }
  fresh_.directories[path] = std::move(listing);
  has_fresh_.store(true, std::memory_order_release);
  changed_ = true;
}

void ContentDigests::Save() {
  std::string bytes;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (directory_.empty() || !changed_) return;
    // What this run saw: the records it looked up, unless it remembered them anew.
    Contents used = fresh_;
    for (std::size_t i = 0; i < files_.size(); ++i) {
      const FileRecord& r = files_[i];
      if (file_seen_[i].load(std::memory_order_relaxed)) {
        used.files.emplace(std::string(r.path), Entry{r.stamp, std::string(r.digest)});
      }
    }
    for (std::size_t i = 0; i < dirs_.size(); ++i) {
      const DirRecord& r = dirs_[i];
      if (!dir_seen_[i].load(std::memory_order_relaxed)) continue;
      Listing listing{r.stamp, {}};
      for (std::size_t k = 0; k < r.count; ++k) {
        const EntryRecord& e = entries_[r.first + k];
        DirEntry entry;
        entry.name = e.name;
        entry.type = e.type;
        entry.is_symlink = e.is_symlink;
        listing.entries.push_back(std::move(entry));
      }
      used.directories.emplace(std::string(r.path), std::move(listing));
    }
    bytes = Encode(used);
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
  Contents contents;
  bool unique = true;
  Listing* listing = nullptr;
  bool ok = ReadRecords(
      bytes, [&](std::string_view path, const FileStamp& stamp, std::string_view digest) {
        unique = contents.files.emplace(std::string(path), Entry{stamp, std::string(digest)}).second && unique;
      },
      [&](std::string_view path, const FileStamp& stamp, std::size_t) {
        auto [it, inserted] = contents.directories.emplace(std::string(path), Listing{stamp, {}});
        unique = inserted && unique;
        listing = &it->second;
      },
      [&](std::string_view name, EntryType type, bool link) {
        DirEntry entry;
        entry.name = name;
        entry.type = type;
        entry.is_symlink = link;
        listing->entries.push_back(std::move(entry));
      });
  if (!ok || !unique) return std::nullopt;
  return contents;
}

}  // namespace seams
