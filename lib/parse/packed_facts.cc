// Query chains and call sites, packed in the facts' binary form until the data stage reads them.

#include "lib/parse/binary_format.h"
#include "lib/parse/file_facts.h"

namespace seams {

namespace {

// One codec per packed kind: Write, Read, and Skip (reads past one fact as Read
// would, without building it), field by field in the same order.
void Write(binary::Writer& w, const ChainFact& c) {
  w.S(c.root);
  w.U(c.links.size());
  for (const auto& l : c.links) {
    w.S(l.name);
    w.B(l.call);
    w.E(l.args);
    w.L(l.line);
  }
  w.S(c.target);
  w.B(c.iterated);
  w.I(c.outer);
  w.S(c.scope);
  w.L(c.line);
}

void Read(binary::Reader& r, ChainFact* c) {
  c->root = r.S();
  for (std::size_t k = r.Count(&c->links); r.ok() && k > 0; --k) {
    ChainLink l;
    l.name = r.S();
    l.call = r.B();
    l.args = r.E();
    l.line = r.I();
    c->links.push_back(std::move(l));
  }
  c->target = r.S();
  c->iterated = r.B();
  c->outer = r.I();
  c->scope = r.S();
  c->line = r.I();
}

void Skip(binary::Reader& r, const ChainFact*) {
  r.View();
  for (std::size_t k = r.Count(); r.ok() && k > 0; --k) {
    r.View();
    r.B();
    r.SkipE();
    r.I();
  }
  r.View();
  r.B();
  r.I();
  r.View();
  r.I();
}

void Write(binary::Writer& w, const CallSiteFact& c) {
  w.S(c.callee);
  w.S(c.scope);
  w.L(c.line);
  w.B(c.deferred);
}

void Read(binary::Reader& r, CallSiteFact* c) {
  c->callee = r.S();
  c->scope = r.S();
  c->line = r.I();
  c->deferred = r.B();
}

void Skip(binary::Reader& r, const CallSiteFact*) {
  r.View();
  r.View();
  r.I();
  r.B();
}

}  // namespace

template <typename Fact>
Packed<Fact>::Packed(const std::vector<Fact>& facts) : count_(facts.size()) {
  if (facts.empty()) return;
  binary::Writer w;
  w.U(facts.size());
  for (const auto& fact : facts) Write(w, fact);
  bytes_ = std::move(w.str());
  bytes_.shrink_to_fit();  // held until the data stage: growth by doubling would waste a third
}

template <typename Fact>
std::optional<Packed<Fact>> Packed<Fact>::FromBytes(std::string_view bytes) {
  Packed packed;
  if (bytes.empty()) return packed;
  binary::Reader r(bytes);
  const std::size_t n = r.Count();
  for (std::size_t i = 0; r.ok() && i < n; ++i) Skip(r, static_cast<const Fact*>(nullptr));
  // A pack of no facts is written as no bytes at all: anything else is not canonical.
  if (!r.ok() || !r.AtEnd() || n == 0) return std::nullopt;
  packed.bytes_ = std::string(bytes);
  packed.count_ = n;
  return packed;
}

template <typename Fact>
std::vector<Fact> Packed<Fact>::Unpack() const {
  std::vector<Fact> facts;
  if (bytes_.empty()) return facts;
  binary::Reader r(bytes_);
  // The bytes were written by the constructor or checked by FromBytes: they read whole.
  for (std::size_t n = r.Count(&facts); r.ok() && n > 0; --n) Read(r, &facts.emplace_back());
  return facts;
}

template <typename Fact>
std::string Packed<Fact>::BytesWithLines(std::vector<int>* lines) const {
  if (!lines || bytes_.empty()) return bytes_;
  binary::Writer w(lines);
  const std::vector<Fact> facts = Unpack();
  w.U(facts.size());
  for (const auto& fact : facts) Write(w, fact);
  return std::move(w.str());
}

template class Packed<ChainFact>;
template class Packed<CallSiteFact>;

}  // namespace seams
