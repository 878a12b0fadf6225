#include "utf8.hpp"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quotient {

namespace {

// The first byte >= 0x80 in [p, end), or end: sixteen bytes at a time
// with SSE2, else eight.
const char* first_non_ascii(const char* p, const char* end) {
#if defined(__SSE2__)
  for (; end - p >= 16; p += 16)
    if (int high = _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))))
      return p + __builtin_ctz(static_cast<unsigned>(high));
#endif
  for (; end - p >= 8; p += 8) {
    uint64_t w = 0;
    std::memcpy(&w, p, sizeof w);
    if (uint64_t high = w & 0x8080808080808080ULL) return p + __builtin_ctzll(high) / 8;
  }
  while (p < end && static_cast<unsigned char>(*p) < 0x80) ++p;
  return p;
}

}  // namespace

size_t find_invalid_utf8(std::string_view t) {
  const char* p = t.data();
  const char* const end = p + t.size();
  while ((p = first_non_ascii(p, end)) != end) {
    size_t len = utf8_sequence(p, end);
    if (len == 0) return static_cast<size_t>(p - t.data());
    p += len;
  }
  return std::string_view::npos;
}

std::string valid_utf8(std::string_view s) {
  size_t bad = find_invalid_utf8(s);
  if (bad == std::string_view::npos) return std::string(s);
  std::string out(s.substr(0, bad));
  const char* p = s.data() + bad;
  const char* const end = s.data() + s.size();
  while (p != end) {
    size_t len = static_cast<unsigned char>(*p) < 0x80 ? 1 : utf8_sequence(p, end);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++p;
      continue;
    }
    out.append(p, len);
    p += len;
  }
  return out;
}

size_t find_nul(std::string_view t) {
  const void* p = std::memchr(t.data(), 0, t.size());
  return p ? static_cast<const char*>(p) - t.data() : std::string_view::npos;
}

}  // namespace quotient
