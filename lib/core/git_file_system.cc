#include "lib/core/git_file_system.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <unistd.h>

#include "lib/core/error.h"

namespace seams {

namespace {

std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

// Runs a command and returns its standard output; nullopt when it fails.
std::optional<std::string> Run(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>/dev/null").c_str(), "r"), pclose);
  if (!pipe) return std::nullopt;
  std::string out;
  std::array<char, 65536> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) out.append(buffer.data(), n);
  int status = pclose(pipe.release());
  if (status != 0) return std::nullopt;
  return out;
}

std::string Trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

GitTreeFileSystem::GitTreeFileSystem(const std::string& path, const std::string& revision) : root_(path) {
  std::error_code ec;
  canonical_ = std::filesystem::canonical(path, ec).string();
  if (ec) throw SeamsError(ErrorKind::kInput, path + ": no such file or directory");
  std::string git = "git -C " + ShellQuote(canonical_);
  auto top = Run(git + " rev-parse --show-toplevel");
  if (!top) throw SeamsError(ErrorKind::kInput, path + ": not inside a git work tree (needed by --base)");
  top_ = Trim(*top);
  auto prefix = Run(git + " rev-parse --show-prefix");
  prefix_ = prefix ? Trim(*prefix) : "";
  auto commit = Run(git + " rev-parse --verify --quiet " + ShellQuote(revision + "^{commit}"));
  if (!commit) throw SeamsError(ErrorKind::kInput, "--base " + revision + ": not a commit of " + Trim(*top));
  auto listing = Run("git -C " + ShellQuote(Trim(*top)) + " ls-tree -r -z -l --full-tree " + ShellQuote(Trim(*commit)));
  if (!listing) throw SeamsError(ErrorKind::kInput, "--base " + revision + ": cannot list its tree");

  // "<mode> <type> <sha> <size>\t<path>\0" for every blob; Python files are read afterwards in one batch.
  std::vector<std::pair<std::string, std::string>> wanted;  // sha, path
  std::size_t at = 0;
  while (at < listing->size()) {
    std::size_t end = listing->find('\0', at);
    if (end == std::string::npos) end = listing->size();
    std::string entry = listing->substr(at, end - at);
    at = end + 1;
    auto tab = entry.find('\t');
    if (tab == std::string::npos) continue;
    std::string meta = entry.substr(0, tab), file = entry.substr(tab + 1);
    char mode[16], type[16], sha[64], size[32];
    if (std::sscanf(meta.c_str(), "%15s %15s %63s %31s", mode, type, sha, size) != 4) continue;
    if (std::string(type) != "blob") continue;
    files_[file] = "";
    sizes_[file] = std::string(size) == "-" ? 0 : std::stoull(size);
    for (auto slash = file.rfind('/'); slash != std::string::npos; slash = file.rfind('/', slash - 1)) {
      directories_.insert(file.substr(0, slash));
      if (slash == 0) break;
    }
    if (file.ends_with(".py") && file.rfind(prefix_, 0) == 0) wanted.push_back({sha, file});
  }
  if (wanted.empty()) return;
  // The object ids go to git on stdin from a file outside the work tree.
  char name[] = "/tmp/seams-git-XXXXXX";
  int fd = mkstemp(name);
  if (fd < 0) throw SeamsError(ErrorKind::kInput, "cannot create a temporary file for git cat-file");
  {
    std::ofstream ids(name);
    for (const auto& [sha, file] : wanted) ids << sha << '\n';
  }
  close(fd);
  auto blobs = Run("git -C " + ShellQuote(Trim(*top)) + " cat-file --batch < " + ShellQuote(name));
  std::remove(name);
  if (!blobs) throw SeamsError(ErrorKind::kInput, "--base " + revision + ": git cat-file failed");
  // "<sha> blob <size>\n<contents>\n" per object, in the order asked.
  std::size_t pos = 0;
  for (const auto& [sha, file] : wanted) {
    std::size_t eol = blobs->find('\n', pos);
    if (eol == std::string::npos) break;
    std::string header = blobs->substr(pos, eol - pos);
    auto space = header.rfind(' ');
    std::size_t size = space == std::string::npos ? 0 : std::stoull(header.substr(space + 1));
    files_[file] = blobs->substr(eol + 1, size);
    pos = eol + 1 + size + 1;
  }
}

std::optional<std::string> GitTreeFileSystem::TreePath(const std::string& path) const {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  std::string root = root_;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  std::string rest;
  if (p == root) rest = "";
  else if (p.rfind(root + "/", 0) == 0) rest = p.substr(root.size() + 1);
  else if (p == top_) return std::string();
  else if (p.rfind(top_ + "/", 0) == 0) return p.substr(top_.size() + 1);  // real paths, above the root too
  else return std::nullopt;
  std::string tree = prefix_ + rest;
  while (!tree.empty() && tree.back() == '/') tree.pop_back();
  return tree;
}

std::optional<EntryType> GitTreeFileSystem::Stat(const std::string& path) const {
  auto tree = TreePath(path);
  if (!tree) return std::nullopt;
  if (tree->empty() || directories_.count(*tree)) return EntryType::kDirectory;
  if (files_.count(*tree)) return EntryType::kFile;
  return std::nullopt;
}

bool GitTreeFileSystem::ListDirectory(const std::string& path, std::vector<DirEntry>* entries,
                                      std::string* error) const {
  entries->clear();
  auto tree = TreePath(path);
  if (!tree || (!tree->empty() && !directories_.count(*tree))) {
    *error = "No such directory in the revision";
    return false;
  }
  std::string prefix = tree->empty() ? "" : *tree + "/";
  auto child = [&](const std::string& candidate) -> std::optional<std::string> {
    if (candidate.rfind(prefix, 0) != 0) return std::nullopt;
    std::string rest = candidate.substr(prefix.size());
    if (rest.empty() || rest.find('/') != std::string::npos) return std::nullopt;
    return rest;
  };
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.rfind(prefix, 0) == 0; ++it) {
    if (auto name = child(it->first)) entries->push_back({*name, EntryType::kFile, false, std::nullopt});
  }
  for (auto it = directories_.lower_bound(prefix); it != directories_.end() && it->rfind(prefix, 0) == 0; ++it) {
    if (auto name = child(*it)) entries->push_back({*name, EntryType::kDirectory, false, std::nullopt});
  }
  std::sort(entries->begin(), entries->end(), [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return true;
}

bool GitTreeFileSystem::ReadFile(const std::string& path, std::string* contents, std::string* error) const {
  auto tree = TreePath(path);
  auto it = tree ? files_.find(*tree) : files_.end();
  if (it == files_.end()) {
    *error = "No such file in the revision";
    return false;
  }
  *contents = it->second;
  return true;
}

std::optional<std::uint64_t> GitTreeFileSystem::FileSize(const std::string& path) const {
  auto tree = TreePath(path);
  auto it = tree ? sizes_.find(*tree) : sizes_.end();
  if (it == sizes_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> GitTreeFileSystem::Canonical(const std::string& path) const {
  auto tree = TreePath(path);
  if (!tree) return std::nullopt;
  return top_ + (tree->empty() ? "" : "/" + *tree);
}

}  // namespace seams
