#include "utf8.hpp"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quotient {

namespace {

// The first i' >= i with a byte >= 0x80, or n: sixteen bytes a step with
// SSE2, eight without. News text is mostly ASCII.
size_t skip_ascii(const unsigned char* s, size_t i, size_t n) {
#if defined(__SSE2__)
  while (i + 16 <= n) {
    int high = _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i)));
    if (high) return i + static_cast<size_t>(__builtin_ctz(high));
    i += 16;
  }
#endif
  while (i + 8 <= n) {
    uint64_t w;
    std::memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < n && s[i] < 0x80) ++i;
  return i;
}

}  // namespace

size_t find_invalid_utf8(std::string_view t) {
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  size_t n = t.size(), i = 0;
  while ((i = skip_ascii(s, i, n)) < n) {
    unsigned char c = s[i];
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k)
      if ((s[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

size_t find_nul(std::string_view t) {
  const void* p = std::memchr(t.data(), 0, t.size());
  return p ? static_cast<const char*>(p) - t.data() : std::string_view::npos;
}

}  // namespace quotient
