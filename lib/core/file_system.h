#pragma once
/// Disk access behind an interface, so tests and fuzzers run in memory.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace seams {

enum class EntryType { kFile, kDirectory, kOther };

/// One entry of a directory listing. Symlinks are followed: `type` is the
/// type of the target, `is_symlink` says the entry itself was a link.
struct DirEntry {
  std::string name;
  EntryType type = EntryType::kOther;
  bool is_symlink = false;
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

  /// ListDirectory and DirectoryIdentity in one: what a walk needs of each directory.
  /// Sets `error` ("cannot resolve directory", or why the listing failed) on failure.
  virtual bool ListDirectoryWithIdentity(const std::string& path, std::vector<DirEntry>* entries,
                                         std::string* identity, std::string* error) const {
    auto id = DirectoryIdentity(path);
    if (!id) {
      *error = "cannot resolve directory";
      return false;
    }
    *identity = std::move(*id);
    return ListDirectory(path, entries, error);
  }

  /// Reads a whole file. Returns false and sets `error` on failure.
  virtual bool ReadFile(const std::string& path, std::string* contents, std::string* error) const = 0;

  /// Size in bytes of the file at `path`, or nullopt when unknown.
  virtual std::optional<std::uint64_t> FileSize(const std::string& path) const = 0;

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
  /// One open descriptor gives both: fstat for the identity, getdents64 for the entries.
  bool ListDirectoryWithIdentity(const std::string& path, std::vector<DirEntry>* entries, std::string* identity,
                                 std::string* error) const override;
  bool ReadFile(const std::string& path, std::string* contents, std::string* error) const override;
  std::optional<std::uint64_t> FileSize(const std::string& path) const override;
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

/// Joins two '/'-separated path parts ("a" + "b" → "a/b"; "" + "b" → "b").
std::string JoinPath(const std::string& base, const std::string& name);

}  // namespace seams
