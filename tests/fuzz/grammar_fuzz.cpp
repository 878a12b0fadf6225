// Fuzz target: the grammar façade on arbitrary bytes — scan_quotes,
// split_sentences, tokenize (per sentence and over the whole text) and
// match_cue / match_mention at every token. Checks that every range lies
// inside the text, sentences and tokens are ordered and disjoint, and no
// match looks past its token's run_end.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.hpp"
#include "grammar.hpp"

namespace quotient::fuzz {
namespace {

using grammar::Range;
using grammar::Token;

void check_matches(std::string_view text, const std::vector<Token>& toks, size_t i) {
  const Token& t = toks[i];
  if (auto cue = grammar::match_cue(text, toks, i)) {
    FUZZ_CHECK(within(cue->range, text.size()));
    FUZZ_CHECK(cue->range.begin == t.range.begin);
    FUZZ_CHECK(cue->tokens >= 1 && i + cue->tokens <= toks.size());
    FUZZ_CHECK(!cue->lemma.empty());
    if (t.kind != Token::Kind::kQuote) FUZZ_CHECK(cue->range.end <= t.run_end);
  }
  if (auto who = grammar::match_mention(text, toks, i)) {
    FUZZ_CHECK(within(who->range, text.size()));
    FUZZ_CHECK(contains(who->range, who->name));
    FUZZ_CHECK(who->range.begin == t.range.begin);
    FUZZ_CHECK(who->tokens >= 1 && i + who->tokens <= toks.size());
    if (t.kind != Token::Kind::kQuote) FUZZ_CHECK(who->range.end <= t.run_end);
  }
}

// Known (FUZZ_ALLOW=dropped_parent): a top-level quote inside another
// top-level quote, left by a dropped parent; sentences then split inside a
// quote and its token overruns the sentence. Such inputs still run, unchecked.
bool top_levels_overlap(const grammar::QuoteScan& scan) {
  uint32_t end = 0;
  for (const grammar::Quote& q : scan.quotes) {
    if (q.depth != 0) continue;
    if (q.outer.begin < end) return true;
    end = q.outer.end;
  }
  return false;
}

void check_tokens(std::string_view text, Range range, const grammar::QuoteScan& scan) {
  std::vector<Token> toks = grammar::tokenize(text, range, scan);
  if (allowed("dropped_parent") && top_levels_overlap(scan)) return;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    FUZZ_CHECK(contains(range, t.range) && t.range.begin < t.range.end);
    if (i > 0) FUZZ_CHECK(toks[i - 1].range.end <= t.range.begin);
    if (t.kind == Token::Kind::kQuote) {
      FUZZ_CHECK(t.quote >= 0 && static_cast<size_t>(t.quote) < scan.quotes.size());
      FUZZ_CHECK(scan.quotes[static_cast<size_t>(t.quote)].depth == 0);
    } else {
      FUZZ_CHECK(t.range.end <= t.run_end && t.run_end <= range.end);
    }
    check_matches(text, toks, i);
  }
}

}  // namespace
}  // namespace quotient::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotient;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  grammar::QuoteScan scan = grammar::scan_quotes(text);
  fuzz::check_scan(text, scan);
  std::vector<grammar::Sentence> sents = grammar::split_sentences(text, scan);
  for (size_t i = 0; i < sents.size(); ++i) {
    FUZZ_CHECK(fuzz::within(sents[i].range, text.size()));
    if (i > 0) {
      FUZZ_CHECK(sents[i - 1].range.end <= sents[i].range.begin);
      FUZZ_CHECK(sents[i - 1].paragraph <= sents[i].paragraph);
    }
    fuzz::check_tokens(text, sents[i].range, scan);
  }
  fuzz::check_tokens(text, grammar::Range{0, static_cast<uint32_t>(size)}, scan);
  return 0;
}
