// Tests for split_sentences() (grammar/text.cpp): abbreviations, initials,
// quotes that hold or end a sentence, line breaks and paragraph indices.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "test_util.hpp"

namespace qg = quotient::grammar;
using qg::Sentence;
using qg::testing::slice;
using Strings = std::vector<std::string>;

namespace {

std::vector<Sentence> split(const std::string& text) {
  return qg::split_sentences(text, qg::scan_quotes(text));
}

// The text of each sentence of `text`.
Strings sentence_texts(const std::string& text) {
  Strings out;
  for (const Sentence& s : split(text)) out.push_back(slice(text, s.range));
  return out;
}

std::vector<uint32_t> paragraphs(const std::string& text) {
  std::vector<uint32_t> out;
  for (const Sentence& s : split(text)) out.push_back(s.paragraph);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sentences)

BOOST_AUTO_TEST_CASE(simple_split_exact_ranges) {
  std::string text = "The talks ended. Both sides left.";
  std::vector<Sentence> s = split(text);
  BOOST_TEST_REQUIRE(s.size() == 2u);
  BOOST_TEST(s[0].range.begin == 0u);
  BOOST_TEST(s[0].range.end == 16u);
  BOOST_TEST(s[1].range.begin == 17u);
  BOOST_TEST(s[1].range.end == 33u);
}

BOOST_AUTO_TEST_CASE(question_and_exclamation) {
  BOOST_TEST(sentence_texts("Why now? Nobody knows! Fine.") ==
             (Strings{"Why now?", "Nobody knows!", "Fine."}));
}

BOOST_AUTO_TEST_CASE(lower_case_after_period_does_not_split) {
  BOOST_TEST(sentence_texts("Costs rose by 3.5 per cent. e.g. in fuel and food.") ==
             (Strings{"Costs rose by 3.5 per cent. e.g. in fuel and food."}));
}

BOOST_AUTO_TEST_CASE(honorific_abbreviations) {
  BOOST_TEST(sentence_texts("Mr. Hale arrived first. Dr. Okafor came later.") ==
             (Strings{"Mr. Hale arrived first.", "Dr. Okafor came later."}));
  BOOST_TEST(sentence_texts("Sen. Marsh spoke for an hour.") ==
             (Strings{"Sen. Marsh spoke for an hour."}));
  BOOST_TEST(sentence_texts("State Del. Marcia Price spoke.") == (Strings{"State Del. Marcia Price spoke."}));
}

// A quote-final stop whose sentence end the end rule finds inside the
// quote (a guillemet closed by a straight mark: found by fuzzing) still ends
// the sentence after the quote, never inside it.
BOOST_AUTO_TEST_CASE(sentence_end_never_inside_the_quote) {
  std::string text = "\xC2\xAB. \"";
  std::vector<Sentence> s = split(text);
  for (size_t i = 1; i < s.size(); ++i) BOOST_TEST(s[i - 1].range.end <= s[i].range.begin);
  BOOST_TEST(sentence_texts("«Stop. \" Then he left.") == (Strings{"«Stop. \"", "Then he left."}));
}

// After a comma and before a sentence's opening word "Del." is Delaware (AP
// style) and ends its sentence; before a name it is a delegate's title.
BOOST_AUTO_TEST_CASE(state_abbreviation_after_a_comma) {
  BOOST_TEST(sentence_texts("The rally was in Dover, Del. The plan is dead.") ==
             (Strings{"The rally was in Dover, Del.", "The plan is dead."}));
  BOOST_TEST(sentence_texts("The sponsors are Sen. Ana Ruiz, Del. Tom Hall and Rep. Lee Park. They won.") ==
             (Strings{"The sponsors are Sen. Ana Ruiz, Del. Tom Hall and Rep. Lee Park.", "They won."}));
}

// "G.K. Butterfield": run-together initials before a name do not end the
// sentence; before a sentence-initial word they do.
BOOST_AUTO_TEST_CASE(run_together_initials) {
  BOOST_TEST(sentence_texts("Rep. A.J. Okafor spoke first. Then he left.") ==
             (Strings{"Rep. A.J. Okafor spoke first.", "Then he left."}));
  BOOST_TEST(sentence_texts("The memo was signed A.J. The rest is history.") ==
             (Strings{"The memo was signed A.J.", "The rest is history."}));
}

BOOST_AUTO_TEST_CASE(acronym_before_lower_case_noun) {
  BOOST_TEST(sentence_texts("Then U.S. officials walked out. The room fell silent.") ==
             (Strings{"Then U.S. officials walked out.", "The room fell silent."}));
}

BOOST_AUTO_TEST_CASE(acronym_at_real_sentence_end) {
  BOOST_TEST(sentence_texts("The envoy flew back to the U.S. The talks moved on without him.") ==
             (Strings{"The envoy flew back to the U.S.", "The talks moved on without him."}));
}

BOOST_AUTO_TEST_CASE(company_suffix_inside_sentence) {
  BOOST_TEST(sentence_texts("Acme Inc. shares rose on Friday.") ==
             (Strings{"Acme Inc. shares rose on Friday."}));
}

BOOST_AUTO_TEST_CASE(month_and_number_abbreviations) {
  BOOST_TEST(sentence_texts("The vote is on Jan. 5 in the capital.") ==
             (Strings{"The vote is on Jan. 5 in the capital."}));
  BOOST_TEST(sentence_texts("It was item No. 3 on the agenda. Nobody objected.") ==
             (Strings{"It was item No. 3 on the agenda.", "Nobody objected."}));
}

BOOST_AUTO_TEST_CASE(initials) {
  BOOST_TEST(sentence_texts("John F. Kennedy spoke in Berlin. Crowds cheered.") ==
             (Strings{"John F. Kennedy spoke in Berlin.", "Crowds cheered."}));
  BOOST_TEST(sentence_texts("The report by A. J. Moreno was cited.") ==
             (Strings{"The report by A. J. Moreno was cited."}));
}

BOOST_AUTO_TEST_CASE(never_splits_inside_a_quote) {
  BOOST_TEST(sentence_texts("She said “Stop. Now. Please.” and walked off.") ==
             (Strings{"She said “Stop. Now. Please.” and walked off."}));
  BOOST_TEST(sentence_texts("“We tried. It failed. We move on,” she said. Nobody replied.") ==
             (Strings{"“We tried. It failed. We move on,” she said.", "Nobody replied."}));
}

BOOST_AUTO_TEST_CASE(quote_final_period_ends_sentence) {
  BOOST_TEST(sentence_texts("He put it plainly: “The deal is over.” Next came the vote.") ==
             (Strings{"He put it plainly: “The deal is over.”", "Next came the vote."}));
  BOOST_TEST(sentence_texts("They shouted \"Enough!\" Then they left.") ==
             (Strings{"They shouted \"Enough!\"", "Then they left."}));
}

BOOST_AUTO_TEST_CASE(sentence_ends_before_opening_mark) {
  BOOST_TEST(sentence_texts("Was it worth it? “Yes,” she said.") ==
             (Strings{"Was it worth it?", "“Yes,” she said."}));
}

BOOST_AUTO_TEST_CASE(splits_at_line_breaks) {
  BOOST_TEST(sentence_texts("A headline without a period\nThe body starts here.") ==
             (Strings{"A headline without a period", "The body starts here."}));
}

BOOST_AUTO_TEST_CASE(paragraph_indices) {
  std::string text = "One. Two.\n\nThree.\nFour. Five.";
  BOOST_TEST(sentence_texts(text) == (Strings{"One.", "Two.", "Three.", "Four.", "Five."}));
  BOOST_TEST(paragraphs(text) == (std::vector<uint32_t>{0, 0, 1, 2, 2}));
}

BOOST_AUTO_TEST_CASE(surrounding_white_space_is_trimmed) {
  std::string text = "  Leading space.   Trailing space.  \n\n  Indented paragraph.  ";
  BOOST_TEST(sentence_texts(text) ==
             (Strings{"Leading space.", "Trailing space.", "Indented paragraph."}));
}

BOOST_AUTO_TEST_CASE(empty_and_blank_text) {
  BOOST_TEST(split("").empty());
  BOOST_TEST(split(" \n\n \t").empty());
}

BOOST_AUTO_TEST_SUITE_END()

// Regressions: each case below once exposed a grammar bug, now fixed.
BOOST_AUTO_TEST_SUITE(sentences)

// Regression (was a bug): an abbreviation without an inner period (etc, Inc, Ltd, Co, Jr) never
// ends a sentence, even before "The"; the U.S.-style rule is not applied.
BOOST_AUTO_TEST_CASE(etc_and_company_suffix_at_sentence_end) {
  BOOST_TEST(sentence_texts("They packed food, water, etc. The trip took a week.") ==
             (Strings{"They packed food, water, etc.", "The trip took a week."}));
  BOOST_TEST(sentence_texts("The contract went to Acme Inc. The shares rose.") ==
             (Strings{"The contract went to Acme Inc.", "The shares rose."}));
}

// Regression (was a bug): the splitter jumps over a top-level quote without counting the
// paragraph breaks inside it, so every later sentence is off by one
// paragraph per break (here: 1 instead of 2).
BOOST_AUTO_TEST_CASE(paragraph_index_after_multi_paragraph_quote) {
  // The quote runs over paragraphs 0 and 1; the sentence after it is in
  // paragraph 2.
  std::string text =
      "“We start with schools.\n"
      "“Then we fix hospitals,” she said.\n"
      "The crowd clapped.";
  std::vector<Sentence> s = split(text);
  BOOST_TEST_REQUIRE(s.size() == 2u);
  BOOST_TEST(slice(text, s[1].range) == "The crowd clapped.");
  BOOST_TEST(s[0].paragraph == 0u);
  BOOST_TEST(s[1].paragraph == 2u);
}

BOOST_AUTO_TEST_SUITE_END()  // sentences

// Found by fuzz_grammar (tests/fuzz/regressions/grammar/sentence-end-*): a
// sentence end must not swallow the next quote's opening mark, or every
// later quote can be cut in two.
BOOST_AUTO_TEST_SUITE(sentences)

BOOST_AUTO_TEST_CASE(sentence_end_stops_at_the_next_quote) {
  std::string text = "He shouted “Halt!”\"Go now,\" she said. “One. Two,” he said.";
  qg::QuoteScan scan = qg::scan_quotes(text);
  std::vector<qg::Sentence> sents = qg::split_sentences(text, scan);
  for (const qg::Quote& q : scan.quotes) {
    if (q.depth) continue;
    bool whole = false;
    for (const qg::Sentence& s : sents)
      whole |= s.range.begin <= q.outer.begin && q.outer.end <= s.range.end;
    BOOST_TEST(whole, "quote split across sentences: " << slice(text, q.inner));
  }
}

// The quote scan and the splitter skip eight bytes at a time where none can
// matter: marks, sentence ends and line breaks are found at every offset
// after a long run of plain words.
BOOST_AUTO_TEST_CASE(marks_and_ends_found_at_every_offset) {
  for (size_t pad = 0; pad < 20; ++pad) {
    std::string lead = "W" + std::string(pad, 'e') + " and plain words here";
    std::string text = lead + " said \"Yes.\" Then she left!\nNext ‘quote’ now? Done.";
    BOOST_TEST_CONTEXT("pad " << pad) {
      BOOST_TEST(qg::testing::inner_texts(text, qg::scan_quotes(text)) == (Strings{"Yes.", "quote"}));
      BOOST_TEST(sentence_texts(text) ==
                 (Strings{lead + " said \"Yes.\"", "Then she left!", "Next ‘quote’ now?", "Done."}));
    }
  }
}

// split_sentences() looks for stop bytes 16 or 8 at a time: a sentence end
// at any offset is found.
BOOST_AUTO_TEST_CASE(sentence_end_at_every_offset) {
  for (size_t n = 1; n <= 40; ++n) {
    std::string first = "The " + std::string(n, 'x') + " came!";
    BOOST_TEST(sentence_texts(first + " Then it went? Yes.") == (Strings{first, "Then it went?", "Yes."}),
               "length " << n);
  }
}

// A quote that runs over paragraphs, with the opening mark of each one
// repeated, at offsets on both sides of the search steps.
BOOST_AUTO_TEST_CASE(multi_paragraph_quote_counts_its_breaks) {
  for (size_t n = 1; n <= 20; ++n) {
    std::string text = "He said: \"" + std::string(n, 'a') + " one.\n\n\"Two " + std::string(n, 'b') +
                       " more.\n\"Three.\" Then " + "it ended.\nNext.";
    BOOST_TEST(paragraphs(text).back() == 3u, "length " << n);
  }
}

BOOST_AUTO_TEST_SUITE_END()
