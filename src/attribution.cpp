// attribute(): sentence frames, then document-level resolution.
//
// Pass 1 reads each sentence once: tokens, cues and mentions, and for each
// quote the frame that attributes it (a Claim naming a mention). Pass 2 walks
// the document in order and turns each claimed mention into a canonical
// entity: pronouns to the most recent compatible entity, "Mr Lammy" to the
// fullest name in the document, "the statement" to the body that issued it.
#include "attribution.hpp"

#include <algorithm>
#include <cctype>

#include "entities.hpp"
#include "grammar.hpp"

namespace quotient {
namespace {

using grammar::CueMatch;
using grammar::Mention;
using grammar::Token;

constexpr size_t kMaxCueDistance = 60;  // tokens between a cue and its quote
constexpr size_t kMaxAppositive = 24;
constexpr size_t kMaxLookback = 64;     // quotes or mentions a rule looks back over   // tokens inside ", a spokeswoman for X,"

// One sentence, read once.
struct SentenceView {
  grammar::Sentence sentence;
  std::vector<Token> toks;
  std::vector<std::optional<CueMatch>> cue_at;  // per token
  std::vector<int> mention_end_at;  // per token: mention whose last token this is, or -1
  std::vector<int> mention_start_at;  // per token: mention starting here, or -1
};

// How a quote was attributed in pass 1.
struct Claim {
  int mention = -1;          // index into Doc::mentions
  int inherit = -1;          // or: the quote whose speaker this one shares
  std::optional<CueMatch> cue;
  const char* rule = "";
  float confidence = 0;
};

struct Doc {
  std::string_view text;
  const grammar::QuoteScan& scan;
  std::vector<SentenceView> sentences;
  std::vector<MentionRef> mentions;  // document order
  std::vector<Claim> claims;         // per quote
  std::vector<size_t> quote_sentence;  // per quote: sentence index (top level only)
  std::vector<size_t> quote_token;     // per quote: its token in that sentence
  std::vector<Claim> statements;       // per sentence: its first cue with a subject
};

std::string_view word(const Doc& d, const Token& t) { return d.text.substr(t.range.begin, t.range.size()); }

bool is_punct(const Doc& d, const Token& t, char c) {
  return t.kind == Token::Kind::kPunct && d.text[t.range.begin] == c;
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Words that may stand between a subject and its verb: "Mr Lammy had said",
// "He too had stressed", "the official also reportedly said".
bool skippable(std::string_view w) {
  if (w.size() > 4 && w.substr(w.size() - 2) == "ly" && w[0] >= 'a' && w[0] <= 'z') return true;
  auto ends = [&](std::string_view e) { return w.size() > e.size() && w.substr(w.size() - e.size()) == e; };
  if (ends("n't") || ends("n\xE2\x80\x99t")) return true;  // didn't, hasn't
  return one_of(w, {"had", "has", "have", "was", "is", "were", "are", "also", "then", "too",
                    "again", "once", "already", "later", "previously", "recently", "would",
                    "will", "could", "may", "might", "should", "must", "did", "does", "do",
                    "has", "had", "been", "now", "still", "just", "only", "further", "n't",
                    "not", "never", "earlier", "first"});
}

// A headline: four or more words, nearly all capitalised.
bool title_case_sentence(const Doc& d, const std::vector<Token>& toks) {
  size_t words = 0, caps = 0;
  for (const Token& t : toks) {
    if (t.kind != Token::Kind::kWord) continue;
    ++words;
    unsigned char c = d.text[t.range.begin];
    caps += (c >= 'A' && c <= 'Z') || c >= 0xC3;
  }
  return words >= 4 && caps * 10 >= words * 8;
}

// "officials who said", "the agency, which reported": the relative pronoun
// stands next to the verb and refers to the mention before it.
std::optional<Mention> relative_pronoun(const Doc& d, const SentenceView& sv, size_t i, int* antecedent) {
  std::string_view w = word(d, sv.toks[i]);
  if (w != "who" && w != "which" && w != "that") return std::nullopt;
  size_t k = i;
  if (k > 0 && is_punct(d, sv.toks[k - 1], ',')) --k;
  if (k == 0 || sv.mention_end_at[k - 1] < 0) return std::nullopt;
  *antecedent = sv.mention_end_at[k - 1];
  Mention m;
  m.range = m.name = sv.toks[i].range;
  m.type = Mention::Type::kRelative;
  m.gender = d.mentions[*antecedent].mention.gender;
  return m;
}

void read_sentence(Doc& d, const grammar::Sentence& s) {
  SentenceView sv;
  sv.sentence = s;
  sv.toks = grammar::tokenize(d.text, s.range, d.scan);
  size_t n = sv.toks.size();
  sv.cue_at.resize(n);
  sv.mention_end_at.assign(n, -1);
  sv.mention_start_at.assign(n, -1);
  size_t si = d.sentences.size();
  for (size_t i = 0; i < n; ++i) {
    if (sv.toks[i].kind == Token::Kind::kQuote) {
      d.quote_sentence[sv.toks[i].quote] = si;
      d.quote_token[sv.toks[i].quote] = i;
      continue;
    }
    sv.cue_at[i] = grammar::match_cue(d.text, sv.toks, i);
  }
  bool headline = title_case_sentence(d, sv.toks);
  for (size_t i = 0; i < n; ++i) {
    if (sv.cue_at[i] && sv.cue_at[i]->form != CueMatch::Form::kPreposition) continue;
    std::optional<Mention> m = grammar::match_mention(d.text, sv.toks, i);
    int antecedent = -1;
    if (!m) m = relative_pronoun(d, sv, i, &antecedent);
    if (!m) continue;
    int idx = static_cast<int>(d.mentions.size());
    d.mentions.push_back({*m, si, i, headline, antecedent});
    sv.mention_start_at[i] = idx;
    size_t last = i + std::max<size_t>(m->tokens, 1) - 1;
    sv.mention_end_at[std::min(last, n - 1)] = idx;
    i = last;
  }
  d.sentences.push_back(std::move(sv));
}

// The subject mention of the verb at token c: the mention right before it,
// past auxiliaries and adverbs and past an appositive. -2 means "and" joins
// this verb to the previous one (share its subject); -1 means none.
int subject_before(const Doc& d, const SentenceView& sv, size_t c) {
  size_t k = c;
  while (k > 0 && sv.toks[k - 1].kind == Token::Kind::kWord && sv.mention_end_at[k - 1] < 0 &&
         skippable(word(d, sv.toks[k - 1])))
    --k;
  if (k == 0) return -1;
  // "Rep. Gwen Moore (D-Wis.) said": past the parenthesis.
  if (is_punct(d, sv.toks[k - 1], ')')) {
    size_t open = k - 1;
    while (open > 0 && k - open < 10 && !is_punct(d, sv.toks[open], '(')) --open;
    if (is_punct(d, sv.toks[open], '(') && open > 0) k = open;
  }
  if (sv.mention_end_at[k - 1] >= 0) return sv.mention_end_at[k - 1];
  std::string_view w = word(d, sv.toks[k - 1]);
  if (w == "and" || w == "but") return -2;
  if (!is_punct(d, sv.toks[k - 1], ',')) return -1;
  // "Jane Smith, a spokeswoman for the agency, said" (the name before the
  // appositive), but "The shadow foreign secretary, Tom Aldridge, said" (the
  // name inside it).
  for (size_t j = k - 1; j-- > 0 && k - 1 - j <= kMaxAppositive;) {
    if (sv.toks[j].kind == Token::Kind::kQuote) return -1;
    if (!is_punct(d, sv.toks[j], ',')) continue;
    int outer = j > 0 ? sv.mention_end_at[j - 1] : -1;
    int inner = sv.mention_start_at[j + 1];
    bool inner_is_name = inner >= 0 && k >= 2 && sv.mention_end_at[k - 2] == inner &&
                         d.mentions[inner].mention.type == Mention::Type::kPerson;
    bool outer_is_role = outer < 0 || d.mentions[outer].mention.type == Mention::Type::kRole;
    return inner_is_name && outer_is_role ? inner : outer;
  }
  return -1;
}

// The first mention that starts in [from, to).
int mention_after(const SentenceView& sv, size_t from, size_t to) {
  for (size_t k = from; k < to && k < sv.toks.size(); ++k) {
    if (sv.toks[k].kind == Token::Kind::kQuote) return -1;
    if (sv.mention_start_at[k] >= 0) return sv.mention_start_at[k];
  }
  return -1;
}

bool has_as_between(const Doc& d, const SentenceView& sv, size_t from, size_t to) {
  for (size_t k = from; k < to; ++k)
    if (sv.toks[k].kind == Token::Kind::kWord && word(d, sv.toks[k]) == "as") return true;
  return false;
}

// Subject of the finite cue nearest before token c (for participles and "and").
int previous_subject(const Doc& d, const SentenceView& sv, size_t c) {
  size_t floor = c > kMaxCueDistance ? c - kMaxCueDistance : 0;
  for (size_t k = c; k-- > floor;) {
    const auto& cue = sv.cue_at[k];
    if (!cue || cue->form != CueMatch::Form::kFinite) continue;
    int s = subject_before(d, sv, k);
    if (s >= 0) return s;
  }
  // No finite verb: the sentence's first mention is its subject.
  return sv.toks.empty() || sv.mention_start_at[0] < 0 ? -1 : sv.mention_start_at[0];
}

Claim make_claim(int mention, const CueMatch& cue, const char* rule, float conf) {
  Claim c;
  c.mention = mention;
  c.cue = cue;
  c.rule = rule;
  c.confidence = conf;
  return c;
}

// The speaker of a cue at token c (for a quote at token q > c), or -1.
int speaker_of_cue(const Doc& d, const SentenceView& sv, size_t c, size_t q, CueMatch* cue) {
  using Form = CueMatch::Form;
  switch (cue->form) {
    case Form::kInfinitive: return -1;
    case Form::kPreposition: return mention_after(sv, c + cue->tokens, q);
    case Form::kColon: {
      // "She told the council:" — the verb before the colon is the cue.
      size_t floor = c > 20 ? c - 20 : 0;
      for (size_t k = c; k-- > floor;) {
        if (sv.toks[k].kind == Token::Kind::kQuote) break;
        const auto& verb = sv.cue_at[k];
        if (!verb || (verb->form != Form::kFinite && verb->form != Form::kParticiple)) continue;
        *cue = *verb;
        return speaker_of_cue(d, sv, k, q, cue);
      }
      // "Bell's message to the council was simple:" — the clause's subject.
      return c > 0 && sv.mention_start_at[0] >= 0 ? sv.mention_start_at[0] : -1;
    }
    case Form::kParticiple: {
      // ", adding", "by saying", "before asking": the clause's own subject.
      bool after_comma = c > 0 && is_punct(d, sv.toks[c - 1], ',');
      bool after_conjunction =
          c > 0 && one_of(word(d, sv.toks[c - 1]), {"by", "while", "before", "after", "when", "without"});
      if (after_comma || after_conjunction || c == 0) return previous_subject(d, sv, c);
      [[fallthrough]];
    }
    case Form::kFinite: {
      int s = subject_before(d, sv, c);
      if (s == -2) return previous_subject(d, sv, c);
      if (s >= 0) return s;
      return mention_after(sv, c + cue->tokens, std::min(q, c + cue->tokens + 1));  // "said Smith"
    }
  }
  return -1;
}

bool is_dash(const Doc& d, const Token& t) {
  if (t.kind != Token::Kind::kPunct) return false;
  std::string_view w = word(d, t);
  return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94" || w == "\xE2\x80\x95";
}

bool is_lower_word(const Doc& d, const Token& t) {
  return t.kind == Token::Kind::kWord && std::islower(static_cast<unsigned char>(d.text[t.range.begin]));
}

// Index past a parenthesis opening at j ("(D-Wis.)"), or j when none.
size_t skip_parenthesis(const Doc& d, const SentenceView& sv, size_t j) {
  if (j >= sv.toks.size() || !is_punct(d, sv.toks[j], '(')) return j;
  for (size_t k = j + 1; k < sv.toks.size() && k < j + 10; ++k)
    if (is_punct(d, sv.toks[k], ')')) return k + 1;
  return j;
}

// The speaker in a run of tokens [from, to) after a cue or before one:
// mentions joined by lower-case descriptors ("White House press secretary
// Josh Earnest") give the last one; a comma, a quote or sentence
// punctuation ends the run.
int speaker_in(const Doc& d, const SentenceView& sv, size_t from, size_t to) {
  int chosen = -1;
  for (size_t k = from; k < to && k < sv.toks.size();) {
    int m = sv.mention_start_at[k];
    if (m >= 0) {
      chosen = m;
      k += d.mentions[m].mention.tokens;
    } else if (is_lower_word(d, sv.toks[k]) && !sv.cue_at[k]) {
      ++k;
    } else {
      break;
    }
  }
  return chosen;
}

// After a mention, lower-case words are descriptors only when a titled or
// personal name follows within three words ("White House press secretary
// Josh Earnest"); otherwise they are a verb phrase ("Blige sings to Clinton").
bool lower_run_before_name(const Doc& d, const SentenceView& sv, size_t j) {
  for (size_t k = j; k < sv.toks.size() && k < j + 3; ++k) {
    int m = sv.mention_start_at[k];
    if (m >= 0) return d.mentions[m].mention.type == Mention::Type::kPerson;
    if (!is_lower_word(d, sv.toks[k]) || sv.cue_at[k]) return false;
  }
  return false;
}

// “Q,” Mr Lammy said. | “Q,” said Mr Lammy. | “Q,” Smith, a spokesman, said.
// | “Q” Rep. Gwen Moore (D-Wis.) said. | “Q” ― Pamela Padilla
std::optional<Claim> post_quote(const Doc& d, const SentenceView& sv, size_t q) {
  size_t k = q + 1, n = sv.toks.size();
  bool dash = k < n && is_dash(d, sv.toks[k]);
  if (k < n && (is_punct(d, sv.toks[k], ',') || dash)) ++k;
  if (k >= n) return std::nullopt;
  const auto& first = sv.cue_at[k];
  if (first && first->form == CueMatch::Form::kFinite) {  // inverted: "said Smith"
    size_t after = k + first->tokens;
    // "said state Sen. X" but not "suggests that Phoenix ...": a lower-case
    // word may come first only right before a titled name.
    bool direct = after < n && (sv.mention_start_at[after] >= 0 ||
                                (after + 1 < n && is_lower_word(d, sv.toks[after]) &&
                                 sv.mention_start_at[after + 1] >= 0 &&
                                 d.mentions[sv.mention_start_at[after + 1]].mention.titled));
    int m = direct ? speaker_in(d, sv, after, after + 8) : -1;
    if (m >= 0) return make_claim(m, *first, "post_cue_speaker", 0.9f);
    return std::nullopt;
  }
  int chosen = -1, inner = -1, lower = 0;
  for (size_t j = k; j < n && j < k + 16;) {
    const auto& cue = sv.cue_at[j];
    if (cue && chosen >= 0 && cue->form == CueMatch::Form::kFinite) {
      bool outer_role = d.mentions[chosen].mention.type == Mention::Type::kRole;
      int m = inner >= 0 && outer_role ? inner : chosen;
      return make_claim(m, *cue, "post_speaker_cue", 0.9f);
    }
    if (int m = sv.mention_start_at[j]; m >= 0) {
      chosen = m;  // the mention nearest the cue, before any appositive
      j = skip_parenthesis(d, sv, j + d.mentions[m].mention.tokens);
    } else if (chosen >= 0 && j + 1 < n && sv.mention_start_at[j + 1] >= 0 &&
               one_of(word(d, sv.toks[j]), {"of", "from", "at", "with"})) {
      int m = sv.mention_start_at[j + 1];  // "Mr. Morgan of the Sierra Club said"
      j = j + 1 + d.mentions[m].mention.tokens;
    } else if (chosen >= 0 && is_punct(d, sv.toks[j], ',')) {  // ", a spokeswoman for X,"
      size_t close = j + 1;
      while (close < n && close < j + 1 + kMaxAppositive && !is_punct(d, sv.toks[close], ',') &&
             sv.toks[close].kind != Token::Kind::kQuote)
        ++close;
      if (close >= n || !is_punct(d, sv.toks[close], ',')) break;
      int m = sv.mention_start_at[j + 1];
      if (m >= 0 && d.mentions[m].mention.type == Mention::Type::kPerson &&
          d.mentions[m].token + d.mentions[m].mention.tokens == close)
        inner = m;
      j = close + 1;
    } else if (is_lower_word(d, sv.toks[j]) && ++lower <= 4 &&
               (chosen < 0 || skippable(word(d, sv.toks[j])) || lower_run_before_name(d, sv, j))) {
      ++j;  // "state Sen. X", "White House press secretary X", "later said"
    } else {
      break;
    }
  }
  // “…” ― Pamela Padilla (a dash and a name, no verb)
  if (dash && chosen >= 0) {
    size_t end = d.mentions[chosen].token + d.mentions[chosen].mention.tokens;
    if (end >= n || is_punct(d, sv.toks[end], ',') || is_punct(d, sv.toks[end], '.')) {
      Claim c;
      c.mention = chosen;
      c.rule = "dash";
      c.confidence = 0.7f;
      return c;
    }
  }
  return std::nullopt;
}

// SPEAKER CUE … “Q” | According to SPEAKER, … “Q” | SPEAKER described X as “Q”
std::optional<Claim> pre_cue(const Doc& d, const SentenceView& sv, size_t q) {
  size_t floor = q > kMaxCueDistance ? q - kMaxCueDistance : 0;
  for (size_t c = q; c-- > floor;) {
    if (!sv.cue_at[c]) continue;
    CueMatch cue = *sv.cue_at[c];
    if (cue.needs_as && !has_as_between(d, sv, c + cue.tokens, q)) continue;
    int m = speaker_of_cue(d, sv, c, q, &cue);
    if (m < 0) continue;
    const char* rule = cue.form == CueMatch::Form::kPreposition ? "according_to"
                       : sv.cue_at[c]->form == CueMatch::Form::kColon ? "colon"
                                                                      : "pre_cue";
    return make_claim(m, cue, rule, cue.form == CueMatch::Form::kParticiple ? 0.75f : 0.8f);
  }
  return std::nullopt;
}

// "She told the council:" ending the sentence (or paragraph) before a quote.
std::optional<Claim> colon_before(const Doc& d, size_t si) {
  if (si == 0) return std::nullopt;
  const SentenceView& prev = d.sentences[si - 1];
  if (prev.toks.empty() || !is_punct(d, prev.toks.back(), ':')) return std::nullopt;
  size_t c = prev.toks.size() - 1;
  CueMatch cue{prev.toks[c].range, ":", 1, CueMatch::Form::kColon, false};
  int m = speaker_of_cue(d, prev, c, prev.toks.size(), &cue);
  if (m < 0) return std::nullopt;
  return make_claim(m, cue, "colon_paragraph", 0.75f);
}

bool starts_sentence(const Doc& d, const SentenceView& sv, size_t q) {
  for (size_t k = 0; k < q; ++k)
    if (sv.toks[k].kind != Token::Kind::kPunct || is_punct(d, sv.toks[k], ':')) return false;
  return true;
}

// The sentence's first speech cue with a subject: what a cue-less quote in
// the next sentence continues ("the two governments said ... Other
// priorities include “…”").
Claim statement_of(const Doc& d, const SentenceView& sv) {
  for (size_t c = 0; c < sv.toks.size(); ++c) {
    if (!sv.cue_at[c] || sv.cue_at[c]->form == CueMatch::Form::kColon) continue;
    CueMatch cue = *sv.cue_at[c];
    int m = speaker_of_cue(d, sv, c, sv.toks.size(), &cue);
    if (m >= 0) return make_claim(m, cue, "continuation", 0.5f);
  }
  return Claim{};
}

void claim_sentence(Doc& d, size_t si) {
  const SentenceView& sv = d.sentences[si];
  d.statements[si] = statement_of(d, sv);
  int previous = -1;  // last attributed quote in this sentence
  for (size_t q = 0; q < sv.toks.size(); ++q) {
    if (sv.toks[q].kind != Token::Kind::kQuote) continue;
    size_t qi = static_cast<size_t>(sv.toks[q].quote);
    std::optional<Claim> c = post_quote(d, sv, q);
    if (!c) c = pre_cue(d, sv, q);
    if (!c && previous >= 0) {  // “Q1,” he said, “Q2.”
      c = Claim{};
      c->inherit = previous;
      c->cue = d.claims[previous].cue;
      c->rule = "same_sentence";
      c->confidence = 0.75f;
    }
    if (!c && starts_sentence(d, sv, q)) c = colon_before(d, si);
    if (c) {
      d.claims[qi] = *c;
      previous = static_cast<int>(qi);
    }
  }
}

// ---- pass 2: kinds, continuation, resolution --------------------------------

// Title nouns: 'The A Word' after "documentary," is a title, not speech.
bool title_noun(std::string_view w) {
  return one_of(w, {"documentary", "film", "movie", "book", "novel", "memoir", "song", "album",
                    "show", "series", "programme", "program", "play", "musical", "opera", "poem",
                    "article", "essay", "column", "op-ed", "editorial", "podcast", "episode",
                    "painting", "exhibition", "titled", "entitled", "headlined", "single",
                    "sitcom", "drama", "report", "anthem", "hymn", "ballad", "track", "tune"});
}

// "the documentary 'The A Word'" or "“The Drowning Coast”, a documentary": a
// title noun just before the quote, or in an appositive right after it.
bool after_title_noun(const Doc& d, const SentenceView& sv, size_t q) {
  size_t floor = q > 4 ? q - 4 : 0;
  for (size_t k = q; k-- > floor;)
    if (sv.toks[k].kind == Token::Kind::kWord && title_noun(word(d, sv.toks[k]))) return true;
  size_t k = q + 1;
  if (k >= sv.toks.size() || !is_punct(d, sv.toks[k], ',')) return false;
  for (size_t j = k + 1; j < sv.toks.size() && j < k + 4; ++j)
    if (sv.toks[j].kind == Token::Kind::kWord && title_noun(word(d, sv.toks[j]))) return true;
  return false;
}

// "The A Word", "Gone With the Wind", "Make Your Kid a Millionaire,": two or
// more words, the significant ones capitalised; a final comma or period
// (American style puts them inside the marks) is allowed.
bool title_case(std::string_view s) {
  while (!s.empty() && (s.back() == ',' || s.back() == '.')) s.remove_suffix(1);
  size_t words = 0, caps = 0;
  for (size_t p = 0; p < s.size();) {
    while (p < s.size() && s[p] == ' ') ++p;
    size_t b = p;
    while (p < s.size() && s[p] != ' ') ++p;
    if (p == b) break;
    std::string_view w = s.substr(b, p - b);
    ++words;
    bool cap = (w[0] >= 'A' && w[0] <= 'Z') || (w[0] >= '0' && w[0] <= '9');
    if (cap) ++caps;
    else if (!one_of(w, {"a", "an", "the", "of", "and", "in", "on", "to", "for", "with", "at", "or"}))
      return false;
    if (w.back() == '.' || w.back() == '?' || w.back() == '!' || w.back() == ',') return false;
  }
  return words >= 2 && caps * 3 >= words * 2;
}

// MSNBC’s “Morning Joe”, Fox News's "Fox and Friends": a possessive name
// right before the quote.
bool after_possessive_name(const Doc& d, const SentenceView& sv, size_t q) {
  if (q == 0 || sv.toks[q - 1].kind != Token::Kind::kWord) return false;
  std::string_view w = word(d, sv.toks[q - 1]);
  bool possessive = (w.size() > 2 && w.substr(w.size() - 2) == "'s") ||
                    (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s");
  return possessive && std::isupper(static_cast<unsigned char>(w[0]));
}

// A title even where a speech verb is near ("Sanders told MSNBC's “Morning
// Joe” that ..."): title case after a title noun or a possessive name.
bool clearly_title(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner) {
  return title_case(inner) && (after_title_noun(d, sv, q) || after_possessive_name(d, sv, q));
}

size_t word_count(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\n' || c == '\t';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

bool scare_like(std::string_view s) {
  if (s.empty()) return true;
  char last = s.back();
  return word_count(s) <= 4 && last != '.' && last != '?' && last != '!';
}

QuoteKind kind_without_claim(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner) {
  if (after_title_noun(d, sv, q)) return QuoteKind::kTitle;
  return scare_like(inner) ? QuoteKind::kScare : QuoteKind::kSpeech;
}


// ---- indirect speech ----------------------------------------------------

struct IndirectFrame {
  Claim claim;
  grammar::Range content;
};

// Content between tokens [from, to), trimmed of commas and the final period;
// empty when shorter than three words.
std::optional<grammar::Range> content_of(const Doc& d, const SentenceView& sv, size_t from, size_t to) {
  while (from < to && sv.toks[from].kind == Token::Kind::kPunct) ++from;
  while (to > from && sv.toks[to - 1].kind == Token::Kind::kPunct) --to;
  size_t words = 0;
  for (size_t k = from; k < to; ++k) words += sv.toks[k].kind == Token::Kind::kWord;
  if (words < 3) return std::nullopt;
  (void)d;
  return grammar::Range{sv.toks[from].range.begin, sv.toks[to - 1].range.end};
}

// "X said (that) CONTENT." | "CONTENT, X said." | "According to X, CONTENT."
// | "CONTENT, according to X."
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
      content = c == 0 ? content_of(d, sv, mention_end, n) : content_of(d, sv, 0, c);
    } else {
      size_t from = std::max(after, mention_end > c ? mention_end : after);  // past "said Smith"
      if (from < n && word(d, sv.toks[from]) == "that") ++from;
      content = content_of(d, sv, from, n);  // "X said (that) CONTENT."
      size_t first = std::min(c, static_cast<size_t>(d.mentions[m].token));
      if (!content && first > 0 && is_punct(d, sv.toks[first - 1], ','))
        content = content_of(d, sv, 0, first - 1);  // "CONTENT, X said."
    }
    if (!content) continue;
    Claim claim = make_claim(m, cue, "indirect", 0.6f);
    return IndirectFrame{claim, *content};
  }
  return std::nullopt;
}

class Finisher {
 public:
  Finisher(Doc& d) : d_(d), resolver_(d.text, d.mentions, claimed_subjects(d)) {}

