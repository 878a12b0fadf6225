// The clause frame: a quote that no speech cue attributes, inside the
// predicate of a clause whose subject is a speaker mention ("Japan branded
// North Korea an “outlaw nation”", "In a speech, Trump attacked “…”").
// PolNeAR attributes such partial quotes to the clause's subject.
#include <algorithm>
#include <cctype>
#include <string>

#include "attribution_stages.hpp"
#include "lexicon.hpp"

namespace quotient::attribution_detail {
namespace {

using grammar::Mention;
using grammar::Token;

// Words after which a mention is not a subject ("a letter from X", "to X").
bool governs_object(std::string_view w) {
  std::string lower(w);  // "With Democratic leaders worried, …" opens a sentence
  if (!lower.empty()) lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
  return one_of(lower, {"of", "from", "to", "for", "with", "by", "about", "against", "on", "in", "at",
                    "than", "like", "as", "into", "over", "under", "between", "among", "the", "a",
                    "an", "called", "named", "including", "via", "toward", "towards", "behind", "after",
                    "before", "during", "since", "following", "despite", "amid", "until", "throughout",
                    "without", "within", "across", "around", "through", "upon", "beyond", "unlike"});
}

// Words that cannot be the verb after a subject.
bool not_a_verb(std::string_view w) {
  return one_of(w, {"of", "and", "or", "in", "on", "for", "to", "with", "at", "from", "by", "who",
                    "which", "that", "the", "a", "an", "as", "but", "nor", "than", "if", "when",
                    "whose", "where", "while", "after", "before", "because", "about", "into"});
}

// Index of the first token after mention m and what may follow it before the
// verb: a parenthesis, an appositive ", the Oklahoma attorney general,", and
// auxiliaries or adverbs.
size_t past_subject(const Doc& d, const SentenceView& sv, int m, size_t limit) {
  size_t n = std::min(sv.toks.size(), limit);
  size_t j = d.mentions[m].token + d.mentions[m].mention.tokens;
  if (j < n && is_punct(d, sv.toks[j], '(')) {
    size_t close = j + 1;
    while (close < n && close < j + 10 && !is_punct(d, sv.toks[close], ')')) ++close;
    if (close < n && is_punct(d, sv.toks[close], ')')) j = close + 1;
  }
  if (j < n && is_punct(d, sv.toks[j], ',')) {
    size_t close = j + 1;
    while (close < n && close < j + 1 + kMaxAppositive && !is_punct(d, sv.toks[close], ',') &&
           sv.toks[close].kind != Token::Kind::kQuote)
      ++close;
    if (close < n && is_punct(d, sv.toks[close], ',')) j = close + 1;
  }
  // "The embassy on Wednesday rejected", "Ms Tran last week said": a time
  // phrase between the subject and its verb.
  if (j + 1 < n && time_phrase_at(d, sv, j)) j += 2;
  // "A document on the campaign's website states", "Officials in the
  // region say": a place phrase with a determiner after a described
  // subject (not after a name: "winning Ohio in the Republican primary").
  if (Mention::Type t = d.mentions[m].mention.type;
      j + 2 < n && (t == Mention::Type::kRole || t == Mention::Type::kGroup) &&
      one_of(word(d, sv.toks[j]), {"on", "in", "at"}) && one_of(word(d, sv.toks[j + 1]), {"the", "a", "an"}))
    if (int p = sv.mention_start_at[j + 1]; p >= 0) j = std::min(n, j + 1 + d.mentions[p].mention.tokens);
  while (j < n && sv.toks[j].kind == Token::Kind::kWord && skippable(word(d, sv.toks[j]))) ++j;
  return j;
}

}  // namespace

// "Reprising her role, the former secretary talked …", "Smiling, she
// boomed …": a sentence that opens with a participle or adverb, which the
// mention grammar reads as a one-word name, or with a dateline. Returns the
// token after the introductory phrase's comma or the dateline's dash, or 0.
size_t past_introduction(const Doc& d, const SentenceView& sv) {
  if (sv.after_dateline > 0) return sv.after_dateline;
  if (sv.toks.size() < 3 || sv.mention_start_at[0] < 0 || sv.cue_at[1]) return 0;
  if (d.mentions[sv.mention_start_at[0]].mention.tokens != 1) return 0;
  std::string_view w = word(d, sv.toks[0]);
  if (!participle_like(w, {"ing", "ed", "ly"}) && w != "Given") return 0;
  if (!is_punct(d, sv.toks[1], ',') && !is_lower_word(d, sv.toks[1])) return 0;
  return after_opening_comma(d, sv);
}

bool participle_like(std::string_view w, std::initializer_list<std::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(), [w](std::string_view e) {
    return w.size() > e.size() + 2 && w.substr(w.size() - e.size()) == e;
  });
}

