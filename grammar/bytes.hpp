// bytes.hpp — word-at-a-time byte search for grammar/'s scanners (quote
// marks, sentence ends): most of a text holds none of the bytes they stop
// at, so they test eight bytes at once and look at single bytes only where
// a word may hold one. Internal to grammar/.
//
//   size_t p = skip_words(t, p, end, [](uint64_t w) { return has_byte(w, '.') | has_byte(w, '\n'); });
#ifndef QUOTIENT_GRAMMAR_BYTES_HPP_
#define QUOTIENT_GRAMMAR_BYTES_HPP_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace quotient::grammar::bytes {

inline constexpr uint64_t kOnes = 0x0101010101010101u;
inline constexpr uint64_t kHighs = 0x8080808080808080u;

// Nonzero when some byte of the word w is c (exact as a yes/no).
constexpr uint64_t has_byte(uint64_t w, unsigned char c) {
  uint64_t v = w ^ (kOnes * c);
  return (v - kOnes) & ~v & kHighs;
}

// Nonzero when some byte of w is >= 0x80.
constexpr uint64_t has_high(uint64_t w) { return w & kHighs; }

// The first p' >= p, stepping by eight bytes, such that p' + 8 > end or
// `may_stop` is nonzero for the eight bytes at p': every byte skipped is
// one `may_stop` rules out. Postcondition: p' <= max(p, end).
template <typename Test>
size_t skip_words(std::string_view t, size_t p, size_t end, Test may_stop) {
  while (p + 8 <= end) {
    uint64_t w = 0;
    std::memcpy(&w, t.data() + p, sizeof w);
    if (may_stop(w)) break;
    p += 8;
  }
  return p;
}

}  // namespace quotient::grammar::bytes

#endif  // QUOTIENT_GRAMMAR_BYTES_HPP_
