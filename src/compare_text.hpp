// compare_text.hpp — internal: the small text helpers the renderings of
// `quotient compare` share (numbers, clipping, the labels of a comparison).
// Not part of any public interface; include only from src/compare_*.cpp.
#ifndef QUOTIENT_SRC_COMPARE_TEXT_HPP_
#define QUOTIENT_SRC_COMPARE_TEXT_HPP_

#include <string>

#include "compare.hpp"

namespace quotient::cli::text {

// `v` with `decimals` decimals, signed by default; never "-0.000".
std::string fixed(double v, int decimals = 3, bool sign = true);
// 0.95 → "95%".
std::string percent(double share);
// A p-value: 3 decimals, or 2 significant digits below 0.001.
std::string p_text(double p);
// Code points in `s` (its width in a terminal, for the scripts we print).
size_t columns(const std::string& s);
// At most `width` code points of `s` on one line, with "…" when cut.
std::string clip(const std::string& s, size_t width);
// "speaker × month": the keys of the comparison.
std::string key_title(const compare::Comparison& c);
// "95% interval".
std::string interval_name(const compare::Comparison& c);
// "3 no speaker, 1 no tone": the excluded quotes by reason.
std::string excluded_text(const compare::Comparison& c);
// "Ms Smith (2), ...": speakers the --sides file did not name.
std::string unmatched_text(const compare::Comparison& c);
// The first `max` evidence features of a group: "feature → label +0.12; ...".
std::string evidence_text(const compare::GroupStats& g, size_t max);

}  // namespace quotient::cli::text

#endif  // QUOTIENT_SRC_COMPARE_TEXT_HPP_
