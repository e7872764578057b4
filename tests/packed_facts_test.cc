// Packed facts: a file's query chains and call sites, kept in the facts' binary
// form from extraction until the data stage. Checked on Django's own code.

#include <catch2/catch.hpp>

#include "lib/parse/facts_cache.h"
#include "lib/parse/file_facts.h"
#include "tests/test_support.h"

namespace {

// Django's own files with the most ORM chains (the admin's changelist and the auth backends).
std::vector<seams::FileFacts> DjangoOrmFiles() {
  std::vector<seams::FileFacts> files;
  for (const char* path : {"/contrib/admin/options.py", "/contrib/auth/backends.py", "/contrib/contenttypes/models.py"}) {
    files.push_back(seams::test::Parse(seams::test::ReadText(std::string(SEAMS_DJANGO_DIR) + path)));
  }
  return files;
}

}  // namespace

TEST_CASE("chains unpack to what was packed, and pack to the same bytes again", "[parse][chains]") {
  std::size_t chains = 0, links = 0, bytes = 0;
  for (const auto& facts : DjangoOrmFiles()) {
    const std::vector<seams::ChainFact> unpacked = facts.chains.Unpack();
    REQUIRE(unpacked.size() == facts.chains.size());
    CHECK(seams::PackedChains(unpacked) == facts.chains);
    CHECK(seams::PackedChains(unpacked).Unpack() == unpacked);
    auto again = seams::PackedChains::FromBytes(facts.chains.bytes());
    REQUIRE(again);
    CHECK(*again == facts.chains);
    chains += unpacked.size();
    bytes += facts.chains.bytes().size();
    for (const auto& chain : unpacked) links += chain.links.size();
  }
  // Real chains, with links and their arguments: `.objects.filter(...)`, `.get(...)`, `.select_related(...)`.
  CHECK(chains > 100);
  CHECK(links > 200);
  // Packed, they take less than the slots of their vectors alone, before any string or argument.
  CHECK(bytes < chains * sizeof(seams::ChainFact) + links * sizeof(seams::ChainLink));

  // The facts of admin/options.py hold `queryset.filter(...)`-style chains with a scope and a line.
  const auto admin = DjangoOrmFiles().at(0).chains.Unpack();
  bool filter = false;
  for (const auto& chain : admin) {
    for (const auto& link : chain.links) filter = filter || (link.call && link.name == "filter" && !chain.scope.empty() && chain.line > 0);
  }
  CHECK(filter);
}

TEST_CASE("no chains pack to no bytes; damaged packs are refused", "[parse][chains]") {
  CHECK(seams::PackedChains().bytes().empty());
  CHECK(seams::PackedChains(std::vector<seams::ChainFact>{}).bytes().empty());
  CHECK(seams::PackedChains::FromBytes("") == seams::PackedChains());
  CHECK_FALSE(seams::PackedChains::FromBytes(std::string(1, '\0')));  // a count of none is written as nothing

  const seams::PackedChains packed = DjangoOrmFiles().at(1).chains;
  const std::string& bytes = packed.bytes();
  REQUIRE(bytes.size() > 10);
  // Every truncation, and anything appended, is refused.
  for (std::size_t n = 0; n + 1 < bytes.size(); n += 7) {
    CAPTURE(n);
    CHECK_FALSE(seams::PackedChains::FromBytes(std::string_view(bytes).substr(0, n + 1)));
  }
  CHECK_FALSE(seams::PackedChains::FromBytes(bytes + '\0'));
  // A count larger than the chains that follow.
  std::string more = bytes;
  more[0] = static_cast<char>(more[0] + 1);
  CHECK_FALSE(seams::PackedChains::FromBytes(more));
}

