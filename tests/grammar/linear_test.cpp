// Adversarial inputs for grammar/ (issue 2, §3 "linear time, always"):
// thousands of unmatched marks, a megabyte of capitalised words, one
// unmatched mark at the start of a long text, runs of colons and straight
// marks. The cases check results only; the ctest TIMEOUT is the guard against
// a rule or a pass that goes quadratic.
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace qg = quotient::grammar;
using qg::CueMatch;
using qg::Diagnostic;
using qg::Quote;
using qg::QuoteScan;
using qg::Token;
using qg::testing::inner_texts;
using qg::testing::slice;
using qg::testing::Tokenized;
using Strings = std::vector<std::string>;

namespace {

constexpr size_t kMiB = 1 << 20;

// `unit` repeated until the result is at least `bytes` long.
std::string repeat_to(const std::string& unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

size_t count_of(const std::string& text, const std::string& unit) {
  size_t n = 0;
  for (size_t p = text.find(unit); p != std::string::npos; p = text.find(unit, p + unit.size()))
    ++n;
  return n;
}

// A closing paragraph with one well-formed quote: the scan must still find
// it, exactly, after whatever came before.
const std::string kTail = "\nShe said “done at last” and left.";

void expect_tail_quote(const std::string& text, const QuoteScan& scan) {
  BOOST_TEST_REQUIRE(!scan.quotes.empty());
  const Quote& last = scan.quotes.back();
  BOOST_TEST(slice(text, last.inner) == "done at last");
  BOOST_TEST(last.outer.begin == text.rfind("“"));
  BOOST_TEST(int(last.depth) == 0);
}

// 70 001 paragraphs that each reopen the same quote, closed at the very end.
std::string seventy_thousand_paragraphs() {
  const std::string unit = "“abc\n";
  return repeat_to(unit, 70000 * unit.size()) + "“the end.”";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(linear)

BOOST_AUTO_TEST_CASE(many_unmatched_opening_marks) {
  std::string body = repeat_to("“abc ", kMiB);
  std::string text = body + kTail;
  size_t marks = count_of(body, "“");
  BOOST_TEST_REQUIRE(marks > 100000u);

  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == Strings{"done at last"});
  expect_tail_quote(text, scan);
  BOOST_TEST(!scan.diagnostics.empty());
  BOOST_TEST(scan.diagnostics.size() <= marks);
  std::set<std::string> allowed{"unclosed_quote", "nesting_too_deep"};
  for (const Diagnostic& d : scan.diagnostics) {
    BOOST_TEST(allowed.count(d.code) == 1u, d.code);
    BOOST_TEST(d.offset < body.size());
  }
  // The first unmatched mark is reported.
  bool first_reported = false;
  for (const Diagnostic& d : scan.diagnostics) first_reported |= d.offset == 0 && d.code == "unclosed_quote";
  BOOST_TEST(first_reported);

  std::vector<qg::Sentence> sents = qg::split_sentences(text, scan);
  BOOST_TEST(sents.size() == 2u);
  std::vector<Token> toks = qg::tokenize(text, {0, static_cast<uint32_t>(text.size())}, scan);
  BOOST_TEST(toks.size() == 2 * marks + 6);  // “ and abc per unit; 6 in the tail
}

BOOST_AUTO_TEST_CASE(many_unmatched_single_marks) {
  std::string body = repeat_to("‘ab ", kMiB);
  std::string text = body + kTail;
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == Strings{"done at last"});
  expect_tail_quote(text, scan);
}

BOOST_AUTO_TEST_CASE(megabyte_of_capitalised_sentences) {
  // The same words cut into short sentences, matched sentence by sentence
  // (how attribution calls in).
  std::string text = repeat_to("Alpha Beta Gamma Delta. Epsilon Zeta Eta Theta. ", kMiB);
  qg::QuoteScan scan = qg::scan_quotes(text);
  std::vector<qg::Sentence> sents = qg::split_sentences(text, scan);
  BOOST_TEST_REQUIRE(sents.size() == count_of(text, "."));
  size_t names = 0, cues = 0;
  for (const qg::Sentence& s : sents) {
    std::vector<Token> toks = qg::tokenize(text, s.range, scan);
    BOOST_TEST_REQUIRE(toks.size() == 5u);
    for (size_t i = 0; i < toks.size(); ++i) {
      names += qg::match_mention(text, toks, i).has_value();
      cues += qg::match_cue(text, toks, i).has_value();
    }
  }
  BOOST_TEST(names == 4 * sents.size());
  BOOST_TEST(cues == 0u);
}

BOOST_AUTO_TEST_CASE(one_unmatched_mark_at_start_of_two_megabytes) {
  std::string unit = "Lorem ipsum dolor sit amet. ";
  std::string body = "“" + repeat_to(unit, 2 * kMiB);
  std::string text = body + kTail;
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == Strings{"done at last"});
  expect_tail_quote(text, scan);
  BOOST_TEST_REQUIRE(scan.diagnostics.size() == 1u);
  BOOST_TEST(scan.diagnostics[0].code == "unclosed_quote");
  BOOST_TEST(scan.diagnostics[0].offset == 0u);

