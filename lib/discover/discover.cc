#include "lib/discover/discover.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "lib/core/error.h"

namespace seams {

namespace {

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : path) {
    if (c == '/') {
      if (!current.empty()) parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) parts.push_back(current);
  return parts;
}

// Directories never worth descending into: VCS data, caches, dependency trees.
bool IsSkippedDirName(const std::string& name) {
  static const std::set<std::string> kSkipped = {
      "node_modules", "site-packages", "dist-packages", "__pycache__", "venv", "virtualenv",
      "htmlcov", "bower_components"};
  return name.empty() || name[0] == '.' || kSkipped.count(name) > 0;
}

// Tests and what only tests use: test packages (`tests/`, shuup's `shuup_tests/`),
// test helper packages (`testing/`, `test_utils/`), fixtures and factory_boy factories.
bool IsTestPath(const std::vector<std::string>& parts) {
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    const std::string& dir = parts[i];
    if (dir == "tests" || dir == "test" || dir == "testing" || dir == "test_utils" || dir == "testutils" ||
        dir == "fixtures" || dir == "factories" || dir.ends_with("_tests") || dir.ends_with("_testing"))
      return true;
  }
  const std::string& file = parts.back();
  return file == "tests.py" || file == "conftest.py" || file == "factories.py" || file == "testing.py" ||
         file == "test_utils.py" || file.rfind("test_", 0) == 0 || file.ends_with("_test.py") ||
         file.ends_with("_tests.py") || file.ends_with("_factories.py");
}

bool IsMigrationPath(const std::vector<std::string>& parts) {
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (parts[i] == "migrations") return true;
  }
  return false;
}

