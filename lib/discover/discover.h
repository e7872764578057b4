#pragma once
/// Stage 1: walk a directory and name its modules.

#include "lib/core/file_system.h"
#include "lib/discover/project.h"

namespace seams {

/// Walks `root` on `fs`: finds Python files (skipping VCS, virtualenv,
/// node_modules, site-packages, __pycache__, build and hidden directories and
/// the `exclude` globs), finds the import roots (the root, a `src/` layout,
/// directories holding manage.py; or the parent of the root when the root is
/// itself a package) and maps every file to its dotted module name.
///
/// Throws SeamsError(kInput) when `root` is not a readable directory;
/// everything else it meets is a Diagnostic in the result.
Project Discover(const FileSystem& fs, const std::string& root, const DiscoverOptions& options);

/// Dotted module name of `relative_path` (a .py file) under import root `import_root`;
/// "a/b/__init__.py" → "a.b". `prefix` is prepended when non-empty.
std::string ModuleNameFor(const std::string& relative_path, const std::string& import_root,
                          const std::string& prefix);

/// Glob match where `*` and `?` stay within one path segment and `**` matches
/// any number of segments. Used for --exclude.
bool GlobMatch(const std::string& pattern, const std::string& path);

}  // namespace seams
