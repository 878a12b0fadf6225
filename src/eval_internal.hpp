// eval_internal.hpp — internal to the attribution evaluation (eval_*.cpp):
// the helpers that the brat reader, the gold extraction and the scoring share.
#ifndef QUOTIENT_SRC_EVAL_INTERNAL_HPP_
#define QUOTIENT_SRC_EVAL_INTERNAL_HPP_

#include <string>
#include <string_view>

#include "eval_attribution.hpp"

namespace quotient::eval::detail {

// The text of `fragments`, joined by single spaces.
inline std::string joined_text(std::string_view text, const Fragments& fragments) {
  std::string out;
  for (ByteRange f : fragments) {
    if (!out.empty()) out += ' ';
    out.append(text.substr(f.begin, f.size()));
  }
  return out;
}

// part >= fraction * whole, without rounding trouble at the boundary (80 of 100).
inline bool at_least(uint32_t part, double fraction, uint32_t whole) { return part + 1e-9 >= fraction * whole; }

}  // namespace quotient::eval::detail

#endif  // QUOTIENT_SRC_EVAL_INTERNAL_HPP_
