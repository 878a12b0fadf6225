// attribution_stages.hpp — internal to attribute(): the document as pass 1
// reads it, and the functions of each stage. Not part of src/'s interface;
// only attribution*.cpp include it.
//
//   Doc d{text, scan};
//   for (const grammar::Sentence& s : grammar::split_sentences(text, scan))
//     read_sentence(d, s);                       // attribution_sentence.cpp
//   for (size_t si = 0; si < d.sentences.size(); ++si)
//     claim_sentence(d, si);                     // attribution_frames.cpp
//   kind_without_claim(d, sv, q, inner);         // attribution_kinds.cpp
//   indirect_frame(d, sv);                       // attribution_indirect.cpp
//
// The stages share one Doc; each reads what the ones before it wrote.
#ifndef QUOTIENT_SRC_ATTRIBUTION_STAGES_HPP_
#define QUOTIENT_SRC_ATTRIBUTION_STAGES_HPP_

#include <initializer_list>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ast.hpp"
#include "attribution.hpp"
#include "entities.hpp"

namespace quotient::attribution_detail {

constexpr size_t kMaxCueDistance = 60;  // tokens between a cue and its quote
constexpr size_t kMaxAppositive = 24;   // tokens inside ", a spokeswoman for X,"
constexpr size_t kMaxLookback = 64;     // quotes or mentions a rule looks back over

// One sentence, read once.
struct SentenceView {
  grammar::Sentence sentence;
  std::vector<grammar::Token> toks;
  std::vector<std::optional<grammar::CueMatch>> cue_at;  // per token
  std::vector<int> mention_end_at;    // per token: mention whose last token this is, or -1
  std::vector<int> mention_start_at;  // per token: mention starting here, or -1
  size_t after_dateline = 0;          // the token after a paragraph's dateline ("BONN, June 14 —"), or 0
};

// How a quote was attributed in pass 1.
struct Claim {
  int mention = -1;  // index into Doc::mentions
  int inherit = -1;  // or: the quote whose speaker this one shares
  std::optional<grammar::CueMatch> cue;
  const char* rule = "";
  float confidence = 0;
  // With mention and inherit -1: the words of a speaker no mention covers
  // ("“…,” muttered one"), or none.
  std::optional<grammar::Range> unnamed;
};

// The document as pass 1 reads it. Sentences and mentions are in text order.
struct Doc {
  Doc(std::string_view t, const grammar::QuoteScan& s);
  // Gives the sentences' per-token vectors to this thread's next Doc.
  ~Doc();
  Doc(const Doc&) = delete;
  Doc& operator=(const Doc&) = delete;

  std::string_view text;
  const grammar::QuoteScan& scan;
  std::vector<SentenceView> sentences;
  std::vector<MentionRef> mentions;    // document order
  std::vector<Claim> claims;           // per quote
  std::vector<size_t> quote_sentence;  // per quote: sentence index (top level only; else SIZE_MAX)
  std::vector<size_t> quote_token;     // per quote: its token in that sentence
  std::vector<Claim> statements;       // per sentence: its first cue with a subject
  size_t body_joins_tried = 0;         // read_sentence's "A and B" body names looked at
};

// ---- tokens (attribution_sentence.cpp) ----
// word(), is_punct() and one_of() are inline: every stage calls them per token.
inline std::string_view word(const Doc& d, const grammar::Token& t) {
  return d.text.substr(t.range.begin, t.range.size());
}
inline bool is_punct(const Doc& d, const grammar::Token& t, char c) {
  return t.kind == grammar::Token::Kind::kPunct && d.text[t.range.begin] == c;
}
bool is_dash(const Doc& d, const grammar::Token& t);
bool is_lower_word(const Doc& d, const grammar::Token& t);
bool capitalised(const Doc& d, const grammar::Token& t);  // a word that starts with A..Z
inline bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}
// "titled", "entitled", "headlined", "subtitled": what follows names a work.
inline bool naming_word(std::string_view w) { return one_of(w, {"titled", "entitled", "headlined", "subtitled"}); }
// Words that may stand between a subject and its verb: "Mr Lammy had said",
// "the official also reportedly said" (data/lexicon/auxiliaries.txt, -ly
// adverbs, n't forms).
bool skippable(std::string_view w);
// "Monday" … "Sunday": a day that may stand between a subject and its verb.
bool weekday(std::string_view w);
// "on Wednesday", "last week", "this morning": a time phrase of two words
// at token j (the nouns: weekdays and data/lexicon/time_spans.txt).
bool time_phrase_at(const Doc& d, const SentenceView& sv, size_t j);

// Appends sentence `s` to d.sentences: its tokens, cues and mentions, and
// records where each of its quotes is.
void read_sentence(Doc& d, const grammar::Sentence& s);
// read_sentence() for every sentence that can change a record: those with a
// quote and the four before each (what the frames and pronouns look at);
// from the others, only the names that document-wide entity resolution
// uses. The others get an empty SentenceView (no tokens). `all`: read every
// sentence (reported speech looks at sentences without quotes).
void read_sentences(Doc& d, const std::vector<grammar::Sentence>& sentences, bool all);

