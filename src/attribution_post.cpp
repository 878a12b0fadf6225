// Pass 1, post-quote frames: the words after a quote that attribute it —
// “Q,” Mr Lammy said. | “Q,” said former Ohio congresswoman X. | “Q” ― Name
// | “Q,” Oliver barked. | a cue later in the sentence | the next sentence
// (“Q?” the mayor asked the council …) | a byline paragraph.
#include <cctype>
#include <algorithm>
#include <string>
#include <unordered_set>

#include "attribution_stages.hpp"
#include "lexicon.hpp"

namespace quotient::attribution_detail {
namespace {

using grammar::CueMatch;
using grammar::Mention;
using grammar::Token;

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
      continue;
    }
    // "wrote Cameron Easley for Morning Consult": the person, not the outlet;
    // but "said Leyton Orient boss Richie Wellens": a name and role words
    // before a person describe that person.
    bool after_person = chosen >= 0 && d.mentions[chosen].mention.type == Mention::Type::kPerson;
    if (!is_lower_word(d, sv.toks[k]) || sv.cue_at[k]) break;
    if (after_person && person_after_role_words(d, sv, k) < 0) break;
    ++k;
  }
  return chosen;
}

// After a mention, lower-case words are descriptors only when a titled or
// personal name follows within four words ("White House press secretary
// Josh Earnest", "Acme's senior communications adviser Jo Lee"), or, after
// a possessive, a role ("the union's general secretary told"); otherwise
// they are a verb phrase ("Blige sings to Clinton").
bool lower_run_before_name(const Doc& d, const SentenceView& sv, size_t j, bool after_possessive) {
  for (size_t k = j; k < sv.toks.size() && k < j + 4; ++k) {
    int m = sv.mention_start_at[k];
    if (m >= 0)
      return d.mentions[m].mention.type == Mention::Type::kPerson ||
             (after_possessive && d.mentions[m].mention.type == Mention::Type::kRole);
    if (!is_lower_word(d, sv.toks[k]) || sv.cue_at[k]) return false;
  }
  return false;
}

// A verb the lexicon does not list, read as a cue only right after a quote
// and its speaker, where news copy puts nothing else: “Q,” Oliver barked. |
// “Q,” scoffed Arianna Gil. Past-tense -ed words; the lemma is the word.
// Also "began" (“Q,” he began, to a murmur …), the irregular past of the
// verb that opens a speech, in the same place only.
bool unlisted_speech_verb(const Doc& d, const Token& t) {
  if (!is_lower_word(d, t)) return false;
  std::string_view w = word(d, t);
  return (w.size() > 4 && w.substr(w.size() - 2) == "ed" && !skippable(w)) || w == "began";
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
                             "outside", "back", "again", "later", "and"});
}

CueMatch unlisted_cue(const Doc& d, const SentenceView& sv, size_t j) {
  return CueMatch{sv.toks[j].range, word(d, sv.toks[j]), 1, CueMatch::Form::kFinite, false};
}

// Words that open a clause of their own after a quote: “…” when X said, “…”
// but he said, “…” though she noted (data/lexicon/subordinators.txt).
bool subordinator(std::string_view w) {
  static const grammar::WordList words(grammar::Lexicon::builtin().subordinators);
  return words.contains(w);
}

