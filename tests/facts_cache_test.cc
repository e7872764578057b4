// The facts cache: exact round trips, corrupt entries ignored, warm runs equal cold ones.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "lib/parse/facts_cache.h"
#include "reports/analysis_report.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;

namespace {

std::string Dump(const seams::FileFacts& f) {
  // Serialising is deterministic, so equal bytes mean equal facts.
  return seams::SerializeFacts(f);
}

}  // namespace

TEST_CASE("facts survive the cache format exactly", "[cache]") {
  auto facts = seams::test::Parse(
      "from .models import (Order,  # seams: ignore[private-import]\n    Item)\n"
      "class A(get_model('a', 'B'), metaclass=M):\n    x = {'k': [1, 2.5, None, f'{y}']}\n"
      "@receiver(post_save, sender=A)\ndef f(sender, **kw):\n    A.objects.filter(a=1).delay()\n"
      "__all__ = ['A']\ndef broken(:\n");
  REQUIRE(facts.has_syntax_error);
  auto back = seams::DeserializeFacts(seams::SerializeFacts(facts));
  REQUIRE(back);
  CHECK(Dump(*back) == Dump(facts));
  CHECK(back->imports == facts.imports);
  CHECK(back->suppressions.size() == 1);
  CHECK(back->classes.at(0).bases.at(0).items.at(1).text == "B");
}

TEST_CASE("corrupt or truncated cache bytes are a miss", "[cache]") {
  std::string bytes = seams::SerializeFacts(seams::test::Parse("import a\nclass B(C):\n    pass\n"));
  CHECK(seams::DeserializeFacts(bytes));
  CHECK_FALSE(seams::DeserializeFacts(bytes.substr(0, bytes.size() - 3)));
  CHECK_FALSE(seams::DeserializeFacts(bytes + "x"));
  CHECK_FALSE(seams::DeserializeFacts("not a cache entry"));
  std::string flipped = bytes;
  flipped[10] = static_cast<char>(0xFF);
  auto maybe = seams::DeserializeFacts(flipped);  // either rejected or decoded without crashing
  (void)maybe;
  CHECK_FALSE(seams::DeserializeFacts(""));
}

TEST_CASE("a warm run gives the same report as a cold one, and skips corrupt entries", "[cache]") {
  fs::path dir = fs::temp_directory_path() / ("seams-cache-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  seams::RealFileSystem real;
  seams::AnalysisOptions options;
  options.parse.cache_dir = dir.string();
  std::string root = std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise";
  auto cold = seams::BuildAnalysisReport(seams::Analyze(real, root, options)).dump();
  std::size_t entries = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) entries += e.is_regular_file();
  CHECK(entries == 117);  // one per file (identical files share one)
  // Corrupt every entry: the run must not notice beyond re-parsing.
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) std::ofstream(e.path(), std::ios::trunc) << "garbage";
  }
  auto repaired = seams::BuildAnalysisReport(seams::Analyze(real, root, options)).dump();
  auto warm = seams::BuildAnalysisReport(seams::Analyze(real, root, options)).dump();
  seams::AnalysisOptions no_cache;
  auto plain = seams::BuildAnalysisReport(seams::Analyze(real, root, no_cache)).dump();
  CHECK(cold == plain);
  CHECK(repaired == plain);
  CHECK(warm == plain);
  fs::remove_all(dir);
}
