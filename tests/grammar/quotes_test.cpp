// Tests for scan_quotes() (grammar/quotes.cpp): every mark style, exact
// spans, apostrophes that are not quotes, multi-paragraph quotes, nesting,
// and the diagnostics for marks that do not pair.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace qg = quotient::grammar;
using qg::Diagnostic;
using qg::MarkStyle;
using qg::Quote;
using qg::QuoteScan;
using qg::testing::codes;
using qg::testing::inner_texts;
using qg::testing::slice;
using Strings = std::vector<std::string>;

namespace {

// Scans `text` and requires exactly one quote whose inner text is `inner`.
Quote only_quote(const std::string& text, const std::string& inner) {
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST_REQUIRE(scan.quotes.size() == 1u, "quotes in: " << text);
  BOOST_TEST(slice(text, scan.quotes[0].inner) == inner);
  return scan.quotes[0];
}

// Scans `text` and requires no quote and no diagnostic at all.
void no_quotes(const std::string& text) {
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == Strings{}, "quotes in: " << text);
  BOOST_TEST(codes(scan) == Strings{}, "diagnostics in: " << text);
}

const Diagnostic* find_code(const QuoteScan& scan, const std::string& code) {
  auto it = std::find_if(scan.diagnostics.begin(), scan.diagnostics.end(),
                         [&](const Diagnostic& d) { return d.code == code; });
  return it == scan.diagnostics.end() ? nullptr : &*it;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(quotes)

// --- styles and exact spans ---------------------------------------------

BOOST_AUTO_TEST_CASE(straight_double_exact_offsets) {
  std::string text = "She said \"we will win\" today.";
  Quote q = only_quote(text, "we will win");
  BOOST_TEST(q.outer.begin == 9u);
  BOOST_TEST(q.inner.begin == 10u);
  BOOST_TEST(q.inner.end == 21u);
  BOOST_TEST(q.outer.end == 22u);
  BOOST_TEST(q.style == MarkStyle::kStraightDouble);
  BOOST_TEST(int(q.depth) == 0);
  BOOST_TEST(q.parent == -1);
  BOOST_TEST(q.paragraphs == 1u);
}

BOOST_AUTO_TEST_CASE(curly_double_exact_offsets) {
  // “ and ” are three bytes each.
  std::string text = "He said “we are ready” on Monday.";
  Quote q = only_quote(text, "we are ready");
  BOOST_TEST(q.outer.begin == 8u);
  BOOST_TEST(q.inner.begin == 11u);
  BOOST_TEST(q.inner.end == 23u);
  BOOST_TEST(q.outer.end == 26u);
  BOOST_TEST(q.style == MarkStyle::kCurlyDouble);
  BOOST_TEST(q.outer.size() == q.inner.size() + 6);
}

BOOST_AUTO_TEST_CASE(multibyte_content_exact_offsets) {
  std::string text = "“Ça coûte — trop,” dit-elle.";
  Quote q = only_quote(text, "Ça coûte — trop,");
  BOOST_TEST(q.outer.begin == 0u);
  BOOST_TEST(q.inner.begin == 3u);
  BOOST_TEST(q.inner.end == 23u);
  BOOST_TEST(q.outer.end == 26u);
}

BOOST_AUTO_TEST_CASE(curly_single_top_level_scare_quote) {
  Quote q = only_quote("The so-called ‘peace dividend’ never came.", "peace dividend");
  BOOST_TEST(q.style == MarkStyle::kCurlySingle);
  BOOST_TEST(int(q.depth) == 0);
}

BOOST_AUTO_TEST_CASE(curly_single_british_speech) {
  Quote q = only_quote("‘We will not be moved,’ the mayor said.", "We will not be moved,");
  BOOST_TEST(q.style == MarkStyle::kCurlySingle);
}

BOOST_AUTO_TEST_CASE(curly_single_nested_in_double) {
  std::string text = "“They called it ‘a betrayal’ at the time,” she said.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) ==
             (Strings{"They called it ‘a betrayal’ at the time,", "a betrayal"}));
  BOOST_TEST_REQUIRE(scan.quotes.size() == 2u);
  BOOST_TEST(scan.quotes[0].style == MarkStyle::kCurlyDouble);
  BOOST_TEST(scan.quotes[1].style == MarkStyle::kCurlySingle);
  BOOST_TEST(int(scan.quotes[1].depth) == 1);
  BOOST_TEST(scan.quotes[1].parent == 0);
  BOOST_TEST(codes(scan) == Strings{});
}

