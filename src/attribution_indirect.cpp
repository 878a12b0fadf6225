// Indirect speech: reported speech without quote marks ("X said that …",
// "according to X, …") in sentences that hold no quote.
#include <algorithm>

#include "attribution_stages.hpp"

namespace quotient::attribution_detail {
namespace {

using grammar::CueMatch;
using grammar::Token;

// Content between tokens [from, to), trimmed of commas and the final period;
// empty when shorter than three words.
std::optional<grammar::Range> content_of(const SentenceView& sv, size_t from, size_t to) {
  while (from < to && sv.toks[from].kind == Token::Kind::kPunct) ++from;
  while (to > from && sv.toks[to - 1].kind == Token::Kind::kPunct) --to;
  size_t words = 0;
  for (size_t k = from; k < to; ++k) words += sv.toks[k].kind == Token::Kind::kWord;
  if (words < 3) return std::nullopt;
  return grammar::Range{sv.toks[from].range.begin, sv.toks[to - 1].range.end};
}

}  // namespace

std::optional<IndirectFrame> indirect_frame(const Doc& d, const SentenceView& sv) {
  size_t n = sv.toks.size();
  for (size_t c = 0; c < n; ++c) {
    if (!sv.cue_at[c]) continue;
    CueMatch cue = *sv.cue_at[c];
    if (cue.form == CueMatch::Form::kInfinitive || cue.form == CueMatch::Form::kColon || cue.needs_as)
      continue;
    size_t after = c + cue.tokens;
    int m = speaker_of_cue(d, sv, c, n, &cue);
    if (m < 0) continue;
    size_t mention_end = d.mentions[m].token + d.mentions[m].mention.tokens;
    std::optional<grammar::Range> content;
    if (cue.form == CueMatch::Form::kPreposition) {
      content = c == 0 ? content_of(sv, mention_end, n) : content_of(sv, 0, c);
    } else {
      size_t from = std::max(after, mention_end > c ? mention_end : after);  // past "said Smith"
      if (from < n && word(d, sv.toks[from]) == "that") ++from;
      content = content_of(sv, from, n);  // "X said (that) CONTENT."
      size_t first = std::min(c, static_cast<size_t>(d.mentions[m].token));
      if (!content && first > 0 && is_punct(d, sv.toks[first - 1], ','))
        content = content_of(sv, 0, first - 1);  // "CONTENT, X said."
    }
    if (!content) continue;
    Claim claim = make_claim(m, cue, "indirect", 0.6f);
    return IndirectFrame{claim, *content};
  }
  return std::nullopt;
}

}  // namespace quotient::attribution_detail