size_t after_opening_comma(const Doc& d, const SentenceView& sv) {
  for (size_t k = 1; k < sv.toks.size() && k <= kMaxAppositive; ++k) {
    if (sv.toks[k].kind == Token::Kind::kQuote) return 0;
    if (is_punct(d, sv.toks[k], ',')) return k + 1;
  }
  return 0;
}

bool possessive(std::string_view w) {
  auto ends = [&](std::string_view e) { return w.size() > e.size() && w.substr(w.size() - e.size()) == e; };
  return ends("'s") || ends("\xE2\x80\x99s") || ends("s'") || ends("s\xE2\x80\x99");
}

namespace {

// Mention m opens a clause of its own: after a comma, a dash or a word
// that starts a clause ("while Trump refers to …", "that she has “…”").
bool opens_clause(const Doc& d, const SentenceView& sv, int m) {
  size_t t = d.mentions[m].token;
  if (t == 0) return false;
  const Token& before = sv.toks[t - 1];
  if (is_punct(d, before, ',') || is_dash(d, before)) return true;
  return before.kind == Token::Kind::kWord &&
         one_of(word(d, before), {"that", "while", "when", "but", "although", "though", "because",
                                  "whereas", "if", "where", "before", "so", "until", "then"});
}

// Is the word at p written after another word of its sentence? Past
// spaces and closing quote marks ("ready.” Optimism" starts a sentence).
bool word_char_before(std::string_view text, size_t p) {
  for (;;) {
    while (p > 0 && text[p - 1] == ' ') --p;
    if (p >= 3 && (text.substr(p - 3, 3) == "\xE2\x80\x9D" || text.substr(p - 3, 3) == "\xE2\x80\x99"))
      p -= 3;
    else if (p >= 2 && text.substr(p - 2, 2) == "\xC2\xBB")
      p -= 2;
    else if (p >= 1 && (text[p - 1] == '"' || text[p - 1] == '\''))
      p -= 1;
    else
      break;
  }
  if (p == 0) return false;
  auto c = static_cast<unsigned char>(text[p - 1]);
  return std::isalnum(c) || c == ',' || c >= 0x80;
}

// Bytes each side of a sentence searched for the same word written
// mid-sentence: a news article's length, and a bound on the cost per quote.
constexpr size_t kNameSearchBytes = size_t{32} << 10;

// "Given his record, …", "Optimism runs high": a one-word name that opens
// its sentence is a name only if the document also writes it capitalised
// after another word ("… said Sexton"); else it is a capitalised common word.
bool sentence_initial_word(const Doc& d, const SentenceView& sv, int m, size_t first) {
  const MentionRef& r = d.mentions[m];
  if (r.token != first || r.mention.tokens != 1 || r.mention.titled || r.mention.type != Mention::Type::kPerson)
    return false;
  std::string_view w = word(d, sv.toks[r.token]);
  size_t at = sv.toks[r.token].range.begin;
  size_t from = at > kNameSearchBytes ? at - kNameSearchBytes : 0;
  std::string_view near = d.text.substr(from, std::min(d.text.size() - from, 2 * kNameSearchBytes));
  for (size_t p = near.find(w); p != std::string_view::npos; p = near.find(w, p + 1)) {
    size_t end = p + w.size();
    bool whole = (end >= near.size() || !std::isalnum(static_cast<unsigned char>(near[end]))) &&
                 (p == 0 || !std::isalnum(static_cast<unsigned char>(near[p - 1])));
    if (whole && word_char_before(d.text, from + p)) return false;
  }
  return true;
}

}  // namespace