  std::vector<Attribution> run(bool indirect) {
    std::vector<Attribution> out(d_.scan.quotes.size());
    for (size_t qi = 0; qi < out.size(); ++qi) {
      out[qi].quote = qi;
      finish_one(qi, out);
    }
    if (indirect)
      for (size_t si = 0; si < d_.sentences.size(); ++si) reported_speech(si, out);
    return out;
  }

 private:
  static std::vector<std::pair<size_t, int>> claimed_subjects(const Doc& d) {
    std::vector<std::pair<size_t, int>> out;
    for (size_t qi = 0; qi < d.claims.size(); ++qi)
      if (d.claims[qi].mention >= 0) out.push_back({d.quote_sentence[qi], d.claims[qi].mention});
    return out;
  }

  // A mention of `name` in the quote's own sentence, written before the
  // quote ("Reid has gone after Trump as a “…”"), to point at instead of
  // the one where the statement began.
  std::optional<grammar::Range> local_mention(size_t qi, const std::string& name) {
    size_t s = d_.quote_sentence[qi];
    uint32_t quote_begin = d_.scan.quotes[qi].outer.begin;
    auto first = std::lower_bound(d_.mentions.begin(), d_.mentions.end(), s,
                                  [](const MentionRef& r, size_t sent) { return r.sentence < sent; });
    size_t begin = static_cast<size_t>(first - d_.mentions.begin());
    for (size_t m = begin; m < d_.mentions.size() && m < begin + kMaxLookback; ++m) {
      const MentionRef& r = d_.mentions[m];
      if (r.sentence != s || r.mention.range.begin > quote_begin) break;
      if (r.mention.type == Mention::Type::kPronoun) continue;
      if (resolver_.resolve(m, speakers_).name == name) return r.mention.range;
    }
    return std::nullopt;
  }

