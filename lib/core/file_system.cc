#include "lib/core/file_system.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <dirent.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/mman.h>
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

namespace {

FileStamp StampOf(const struct stat& info) {
  FileStamp stamp;
  stamp.size = static_cast<std::uint64_t>(info.st_size);
  stamp.known = true;
  stamp.device = static_cast<std::uint64_t>(info.st_dev);
  stamp.inode = static_cast<std::uint64_t>(info.st_ino);
  stamp.modified_ns = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
  stamp.changed_ns = static_cast<std::int64_t>(info.st_ctim.tv_sec) * 1000000000 + info.st_ctim.tv_nsec;
  return stamp;
}

std::string IdentityOf(const struct stat& info) { return IdentityOfStamp(StampOf(info)); }

// Lists the open directory `fd`, sorted by name; closes nothing. getdents64 until the end:
// with the open and close, four system calls for most directories (std::filesystem's
// iterator adds two fcntl per directory, and a warm check of Django's tree lists 2,364
// of them). The entry's own type comes from d_type; only a symlink, or a file system
// that gives no d_type, costs a stat, and so does each file to stamp (relative to
// `fd`: no path walk).
bool ListOpenDirectory(int fd, std::vector<DirEntry>* entries, std::string* error, std::string_view stamp_suffix) {
  entries->clear();
  alignas(8) char buffer[32768];
  bool ok = true;
  for (;;) {
    const long got = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      *error = std::strerror(errno);
      ok = false;
      break;
    }
    if (got == 0) break;
    for (long at = 0; at < got;) {
      // struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
      unsigned short reclen;
      std::memcpy(&reclen, buffer + at + 16, sizeof reclen);
      const unsigned char d_type = static_cast<unsigned char>(buffer[at + 18]);
      const char* name = buffer + at + 19;
      at += reclen;
      if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
      DirEntry entry;
      entry.name = name;
      entry.is_symlink = d_type == DT_LNK;
      unsigned char type = d_type;
      const bool stamped = !stamp_suffix.empty() && std::string_view(name).ends_with(stamp_suffix);
      if (d_type == DT_LNK || d_type == DT_UNKNOWN || (d_type == DT_REG && stamped)) {
        // The target's type (a dangling link or a loop stays kOther: reported by the caller).
        struct stat target;
        type = ::fstatat(fd, name, &target, 0) != 0 ? DT_UNKNOWN
               : S_ISREG(target.st_mode)           ? DT_REG
               : S_ISDIR(target.st_mode)           ? DT_DIR
                                                   : DT_UNKNOWN;
        if (type == DT_REG && stamped) entry.stamp = StampOf(target);
        if (d_type == DT_UNKNOWN) {
          struct stat own;
          entry.is_symlink = ::fstatat(fd, name, &own, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(own.st_mode);
        }
      }
      if (type == DT_REG) entry.type = EntryType::kFile;
      if (type == DT_DIR) entry.type = EntryType::kDirectory;
      entries->push_back(std::move(entry));
    }
  }
  if (!ok) return false;
  std::sort(entries->begin(), entries->end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return true;
}

}  // namespace

bool RealFileSystem::ListDirectory(const std::string& path, std::vector<DirEntry>* entries,
                                   std::string* error) const {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  const bool ok = ListOpenDirectory(fd, entries, error, {});
  ::close(fd);
  return ok;
}

bool FileSystem::ListDirectoryWithIdentity(const std::string& path, std::vector<DirEntry>* entries,
                                           std::string* identity, std::string* error,
                                           std::string_view stamp_suffix) const {
  auto id = DirectoryIdentity(path);
  if (!id) {
    *error = "cannot resolve directory";
    return false;
  }
  *identity = std::move(*id);
  if (!ListDirectory(path, entries, error)) return false;
  if (stamp_suffix.empty()) return true;
  for (auto& entry : *entries) {
    if (entry.type == EntryType::kFile && entry.name.ends_with(stamp_suffix)) {
      entry.stamp = StampFile(JoinPath(path, entry.name));
    }
  }
  return true;
}

bool RealFileSystem::ListDirectoryWithIdentity(const std::string& path, std::vector<DirEntry>* entries,
                                               std::string* identity, std::string* error,
                                               std::string_view stamp_suffix) const {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  struct stat info;
  bool ok = ::fstat(fd, &info) == 0;
  if (!ok) *error = std::strerror(errno);
  if (ok) {
    *identity = IdentityOf(info);
    ok = ListOpenDirectory(fd, entries, error, stamp_suffix);
  }
  ::close(fd);
  return ok;
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

namespace {

// Opens `path` without blocking (a FIFO is never waited on) and returns its
// descriptor and size when it is a regular file of at most `max_bytes`; else -1,
// with nothing left open.
int OpenRegularFile(const std::string& path, std::size_t max_bytes, std::size_t* size) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return -1;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
      static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    ::close(fd);
    return -1;
  }
  *size = static_cast<std::size_t>(st.st_size);
  return fd;
}

}  // namespace

