// bytes.hpp — word-at-a-time byte search for grammar/'s scanners (quote
// marks, sentence ends): most of a text holds none of the bytes they stop
// at, so they test sixteen (SSE2) or eight bytes at once and go straight to
// the first byte that matches. Internal to grammar/.
//
//   size_t p = find_any<'.', '\n'>(t, p, t.size());  // t.size() when there is none
#ifndef QUOTIENT_GRAMMAR_BYTES_HPP_
#define QUOTIENT_GRAMMAR_BYTES_HPP_

#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quotient::grammar::bytes {

inline constexpr uint64_t kOnes = 0x0101010101010101u;
inline constexpr uint64_t kHighs = 0x8080808080808080u;

// Nonzero when some byte of the word w is c (exact as a yes/no).
constexpr uint64_t has_byte(uint64_t w, unsigned char c) {
  uint64_t v = w ^ (kOnes * c);
  return (v - kOnes) & ~v & kHighs;
}

// Index (0..7) of the first byte, in text order, that has bit 7 set in
// `mask` (nonzero, bits 7 of bytes only). has_byte() marks its lowest match
// exactly (a borrow only runs upwards), so this finds the first match.
inline size_t first_marked(uint64_t mask) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return static_cast<size_t>(__builtin_clzll(mask)) >> 3;
#else
  return static_cast<size_t>(__builtin_ctzll(mask)) >> 3;
#endif
}

// The first p' in [p, end) whose byte is one of Cs, or end when there is
// none: sixteen bytes at a time with SSE2, else eight.
//
//   size_t q = find_any<'\n', '.'>(t, p, t.size());
template <unsigned char... Cs>
size_t find_any(std::string_view t, size_t p, size_t end) {
  const char* s = t.data();
#if defined(__SSE2__)
  while (p + 16 <= end) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + p));
    __m128i hit = _mm_setzero_si128();
    ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(Cs))))), ...);
    if (int bits = _mm_movemask_epi8(hit)) return p + static_cast<size_t>(__builtin_ctz(bits));
    p += 16;
  }
#endif
  while (p + 8 <= end) {
    uint64_t w = 0;
    std::memcpy(&w, s + p, sizeof w);
    if (uint64_t hit = (has_byte(w, Cs) | ...)) return p + first_marked(hit);
    p += 8;
  }
  while (p < end && ((static_cast<unsigned char>(s[p]) != Cs) && ...)) ++p;
  return p;
}

}  // namespace quotient::grammar::bytes

#endif  // QUOTIENT_GRAMMAR_BYTES_HPP_
