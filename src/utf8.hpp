// utf8.hpp — validation of document text before analysis.
#ifndef QUOTIENT_SRC_UTF8_HPP_
#define QUOTIENT_SRC_UTF8_HPP_

#include <cstddef>
#include <string>
#include <string_view>

namespace quotient {

// The length (2 to 4) of the well-formed UTF-8 sequence of a non-ASCII
// lead byte at p, or 0 when the bytes at p (up to end) are not one.
// Precondition: p < end and *p >= 0x80.
inline size_t utf8_sequence(const char* p, const char* end) {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  unsigned char c = s[0], lo = 0x80, hi = 0xBF;
  size_t len = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (static_cast<size_t>(end - p) < len || s[1] < lo || s[1] > hi) return 0;
  for (size_t k = 2; k < len; ++k)
    if ((s[k] & 0xC0) != 0x80) return 0;
  return len;
}

// Byte offset of the first byte that is not part of well-formed UTF-8
// (overlongs, surrogates and code points above U+10FFFF are ill-formed), or
// npos when the whole text is valid.
size_t find_invalid_utf8(std::string_view text);

// `s` with each byte that is not part of well-formed UTF-8 replaced by
// U+FFFD: for names that come from outside the text (file paths) and must be
// valid in a JSON or protobuf string. Valid input comes back unchanged.
std::string valid_utf8(std::string_view s);

// Byte offset of the first NUL byte, or npos. Text with NUL bytes is binary.
size_t find_nul(std::string_view text);

}  // namespace quotient

#endif  // QUOTIENT_SRC_UTF8_HPP_
