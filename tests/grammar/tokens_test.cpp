// Tests for tokenize() (grammar/text.cpp): words keep inner apostrophes,
// hyphens and periods; each top-level quote is one kQuote token.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "mention.hpp"
#include "test_util.hpp"

namespace qg = quotient::grammar;
using qg::Token;
using qg::testing::slice;
using qg::testing::Tokenized;
using Strings = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(tokens)

BOOST_AUTO_TEST_CASE(words_keep_inner_joiners) {
  Tokenized t("Lammy’s co-operation with the U.S. was O'Brien's idea.");
  BOOST_TEST(t.words() == (Strings{"Lammy’s", "co-operation", "with", "the", "U.S", ".", "was",
                                   "O'Brien's", "idea", "."}));
}

// A comma between digits groups thousands; one between a year and a count
// ("in 2020, 300 did") or a short run of digits ("3,14") stays punctuation.
BOOST_AUTO_TEST_CASE(thousands_separator_is_part_of_the_number) {
  Tokenized t("It represents 40,000 farmers and 1,250,000 acres; in 2020, 300 did, 3,14 not.");
  BOOST_TEST(t.words() == (Strings{"It", "represents", "40,000", "farmers", "and", "1,250,000", "acres", ";", "in",
                                   "2020", ",", "300", "did", ",", "3", ",", "14", "not", "."}));
}

// An en dash joins two words only before a capital: a compound name
// ("Hollvik–Sarto"), not a range of numbers or a lower-case span.
BOOST_AUTO_TEST_CASE(en_dash_joins_a_compound_name) {
  Tokenized t("Hollvik–Sarto won in 1990–2000 on the north–south road – twice.");
  BOOST_TEST(t.words() == (Strings{"Hollvik–Sarto", "won", "in", "1990", "–", "2000", "on", "the", "north", "–",
                                   "south", "road", "–", "twice", "."}));
}

BOOST_AUTO_TEST_CASE(kinds_and_exact_ranges) {
  Tokenized t("Yes, Mr Lammy.");
  BOOST_TEST_REQUIRE(t.tokens.size() == 5u);
  BOOST_TEST(t.tokens[0].kind == Token::Kind::kWord);
  BOOST_TEST(t.tokens[1].kind == Token::Kind::kPunct);
  BOOST_TEST(t.tokens[1].range.begin == 3u);
  BOOST_TEST(t.tokens[1].range.end == 4u);
  BOOST_TEST(t.tokens[3].range.begin == 8u);
  BOOST_TEST(t.tokens[3].range.end == 13u);
  BOOST_TEST(t.tokens[4].kind == Token::Kind::kPunct);
  for (const Token& tok : t.tokens) BOOST_TEST(tok.quote == -1);
}

BOOST_AUTO_TEST_CASE(multibyte_words) {
  Tokenized t("Étienne Marchand — naïve, façade.");
  BOOST_TEST(t.words() == (Strings{"Étienne", "Marchand", "—", "naïve", ",", "façade", "."}));
  BOOST_TEST(t.tokens[0].range.size() == 8u);  // É is two bytes
  BOOST_TEST(t.tokens[2].kind == Token::Kind::kPunct);
}

BOOST_AUTO_TEST_CASE(quotes_are_single_tokens) {
  Tokenized t("He said “it’s fine, really” and ‘okay’ too.");
  BOOST_TEST(t.words() ==
             (Strings{"He", "said", "“it’s fine, really”", "and", "‘okay’", "too", "."}));
  BOOST_TEST_REQUIRE(t.tokens.size() == 7u);
  BOOST_TEST(t.tokens[2].kind == Token::Kind::kQuote);
  BOOST_TEST(t.tokens[2].quote == 0);
  BOOST_TEST(t.tokens[4].kind == Token::Kind::kQuote);
  BOOST_TEST(t.tokens[4].quote == 1);
  BOOST_TEST(t.tokens[2].range.begin == t.scan.quotes[0].outer.begin);
  BOOST_TEST(t.tokens[2].range.end == t.scan.quotes[0].outer.end);
}

BOOST_AUTO_TEST_CASE(nested_quotes_stay_inside_their_token) {
  Tokenized t("“A ‘big’ step,” he said, “and more.”");
  BOOST_TEST_REQUIRE(t.scan.quotes.size() == 3u);
  BOOST_TEST(t.words() ==
             (Strings{"“A ‘big’ step,”", "he", "said", ",", "“and more.”"}));
  BOOST_TEST_REQUIRE(t.tokens.size() == 5u);
  BOOST_TEST(t.tokens[0].quote == 0);
  BOOST_TEST(t.tokens[4].quote == 2);  // index 1 is the nested ‘big’
}

BOOST_AUTO_TEST_CASE(quote_glued_to_words) {
  Tokenized t("(“Never,”she said)");
  BOOST_TEST(t.words() == (Strings{"(", "“Never,”", "she", "said", ")"}));
}

BOOST_AUTO_TEST_CASE(sub_range_only) {
  std::string text = "First sentence here. He said “yes” then.";
  qg::QuoteScan scan = qg::scan_quotes(text);
  uint32_t b = static_cast<uint32_t>(text.find("He"));
  std::vector<Token> toks = qg::tokenize(text, {b, static_cast<uint32_t>(text.size())}, scan);
  Strings words;
  for (const Token& tok : toks) words.push_back(slice(text, tok.range));
  BOOST_TEST(words == (Strings{"He", "said", "“yes”", "then", "."}));
  BOOST_TEST(toks[2].quote == 0);
}

