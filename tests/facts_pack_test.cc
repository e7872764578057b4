// The facts pack: one file of cache entries, read by a run that loads many, and
// written again when too many of that run's files were not in it.

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>

#include "lib/core/content_digests.h"
#include "lib/core/content_hash.h"
#include "lib/discover/discover.h"
#include "lib/parse/facts_cache.h"
#include "lib/parse/facts_pack.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;

namespace {

const std::string kContrib = std::string(SEAMS_DJANGO_DIR) + "/contrib";

// Three entries of real files' facts, each under a key of its own.
std::vector<std::pair<std::string, std::string>> ContribEntries() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* file : {"auth/models.py", "contenttypes/models.py", "sessions/models.py"}) {
    const std::string key = seams::ContentHashHex("test", file);
    out.emplace_back(key, seams::EncodeCacheEntry(key, seams::test::Parse(seams::test::ReadText(kContrib + "/" + file))));
  }
  return out;
}

std::vector<std::pair<std::string, std::string_view>> Views(const std::vector<std::pair<std::string, std::string>>& e) {
  return {e.begin(), e.end()};
}

// A file's inode: a pack written again is a new file renamed into place.
ino_t Inode(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

// Every file's facts, serialised, to compare two parses of a project.
std::vector<std::string> Serialized(const std::vector<seams::FileFacts>& facts) {
  std::vector<std::string> out;
  for (const auto& f : facts) out.push_back(seams::SerializeFacts(f));
  return out;
}

}  // namespace

TEST_CASE("a pack finds every entry by its key; a damaged header or record is no pack", "[cache][pack]") {
  const auto entries = ContribEntries();
  auto views = Views(entries);
  views.push_back(views[1]);  // a key given twice is kept once
  const std::string bytes = seams::FactsPack::Encode(views);
  auto pack = seams::FactsPack::Decode(bytes);
  REQUIRE(pack);
  CHECK(pack->size() == 3);
  for (const auto& [key, entry] : entries) {
    auto found = pack->Find(key);
    REQUIRE(found);
    CHECK(*found == entry);
    CHECK(seams::DecodeCacheEntry(key, *found));
  }
  CHECK_FALSE(pack->Find(seams::ContentHashHex("test", "another")));
  CHECK(seams::FactsPack::Decode(seams::FactsPack::Encode({}))->size() == 0);

  // The header and records are checked: one byte changed, or bytes missing, and there is no pack.
  const std::size_t first_record = std::string_view("seams-facts-pack/1\n").size() + 8;
  for (std::size_t at : {std::size_t{0}, first_record - 1, first_record + 5, first_record + 40, first_record + 3 * 48}) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
    CHECK_FALSE(seams::FactsPack::Decode(damaged));
  }
  CHECK_FALSE(seams::FactsPack::Decode(bytes.substr(0, bytes.size() - 1)));  // the last entry runs past the end
  CHECK_FALSE(seams::FactsPack::Decode(""));
  // An entry's own bytes are checked when it is decoded: the pack holds, that entry misses.
  std::string damaged = bytes;
  damaged[damaged.size() - 100] = static_cast<char>(damaged[damaged.size() - 100] ^ 0x01);
  auto still = seams::FactsPack::Decode(damaged);
  REQUIRE(still);
  int decoded = 0;
  for (const auto& [key, entry] : entries) decoded += seams::DecodeCacheEntry(key, *still->Find(key)).has_value();
  CHECK(decoded == 2);
}

TEST_CASE("a pack is read from a regular file only: missing, a directory or a FIFO is no pack", "[cache][pack]") {
  const std::string dir = seams::test::TempDir("seams-pack-read");
  const auto entries = ContribEntries();
  std::ofstream(dir + "/good.pack", std::ios::binary) << seams::FactsPack::Encode(Views(entries));
  const seams::FactsPack pack = seams::FactsPack::Read(dir + "/good.pack", 1 << 30);
  CHECK(pack.size() == 3);
  CHECK(pack.Find(entries[2].first) == std::optional<std::string_view>(entries[2].second));
  CHECK(seams::FactsPack::Read(dir + "/good.pack", 100).size() == 0);  // larger than allowed
  CHECK(seams::FactsPack::Read(dir + "/missing.pack", 1 << 30).size() == 0);
  fs::create_directory(dir + "/dir.pack");
  CHECK(seams::FactsPack::Read(dir + "/dir.pack", 1 << 30).size() == 0);
  REQUIRE(::mkfifo((dir + "/fifo.pack").c_str(), 0600) == 0);
  CHECK(seams::FactsPack::Read(dir + "/fifo.pack", 1 << 30).size() == 0);  // and does not block
  std::ofstream(dir + "/empty.pack");
  CHECK(seams::FactsPack::Read(dir + "/empty.pack", 1 << 30).size() == 0);
  fs::remove_all(dir);
}