  std::vector<qg::Sentence> sents = qg::split_sentences(text, scan);
  BOOST_TEST(sents.size() == count_of(body, unit) + 1);
  BOOST_TEST(sents.back().paragraph == 1u);
}

BOOST_AUTO_TEST_CASE(one_unmatched_straight_mark_at_start) {
  std::string body = "\"" + repeat_to("It's Lammy’s view of the ’90s. ", kMiB);
  std::string text = body + kTail;
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST(inner_texts(text, scan) == Strings{"done at last"});
  BOOST_TEST_REQUIRE(scan.diagnostics.size() == 1u);
  BOOST_TEST(scan.diagnostics[0].code == "unclosed_quote");
  BOOST_TEST(scan.diagnostics[0].offset == 0u);
}

BOOST_AUTO_TEST_CASE(megabyte_of_colons) {
  std::string text(kMiB, ':');
  Tokenized t(text);
  BOOST_TEST(t.scan.quotes.empty());
  BOOST_TEST(t.scan.diagnostics.empty());
  BOOST_TEST(qg::split_sentences(text, t.scan).size() == 1u);
  BOOST_TEST_REQUIRE(t.tokens.size() == kMiB);
  size_t found = 0;
  for (size_t i = 0; i < t.tokens.size(); ++i) {
    found += qg::match_cue(t.text, t.tokens, i).has_value();
    found += qg::match_mention(t.text, t.tokens, i).has_value();
  }
  BOOST_TEST(found == 0u);
}

BOOST_AUTO_TEST_CASE(megabyte_of_colon_quote_pairs) {
  std::string unit = ": “x” ";
  std::string text = repeat_to(unit, kMiB);
  size_t pairs = count_of(text, unit);
  Tokenized t(text);
  BOOST_TEST_REQUIRE(t.scan.quotes.size() == pairs);
  BOOST_TEST_REQUIRE(t.tokens.size() == 2 * pairs);
  size_t colons = 0;
  for (size_t i = 0; i < t.tokens.size(); ++i) {
    std::optional<CueMatch> c = qg::match_cue(t.text, t.tokens, i);
    colons += c && c->form == CueMatch::Form::kColon;
  }
  BOOST_TEST(colons == pairs);
}

