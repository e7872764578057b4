// Query chains packed in the facts' binary form until the data stage reads them.

#include "lib/parse/binary_format.h"
#include "lib/parse/file_facts.h"

namespace seams {

namespace {

void Write(binary::Writer& w, const ChainFact& c) {
  w.S(c.root);
  w.U(c.links.size());
  for (const auto& l : c.links) {
    w.S(l.name);
    w.B(l.call);
    w.E(l.args);
    w.I(l.line);
  }
  w.S(c.target);
  w.B(c.iterated);
  w.I(c.outer);
  w.S(c.scope);
  w.I(c.line);
}

ChainFact Read(binary::Reader& r) {
  ChainFact c;
  c.root = r.S();
  for (std::size_t k = r.Count(&c.links); r.ok() && k > 0; --k) {
    ChainLink l;
    l.name = r.S();
    l.call = r.B();
    l.args = r.E();
    l.line = r.I();
    c.links.push_back(std::move(l));
  }
  c.target = r.S();
  c.iterated = r.B();
  c.outer = r.I();
  c.scope = r.S();
  c.line = r.I();
  return c;
}

// Reads past one chain as Read would, without building it.
void Skip(binary::Reader& r) {
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

}  // namespace

PackedChains::PackedChains(const std::vector<ChainFact>& chains) : count_(chains.size()) {
  if (chains.empty()) return;
  binary::Writer w;
  w.U(chains.size());
  for (const auto& c : chains) Write(w, c);
  bytes_ = std::move(w.str());
  bytes_.shrink_to_fit();  // held until the data stage: growth by doubling would waste a third
}

std::optional<PackedChains> PackedChains::FromBytes(std::string_view bytes) {
  PackedChains packed;
  if (bytes.empty()) return packed;
  binary::Reader r(bytes);
  const std::size_t n = r.Count();
  for (std::size_t i = 0; r.ok() && i < n; ++i) Skip(r);
  // A pack of no chains is written as no bytes at all: anything else is not canonical.
  if (!r.ok() || !r.AtEnd() || n == 0) return std::nullopt;
  packed.bytes_ = std::string(bytes);
  packed.count_ = n;
  return packed;
}

std::vector<ChainFact> PackedChains::Unpack() const {
  std::vector<ChainFact> chains;
  if (bytes_.empty()) return chains;
  binary::Reader r(bytes_);
  // The bytes were written by the constructor or checked by FromBytes: they read whole.
  for (std::size_t n = r.Count(&chains); r.ok() && n > 0; --n) chains.push_back(Read(r));
  return chains;
}

}  // namespace seams
