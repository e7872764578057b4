#include "lib/check/result_cache.h"

#include <algorithm>
#include <filesystem>
#include <utility>

#include "lib/check/source_version.h"
#include "lib/core/content_hash.h"

namespace seams {

namespace {

constexpr char kMagic[] = "seams-result/1 ";
constexpr std::size_t kMaxEntryBytes = std::size_t{1} << 30;

}  // namespace

const char* SourceVersion() { return kSourceVersion; }

std::string HashParts(const std::vector<std::string>& parts) {
  ContentHasher hasher;
  for (const auto& part : parts) hasher.Part(part);
  return hasher.Hex();
}

void HashWalk(const Project& project, ContentHasher* hasher) {
  hasher->Part(project.root);
  hasher->Part(project.package_prefix);
  for (const auto& root : project.import_roots) hasher->Part("root " + root);
  for (const auto& manage : project.manage_py) hasher->Part("manage " + manage);
  for (const auto& d : project.diagnostics) hasher->Part("diagnostic " + d.path + ":" + std::to_string(d.line) + " " + d.message);
}

void HashFile(const SourceFile& file, ContentHasher* hasher) {
  hasher->Part(file.path);
  hasher->Part(file.module + " " + file.import_root + " " + std::to_string(file.is_package) +
               std::to_string(file.is_test) + std::to_string(file.is_migration) + std::to_string(file.too_large));
}

std::string ProjectFingerprint(const FileSystem& fs, const Project& project, ContentDigests* digests,
                               std::vector<std::string>* content_digests) {
  ContentHasher hasher;
  HashWalk(project, &hasher);
  if (content_digests) content_digests->assign(project.files.size(), std::string());
  std::string bytes, error;
  for (std::size_t i = 0; i < project.files.size(); ++i) {
    const SourceFile& file = project.files[i];
    HashFile(file, &hasher);
    hasher.Part(std::to_string(file.size));
    if (file.too_large) continue;
    const std::string path = JoinPath(project.root, file.path);
    std::optional<std::string> digest = digests ? digests->Find(path, file.stamp) : std::nullopt;
    if (!digest && fs.ReadFile(path, &bytes, &error)) {
      digest = ContentDigests::Of(bytes);
      if (digests) digests->Remember(path, file.stamp, *digest);
    }
    if (digest && content_digests) (*content_digests)[i] = *digest;
    hasher.Part(digest ? *digest : "unreadable: " + error);
  }
  return hasher.Hex();
}

ResultCache::ResultCache(std::string directory) : directory_(std::move(directory)) {}

std::optional<std::string> ResultCache::Load(const std::string& key) const {
  std::optional<std::string> entry = ReadRegularFile(directory_ + "/results/" + key, kMaxEntryBytes);
  if (!entry) return std::nullopt;
  // magic, the checksum of key and body (32 hex), a newline, the body.
  const std::size_t header = sizeof kMagic - 1 + 32 + 1;
  if (entry->size() < header || entry->compare(0, sizeof kMagic - 1, kMagic) != 0 || (*entry)[header - 1] != '\n') {
    return std::nullopt;
  }
  std::string body = entry->substr(header);
  if (entry->compare(sizeof kMagic - 1, 32, HashParts({key, body})) != 0) return std::nullopt;
  std::error_code ignored;
  std::filesystem::last_write_time(directory_ + "/results/" + key, std::filesystem::file_time_type::clock::now(),
                                   ignored);
  return body;
}

void ResultCache::Store(const std::string& key, const std::string& body) const {
  ReplaceFile(directory_ + "/results", key, std::string(kMagic) + HashParts({key, body}) + "\n" + body);
}

void ResultCache::Prune(std::size_t keep) const {
  namespace fs = std::filesystem;
  std::error_code ec;
  // A listing only (the entries' types come with it); their times are read only
  // when a quarter more than `keep` have gathered, so most runs stat nothing.
  std::vector<fs::path> keys;
  for (fs::directory_iterator it(directory_ + "/results", ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_error;
    if (IsHexDigest(it->path().filename().string()) && it->is_regular_file(type_error)) keys.push_back(it->path());
  }
  if (keys.size() <= keep + keep / 4) return;
  RemoveAllButNewest(std::move(keys), keep);
}

}  // namespace seams
