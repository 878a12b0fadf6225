// marks_def.hpp — definitions of the rules declared in marks.hpp. Included by
// marks.cpp only.
#ifndef QUOTIENT_GRAMMAR_MARKS_DEF_HPP_
#define QUOTIENT_GRAMMAR_MARKS_DEF_HPP_

#include "marks.hpp"

namespace quotient::grammar::parser {

struct glyph_table : x3::symbols<Glyph> {
  glyph_table() {
    add("\"", Glyph::kStraightDouble)("'", Glyph::kStraightSingle)
       ("\xE2\x80\x9C", Glyph::kLeftDouble)("\xE2\x80\x9D", Glyph::kRightDouble)
       ("\xE2\x80\x98", Glyph::kLeftSingle)("\xE2\x80\x99", Glyph::kRightSingle)
       ("\xE2\x80\x9E", Glyph::kLowDouble)
       ("\xC2\xAB", Glyph::kLeftGuillemet)("\xC2\xBB", Glyph::kRightGuillemet)
       ("\xE2\x80\xB9", Glyph::kLeftSingleGuillemet)("\xE2\x80\xBA", Glyph::kRightSingleGuillemet)
       ("''", Glyph::kDoubleApostrophe)("``", Glyph::kDoubleBacktick);
  }
};
glyph_table const glyphs;

// Byte classes. Bytes >= 0x80 are negative as char: ranges are written so.
auto const nbsp = x3::lit("\xC2\xA0");
auto const blank = x3::lit(' ') | '\t' | nbsp;
auto const latin1_upper = x3::lit('\xC3') >> x3::char_('\x80', '\x9E');
auto const closing = x3::lit("\xE2\x80\x9D") | "\xE2\x80\x99" | "\xC2\xBB" | '"' | '\'' | ')' | ']';
auto const opening = x3::lit("\xE2\x80\x9C") | "\xE2\x80\x98" | "\xE2\x80\x9E" | "\xC2\xAB" | '"' | '\'' | '(';
auto const sentence_start = x3::ascii::upper | x3::ascii::digit | latin1_upper | opening;

mark_type const mark = "mark";
sentence_end_type const sentence_end = "sentence_end";

auto const mark_def = glyphs;
auto const sentence_end_def =
    x3::repeat(1, 3)[x3::char_(".!?")] >> x3::repeat(0, 3)[closing] >> x3::repeat(1, 8)[blank] >>
    &sentence_start;

BOOST_SPIRIT_DEFINE(mark, sentence_end)

mark_type const& mark_rule() { return mark; }
sentence_end_type const& sentence_end_rule() { return sentence_end; }

}  // namespace quotient::grammar::parser

#endif  // QUOTIENT_GRAMMAR_MARKS_DEF_HPP_