BOOST_AUTO_TEST_CASE(empty_input_and_range) {
  qg::QuoteScan scan;
  BOOST_TEST(qg::tokenize("", {0, 0}, scan).empty());
  BOOST_TEST(qg::tokenize("Some words", {4, 4}, qg::scan_quotes("Some words")).empty());
}

// tokenize() works out once per word which matchers may start there; the
// bits are exactly what the two prefilters say about the word.
BOOST_AUTO_TEST_CASE(may_start_bits_match_the_prefilters) {
  namespace qp = qg::parser;
  Tokenized t("Then the spokesman’s aide said, according to Lammy, that they'd "
              "TOLD it: naïve co-operation by Dr. Ng was Ana’s idea and x.");
  for (const Token& tok : t.tokens) {
    std::string_view w(t.text.data() + tok.range.begin, tok.range.size());
    if (tok.kind != Token::Kind::kWord) {
      BOOST_TEST(tok.may_start == 0);
      continue;
    }
    BOOST_TEST_INFO("word " << w);
    BOOST_TEST(((tok.may_start & qg::kMayStartCue) != 0) == qp::may_start_cue(w));
    BOOST_TEST_INFO("word " << w);
    BOOST_TEST(((tok.may_start & qg::kMayStartMention) != 0) == qp::may_start_mention(w));
  }
  // Words of up to 24 ASCII bytes without an apostrophe take a shortcut, a
  // 64-bit word at a time (1..8 and 9..16 bytes a shorter one still); the
  // rest do not.
  for (std::string_view w : {"president", "President", "secretary", "SECRETARY", "spokesperson",
                             "abcdefghijklmnop", "abcdefghijklmnopq", "ABCDEFGHIJKLMNOp", "spokeswoman", "Spokespeople", "SPOKESWOMAN", "representative", "Representatives",
                             "abcdefghi", "ABCDEFGHIJKLMNOPQRSTUVWX", "abcdefghijklmnopqrstuvwx",
                             "abcdefghijklmnopqrstuvwxy", "co-operation", "spokeswoman's", "spokeswoman’s",
                             "Commissionerè", "according-to", "U.S.-backed", "123456789","said", "Said", "SAID", "sAiD", "according", "he", "He’s", "He's", "they'd",
                             "O'Brien", "the", "zzz", "", "Spokeswoman", "spokesman", "SPOKESMA", "abcdefgh",
                             "former", "then-", "It", "U.S", "1990s", "x", "Ng", "a-b", "@#[`{", "told",
                             "abcdefghijklmnopqrstuvwxyz", "naïve"}) {
    BOOST_TEST_INFO("word " << w);
    BOOST_TEST((qp::may_start(w) & ~qg::kMayStartStop) == ((qp::may_start_cue(w) ? qg::kMayStartCue : 0) |
                                                           (qp::may_start_mention(w) ? qg::kMayStartMention : 0)));
  }
  // kMayStartStop: the word lower-cased (cut at an apostrophe) is a stop word
  // lower-cased, and no determiner, honorific or role noun's is (a hint for
  // match_mention(), which tests the word itself).
  for (std::string_view w : {"But", "but", "MONDAY", "Monday", "He's", "He’s", "September"})
    BOOST_TEST((qp::may_start(w) & qg::kMayStartStop) != 0, w);
  for (std::string_view w : {"Biden", "spokesman", "Butler", "Mondays", "x", "Septembers", "the", "The", "Mr", "His"})
    BOOST_TEST((qp::may_start(w) & qg::kMayStartStop) == 0, w);
}

// tokenize() scans ASCII letters and digits 16 or 8 bytes at a time: a word
// of any length, ending at any offset, is still one token.
BOOST_AUTO_TEST_CASE(long_words_at_every_offset) {
  for (size_t pad = 0; pad < 18; ++pad) {
    for (size_t n = 1; n <= 40; ++n) {
      std::string lead(pad, ' '), word;
      for (size_t i = 0; i < n; ++i) word += static_cast<char>(i % 3 == 2 ? '0' + i % 10 : 'a' + i % 26);
      Tokenized t(lead + word + ", Zürich");
      BOOST_TEST_REQUIRE(t.tokens.size() == 3u, "pad " << pad << " length " << n);
      BOOST_TEST(t.word(0) == word);
      BOOST_TEST(t.word(1) == ",");
      BOOST_TEST(t.word(2) == "Zürich");
    }
  }
}

// A long ASCII run that goes on with a joiner, a non-ASCII letter or a
// glued quote mark, past the eight- and sixteen-byte steps.
BOOST_AUTO_TEST_CASE(long_words_with_joiners_and_letters) {
  Tokenized t("Counterrevolutionaries-in-waiting met Schwarzenegger’s Übersetzungsbüro staff at "
              "Wissenschaftszentrum“Berlin”now.");
  BOOST_TEST(t.words() == (Strings{"Counterrevolutionaries-in-waiting", "met", "Schwarzenegger’s",
                                   "Übersetzungsbüro", "staff", "at", "Wissenschaftszentrum", "“Berlin”", "now",
                                   "."}));
  BOOST_TEST(t.tokens[7].kind == Token::Kind::kQuote);
}

BOOST_AUTO_TEST_SUITE_END()
