// test_util.hpp — small helpers shared by the grammar/ test files: slicing
// the text by a Range, and running the public pipeline (scan → tokenize) on a
// whole string.
#ifndef QUOTIENT_TESTS_GRAMMAR_TEST_UTIL_HPP_
#define QUOTIENT_TESTS_GRAMMAR_TEST_UTIL_HPP_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "grammar.hpp"
#include "lexicon.hpp"

// Names for the AST enums, so Boost.Test failure messages read as words.
namespace quotient::grammar {

inline std::ostream& operator<<(std::ostream& os, MarkStyle s) {
  static const char* const names[] = {"straight_double", "straight_single", "curly_double",
                                      "curly_single",    "low_double",      "guillemet",
                                      "single_guillemet"};
  return os << names[static_cast<int>(s)];
}
inline std::ostream& operator<<(std::ostream& os, Token::Kind k) {
  static const char* const names[] = {"word", "punct", "quote"};
  return os << names[static_cast<int>(k)];
}
inline std::ostream& operator<<(std::ostream& os, CueMatch::Form f) {
  static const char* const names[] = {"finite", "participle", "infinitive", "preposition",
                                      "colon"};
  return os << names[static_cast<int>(f)];
}
inline std::ostream& operator<<(std::ostream& os, Mention::Type t) {
  static const char* const names[] = {"person", "organization", "group", "role", "pronoun"};
  return os << names[static_cast<int>(t)];
}
inline std::ostream& operator<<(std::ostream& os, Mention::Gender g) {
  static const char* const names[] = {"unknown", "male", "female", "neuter", "plural"};
  return os << names[static_cast<int>(g)];
}
inline std::ostream& operator<<(std::ostream& os, RoleNoun::Type t) {
  static const char* const names[] = {"role", "group", "org", "doc"};
  return os << names[static_cast<int>(t)];
}
inline std::ostream& operator<<(std::ostream& os, Diagnostic::Severity s) {
  static const char* const names[] = {"info", "warning", "error"};
  return os << names[static_cast<int>(s)];
}

}  // namespace quotient::grammar

namespace quotient::grammar::testing {

// The bytes of `text` that `r` covers.
inline std::string slice(std::string_view text, Range r) {
  return std::string(text.substr(r.begin, r.end - r.begin));
}

// The inner text of every quote, in scan order.
inline std::vector<std::string> inner_texts(std::string_view text, const QuoteScan& scan) {
  std::vector<std::string> out;
  for (const Quote& q : scan.quotes) out.push_back(slice(text, q.inner));
  return out;
}

// The codes of every diagnostic, in order.
inline std::vector<std::string> codes(const QuoteScan& scan) {
  std::vector<std::string> out;
  for (const Diagnostic& d : scan.diagnostics) out.push_back(d.code);
  return out;
}

// A text with its quote scan and the tokens of the whole text.
struct Tokenized {
  std::string text;
  QuoteScan scan;
  std::vector<Token> tokens;

  explicit Tokenized(std::string t) : text(std::move(t)) {
    scan = scan_quotes(text);
    tokens = tokenize(text, {0, static_cast<uint32_t>(text.size())}, scan);
  }
  std::string word(size_t i) const { return slice(text, tokens.at(i).range); }
  // Index of the first token whose text is `w`; tokens.size() when absent.
  size_t find(std::string_view w) const {
    for (size_t i = 0; i < tokens.size(); ++i)
      if (word(i) == w) return i;
    return tokens.size();
  }
  std::vector<std::string> words() const {
    std::vector<std::string> out;
    for (size_t i = 0; i < tokens.size(); ++i) out.push_back(word(i));
    return out;
  }
};

}  // namespace quotient::grammar::testing

#endif  // QUOTIENT_TESTS_GRAMMAR_TEST_UTIL_HPP_
