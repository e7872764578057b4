// Regression tests for what a reliability probe fed Seams: inputs deep or long
// enough to overflow a recursion or blow up a backtracking matcher, symlinked
// trees, config values that must be refused with file:line:col, and facts-cache
// entries that are not what they should be.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/check/check.h"
#include "lib/config/init_config.h"
#include "lib/core/error.h"
#include "lib/discover/discover.h"
#include "lib/parse/facts_cache.h"
#include "reports/analysis_report.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;

namespace {

seams::MemoryFileSystem Tiny() {
  seams::MemoryFileSystem files;
  files.AddFile("proj/orders/__init__.py", "");
  files.AddFile("proj/orders/models.py", "import payments\n");
  files.AddFile("proj/payments/__init__.py", "");
  return files;
}

// A depends_on chain c0 -> c1 -> ... -> c{n-1}, closed into a cycle when `closed`.
seams::Config Chain(int n, bool closed) {
  seams::Config config;
  config.path = "seams.toml";
  config.rules = seams::DefaultRuleSeverities();
  for (int i = 0; i < n; ++i) {
    seams::ContextConfig context;
    context.name = "c" + std::to_string(i);
    context.members = {i == 0 ? "orders" : i == 1 ? "payments" : "nothing" + std::to_string(i)};
    context.line = i + 1;
    if (i + 1 < n) context.depends_on = {"c" + std::to_string(i + 1)};
    if (i + 1 == n && closed) context.depends_on = {"c0"};
    config.contexts.push_back(std::move(context));
  }
  return config;
}

int CountRule(const seams::CheckResult& result, const std::string& rule) {
  int n = 0;
  for (const auto& v : result.violations) n += v.rule == rule;
  return n;
}

std::string ConfigError(const std::string& text) {
  try {
    seams::ParseConfig(text, "seams.toml");
  } catch (const seams::SeamsError& e) {
    CHECK(e.kind() == seams::ErrorKind::kConfig);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a depends_on chain of 20,000 contexts is walked without recursion", "[check][reliability]") {
  auto analysis = seams::test::AnalyzeMemory(Tiny());
  auto open = seams::Check(Chain(20000, false), analysis);
  CHECK(CountRule(open, "context-cycle") == 0);
  auto closed = seams::Check(Chain(20000, true), analysis);
  REQUIRE(CountRule(closed, "context-cycle") == 1);
  for (const auto& v : closed.violations) {
    if (v.rule != "context-cycle") continue;
    CHECK(v.from == "c0");
    CHECK(v.to == "c19999");
    CHECK(v.line == 1);
    CHECK(v.message.rfind("contexts depend on each other in a cycle: c0 -> c1 -> c2 -> ", 0) == 0);
    CHECK(v.message.size() > 20000 * 4);
  }
}

TEST_CASE("cycles are found once each, whichever context the walk starts from", "[check][reliability]") {
  auto analysis = seams::test::AnalyzeMemory(Tiny());
  seams::Config config = Chain(4, true);            // c0 -> c1 -> c2 -> c3 -> c0
  config.contexts[1].depends_on.push_back("c0");   // and c0 <-> c1
  auto result = seams::Check(config, analysis);
  std::vector<std::string> messages;
  for (const auto& v : result.violations) {
    if (v.rule == "context-cycle") messages.push_back(v.message);
  }
  std::sort(messages.begin(), messages.end());
  CHECK(messages == std::vector<std::string>{"contexts depend on each other in a cycle: c0 -> c1 -> c0",
                                             "contexts depend on each other in a cycle: c0 -> c1 -> c2 -> c3 -> c0"});
}

TEST_CASE("glob matching takes time linear in the pattern, not exponential in its stars", "[discover][reliability]") {
  // 2,000 `**/` segments: the old backtracking matcher needed 190 s for 600.
  std::string pattern;
  for (int i = 0; i < 2000; ++i) pattern += "**/";
  std::string miss = pattern + "x/y/z.py";
  std::string path;
  for (int i = 0; i < 1500; ++i) path.append("d").append(std::to_string(i % 7)).append("/");
  CHECK_FALSE(seams::GlobMatch(miss, path + "x/y/w.py"));
  CHECK(seams::GlobMatch(miss, path + "x/y/z.py"));
  CHECK(seams::GlobMatch(pattern + "*.py", "a.py"));
  // The same within a segment.
  std::string stars;
  for (int i = 0; i < 5000; ++i) stars += "*a";
  CHECK_FALSE(seams::GlobMatch(stars + "b", std::string(6000, 'a')));
  CHECK(seams::GlobMatch(stars, std::string(6000, 'a')));
  // The matcher's semantics are kept: stars stay in their segment, ** spans segments.
  CHECK(seams::GlobMatch("a/**/b/**/c.py", "a/b/c.py"));
  CHECK(seams::GlobMatch("a/**/b/**/c.py", "a/x/b/y/b/z/c.py"));
  CHECK_FALSE(seams::GlobMatch("a/**/b/**/c.py", "a/x/c.py"));
  CHECK(seams::GlobMatch("*_?est*.py", "my_test_x.py"));
  CHECK_FALSE(seams::GlobMatch("*.py", "a/b.py"));
  CHECK(seams::GlobMatch("**", "a/b.py"));
  CHECK(seams::GlobMatch("a*b*c", "aXbYbZc"));
  CHECK_FALSE(seams::GlobMatch("a*b*c", "aXbYbZ"));
}

TEST_CASE("a real directory also reachable through a symlink that sorts first names its own modules",
          "[discover][reliability]") {
  fs::path dir = fs::temp_directory_path() / ("seams-reliability-link-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "zshop" / "sub");
  std::ofstream(dir / "zshop" / "__init__.py") << "";
  std::ofstream(dir / "zshop" / "models.py") << "import os\n";
  std::ofstream(dir / "zshop" / "sub" / "__init__.py") << "";
  std::ofstream(dir / "zshop" / "sub" / "views.py") << "import os\n";
  fs::create_directory_symlink("zshop", dir / "alink");
  fs::create_directory_symlink("zshop/sub", dir / "asub");

  seams::RealFileSystem real;
  seams::Project project = seams::Discover(real, dir.string(), {});
  std::vector<std::string> modules;
  for (const auto& f : project.files) modules.push_back(f.module + " " + f.path);
  CHECK(modules == std::vector<std::string>{"zshop zshop/__init__.py", "zshop.models zshop/models.py",
                                            "zshop.sub zshop/sub/__init__.py", "zshop.sub.views zshop/sub/views.py"});
  std::vector<std::string> skipped;
  for (const auto& d : project.diagnostics) skipped.push_back(d.code + " " + d.path);
  CHECK(skipped == std::vector<std::string>{"symlink-cycle alink", "symlink-cycle asub"});
  fs::remove_all(dir);
}

TEST_CASE("nan and inf weights are config errors at their line and column", "[config][reliability]") {
  for (std::string value : {"nan", "inf", "+inf", "-inf", "-nan"}) {
    std::string text = std::string("[weights]\nfk = ").append(value).append("\n");
    CHECK_THAT(ConfigError(text), Catch::StartsWith("seams.toml:2:6: weight of 'fk' must be a finite number >= 0"));
  }
  CHECK(ConfigError("[weights]\nfk = 1e308\n").empty());
}

TEST_CASE("control characters in context names are config errors", "[config][reliability]") {
  for (std::string escaped : {"\\u0000", "\\u001b[31m", "\\n", "\\r", "\\u007f"}) {
    std::string text = std::string("[[context]]\nname = \"a").append(escaped).append("b\"\nmembers = [\"x\"]\n");
    CHECK_THAT(ConfigError(text), Catch::StartsWith("seams.toml:2:8: a context name must not hold control characters"));
  }
  CHECK_THAT(ConfigError("[pins]\n\"a\\nb\" = [\"x\"]\n"),
             Catch::StartsWith("seams.toml:2:1: a pinned context name must not hold control characters"));
  CHECK(ConfigError("[[context]]\nname = \"ordering \\u00e9\\t\"\nmembers = [\"x\"]\n").find("control") !=
        std::string::npos);  // a tab is a control character too
  CHECK(ConfigError("[[context]]\nname = \"ordering-\\u00e9\"\nmembers = [\"x\"]\n").empty());
}

TEST_CASE("a config path naming a directory (--config DIR) is a config error, not an empty config", "[config][reliability]") {
  fs::path dir = fs::temp_directory_path() / ("seams-reliability-cfgdir-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "seams.toml");
  seams::RealFileSystem real;
  std::string path = (dir / "seams.toml").string();
  CHECK_THROWS_WITH(seams::LoadConfig(real, path), Catch::StartsWith(path + ":1:1: a directory, not a config file"));
  fs::remove_all(dir);
}

namespace {

// shopwise analysed with the facts cache in `dir`, as report.json's text.
std::string ShopwiseReport(const fs::path& dir) {
  seams::RealFileSystem real;
  seams::AnalysisOptions options;
  options.parse.cache_dir = dir.string();
  return seams::BuildAnalysisReport(seams::Analyze(real, std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise", options))
      .dump();
}

std::vector<fs::path> CacheEntries(const fs::path& dir) {
  std::vector<fs::path> entries;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) entries.push_back(e.path());
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

struct CacheDir {
  fs::path path = fs::temp_directory_path() / ("seams-reliability-cache-" + std::to_string(::getpid()));
  CacheDir() { fs::remove_all(path); }
  ~CacheDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("facts cache entries that are a directory, a link to /dev/zero or a FIFO are misses", "[cache][reliability]") {
  CacheDir cache;
  const std::string cold = ShopwiseReport(cache.path);
  const std::vector<fs::path> entries = CacheEntries(cache.path);
  REQUIRE(entries.size() > 30);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    fs::remove(entries[i]);
    if (i % 3 == 0) {
      fs::create_directory(entries[i]);
    } else if (i % 3 == 1) {
      fs::create_symlink("/dev/zero", entries[i]);
    } else {
      REQUIRE(::mkfifo(entries[i].c_str(), 0600) == 0);
    }
  }
  // Twice: the first run stores over what it can (not over a directory), the
  // second meets what is left.
  CHECK(ShopwiseReport(cache.path) == cold);
  CHECK(ShopwiseReport(cache.path) == cold);
  CHECK(fs::is_directory(entries[0]));
}

TEST_CASE("a cache entry with one flipped bit, or swapped with another, is a miss", "[cache][reliability]") {
  // Every single-bit flip of an entry is caught (a 64-bit XXH3 checksum of key and
  // bytes: a flip would pass with odds of 2^-64, and none of these does).
  const seams::FileFacts facts = seams::test::Parse("from shop.models import Order\nclass A(Order):\n    x = 1\n");
  const std::string key = "0123456789abcdef0123456789abcdef";
  const std::string entry = seams::EncodeCacheEntry(key, facts);
  REQUIRE(seams::DecodeCacheEntry(key, entry) == facts);
  CHECK_FALSE(seams::DecodeCacheEntry("f123456789abcdef0123456789abcdef", entry));
  std::size_t accepted = 0;
  for (std::size_t bit = 0; bit < entry.size() * 8; ++bit) {
    std::string flipped = entry;
    flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
    accepted += seams::DecodeCacheEntry(key, flipped).has_value();
  }
  CHECK(accepted == 0);

  // On disk, a flipped bit in every entry, then every entry swapped with its
  // neighbour: each run equals the cold one.
  CacheDir cache;
  const std::string cold = ShopwiseReport(cache.path);
  std::vector<fs::path> entries = CacheEntries(cache.path);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    std::string bytes = seams::test::ReadText(entries[i].string());
    REQUIRE(!bytes.empty());
    const std::size_t at = (i * 7919) % bytes.size();
    bytes[at] = static_cast<char>(bytes[at] ^ (1 << (i % 8)));
    std::ofstream(entries[i], std::ios::binary | std::ios::trunc) << bytes;
  }
  CHECK(ShopwiseReport(cache.path) == cold);
  entries = CacheEntries(cache.path);
  std::vector<std::string> contents;
  for (const auto& e : entries) contents.push_back(seams::test::ReadText(e.string()));
  for (std::size_t i = 0; i < entries.size(); ++i) {
    std::ofstream(entries[i], std::ios::binary | std::ios::trunc) << contents[(i + 1) % contents.size()];
  }
  CHECK(ShopwiseReport(cache.path) == cold);
  CHECK(ShopwiseReport(cache.path) == cold);
}

TEST_CASE("seams init on shopwise writes depends_on that its own check finds acyclic", "[config][reliability]") {
  seams::RealFileSystem real;
  seams::AnalysisOptions options;
  options.cluster = true;
  const seams::Analysis analysis = seams::Analyze(real, std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise", options);
  const std::string text = seams::InitialConfigText(analysis);
  const seams::CheckResult result = seams::Check(seams::ParseConfig(text, "seams.toml"), analysis);
  CHECK(CountRule(result, "context-cycle") == 0);
  // The mutual dependencies are still there to read, as the seams to cut.
  CHECK_THAT(text, Catch::Contains("# seam to cut: "));
  CHECK(CountRule(result, "cross-context-import") > 0);
}
