// utf8.hpp — validation of document text before analysis.
#ifndef QUOTIENT_SRC_UTF8_HPP_
#define QUOTIENT_SRC_UTF8_HPP_

#include <cstddef>
#include <string_view>

namespace quotient {

// Byte offset of the first byte that is not part of well-formed UTF-8
// (overlongs, surrogates and code points above U+10FFFF are ill-formed), or
// npos when the whole text is valid.
size_t find_invalid_utf8(std::string_view text);

// Byte offset of the first NUL byte, or npos. Text with NUL bytes is binary.
size_t find_nul(std::string_view text);

}  // namespace quotient

#endif  // QUOTIENT_SRC_UTF8_HPP_
