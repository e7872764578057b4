// Where the facts' memory goes (a benchmark aid, not a test): parses a tree as
// `seams analyze` does and estimates the heap bytes each kind of fact holds,
// counting strings past the small-string buffer, vector capacities and Expr
// trees. Usage: seams_facts_memory PATH [--cache-dir DIR]

#include <cstdio>
#include <map>
#include <string>

#include "lib/core/file_system.h"
#include "lib/discover/discover.h"
#include "lib/django/vocabulary.h"
#include "lib/parse/parse.h"

namespace {

using namespace seams;

// Heap bytes of a string: nothing when it fits the small-string buffer.
std::size_t Heap(const std::string& s) { return s.capacity() > 15 ? ((s.capacity() + 1 + 15) / 16) * 16 : 0; }
template <typename T>
std::size_t Slots(const std::vector<T>& v) { return v.capacity() * sizeof(T); }

std::size_t Heap(const Expr& e) {
  std::size_t n = Heap(e.text) + Slots(e.items) + Slots(e.keywords);
  for (const auto& item : e.items) n += Heap(item);
  for (const auto& [key, value] : e.keywords) n += Heap(key) + Heap(value);
  return n;
}

struct Tally {
  std::map<std::string, std::size_t> bytes, count;
  std::size_t scope_bytes = 0, scope_count = 0;
  std::size_t unpacked_chains = 0;  // what the packed chains would take as vectors
  std::size_t unpacked_call_sites = 0;
  void Add(const std::string& kind, std::size_t n) { bytes[kind] += n; ++count[kind]; }
  void Scope(const std::string& s) { scope_bytes += Heap(s) + sizeof(std::string); ++scope_count; }
};

void Measure(const FileFacts& f, Tally* t) {
  t->Add("(vectors of FileFacts)", Slots(f.imports) + Slots(f.classes) + Slots(f.functions) + Slots(f.assignments) +
                                       Slots(f.calls) + Slots(f.attribute_refs) +
                                       Slots(f.blocks) + Slots(f.dunder_all) +
                                       Slots(f.suppressions) + Slots(f.diagnostics) + sizeof(FileFacts));
  for (const auto& x : f.imports) { t->Add("imports", Heap(x.module) + Heap(x.name) + Heap(x.alias) + Heap(x.scope)); t->Scope(x.scope); }
  for (const auto& x : f.classes) {
    std::size_t n = Heap(x.name) + Heap(x.qualname) + Heap(x.scope) + Slots(x.bases) + Slots(x.keywords) + Slots(x.decorators);
    for (const auto& e : x.bases) n += Heap(e);
    for (const auto& [k, e] : x.keywords) n += Heap(k) + Heap(e);
    for (const auto& e : x.decorators) n += Heap(e);
    t->Add("classes", n);
    t->Scope(x.scope);
  }
  for (const auto& x : f.functions) {
    std::size_t n = Heap(x.name) + Heap(x.qualname) + Heap(x.scope) + Slots(x.decorators);
    for (const auto& e : x.decorators) n += Heap(e);
    t->Add("functions", n);
    t->Scope(x.scope);
  }
  for (const auto& x : f.assignments) { t->Add("assignments", Heap(x.target) + Heap(x.op) + Heap(x.value) + Heap(x.scope)); t->Scope(x.scope); }
  for (const auto& x : f.calls) { t->Add("calls", Heap(x.call) + Heap(x.scope)); t->Scope(x.scope); }
  // Call sites are held packed too.
  if (!f.call_sites.empty()) t->Add("call_sites (packed)", Heap(f.call_sites.bytes()));
  const std::vector<CallSiteFact> sites = f.call_sites.Unpack();
  t->unpacked_call_sites += Slots(sites);
  for (const auto& x : sites) t->unpacked_call_sites += Heap(x.callee) + Heap(x.scope);
  for (const auto& x : f.attribute_refs) { t->Add("attribute_refs", Heap(x.object) + Heap(x.attribute) + Heap(x.scope)); t->Scope(x.scope); }
  // Chains are held packed (PackedChains); what they would take unpacked is counted apart.
  if (!f.chains.empty()) t->Add("chains (packed)", Heap(f.chains.bytes()));
  const std::vector<ChainFact> chains = f.chains.Unpack();
  t->unpacked_chains += Slots(chains);
  for (const auto& x : chains) {
    t->unpacked_chains += Heap(x.root) + Heap(x.target) + Heap(x.scope) + Slots(x.links);
    for (const auto& l : x.links) t->unpacked_chains += Heap(l.name) + Heap(l.args);
  }
  for (const auto& x : f.blocks) { t->Add("blocks", Heap(x.expr) + Heap(x.kind) + Heap(x.function) + Heap(x.scope)); t->Scope(x.scope); }
  for (const auto& x : f.dunder_all) t->Add("dunder_all", Heap(x));
  for (const auto& x : f.diagnostics) t->Add("diagnostics", Heap(x.code) + Heap(x.path) + Heap(x.message));
}

double MiB(std::size_t bytes) { return static_cast<double>(bytes) / 1048576.0; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PATH [--cache-dir DIR]\n", argv[0]);
    return 2;
  }
  RealFileSystem fs;
  ParseOptions options = WithDjangoVocabulary({}, {});
  if (argc == 4 && std::string(argv[2]) == "--cache-dir") options.cache_dir = argv[3];
  const Project project = Discover(fs, argv[1], {});
  const auto facts = ParseProject(fs, project, options);
  Tally tally;
  for (const auto& f : facts) Measure(f, &tally);
  std::size_t total = 0;
  for (const auto& [kind, n] : tally.bytes) total += n;
  std::printf("%zu files; estimated heap of the facts: %.1f MiB\n", facts.size(), MiB(total));
  for (const auto& [kind, n] : tally.bytes) {
    std::printf("  %-24s %9zu  %7.1f MiB  %5.1f%%\n", kind.c_str(), tally.count[kind], MiB(n), 100.0 * MiB(n) / MiB(total));
  }
  std::printf("  unpacked, chains would take %.1f MiB and call sites %.1f MiB (not in the total)\n",
              MiB(tally.unpacked_chains), MiB(tally.unpacked_call_sites));
  std::printf("  scope strings: %zu, %.1f MiB with their slots\n", tally.scope_count, MiB(tally.scope_bytes));
  return 0;
}