// ---- frames (attribution_frames.cpp) ----
Claim make_claim(int mention, const std::optional<grammar::CueMatch>& cue, const char* rule, float confidence);
// The speaker of the cue at token c of sv for a quote at token q > c, or -1;
// may replace *cue (a colon hands over to the verb before it).
int speaker_of_cue(const Doc& d, const SentenceView& sv, size_t c, size_t q, grammar::CueMatch* cue);
// "Westpac chief economist Luci Ellis": the person after a name's role words
// from token k, or -1 (attribution_frames.cpp).
int person_after_role_words(const Doc& d, const SentenceView& sv, size_t k);
// The subject mention of the verb at token c of sv: the mention right before
// it, past auxiliaries, adverbs and an appositive; -2 when "and" joins it to
// the verb before (share that subject); -1 for none.
int subject_before(const Doc& d, const SentenceView& sv, size_t c);
// Fills d.claims for the quotes of sentence si and d.statements[si].
void claim_sentence(Doc& d, size_t si);

// ---- post-quote frames (attribution_post.cpp) ----
// “Q,” Mr Lammy said. | “Q,” said Mr Lammy. | “Q” ― Name: the words right
// after the quote at token q.
std::optional<Claim> post_quote(const Doc& d, const SentenceView& sv, size_t q);
// “Q” at the convention, he said. — a cue later in the sentence that closes
// its clause.
std::optional<Claim> later_cue(const Doc& d, const SentenceView& sv, size_t q);
// “Q?” the mayor asked the council … — the quote at token q ends sentence si
// and the next sentence (or a byline paragraph) attributes it.
std::optional<Claim> post_quote_next(const Doc& d, size_t si, size_t q);

// ---- the clause frame (attribution_clause.cpp) ----
// For a quote at token q that no cue attributes: the subject of the clause
// the quote stands in, when it is a speaker mention followed by a verb.
std::optional<Claim> subject_claim(const Doc& d, const SentenceView& sv, size_t q);
// A sentence that opens (at token `first`) with someone's words ("Her
// verdict …:", "Bell's answer was", "X had a blunt answer …:"): the owner's
// mention, or -1.
int possessor_of_words(const Doc& d, const SentenceView& sv, size_t first, size_t q);
// "Smiling, she …", "Reprising her role, the mayor …": where the sentence's
// subject may start when it opens with a participle or adverb the mention
// grammar took for a name (the token after its comma), or after a dateline,
// else 0.
size_t past_introduction(const Doc& d, const SentenceView& sv);
// "Asked", "Smiling", "Clearly": w ends in one of `endings` after a stem of
// three bytes or more.
bool participle_like(std::string_view w, std::initializer_list<std::string_view> endings);
// The token after the first comma of sv within kMaxAppositive tokens, with
// no quote before it, or 0: where the subject starts after an opening
// clause ("Asked whether …, Ruiz paused").
size_t after_opening_comma(const Doc& d, const SentenceView& sv);


// "Trump's", "the Democrats’": a possessive word, which makes its mention a
// determiner, not a subject ("Trump's comments were “…”").
bool possessive(std::string_view w);

// ---- kinds (attribution_kinds.cpp) ----
// A title even where a speech verb is near: title case after a title noun or
// a possessive name (MSNBC's “Morning Joe”).
bool clearly_title(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner);
// The small words of a title ("State of the Union", "Adopted by 13 Votes"),
// and a one-letter word cut short ("Fear a’ Bhàta", "Jack o’ Lantern").
bool small_title_word(std::string_view w);
// Words capitalised like a name or a title: title case, or one capitalised
// word ("Orbital").
bool name_like(std::string_view inner);
// Marcia "Cia" Price, Earvin "Magic" Johnson: the quote at token q is a
// nickname between a first and a last name (one or two capitalised words,
// no punctuation), part of the name and nobody's words.
bool nickname(const Doc& d, const SentenceView& sv, size_t q);
// A review's or a listing's heading: a line of at most kMaxHeading bytes.
// "‘Who Killed the Weather?’ is a children’s show", "Corbie Theatre’s
// ‘Tidewrack’ bills itself as …" under the headings "Who Killed the
// Weather?" and "Tidewrack": a quote whose words, capitalised like a name
// (heading_like()), are a whole line of its document is the name of the
// thing that line heads, a show or a book or a dish. heading_lines() holds
// the document's heading-like lines, trimmed (mostly none or a headline).
constexpr size_t kMaxHeading = 80;
bool heading_like(std::string_view inner);
std::unordered_set<std::string_view> heading_lines(const Doc& d);
// A quote's words without the commas and full stops American style puts
// inside the marks ("Salt Year," is "Salt Year").
std::string_view without_final_stops(std::string_view inner);
// "“fiscal cliff”", "“a total disaster”": two or more words, not in title
// case — words someone used, where one capitalised word or a title-case run
// is more often a name, a slogan or a title.
bool quoted_phrase(std::string_view inner);
// The kind of a quote no frame attributed: kTitle, kScare or kSpeech.
QuoteKind kind_without_claim(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner);

// ---- indirect speech (attribution_indirect.cpp) ----
struct IndirectFrame {
  Claim claim;
  grammar::Range content;
};
// "X said (that) CONTENT." | "CONTENT, X said." | "According to X, CONTENT."
// | "CONTENT, according to X." in a sentence without quotes.
std::optional<IndirectFrame> indirect_frame(const Doc& d, const SentenceView& sv);

}  // namespace quotient::attribution_detail

#endif  // QUOTIENT_SRC_ATTRIBUTION_STAGES_HPP_