BOOST_AUTO_TEST_CASE(straight_single_nested_in_straight_double) {
  std::string text = "\"He told me 'never again' last year,\" she said.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) ==
             (Strings{"He told me 'never again' last year,", "never again"}));
  BOOST_TEST_REQUIRE(scan.quotes.size() == 2u);
  BOOST_TEST(scan.quotes[0].style == MarkStyle::kStraightDouble);
  BOOST_TEST(scan.quotes[1].style == MarkStyle::kStraightSingle);
  BOOST_TEST(scan.quotes[1].parent == 0);
}

BOOST_AUTO_TEST_CASE(guillemets) {
  Quote q = only_quote("Elle a répondu «nous partons demain» hier soir.", "nous partons demain");
  BOOST_TEST(q.style == MarkStyle::kGuillemet);
  BOOST_TEST(q.outer.size() == q.inner.size() + 4);  // « and » are two bytes each
}

BOOST_AUTO_TEST_CASE(guillemet_padding_is_not_inside_the_quote) {
  // A space, a no-break space (U+00A0) and a narrow no-break space (U+202F).
  Quote a = only_quote("Il a dit « on verra » hier.", "on verra");
  BOOST_TEST(a.outer.size() == a.inner.size() + 6);
  only_quote("Il a dit «\u00a0on verra\u00a0» hier.", "on verra");
  only_quote("Il a dit «\u202fon verra\u202f» hier.", "on verra");
  only_quote("Il a dit ‹ oui › hier.", "oui");
  only_quote("Il a dit «\u2009on verra\u2009» hier.", "on verra");  // thin space
}

BOOST_AUTO_TEST_CASE(german_low_double_closed_by_left_double) {
  Quote q = only_quote("Er sagte „wir kommen morgen“ und ging.", "wir kommen morgen");
  BOOST_TEST(q.style == MarkStyle::kLowDouble);
}

BOOST_AUTO_TEST_CASE(german_low_double_closed_after_punctuation) {
  only_quote("„Wir kommen morgen.“ Dann ging er.", "Wir kommen morgen.");
}

BOOST_AUTO_TEST_CASE(two_quotes_in_order_of_opening) {
  std::string text = "“One thing,” he said, “and another.”";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == (Strings{"One thing,", "and another."}));
  for (const Quote& q : scan.quotes) BOOST_TEST(int(q.depth) == 0);
}

BOOST_AUTO_TEST_CASE(straight_double_pairs_in_sequence) {
  std::string text = "Pick \"red\" or \"blue\" now.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == (Strings{"red", "blue"}));
}

BOOST_AUTO_TEST_CASE(nesting_depth_and_parent) {
  std::string text = "“Outer ‘middle “inner” middle’ outer,” he said.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) ==
             (Strings{"Outer ‘middle “inner” middle’ outer,", "middle “inner” middle", "inner"}));
  BOOST_TEST_REQUIRE(scan.quotes.size() == 3u);
  BOOST_TEST(int(scan.quotes[0].depth) == 0);
  BOOST_TEST(int(scan.quotes[1].depth) == 1);
  BOOST_TEST(int(scan.quotes[2].depth) == 2);
  BOOST_TEST(scan.quotes[0].parent == -1);
  BOOST_TEST(scan.quotes[1].parent == 0);
  BOOST_TEST(scan.quotes[2].parent == 1);
  // Children lie inside their parents' inner spans.
  BOOST_TEST(scan.quotes[0].inner.begin <= scan.quotes[1].outer.begin);
  BOOST_TEST(scan.quotes[1].outer.end <= scan.quotes[0].inner.end);
  BOOST_TEST(scan.quotes[1].inner.begin <= scan.quotes[2].outer.begin);
  BOOST_TEST(scan.quotes[2].outer.end <= scan.quotes[1].inner.end);
}