std::string Dirname(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

// Glob matching without backtracking blow-up: on a mismatch, only the most
// recent star is retried one step further. That is exact for patterns whose only
// wildcard spanning several items is the star, and takes time proportional to
// pattern × subject at worst (linear in practice), where plain recursion over
// every star is exponential in their number (400 `**/` took 30 s).

// Matches one path segment against one pattern segment with * and ?.
bool SegmentMatch(std::string_view p, std::string_view s) {
  std::size_t pi = 0, si = 0;
  std::size_t star = std::string_view::npos, resume = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      resume = si;
    } else if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
      ++pi;
      ++si;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      si = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

// The same walk one level up: `**` is the star over whole segments.
bool GlobMatchParts(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
  std::size_t pi = 0, si = 0;
  std::size_t star = std::string::npos, resume = 0;
  while (si < path.size()) {
    if (pi < pattern.size() && pattern[pi] == "**") {
      star = pi++;
      resume = si;
    } else if (pi < pattern.size() && SegmentMatch(pattern[pi], path[si])) {
      ++pi;
      ++si;
    } else if (star != std::string::npos) {
      pi = star + 1;
      si = ++resume;
    } else {
      return false;
    }
  }
  while (pi < pattern.size() && pattern[pi] == "**") ++pi;
  return pi == pattern.size();
}

// The exclude globs, split once: a walk tests every entry against each.
using SplitGlobs = std::vector<std::vector<std::string>>;

SplitGlobs SplitAll(const std::vector<std::string>& globs) {
  SplitGlobs split;
  for (const auto& glob : globs) split.push_back(SplitPath(glob));
  return split;
}

bool IsExcluded(const SplitGlobs& globs, const std::vector<std::string>& parts) {
  for (const auto& glob : globs) {
    if (GlobMatchParts(glob, parts)) return true;
  }
  return false;
}

// The package prefix of the analysed directory: when it is itself a package (say
// .../site-packages/django), its modules are named from the nearest ancestor that is not.
std::string PackagePrefixOf(const FileSystem& fs, const std::string& canonical_root) {
  std::string dir = canonical_root;
  std::vector<std::string> prefix_parts;
  while (!dir.empty() && dir != "/" && fs.Stat(JoinPath(dir, "__init__.py")) == EntryType::kFile) {
    auto slash = dir.rfind('/');
    prefix_parts.insert(prefix_parts.begin(), dir.substr(slash == std::string::npos ? 0 : slash + 1));
    if (slash == std::string::npos || slash == 0) break;
    dir = dir.substr(0, slash);
  }
  std::string prefix;
  for (const auto& part : prefix_parts) {
    if (!prefix.empty()) prefix += '.';
    prefix += part;
  }
  return prefix;
}

// The identities of the directories above one, nearest first: shared by
// siblings, so a visit costs one link, not a copy of the path from the root.
// A chain is released recursively, but it is no deeper than a path the walk
// can stat (PATH_MAX, 4096 bytes: at most 2048 levels).
struct Ancestry {
  std::string identity;
  std::shared_ptr<const Ancestry> parent;
};

bool HasAncestor(const std::shared_ptr<const Ancestry>& ancestry, const std::string& identity) {
  for (const Ancestry* a = ancestry.get(); a; a = a->parent.get()) {
    if (a->identity == identity) return true;
  }
  return false;
}

// A directory to read, and how the walk reached it.
struct Visit {
  std::string rel;
  std::shared_ptr<const Ancestry> ancestors;  // the directories above
  bool via_link = false;                      // some directory on the way here was a symlink
};

// What one directory holds.
struct DirResult {
  std::string rel;
  bool via_link = false;
  std::string identity;
  bool has_init = false;
  std::vector<SourceFile> files;
  std::vector<std::string> manage_py;
  std::vector<Diagnostic> diagnostics;
};

// Lists the directory `abs`, with the stamps of its .py files. With `digests`, from
// the entries remembered under the directory's stamp when it is unchanged: one
// stat, not a listing. Files still get their own stamps (their bytes can change
// without the directory's time moving), and a symlink's target its type. A
// directory listed afresh is remembered for the next run.
bool ListDirectory(const FileSystem& fs, const std::string& abs, ContentDigests* digests,
                   std::vector<DirEntry>* entries, std::string* identity, std::string* error) {
  const std::optional<FileStamp> stamp = digests ? fs.StampDirectory(abs) : std::nullopt;
  std::optional<std::vector<DirEntry>> remembered = stamp ? digests->FindListing(abs, *stamp) : std::nullopt;
  if (!remembered) {
    if (!fs.ListDirectoryWithIdentity(abs, entries, identity, error, ".py")) return false;
    if (stamp && *identity == IdentityOfStamp(*stamp)) digests->RememberListing(abs, *stamp, *entries);
    return true;
  }
  *entries = std::move(*remembered);
  *identity = IdentityOfStamp(*stamp);
  for (auto& entry : *entries) {
    const std::string path = JoinPath(abs, entry.name);
    if (entry.is_symlink) entry.type = fs.Stat(path).value_or(EntryType::kOther);
    if (entry.type == EntryType::kFile && entry.name.ends_with(".py")) {
      entry.stamp = fs.StampFile(path);
      if (!entry.stamp) entry.type = EntryType::kOther;  // gone since: reported as unreadable
    }
  }
  return true;
}

// Reads one directory: its Python files, and the subdirectories to visit next (`more`).
DirResult ReadDirectory(const FileSystem& fs, const std::string& root, const DiscoverOptions& options,
                        const SplitGlobs& exclude, const Visit& visit, std::vector<Visit>* more) {
  DirResult out;
  out.rel = visit.rel;
  out.via_link = visit.via_link;
  const std::string& rel = visit.rel;
  std::string abs = rel.empty() ? root : JoinPath(root, rel);
  // Listed and identified in one pass (one open descriptor on a real file system); a
  // directory met again through a symlink is then dropped before its entries are read.
  std::vector<DirEntry> entries;
  std::string identity, error;
  if (!ListDirectory(fs, abs, options.digests, &entries, &identity, &error)) {
    out.diagnostics.push_back({"unreadable-directory", Severity::kWarning, rel, 0, 0,
                               (error == "cannot resolve directory" ? error : "cannot list directory: " + error) +
                                   "; skipped"});
    return out;
  }
  out.identity = identity;
  if (HasAncestor(visit.ancestors, identity)) {
    out.identity.clear();
    out.diagnostics.push_back({"symlink-cycle", Severity::kNote, rel, 0, 0,
                               "directory already visited through another path (symlink); skipped"});
    return out;
  }
  bool has_pyvenv = false;
  for (const auto& entry : entries) {
    if (entry.name == "__init__.py" && entry.type == EntryType::kFile) out.has_init = true;
    if (entry.name == "pyvenv.cfg") has_pyvenv = true;
  }
  if (has_pyvenv && !rel.empty()) {  // a virtualenv
    out.has_init = false;
    return out;
  }
  std::shared_ptr<const Ancestry> ancestors;  // made for the first subdirectory
  std::optional<std::vector<std::string>> rel_parts;  // split when an entry is kept
  std::vector<std::string> parts;
  for (const auto& entry : entries) {
    const bool is_dir = entry.type == EntryType::kDirectory;
    if (is_dir ? IsSkippedDirName(entry.name) : !entry.name.ends_with(".py")) continue;
    std::string child = JoinPath(rel, entry.name);
    if (!rel_parts) rel_parts = SplitPath(rel);
    parts.assign(rel_parts->begin(), rel_parts->end());
    parts.push_back(entry.name);
    if (is_dir) {
      // build/ and dist/ are output folders unless they are packages themselves.
      if ((entry.name == "build" || entry.name == "dist") &&
          fs.Stat(JoinPath(JoinPath(root, child), "__init__.py")) != EntryType::kFile)
        continue;
      if (IsExcluded(exclude, parts)) continue;
      if (!ancestors) ancestors = std::make_shared<const Ancestry>(Ancestry{identity, visit.ancestors});
      more->push_back({std::move(child), ancestors, visit.via_link || entry.is_symlink});
      continue;
    }
    if (IsExcluded(exclude, parts)) continue;
    if (entry.type != EntryType::kFile) {
      out.diagnostics.push_back({"unreadable-file", Severity::kWarning, child, 0, 0,
                                 entry.is_symlink ? "broken or looping symlink; skipped" : "not a regular file; skipped"});
      continue;
    }
    SourceFile file;
    file.path = child;
    file.is_package = entry.name == "__init__.py";
    file.is_test = IsTestPath(parts);
    file.is_migration = IsMigrationPath(parts);
    // The listing's stamp (a stat relative to the open directory on disk).
    if (std::optional<FileStamp> stamp = entry.stamp ? entry.stamp : fs.StampFile(JoinPath(root, child))) {
      file.stamp = *stamp;
      file.size = stamp->size;
    }
    if (entry.name == "manage.py") out.manage_py.push_back(child);
    out.files.push_back(std::move(file));
  }
  return out;
}

// Walks the tree on two threads; one result per directory reached, in no particular order.
std::vector<DirResult> WalkTree(const FileSystem& fs, const std::string& root, const DiscoverOptions& options) {
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<Visit> queue = {{"", nullptr}};
  const SplitGlobs exclude = SplitAll(options.exclude);
  int busy = 0;
  std::vector<DirResult> results;
  std::size_t found = 0;  // Python files found so far, under `mutex`
  auto worker = [&]() {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      wake.wait(lock, [&] { return !queue.empty() || busy == 0; });
      if (queue.empty()) return;
      Visit visit = std::move(queue.front());
      queue.pop_front();
      ++busy;
      lock.unlock();
      std::vector<Visit> more;
      DirResult result = ReadDirectory(fs, root, options, exclude, visit, &more);
      lock.lock();
      found += result.files.size();
      if (options.progress) options.progress(ProgressStage::kDiscover, found, 0);
      results.push_back(std::move(result));
      for (auto& m : more) queue.push_back(std::move(m));
      --busy;
      wake.notify_all();
    }
  };
  std::thread helper(worker);
  worker();
  helper.join();
  return results;
}

