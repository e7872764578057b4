// The stamps that let a warm run skip reading unchanged files: the format, the
// rule that a recent stamp is never trusted, and on a real disk, that an
// unchanged file is not read while a rewritten one always is.

#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "lib/check/result_cache.h"
#include "lib/core/content_digests.h"
#include "lib/discover/discover.h"
#include "lib/parse/facts_cache.h"
#include "lib/parse/parse.h"

namespace fs = std::filesystem;
using seams::ContentDigests;
using seams::FileStamp;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

FileStamp Stamp(std::uint64_t size, std::uint64_t inode, std::int64_t modified, std::int64_t changed) {
  FileStamp stamp;
  stamp.size = size;
  stamp.known = true;
  stamp.device = 7;
  stamp.inode = inode;
  stamp.modified_ns = modified;
  stamp.changed_ns = changed;
  return stamp;
}

const std::string kDigest = ContentDigests::Of("x = 1\n");

// The real disk, counting the files read.
class CountingFileSystem : public seams::RealFileSystem {
 public:
  bool ReadFile(const std::string& path, std::string* contents, std::string* error) const override {
    ++reads;
    return RealFileSystem::ReadFile(path, contents, error);
  }
  bool ListDirectoryWithIdentity(const std::string& path, std::vector<seams::DirEntry>* entries,
                                 std::string* identity, std::string* error,
                                 std::string_view stamp_suffix = {}) const override {
    ++listings;
    return RealFileSystem::ListDirectoryWithIdentity(path, entries, identity, error, stamp_suffix);
  }
  mutable std::atomic<int> reads{0};
  mutable std::atomic<int> listings{0};
};

struct TempDir {
  TempDir() : path(fs::temp_directory_path() / ("seams-digests-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path / "proj" / "shop");
  }
  ~TempDir() { fs::remove_all(path); }
  void Write(const std::string& rel, const std::string& text) const { std::ofstream(path / "proj" / rel) << text; }
  fs::path path;
};

// What a walk found, stamps included: a warm walk must find exactly this.
std::string Describe(const seams::Project& project) {
  std::string out;
  for (const auto& f : project.files) {
    out += f.path + " " + f.module + " " + std::to_string(f.size) + " " + std::to_string(f.stamp.inode) + " " +
           std::to_string(f.stamp.modified_ns) + " " + std::to_string(f.stamp.changed_ns) + "\n";
  }
  for (const auto& d : project.diagnostics) out += d.code + " " + d.path + " " + d.message + "\n";
  return out;
}

// Rewrites `rel` (relative to `dir`) until `stamp_of` reports another stamp: the clock may not have ticked.
template <typename StampOf, typename Change>
void ChangeUntilStampMoves(StampOf stamp_of, Change change) {
  const auto before = stamp_of();
  for (int tries = 0; tries < 200; ++tries) {
    change(tries);
    if (stamp_of() != before) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  FAIL("the stamp never moved");
}

}  // namespace

TEST_CASE("the stamps file reads back what was written, and a damaged one reads as nothing", "[digests]") {
  ContentDigests::Contents contents;
  contents.files["proj/shop/models.py"] = {Stamp(120, 42, 5 * kSecond, 6 * kSecond), kDigest};
  contents.files["proj/a b\nc.py"] = {Stamp(0, 43, -1, 3), ContentDigests::Of("")};  // a space and a newline in a name
  ContentDigests::Listing listing{Stamp(4096, 50, 5 * kSecond, 5 * kSecond), {}};
  listing.entries.push_back({"a b\n2.py", seams::EntryType::kFile, false, std::nullopt});
  listing.entries.push_back({"link", seams::EntryType::kDirectory, true, std::nullopt});
  listing.entries.push_back({"sub", seams::EntryType::kDirectory, false, std::nullopt});
  contents.directories["proj/shop"] = listing;
  contents.directories["proj/empty"] = {Stamp(4096, 51, kSecond, kSecond), {}};
  const std::string bytes = ContentDigests::Encode(contents);
  auto back = ContentDigests::Decode(bytes);
  REQUIRE(back);
  CHECK(*back == contents);
  CHECK(back->directories.at("proj/shop").entries[0].name == "a b\n2.py");
  CHECK(back->directories.at("proj/shop").entries[1].is_symlink);
  for (std::size_t at : {std::size_t{0}, std::size_t{20}, bytes.size() / 2, bytes.size() - 2}) {
    std::string flipped = bytes;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x04);
    CHECK_FALSE(ContentDigests::Decode(flipped));
  }
  CHECK_FALSE(ContentDigests::Decode(bytes.substr(0, bytes.size() - 1)));
  CHECK_FALSE(ContentDigests::Decode(""));
  auto empty = ContentDigests::Decode(ContentDigests::Encode({}));
  REQUIRE(empty);
  CHECK(empty->files.empty());
  CHECK(empty->directories.empty());
}