BOOST_AUTO_TEST_CASE(empty_text) {
  QuoteScan scan = qg::scan_quotes("");
  BOOST_TEST(scan.quotes.empty());
  BOOST_TEST(scan.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(text_without_quotes) {
  no_quotes("Talks resumed on Monday after a long pause.\nNothing else happened.");
}

// --- apostrophes are not quote marks ---------------------------------------

BOOST_AUTO_TEST_CASE(apostrophe_curly_contractions_and_possessives) {
  no_quotes("The UK’s envoy arrived late.");
  no_quotes("Now we’ve seen the figures.");
  no_quotes("Mr Lammy’s visit was short.");
}

BOOST_AUTO_TEST_CASE(apostrophe_straight_contractions_and_names) {
  no_quotes("Frankly it's too early to tell.");
  no_quotes("Sheila O'Brien chaired the panel.");
}

BOOST_AUTO_TEST_CASE(apostrophe_decades) {
  no_quotes("Prices last rose like this in the ’90s and again later.");
  no_quotes("Prices last rose like this in the '90s and again later.");
}

BOOST_AUTO_TEST_CASE(apostrophe_rock_n_roll) {
  no_quotes("He grew up on rock ’n’ roll in Leeds.");
  no_quotes("He grew up on rock 'n' roll in Leeds.");
}

BOOST_AUTO_TEST_CASE(apostrophe_plural_possessive_straight) {
  no_quotes("The dogs' bowls were empty again.");
}

BOOST_AUTO_TEST_CASE(apostrophes_inside_a_double_quote) {
  only_quote("“It’s the UK’s call, and we’ve said so,” she said.",
             "It’s the UK’s call, and we’ve said so,");
  only_quote("\"It's rock 'n' roll in the '90s,\" he said.", "It's rock 'n' roll in the '90s,");
}

BOOST_AUTO_TEST_CASE(plural_possessive_inside_single_quote) {
  // The mark after "workers" is an apostrophe: the quote closes at the last ’.
  only_quote("He wrote ‘the workers’ union is strong’ in his diary.",
             "the workers’ union is strong");
}

BOOST_AUTO_TEST_CASE(one_letter_elision_inside_single_quote) {
  // "a’" before a capital and "o’" are words cut short: the quote closes at
  // the last ’. Another one-letter word ("Plan B’", "plan c’"), or "a’"
  // before a lower-case word, closes, even with a possessive’s mark later.
  only_quote("The cast sang ‘Fear a’ Bhàta’ unaccompanied.", "Fear a’ Bhàta");
  only_quote("She ordered ‘a cup o’ tea’ at the bar.", "a cup o’ tea");
  std::string text = "They called it ‘Plan B’ and ‘plan c’ later.";
  BOOST_TEST(inner_texts(text, qg::scan_quotes(text)) == (Strings{"Plan B", "plan c"}));
  only_quote("They voted for ‘plan a’ at the ministers’ meeting.", "plan a");
  only_quote("She said ‘plan c’ in the same breath. The unions’ reply came later.", "plan c");
}

BOOST_AUTO_TEST_CASE(single_scare_quote_ending_in_s) {
  only_quote("They mocked the ‘experts’ and left.", "experts");
}

BOOST_AUTO_TEST_CASE(apostrophes_inside_single_quote) {
  only_quote("She called it ‘Lammy’s big moment’ on air.", "Lammy’s big moment");
  only_quote("She called it ‘the ’90s all over again’ on air.", "the ’90s all over again");
}

// --- multi-paragraph quotes ----------------------------------------------------

BOOST_AUTO_TEST_CASE(multi_paragraph_two) {
  std::string text =
      "“The first part of the pledge is about schools.\n"
      "“The second part is about hospitals,” the minister said.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST_REQUIRE(scan.quotes.size() == 1u);
  const Quote& q = scan.quotes[0];
  BOOST_TEST(q.paragraphs == 2u);
  BOOST_TEST(q.outer.begin == 0u);
  BOOST_TEST(q.inner.begin == 3u);
  BOOST_TEST(q.inner.end == text.find("”"));
  BOOST_TEST(q.outer.end == text.find("”") + 3);
  BOOST_TEST(q.inner.contains(static_cast<uint32_t>(text.find('\n'))));
  BOOST_TEST(codes(scan) == Strings{});
}

BOOST_AUTO_TEST_CASE(multi_paragraph_three_with_blank_lines) {
  std::string text =
      "The statement read in full:\n\n"
      "“We regret the delay.\n\n"
      "“We are working with partners.\n\n"
      "“We expect a result by spring.”\n\n"
      "Nobody else commented.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST_REQUIRE(scan.quotes.size() == 1u);
  const Quote& q = scan.quotes[0];
  BOOST_TEST(q.paragraphs == 3u);
  BOOST_TEST(q.outer.begin == text.find("“"));
  BOOST_TEST(q.inner.end == text.find("”"));
  BOOST_TEST(codes(scan) == Strings{});
}

BOOST_AUTO_TEST_CASE(multi_paragraph_british_single) {
  std::string text = "‘First we build.\n‘Then we open,’ she said.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST_REQUIRE(scan.quotes.size() == 1u);
  BOOST_TEST(scan.quotes[0].paragraphs == 2u);
  BOOST_TEST(slice(text, scan.quotes[0].inner) == "First we build.\n‘Then we open,");
}

BOOST_AUTO_TEST_CASE(multi_paragraph_straight) {
  std::string text = "\"First we build.\n\"Then we open,\" she said.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST_REQUIRE(scan.quotes.size() == 1u);
  BOOST_TEST(scan.quotes[0].paragraphs == 2u);
  BOOST_TEST(slice(text, scan.quotes[0].inner) == "First we build.\n\"Then we open,");
}

// --- unmatched marks ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(unclosed_quote_dropped_with_offset) {
  std::string text =
      "He said “oops, forgot to close\n"
      "Then she said “hello” here.\n"
      "Later “goodbye” was heard.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == (Strings{"hello", "goodbye"}));
  const Diagnostic* d = find_code(scan, "unclosed_quote");
  BOOST_TEST_REQUIRE(d != nullptr);
  BOOST_TEST(d->offset == 8u);  // the “ after "He said "
  BOOST_TEST(scan.diagnostics.size() == 1u);
  // The later quotes keep their exact spans.
  BOOST_TEST(scan.quotes[0].outer.begin == text.find("“hello"));
  BOOST_TEST(scan.quotes[1].inner.begin == text.find("goodbye"));
  for (const Quote& q : scan.quotes) BOOST_TEST(q.paragraphs == 1u);
}

BOOST_AUTO_TEST_CASE(unclosed_quote_at_paragraph_start) {
  std::string text =
      "“This one never closes.\n"
      "The next paragraph is plain.\n"
      "She said “this one does” in the end.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == Strings{"this one does"});
  BOOST_TEST(codes(scan) == Strings{"unclosed_quote"});
  BOOST_TEST_REQUIRE(!scan.diagnostics.empty());
  BOOST_TEST(scan.diagnostics[0].offset == 0u);
}

BOOST_AUTO_TEST_CASE(unclosed_straight_quote_does_not_swallow) {
  std::string text = "He said \"oops and kept going\nShe said \"fine\" later.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == Strings{"fine"});
  const Diagnostic* d = find_code(scan, "unclosed_quote");
  BOOST_TEST_REQUIRE(d != nullptr);
  BOOST_TEST(d->offset == 8u);
}

BOOST_AUTO_TEST_CASE(unclosed_quote_at_end_of_document) {
  std::string text = "A “closed” one, then an “open one";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == Strings{"closed"});
  const Diagnostic* d = find_code(scan, "unclosed_quote");
  BOOST_TEST_REQUIRE(d != nullptr);
  BOOST_TEST(d->offset == text.find("“open"));
}