// "Calloway-Barr’s answer was “…”", "Her verdict on the grand, delivered
// on the morning I visit: “…”", "The premier had a one-line answer for the
// marchers when reporters caught him: “…”": a sentence that opens with
// someone's words (a noun of data/lexicon/opinion_nouns.txt, owned by a
// possessive or given with "had", "gave" or "offered" and a determiner and
// at most two modifiers) quotes them after a colon, whatever clause comes
// between, or right after "was" or "is" (not "NAME's remark about the levy
// was “…”", which describes it). Token q is the quote or the colon. The
// owner's mention, or -1; for "His", "Her" or "Their" the last he, she or
// they among the sixteen mentions before the sentence.
int possessor_of_words(const Doc& d, const SentenceView& sv, size_t first, size_t q) {
  static const grammar::WordList opinion_nouns(grammar::Lexicon::builtin().opinion_nouns);
  if (first + 2 >= q) return -1;
  bool colon = is_punct(d, sv.toks[q], ':') || is_punct(d, sv.toks[q - 1], ':');
  // After "was", an utterance quoted whole opens with a capital ("NAME’s
  // answer was ‘Because …’"); "The government's response was “inadequate”"
  // describes it.
  auto utterance = [&] {
    const Token& t = sv.toks[q];
    if (t.kind != Token::Kind::kQuote) return false;
    const grammar::Range inner = d.scan.quotes[static_cast<size_t>(t.quote)].inner;
    return inner.size() > 0 && std::isupper(static_cast<unsigned char>(d.text[inner.begin]));
  };
  // The noun at n is the owner's words.
  auto words_at = [&](size_t n) {
    return opinion_nouns.contains(word(d, sv.toks[n])) &&
           (colon || (n + 2 == q && one_of(word(d, sv.toks[n + 1]), {"was", "is"}) && utterance()));
  };
  std::string_view w = word(d, sv.toks[first]);
  if (one_of(w, {"His", "Her", "Their"})) {
    if (!words_at(first + 1)) return -1;
    Mention::Gender g = w == "His"   ? Mention::Gender::kMale
                        : w == "Her" ? Mention::Gender::kFemale
                                     : Mention::Gender::kPlural;
    // The mentions before this sentence end where its own begin.
    auto at = std::lower_bound(d.mentions.begin(), d.mentions.end(), sv.sentence.range.begin,
                               [](const MentionRef& r, uint32_t b) { return r.mention.range.begin < b; });
    for (auto it = at; it != d.mentions.begin() && at - it < 16;) {
      const MentionRef& r = *--it;
      if (r.mention.type == Mention::Type::kPronoun && r.mention.gender == g)
        return static_cast<int>(it - d.mentions.begin());
    }
    return -1;
  }
  int m = sv.mention_start_at[first];
  if (m < 0) return -1;
  size_t k = first + d.mentions[m].mention.tokens;  // past the owner
  if (possessive(word(d, sv.toks[k - 1]))) return words_at(k) ? m : -1;
  if (!colon || k + 2 >= q || !one_of(word(d, sv.toks[k]), {"had", "gave", "offered"}) ||
      !one_of(word(d, sv.toks[k + 1]), {"a", "an", "the", "his", "her", "their"}))
    return -1;
  for (size_t n = k + 2, e = std::min(q, k + 5); n < e && is_lower_word(d, sv.toks[n]); ++n)
    if (words_at(n)) return m;
  return -1;
}

// The clause subject nearest the quote: the sentence's first subject, or a
// later one that opens a clause of its own, the clause the quote stands in.
std::optional<Claim> subject_claim(const Doc& d, const SentenceView& sv, size_t q) {
  std::optional<Claim> found;
  size_t first = past_introduction(d, sv);
  // (A "Her verdict:" before a colon may name a she of an earlier sentence;
  // the clause frame keeps to its own, whose tokens its callers read.)
  if (int m = possessor_of_words(d, sv, first, q); m >= 0 && d.mentions[m].mention.range.begin >= sv.sentence.range.begin) {
    found = Claim{};
    found->mention = m;
    found->rule = "possessor_of_words";
    found->confidence = 0.45f;
    // "Her verdict …: “…”", "Mr X's answer came without a pause: “…”": the
    // colon introduces the words (not "X's answer was ‘…’").
    if (q > 0 && is_punct(d, sv.toks[q - 1], ':'))
      found->cue = grammar::CueMatch{sv.toks[q - 1].range, ":", 1, grammar::CueMatch::Form::kColon, false};
    return found;
  }
  for (size_t k = first; k < q; ++k) {
    if (sv.toks[k].kind == Token::Kind::kQuote) return found;
    int m = sv.mention_start_at[k];
    if (m < 0 || sentence_initial_word(d, sv, m, first)) continue;
    const MentionRef& r = d.mentions[m];
    size_t end = k + r.mention.tokens;
    std::string_view last = word(d, sv.toks[end - 1]);
    bool after_object_word = k > 0 && sv.toks[k - 1].kind == Token::Kind::kWord &&
                             governs_object(word(d, sv.toks[k - 1]));
    if (after_object_word || possessive(last)) {
      k = end - 1;
      continue;
    }
    size_t v = past_subject(d, sv, m, q);
    if (v < q && is_lower_word(d, sv.toks[v]) && !not_a_verb(word(d, sv.toks[v]))) {
      if (!found || opens_clause(d, sv, m)) {
        found = Claim{};
        found->mention = m;
        found->rule = "clause_subject";
        found->confidence = 0.45f;
      }
    }
    k = end - 1;
  }
  return found;
}

}  // namespace quotient::attribution_detail
