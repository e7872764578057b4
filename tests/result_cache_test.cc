// The check result cache: keys that cannot collide by concatenation, a project
// fingerprint that follows every file, and entries that are a miss when damaged.

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/check/result_cache.h"
#include "lib/discover/discover.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;

namespace {

std::string Fingerprint(const seams::MemoryFileSystem& files) {
  return seams::ProjectFingerprint(files, seams::Discover(files, "proj", {}));
}

}  // namespace

TEST_CASE("result keys: parts are length-prefixed, so no two lists collide by concatenation", "[cache]") {
  CHECK(seams::HashParts({"ab", "c"}) != seams::HashParts({"a", "bc"}));
  CHECK(seams::HashParts({"abc"}) != seams::HashParts({"abc", ""}));
  CHECK(seams::HashParts({"a", "b"}) == seams::HashParts({"a", "b"}));
  CHECK(seams::HashParts({"a"}).size() == 32);
  CHECK(std::string(seams::SourceVersion()).size() == 32);
}

TEST_CASE("the project fingerprint follows every byte, name and file of the tree", "[cache]") {
  seams::MemoryFileSystem base;
  base.AddFile("proj/shop/__init__.py", "");
  base.AddFile("proj/shop/models.py", "from django.db import models\nclass Order(models.Model):\n    pass\n");
  base.AddFile("proj/shop/views.py", "from shop.models import Order\n");
  const std::string same = Fingerprint(base);
  CHECK(Fingerprint(base) == same);

  seams::MemoryFileSystem changed = base;
  changed.AddFile("proj/shop/views.py", "from shop.models import Order \n");
  CHECK(Fingerprint(changed) != same);

  seams::MemoryFileSystem added = base;
  added.AddFile("proj/shop/admin.py", "");
  CHECK(Fingerprint(added) != same);

  // The same bytes under another name are another module.
  seams::MemoryFileSystem renamed;
  renamed.AddFile("proj/shop/__init__.py", "");
  renamed.AddFile("proj/shop/models.py", "from django.db import models\nclass Order(models.Model):\n    pass\n");
  renamed.AddFile("proj/shop/api.py", "from shop.models import Order\n");
  CHECK(Fingerprint(renamed) != same);

  seams::MemoryFileSystem unreadable = base;
  unreadable.MarkUnreadable("proj/shop/views.py");
  CHECK(Fingerprint(unreadable) != same);
}

TEST_CASE("result entries: a round trip, and every damaged entry is a miss", "[cache]") {
  const std::string dir = seams::test::TempDir("seams-results");
  const seams::ResultCache cache(dir);
  const std::string key = seams::HashParts({"k"}), other = seams::HashParts({"other"});
  CHECK_FALSE(cache.Load(key));
  cache.Store(key, "{\"violations\": [1, 2, 3]}");
  REQUIRE(cache.Load(key));
  CHECK(*cache.Load(key) == "{\"violations\": [1, 2, 3]}");
  const std::string entry = dir + "/results/" + key;

  SECTION("a flipped byte anywhere") {
    std::string bytes;
    {
      std::ifstream in(entry, std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    for (std::size_t at = 0; at < bytes.size(); ++at) {
      std::string damaged = bytes;
      damaged[at] = static_cast<char>(damaged[at] ^ 0x04);
      std::ofstream(entry, std::ios::binary) << damaged;
      INFO("byte " << at);
      CHECK_FALSE(cache.Load(key));
    }
  }
  SECTION("truncated") {
    fs::resize_file(entry, fs::file_size(entry) - 1);
    CHECK_FALSE(cache.Load(key));
    fs::resize_file(entry, 10);
    CHECK_FALSE(cache.Load(key));
  }
  SECTION("copied under another key") {
    fs::copy_file(entry, dir + "/results/" + other);
    CHECK_FALSE(cache.Load(other));
  }
  SECTION("a directory or a FIFO in its place") {
    fs::remove(entry);
    fs::create_directory(entry);
    CHECK_FALSE(cache.Load(key));
    fs::remove(entry);
    REQUIRE(mkfifo(entry.c_str(), 0600) == 0);
    CHECK_FALSE(cache.Load(key));  // opened without blocking, never read
  }
  fs::remove_all(dir);
}

TEST_CASE("result entries: a prune keeps the entries last stored or hit", "[cache]") {
  const std::string dir = seams::test::TempDir("seams-results");
  const seams::ResultCache cache(dir);
  std::vector<std::string> keys;
  const auto start = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (int i = 0; i < 10; ++i) {
    keys.push_back(seams::HashParts({"run", std::to_string(i)}));
    cache.Store(keys.back(), "{\"run\": " + std::to_string(i) + "}");
    fs::last_write_time(dir + "/results/" + keys.back(), start + std::chrono::seconds(i));  // stored in order
  }
  std::ofstream(dir + "/results/" + keys[0] + ".tmp.1.0") << "another run's entry, being written";
  fs::last_write_time(dir + "/results/" + keys[0] + ".tmp.1.0", start - std::chrono::hours(1));

  cache.Prune(10);
  for (const auto& key : keys) CHECK(cache.Load(key));  // ten kept: nothing goes (and every one is hit now)
  for (int i = 0; i < 10; ++i) fs::last_write_time(dir + "/results/" + keys[i], start + std::chrono::seconds(i));

  REQUIRE(cache.Load(keys[1]));  // a hit: used now, the newest
  cache.Prune(4);
  CHECK_FALSE(cache.Load(keys[0]));
  for (int i = 2; i <= 6; ++i) CHECK_FALSE(cache.Load(keys[i]));
  CHECK(cache.Load(keys[1]));
  for (int i = 7; i < 10; ++i) CHECK(cache.Load(keys[i]));
  CHECK(fs::exists(dir + "/results/" + keys[0] + ".tmp.1.0"));  // not an entry: left alone
  fs::remove_all(dir);
}