  void set_speaker(Attribution& a, const Claim& c, const std::vector<Attribution>& out) {
    a.cue = c.cue;
    a.rule = c.rule;
    a.confidence = c.confidence;
    if (c.inherit >= 0) {
      const Attribution& from = out[c.inherit];
      a.mention = from.mention;
      a.name = from.name;
      a.type = from.type;
      if (!a.name.empty() && d_.quote_sentence[c.inherit] != d_.quote_sentence[a.quote])
        if (auto local = local_mention(a.quote, a.name)) a.mention = local;
      return;
    }
    const grammar::Mention& m = d_.mentions[c.mention].mention;
    a.mention = m.range;
    ResolvedSpeaker r = resolver_.resolve(static_cast<size_t>(c.mention), speakers_);
    a.name = r.name;
    a.type = r.type;
  }

  // The most recent attributed speech quote in this or the previous sentence.
  int continuation_source(size_t qi, const std::vector<Attribution>& out) const {
    size_t s = d_.quote_sentence[qi];
    size_t floor = qi > kMaxLookback ? qi - kMaxLookback : 0;
    for (size_t pj = qi; pj-- > floor;) {
      if (d_.quote_sentence[pj] == SIZE_MAX) continue;
      if (d_.quote_sentence[pj] + 1 < s) return -1;
      if (out[pj].kind == QuoteKind::kSpeech && out[pj].mention) return static_cast<int>(pj);
    }
    return -1;
  }

