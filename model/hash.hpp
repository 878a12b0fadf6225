// hash.hpp — the one documented hash of the tone model: 64-bit FNV-1a.
//
// Each normalized token is hashed once, t = fnv1a64(token); the lexicon is
// keyed by t. Hashed feature keys are derived from token hashes without
// re-reading the bytes (extractor version 2):
//   key(ns, t)        = mix64(t ^ salt(ns))            unigram-like namespaces
//   bigram(t1, t2)    = mix64(t1 * kFnvPrime ^ t2 ^ salt('b'))
//   salt(ns)          = fnv1a64 of the one byte ns
// mix64 is the splitmix64 finaliser (a bijection that spreads t's bits, so
// the low bucket bits and the sign bit 63 are well mixed).
// The model file records "fnv1a64" so a reader with another hash refuses it.
#pragma once

#include <cstdint>
#include <string_view>

namespace quotient::model {

inline constexpr uint64_t kFnvOffset = 14695981039346656037ULL;
inline constexpr uint64_t kFnvPrime = 1099511628211ULL;
inline constexpr char kFieldSeparator = '\x1f';

// Continues an FNV-1a 64 hash `h` over `bytes`.
inline constexpr uint64_t fnv1a64(std::string_view bytes, uint64_t h = kFnvOffset) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

// Continues `h` over one byte.
inline constexpr uint64_t fnv1a64_byte(unsigned char c, uint64_t h) {
  return (h ^ c) * kFnvPrime;
}

// splitmix64 finaliser (Steele, Lea & Flood 2014): a bijective 64-bit mixer.
inline constexpr uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Salt of a feature namespace: fnv1a64 of its one byte.
inline constexpr uint64_t ns_salt(char ns) { return (kFnvOffset ^ static_cast<unsigned char>(ns)) * kFnvPrime; }

// Key of token hash `t` in namespace `ns` (see the header comment).
inline constexpr uint64_t feature_key(char ns, uint64_t t) { return mix64(t ^ ns_salt(ns)); }

// Key of the bigram (t1, t2) of token hashes.
inline constexpr uint64_t bigram_key(uint64_t t1, uint64_t t2) { return mix64((t1 * kFnvPrime) ^ t2 ^ ns_salt('b')); }

}  // namespace quotient::model
