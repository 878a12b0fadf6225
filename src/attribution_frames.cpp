// Pass 1, frames: for each quote, the construction that attributes it
// (post-quote, pre-cue, colon, according-to, dash, same sentence) as a Claim
// naming a mention; and each sentence's statement for the next one to continue.
#include <algorithm>

#include "attribution_stages.hpp"

namespace quotient::attribution_detail {
namespace {

using grammar::CueMatch;
using grammar::Mention;
using grammar::Token;

// "Trump's comments were “…”": a possessive mention before a cue word is a
// determiner of the noun, not its subject; but "Trump's claim that …" and
// "the senator's answer was that …" name the source of what follows.
bool possessive_determiner(const Doc& d, const SentenceView& sv, int m, size_t c) {
  const MentionRef& r = d.mentions[m];
  if (r.mention.type == Mention::Type::kPronoun) return false;  // "he's" is "he is"
  if (!possessive(word(d, sv.toks[r.token + r.mention.tokens - 1]))) return false;
  size_t k = c + (sv.cue_at[c] ? sv.cue_at[c]->tokens : 1);
  if (k < sv.toks.size() && one_of(word(d, sv.toks[k]), {"is", "was"})) ++k;
  return k >= sv.toks.size() || word(d, sv.toks[k]) != "that";
}

// "rated 32% of Republican claims as “…”": a mention right after a
// preposition is its object, and the cue word after it a noun.
bool object_of_preposition(const Doc& d, const SentenceView& sv, int m) {
  size_t t = d.mentions[m].token;
  if (t == 0 || sv.toks[t - 1].kind != Token::Kind::kWord) return false;
  return one_of(word(d, sv.toks[t - 1]), {"of", "to", "for", "by", "about", "against", "from", "than", "into"});
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
  std::string_view w = word(d, sv.toks[k - 1]);
  if (int m = sv.mention_end_at[k - 1]; m >= 0) {
    if (possessive_determiner(d, sv, m, c)) return -1;
    // "footage of Clinton asking, “…”": a participle's subject may be one.
    bool participle = sv.cue_at[c] && sv.cue_at[c]->form == CueMatch::Form::kParticiple;
    if (participle || !object_of_preposition(d, sv, m)) return m;
    // "George Zornick of The Nation wrote": the mention before "of".
    size_t t = d.mentions[m].token;
    bool of = word(d, sv.toks[t - 1]) == "of";
    return of && t >= 2 && sv.mention_end_at[t - 2] >= 0 ? sv.mention_end_at[t - 2] : -1;
  }
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
  // "he laughed and said", "she smiled and added": the subject of the verb
  // the conjunction joins this one to, whatever that verb is.
  if (c > 0 && one_of(word(d, sv.toks[c - 1]), {"and", "but"})) {
    for (size_t k = c - 1, words = 0; k-- > 0 && words < 4; ++words) {
      if (sv.mention_end_at[k] >= 0) {
        int m = sv.mention_end_at[k];
        size_t t = d.mentions[m].token;  // a subject: first in its clause
        bool opens = t == 0 || sv.toks[t - 1].kind == Token::Kind::kPunct;
        if (words > 0 && opens && !possessive(word(d, sv.toks[k]))) return m;
        break;
      }
      if (!is_lower_word(d, sv.toks[k]) || sv.cue_at[k]) break;
    }
  }
  size_t floor = c > kMaxCueDistance ? c - kMaxCueDistance : 0;
  for (size_t k = c; k-- > floor;) {
    const auto& cue = sv.cue_at[k];
    if (!cue || cue->form != CueMatch::Form::kFinite) continue;
    int s = subject_before(d, sv, k);
    if (s >= 0) return s;
  }
  // No finite cue: the clause's subject, else the sentence's first mention.
  if (std::optional<Claim> s = subject_claim(d, sv, c)) return s->mention;
  size_t first = past_introduction(d, sv);
  return first >= sv.toks.size() || sv.mention_start_at[first] < 0 ? -1 : sv.mention_start_at[first];
}

// Mention m stands right after a lower-case word that is no preposition or
// conjunction, or after an article that follows one: the object of a verb
// ("released a statement", "sent an email").
bool object_of_verb(const Doc& d, const SentenceView& sv, int m) {
  size_t t = d.mentions[m].token;
  if (t > 0 && one_of(word(d, sv.toks[t - 1]), {"a", "an", "the"})) --t;  // article outside the mention
  if (t == 0 || !is_lower_word(d, sv.toks[t - 1]) || sv.cue_at[t - 1]) return false;
  std::string_view w = word(d, sv.toks[t - 1]);
  return !skippable(w) && !one_of(w, {"of", "to", "for", "with", "by", "about", "from", "in", "on", "at", "and",
                                      "but", "or", "that", "which", "who", "as", "than", "while", "when"});
}

}  // namespace

Claim make_claim(int mention, const CueMatch& cue, const char* rule, float conf) {
  Claim c;
  c.mention = mention;
  c.cue = cue;
  c.rule = rule;
  c.confidence = conf;
  return c;
}

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
      // "Bell's message to the council was simple:" — the clause's subject
      // ("With X worried, Obama is rolling out a message:": Obama).
      if (std::optional<Claim> s = subject_claim(d, sv, c)) return s->mention;
      size_t first = past_introduction(d, sv);
      return c > first && sv.mention_start_at[first] >= 0 ? sv.mention_start_at[first] : -1;
    }
    case Form::kParticiple: {
      // ", adding", "by saying", "before asking": the clause's own subject.
      bool after_comma = c > 0 && is_punct(d, sv.toks[c - 1], ',');
      bool after_conjunction =
          c > 0 && one_of(word(d, sv.toks[c - 1]), {"by", "while", "before", "after", "when", "without"});
      if (after_comma || after_conjunction || c == 0) return previous_subject(d, sv, c);
      // "she released a statement saying": the mention before the
      // participle is the object of a verb; the clause's subject speaks.
      if (int s = subject_before(d, sv, c); s >= 0 && object_of_verb(d, sv, s)) return previous_subject(d, sv, c);
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

namespace {

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
    // "said a strategist who spoke on condition of anonymity": the
    // relative clause describes the speaker.
    if (m >= 0 && chosen >= 0 && d.mentions[m].mention.type == Mention::Type::kRelative) break;
    if (m >= 0) {
      chosen = m;
      k += d.mentions[m].mention.tokens;
    } else if (chosen >= 0 && d.mentions[chosen].mention.type == Mention::Type::kPerson) {
      break;  // "wrote Cameron Easley for Morning Consult": the person, not the outlet
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

// A verb the lexicon does not list, read as a cue only right after a quote
// and its speaker, where news copy puts nothing else: “Q,” Oliver barked. |
// “Q,” scoffed Arianna Gil. Past-tense -ed words; the lemma is the word.
bool unlisted_speech_verb(const Doc& d, const Token& t) {
  if (!is_lower_word(d, t)) return false;
  std::string_view w = word(d, t);
  return w.size() > 4 && w.substr(w.size() - 2) == "ed" && !skippable(w);
}

// The clause ends at token j: the sentence's end, a comma, a period, or
// (with `modifiers`) a preposition or adverb that starts a modifier
// ("fumed on Tuesday", "barked at reporters").
bool clause_closes_at(const Doc& d, const SentenceView& sv, size_t j, bool modifiers) {
  if (j >= sv.toks.size()) return true;
  const Token& t = sv.toks[j];
  if (is_punct(d, t, ',') || is_punct(d, t, '.') || is_punct(d, t, ';')) return true;
  return modifiers && t.kind == Token::Kind::kWord &&
         one_of(word(d, t), {"at", "on", "in", "during", "after", "before", "as", "while", "when",
                             "outside", "back", "again", "later"});
}

CueMatch unlisted_cue(const Doc& d, const SentenceView& sv, size_t j) {
  return CueMatch{sv.toks[j].range, word(d, sv.toks[j]), 1, CueMatch::Form::kFinite, false};
}

// Words that open a clause of their own after a quote: “…” when X said, “…”
// but he said, “…” though she noted.
bool subordinator(std::string_view w) {
  return one_of(w, {"when", "as", "because", "though", "although", "but", "and", "while", "if", "after",
                    "before", "since", "until", "so", "than", "that", "which", "who", "where", "whereas",
                    "or", "nor", "yet", "unless", "once"});
}

// “Q,” Mr Lammy said. | “Q,” said Mr Lammy. | “Q,” Smith, a spokesman, said.
// | “Q” Rep. Gwen Moore (D-Wis.) said. | “Q” ― Pamela Padilla
// Tokens from k on follow the quote: the same sentence, or (k == 0) the next
// one, where the splitter put a cue that does not close its clause at once
// (“Who pays?” the mayor asked the council on Monday.).
// "said former Massachusetts congressman Barney Frank", "said conservative
// activist Bob Klaus, who …": after an inverted cue, up to four descriptor
// words (lower case, or capitalised mentions) and then a person's name that
// ends the clause. The descriptors are no function words ("suggests that
// Phoenix …" is no speaker).
int described_name_after(const Doc& d, const SentenceView& sv, size_t k) {
  size_t n = sv.toks.size();
  // "said the younger Mr. Trump": an article may open the description.
  if (k < n && one_of(word(d, sv.toks[k]), {"the", "a", "an"})) ++k;
  for (size_t words = 0; k < n && words <= 4; ++words) {
    int m = sv.mention_start_at[k];
    if (m >= 0) {
      size_t end = k + d.mentions[m].mention.tokens;
      bool person = d.mentions[m].mention.type == Mention::Type::kPerson && d.mentions[m].mention.name.size() > 0;
      bool named = person && (d.mentions[m].mention.titled ||
                              d.text.substr(d.mentions[m].mention.name.begin, d.mentions[m].mention.name.size())
                                      .find(' ') != std::string_view::npos);
      if (named && (end >= n || is_punct(d, sv.toks[end], ',') || is_punct(d, sv.toks[end], '.') ||
                    is_punct(d, sv.toks[end], '(')))
        return m;
      k = end;
      continue;
    }
    std::string_view w = word(d, sv.toks[k]);
    bool number = (w[0] >= '0' && w[0] <= '9') || w == "/";  // "9/11 widow", "22-year-old"
    if (number) {
      ++k;
      continue;
    }
    if (!is_lower_word(d, sv.toks[k]) || sv.cue_at[k]) return -1;
    if (one_of(w, {"that", "the", "a", "an", "it", "this", "there", "to", "in", "on", "of", "for", "with",
                   "by", "he", "she", "they", "we", "i", "his", "her", "their", "its", "what", "how", "why",
                   "if", "whether", "so", "as", "not", "no", "and", "or", "but", "at", "from", "about"}))
      return -1;
    ++k;
  }
  return -1;
}

// How much the words after a quote may be trusted to attribute it: the
// quote's own sentence after a whole utterance, or the next sentence (where
// an unlisted verb must end its clause at once: not "Carson struggled to …").
enum class After : uint8_t { kFragment, kUtterance, kNextSentence };

std::optional<Claim> post_quote_at(const Doc& d, const SentenceView& sv, size_t k, After after_quote) {
  bool utterance = after_quote != After::kFragment;
  bool modifiers = after_quote == After::kUtterance;
  size_t n = sv.toks.size();
  // ''... 'go home.''' Mr. Putin said: a stray mark left over from the
  // nested quote's close.
  while (k < n && sv.toks[k].kind == Token::Kind::kPunct &&
         one_of(word(d, sv.toks[k]), {"'", "\xE2\x80\x99", "\"", "\xE2\x80\x9D"}))
    ++k;
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
    int m = direct ? speaker_in(d, sv, after, after + 8) : described_name_after(d, sv, after);
    if (m >= 0) return make_claim(m, *first, "post_cue_speaker", 0.9f);
    return std::nullopt;
  }
  if (utterance && k + 1 < n && unlisted_speech_verb(d, sv.toks[k]) && sv.mention_start_at[k + 1] >= 0) {
    int m = sv.mention_start_at[k + 1];  // “Q,” scoffed Arianna Gil, 22.
    size_t end = k + 1 + d.mentions[m].mention.tokens;
    if (d.mentions[m].mention.type != Mention::Type::kPronoun &&
        (clause_closes_at(d, sv, end, modifiers) || (end < n && word(d, sv.toks[end]) == "of")))
      return make_claim(m, unlisted_cue(d, sv, k), "post_cue_speaker", 0.7f);
  }
  int chosen = -1, inner = -1, lower = 0;
  for (size_t j = k, steps = 0; j < n && steps < 16; ++steps) {
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
      if (j + 1 < n && sv.cue_at[j + 1]) {
        ++j;  // the comma that closes the last appositive
        continue;
      }
      size_t close = j + 1;
      while (close < n && close < j + 1 + kMaxAppositive && !is_punct(d, sv.toks[close], ',') &&
             sv.toks[close].kind != Token::Kind::kQuote)
        ++close;
      if (close >= n || !is_punct(d, sv.toks[close], ',')) {
        // "another friend, Mariam Emara told CNN": an appositive name whose
        // closing comma the writer left out, right before the cue.
        int m = sv.mention_start_at[j + 1];
        size_t end = m >= 0 ? j + 1 + d.mentions[m].mention.tokens : n;
        if (m >= 0 && d.mentions[m].mention.type == Mention::Type::kPerson && end < n && sv.cue_at[end] &&
            sv.cue_at[end]->form == CueMatch::Form::kFinite)
          return make_claim(m, *sv.cue_at[end], "post_speaker_cue", 0.8f);
        break;
      }
      int m = sv.mention_start_at[j + 1];
      if (m >= 0 && d.mentions[m].mention.type == Mention::Type::kPerson &&
          d.mentions[m].token + d.mentions[m].mention.tokens == close)
        inner = m;
      j = close;  // it may open another: "X, the attorney general, one of the plaintiffs, said"
    } else if (chosen < 0 && subordinator(word(d, sv.toks[j]))) {
      break;  // “…” when Clinton blasted him: a new clause, not an attribution
    } else if (is_lower_word(d, sv.toks[j]) && ++lower <= 4 &&
               (chosen < 0 || skippable(word(d, sv.toks[j])) || lower_run_before_name(d, sv, j))) {
      ++j;  // "state Sen. X", "White House press secretary X", "later said"
    } else if (utterance && chosen >= 0 && d.mentions[chosen].token == k &&
               unlisted_speech_verb(d, sv.toks[j]) && clause_closes_at(d, sv, j + 1, modifiers)) {
      return make_claim(chosen, unlisted_cue(d, sv, j), "post_speaker_cue", 0.7f);  // “Q,” Oliver barked.
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

// A quote that reads as a whole utterance: it ends in , . ? or ! inside its
// marks, or a comma follows it (“We won,” / “We won”, she said).
bool utterance(const Doc& d, const SentenceView& sv, size_t q) {
  const grammar::Quote& quote = d.scan.quotes[static_cast<size_t>(sv.toks[q].quote)];
  std::string_view inner = d.text.substr(quote.inner.begin, quote.inner.size());
  if (!inner.empty() && one_of(inner.substr(inner.size() - 1), {",", ".", "?", "!"})) return true;
  return q + 1 < sv.toks.size() && is_punct(d, sv.toks[q + 1], ',');
}

std::optional<Claim> post_quote(const Doc& d, const SentenceView& sv, size_t q) {
  return post_quote_at(d, sv, q + 1, utterance(d, sv, q) ? After::kUtterance : After::kFragment);
}

// “Q” at the convention, he said. | ''Q'' income, he said, rather than …:
// a cue later in the sentence, with its subject right before it and its
// clause closed right after it (by a comma, a period or the end), attributes
// the quote before it. Not across another quote.
std::optional<Claim> later_cue(const Doc& d, const SentenceView& sv, size_t q) {
  size_t n = sv.toks.size();
  for (size_t c = q + 1; c < n && c < q + kMaxCueDistance; ++c) {
    if (sv.toks[c].kind == Token::Kind::kQuote) return std::nullopt;
    const auto& cue = sv.cue_at[c];
    if (!cue || cue->form != CueMatch::Form::kFinite) continue;
    size_t after = c + cue->tokens;
    bool closes = after >= n || is_punct(d, sv.toks[after], ',') || is_punct(d, sv.toks[after], '.');
    int m = c > q + 1 ? subject_before(d, sv, c) : -1;
    if (closes && m >= 0 && d.mentions[m].token > q) return make_claim(m, *cue, "later_cue", 0.6f);
  }
  return std::nullopt;
}

// “Q?” the mayor asked the council. — split into two sentences when the
// quote ends in . ! or ?: a quote that ends its sentence is attributed by the
// post-quote frame at the start of the next one, in the same paragraph.
std::optional<Claim> post_quote_next(const Doc& d, size_t si, size_t q) {
  const SentenceView& sv = d.sentences[si];
  for (size_t k = q + 1; k < sv.toks.size(); ++k)
    if (sv.toks[k].kind != Token::Kind::kPunct) return std::nullopt;
  if (si + 1 >= d.sentences.size()) return std::nullopt;
  const SentenceView& next = d.sentences[si + 1];
  if (next.toks.empty() || next.toks[0].kind == Token::Kind::kQuote) return std::nullopt;
  // “…”¶¶- Bernie Sanders. — a byline paragraph under a quoted paragraph.
  if (next.sentence.paragraph != sv.sentence.paragraph) {
    if (next.sentence.paragraph != sv.sentence.paragraph + 1 || !is_dash(d, next.toks[0])) return std::nullopt;
    std::optional<Claim> c = post_quote_at(d, next, 0, After::kNextSentence);
    return c && std::string_view(c->rule) == "dash" ? c : std::nullopt;
  }
  std::optional<Claim> c = post_quote_at(d, next, 0, After::kNextSentence);
  if (!c || !c->cue) return c;
  // The cue must close on the quote before it, not open something new: not
  // "He added: “…”", "She noted that …", "Reid said both …", "He said he …".
  size_t k = 0;
  while (k < next.toks.size() && next.toks[k].range.begin < c->cue->range.end) ++k;
  if (k >= next.toks.size()) return c;
  const Token& t = next.toks[k];
  if (t.kind == Token::Kind::kQuote || is_punct(d, t, ':')) return std::nullopt;
  bool opens_quote = k + 1 < next.toks.size() && next.toks[k + 1].kind == Token::Kind::kQuote;
  if (is_punct(d, t, ',') && opens_quote) return std::nullopt;  // He added, “…”
  if (t.kind != Token::Kind::kWord) return c;
  std::string_view w = word(d, t);
  if (one_of(w, {"that", "how", "what", "why", "if", "whether"})) return std::nullopt;
  // "asked the committee", "told reporters": these verbs take a listener.
  if (one_of(c->cue->lemma, {"ask", "tell"})) return c;
  bool clause = next.mention_start_at[k] >= 0 ||
                one_of(w, {"the", "a", "an", "both", "his", "her", "their", "its", "this", "these", "those", "it"});
  return clause ? std::nullopt : c;
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

// "“…” Sanders said, according to CNN." | "… “…” according to a Pentagon
// readout.": the source a sentence cites after a quote is its outermost
// source, which PolNeAR marks, over the speaker it reports. The first
// "according to X" after token q. (Before the quote, "According to a
// statement by X, Mr Ding said “…”" stays with Mr Ding: pre_cue.)
std::optional<Claim> according_to_after(const Doc& d, const SentenceView& sv, size_t q) {
  for (size_t c = q + 1; c < sv.toks.size(); ++c) {
    const auto& cue = sv.cue_at[c];
    if (!cue || cue->form != CueMatch::Form::kPreposition || cue->lemma != "according to") continue;
    CueMatch found = *cue;
    int m = speaker_of_cue(d, sv, c, sv.toks.size(), &found);
    if (m >= 0) return make_claim(m, found, "according_to", 0.8f);
  }
  return std::nullopt;
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

}  // namespace

void claim_sentence(Doc& d, size_t si) {
  const SentenceView& sv = d.sentences[si];
  d.statements[si] = statement_of(d, sv);
  int previous = -1;  // last attributed quote in this sentence
  for (size_t q = 0; q < sv.toks.size(); ++q) {
    if (sv.toks[q].kind != Token::Kind::kQuote) continue;
    size_t qi = static_cast<size_t>(sv.toks[q].quote);
    std::optional<Claim> c = according_to_after(d, sv, q);
    if (!c) c = post_quote(d, sv, q);
    if (!c) c = pre_cue(d, sv, q);
    if (!c) c = later_cue(d, sv, q);
    if (!c) c = post_quote_next(d, si, q);
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

}  // namespace quotient::attribution_detail