TEST_CASE("a cache entry whose chains do not read whole is a miss", "[parse][chains][cache]") {
  const seams::FileFacts facts = DjangoOrmFiles().at(1);
  const std::string entry = seams::SerializeFacts(facts);
  auto back = seams::DeserializeFacts(entry);
  REQUIRE(back);
  CHECK(back->chains == facts.chains);
  // The chains sit in the entry as they are packed; make their last byte a varint that
  // never ends: the section keeps its length, but does not read whole.
  const std::size_t at = entry.find(facts.chains.bytes());
  REQUIRE(at != std::string::npos);
  std::string damaged = entry;
  damaged[at + facts.chains.bytes().size() - 1] = static_cast<char>(0x80);
  CHECK_FALSE(seams::DeserializeFacts(damaged));
}

TEST_CASE("call sites unpack to what was packed; damaged packs are refused", "[parse][chains]") {
  std::size_t sites = 0;
  for (const auto& facts : DjangoOrmFiles()) {
    const std::vector<seams::CallSiteFact> unpacked = facts.call_sites.Unpack();
    REQUIRE(unpacked.size() == facts.call_sites.size());
    CHECK(seams::PackedCallSites(unpacked) == facts.call_sites);
    auto again = seams::PackedCallSites::FromBytes(facts.call_sites.bytes());
    REQUIRE(again);
    CHECK(again->Unpack() == unpacked);
    sites += unpacked.size();
  }
  CHECK(sites > 50);
  // admin/options.py calls its own methods: `self.get_queryset(request)` inside ModelAdmin's methods.
  bool own = false;
  for (const auto& site : DjangoOrmFiles().at(0).call_sites.Unpack()) {
    own = own || (site.callee == "self.get_queryset" && site.scope.rfind("ModelAdmin.", 0) == 0 && site.line > 0);
  }
  CHECK(own);
  const std::string bytes = DjangoOrmFiles().at(0).call_sites.bytes();
  CHECK_FALSE(seams::PackedCallSites::FromBytes(std::string_view(bytes).substr(0, bytes.size() - 1)));
  CHECK_FALSE(seams::PackedCallSites::FromBytes(bytes + '\0'));
  // Chains' bytes are not call sites.
  CHECK_FALSE(seams::PackedCallSites::FromBytes(DjangoOrmFiles().at(0).chains.bytes()));
}

TEST_CASE("only the writer's own encoding reads: packs compare by their bytes", "[parse][chains]") {
  // Found by the facts-cache fuzz target: two call sites whose second `deferred` byte
  // was 2. It read as true, and packed again as 1, so equal facts had unequal bytes.
  const std::string fuzzed("\x02\x02\x02\x02\x02\x02\x02\x00\x00\x02\x02\x02\x02\x02\x02\x02\x02", 17);
  CHECK_FALSE(seams::PackedCallSites::FromBytes(fuzzed));
  std::string canonical = fuzzed;
  canonical.back() = '\x01';
  auto read = seams::PackedCallSites::FromBytes(canonical);
  REQUIRE(read);
  CHECK(read->size() == 2);
  CHECK(read->Unpack().at(1).deferred);
  CHECK(seams::PackedCallSites(read->Unpack()) == *read);
  // One call site, `f` in scope "" at line 1, not deferred, written four ways.
  auto one = [](std::string line) { return std::string("\x01\x01" "f" "\x00", 4) + line + std::string(1, '\0'); };
  CHECK(seams::PackedCallSites::FromBytes(one("\x01")));
  CHECK_FALSE(seams::PackedCallSites::FromBytes(one("\x81\x00")));  // 1 with a padding byte
  // 2^31 does not fit an int: it does not read as some other line.
  CHECK_FALSE(seams::PackedCallSites::FromBytes(one(std::string("\x80\x80\x80\x80\x08", 5))));
  // A line of -1, as the writer writes it (ten bytes), reads.
  seams::CallSiteFact negative{"f", "", -1, false};
  auto back = seams::PackedCallSites::FromBytes(seams::PackedCallSites({negative}).bytes());
  REQUIRE(back);
  CHECK(back->Unpack().at(0).line == -1);
}
