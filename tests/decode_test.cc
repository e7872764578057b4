// Bad bytes are data: BOM, NUL, undecodable bytes, declared codings.

#include <catch2/catch.hpp>

#include "lib/parse/decode.h"
#include "tests/test_support.h"

using seams::test::Codes;
using seams::test::Parse;
using V = std::vector<std::string>;

TEST_CASE("a UTF-8 BOM is not a syntax error", "[decode]") {
  auto facts = Parse("\xEF\xBB\xBFimport a\n");
  CHECK(facts.diagnostics.empty());
  REQUIRE(facts.imports.size() == 1);
  CHECK(facts.imports[0].module == "a");
  CHECK(facts.imports[0].column == 8);
}

TEST_CASE("NUL bytes are reported with their line and read as spaces", "[decode]") {
  auto facts = Parse(std::string("import a\nx = 1\0\nimport b\n", 25));
  CHECK(Codes(facts.diagnostics) == V{"nul-byte"});
  CHECK(facts.diagnostics[0].line == 2);
  CHECK(facts.imports.size() == 2);
}

TEST_CASE("bytes that are not UTF-8 are reported and the rest is analysed", "[decode]") {
  auto facts = Parse("import a\ns = 'caf\xE9'\nimport b\n");
  CHECK(Codes(facts.diagnostics) == V{"invalid-utf8"});
  CHECK(facts.diagnostics[0].line == 2);
  CHECK(facts.imports.size() == 2);
}

TEST_CASE("a declared latin-1 coding is honoured", "[decode]") {
  auto facts = Parse("# -*- coding: latin-1 -*-\nimport a\ns = 'caf\xE9'\n");
  CHECK(facts.diagnostics.empty());
  CHECK(facts.imports.size() == 1);
}

TEST_CASE("UTF-8 validation", "[decode]") {
  size_t bad = 0;
  CHECK(seams::IsValidUtf8("h\xC3\xA9llo \xF0\x9F\x98\x80", &bad));
  CHECK_FALSE(seams::IsValidUtf8("ab\xC0\xAF", &bad));  // overlong
  CHECK(bad == 2);
  CHECK_FALSE(seams::IsValidUtf8("\xED\xA0\x80", &bad));  // surrogate
  CHECK_FALSE(seams::IsValidUtf8("\xE2\x82", &bad));       // truncated
}

TEST_CASE("UTF-8 validation finds a bad byte anywhere in long ASCII runs", "[decode]") {
  // ASCII is skipped eight bytes at a time: the bad byte at every offset within
  // and across those words, and a valid sequence that straddles one.
  for (size_t at = 0; at < 40; ++at) {
    std::string text(40, 'a');
    text[at] = '\xFF';
    size_t bad = 0;
    CHECK_FALSE(seams::IsValidUtf8(text, &bad));
    CHECK(bad == at);
    std::string straddle(at, 'x');
    straddle += "\xF0\x9F\x98\x80";  // U+1F600, four bytes
    straddle += std::string(17, 'y');
    CHECK(seams::IsValidUtf8(straddle, &bad));
    straddle.pop_back();
    straddle.back() = '\x80';  // a lone continuation byte at the end
    CHECK_FALSE(seams::IsValidUtf8(straddle, &bad));
    CHECK(bad == straddle.size() - 1);
  }
}

TEST_CASE("an empty file has no facts and no diagnostics", "[decode]") {
  auto facts = Parse("");
  CHECK(facts.parsed);
  CHECK(facts.diagnostics.empty());
  CHECK(facts.imports.empty());
}
