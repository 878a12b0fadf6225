// Tests for match_cue() (grammar/match.cpp and the cue rule in
// mention_def.hpp): lemmas, forms, multi-word cues, colons, word boundaries
// and nouns after a determiner.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>

#include "test_util.hpp"

namespace qg = quotient::grammar;
using qg::CueMatch;
using qg::testing::slice;
using qg::testing::Tokenized;
using Form = CueMatch::Form;

namespace {

// The cue at the first token spelled `word` in `text`.
std::optional<CueMatch> cue_at(const Tokenized& t, const std::string& word) {
  size_t i = t.find(word);
  BOOST_TEST_REQUIRE(i < t.tokens.size(), "no token '" << word << "' in: " << t.text);
  return qg::match_cue(t.text, t.tokens, i);
}

// Requires a cue at `word` with this lemma, form and written text.
CueMatch expect_cue(const std::string& text, const std::string& word, const std::string& lemma,
                    Form form, const std::string& written) {
  Tokenized t(text);
  std::optional<CueMatch> cue = cue_at(t, word);
  BOOST_TEST_REQUIRE(cue.has_value(), "no cue at '" << word << "' in: " << text);
  BOOST_TEST(cue->lemma == lemma);
  BOOST_TEST(cue->form == form);
  BOOST_TEST(slice(text, cue->range) == written);
  return *cue;
}

void expect_no_cue(const std::string& text, const std::string& word) {
  Tokenized t(text);
  std::optional<CueMatch> cue = cue_at(t, word);
  BOOST_TEST(!cue.has_value(), "unexpected cue '" << (cue ? cue->lemma : "") << "' at '" << word
                                                   << "' in: " << text);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cues)

BOOST_AUTO_TEST_CASE(say_inflections) {
  CueMatch c = expect_cue("Officials said the talks had stalled.", "said", "say", Form::kFinite,
                          "said");
  BOOST_TEST(c.tokens == 1u);
  BOOST_TEST(!c.needs_as);
  expect_cue("The mayor says little these days.", "says", "say", Form::kFinite, "says");
  expect_cue("“Enough,” she said, saying nothing more.", "saying", "say", Form::kParticiple,
             "saying");
}

BOOST_AUTO_TEST_CASE(told) {
  expect_cue("She told the committee it was over.", "told", "tell", Form::kFinite, "told");
}

BOOST_AUTO_TEST_CASE(capitalised_cue) {
  expect_cue("Said the minister: nothing.", "Said", "say", Form::kFinite, "Said");
}

BOOST_AUTO_TEST_CASE(according_to_is_a_preposition) {
  CueMatch c = expect_cue("According to the ministry, talks stalled.", "According",
                          "according to", Form::kPreposition, "According to");
  BOOST_TEST(c.tokens == 2u);
  expect_cue("Talks stalled, according to two diplomats.", "according", "according to",
             Form::kPreposition, "according to");
}

BOOST_AUTO_TEST_CASE(in_a_statement) {
  CueMatch c = expect_cue("In a statement, the ministry denied it.", "In", "in a statement",
                          Form::kPreposition, "In a statement");
  BOOST_TEST(c.tokens == 3u);
}

BOOST_AUTO_TEST_CASE(pointed_out) {
  CueMatch c = expect_cue("She pointed out that costs rose.", "pointed", "point out",
                          Form::kFinite, "pointed out");
  BOOST_TEST(c.tokens == 2u);
}

BOOST_AUTO_TEST_CASE(described_needs_as) {
  CueMatch c = expect_cue("He described the talks as “useful”.", "described", "describe",
                          Form::kFinite, "described");
  BOOST_TEST(c.needs_as);
}

BOOST_AUTO_TEST_CASE(adding_is_a_participle) {
  expect_cue("“Fine,” he said, adding that more work was needed.", "adding", "add",
             Form::kParticiple, "adding");
}

BOOST_AUTO_TEST_CASE(to_speak_is_an_infinitive) {
  expect_cue("She declined to speak on the record.", "speak", "speak", Form::kInfinitive,
             "speak");
}

BOOST_AUTO_TEST_CASE(colon_before_a_quote) {
  Tokenized t("The minister said: “We are ready.”");
  size_t i = t.find(":");
  BOOST_TEST_REQUIRE(i < t.tokens.size());
  std::optional<CueMatch> c = qg::match_cue(t.text, t.tokens, i);
  BOOST_TEST_REQUIRE(c.has_value());
  BOOST_TEST(c->form == Form::kColon);
  BOOST_TEST(c->lemma == ":");
  BOOST_TEST(c->range.begin == t.text.find(':'));
  BOOST_TEST(c->range.size() == 1u);
  BOOST_TEST(c->tokens == 1u);
}

BOOST_AUTO_TEST_CASE(colon_not_before_a_quote) {
  expect_no_cue("The plan: cut costs and wait.", ":");
  expect_no_cue("The score was 2:1 at half time.", ":");
}

BOOST_AUTO_TEST_CASE(whole_words_only) {
  expect_no_cue("The saidx field was empty.", "saidx");
  expect_no_cue("Sweeping announcements came late.", "announcements");
  expect_no_cue("Sayings of the week.", "Sayings");
  expect_no_cue("Storytelling matters here.", "Storytelling");
}

BOOST_AUTO_TEST_CASE(noun_after_determiner_is_not_a_cue) {
  expect_no_cue("She read a report on Monday.", "report");
  expect_no_cue("He ignored the state of the roads.", "state");
  expect_no_cue("They welcomed his comments warmly.", "comments");
  expect_no_cue("She made the call early.", "call");
  // Without a determiner the same word is a cue.
  expect_cue("Analysts report that prices rose.", "report", "report", Form::kFinite, "report");
}

BOOST_AUTO_TEST_CASE(punctuation_and_quotes_are_not_cues) {
  Tokenized t("“Yes,” he said.");
  BOOST_TEST(!qg::match_cue(t.text, t.tokens, 0).has_value());               // the quote
  BOOST_TEST(!qg::match_cue(t.text, t.tokens, t.tokens.size() - 1).has_value());  // "."
}

BOOST_AUTO_TEST_CASE(cue_stops_at_a_quote) {
  // "in a" before a quote must not run into the quote to complete "in a statement".
  Tokenized t("It came in a “statement” later.");
  BOOST_TEST(!qg::match_cue(t.text, t.tokens, t.find("in")).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

// Regressions: each case below once exposed a grammar bug, now fixed.
BOOST_AUTO_TEST_SUITE(cues)

// Regression (was a bug): cues.txt has no "told reporters" (nor "tell reporters"), so the cue
// covers "told" only (1 token), against grammar.hpp's own example.
BOOST_AUTO_TEST_CASE(told_reporters_is_one_cue) {
  // grammar.hpp: a cue's range is "the words of the cue as written ("told
  // reporters")"; issue 2 lists "told reporters" as a multi-word cue.
  CueMatch c = expect_cue("He told reporters it was over.", "told", "tell", Form::kFinite,
                          "told reporters");
  BOOST_TEST(c.tokens == 2u);
}

BOOST_AUTO_TEST_SUITE_END()  // cues
