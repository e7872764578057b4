#pragma once
/// A revision of a git repository as a read-only FileSystem, read straight from
/// git objects: no checkout, no files written in the work tree.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lib/core/file_system.h"

namespace seams {

/// The tree of `revision` of the repository holding `path`, seen as if it were
/// checked out at `path`: FileSystem calls take the same paths as for the work
/// tree. Python files are read in one `git cat-file --batch`.
class GitTreeFileSystem : public FileSystem {
 public:
  /// Throws SeamsError(kInput) when `path` is not in a git work tree or
  /// `revision` does not name a commit.
  GitTreeFileSystem(const std::string& path, const std::string& revision);

  std::optional<EntryType> Stat(const std::string& path) const override;
  bool ListDirectory(const std::string& path, std::vector<DirEntry>* entries, std::string* error) const override;
  bool ReadFile(const std::string& path, std::string* contents, std::string* error) const override;
  std::optional<std::uint64_t> FileSize(const std::string& path) const override;
  std::optional<std::string> Canonical(const std::string& path) const override;

 private:
  /// The tree path of `path` (relative to the repository top), or nullopt when outside.
  std::optional<std::string> TreePath(const std::string& path) const;

  std::string root_;       // the analysed path as given
  std::string canonical_;  // its real path, for the project name
  std::string prefix_;     // its path inside the repository ("" or "sub/dir/")
  std::string top_;        // the repository's top directory, real path
  std::map<std::string, std::string> files_;  // tree path → contents (Python files) or "" (others)
  std::map<std::string, std::uint64_t> sizes_;
  std::set<std::string> directories_;
};

}  // namespace seams