  // A cue-less quote continues the statement of the previous sentence: its
  // last attributed quote, or its speech cue with a subject.
  bool continue_statement(size_t qi, const std::vector<Attribution>& out, Claim* c) const {
    int from = continuation_source(qi, out);
    if (from >= 0) {  // the same statement goes on: same speaker, same cue
      *c = Claim{};
      c->inherit = from;
      c->cue = out[from].cue;
      c->rule = "continuation";
      c->confidence = 0.5f;
      return true;
    }
    size_t s = d_.quote_sentence[qi];
    if (s == 0 || d_.statements[s - 1].mention < 0) return false;
    *c = d_.statements[s - 1];
    c->cue.reset();
    return true;
  }

  void finish_one(size_t qi, std::vector<Attribution>& out) {
    const grammar::Quote& quote = d_.scan.quotes[qi];
    Attribution& a = out[qi];
    if (quote.depth > 0 || d_.quote_sentence[qi] == SIZE_MAX) {
      a.kind = QuoteKind::kEmbedded;
      return;
    }
    const SentenceView& sv = d_.sentences[d_.quote_sentence[qi]];
    std::string_view inner = d_.text.substr(quote.inner.begin, quote.inner.size());
    size_t q = d_.quote_token[qi];
    Claim c = d_.claims[qi];
    if (clearly_title(d_, sv, q, inner)) {
      a.kind = QuoteKind::kTitle;
      return;
    }
    if (c.mention < 0 && c.inherit < 0) {
      QuoteKind k = kind_without_claim(d_, sv, q, inner);
      if (k == QuoteKind::kTitle || !continue_statement(qi, out, &c)) {
        a.kind = k;
        return;
      }
    }
    a.kind = QuoteKind::kSpeech;
    set_speaker(a, c, out);
    Mention::Gender g = c.mention >= 0 ? resolver_.gender(static_cast<size_t>(c.mention))
                        : c.inherit >= 0 ? genders_[c.inherit] : Mention::Gender::kUnknown;
    genders_[qi] = g;
    speakers_.push_back({a.name, a.type, d_.quote_sentence[qi], g});
  }

