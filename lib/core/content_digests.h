#pragma once
/// The digests of a tree's files, remembered by their stamps under
/// DIRECTORY/stamps: a file whose stamp (size, device, inode, modification and
/// change times) is what it was is not read again to learn that its bytes did
/// not change. This is git's index trick, and its one hazard is handled the same
/// way: a file written twice within the clock's granularity can keep its stamp,
/// so a stamp younger than kSettleNs before the run began is never remembered.
/// The change time cannot be set back by `touch`, so a rewritten file always
/// gets a new stamp.
///
/// Directory listings are remembered the same way, by the directory's own stamp:
/// its modification time moves whenever an entry is added, removed or renamed
/// (git's untracked cache rests on the same rule), so an unchanged directory
/// costs the walk one stat instead of an open, two reads of its entries and a
/// close. The files in it are still stamped one by one: their bytes can change
/// without their directory's time moving.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/core/file_system.h"

namespace seams {

class ContentDigests {
 public:
  /// A stamp must be at least this much older than the run to be remembered.
  static constexpr std::int64_t kSettleNs = 2'000'000'000;

  /// Reads DIRECTORY/stamps; a missing, truncated or corrupt file (its checksum
  /// does not hold) is read as empty, never an error. `now_ns` is when the run
  /// began, on the wall clock (tests pass another time).
  explicit ContentDigests(std::string directory, std::int64_t now_ns = NowNs());

  /// The digest (32 hex) remembered for `path` under `stamp`, or nullopt.
  std::optional<std::string> Find(const std::string& path, const FileStamp& stamp);
  /// Remembers `digest` as the bytes of `path` under `stamp`; a stamp that is
  /// unknown, or younger than kSettleNs before the run began, is not remembered.
  void Remember(const std::string& path, const FileStamp& stamp, const std::string& digest);
  /// The entries (names, types, symlink flags; no stamps) remembered for the
  /// directory `path` under its `stamp`, or nullopt.
  std::optional<std::vector<DirEntry>> FindListing(const std::string& path, const FileStamp& stamp);
  /// Remembers the listing of the directory `path` under its `stamp`, by the same
  /// rule as Remember: a stamp that is unknown or has not settled is not kept.
  void RememberListing(const std::string& path, const FileStamp& stamp, const std::vector<DirEntry>& entries);
  /// When this run remembered a digest that was not read from the file, writes
  /// the stamps it found or remembered (so those of deleted files go), under a
  /// temporary name then renamed: concurrent runs are safe. Failures are
  /// ignored: the stamps are an optimisation.
  void Save();

  /// The digest of `bytes`: a 128-bit XXH3, as 32 hex digits.
  static std::string Of(std::string_view bytes);
  static std::int64_t NowNs();

  /// The file's format, and back (nullopt when it does not hold): for tests and the fuzzer.
  struct Entry {
    FileStamp stamp;
    std::string digest;
    bool operator==(const Entry&) const = default;
  };
  struct Listing {
    FileStamp stamp;
    std::vector<DirEntry> entries;  ///< Without their stamps.
    bool operator==(const Listing&) const = default;
  };
  struct Contents {
    std::map<std::string, Entry> files;
    std::map<std::string, Listing> directories;
    bool operator==(const Contents&) const = default;
  };
  static std::string Encode(const Contents& contents);
  static std::optional<Contents> Decode(std::string_view bytes);

 private:
  bool Settled(const FileStamp& stamp) const;
  void Load(std::shared_ptr<const MappedFile> file);

  // The stamps file as read: its bytes, and its records viewed in place, sorted
  // by path. Never changed once loaded, so lookups take no lock.
  struct FileRecord {
    std::string_view path;
    FileStamp stamp;
    std::string_view digest;
  };
  struct DirRecord {
    std::string_view path;
    FileStamp stamp;
    std::size_t first = 0, count = 0;  // in entries_
  };
  struct EntryRecord {
    std::string_view name;
    EntryType type = EntryType::kOther;
    bool is_symlink = false;
  };
  std::string directory_;
  std::int64_t now_ns_;
  std::shared_ptr<const MappedFile> file_;  // the records are views into its bytes
  std::vector<FileRecord> files_;
  std::vector<DirRecord> dirs_;
  std::vector<EntryRecord> entries_;
  // Records this run looked up: only they are written back (a deleted file's go).
  std::unique_ptr<std::atomic<bool>[]> file_seen_, dir_seen_;

  std::mutex mutex_;
  Contents fresh_;  // remembered by this run and not as loaded; under mutex_
  std::atomic<bool> has_fresh_{false};
  bool changed_ = false;  // a remembered entry is not what was loaded; under mutex_
};

}  // namespace seams
