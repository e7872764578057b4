#include "lib/core/file_system.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace seams {

namespace fs = std::filesystem;

std::string JoinPath(const std::string& base, const std::string& name) {
  if (base.empty() || base == ".") return name;
  if (base.back() == '/') return base + name;
  return base + "/" + name;
}

std::optional<EntryType> RealFileSystem::Stat(const std::string& path) const {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return std::nullopt;
  if (fs::is_regular_file(status)) return EntryType::kFile;
  if (fs::is_directory(status)) return EntryType::kDirectory;
  return EntryType::kOther;
}

bool RealFileSystem::ListDirectory(const std::string& path, std::vector<DirEntry>* entries,
                                   std::string* error) const {
  entries->clear();
  std::error_code ec;
  fs::directory_iterator it(path, ec);
  if (ec) {
    *error = ec.message();
    return false;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    DirEntry entry;
    entry.name = it->path().filename().string();
    // The entry's own type comes from readdir: directory_entry keeps d_type (its
    // symlink_status() would lstat every entry). Only a symlink, or a file system
    // that gives no d_type, costs a stat.
    std::error_code type_ec;
    entry.is_symlink = it->is_symlink(type_ec) && !type_ec;
    fs::file_type type = fs::file_type::none;  // a dangling link or a loop stays kOther: reported by the caller
    if (entry.is_symlink || type_ec) {
      std::error_code status_ec;
      const fs::file_status target = fs::status(it->path(), status_ec);
      if (!status_ec) type = target.type();
    } else if (it->is_regular_file(type_ec)) {
      type = fs::file_type::regular;
    } else if (it->is_directory(type_ec)) {
      type = fs::file_type::directory;
    }
    if (type == fs::file_type::regular) entry.type = EntryType::kFile;
    if (type == fs::file_type::directory) entry.type = EntryType::kDirectory;
    entries->push_back(std::move(entry));
  }
  if (ec) {
    *error = ec.message();
    return false;
  }
  std::sort(entries->begin(), entries->end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return true;
}

bool RealFileSystem::ReadFile(const std::string& path, std::string* contents, std::string* error) const {
  // One open, one fstat and reads straight into the string: no stream buffers.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  struct stat info {};
  std::size_t expected = 0;
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) expected = static_cast<std::size_t>(info.st_size);
  contents->clear();
  // One byte more than the size, so a file that grew since fstat is read to its end in the loop.
  contents->resize(std::max<std::size_t>(expected + 1, 4096));
  std::size_t used = 0;
  while (true) {
    if (used == contents->size()) contents->resize(contents->size() * 2);
    const ssize_t n = ::read(fd, contents->data() + used, contents->size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = std::strerror(errno);
      ::close(fd);
      contents->clear();
      return false;
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  ::close(fd);
  contents->resize(used);
  return true;
}

std::optional<std::string> ReadRegularFile(const std::string& path, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::optional<std::string> bytes;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
      static_cast<std::uint64_t>(st.st_size) <= max_bytes) {
    std::string buffer(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    while (done < buffer.size()) {
      const ssize_t n = ::read(fd, buffer.data() + done, buffer.size() - done);
      if (n <= 0) break;  // an error, or the file shrank while being read
      done += static_cast<std::size_t>(n);
    }
    if (done == buffer.size()) bytes = std::move(buffer);
  }
  ::close(fd);
  return bytes;
}

std::optional<std::uint64_t> RealFileSystem::FileSize(const std::string& path) const {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return std::nullopt;
  return static_cast<std::uint64_t>(size);
}

std::optional<std::string> RealFileSystem::DirectoryIdentity(const std::string& path) const {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return std::to_string(static_cast<unsigned long long>(info.st_dev)) + ":" +
         std::to_string(static_cast<unsigned long long>(info.st_ino));
}

std::optional<std::string> RealFileSystem::Canonical(const std::string& path) const {
  std::error_code ec;
  fs::path canonical = fs::canonical(path, ec);
  if (ec) return std::nullopt;
  return canonical.string();
}

namespace {

std::string Normalize(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path.rfind("./", 0) == 0) path = path.substr(2);
  return path.empty() ? "." : path;
}

std::string Parent(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace

void MemoryFileSystem::AddFile(const std::string& path, std::string contents) {
  std::string p = Normalize(path);
  files_[p] = std::move(contents);
  for (std::string dir = Parent(p); dir != "."; dir = Parent(dir)) directories_[dir] = true;
}

void MemoryFileSystem::AddDirectory(const std::string& path) {
  for (std::string dir = Normalize(path); dir != "."; dir = Parent(dir)) directories_[dir] = true;
}

void MemoryFileSystem::MarkUnreadable(const std::string& path) { unreadable_[Normalize(path)] = true; }

std::optional<EntryType> MemoryFileSystem::Stat(const std::string& path) const {
  std::string p = Normalize(path);
  if (p == "." || directories_.count(p)) return EntryType::kDirectory;
  if (files_.count(p)) return EntryType::kFile;
  return std::nullopt;
}

bool MemoryFileSystem::ListDirectory(const std::string& path, std::vector<DirEntry>* entries,
                                     std::string* error) const {
  entries->clear();
  std::string p = Normalize(path);
  if (p != "." && !directories_.count(p)) {
    *error = "No such file or directory";
    return false;
  }
  std::string prefix = p == "." ? "" : p + "/";
  auto child_of = [&](const std::string& candidate) -> std::optional<std::string> {
    if (candidate.rfind(prefix, 0) != 0) return std::nullopt;
    std::string rest = candidate.substr(prefix.size());
    if (rest.empty() || rest.find('/') != std::string::npos) return std::nullopt;
    return rest;
  };
  for (const auto& [file, unused] : files_) {
    if (auto name = child_of(file)) entries->push_back({*name, EntryType::kFile, false});
  }
  for (const auto& [dir, unused] : directories_) {
    if (auto name = child_of(dir)) entries->push_back({*name, EntryType::kDirectory, false});
  }
  std::sort(entries->begin(), entries->end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return true;
}

bool MemoryFileSystem::ReadFile(const std::string& path, std::string* contents, std::string* error) const {
  std::string p = Normalize(path);
  if (unreadable_.count(p)) {
    *error = "Permission denied";
    return false;
  }
  auto it = files_.find(p);
  if (it == files_.end()) {
    *error = "No such file or directory";
    return false;
  }
  *contents = it->second;
  return true;
}

std::optional<std::uint64_t> MemoryFileSystem::FileSize(const std::string& path) const {
  auto it = files_.find(Normalize(path));
  if (it == files_.end()) return std::nullopt;
  return it->second.size();
}

std::optional<std::string> MemoryFileSystem::Canonical(const std::string& path) const {
  if (!Stat(path)) return std::nullopt;
  return Normalize(path);
}

}  // namespace seams