// The directories kept, and what they hold.
struct Settled {
  std::vector<SourceFile> files;
  std::vector<std::string> manage_py;
  std::vector<Diagnostic> diagnostics;
  std::set<std::string> package_dirs;  // relative dirs holding __init__.py
};

// The same directory reached by two paths: the real path keeps it (else the
// smallest), and everything beneath the others is dropped. Real paths come
// first, each after its parent (a real directory's parent is real), so an
// owner is always settled before any link to it is met.
Settled SettleDirectories(std::vector<DirResult> results) {
  // Sorted by index: a DirResult is too large to move around, and most hold nothing.
  std::vector<std::size_t> order(results.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(results[a].via_link, results[a].rel) < std::tie(results[b].via_link, results[b].rel);
  });
  Settled settled;
  std::unordered_map<std::string, std::string> owner;  // identity → smallest rel
  std::vector<std::string> dropped;                   // rel prefixes whose content is dropped
  auto under = [](const std::string& path, const std::string& dir) {
    return dir.empty() || path == dir ||
           (path.size() > dir.size() && path[dir.size()] == '/' && path.compare(0, dir.size(), dir) == 0);
  };
  for (std::size_t i : order) {
    DirResult& result = results[i];
    bool skip = std::any_of(dropped.begin(), dropped.end(), [&](const std::string& d) { return under(result.rel, d); });
    if (skip) continue;
    if (!result.identity.empty()) {
      auto [it, inserted] = owner.emplace(std::move(result.identity), result.rel);
      if (!inserted) {
        dropped.push_back(result.rel);
        settled.diagnostics.push_back({"symlink-cycle", Severity::kNote, result.rel, 0, 0,
                                       "directory already visited through another path (symlink); skipped"});
        continue;
      }
    }
    if (result.has_init) settled.package_dirs.insert(result.rel);
    for (auto& file : result.files) settled.files.push_back(std::move(file));
    for (auto& m : result.manage_py) settled.manage_py.push_back(std::move(m));
    for (auto& d : result.diagnostics) settled.diagnostics.push_back(std::move(d));
  }
  return settled;
}