BOOST_AUTO_TEST_CASE(unclosed_outer_keeps_closed_inner_quote) {
  std::string text = "He said “oops, then she said “fine” and left.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == Strings{"fine"});
  BOOST_TEST_REQUIRE(scan.quotes.size() == 1u);
  BOOST_TEST(int(scan.quotes[0].depth) == 0);
  BOOST_TEST(scan.quotes[0].parent == -1);
  BOOST_TEST(find_code(scan, "unclosed_quote") != nullptr);
}

BOOST_AUTO_TEST_CASE(stray_closing_mark) {
  std::string text = "He left.” Then she said “hello” to all.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == Strings{"hello"});
  BOOST_TEST(codes(scan) == Strings{"stray_closing_mark"});
  BOOST_TEST_REQUIRE(!scan.diagnostics.empty());
  BOOST_TEST(scan.diagnostics[0].offset == 8u);
}

BOOST_AUTO_TEST_CASE(stray_closing_guillemet) {
  std::string text = "Fin» puis «début» encore.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == Strings{"début"});
  const Diagnostic* d = find_code(scan, "stray_closing_mark");
  BOOST_TEST_REQUIRE(d != nullptr);
  BOOST_TEST(d->offset == 3u);
}

BOOST_AUTO_TEST_SUITE_END()