TEST_CASE("a digest is found only under the very stamp it was remembered with", "[digests]") {
  const std::int64_t now = 1000 * kSecond;
  ContentDigests digests("", now);
  const FileStamp stamp = Stamp(6, 42, 900 * kSecond, 900 * kSecond);
  digests.Remember("m.py", stamp, kDigest);
  CHECK(digests.Find("m.py", stamp) == kDigest);
  CHECK_FALSE(digests.Find("other.py", stamp));
  CHECK_FALSE(digests.Find("m.py", Stamp(7, 42, 900 * kSecond, 900 * kSecond)));      // grew
  CHECK_FALSE(digests.Find("m.py", Stamp(6, 43, 900 * kSecond, 900 * kSecond)));      // replaced by another inode
  CHECK_FALSE(digests.Find("m.py", Stamp(6, 42, 900 * kSecond, 900 * kSecond + 1)));  // rewritten, mtime set back
  CHECK_FALSE(digests.Find("m.py", Stamp(6, 42, 900 * kSecond + 1, 900 * kSecond)));

  // A stamp from the last two seconds before the run is not trusted: a second write
  // within the clock's granularity could leave it as it is.
  digests.Remember("recent.py", Stamp(6, 44, now - kSecond, 900 * kSecond), kDigest);
  digests.Remember("changed.py", Stamp(6, 45, 900 * kSecond, now - kSecond), kDigest);
  digests.Remember("future.py", Stamp(6, 46, now + kSecond, now + kSecond), kDigest);
  FileStamp unknown;  // a file system without stamps (git objects, memory)
  unknown.size = 6;
  digests.Remember("memory.py", unknown, kDigest);
  CHECK_FALSE(digests.Find("recent.py", Stamp(6, 44, now - kSecond, 900 * kSecond)));
  CHECK_FALSE(digests.Find("changed.py", Stamp(6, 45, 900 * kSecond, now - kSecond)));
  CHECK_FALSE(digests.Find("future.py", Stamp(6, 46, now + kSecond, now + kSecond)));
  CHECK_FALSE(digests.Find("memory.py", unknown));
}

TEST_CASE("stamps are saved when something new was learnt, with only the files this run saw", "[digests]") {
  TempDir temp;
  const std::string dir = (temp.path / "cache").string();
  const std::int64_t now = 1000 * kSecond;
  {
    ContentDigests digests(dir, now);
    digests.Remember("a.py", Stamp(1, 1, kSecond, kSecond), kDigest);
    digests.Remember("b.py", Stamp(1, 2, kSecond, kSecond), kDigest);
    digests.Save();
  }
  REQUIRE(fs::exists(temp.path / "cache" / "stamps"));
  {
    ContentDigests digests(dir, now);
    CHECK(digests.Find("a.py", Stamp(1, 1, kSecond, kSecond)) == kDigest);
    CHECK(digests.Find("b.py", Stamp(1, 2, kSecond, kSecond)) == kDigest);
    fs::remove(temp.path / "cache" / "stamps");
    digests.Save();  // nothing new: nothing written
    CHECK_FALSE(fs::exists(temp.path / "cache" / "stamps"));
    digests.Remember("c.py", Stamp(1, 3, kSecond, kSecond), kDigest);
    digests.Save();
  }
  ContentDigests digests(dir, now);
  CHECK(digests.Find("a.py", Stamp(1, 1, kSecond, kSecond)) == kDigest);
  CHECK(digests.Find("c.py", Stamp(1, 3, kSecond, kSecond)) == kDigest);
  // A file the last run did not see (deleted, or another tree's) is forgotten.
  {
    ContentDigests only_c(dir, now);
    only_c.Remember("c.py", Stamp(2, 3, kSecond, kSecond), ContentDigests::Of("y"));
    only_c.Save();
  }
  ContentDigests after(dir, now);
  CHECK_FALSE(after.Find("a.py", Stamp(1, 1, kSecond, kSecond)));
  CHECK(after.Find("c.py", Stamp(2, 3, kSecond, kSecond)) == ContentDigests::Of("y"));
}

