// The facts cache: exact round trips, corrupt entries ignored, warm runs equal cold ones.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "lib/parse/facts_cache.h"
#include "reports/analysis_report.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;

TEST_CASE("facts survive the cache format exactly, field by field", "[cache]") {
  auto facts = seams::test::Parse(
      "from .models import (Order,  # seams: ignore[private-import]\n    Item)\n"
      "class A(get_model('a', 'B'), metaclass=M):\n    x = {'k': [1, 2.5, None, f'{y}']}\n"
      "@receiver(post_save, sender=A)\ndef f(sender, **kw):\n    A.objects.filter(a=1).delay()\n"
      "    with transaction.atomic(using='x'):\n        qs = A.DoesNotExist\n"
      "__all__ = ['A']\ndef broken(:\n");
  // Every kind of fact is present, so a field the serializer drops anywhere fails below.
  REQUIRE(facts.has_syntax_error);
  REQUIRE_FALSE(facts.imports.empty());
  REQUIRE_FALSE(facts.classes.empty());
  REQUIRE_FALSE(facts.functions.empty());
  REQUIRE_FALSE(facts.assignments.empty());
  REQUIRE_FALSE(facts.calls.empty());
  REQUIRE_FALSE(facts.attribute_refs.empty());
  REQUIRE_FALSE(facts.chains.empty());
  REQUIRE_FALSE(facts.call_sites.empty());
  REQUIRE_FALSE(facts.blocks.empty());
  REQUIRE_FALSE(facts.dunder_all.empty());
  REQUIRE_FALSE(facts.suppressions.empty());
  REQUIRE_FALSE(facts.diagnostics.empty());
  auto back = seams::DeserializeFacts(seams::SerializeFacts(facts));
  REQUIRE(back);
  // The cache stores no path: Load gives the diagnostics the file's path back.
  for (auto& d : back->diagnostics) d.path = "test.py";
  CHECK(back->imports == facts.imports);
  CHECK(back->classes == facts.classes);
  CHECK(back->functions == facts.functions);
  CHECK(back->assignments == facts.assignments);
  CHECK(back->calls == facts.calls);
  CHECK(back->attribute_refs == facts.attribute_refs);
  CHECK(back->chains == facts.chains);
  CHECK(back->chains.Unpack() == facts.chains.Unpack());
  CHECK(back->call_sites == facts.call_sites);
  CHECK(back->call_sites.Unpack() == facts.call_sites.Unpack());
  CHECK(back->blocks == facts.blocks);
  CHECK(back->dunder_all == facts.dunder_all);
  CHECK(back->suppressions == facts.suppressions);
  CHECK(back->diagnostics == facts.diagnostics);
  CHECK(back->lines == facts.lines);
  CHECK(back->parsed == facts.parsed);
  CHECK(back->has_syntax_error == facts.has_syntax_error);
  CHECK(*back == facts);
  CHECK(back->classes.at(0).bases.at(0).items.at(1).text == "B");
}

TEST_CASE("facts compare field by field: one changed field makes them differ", "[cache]") {
  auto facts = seams::test::Parse("class A(B):\n    x = f(1)\n");
  auto changed = facts;
  REQUIRE(changed == facts);
  changed.classes.at(0).end_line += 1;
  CHECK_FALSE(changed == facts);
  changed = facts;
  changed.assignments.at(0).value.items.at(0).text = "2";
  CHECK_FALSE(changed == facts);
}

TEST_CASE("the cache key carries the extractor's version: another version misses", "[cache]") {
  std::string version = seams::FactsVersion();
  CHECK(version.size() == 32);
  CHECK(version.find_first_not_of("0123456789abcdef") == std::string::npos);
  fs::path dir = fs::temp_directory_path() / ("seams-cache-version-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  seams::ParseOptions options;
  seams::FactsCache built(dir.string(), options);
  seams::FactsCache same(dir.string(), options, version);
  seams::FactsCache other(dir.string(), options, version + "x");
  const std::string source = "import a\n";
  auto facts = seams::test::Parse(source);
  built.Store(built.Key(source), facts);
  CHECK(same.Key(source) == built.Key(source));
  CHECK(other.Key(source) != built.Key(source));
  CHECK(same.Load(same.Key(source), "a.py"));
  CHECK_FALSE(other.Load(other.Key(source), "a.py"));
  fs::remove_all(dir);
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
  std::size_t packs = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const bool pack = e.path().extension() == ".pack";
    entries += e.is_regular_file() && e.path().filename() != "stamps" && !pack;
    packs += pack;
  }
  CHECK(entries == 117);  // one per file (identical files share one)
  CHECK(packs == 1);      // and all of them in one pack
  // Corrupt every entry, and the stamps: the run must not notice beyond re-reading and re-parsing.
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
