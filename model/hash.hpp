// hash.hpp — the one documented hash of the tone model: 64-bit FNV-1a.
//
// Hashed features use fnv1a64 over "<namespace>\x1f<token>[\x1f<token>]";
// the model file records "fnv1a64" so a reader with another hash refuses it.
#pragma once

#include <cstdint>
#include <string_view>

namespace quotient::model {

inline constexpr uint64_t kFnvOffset = 14695981039346656037ULL;
inline constexpr uint64_t kFnvPrime = 1099511628211ULL;
inline constexpr char kFieldSeparator = '\x1f';

// Continues an FNV-1a 64 hash `h` over `bytes`.
inline uint64_t fnv1a64(std::string_view bytes, uint64_t h = kFnvOffset) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

// Continues `h` over one byte.
inline uint64_t fnv1a64_byte(unsigned char c, uint64_t h) {
  return (h ^ c) * kFnvPrime;
}

}  // namespace quotient::model
