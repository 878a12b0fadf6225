// bytes.hpp — word-at-a-time byte tests for the scanners (quote marks,
// sentence ends, words, JSON strings): most of a text holds none of the
// bytes they stop at, so they test sixteen (SSE2) or eight bytes at once and
// go straight to the first byte that matches. For grammar/ and src/.
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

// The eight bytes at p as a little-endian word.
inline uint64_t load8(const char* p) {
  uint64_t x = 0;
  std::memcpy(&x, p, sizeof x);
  return x;
}

// The n bytes at p (1 <= n <= 8) as a little-endian word, zero-padded,
// without reading past p + n: two overlapping four-byte loads (an
// overlapped byte is read twice, the same) or three single bytes.
inline uint64_t load_1_to_8(const char* p, size_t n) {
  if (n >= 4) {
    uint32_t lo = 0, hi = 0;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return lo | (uint64_t{hi} << (8 * (n - 4)));
  }
  auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])} << (8 * i); };
  return byte(0) | byte(n / 2) | byte(n - 1);
}

// The high bit of each byte of w that is not an ASCII letter or digit (a
// byte >= 0x80 included). Exact per byte: the sums are taken on the low
// seven bits, where they cannot carry into the next byte.
constexpr uint64_t not_ascii_alnum(uint64_t w) {
  uint64_t x = w & ~kHighs, folded = x | (kOnes * 0x20);  // A..Z -> a..z; nothing else lands in a..z
  uint64_t digit = (x + kOnes * (0x80 - '0')) & ~(x + kOnes * (0x80 - '9' - 1));
  uint64_t letter = (folded + kOnes * (0x80 - 'a')) & ~(folded + kOnes * (0x80 - 'z' - 1));
  return ~((digit | letter) & ~w) & kHighs;
}

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
    if (uint64_t hit = (has_byte(load8(s + p), Cs) | ...)) return p + first_marked(hit);
    p += 8;
  }
  while (p < end && ((static_cast<unsigned char>(s[p]) != Cs) && ...)) ++p;
  return p;
}

// The size of a space at p: 1 for ' ', 2 for a no-break space (C2 A0), 0
// when neither (or at last). The grammar's `sp` and the prefilters that must
// agree with it read spaces with this.
inline size_t space_at(const char* p, const char* last) {
  if (p == last) return 0;
  if (*p == ' ') return 1;
  return *p == '\xC2' && last - p >= 2 && p[1] == '\xA0' ? 2 : 0;
}

}  // namespace quotient::grammar::bytes

#endif  // QUOTIENT_GRAMMAR_BYTES_HPP_