BOOST_AUTO_TEST_CASE(megabyte_of_straight_double_marks) {
  std::string body(kMiB, '"');
  std::string text = body + "\nShe said \"done at last\" and left.";
  QuoteScan scan = qg::scan_quotes(text);
  // Whatever the marks pair into, none of it is text, and the tail quote is
  // found exactly.
  Strings non_empty;
  for (const Quote& q : scan.quotes)
    if (q.inner.size() > 0) non_empty.push_back(slice(text, q.inner));
  BOOST_TEST(non_empty == Strings{"done at last"});
  BOOST_TEST(scan.quotes.back().outer.begin == text.rfind("\"done"));
  BOOST_TEST(scan.diagnostics.size() <= body.size());
  std::set<std::string> allowed{"unclosed_quote", "stray_closing_mark", "too_many_diagnostics"};
  for (const Diagnostic& d : scan.diagnostics) BOOST_TEST_REQUIRE(allowed.count(d.code) == 1u);
  // A million stray marks give a bounded list plus one summary, not a million
  // entries (memory stays flat).
  BOOST_TEST(scan.diagnostics.size() <= 101u);

  std::vector<Token> toks = qg::tokenize(text, {0, static_cast<uint32_t>(text.size())}, scan);
  BOOST_TEST(!toks.empty());
  BOOST_TEST(qg::split_sentences(text, scan).size() == 2u);
}

BOOST_AUTO_TEST_CASE(abbreviations_and_initials_megabyte) {
  std::string unit = "Mr. A. B. Smith met Dr. Jones on Jan. 5 in the U.S. Officials cheered. ";
  std::string text = repeat_to(unit, kMiB);
  std::vector<qg::Sentence> sents = qg::split_sentences(text, qg::scan_quotes(text));
  BOOST_TEST(sents.size() == count_of(text, unit));
}

BOOST_AUTO_TEST_CASE(seventy_thousand_paragraph_quote) {
  std::string text = seventy_thousand_paragraphs();
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST_REQUIRE(scan.quotes.size() == 1u);
  BOOST_TEST(scan.quotes[0].inner.begin == 3u);
  BOOST_TEST(scan.quotes[0].inner.end == text.size() - 3);
  BOOST_TEST(scan.diagnostics.empty());
  BOOST_TEST(qg::split_sentences(text, scan).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

// Regressions: each case below once exposed a grammar bug, now fixed.
BOOST_AUTO_TEST_SUITE(linear)

// Regression (was a bug): quadratic. match_cue() and match_mention() call limit_of(), which
// scans forward from token i to the next kQuote token (or the end) on every
// call: with no quote ahead, trying every token of n tokens costs O(n^2).
// Measured (Release): 128 KB 0.23 s, 256 KB 0.92 s, 512 KB 3.7 s, 1 MB ~21 s.
BOOST_AUTO_TEST_CASE(megabyte_of_capitalised_words) {
  std::string text = repeat_to("Alpha Beta Gamma Delta Epsilon Zeta Eta Theta ", kMiB);
  Tokenized t(text);
  BOOST_TEST(t.scan.quotes.empty());
  BOOST_TEST(t.scan.diagnostics.empty());
  BOOST_TEST_REQUIRE(t.tokens.size() == count_of(text, " "));
  size_t names = 0, cues = 0;
  for (size_t i = 0; i < t.tokens.size(); ++i) {
    std::optional<qg::Mention> m = qg::match_mention(t.text, t.tokens, i);
    if (m) {
      ++names;
      // Every repetition is bounded: a name is a handful of words.
      BOOST_TEST_REQUIRE((m->tokens >= 1 && m->tokens <= 8));
      BOOST_TEST_REQUIRE(m->range.begin == t.tokens[i].range.begin);
    }
    cues += qg::match_cue(t.text, t.tokens, i).has_value();
  }
  BOOST_TEST(names == t.tokens.size());
  BOOST_TEST(cues == 0u);
}

// Regression (was a bug): Quote::paragraphs is uint16_t and ++ wraps: 70 001 paragraphs report
// 4465. Expected the count, or at least saturation at 65535.
BOOST_AUTO_TEST_CASE(paragraph_count_does_not_wrap) {
  std::string text = seventy_thousand_paragraphs();
  QuoteScan scan = qg::scan_quotes(text);
  BOOST_TEST_REQUIRE(scan.quotes.size() == 1u);
  BOOST_TEST(scan.quotes[0].paragraphs >= 65535u);
}

BOOST_AUTO_TEST_SUITE_END()  // linear