TEST_CASE("on a real disk, a warm fingerprint reads only the files whose stamps changed", "[digests]") {
  TempDir temp;
  temp.Write("shop/__init__.py", "");
  temp.Write("shop/models.py", "from django.db import models\n\nclass Order(models.Model):\n    pass\n");
  temp.Write("shop/views.py", "from shop.models import Order\n");
  const std::string root = (temp.path / "proj").string();
  const std::string cache = (temp.path / "cache").string();
  // The run "begins" a minute from now, so the files just written have settled.
  const std::int64_t later = ContentDigests::NowNs() + 60 * kSecond;
  CountingFileSystem disk;

  auto fingerprint = [&](std::int64_t now) {
    ContentDigests digests(cache, now);
    const seams::Project project = seams::Discover(disk, root, {});
    std::string print = seams::ProjectFingerprint(disk, project, &digests);
    digests.Save();
    return print;
  };
  const std::string plain = seams::ProjectFingerprint(disk, seams::Discover(disk, root, {}));
  disk.reads = 0;
  CHECK(fingerprint(later) == plain);
  CHECK(disk.reads == 3);
  disk.reads = 0;
  CHECK(fingerprint(later) == plain);
  CHECK(disk.reads == 0);

  // Same size, other bytes: the change time moves, so the file is read again. (The
  // test pretends the run is a minute later, so it waits for the clock to tick
  // first, as the two seconds a real run leaves would.)
  const auto before = disk.StampFile(root + "/shop/views.py");
  for (int tries = 0; tries < 200 && disk.StampFile(root + "/shop/views.py") == before; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    temp.Write("shop/views.py", "from shop.models import Ordex\n");
  }
  REQUIRE(disk.StampFile(root + "/shop/views.py") != before);
  const std::string changed_plain = seams::ProjectFingerprint(disk, seams::Discover(disk, root, {}));
  CHECK(changed_plain != plain);
  disk.reads = 0;
  CHECK(fingerprint(later) == changed_plain);
  CHECK(disk.reads == 1);

  // Written just now, as seen by a run beginning now: read every time, never trusted.
  temp.Write("shop/views.py", "from shop.models import Order\n");
  fs::remove_all(cache);
  const std::int64_t now = ContentDigests::NowNs();
  disk.reads = 0;
  CHECK(fingerprint(now) == plain);
  CHECK(fingerprint(now) == plain);
  CHECK(disk.reads == 6);
}

TEST_CASE("a warm parse takes unchanged files' facts from the cache without reading them", "[digests]") {
  TempDir temp;
  temp.Write("shop/__init__.py", "");
  temp.Write("shop/models.py", "from django.db import models\n\nclass Order(models.Model):\n    pass\n");
  temp.Write("shop/views.py", "from shop.models import Order\n\ndef show(request):\n    return Order.objects.all()\n");
  const std::string root = (temp.path / "proj").string();
  const std::int64_t later = ContentDigests::NowNs() + 60 * kSecond;
  CountingFileSystem disk;
  const seams::Project project = seams::Discover(disk, root, {});
  seams::ParseOptions options;
  options.jobs = 2;
  const auto plain = seams::ParseProject(disk, project, options);

  options.cache_dir = (temp.path / "cache").string();
  auto parse = [&]() {
    seams::ParseOptions run = options;
    run.digests = std::make_shared<ContentDigests>(options.cache_dir, later);
    auto facts = seams::ParseProject(disk, project, run);
    run.digests->Save();
    return facts;
  };
  disk.reads = 0;
  auto cold = parse();
  CHECK(disk.reads == 3);
  disk.reads = 0;
  auto warm = parse();
  CHECK(disk.reads == 0);
  REQUIRE(warm.size() == plain.size());
  for (std::size_t i = 0; i < plain.size(); ++i) {
    CHECK(seams::SerializeFacts(warm[i]) == seams::SerializeFacts(plain[i]));
    CHECK(seams::SerializeFacts(cold[i]) == seams::SerializeFacts(plain[i]));
  }
}

