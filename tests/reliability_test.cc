// Regression tests for what a reliability probe fed Seams: inputs deep or long
// enough to overflow a recursion or blow up a backtracking matcher, symlinked
// trees, and config values that must be refused with file:line:col.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "lib/check/check.h"
#include "lib/core/error.h"
#include "lib/discover/discover.h"
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