  // Reported speech in a sentence without quotes, as one kIndirect entry.
  void reported_speech(size_t si, std::vector<Attribution>& out) {
    const SentenceView& sv = d_.sentences[si];
    if (sv.toks.empty()) return;
    for (const Token& t : sv.toks)
      if (t.kind == Token::Kind::kQuote) return;
    std::optional<IndirectFrame> f = indirect_frame(d_, sv);
    if (!f) return;
    Attribution a;
    a.kind = QuoteKind::kIndirect;
    a.content = f->content;
    set_speaker(a, f->claim, out);
    speakers_.push_back({a.name, a.type, si, resolver_.gender(static_cast<size_t>(f->claim.mention))});
    out.push_back(std::move(a));
  }

  Doc& d_;
  EntityResolver resolver_;
  std::vector<Mention::Gender> genders_ = std::vector<Mention::Gender>(d_.scan.quotes.size());
  std::vector<RecentSpeaker> speakers_;
};

}  // namespace

std::vector<Attribution> attribute(std::string_view text, const grammar::QuoteScan& scan,
                                   bool indirect) {
  Doc d{text, scan, {}, {}, {}, {}, {}, {}};
  d.claims.resize(scan.quotes.size());
  d.quote_sentence.assign(scan.quotes.size(), SIZE_MAX);
  d.quote_token.assign(scan.quotes.size(), 0);
  for (const grammar::Sentence& s : grammar::split_sentences(text, scan)) read_sentence(d, s);
  d.statements.resize(d.sentences.size());
  for (size_t si = 0; si < d.sentences.size(); ++si) claim_sentence(d, si);
  return Finisher(d).run(indirect);
}

}  // namespace quotient