// Import roots: the root; src/ when it is not itself a package; every directory
// holding manage.py that is not a package (netbox/manage.py beside netbox/netbox/).
std::vector<std::string> ImportRoots(const FileSystem& fs, const std::string& root, const Settled& settled,
                                     const std::string& package_prefix) {
  std::set<std::string> roots = {""};
  if (fs.Stat(JoinPath(root, "src")) == EntryType::kDirectory && !settled.package_dirs.count("src") &&
      package_prefix.empty())
    roots.insert("src");
  for (const auto& manage : settled.manage_py) {
    std::string dir = Dirname(manage);
    if (!dir.empty() && !settled.package_dirs.count(dir)) roots.insert(dir);
  }
  return {roots.begin(), roots.end()};
}

// Names each file from its deepest import root, and marks the ones too large to parse.
void NameFiles(Project* project, std::size_t max_file_bytes) {
  for (auto& file : project->files) {
    std::string best;
    for (const auto& r : project->import_roots) {
      if (!r.empty() && file.path.rfind(r + "/", 0) == 0 && r.size() > best.size()) best = r;
    }
    file.import_root = best;
    file.module = ModuleNameFor(file.path, best, project->package_prefix);
    if (max_file_bytes && file.size > max_file_bytes) {
      file.too_large = true;
      project->diagnostics.push_back(
          {"file-too-large", Severity::kWarning, file.path, 0, 0,
           "file is " + std::to_string(file.size) + " bytes, over the limit of " + std::to_string(max_file_bytes) +
               "; listed as a module but not parsed"});
    }
  }
}

// A package (x/__init__.py) shadows a module of the same name (x.py), as in Python.
// `files` is sorted by path; so is the result.
std::vector<SourceFile> DropShadowed(std::vector<SourceFile> files, std::vector<Diagnostic>* diagnostics) {
  std::vector<size_t> order(files.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto& fa = files[a];
    const auto& fb = files[b];
    if (fa.module != fb.module) return fa.module < fb.module;
    return fa.is_package > fb.is_package;
  });
  std::set<std::string> seen;
  std::vector<bool> keep(files.size(), true);
  for (size_t i : order) {
    const auto& file = files[i];
    if (!seen.insert(file.module).second) {
      keep[i] = false;
      diagnostics->push_back({"shadowed-module", Severity::kWarning, file.path, 0, 0,
                              "module '" + file.module + "' is also defined by another file; ignored"});
    }
  }
  std::vector<SourceFile> unique;
  for (size_t i = 0; i < files.size(); ++i) {
    if (keep[i]) unique.push_back(std::move(files[i]));
  }
  return unique;
}

}  // namespace

bool GlobMatch(const std::string& pattern, const std::string& path) {
  return GlobMatchParts(SplitPath(pattern), SplitPath(path));
}

std::string ModuleNameFor(const std::string& relative_path, const std::string& import_root,
                          const std::string& prefix) {
  std::string rest = relative_path;
  if (!import_root.empty()) rest = relative_path.substr(import_root.size() + 1);
  if (rest.ends_with(".py")) rest.resize(rest.size() - 3);
  std::vector<std::string> parts = SplitPath(rest);
  if (!parts.empty() && parts.back() == "__init__") parts.pop_back();
  std::string name = import_root.empty() ? prefix : "";
  for (const auto& part : parts) {
    if (!name.empty()) name += '.';
    name += part;
  }
  return name;
}

Project Discover(const FileSystem& fs, const std::string& root, const DiscoverOptions& options) {
  auto root_type = fs.Stat(root);
  if (!root_type) throw SeamsError(ErrorKind::kInput, root + ": no such file or directory");
  if (*root_type != EntryType::kDirectory) throw SeamsError(ErrorKind::kInput, root + ": not a directory");
  auto canonical_root = fs.Canonical(root);
  if (!canonical_root) throw SeamsError(ErrorKind::kInput, root + ": cannot resolve path");

  Project project;
  project.root = root;
  auto parts = SplitPath(*canonical_root);
  project.name = parts.empty() ? "root" : parts.back();
  project.package_prefix = PackagePrefixOf(fs, *canonical_root);

  // A directory whose identity equals one of its own ancestors' is a symlink cycle and
  // is not entered; a directory reached twice by different paths (a symlink to a
  // sibling) is kept under its real path when it has one, else under its smallest path.
  // Both rules depend only on the tree, never on the walk's order, so output is stable.
  Settled settled = SettleDirectories(WalkTree(fs, root, options));
  project.import_roots = ImportRoots(fs, root, settled, project.package_prefix);
  project.files = std::move(settled.files);
  project.manage_py = std::move(settled.manage_py);
  project.diagnostics = std::move(settled.diagnostics);
  NameFiles(&project, options.max_file_bytes);
  std::sort(project.files.begin(), project.files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  project.files = DropShadowed(std::move(project.files), &project.diagnostics);
  std::sort(project.manage_py.begin(), project.manage_py.end());
  SortDiagnostics(&project.diagnostics);
  return project;
}

}  // namespace seams
