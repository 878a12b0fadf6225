// compare_text.cpp — see compare_text.hpp.
#include "compare_text.hpp"

#include <cstdio>

namespace quotient::cli::text {

std::string fixed(double v, int decimals, bool sign) {
  char b[48];
  std::snprintf(b, sizeof b, sign ? "%+.*f" : "%.*f", decimals, v);
  std::string s = b;
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s[0] = '+';  // no "-0.00"
  return s;
}

std::string percent(double share) {
  char b[16];
  std::snprintf(b, sizeof b, "%.0f%%", share * 100);
  return b;
}

std::string p_text(double p) {
  char b[32];
  std::snprintf(b, sizeof b, p < 0.001 ? "%.2g" : "%.3f", p);
  return b;
}

size_t columns(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string clip(const std::string& s, size_t width) {
  std::string flat = s;
  for (char& c : flat)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  if (columns(flat) <= width) return flat;
  std::string out;
  size_t n = 0;
  for (char ch : flat) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80 && ++n > width - 1) break;
    out += ch;
  }
  return out + "\xE2\x80\xA6";
}

std::string key_title(const compare::Comparison& c) {
  std::string s;
  for (size_t i = 0; i < c.config.keys.size(); ++i)
    s += (i ? " \xC3\x97 " : "") + std::string(compare::group_key_name(c.config.keys[i]));
  return s;
}

std::string interval_name(const compare::Comparison& c) { return percent(c.config.confidence) + " interval"; }

std::string excluded_text(const compare::Comparison& c) {
  std::string s;
  for (const auto& [reason, n] : c.excluded) s += (s.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
  return s;
}

std::string unmatched_text(const compare::Comparison& c) {
  std::string s;
  for (const auto& [name, n] : c.unmatched_speakers) s += (s.empty() ? "" : ", ") + name + " (" + std::to_string(n) + ")";
  return s;
}

std::string evidence_text(const compare::GroupStats& g, size_t max) {
  std::string s;
  for (size_t i = 0; i < g.evidence.size() && i < max; ++i)
    s += (i ? "; " : "") + g.evidence[i].feature + " \xE2\x86\x92 " + g.evidence[i].label + " " +
         fixed(g.evidence[i].weight, 2);
  return s;
}

}  // namespace quotient::cli::text
