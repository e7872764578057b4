// The early cutoff of the warm path: facts digests that ignore only the line
// count, the manifest that remembers them by the files' bytes, and the facts
// fingerprint, on Django's own auth and contenttypes apps.

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "lib/check/facts_fingerprint.h"
#include "lib/check/result_cache.h"
#include "lib/discover/discover.h"
#include "lib/parse/facts_cache.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;

namespace {

std::string Django(const std::string& relative) {
  std::string text = seams::test::ReadText(std::string(SEAMS_DJANGO_DIR) + "/" + relative);
  REQUIRE_FALSE(text.empty());
  return text;
}

std::string DigestOf(const std::string& source) {
  std::size_t end = 0;
  const std::string bytes = seams::SerializeFacts(seams::test::Parse(source), &end);
  return seams::FactsDigest(bytes, end);
}

// A project of Django's auth models and backends and contenttypes' models.
seams::MemoryFileSystem DjangoProject(const std::string& backends = "contrib/auth/backends.py") {
  seams::MemoryFileSystem files;
  for (const char* path : {"contrib/__init__.py", "contrib/auth/__init__.py", "contrib/auth/models.py",
                           "contrib/contenttypes/__init__.py", "contrib/contenttypes/models.py"}) {
    files.AddFile(std::string("proj/django/") + path, seams::test::ReadText(std::string(SEAMS_DJANGO_DIR) + "/" + path));
  }
  files.AddFile("proj/django/" + backends, Django("contrib/auth/backends.py"));
  files.AddFile("proj/django/__init__.py", "");
  return files;
}

struct Digests {
  seams::Project project;
  std::vector<std::string> content;
};

Digests ContentDigestsOf(const seams::MemoryFileSystem& files) {
  Digests d{seams::Discover(files, "proj", {}), {}};
  seams::ProjectFingerprint(files, d.project, nullptr, &d.content);
  return d;
}

}  // namespace

TEST_CASE("facts digests: the line count is the one fact left out", "[cache]") {
  const std::string models = Django("contrib/auth/models.py");
  const std::string digest = DigestOf(models);
  CHECK(digest.size() == 32);
  CHECK(DigestOf(models) == digest);
  // Comments and blank lines at the end change the line count and nothing else.
  REQUIRE(seams::test::Parse(models + "\n# end\n").lines != seams::test::Parse(models).lines);
  CHECK(DigestOf(models + "\n# end\n\n") == digest);
  // A comment inside changes no fact either, as long as no line moves.
  const std::string inline_comment = std::string(models).replace(models.find('\n'), 1, "  # note\n");
  CHECK(DigestOf(inline_comment) == digest);
  // Every fact counts: an import, a suppression, a line moved.
  CHECK(DigestOf(models + "\nimport os\n") != digest);
  CHECK(DigestOf(std::string(models).replace(models.find('\n'), 1, "  # seams: ignore\n")) != digest);
  CHECK(DigestOf("\n" + models) != digest);

  // The cache gives the same digest when it stores the facts and when it loads them.
  const std::string dir = seams::test::TempDir("seams-facts-fp");
  seams::ParseOptions options;
  seams::FactsCache cache(dir, options);
  const std::string key = cache.Key(models);
  seams::FactsDigests stored, loaded;
  cache.Store(key, seams::test::Parse(models), &stored);
  REQUIRE(cache.Load(key, "auth/models.py", &loaded));
  CHECK(stored.facts == digest);
  CHECK(loaded == stored);
  CHECK(stored.shape == seams::ShapeOf(seams::test::Parse(models)).digest);
  fs::remove_all(dir);
}

TEST_CASE("facts manifests: a round trip, and damaged text reads as empty", "[cache]") {
  seams::FactsManifest manifest;
  manifest.facts_by_content[std::string(32, 'a')] = {std::string(32, 'b'), std::string(32, 'c')};
  manifest.facts_by_content[std::string(32, '0')] = {std::string(32, '9'), std::string(32, '8')};
  const std::string text = manifest.Encode();
  CHECK(seams::FactsManifest::Decode(text).facts_by_content == manifest.facts_by_content);
  CHECK(seams::FactsManifest::Decode("").facts_by_content.empty());
  CHECK(seams::FactsManifest::Decode(text.substr(0, text.size() - 1)).facts_by_content.empty());
  std::string upper = text;
  upper[upper.size() - 2] = 'B';  // not lower-case hex
  CHECK(seams::FactsManifest::Decode(upper).facts_by_content.empty());
  CHECK(seams::FactsManifest::Decode(text.substr(1)).facts_by_content.empty());
  // Only the writer's form: lines out of order, or a content twice, are damage.
  const std::string header = text.substr(0, text.find('\n') + 1);
  const std::string first = text.substr(header.size(), 99), second = text.substr(header.size() + 99);
  REQUIRE(seams::FactsManifest::Decode(header + first + second).facts_by_content.size() == 2);
  CHECK(seams::FactsManifest::Decode(header + second + first).facts_by_content.empty());
  CHECK(seams::FactsManifest::Decode(header + first + first).facts_by_content.empty());
}

