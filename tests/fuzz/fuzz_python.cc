// libFuzzer target: decode, parse and fact extraction of one Python file, with
// Django's vocabulary (the calls, attributes and ORM chains `seams` records).
// Bad bytes are data: any input must give facts, never a crash.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "lib/django/vocabulary.h"
#include "lib/parse/facts_cache.h"
#include "lib/parse/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const seams::ParseOptions options = seams::WithDjangoVocabulary(seams::ParseOptions{}, seams::DjangoOptions{});
  std::string source(reinterpret_cast<const char*>(data), size);
  seams::FileFacts facts = seams::ParseSource("fuzz/module.py", std::move(source), options);
  // Whatever was extracted survives the facts cache exactly (a cache entry
  // holds no path: FactsCache::Load gives the diagnostics theirs).
  std::optional<seams::FileFacts> back = seams::DeserializeFacts(seams::SerializeFacts(facts));
  if (!back) __builtin_trap();
  for (auto& d : back->diagnostics) d.path = "fuzz/module.py";
  if (*back != facts) __builtin_trap();
  return 0;
}
