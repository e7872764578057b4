#include "lib/check/facts_fingerprint.h"

#include "lib/check/result_cache.h"
#include "lib/core/content_hash.h"

namespace seams {

namespace {

constexpr std::string_view kManifestHeader = "seams-facts-manifest/2\n";
constexpr std::size_t kDigestHex = 32;

}  // namespace

std::string FactsManifest::Encode() const {
  std::string text(kManifestHeader);
  for (const auto& [content, digests] : facts_by_content) text += content + " " + digests.facts + " " + digests.shape + "\n";
  return text;
}

FactsManifest FactsManifest::Decode(std::string_view text) {
  FactsManifest manifest;
  if (text.substr(0, kManifestHeader.size()) != kManifestHeader) return {};
  text.remove_prefix(kManifestHeader.size());
  constexpr std::size_t kLine = 3 * (kDigestHex + 1);  // "content facts shape\n"
  if (text.size() % kLine != 0) return {};
  for (std::size_t at = 0; at < text.size(); at += kLine) {
    std::string_view line = text.substr(at, kLine);
    std::string_view content = line.substr(0, kDigestHex), facts = line.substr(kDigestHex + 1, kDigestHex),
                     shape = line.substr(2 * (kDigestHex + 1), kDigestHex);
    if (line[kDigestHex] != ' ' || line[2 * kDigestHex + 1] != ' ' || line[kLine - 1] != '\n' || !IsHexDigest(content) ||
        !IsHexDigest(facts) || !IsHexDigest(shape)) {
      return {};
    }
    // Only the writer's form: sorted, each content once (so equal manifests have equal bytes).
    if (!manifest.facts_by_content.empty() && !(manifest.facts_by_content.rbegin()->first < content)) return {};
    manifest.facts_by_content.emplace_hint(manifest.facts_by_content.end(), content,
                                           FactsDigests{std::string(facts), std::string(shape)});
  }
  return manifest;
}

FactsManifest ManifestOf(const std::vector<std::string>& content_digests, const std::vector<FactsDigests>& fact_digests) {
  FactsManifest manifest;
  for (std::size_t i = 0; i < content_digests.size() && i < fact_digests.size(); ++i) {
    if (IsHexDigest(content_digests[i]) && IsHexDigest(fact_digests[i].facts) && IsHexDigest(fact_digests[i].shape)) {
      manifest.facts_by_content[content_digests[i]] = fact_digests[i];
    }
  }
  return manifest;
}

namespace {

// ProjectFingerprint's walk and places, then one digest per file that `digest` picks.
std::optional<std::string> FingerprintOf(const Project& project, const std::vector<FactsDigests>& fact_digests,
                                         const char* part, std::string FactsDigests::*digest) {
  if (fact_digests.size() != project.files.size()) return std::nullopt;
  ContentHasher hasher;
  hasher.Part(part);
  HashWalk(project, &hasher);
  for (std::size_t i = 0; i < project.files.size(); ++i) {
    const SourceFile& file = project.files[i];
    HashFile(file, &hasher);
    if (file.too_large) continue;
    const std::string& hex = fact_digests[i].*digest;
    if (hex.empty()) return std::nullopt;
    hasher.Part(hex);
  }
  return hasher.Hex();
}

}  // namespace

std::optional<std::string> FactsFingerprint(const Project& project, const std::vector<FactsDigests>& fact_digests) {
  return FingerprintOf(project, fact_digests, "facts", &FactsDigests::facts);
}

std::optional<std::string> ShapeFingerprint(const Project& project, const std::vector<FactsDigests>& fact_digests) {
  return FingerprintOf(project, fact_digests, "shapes", &FactsDigests::shape);
}

std::optional<std::vector<FactsDigests>> FactDigestsOf(const FileSystem& fs, const Project& project,
                                                      const std::vector<std::string>& content_digests,
                                                      const FactsManifest& manifest, const ParseOptions& options,
                                                      std::size_t max_unknown) {
  if (content_digests.size() != project.files.size() || options.cache_dir.empty()) return std::nullopt;
  std::vector<FactsDigests> digests(project.files.size());
  Project unknown;  // the files the manifest does not know, parsed (or loaded) on their own
  unknown.root = project.root;
  std::vector<std::size_t> unknown_at;
  for (std::size_t i = 0; i < project.files.size(); ++i) {
    if (project.files[i].too_large) continue;
    if (content_digests[i].empty()) return std::nullopt;  // unreadable: the full run reports it
    auto known = manifest.facts_by_content.find(content_digests[i]);
    if (known != manifest.facts_by_content.end()) {
      digests[i] = known->second;
      continue;
    }
    if (unknown_at.size() == max_unknown) return std::nullopt;
    unknown.files.push_back(project.files[i]);
    unknown_at.push_back(i);
  }
  if (!unknown_at.empty()) {
    std::vector<FactsDigests> parsed;
    ParseProject(fs, unknown, options, &parsed);  // the facts go: only their digests are kept
    for (std::size_t k = 0; k < unknown_at.size(); ++k) {
      if (parsed[k].facts.empty() || parsed[k].shape.empty()) return std::nullopt;
      digests[unknown_at[k]] = std::move(parsed[k]);
    }
  }
  return digests;
}

}  // namespace seams