TEST_CASE("ParseProject loads from the pack, and writes it again only when many files were outside it", "[cache][pack]") {
  // Django's auth, contenttypes, sessions and sites apps: 84 Python files, copied.
  const std::string root = seams::test::TempDir("seams-pack-tree");
  const std::string cache_dir = root + "-cache";
  const auto past = fs::file_time_type::clock::now() - std::chrono::hours(1);
  std::vector<std::string> copied;
  for (const char* app : {"auth", "contenttypes", "sessions", "sites"}) {
    for (const auto& e : fs::recursive_directory_iterator(kContrib + "/" + app)) {
      if (!e.is_regular_file() || e.path().extension() != ".py") continue;
      const fs::path to = fs::path(root) / "contrib" / fs::relative(e.path(), kContrib);
      fs::create_directories(to.parent_path());
      fs::copy_file(e.path(), to);
      fs::last_write_time(to, past);
      copied.push_back(to.string());
    }
  }
  REQUIRE(copied.size() >= 64);
  seams::RealFileSystem real;
  seams::ParseOptions options;
  options.jobs = 2;
  options.cache_dir = cache_dir;
  // One run: stamps read, files found and parsed, stamps saved. Stamps count as settled.
  auto run = [&]() {
    auto digests = std::make_shared<seams::ContentDigests>(cache_dir, seams::ContentDigests::NowNs() + 10'000'000'000);
    options.digests = digests;
    seams::DiscoverOptions discover;
    discover.digests = digests.get();
    const seams::Project project = seams::Discover(real, root, discover);
    auto facts = seams::ParseProject(real, project, options);
    digests->Save();
    return Serialized(facts);
  };
  auto plain = [&]() {
    seams::ParseOptions none;
    return Serialized(seams::ParseProject(real, seams::Discover(real, root, {}), none));
  };
  auto pack_file = [&]() {
    for (const auto& e : fs::directory_iterator(cache_dir))
      if (e.path().extension() == ".pack") return e.path().string();
    return std::string();
  };
  auto loose_entries = [&]() {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(cache_dir)) n += e.is_directory();
    return n;
  };

  // Cold: every file is outside the (missing) pack, so it is written, with one entry per distinct file.
  const auto cold = run();
  CHECK(cold == plain());
  const std::string pack = pack_file();
  REQUIRE(!pack.empty());
  const seams::FactsPack written = seams::FactsPack::Read(pack, 1 << 30);
  CHECK(written.size() >= 60);
  CHECK(written.size() < copied.size());  // the empty __init__.py files share one entry

  // Warm, with the loose entries gone: every file's facts come from the pack (none is parsed and stored again).
  for (const auto& e : fs::directory_iterator(cache_dir))
    if (e.is_directory()) fs::remove_all(e.path());
  const ino_t first_inode = Inode(pack);
  CHECK(run() == cold);
  CHECK(loose_entries() == 0);
  CHECK(Inode(pack) == first_inode);  // nothing outside it: not written again

  // One file changed: parsed and stored loose, the pack kept as it was.
  {
    std::ofstream(copied[0], std::ios::app) << "\nimport os\n";
  }
  fs::last_write_time(copied[0], past + std::chrono::minutes(1));
  const auto one_changed = run();
  CHECK(one_changed == plain());
  CHECK(one_changed != cold);
  CHECK(loose_entries() > 0);
  CHECK(Inode(pack) == first_inode);

  // Many changed (more than 32, and than a sixteenth of the files): the pack is written again, with them.
  for (std::size_t i = 1; i <= 40; ++i) {
    std::ofstream(copied[i], std::ios::app) << "\nimport sys  # " << i << "\n";
    fs::last_write_time(copied[i], past + std::chrono::minutes(2));
  }
  const auto many_changed = run();
  CHECK(many_changed == plain());
  CHECK(Inode(pack) != first_inode);
  const seams::FactsPack rewritten = seams::FactsPack::Read(pack, 1 << 30);
  seams::FactsCache cache(cache_dir, options);
  CHECK(rewritten.Find(cache.Key(seams::test::ReadText(copied[40]))));
  CHECK_FALSE(written.Find(cache.Key(seams::test::ReadText(copied[40]))));

  // A damaged pack is no pack: the loose entries answer, and it is written again.
  std::ofstream(pack, std::ios::binary | std::ios::trunc) << "seams-facts-pack/1\ngarbage";
  CHECK(run() == many_changed);
  CHECK(seams::FactsPack::Read(pack, 1 << 30).size() == rewritten.size());
  fs::remove_all(root);
  fs::remove_all(cache_dir);
}

TEST_CASE("writing a pack removes the other packs but the one used last; reading one marks it used", "[cache][pack]") {
  const std::string dir = seams::test::TempDir("seams-pack-prune");
  const auto long_ago = fs::file_time_type::clock::now() - std::chrono::hours(48);
  for (const char* name : {"facts-0000000000000001.pack", "facts-0000000000000002.pack", "facts-0000000000000003.pack"}) {
    std::ofstream(dir + "/" + name) << "another build's pack";
  }
  fs::last_write_time(dir + "/facts-0000000000000001.pack", long_ago);
  fs::last_write_time(dir + "/facts-0000000000000002.pack", long_ago + std::chrono::hours(2));  // used last of the three
  fs::last_write_time(dir + "/facts-0000000000000003.pack", long_ago + std::chrono::hours(1));
  std::ofstream(dir + "/stamps") << "not a pack";

  seams::ParseOptions options;
  seams::FactsCache cache(dir, options);
  const auto entries = ContribEntries();
  cache.WritePack(Views(entries));
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(dir)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  REQUIRE(left.size() == 3);
  CHECK(left[0] == "facts-0000000000000002.pack");
  CHECK(left[1].starts_with("facts-"));
  CHECK(left[2] == "stamps");

  // Read: every entry there, and the pack marked used now.
  fs::last_write_time(dir + "/" + left[1], long_ago);
  seams::FactsCache reader(dir, options);
  reader.ReadPack();
  CHECK(reader.pack().size() == 3);
  CHECK(fs::last_write_time(dir + "/" + left[1]) > long_ago + std::chrono::hours(47));
  fs::remove_all(dir);
}