TEST_CASE("facts fingerprints follow the facts, and the manifest spares the parse", "[cache]") {
  const std::string dir = seams::test::TempDir("seams-facts-fp");
  seams::ParseOptions options = seams::AnalysisParseOptions(seams::test::DjangoOptions());
  options.cache_dir = dir;
  options.jobs = 2;

  const seams::MemoryFileSystem base = DjangoProject();
  const Digests before = ContentDigestsOf(base);
  REQUIRE(before.project.files.size() == 7);
  // With no manifest every file is parsed, unless there are too many.
  CHECK_FALSE(seams::FactDigestsOf(base, before.project, before.content, {}, options, 6));
  auto digests = seams::FactDigestsOf(base, before.project, before.content, {}, options, 7);
  REQUIRE(digests);
  std::vector<seams::FactsDigests> from_parse;
  seams::ParseProject(base, before.project, options, &from_parse);
  CHECK(*digests == from_parse);
  const auto fingerprint = seams::FactsFingerprint(before.project, *digests);
  REQUIRE(fingerprint);
  const seams::FactsManifest manifest = seams::ManifestOf(before.content, *digests);
  CHECK(manifest.facts_by_content.size() == 5);  // three empty __init__.py files share their bytes

  // A comment at the end of one file: that file alone is unknown to the manifest,
  // and the fingerprint is the same.
  seams::MemoryFileSystem comment = base;
  comment.AddFile("proj/django/contrib/auth/backends.py", Django("contrib/auth/backends.py") + "# reviewed\n");
  const Digests after = ContentDigestsOf(comment);
  CHECK_FALSE(seams::FactDigestsOf(comment, after.project, after.content, manifest, options, 0));
  auto comment_digests = seams::FactDigestsOf(comment, after.project, after.content, manifest, options, 1);
  REQUIRE(comment_digests);
  CHECK(seams::FactsFingerprint(after.project, *comment_digests) == fingerprint);
  CHECK(seams::ProjectFingerprint(comment, after.project) != seams::ProjectFingerprint(base, before.project));

  // A new import is a new fingerprint; so is a file renamed, with the same facts.
  seams::MemoryFileSystem imported = base;
  imported.AddFile("proj/django/contrib/auth/backends.py", Django("contrib/auth/backends.py") + "import os\n");
  const Digests with_import = ContentDigestsOf(imported);
  auto import_digests = seams::FactDigestsOf(imported, with_import.project, with_import.content, manifest, options, 1);
  REQUIRE(import_digests);
  CHECK(seams::FactsFingerprint(with_import.project, *import_digests) != fingerprint);

  const seams::MemoryFileSystem renamed = DjangoProject("contrib/auth/backend.py");
  const Digests moved = ContentDigestsOf(renamed);
  auto moved_digests = seams::FactDigestsOf(renamed, moved.project, moved.content, manifest, options, 0);
  REQUIRE(moved_digests);  // the same bytes: known to the manifest
  CHECK(seams::FactsFingerprint(moved.project, *moved_digests) != fingerprint);

  // A file that cannot be read has no facts digest.
  seams::MemoryFileSystem unreadable = base;
  unreadable.MarkUnreadable("proj/django/contrib/auth/models.py");
  const Digests lost = ContentDigestsOf(unreadable);
  CHECK_FALSE(seams::FactDigestsOf(unreadable, lost.project, lost.content, manifest, options, 7));
  std::vector<seams::FactsDigests> missing = *digests;
  missing[2].facts.clear();
  CHECK_FALSE(seams::FactsFingerprint(before.project, missing));
  CHECK(seams::ShapeFingerprint(before.project, missing));
  missing[2].shape.clear();
  CHECK_FALSE(seams::ShapeFingerprint(before.project, missing));
  fs::remove_all(dir);
}
