// The facts cache: a compact binary format, length-checked on every read.

#include "lib/parse/facts_cache.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>

#include "lib/core/content_digests.h"
#include "lib/core/content_hash.h"
#include "lib/core/file_system.h"
#include "lib/parse/binary_format.h"
#include "lib/parse/facts_version.h"

namespace seams {

namespace {

// Marks a cache entry. Which extractor wrote it is in the key instead (kFactsVersion,
// generated at build time from the fact schema and the extractor's sources).
constexpr char kMagic[8] = {'S', 'E', 'A', 'M', 'F', 'A', 'C', 'T'};

// The checksum of an entry: the key it is stored under, then its bytes, so a
// flipped bit or an entry copied under another key is a miss.
std::uint64_t EntryChecksum(const std::string& key, const char* body, std::size_t size) {
  return ContentHash64(key, std::string_view(body, size));
}

// An entry larger than this is not read: a link to /dev/zero or a runaway file.
constexpr std::size_t kMaxEntryBytes = std::size_t{1} << 30;
// A pack larger than this is not read (the loose entries answer instead).
constexpr std::size_t kMaxPackBytes = std::size_t{4} << 30;

}  // namespace

std::string SerializeFacts(const FileFacts& f, std::size_t* digest_end, std::vector<int>* lines) {
  binary::Writer w(lines);
  w.str().append(kMagic, sizeof kMagic);
  w.U(f.imports.size());
  for (const auto& i : f.imports) {
    w.S(i.module); w.I(i.level); w.S(i.name); w.S(i.alias); w.B(i.is_from); w.L(i.line); w.I(i.column);
    w.B(i.in_function); w.B(i.type_checking); w.B(i.guarded); w.S(i.scope);
  }
  w.U(f.classes.size());
  for (const auto& c : f.classes) {
    w.S(c.name); w.S(c.qualname);
    w.U(c.bases.size());
    for (const auto& b : c.bases) w.E(b);
    w.U(c.keywords.size());
    for (const auto& [k, v] : c.keywords) { w.S(k); w.E(v); }
    w.U(c.decorators.size());
    for (const auto& d : c.decorators) w.E(d);
    w.L(c.line); w.L(c.end_line); w.S(c.scope);
  }
  w.U(f.functions.size());
  for (const auto& fn : f.functions) {
    w.S(fn.name); w.S(fn.qualname);
    w.U(fn.decorators.size());
    for (const auto& d : fn.decorators) w.E(d);
    w.L(fn.line); w.L(fn.end_line); w.S(fn.scope);
  }
  w.U(f.assignments.size());
  for (const auto& a : f.assignments) { w.S(a.target); w.S(a.op); w.E(a.value); w.S(a.scope); w.L(a.line); }
  w.U(f.calls.size());
  for (const auto& c : f.calls) { w.E(c.call); w.S(c.scope); w.L(c.line); w.B(c.deferred); }
  // Packed, like the chains: their bytes are copied (re-encoded only for the shape).
  auto packed = [&](const auto& pack) { lines ? w.S(pack.BytesWithLines(lines)) : w.S(pack.bytes()); };
  packed(f.call_sites);
  w.U(f.attribute_refs.size());
  for (const auto& r : f.attribute_refs) { w.S(r.object); w.S(r.attribute); w.S(r.scope); w.L(r.line); }
  w.U(f.dunder_all.size());
  for (const auto& name : f.dunder_all) w.S(name);
  w.U(f.suppressions.size());
  for (const auto& s : f.suppressions) {
    w.L(s.line);
    w.U(s.rules.size());
    for (const auto& r : s.rules) w.S(r);
  }
  packed(f.chains);
  w.U(f.blocks.size());
  for (const auto& b : f.blocks) { w.E(b.expr); w.S(b.kind); w.S(b.function); w.S(b.scope); w.L(b.line); w.L(b.end_line); }
  w.U(f.diagnostics.size());
  for (const auto& d : f.diagnostics) {
    w.S(d.code); w.U(static_cast<std::uint64_t>(d.severity)); w.L(d.line); w.I(d.column); w.S(d.message);
  }
  w.B(f.parsed); w.B(f.has_syntax_error);
  if (digest_end) *digest_end = w.str().size();
  w.I(f.lines);  // last: the one field the facts digest leaves out
  return std::move(w.str());
}

std::optional<FileFacts> DeserializeFacts(std::string_view bytes, std::size_t* digest_end) {
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return std::nullopt;
  binary::Reader r(bytes.substr(sizeof kMagic));  // a view: an entry is read in place, never copied
  FileFacts f;
  for (std::size_t n = r.Count(&f.imports); r.ok() && n > 0; --n) {
    ImportFact i;
    i.module = r.S(); i.level = r.I(); i.name = r.S(); i.alias = r.S(); i.is_from = r.B(); i.line = r.I();
    i.column = r.I(); i.in_function = r.B(); i.type_checking = r.B(); i.guarded = r.B(); i.scope = r.S();
    f.imports.push_back(std::move(i));
  }
  for (std::size_t n = r.Count(&f.classes); r.ok() && n > 0; --n) {
    ClassFact c;
    c.name = r.S(); c.qualname = r.S();
    for (std::size_t k = r.Count(&c.bases); r.ok() && k > 0; --k) c.bases.push_back(r.E());
    for (std::size_t k = r.Count(&c.keywords); r.ok() && k > 0; --k) {
      std::string key = r.S();
      c.keywords.emplace_back(std::move(key), r.E());
    }
    for (std::size_t k = r.Count(&c.decorators); r.ok() && k > 0; --k) c.decorators.push_back(r.E());
    c.line = r.I(); c.end_line = r.I(); c.scope = r.S();
    f.classes.push_back(std::move(c));
  }
  for (std::size_t n = r.Count(&f.functions); r.ok() && n > 0; --n) {
    FunctionFact fn;
    fn.name = r.S(); fn.qualname = r.S();
    for (std::size_t k = r.Count(&fn.decorators); r.ok() && k > 0; --k) fn.decorators.push_back(r.E());
    fn.line = r.I(); fn.end_line = r.I(); fn.scope = r.S();
    f.functions.push_back(std::move(fn));
  }
  for (std::size_t n = r.Count(&f.assignments); r.ok() && n > 0; --n) {
    AssignmentFact a;
    a.target = r.S(); a.op = r.S(); a.value = r.E(); a.scope = r.S(); a.line = r.I();
    f.assignments.push_back(std::move(a));
  }
  for (std::size_t n = r.Count(&f.calls); r.ok() && n > 0; --n) {
    CallFact c;
    c.call = r.E(); c.scope = r.S(); c.line = r.I(); c.deferred = r.B();
    f.calls.push_back(std::move(c));
  }
  if (r.ok()) {
    auto sites = PackedCallSites::FromBytes(r.View());
    if (!sites) return std::nullopt;
    f.call_sites = std::move(*sites);
  }
  for (std::size_t n = r.Count(&f.attribute_refs); r.ok() && n > 0; --n) {
    AttributeRefFact a;
    a.object = r.S(); a.attribute = r.S(); a.scope = r.S(); a.line = r.I();
    f.attribute_refs.push_back(std::move(a));
  }
  for (std::size_t n = r.Count(&f.dunder_all); r.ok() && n > 0; --n) f.dunder_all.push_back(r.S());
  for (std::size_t n = r.Count(&f.suppressions); r.ok() && n > 0; --n) {
    SuppressionFact s;
    s.line = r.I();
    for (std::size_t k = r.Count(&s.rules); r.ok() && k > 0; --k) s.rules.push_back(r.S());
    f.suppressions.push_back(std::move(s));
  }
  if (r.ok()) {
    // Kept packed, as extraction keeps them: checked, but not built until the data stage.
    auto chains = PackedChains::FromBytes(r.View());
    if (!chains) return std::nullopt;
    f.chains = std::move(*chains);
  }
  for (std::size_t n = r.Count(&f.blocks); r.ok() && n > 0; --n) {
    BlockFact b;
    b.expr = r.E(); b.kind = r.S(); b.function = r.S(); b.scope = r.S(); b.line = r.I(); b.end_line = r.I();
    f.blocks.push_back(std::move(b));
  }
  for (std::size_t n = r.Count(&f.diagnostics); r.ok() && n > 0; --n) {
    Diagnostic d;
    d.code = r.S();
    std::uint64_t severity = r.U();
    if (severity > static_cast<std::uint64_t>(Severity::kNote)) return std::nullopt;
    d.severity = static_cast<Severity>(severity);
    d.line = r.I(); d.column = r.I(); d.message = r.S();
    f.diagnostics.push_back(std::move(d));
  }
  f.parsed = r.B(); f.has_syntax_error = r.B();
  if (digest_end) *digest_end = sizeof kMagic + r.Position();
  f.lines = r.I();
  if (!r.ok() || !r.AtEnd()) return std::nullopt;
  return f;
}

std::string FactsDigest(std::string_view serialized, std::size_t digest_end) {
  return ContentHashHex("facts ", serialized.substr(0, digest_end));
}

FactsShape ShapeOf(const FileFacts& facts) {
  FactsShape shape;
  std::size_t digest_end = 0;
  const std::string bytes = SerializeFacts(facts, &digest_end, &shape.lines);
  shape.digest = ContentHashHex("shape ", std::string_view(bytes).substr(0, digest_end));
  return shape;
}

namespace {

constexpr std::size_t kDigestHex = 32;
constexpr std::size_t kChecksumBytes = 8;

}  // namespace

std::string EncodeCacheEntry(const std::string& key, const FileFacts& facts, FactsDigests* digests) {
  std::size_t digest_end = 0;
  std::string bytes = SerializeFacts(facts, &digest_end);
  const std::string shape = ShapeOf(facts).digest;
  if (digests) *digests = {FactsDigest(bytes, digest_end), shape};
  bytes += shape;
  std::uint64_t sum = EntryChecksum(key, bytes.data(), bytes.size());
  for (std::size_t i = 0; i < kChecksumBytes; ++i, sum >>= 8) bytes += static_cast<char>(sum & 0xFF);
  return bytes;
}

std::optional<FileFacts> DecodeCacheEntry(const std::string& key, std::string_view bytes, FactsDigests* digests) {
  if (bytes.size() < kDigestHex + kChecksumBytes) return std::nullopt;
  const std::size_t body = bytes.size() - kChecksumBytes;
  std::uint64_t stored = 0;
  for (std::size_t i = kChecksumBytes; i-- > 0;) stored = (stored << 8) | static_cast<unsigned char>(bytes[body + i]);
  if (stored != EntryChecksum(key, bytes.data(), body)) return std::nullopt;
  const std::string_view shape = bytes.substr(body - kDigestHex, kDigestHex);
  if (!IsHexDigest(shape)) return std::nullopt;
  const std::string_view serialized = bytes.substr(0, body - kDigestHex);
  std::size_t digest_end = 0;
  std::optional<FileFacts> facts = DeserializeFacts(serialized, &digest_end);
  if (facts && digests) *digests = {FactsDigest(serialized, digest_end), std::string(shape)};
  return facts;
}

const char* FactsVersion() { return kFactsVersion; }

FactsCache::FactsCache(std::string directory, const ParseOptions& options, const std::string& version)
    : directory_(std::move(directory)) {
  // Everything that changes what the parser records is part of the key: the
  // extractor's version, then the options.
  std::ostringstream salt;
  salt << version << '|';
  for (const auto& name : options.call_names) salt << name << ',';
  salt << '|';
  for (const auto& name : options.attribute_names) salt << name << ',';
  salt << '|';
  for (const auto& name : options.chain_methods) salt << name << ',';
  salt << '|';
  for (const auto& name : options.deferring_calls) salt << name << ',';
  salt_ = salt.str();
}

std::string FactsCache::Key(const std::string& source) const { return KeyOfDigest(ContentDigests::Of(source)); }

std::string FactsCache::KeyOfDigest(const std::string& digest) const { return ContentHashHex(salt_, digest); }

std::optional<FileFacts> FactsCache::Load(const std::string& key, const std::string& path, FactsDigests* digests,
                                          std::string* entry) const {
  std::optional<FileFacts> facts;
  if (std::optional<std::string_view> packed = pack_.Find(key)) {
    facts = DecodeCacheEntry(key, *packed, digests);
    if (facts && entry) entry->assign(*packed);
  }
  if (!facts) {  // not in the pack, or damaged there
    std::optional<std::string> bytes = ReadRegularFile(directory_ + "/" + key.substr(0, 2) + "/" + key, kMaxEntryBytes);
    if (!bytes) return std::nullopt;
    facts = DecodeCacheEntry(key, *bytes, digests);
    if (!facts) return std::nullopt;
    if (entry) *entry = std::move(*bytes);
  }
  for (auto& d : facts->diagnostics) d.path = path;
  return facts;
}

void FactsCache::Store(const std::string& key, const FileFacts& facts, FactsDigests* digests,
                       std::string* entry) const {
  std::string bytes = EncodeCacheEntry(key, facts, digests);
  ReplaceFile(directory_ + "/" + key.substr(0, 2), key, bytes);
  if (entry) *entry = std::move(bytes);
}

std::string FactsCache::PackName() const { return "facts-" + ContentHashHex(salt_, "pack").substr(0, 16) + ".pack"; }

void FactsCache::ReadPack() {
  const std::string path = directory_ + "/" + PackName();
  pack_ = FactsPack::Read(path, kMaxPackBytes);
  // Marked used now: WritePack keeps the pack another build or option set last used.
  if (pack_.size() > 0) ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
}

void FactsCache::WritePack(std::vector<std::pair<std::string, std::string_view>> entries) const {
  std::string header;
  if (!ReplaceFile(directory_, PackName(), FactsPack::Pieces(std::move(entries), &header))) return;
  // One pack per extractor version and options: a pack as large as the facts
  // would otherwise stay behind after every upgrade. This one is kept, and the
  // one used last of the others (a second set of options sharing the cache).
  std::error_code ec;
  std::vector<std::filesystem::path> others;
  for (std::filesystem::directory_iterator it(directory_, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name != PackName() && name.starts_with("facts-") && name.ends_with(".pack")) others.push_back(it->path());
  }
  RemoveAllButNewest(std::move(others), 1);
}

}  // namespace seams