TEST_CASE("a directory's listing is found only under the directory's very stamp, and only once settled", "[digests]") {
  const std::int64_t now = 1000 * kSecond;
  ContentDigests digests("", now);
  const FileStamp stamp = Stamp(4096, 42, 900 * kSecond, 900 * kSecond);
  std::vector<seams::DirEntry> entries = {{"a.py", seams::EntryType::kFile, false, Stamp(3, 1, kSecond, kSecond)},
                                          {"sub", seams::EntryType::kDirectory, false, std::nullopt}};
  digests.RememberListing("proj/shop", stamp, entries);
  auto found = digests.FindListing("proj/shop", stamp);
  REQUIRE(found);
  REQUIRE(found->size() == 2);
  CHECK((*found)[0].name == "a.py");
  CHECK_FALSE((*found)[0].stamp);  // a file's stamp is taken afresh on every walk
  CHECK((*found)[1].type == seams::EntryType::kDirectory);
  CHECK_FALSE(digests.FindListing("proj/other", stamp));
  CHECK_FALSE(digests.FindListing("proj/shop", Stamp(4096, 42, 900 * kSecond + 1, 900 * kSecond)));  // an entry came or went
  CHECK_FALSE(digests.FindListing("proj/shop", Stamp(4096, 43, 900 * kSecond, 900 * kSecond)));      // another directory
  digests.RememberListing("proj/recent", Stamp(4096, 44, now - kSecond, now - kSecond), entries);
  CHECK_FALSE(digests.FindListing("proj/recent", Stamp(4096, 44, now - kSecond, now - kSecond)));
}

TEST_CASE("on a real disk, a warm walk lists only the directories whose entries changed", "[digests]") {
  TempDir temp;
  fs::create_directories(temp.path / "proj" / "shop" / "orders");
  temp.Write("shop/__init__.py", "");
  temp.Write("shop/models.py", "x = 1\n");
  temp.Write("shop/orders/__init__.py", "");
  temp.Write("shop/orders/views.py", "y = 2\n");
  fs::create_directory_symlink("shop/orders", temp.path / "proj" / "alias");
  const std::string root = (temp.path / "proj").string();
  const std::string cache = (temp.path / "cache").string();
  const std::int64_t later = ContentDigests::NowNs() + 60 * kSecond;
  CountingFileSystem disk;

  auto walk = [&](std::int64_t now) {
    ContentDigests digests(cache, now);
    seams::DiscoverOptions options;
    options.digests = &digests;
    seams::Project project = seams::Discover(disk, root, options);
    digests.Save();
    return project;
  };
  auto plain = [&]() { return Describe(seams::Discover(disk, root, {})); };
  const std::string expected = plain();
  CHECK(expected.find("shop/orders/views.py") != std::string::npos);
  CHECK(expected.find("symlink") != std::string::npos);  // the alias is reported, as a cold walk does
  disk.listings = 0;
  CHECK(Describe(walk(later)) == expected);
  CHECK(disk.listings == 4);  // proj, alias (then dropped as shop/orders met again), shop, shop/orders
  disk.listings = 0;
  CHECK(Describe(walk(later)) == expected);
  CHECK(disk.listings == 0);

  // A file rewritten in place does not move its directory's time, but the walk stamps it afresh.
  ChangeUntilStampMoves([&] { return disk.StampFile(root + "/shop/models.py"); },
                        [&](int i) { temp.Write("shop/models.py", "x = " + std::to_string(i + 10) + "\n"); });
  const std::string rewritten = plain();
  CHECK(rewritten != expected);
  disk.listings = 0;
  CHECK(Describe(walk(later)) == rewritten);
  CHECK(disk.listings == 0);

  // A new file moves its directory's time: that directory alone is listed again (by both its paths).
  ChangeUntilStampMoves([&] { return disk.StampDirectory(root + "/shop/orders"); }, [&](int i) {
    fs::remove(temp.path / "proj" / "shop" / "orders" / ("new" + std::to_string(i - 1) + ".py"));
    temp.Write("shop/orders/new" + std::to_string(i) + ".py", "z = 3\n");
  });
  const std::string with_new = plain();
  CHECK(with_new.find("shop.orders.new") != std::string::npos);
  disk.listings = 0;
  CHECK(Describe(walk(later)) == with_new);
  CHECK(disk.listings == 2);  // shop/orders, and the alias that reaches it

  // A deleted file is gone from the next walk; a directory changed just now is listed every time.
  fs::remove_all(temp.path / "proj" / "shop" / "orders");
  temp.Write("notes.txt", "");  // the root's time moves too
  const std::string without = plain();
  CHECK(without.find("shop/orders") == std::string::npos);
  disk.listings = 0;
  CHECK(Describe(walk(later)) == without);
  CHECK(disk.listings == 2);  // proj and shop changed; the dangling alias is not a directory
  fs::remove_all(cache);
  disk.listings = 0;
  CHECK(Describe(walk(ContentDigests::NowNs())) == without);
  CHECK(Describe(walk(ContentDigests::NowNs())) == without);
  CHECK(disk.listings == 4);  // proj and shop, twice: their times are younger than the settling time
}
