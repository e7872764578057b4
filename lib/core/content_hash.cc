#include "lib/core/content_hash.h"

#include <cstdio>
#include <new>

#include <xxhash.h>

namespace seams {

namespace {

XXH3_state_t* State(void* state) { return static_cast<XXH3_state_t*>(state); }

std::string Hex128(XXH128_hash_t h) {
  char hex[40];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
}

}  // namespace

ContentHasher::ContentHasher() : state_(XXH3_createState()) {
  if (state_ == nullptr) throw std::bad_alloc();
  XXH3_128bits_reset(State(state_));
}

ContentHasher::~ContentHasher() { XXH3_freeState(State(state_)); }

void ContentHasher::Add(std::string_view bytes) { XXH3_128bits_update(State(state_), bytes.data(), bytes.size()); }

void ContentHasher::Part(std::string_view part) {
  const std::string size = std::to_string(part.size()) + ":";
  Add(size);
  Add(part);
}

std::string ContentHasher::Hex() const { return Hex128(XXH3_128bits_digest(State(state_))); }

std::string ContentHashHex(std::string_view a, std::string_view b) {
  ContentHasher hasher;
  hasher.Add(a);
  hasher.Add(b);
  return hasher.Hex();
}

std::uint64_t ContentHash64(std::string_view a, std::string_view b) {
  XXH3_state_t* state = XXH3_createState();
  if (state == nullptr) throw std::bad_alloc();
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, a.data(), a.size());
  XXH3_64bits_update(state, b.data(), b.size());
  const std::uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return h;
}

bool IsHexDigest(std::string_view text) {
  if (text.size() != 32) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace seams