// Regressions: each case below once exposed a grammar bug, now fixed.
BOOST_AUTO_TEST_SUITE(quotes)

// Regression (was a bug): with a later ’ in the paragraph, the ’ after "experts" (s + ’ + space +
// lower-case word) is taken for a plural possessive: the first quote is
// dropped as "unclosed_single_quote" and only "pundits" is found.
BOOST_AUTO_TEST_CASE(two_single_scare_quotes_ending_in_s) {
  std::string text = "She mocked the ‘experts’ and the ‘pundits’ alike.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == (Strings{"experts", "pundits"}));
  BOOST_TEST(codes(scan) == Strings{});
}

// Regression (was a bug): the ’ after "rock ’n" closes the quote: inner is "pure rock ’n".
BOOST_AUTO_TEST_CASE(rock_n_roll_inside_single_quote) {
  only_quote("The band promised ‘pure rock ’n’ roll’ at the gig.", "pure rock ’n’ roll");
}

// Regression (was a bug): quotes.cpp says "an empty pair: not a quotation", but only single
// marks are checked: "" yields a quote with an empty inner span.
BOOST_AUTO_TEST_CASE(empty_pair_is_not_a_quotation) {
  std::string text = "The form said \"\" where a name should be.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == Strings{});
}

BOOST_AUTO_TEST_SUITE_END()  // quotes

// Found by fuzz_grammar (tests/fuzz/regressions/grammar/dropped-parent-*): an
// unclosed mark dropped between two quotes hands the inner quote to the
// outer one, instead of leaving two overlapping top-level quotes.
BOOST_AUTO_TEST_SUITE(quotes)

BOOST_AUTO_TEST_CASE(dropped_middle_mark_keeps_nesting) {
  std::string text = "“Outer ‘middle “inner” middle outer,” he said.";
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_REQUIRE(scan.quotes.size() == 2u);
  BOOST_TEST(scan.quotes[0].depth == 0u);
  BOOST_TEST(slice(text, scan.quotes[1].inner) == "inner");
  BOOST_TEST(scan.quotes[1].depth == 1u);
  BOOST_TEST(scan.quotes[1].parent == 0);
}

// scan_quotes() jumps 16 or 8 bytes at a time to the next candidate byte:
// marks at every offset, with non-ASCII letters and dashes (not marks)
// before them.
BOOST_AUTO_TEST_CASE(marks_at_every_offset) {
  for (size_t n = 0; n <= 40; ++n) {
    std::string lead(n, 'x');
    std::string text = lead + " Müller — said “" + lead + "yes” and 'maybe' then";
    QuoteScan scan = qg::scan_quotes(text);
    BOOST_TEST(inner_texts(text, scan) == (Strings{lead + "yes", "maybe"}), "offset " << n);
    BOOST_TEST_REQUIRE(scan.quotes.size() == 2u);
    BOOST_TEST(scan.quotes[0].outer.begin == n + std::string(" Müller — said ").size());
  }
}

BOOST_AUTO_TEST_SUITE_END()
