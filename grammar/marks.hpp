// marks.hpp — X3 rules for the lexical layer: quote-mark glyphs and sentence
// ends. Internal to grammar/ (callers use grammar.hpp).
#ifndef QUOTIENT_GRAMMAR_MARKS_HPP_
#define QUOTIENT_GRAMMAR_MARKS_HPP_

#include <cstdint>

#include "config.hpp"

namespace quotient::grammar::parser {

// Every quote-mark glyph the scanner knows, as written.
enum class Glyph : uint8_t {
  kStraightDouble,        // "
  kStraightSingle,        // '
  kLeftDouble,            // “  U+201C
  kRightDouble,           // ”  U+201D
  kLeftSingle,            // ‘  U+2018
  kRightSingle,           // ’  U+2019 (also the apostrophe)
  kLowDouble,             // „  U+201E
  kLeftGuillemet,         // «  U+00AB
  kRightGuillemet,        // »  U+00BB
  kLeftSingleGuillemet,   // ‹  U+2039
  kRightSingleGuillemet,  // ›  U+203A
  kDoubleApostrophe,      // '' (typewriter double quote, as in NYT archive text)
  kDoubleBacktick,        // `` (TeX-style opening double quote)
};

// mark: one quote-mark glyph at the current position (1 to 3 bytes).
using mark_type = x3::rule<class mark_class, Glyph>;
// sentence_end: terminal punctuation, any closing marks or brackets, white
// space, then something that can start a sentence (a capital, a digit, an
// opening mark). Consumes up to the start of the next sentence.
using sentence_end_type = x3::rule<class sentence_end_class>;

BOOST_SPIRIT_DECLARE(mark_type, sentence_end_type)

mark_type const& mark_rule();
sentence_end_type const& sentence_end_rule();

}  // namespace quotient::grammar::parser

#endif  // QUOTIENT_GRAMMAR_MARKS_HPP_