// "the senator and presidential candidate said", "X and Y wrote": an "and"
// after the chosen mention that joins another (not a pronoun) into one source.
bool joins_mentions(const Doc& d, const SentenceView& sv, size_t j, int chosen) {
  if (chosen < 0 || word(d, sv.toks[j]) != "and" || j + 1 >= sv.toks.size()) return false;
  int next = sv.mention_start_at[j + 1];
  return next >= 0 && d.mentions[next].mention.type != Mention::Type::kPronoun;
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

// The speaker's mention starts at token k, right after the quote, or only
// an article and lower-case adjectives come first ("an angry Hollande").
bool described_from(const Doc& d, const SentenceView& sv, size_t k, size_t mention) {
  if (mention == k) return true;
  if (mention > k + 3 || !one_of(word(d, sv.toks[k]), {"a", "an", "the"})) return false;
  for (size_t j = k + 1; j < mention; ++j)
    if (!is_lower_word(d, sv.toks[j]) || sv.cue_at[j]) return false;
  return true;
}

// “…” for the EU, said Geert Wilders | “…” to Mr. Sanders, said X: a mention
// at token j after a preposition that follows the quote (from token k) is
// that preposition's object.
bool object_after_quote(const Doc& d, const SentenceView& sv, size_t k, size_t j) {
  if (j <= k || sv.toks[j - 1].kind != Token::Kind::kWord) return false;
  return one_of(word(d, sv.toks[j - 1]), {"for", "to", "about", "with", "in", "on", "against", "at", "from",
                                          "into", "over", "toward", "towards", "than"});
}

// "said the union's president, Ola Strand": the name in apposition right
// after role mention m (closed by the sentence's end or a comma), else m.
int name_after_role(const Doc& d, const SentenceView& sv, int m) {
  size_t n = sv.toks.size(), end = d.mentions[m].token + d.mentions[m].mention.tokens;
  int name = end + 1 < n && is_punct(d, sv.toks[end], ',') ? sv.mention_start_at[end + 1] : -1;
  if (name < 0 || d.mentions[name].mention.type != Mention::Type::kPerson) return m;
  size_t after = end + 1 + d.mentions[name].mention.tokens;
  bool closed = after >= n || is_punct(d, sv.toks[after], ',') || is_punct(d, sv.toks[after], '.');
  return closed ? name : m;
}

// How much the words after a quote may be trusted to attribute it: the
// quote's own sentence after a whole utterance, or the next sentence (where
// an unlisted verb must end its clause at once: not "Carson struggled to …").
enum class After : uint8_t { kFragment, kUtterance, kNextSentence };

// “Q,” muttered one. | “Q,” another added. | “Q,” one of them told
// reporters. — after a whole utterance, a speech verb whose subject is the
// bare "one" or "another", or "one of them" (one of a crowd
// no one names) closing the clause: the quote is speech with its cue and no
// speaker name (Claim::mention -1, Claim::unnamed "one"). Token k is the first after the quote's comma.
std::optional<Claim> anonymous_speaker(const Doc& d, const SentenceView& sv, size_t k, bool modifiers) {
  size_t n = sv.toks.size();
  auto anonymous = [&](size_t j) {
    return j < n && sv.toks[j].kind == Token::Kind::kWord && sv.mention_start_at[j] < 0 &&
           one_of(word(d, sv.toks[j]), {"one", "another"});
  };
  auto finite = [&](size_t j) -> const std::optional<CueMatch>* {
    return j < n && sv.cue_at[j] && sv.cue_at[j]->form == CueMatch::Form::kFinite ? &sv.cue_at[j] : nullptr;
  };
  // "one of them", "one of us": the crowd no one names either.
  auto of_them = [&](size_t j) {
    return j + 2 < n && word(d, sv.toks[j + 1]) == "of" && one_of(word(d, sv.toks[j + 2]), {"them", "us"}) ? j + 3
                                                                                                         : j + 1;
  };
  const std::optional<CueMatch>* cue = nullptr;
  size_t end = 0, who = 0, who_end = 0;  // [who, who_end): "one", "one of them"
  if (auto* c = finite(k); c && anonymous(k + (*c)->tokens)) {  // "muttered one (of them)"
    cue = c;
    who = k + (*c)->tokens;
    end = who_end = of_them(who);
  } else if (anonymous(k)) {  // "one (of them) muttered"
    who = k;
    who_end = of_them(k);
    cue = finite(who_end);
    if (cue) end = who_end + (*cue)->tokens;
  }
  if (!cue || !clause_closes_at(d, sv, end, modifiers)) return std::nullopt;
  // "said one of them, Ana Ruiz, a nurse": the one is named after all.
  if (end + 1 < n && is_punct(d, sv.toks[end], ',') && sv.mention_start_at[end + 1] >= 0 &&
      d.mentions[sv.mention_start_at[end + 1]].mention.type == Mention::Type::kPerson)
    return make_claim(sv.mention_start_at[end + 1], **cue, "post_cue_speaker", 0.8f);
  Claim c = make_claim(-1, **cue, "anonymous", 0.6f);
  c.unnamed = grammar::Range{sv.toks[who].range.begin, sv.toks[who_end - 1].range.end};
  return c;
}

// A quote's words right before token k (past stray marks) that read as
// speech, not as a name or a title after a name ("Booker Prize 2024
// ‘Orbital’"). A headline's "‘Disgraceful’: Mr Haziq" or "‘We Will Fight
// On’: Mr Haziq" has nothing before the quote and is speech.
bool quoted_words_before(const Doc& d, const SentenceView& sv, size_t k) {
  while (k > 0 && sv.toks[k - 1].kind == Token::Kind::kPunct) --k;
  if (k == 0 || sv.toks[k - 1].kind != Token::Kind::kQuote) return false;
  size_t q = k - 1;
  bool after_name = q > 0 && (capitalised(d, sv.toks[q - 1]) ||
                              (sv.toks[q - 1].kind == Token::Kind::kWord && std::isdigit(static_cast<unsigned char>(
                                                                                d.text[sv.toks[q - 1].range.begin]))));
  const grammar::Quote& quote = d.scan.quotes[static_cast<size_t>(sv.toks[q].quote)];
  return !after_name || !name_like(d.text.substr(quote.inner.begin, quote.inner.size()));
}

// The first finite cue in [from, to) before any punctuation, or SIZE_MAX:
// "a leaflet circulated on Monday stated" speaks with "stated".
size_t finite_cue_at(const SentenceView& sv, size_t from, size_t to) {
  for (size_t j = from; j < to && j < sv.toks.size() && sv.toks[j].kind == Token::Kind::kWord; ++j)
    if (sv.cue_at[j] && sv.cue_at[j]->form == CueMatch::Form::kFinite) return j;
  return SIZE_MAX;
}

// A lower-case word ending in -ed or -ing ("circulated", "speaking").
bool participle_word(const Doc& d, const Token& t) {
  return is_lower_word(d, t) && participle_like(word(d, t), {"ed", "ing"});
}

// Words that modify a title before a name: "state Sen.", "former Gov.",
// "then-Rep.", not "unlike Sen. X" or "among them Gov. X".
bool title_modifier(std::string_view w) {
  return one_of(w, {"state", "former", "then", "retired", "acting", "interim", "incoming", "outgoing", "late",
                    "freshman", "veteran", "longtime", "senior", "junior"}) ||
         (w.size() > 5 && w.substr(0, 5) == "then-");
}

// The person an appositive from token `from` to its closing comma at
// `close` names: ", Ana Ruiz,", ", state Del. Marcia "Cia" Price
// (D-Newport News),". A title's modifiers may come first, before a titled
// name ("unlike Sen. X" is no apposition); past a nickname the surname is
// the person; a parenthesis may follow.
int appositive_person(const Doc& d, const SentenceView& sv, size_t from, size_t close) {
  size_t t = from;
  while (t < close && t < from + 2 && sv.mention_start_at[t] < 0 && title_modifier(word(d, sv.toks[t]))) ++t;
  int m = t < close ? sv.mention_start_at[t] : -1;
  if (m < 0 || (t > from && !d.mentions[m].mention.titled)) return -1;
  size_t end = t + d.mentions[m].mention.tokens;
  bool nicknamed = end + 1 < close && sv.toks[end].kind == Token::Kind::kQuote && nickname(d, sv, end) &&
                   sv.mention_start_at[end + 1] >= 0;
  if (nicknamed) {
    m = sv.mention_start_at[end + 1];
    end += 1 + d.mentions[m].mention.tokens;
  }
  if (skip_parenthesis(d, sv, end) != close) return -1;
  return d.mentions[m].mention.type == Mention::Type::kPerson ? m : -1;
}

// Does `m` follow the dash at `dash_at` right away, or after a title's
// modifiers before a titled name ("— state Sen. Ana Ruiz")?
bool dash_names(const Doc& d, const SentenceView& sv, size_t dash_at, const MentionRef& m) {
  if (m.token == dash_at + 1) return true;
  if (!m.mention.titled || m.token > dash_at + 3) return false;
  for (size_t j = dash_at + 1; j < m.token; ++j)
    if (!title_modifier(word(d, sv.toks[j]))) return false;
  return true;
}

std::optional<Claim> post_quote_at(const Doc& d, const SentenceView& sv, size_t k, After after_quote) {
  bool utterance = after_quote != After::kFragment;
  bool modifiers = after_quote == After::kUtterance;
  size_t n = sv.toks.size();
  // ''... 'go home.''' Mr. Putin said: a stray mark left over from the
  // nested quote's close.
  while (k < n && sv.toks[k].kind == Token::Kind::kPunct &&
         one_of(word(d, sv.toks[k]), {"'", "\xE2\x80\x99", "\"", "\xE2\x80\x9D"}))
    ++k;
  // "Noise Bill ‘not about policing neighbours’: Haziq", a headline's
  // "‘…’: NAME" (a person or a role, and nothing after it): the colon is the
  // cue. Not after a name: "Booker Prize 2024 ‘Orbital’: Samantha Harvey".
  if (k + 1 < n && is_punct(d, sv.toks[k], ':') && quoted_words_before(d, sv, k))
    if (int m = sv.mention_start_at[k + 1];
        m >= 0 && k + 1 + d.mentions[m].mention.tokens >= n &&
        (d.mentions[m].mention.type == Mention::Type::kPerson || d.mentions[m].mention.type == Mention::Type::kRole))
      return make_claim(m, CueMatch{sv.toks[k].range, ":", 1, CueMatch::Form::kColon, false}, "colon_after", 0.7f);
  size_t dash_at = k;
  bool dash = k < n && is_dash(d, sv.toks[k]);
  if (k < n && (is_punct(d, sv.toks[k], ',') || dash)) ++k;
  if (k >= n) return std::nullopt;
  if (utterance)
    if (std::optional<Claim> c = anonymous_speaker(d, sv, k, modifiers)) return c;
  const auto& first = sv.cue_at[k];
  // Inverted: "said Smith"; never "reminded his staff" (a listener).
  if (first && first->form == CueMatch::Form::kFinite && first->lemma != "remind") {
    size_t after = k + first->tokens;
    // "… as “Tião,” told reporters that Brasília would …": a cue that opens
    // a reported clause is the verb of a subject before the quote.
    if (after < n && word(d, sv.toks[after]) == "that") return std::nullopt;
    // "said state Sen. X" but not "suggests that Phoenix ...": a lower-case
    // word may come first only right before a titled name.
    bool direct = after < n && (sv.mention_start_at[after] >= 0 ||
                                (after + 1 < n && is_lower_word(d, sv.toks[after]) &&
                                 sv.mention_start_at[after + 1] >= 0 &&
                                 d.mentions[sv.mention_start_at[after + 1]].mention.titled));
    int m = direct ? speaker_in(d, sv, after, after + 8) : described_name_after(d, sv, after);
    if (m >= 0 && d.mentions[m].mention.type == Mention::Type::kRole) m = name_after_role(d, sv, m);
    if (m >= 0) return make_claim(m, *first, "post_cue_speaker", 0.9f);
    return std::nullopt;
  }
  if (utterance && k + 1 < n && unlisted_speech_verb(d, sv.toks[k]) && sv.mention_start_at[k + 1] >= 0) {
    int m = sv.mention_start_at[k + 1];  // “Q,” scoffed Arianna Gil, 22.
    size_t end = k + 1 + d.mentions[m].mention.tokens;
    // Not "“…,” portrayed his own party's nominee as a risk": a noun phrase
    // a possessive opens is the verb's object.
    bool possessed = one_of(word(d, sv.toks[k + 1]), {"his", "her", "their", "its", "our", "my", "your"});
    if (d.mentions[m].mention.type != Mention::Type::kPronoun && !possessed &&
        (clause_closes_at(d, sv, end, modifiers) || (end < n && word(d, sv.toks[end]) == "of")))
      return make_claim(m, unlisted_cue(d, sv, k), "post_cue_speaker", 0.7f);
  }
  int chosen = -1, inner = -1, lower = 0;
  for (size_t j = k, steps = 0; j < n && steps < 16; ++steps) {
    if (sv.toks[j].kind == Token::Kind::kQuote && nickname(d, sv, j)) {
      ++j;  // “…” state Del. Marcia "Cia" Price shouted
      continue;
    }
    const auto& cue = sv.cue_at[j];
    if (cue && chosen >= 0 && cue->form == CueMatch::Form::kFinite) {
      bool outer_role = d.mentions[chosen].mention.type == Mention::Type::kRole;
      int m = inner >= 0 && outer_role ? inner : chosen;
      return make_claim(m, *cue, "post_speaker_cue", 0.9f);
    }
    // “…” when Clinton blasted him: a new clause, not an attribution.
    if (chosen < 0 && sv.mention_start_at[j] < 0 && subordinator(word(d, sv.toks[j]))) break;
    if (int m = sv.mention_start_at[j]; m >= 0 && chosen < 0 && object_after_quote(d, sv, k, j)) {
      j += d.mentions[m].mention.tokens;  // “…” for the EU, said X: an object, not the speaker
    } else if (m >= 0 && chosen >= 0 && d.mentions[m].mention.type == Mention::Type::kRelative) {
      // “…,” a sociologist who has studied HDB estates for two decades
      // said.: a relative clause without commas, then the verb that closes
      // the sentence's clause, or its object does ("a neighbour who asked
      // not to be named told Reuters"). Only for words that end in a comma
      // and a speaker right after them: “…” is the motto of a mayor who
      // rarely speaks.
      if (!utterance || d.mentions[chosen].token != k) break;
      for (size_t e = std::min(n, j + 14); ++j < e && sv.toks[j].kind == Token::Kind::kWord;) {
        const auto& verb = sv.cue_at[j];
        if (!verb || verb->form != CueMatch::Form::kFinite) continue;
        size_t end = j + verb->tokens;
        if (int object = end < n ? sv.mention_start_at[end] : -1; object >= 0)
          end += d.mentions[object].mention.tokens;
        if (clause_closes_at(d, sv, end, modifiers)) return make_claim(chosen, *verb, "post_speaker_cue", 0.8f);
      }
      break;
    } else if (m >= 0) {
      chosen = m;  // the mention nearest the cue, before any appositive
      j = skip_parenthesis(d, sv, j + d.mentions[m].mention.tokens);
    } else if (chosen >= 0 && j + 1 < n && sv.mention_start_at[j + 1] >= 0 &&
               one_of(word(d, sv.toks[j]), {"of", "from", "at", "with", "for"})) {
      // "Mr. Morgan of the Sierra Club said", "Ms. Lee of the Center for
      // Urban Studies said"
      int m = sv.mention_start_at[j + 1];
      j = j + 1 + d.mentions[m].mention.tokens;
    } else if (chosen >= 0 && is_punct(d, sv.toks[j], ',')) {  // ", a spokeswoman for X,"
      if (j + 1 < n && sv.cue_at[j + 1]) {
        ++j;  // the comma that closes the last appositive
        continue;
      }
      size_t close = j + 1;
      while (close < n && close < j + 1 + kMaxAppositive && !is_punct(d, sv.toks[close], ',') &&
             (sv.toks[close].kind != Token::Kind::kQuote || nickname(d, sv, close)))
        ++close;
      if (close >= n || !is_punct(d, sv.toks[close], ',')) {
        // "another friend, Mariam Emara told CNN": an appositive name whose
        // closing comma the writer left out, right before the cue.
        int m = j + 1 < n ? sv.mention_start_at[j + 1] : -1;
        size_t end = m >= 0 ? j + 1 + d.mentions[m].mention.tokens : n;
        if (m >= 0 && d.mentions[m].mention.type == Mention::Type::kPerson && end < n && sv.cue_at[end] &&
            sv.cue_at[end]->form == CueMatch::Form::kFinite)
          return make_claim(m, *sv.cue_at[end], "post_speaker_cue", 0.8f);
        break;
      }
      if (int m = appositive_person(d, sv, j + 1, close); m >= 0) inner = m;
      j = close;  // it may open another: "X, the attorney general, one of the plaintiffs, said"
    } else if (joins_mentions(d, sv, j, chosen) ||
               (is_lower_word(d, sv.toks[j]) && ++lower <= 4 &&
                (chosen < 0 || skippable(word(d, sv.toks[j])) ||
                 lower_run_before_name(d, sv, j, possessive(word(d, sv.toks[j - 1])))))) {
      ++j;  // "X and Y wrote"; "state Sen. X", "White House press secretary X", "later said"
    } else if (size_t c = chosen >= 0 && j == d.mentions[chosen].token + d.mentions[chosen].mention.tokens &&
                              participle_word(d, sv.toks[j])
                          ? finite_cue_at(sv, j + 1, j + 6)
                          : SIZE_MAX;
               c != SIZE_MAX && clause_closes_at(d, sv, c + sv.cue_at[c]->tokens, modifiers)) {
      j = c;  // "“…,” a leaflet circulated on Monday stated": past the participle phrase to the cue
    } else if (utterance && chosen >= 0 && described_from(d, sv, k, d.mentions[chosen].token) &&
               unlisted_speech_verb(d, sv.toks[j]) && clause_closes_at(d, sv, j + 1, modifiers)) {
      return make_claim(chosen, unlisted_cue(d, sv, j), "post_speaker_cue", 0.7f);  // “Q,” Oliver barked.
    } else {
      break;
    }
  }
  // “…” ― Pamela Padilla (a dash and a name, no verb): the dash is the
  // cue, as a colon is before a quote. The name comes right after the dash:
  // in 'warnings - meaning "danger to life" - across the south Midlands,'
  // the dash closes an aside. Lower-case words may come first only before a
  // titled name: "— state Sen. Ana Ruiz".
  if (dash && chosen >= 0 && dash_names(d, sv, dash_at, d.mentions[chosen])) {
    size_t end = d.mentions[chosen].token + d.mentions[chosen].mention.tokens;
    if (end >= n || is_punct(d, sv.toks[end], ',') || is_punct(d, sv.toks[end], '.'))
      return make_claim(chosen, CueMatch{sv.toks[dash_at].range, "\xE2\x80\x94", 1, CueMatch::Form::kColon, false},
                        "dash", 0.7f);
  }
  return std::nullopt;
}

// Not a relative clause's verb: “…” is the motto of a mayor who rarely
// speaks. A clause set off by a comma speaks for its antecedent: “Not
// again” was the reaction of residents, who said ….
bool restrictive_relative_after(const Doc& d, const SentenceView& sv, int m, size_t q) {
  const MentionRef& r = d.mentions[static_cast<size_t>(m)];
  return r.mention.type == Mention::Type::kRelative && r.token > q && !is_punct(d, sv.toks[r.token - 1], ',');
}

// A quote that reads as a whole utterance: it ends in , . ? or ! inside its
// marks, or a comma follows it (“We won,” / “We won”, she said).
bool utterance(const Doc& d, const SentenceView& sv, size_t q) {
  const grammar::Quote& quote = d.scan.quotes[static_cast<size_t>(sv.toks[q].quote)];
  std::string_view inner = d.text.substr(quote.inner.begin, quote.inner.size());
  if (!inner.empty() && one_of(inner.substr(inner.size() - 1), {",", ".", "?", "!"})) return true;
  return q + 1 < sv.toks.size() && is_punct(d, sv.toks[q + 1], ',');
}

}  // namespace

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
    // "…, a Philippine official said on condition of anonymity because …":
    // the condition of anonymity closes the clause as a comma would.
    bool anonymous = after + 1 < n && word(d, sv.toks[after]) == "on" && word(d, sv.toks[after + 1]) == "condition";
    bool closes = after >= n || is_punct(d, sv.toks[after], ',') || is_punct(d, sv.toks[after], '.') || anonymous;
    int m = c > q + 1 ? subject_before(d, sv, c) : -1;
    if (closes && m >= 0 && d.mentions[m].token > q && !restrictive_relative_after(d, sv, m, q))
      return make_claim(m, *cue, "later_cue", 0.6f);
    // “Q” that the bill would pass, said Ana Ruiz, …: an inverted cue after
    // the clause the quote stands in.
    if (m < 0 && c > q + 2 && is_punct(d, sv.toks[c - 1], ',')) {
      std::optional<Claim> inverted = post_quote_at(d, sv, c - 1, After::kFragment);
      if (inverted && inverted->cue && inverted->cue->range.begin == cue->range.begin) {
        inverted->rule = "later_cue";
        inverted->confidence = 0.6f;
        return inverted;
      }
    }
  }
  return std::nullopt;
}

// “Q?” the mayor asked the council. — split into two sentences when the
// quote ends in . ! or ?: a quote that ends its sentence is attributed by the
// post-quote frame at the start of the next one, in the same paragraph.
std::optional<Claim> post_quote_next(const Doc& d, size_t si, size_t q) {
  const SentenceView& sv = d.sentences[si];
  // Only punctuation after the quote, and no full stop outside its marks:
  // in "… ordered officials to "minimise the impact". Samsung said …" the
  // stop ended the sentence, and the next one opens a statement of its own.
  for (size_t k = q + 1; k < sv.toks.size(); ++k)
    if (sv.toks[k].kind != Token::Kind::kPunct || is_punct(d, sv.toks[k], '.')) return std::nullopt;
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
  if (one_of(c->cue->lemma, {"ask", "tell", "remind"})) return c;
  bool clause = next.mention_start_at[k] >= 0 ||
                one_of(w, {"the", "a", "an", "both", "his", "her", "their", "its", "this", "these", "those", "it"});
  return clause ? std::nullopt : c;
}

}  // namespace quotient::attribution_detail
