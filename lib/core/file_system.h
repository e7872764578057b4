#pragma once
/// Disk access behind an interface, so tests and fuzzers run in memory.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seams {

enum class EntryType { kFile, kDirectory, kOther };

/// What a stat says of a regular file: its size and, when `known`, the device,
/// inode and modification and change times (ns), which change whenever its bytes
/// do (see ContentDigests). A file system without them (memory, git objects)
/// gives the size alone.
struct FileStamp {
  std::uint64_t size = 0;
  bool known = false;
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::int64_t modified_ns = 0;
  std::int64_t changed_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

/// One entry of a directory listing. Symlinks are followed: `type` is the
/// type of the target, `is_symlink` says the entry itself was a link.
struct DirEntry {
  std::string name;
  EntryType type = EntryType::kOther;
  bool is_symlink = false;
  /// Set for the files a listing was asked to stamp (ListDirectoryWithIdentity).
  std::optional<FileStamp> stamp;
  bool operator==(const DirEntry&) const = default;
};

/// What the analysis needs of a file system. Paths are '/'-separated strings.
class FileSystem {
 public:
  virtual ~FileSystem() = default;

  /// Type of the entry at `path` after following symlinks, or nullopt when it
  /// does not exist or cannot be reached (e.g. a symlink loop).
  virtual std::optional<EntryType> Stat(const std::string& path) const = 0;

  /// Lists `path` sorted by name. Returns false and sets `error` on failure.
  virtual bool ListDirectory(const std::string& path, std::vector<DirEntry>* entries,
                             std::string* error) const = 0;

  /// ListDirectory and DirectoryIdentity in one: what a walk needs of each directory,
  /// with the stamp of every file whose name ends in `stamp_suffix` (none when empty).
  /// Sets `error` ("cannot resolve directory", or why the listing failed) on failure.
  virtual bool ListDirectoryWithIdentity(const std::string& path, std::vector<DirEntry>* entries,
                                         std::string* identity, std::string* error,
                                         std::string_view stamp_suffix = {}) const;

  /// Reads a whole file. Returns false and sets `error` on failure.
  virtual bool ReadFile(const std::string& path, std::string* contents, std::string* error) const = 0;

  /// The stamp of the directory at `path` (after symlinks), whose device and inode
  /// are its identity; nullopt when unknown or when the file system keeps no times.
  virtual std::optional<FileStamp> StampDirectory(const std::string&) const { return std::nullopt; }

  /// Size in bytes of the file at `path`, or nullopt when unknown.
  virtual std::optional<std::uint64_t> FileSize(const std::string& path) const = 0;

  /// The stamp of the file at `path` (the size alone unless the file system keeps
  /// times), or nullopt when unknown.
  virtual std::optional<FileStamp> StampFile(const std::string& path) const {
    auto size = FileSize(path);
    if (!size) return std::nullopt;
    FileStamp stamp;
    stamp.size = *size;
    return stamp;
  }

  /// The canonical absolute path of `path`, or nullopt when it cannot be resolved.
  virtual std::optional<std::string> Canonical(const std::string& path) const = 0;

  /// A cheap identity of a directory (device and inode on disk), equal for two
  /// paths reaching the same directory; used to detect symlink cycles.
  virtual std::optional<std::string> DirectoryIdentity(const std::string& path) const { return Canonical(path); }
};

/// The real disk.
class RealFileSystem : public FileSystem {
 public:
  std::optional<EntryType> Stat(const std::string& path) const override;
  bool ListDirectory(const std::string& path, std::vector<DirEntry>* entries,
                     std::string* error) const override;
  /// One open descriptor gives all: fstat for the identity, getdents64 for the entries,
  /// fstatat relative to it for the stamps.
  bool ListDirectoryWithIdentity(const std::string& path, std::vector<DirEntry>* entries, std::string* identity,
                                 std::string* error, std::string_view stamp_suffix = {}) const override;
  bool ReadFile(const std::string& path, std::string* contents, std::string* error) const override;
  std::optional<std::uint64_t> FileSize(const std::string& path) const override;
  std::optional<FileStamp> StampFile(const std::string& path) const override;
  std::optional<FileStamp> StampDirectory(const std::string& path) const override;
  std::optional<std::string> Canonical(const std::string& path) const override;
  std::optional<std::string> DirectoryIdentity(const std::string& path) const override;
};

/// An in-memory tree for tests: files by path; directories are implied by the
/// files beneath them or added explicitly. Files can be marked unreadable.
class MemoryFileSystem : public FileSystem {
 public:
  /// Adds (or replaces) a file; parent directories come into existence.
  void AddFile(const std::string& path, std::string contents);
  /// Adds an empty directory.
  void AddDirectory(const std::string& path);
  /// Makes ReadFile fail on `path` with a permission error.
  void MarkUnreadable(const std::string& path);

  std::optional<EntryType> Stat(const std::string& path) const override;
  bool ListDirectory(const std::string& path, std::vector<DirEntry>* entries,
                     std::string* error) const override;
  bool ReadFile(const std::string& path, std::string* contents, std::string* error) const override;
  std::optional<std::uint64_t> FileSize(const std::string& path) const override;
  std::optional<std::string> Canonical(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, bool> directories_;
  std::map<std::string, bool> unreadable_;
};

/// The bytes of `path` when it is a regular file of at most `max_bytes`, else
/// nullopt: a directory, a FIFO (opened without blocking, never read) or a link
/// to a device is refused, and nothing is read past the size the file had when
/// opened. For cache entries, which any process may have damaged.
std::optional<std::string> ReadRegularFile(const std::string& path, std::size_t max_bytes);

/// A regular file's bytes, mapped read-only and populated at once: no copy and
/// no zeroed buffer, which on a VM cost more than the system calls they save.
/// The same refusals as ReadRegularFile (nullptr). For the cache files Seams
/// replaces by rename only (the facts pack, the stamps): another process that
/// truncated one in place while it is mapped would stop the run (SIGBUS).
class MappedFile {
 public:
  static std::shared_ptr<const MappedFile> Open(const std::string& path, std::size_t max_bytes);
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();
  std::string_view bytes() const { return {static_cast<const char*>(address_), size_}; }

 private:
  MappedFile() = default;
  void* address_ = nullptr;
  std::size_t size_ = 0;
};

/// Deletes all of `paths` but the `keep` last modified (a cache's pruning);
/// a file that cannot be stat'ed or removed is left alone.
void RemoveAllButNewest(std::vector<std::filesystem::path> paths, std::size_t keep);

/// Writes `bytes` to DIRECTORY/NAME (creating the directory) under a name no
/// other process or thread uses, then renames it into place: a reader sees the
/// old file or the new one, never half of one. False on failure, which leaves
/// nothing behind. For cache entries.
bool ReplaceFile(const std::string& directory, const std::string& name, std::string_view bytes);
/// The same, with the bytes in pieces, written in order (no copy joins them).
bool ReplaceFile(const std::string& directory, const std::string& name, const std::vector<std::string_view>& pieces);

/// The identity DirectoryIdentity gives, from a directory's stamp ("device:inode").
std::string IdentityOfStamp(const FileStamp& stamp);

/// Joins two '/'-separated path parts ("a" + "b" → "a/b"; "" + "b" → "b").
std::string JoinPath(const std::string& base, const std::string& name);

}  // namespace seams
