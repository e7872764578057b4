#pragma once
/// What discovery finds: the Python files of a tree, their import roots and
/// dotted module names, and the Django layout visible without parsing.

#include <cstdint>
#include <string>
#include <vector>

#include "lib/core/content_digests.h"
#include "lib/core/diagnostic.h"
#include "lib/core/file_system.h"
#include "lib/core/progress.h"

namespace seams {

/// One Python source file of the project.
struct SourceFile {
  std::string path;         ///< Relative to the analysed directory, '/'-separated.
  std::string module;       ///< Dotted module name ("shop.orders.models"; a package's __init__ is "shop.orders").
  std::string import_root;  ///< The import root it was named from, relative ("" is the analysed directory).
  bool is_package = false;  ///< True for an __init__.py.
  bool is_test = false;     ///< Tests and test helpers: under tests/, *_tests/, testing/, test_utils/, fixtures/, factories/,
                            ///< or named test_*.py, *_test(s).py, tests.py, conftest.py, factories.py, testing.py.
  bool is_migration = false;///< Under a migrations/ package.
  std::uint64_t size = 0;   ///< Bytes on disk.
  FileStamp stamp;          ///< What the walk's stat said (size, and inode and times on disk).
  bool too_large = false;   ///< Over DiscoverOptions::max_file_bytes: a module, but not parsed.
};

/// Options of the walk.
struct DiscoverOptions {
  std::vector<std::string> exclude;  ///< Globs matched against relative paths (`**` crosses '/').
  std::uint64_t max_file_bytes = 10u << 20;  ///< Larger files are listed but not parsed.
  ProgressFn progress;  ///< Told the number of Python files found so far (total 0); may be empty.
  /// Directory listings remembered by their stamps (a warm walk lists only the
  /// directories that changed), and remembered for the next run. May be null.
  ContentDigests* digests = nullptr;
};

/// The discovered project. Files are sorted by path; modules are unique.
struct Project {
  std::string root;                       ///< The analysed directory as given.
  std::string name;                       ///< Its base name, used in reports instead of absolute paths.
  std::string package_prefix;             ///< When the root is itself inside packages ("django"), their dotted name.
  std::vector<std::string> import_roots;  ///< Relative, sorted; "" is the root itself.
  std::vector<SourceFile> files;          ///< Every Python file found, sorted by path.
  std::vector<std::string> manage_py;     ///< Relative paths of manage.py files, sorted.
  std::vector<Diagnostic> diagnostics;    ///< Unreadable directories, symlink loops, skipped files.
};

}  // namespace seams
