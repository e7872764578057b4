#pragma once
/// The binary form facts are kept in, on disk (the facts cache) and in memory
/// (packed chains and call sites): unsigned LEB128 varints, length-prefixed
/// strings, one byte per bool. Every read is length-checked: damaged bytes make
/// the reader fail, never read past the end or allocate what the input cannot
/// hold. The reader takes only what the writer writes (shortest varints, ints
/// in range, bools 0 or 1), so bytes that read are the one encoding of what
/// they hold, and packs can be compared by their bytes.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "lib/parse/expr.h"

namespace seams::binary {

class Writer {
 public:
  /// With `lines`, every line number (L) is written as 0 and appended there
  /// instead: the facts' shape (ShapeOf, lib/parse/facts_cache.h).
  explicit Writer(std::vector<int>* lines = nullptr) : lines_(lines) {}

  void U(std::uint64_t v) {
    do {
      unsigned char byte = v & 0x7F;
      v >>= 7;
      if (v) byte |= 0x80;
      out_ += static_cast<char>(byte);
    } while (v);
  }
  void I(int v) { U(static_cast<std::uint64_t>(static_cast<std::int64_t>(v))); }
  void S(std::string_view s) {
    U(s.size());
    out_ += s;
  }
  void B(bool b) { out_ += b ? '\1' : '\0'; }
  /// A line number: I, or 0 recorded in `lines` (see the constructor).
  void L(int line) {
    if (!lines_) return I(line);
    lines_->push_back(line);
    I(0);
  }
  std::vector<int>* lines() const { return lines_; }
  void E(const Expr& e) {
    U(static_cast<std::uint64_t>(e.kind));
    S(e.text);
    L(e.line);
    U(e.items.size());
    for (const auto& item : e.items) E(item);
    U(e.keywords.size());
    for (const auto& [k, v] : e.keywords) {
      S(k);
      E(v);
    }
  }
  std::string& str() { return out_; }

 private:
  std::vector<int>* lines_;
  std::string out_;
};

class Reader {
 public:
  /// Expressions nested deeper than this are damage: the writer never nests so deep.
  static constexpr int kMaxDepth = 64;

  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  /// How many bytes have been read.
  std::size_t Position() const { return pos_; }
  std::uint64_t U() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return Fail();
      unsigned char byte = static_cast<unsigned char>(in_[pos_++]);
      // The tenth byte holds the top bit only; a last byte of 0 after the first pads the number.
      if ((shift == 63 && byte > 1) || (byte == 0 && shift > 0)) return Fail();
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return v;
    }
    return Fail();
  }
  int I() {
    const auto v = static_cast<std::int64_t>(U());
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) return static_cast<int>(Fail());
    return static_cast<int>(v);
  }
  std::size_t Count() {
    std::uint64_t n = U();
    if (n > in_.size() - pos_ + 1) return static_cast<std::size_t>(Fail());  // cannot hold that many items
    return static_cast<std::size_t>(n);
  }
  /// Count, with room made for that many items in `v`: decoded vectors are
  /// sized exactly once (no growth, nothing to shrink afterwards). The room is
  /// capped, so damaged counts nested 64 deep cannot ask for gigabytes.
  template <typename V>
  std::size_t Count(V* v) {
    const std::size_t n = Count();
    v->reserve(std::min<std::size_t>(n, 4096));
    return n;
  }
  /// A length-prefixed string, as a view into the input.
  std::string_view View() {
    std::uint64_t n = U();
    if (!ok_ || n > in_.size() - pos_) {
      Fail();
      return {};
    }
    std::string_view s = in_.substr(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return s;
  }
  std::string S() { return std::string(View()); }
  bool B() {
    if (pos_ >= in_.size()) return Fail() != 0;
    const char byte = in_[pos_++];
    if (byte != 0 && byte != 1) return Fail() != 0;
    return byte != 0;
  }
  Expr E(int depth = 0) {
    Expr e;
    if (depth > kMaxDepth) {
      Fail();
      return e;
    }
    e.kind = Kind();
    e.text = S();
    e.line = I();
    for (std::size_t n = Count(&e.items); ok_ && n > 0; --n) e.items.push_back(E(depth + 1));
    for (std::size_t n = Count(&e.keywords); ok_ && n > 0; --n) {
      std::string k = S();
      e.keywords.emplace_back(std::move(k), E(depth + 1));
    }
    return e;
  }
  /// Reads past an expression as E would, without building it.
  void SkipE(int depth = 0) {
    if (depth > kMaxDepth) {
      Fail();
      return;
    }
    Kind();
    View();
    I();
    for (std::size_t n = Count(); ok_ && n > 0; --n) SkipE(depth + 1);
    for (std::size_t n = Count(); ok_ && n > 0; --n) {
      View();
      SkipE(depth + 1);
    }
  }
  bool AtEnd() const { return pos_ == in_.size(); }

 private:
  Expr::Kind Kind() {
    std::uint64_t kind = U();
    if (kind > static_cast<std::uint64_t>(Expr::Kind::kAttribute)) Fail();
    return static_cast<Expr::Kind>(kind);
  }
  std::uint64_t Fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace seams::binary