std::optional<std::string> ReadRegularFile(const std::string& path, std::size_t max_bytes) {
  std::size_t size = 0;
  const int fd = OpenRegularFile(path, max_bytes, &size);
  if (fd < 0) return std::nullopt;
  std::optional<std::string> bytes;
  std::string buffer(size, '\0');
  std::size_t done = 0;
  while (done < buffer.size()) {
    const ssize_t n = ::read(fd, buffer.data() + done, buffer.size() - done);
    if (n <= 0) break;  // an error, or the file shrank while being read
    done += static_cast<std::size_t>(n);
  }
  if (done == buffer.size()) bytes = std::move(buffer);
  ::close(fd);
  return bytes;
}

std::shared_ptr<const MappedFile> MappedFile::Open(const std::string& path, std::size_t max_bytes) {
  std::size_t size = 0;
  const int fd = OpenRegularFile(path, max_bytes, &size);
  if (fd < 0) return nullptr;
  std::shared_ptr<MappedFile> file(new MappedFile());
  if (size > 0) {
    void* address = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (address == MAP_FAILED) {
      file.reset();
    } else {
      file->address_ = address;
      file->size_ = size;
    }
  }
  ::close(fd);
  return file;
}

MappedFile::~MappedFile() {
  if (address_ != nullptr) ::munmap(address_, size_);
}

void RemoveAllButNewest(std::vector<std::filesystem::path> paths, std::size_t keep) {
  if (paths.size() <= keep) return;
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> dated;
  for (auto& path : paths) {
    std::error_code stat_error;
    const fs::file_time_type time = fs::last_write_time(path, stat_error);
    if (!stat_error) dated.emplace_back(time, std::move(path));
  }
  // Oldest first; equal times by name, so which go does not depend on the listing's order.
  std::sort(dated.begin(), dated.end());
  for (std::size_t i = 0; i + keep < dated.size(); ++i) fs::remove(dated[i].second, ec);
}

bool ReplaceFile(const std::string& directory, const std::string& name, std::string_view bytes) {
  return ReplaceFile(directory, name, std::vector<std::string_view>{bytes});
}

bool ReplaceFile(const std::string& directory, const std::string& name, const std::vector<std::string_view>& pieces) {
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec) return false;
  static std::atomic<unsigned> counter{0};
  const fs::path target = fs::path(directory) / name;
  const fs::path tmp = fs::path(directory) / (name + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++));
  {
    std::ofstream out(tmp, std::ios::binary);
    for (std::string_view piece : pieces) out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    out.close();
    if (!out) {
      fs::remove(tmp, ec);
      return false;
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

std::optional<std::uint64_t> RealFileSystem::FileSize(const std::string& path) const {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return std::nullopt;
  return static_cast<std::uint64_t>(size);
}

std::optional<FileStamp> RealFileSystem::StampFile(const std::string& path) const {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  return StampOf(info);
}

std::optional<FileStamp> RealFileSystem::StampDirectory(const std::string& path) const {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) return std::nullopt;
  return StampOf(info);
}

std::string IdentityOfStamp(const FileStamp& stamp) {
  return std::to_string(stamp.device) + ":" + std::to_string(stamp.inode);
}

std::optional<std::string> RealFileSystem::DirectoryIdentity(const std::string& path) const {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return IdentityOf(info);
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
    if (auto name = child_of(file)) entries->push_back({*name, EntryType::kFile, false, std::nullopt});
  }
  for (const auto& [dir, unused] : directories_) {
    if (auto name = child_of(dir)) entries->push_back({*name, EntryType::kDirectory, false, std::nullopt});
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
