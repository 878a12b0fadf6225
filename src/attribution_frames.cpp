// Pass 1, frames: for each quote, the construction that attributes it
// (post-quote, pre-cue, colon, according-to, dash, same sentence) as a Claim
// naming a mention; and each sentence's statement for the next one to continue.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "attribution_stages.hpp"
#include "grammar.hpp"
#include "lexicon.hpp"

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

// "A source close to the delegation said", "officials familiar with the
// talks said", "a person with knowledge of the plan said": the anonymous
// source before a phrase that vouches for it, which runs up to the cue at c
// (at most eight words, no other cue between: data/lexicon/vouching.txt).
int source_before_vouching_phrase(const Doc& d, const SentenceView& sv, size_t c) {
  static const std::vector<std::vector<std::string>>& phrases = grammar::Lexicon::builtin().vouching;
  // The first bytes the phrases start with: most words start none (every
  // cue's subject test comes here, for up to eight words).
  static const std::array<bool, 256> first_bytes = [] {
    std::array<bool, 256> t{};
    for (const std::vector<std::string>& p : phrases) {
      if (p.empty() || p[0].empty()) t.fill(true);  // matches anywhere: no filter
      else t[static_cast<unsigned char>(p[0][0])] = true;
    }
    return t;
  }();
  auto phrase_at = [&](size_t j) {
    if (!first_bytes[static_cast<unsigned char>(d.text[sv.toks[j].range.begin])]) return false;
    for (const std::vector<std::string>& p : phrases) {
      bool all = j + p.size() <= c;
      for (size_t i = 0; all && i < p.size(); ++i) all = word(d, sv.toks[j + i]) == p[i];
      if (all) return true;
    }
    return false;
  };
  for (size_t j = c; j-- > 1 && c - j <= 8;) {
    if (sv.toks[j].kind != Token::Kind::kWord || sv.cue_at[j] || one_of(word(d, sv.toks[j]), {"who", "which", "that"}))
      return -1;
    if (phrase_at(j)) return sv.mention_end_at[j - 1];
  }
  return -1;
}

// "Protesters marching through the streets chanted", "Officials speaking at
// the briefing said": a person, a role or a group, then a present
// participle (not an -ed form: "Sharpton avoided a declarative answer" has
// a finite verb there) that opens a phrase of at most seven
// words (no punctuation, no relative pronoun, no conjunction) running up to
// the cue at c. The mention before the participle is the subject, not the
// object at the phrase's end; a mention right before the cue must be the
// participle's object ("Lawyers representing the family said") or a
// preposition's ("at the briefing"), not a subject of its own ("what he
// called", "defender turned pundit Steve Kinnear said", "Residents opposing
// the plan Ana Ruiz said was").
int subject_before_participle_phrase(const Doc& d, const SentenceView& sv, size_t c) {
  // Bytes first: most cues have no -ing word before them.
  size_t j = c - 1;
  for (;;) {
    if (j-- <= 1 || c - j > 8) return -1;
    const Token& t = sv.toks[j];
    if (t.kind != Token::Kind::kWord) return -1;
    const char* e = d.text.data() + t.range.end;
    if (t.range.size() >= 5 && e[-1] == 'g' && e[-2] == 'n' && e[-3] == 'i' && is_lower_word(d, t) &&
        sv.mention_start_at[j] < 0 && sv.mention_end_at[j] < 0 && sv.mention_end_at[j - 1] >= 0)
      break;
  }
  for (size_t k = j + 1; k < c; ++k)
    if (one_of(word(d, sv.toks[k]), {"who", "which", "that", "what", "and", "but", "or"})) return -1;
  if (int last = sv.mention_end_at[c - 1]; last >= 0) {
    size_t t = d.mentions[last].token;
    if (t != j + 1 && (t == 0 || !is_lower_word(d, sv.toks[t - 1]) ||
        !one_of(word(d, sv.toks[t - 1]), {"at", "in", "on", "near", "through", "with", "outside", "inside", "into",
                                          "from", "to", "for", "about", "across", "around", "by", "of"})))
      return -1;
  }
  int m = sv.mention_end_at[j - 1];
  Mention::Type type = d.mentions[m].mention.type;
  if (type != Mention::Type::kPerson && type != Mention::Type::kRole && type != Mention::Type::kGroup) return -1;
  return object_of_preposition(d, sv, m) ? -1 : m;
}

// "posted a Twitter comment", "in a CNN report": a name after an
// indefinite article modifies the cue word, a noun.
bool after_indefinite_article(const Doc& d, const SentenceView& sv, int m) {
  size_t t = d.mentions[m].token;
  return t > 0 && sv.toks[t - 1].kind == Token::Kind::kWord && one_of(word(d, sv.toks[t - 1]), {"a", "an"});
}

// "Kestrel Capital Partners called", "NAME of Harbour Street Partners
// said": a capitalised role or group noun right after another mention ends
// that name; the name (the firm, or the person of the firm) is the subject.
int name_ended_by_noun(const Doc& d, const SentenceView& sv, int m) {
  const MentionRef& r = d.mentions[m];
  bool noun = r.mention.type == Mention::Type::kRole || r.mention.type == Mention::Type::kGroup;
  if (!noun || r.mention.tokens != 1 || r.token == 0) return m;
  std::string_view w = word(d, sv.toks[r.token]);
  if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) return m;
  int before = sv.mention_end_at[r.token - 1];
  return before >= 0 ? before : m;
}

}  // namespace

// A thing someone makes and speaks through: a title quote, or a noun of
// data/lexicon/title_nouns.txt or thing_nouns.txt ("show", "website").
bool owned_thing(const Doc& d, const Token& t) {
  static const grammar::WordList titles(grammar::Lexicon::builtin().title_nouns);
  static const grammar::WordList things(grammar::Lexicon::builtin().thing_nouns);
  if (t.kind == Token::Kind::kQuote) return true;
  std::string_view w = word(d, t);
  return t.kind == Token::Kind::kWord && (titles.contains(w) || things.contains(w));
}

// The mention that ends before the comma at token j, which opens an
// appositive or a relative clause: past a parenthesis ("the Jan Sangharsh
// Morcha (JSM), who …"), and from a body a person belongs to to the person
// ("Ana Ruiz of the Green Party, who …, called").
int outer_before_comma(const Doc& d, const SentenceView& sv, size_t j) {
  if (j > 0 && is_punct(d, sv.toks[j - 1], ')')) {
    size_t open = j - 1;
    while (open > 0 && j - open < 10 && !is_punct(d, sv.toks[open], '(')) --open;
    if (is_punct(d, sv.toks[open], '(')) j = open;
  }
  int outer = j > 0 ? sv.mention_end_at[j - 1] : -1;
  if (outer < 0) return -1;
  size_t t = d.mentions[outer].token;
  if (t >= 2 && d.mentions[outer].mention.type == Mention::Type::kOrganization &&
      one_of(word(d, sv.toks[t - 1]), {"of", "from", "at"}))
    if (int p = sv.mention_end_at[t - 2]; p >= 0 && d.mentions[p].mention.type == Mention::Type::kPerson) return p;
  return outer;
}

// "Westpac chief economist Luci Ellis", "Leyton Orient boss Richie
// Wellens": from token k, one to three lower-case words with no function
// word or possessive among them, then a person's mention, which this returns
// (or -1). Not "Smith and his lawyer Tom Jones", "Easley for Morning Consult".
int person_after_role_words(const Doc& d, const SentenceView& sv, size_t k) {
  for (size_t j = k; j < sv.toks.size() && j < k + 4; ++j) {
    if (int m = sv.mention_start_at[j]; m >= 0)
      return j > k && d.mentions[m].mention.type == Mention::Type::kPerson ? m : -1;
    if (!is_lower_word(d, sv.toks[j]) || sv.cue_at[j] ||
        one_of(word(d, sv.toks[j]), {"for", "of", "at", "in", "on", "from", "with", "to", "and", "or", "by", "who",
                                     "which", "that", "as", "his", "her", "their", "its", "our"}))
      return -1;
  }
  return -1;
}

// The subject mention of the verb at token c: the mention right before it,
// past auxiliaries and adverbs and past an appositive. -2 means "and" joins
// this verb to the previous one (share its subject); -1 means none.
// The words between the marks of quote token t.
std::string_view inner_words(const Doc& d, const Token& t) {
  const grammar::Quote& q = d.scan.quotes[static_cast<size_t>(t.quote)];
  return d.text.substr(q.inner.begin, q.inner.size());
}

int subject_before(const Doc& d, const SentenceView& sv, size_t c) {
  size_t k = c;
  // "Priebus later Thursday told", "Ms Tran last week said", "China on
  // Monday urged": a weekday or a time phrase may stand there too (the
  // phrase first: its weekday alone would leave "on" behind).
  auto word_at = [&](size_t t) { return sv.toks[t].kind == Token::Kind::kWord && sv.mention_end_at[t] < 0; };
  for (;;) {
    if (k > 1 && word_at(k - 1) && word_at(k - 2) && time_phrase_at(d, sv, k - 2))
      k -= 2;
    else if (k > 0 && word_at(k - 1) && (skippable(word(d, sv.toks[k - 1])) || weekday(word(d, sv.toks[k - 1]))))
      --k;
    else
      break;
  }
  if (k == 0) return -1;
  // "Rep. Gwen Moore (D-Wis.) said": past the parenthesis.
  if (is_punct(d, sv.toks[k - 1], ')')) {
    size_t open = k - 1;
    while (open > 0 && k - open < 10 && !is_punct(d, sv.toks[open], '(')) --open;
    if (is_punct(d, sv.toks[open], '(') && open > 0) k = open;
  }
  if (int s = source_before_vouching_phrase(d, sv, k); s >= 0) return s;
  if (int s = k >= 3 ? subject_before_participle_phrase(d, sv, k) : -1; s >= 0) return s;
  std::string_view w = word(d, sv.toks[k - 1]);
  if (int m = sv.mention_end_at[k - 1]; m >= 0) {
    m = name_ended_by_noun(d, sv, m);
    if (possessive_determiner(d, sv, m, c)) return -1;
    if (k == c && d.mentions[m].mention.type != Mention::Type::kRole && after_indefinite_article(d, sv, m))
      return -1;
    // "footage of Clinton asking, “…”": a participle's subject may be the
    // object of "of" (not of "to": "a message to supporters saying").
    bool participle = sv.cue_at[c] && sv.cue_at[c]->form == CueMatch::Form::kParticiple;
    size_t t = d.mentions[m].token;
    std::string_view before = t > 0 && sv.toks[t - 1].kind == Token::Kind::kWord ? word(d, sv.toks[t - 1]) : "";
    bool after_of = before == "of";
    // "Ana Ruiz in Leeds said", "a spokesman at the embassy said", "Kim Lee
    // from the Treasury said": the person, role or group right before the
    // place speaks, not the place; but not one that is itself the object of
    // a preposition ("A letter to Ana Ruiz from the Treasury said").
    if ((before == "in" || before == "at" || before == "from") && t >= 2)
      if (int p = sv.mention_end_at[t - 2]; p >= 0 && !object_of_preposition(d, sv, p)) {
        Mention::Type type = d.mentions[p].mention.type;
        if (type == Mention::Type::kPerson || type == Mention::Type::kRole || type == Mention::Type::kGroup) return p;
      }
    if ((participle && after_of) || !object_of_preposition(d, sv, m)) return m;
    // "George Zornick of The Nation wrote": the mention before "of".
    return after_of && t >= 2 && sv.mention_end_at[t - 2] >= 0 ? sv.mention_end_at[t - 2] : -1;
  }
  if (w == "and" || w == "but") return -2;
  // "Corbie Theatre’s show bills itself as", "Corbie Theatre’s ‘Tidewrack’
  // describes itself as": what a cue that needs "as" says of a thing its
  // owner made (a work, a scheme, a website: title_nouns.txt,
  // thing_nouns.txt, or a title), the owner says; not "Ms Hale's children
  // describe her as", nor a passive ("were billed as").
  if (k >= 2 && sv.cue_at[c] && sv.cue_at[c]->needs_as && k == c && owned_thing(d, sv.toks[k - 1]))
    if (int p = sv.mention_end_at[k - 2]; p >= 0 && possessive(word(d, sv.toks[k - 2]))) return p;
  // "NATO's chief Ida Lund - speaking in Brussels - said": the mention
  // before a phrase set off by dashes.
  if (is_dash(d, sv.toks[k - 1])) {
    for (size_t j = k - 1; j-- > 0 && k - 1 - j <= kMaxAppositive;) {
      if (sv.toks[j].kind == Token::Kind::kQuote) return -1;
      if (is_dash(d, sv.toks[j])) return j > 0 ? sv.mention_end_at[j - 1] : -1;
    }
    return -1;
  }
  // "NAME, …, known as “Tião,” told": the comma that closes the appositive
  // stands inside the marks of the name it gives.
  bool comma_in_name = sv.toks[k - 1].kind == Token::Kind::kQuote && k >= 2 && word(d, sv.toks[k - 2]) == "as" &&
                       !inner_words(d, sv.toks[k - 1]).empty() && inner_words(d, sv.toks[k - 1]).back() == ',' &&
                       name_like(without_final_stops(inner_words(d, sv.toks[k - 1])));
  if (!is_punct(d, sv.toks[k - 1], ',') && !comma_in_name) return -1;
  // "Roy Calder, R-Texas, said": the mention took its party and state along
  // (the only comma a mention holds).
  if (int m = k >= 2 ? sv.mention_end_at[k - 2] : -1; m >= 0) {
    const grammar::Range& r = d.mentions[m].mention.range;
    if (d.text.substr(r.begin, r.size()).find(',') != std::string_view::npos) return m;
  }
  // "Jane Smith, a spokeswoman for the agency, said" (the name before the
  // appositive), but "The shadow foreign secretary, Tom Aldridge, said" (the
  // name inside it).
  for (size_t j = k - 1; j-- > 0 && k - 1 - j <= kMaxAppositive;) {
    // "The eight-page document, titled “…” and dated 7 March, says": a
    // title the appositive names does not end it; any other quote does.
    // Nor does a name it gives ("known since the 1980s simply as “Tião,”").
    if (sv.toks[j].kind == Token::Kind::kQuote && !(j > 0 && naming_word(word(d, sv.toks[j - 1]))) &&
        !(j > 0 && word(d, sv.toks[j - 1]) == "as" && name_like(without_final_stops(inner_words(d, sv.toks[j])))))
      return -1;
    if (!is_punct(d, sv.toks[j], ',')) continue;
    int outer = outer_before_comma(d, sv, j);
    // "Kirby, 60, of Virginia, told": past an age set off by commas.
    if (outer < 0 && j >= 3 && is_punct(d, sv.toks[j - 2], ',') && sv.toks[j - 1].kind == Token::Kind::kWord &&
        std::isdigit(static_cast<unsigned char>(d.text[sv.toks[j - 1].range.begin]))) {
      j -= 1;  // the loop steps on to the comma before the age
      continue;
    }
    // "A person familiar with the board's deliberations, who asked not to
    // be identified …, said": the source before its vouching phrase.
    if (outer < 0 && j + 1 < sv.toks.size() && word(d, sv.toks[j + 1]) == "who")
      if (int s = source_before_vouching_phrase(d, sv, j); s >= 0) return s;
    // "NAME, who heads the Centre for X, a think tank, said": the comma ends
    // an appositive inside a relative clause; the name before ", who" is the
    // subject.
    for (size_t r = j; r-- > 0 && k - 1 - r <= 2 * kMaxAppositive;) {
      if (sv.toks[r].kind == Token::Kind::kQuote) break;
      if (!is_punct(d, sv.toks[r], ',')) continue;
      // Not "Bret Stephens, who, after trading insults …, said": there the
      // commas hold an aside of the relative clause, whose verb this is.
      // "Sólveig Ásgeirsdóttir, whose son Birkir, 23, is …, told": "whose" too.
      if (one_of(word(d, sv.toks[r + 1]), {"who", "whose"}) && r + 2 < j && sv.toks[r + 2].kind == Token::Kind::kWord)
        if (int o = outer_before_comma(d, sv, r); o >= 0) {
          Mention::Type type = d.mentions[o].mention.type;
          if (type == Mention::Type::kPerson || type == Mention::Type::kRole || type == Mention::Type::kGroup) return o;
        }
      break;
    }
    int inner = sv.mention_start_at[j + 1];
    bool inner_is_name = inner >= 0 && k >= 2 && sv.mention_end_at[k - 2] == inner &&
                         d.mentions[inner].mention.type == Mention::Type::kPerson;
    bool outer_is_role = outer < 0 || d.mentions[outer].mention.type == Mention::Type::kRole;
    // "The director of press in the ministry, Ada Bello, said": a body or
    // place at the end of a role's tail is no speaker before a name.
    // Only a common noun there ("the ministry", "the university's top
    // executives"): "from Sumter, South Carolina," is a place and its state.
    if (!outer_is_role && is_lower_word(d, sv.toks[d.mentions[outer].token])) {
      size_t t = d.mentions[outer].token;
      outer_is_role = object_of_preposition(d, sv, outer) ||
                      (t > 0 && sv.toks[t - 1].kind == Token::Kind::kWord && one_of(word(d, sv.toks[t - 1]), {"in", "at"}));
    }
    // "Labour MP for Thornbury Vale, Meera Chaudhry, asked", "The ambassador
    // to France, Jane Doe, said": a constituency or a country after the "for"
    // or "to" of a title (a capitalised word) or of a role.
    if (!outer_is_role && inner_is_name) {
      size_t t = d.mentions[outer].token;
      outer_is_role = t >= 2 && one_of(word(d, sv.toks[t - 1]), {"for", "to"}) && sv.toks[t - 2].kind == Token::Kind::kWord &&
                      (!is_lower_word(d, sv.toks[t - 2]) ||
                       (sv.mention_end_at[t - 2] >= 0 &&
                        d.mentions[sv.mention_end_at[t - 2]].mention.type == Mention::Type::kRole));
    }
    return inner_is_name && outer_is_role ? inner : outer;
  }
  return -1;
}

namespace {

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

// The cue at token c for what stands before token `to`, or null: a cue that
// needs "as" ("described X as", "dismissed X as") is none without one
// ("dismissed Mr Doyle's claim that …").
// Inline: callers try it at every token, and most hold no cue.
inline const CueMatch* cue_until(const Doc& d, const SentenceView& sv, size_t c, size_t to) {
  const auto& cue = sv.cue_at[c];
  if (!cue || (cue->needs_as && !has_as_between(d, sv, c + cue->tokens, to))) return nullptr;
  return &*cue;
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
  // "The ministry accused the US of …, after Washington added firms to a
  // blacklist, and said …": after a comma the conjunction joins the main
  // clause, whose verb comes first, not the nearest one.
  bool main_clause = c > 1 && one_of(word(d, sv.toks[c - 1]), {"and", "but"}) && is_punct(d, sv.toks[c - 2], ',');
  // Past a fronted clause: "After the minister announced the cuts, Jane
  // Porter called a strike, and said".
  size_t from = floor;
  if (main_clause && one_of(word(d, sv.toks[0]), {"After", "When", "Although", "Though", "As", "While", "Because",
                                                  "Since", "If", "Before", "Until", "Once", "Whereas"})) {
    while (from < c && !is_punct(d, sv.toks[from], ',')) ++from;
    ++from;
  }
  for (size_t k = from; main_clause && k + 1 < c; ++k) {
    const CueMatch* cue = cue_until(d, sv, k, c);
    if (!cue || cue->form != CueMatch::Form::kFinite) continue;
    int s = subject_before(d, sv, k);
    if (s >= 0 && d.mentions[static_cast<size_t>(s)].mention.type != Mention::Type::kRelative) return s;
    break;
  }
  for (size_t k = c; k-- > floor;) {
    const CueMatch* cue = cue_until(d, sv, k, c);
    if (!cue || cue->form != CueMatch::Form::kFinite) continue;
    int s = subject_before(d, sv, k);
    // "X rejected a report that accused Y of …, calling it “…”": a verb in
    // a relative clause is not the one the participle shares a subject with.
    if (s >= 0 && d.mentions[static_cast<size_t>(s)].mention.type == Mention::Type::kRelative) continue;
    if (s >= 0) return s;
  }
  // No finite cue: the clause's subject, else the sentence's first mention.
  if (std::optional<Claim> s = subject_claim(d, sv, c)) return s->mention;
  size_t first = past_introduction(d, sv);
  return first >= sv.toks.size() || sv.mention_start_at[first] < 0 ? -1 : sv.mention_start_at[first];
}

// "with the club's sporting director, Lukas Brandt, insisting": the noun
// phrase of an absolute phrase opened by "with", past its appositive, is the
// subject of the participle at c (after a comma). The mention, or -1.
int with_phrase_subject(const Doc& d, const SentenceView& sv, size_t c) {
  int s = subject_before(d, sv, c);
  if (s < 0 || c < 2 || sv.mention_end_at[c - 2] != s) return -1;  // the phrase runs up to the comma
  size_t t = d.mentions[s].token;
  // The appositive's head before its comma: "the club's sporting director".
  if (t >= 2 && is_punct(d, sv.toks[t - 1], ',') && sv.mention_end_at[t - 2] >= 0)
    t = d.mentions[sv.mention_end_at[t - 2]].token;
  if (t > 0 && one_of(word(d, sv.toks[t - 1]), {"the", "a", "an"})) --t;  // article outside the mention
  if (t == 0 || !one_of(word(d, sv.toks[t - 1]), {"with", "With"})) return -1;
  // An absolute phrase opens the sentence or follows a comma ("…, with X
  // insisting"); "arrived with her deputy, Tom Reed, saying" is a verb's
  // companion, and the verb's subject speaks.
  return t == 1 || is_punct(d, sv.toks[t - 2], ',') ? s : -1;
}

// "Footage showed Mr Reddy laughing and saying", "witnesses heard Dreyer
// shouting": the object of a verb of perception right before the
// participle at c (or before "-ing and" ahead of it) speaks. The mention,
// or -1.
int perceived_speaker(const Doc& d, const SentenceView& sv, size_t c) {
  size_t e = c;  // the token after the object
  if (e >= 3 && word(d, sv.toks[e - 1]) == "and" && participle_like(word(d, sv.toks[e - 2]), {"ing"})) e -= 2;
  if (e == 0 || sv.mention_end_at[e - 1] < 0) return -1;
  int m = sv.mention_end_at[e - 1];
  Mention::Type type = d.mentions[m].mention.type;
  if (type != Mention::Type::kPerson && type != Mention::Type::kPronoun && type != Mention::Type::kRole &&
      type != Mention::Type::kGroup)
    return -1;
  size_t t = d.mentions[m].token;
  if (t > 0 && one_of(word(d, sv.toks[t - 1]), {"a", "an", "the"})) --t;  // article outside the mention
  if (t == 0) return -1;
  static const grammar::WordList verbs(grammar::Lexicon::builtin().perception_verbs);
  return verbs.contains(word(d, sv.toks[t - 1])) ? m : -1;
}

bool text_mention(const Doc& d, int m);

// Mention m stands right after a lower-case word that is no preposition or
// conjunction, or after an article that follows one: the object of a verb
// ("released a statement", "sent an email").
bool object_of_verb(const Doc& d, const SentenceView& sv, int m) {
  size_t t = d.mentions[m].token;
  if (t > 0 && one_of(word(d, sv.toks[t - 1]), {"a", "an", "the"})) --t;  // article outside the mention
  if (t == 0 || !is_lower_word(d, sv.toks[t - 1]) || sv.cue_at[t - 1]) return false;
  // "with union leaders accusing": a mention right before is a compound's
  // first noun, not a verb.
  if (sv.mention_end_at[t - 1] >= 0) return false;
  // "with opposition MPs accusing", "the opposition TDs said": after "with"
  // or a determiner the word is the mention's modifier, not a verb.
  if (t >= 2 && one_of(word(d, sv.toks[t - 2]), {"with", "the", "a", "an", "his", "her", "its", "their", "our"}))
    return false;
  std::string_view w = word(d, sv.toks[t - 1]);
  if (skippable(w) || one_of(w, {"of", "to", "for", "with", "by", "about", "from", "in", "on", "at", "and", "but",
                                  "or", "that", "which", "who", "as", "than", "while", "when"}))
    return false;
  // A text after a preposition of time is no verb's object: "not until the
  // week after the newspaper's editorial telling him" (the editorial
  // speaks); a person there may be ("went after the governor calling his
  // budget “a fantasy”": the senator calls it).
  return !(one_of(w, {"after", "before", "until", "since", "following"}) && text_mention(d, m));
}

// The quote at q is what the passive verb ending at `after` names: right
// after it or after "as" ("was called “…”", "was described as “…”"), or
// coordinated with such a quote ("… by the Courier, and “…”"); not "was
// reported in a “hit piece” by the Times", where "by" names the piece's
// author.
bool quoted_by_passive(const Doc& d, const SentenceView& sv, size_t after, size_t q) {
  if (after < q && word(d, sv.toks[after]) == "as") ++after;
  if (after == q) return true;
  return sv.toks[after].kind == Token::Kind::kQuote && word(d, sv.toks[q - 1]) == "and";
}

// "Rubio was asked by the moderator whether …", "she was pressed by
// reporters, “…”": the agent of a passive question asks it.
// "It was called “…” by the Courier, and “…” by one critic", "was
// described as “…” by aides": the agent after the quote of a passive speech
// verb said it.
int passive_agent(const Doc& d, const SentenceView& sv, size_t c, size_t q, const CueMatch& cue) {
  if (c == 0 || !one_of(word(d, sv.toks[c - 1]), {"was", "were", "is", "are", "been", "being"})) return -1;
  if (q + 2 < sv.toks.size() && word(d, sv.toks[q + 1]) == "by" && quoted_by_passive(d, sv, c + cue.tokens, q))
    if (int m = mention_after(sv, q + 2, q + 6); m >= 0) return m;
  if (!one_of(cue.lemma, {"ask", "tell", "press", "question", "challenge"})) return -1;
  size_t by = c + cue.tokens;
  if (by + 1 >= q || word(d, sv.toks[by]) != "by") return -1;
  return mention_after(sv, by + 1, std::min(q, by + 4));  // "by host Tom Bale"
}

// "The minister's answer – that the register was “…” –", "pointed to
// NAME's closing remark that …": a cue word read as a noun of saying, its
// possessor (a name or role, not "his") before it, at most one lower-case
// word between, and "that" after it (past a dash or comma): the possessor
// said what follows (so does "NAME's brief said that …", the cue a verb
// after one noun). The mention, or -1. Only where the cue has no subject.
int possessor_of_saying_noun(const Doc& d, const SentenceView& sv, size_t c) {
  size_t after = c + sv.cue_at[c]->tokens;
  if (after < sv.toks.size() && (is_dash(d, sv.toks[after]) || is_punct(d, sv.toks[after], ','))) ++after;
  if (after >= sv.toks.size() || word(d, sv.toks[after]) != "that" || c == 0) return -1;
  size_t k = c;
  if (sv.mention_end_at[k - 1] < 0 && is_lower_word(d, sv.toks[k - 1]) && !sv.cue_at[k - 1]) --k;
  int m = k > 0 ? sv.mention_end_at[k - 1] : -1;
  if (m < 0 || d.mentions[m].mention.type == Mention::Type::kPronoun ||
      d.mentions[m].mention.type == Mention::Type::kRelative)
    return -1;
  return possessive(word(d, sv.toks[k - 1])) ? m : -1;
}

// "NAME rose to say", "she stood up to say", "he got to his feet to
// add": a verb of rising before an infinitive cue at c ("to" at c - 1)
// shares its subject, who speaks; other verbs before "to" do not hand theirs
// over ("refused to say", "was asked to say", "urged them to say").
int rising_to_speak(const Doc& d, const SentenceView& sv, size_t c) {
  if (c == 0) return -1;
  size_t v = c - 1;  // "to"
  bool particle = true;
  if (v >= 2 && one_of(word(d, sv.toks[v - 1]), {"up", "forward"}))
    --v;
  else if (v >= 4 && word(d, sv.toks[v - 1]) == "feet" && word(d, sv.toks[v - 3]) == "to")
    v -= 3;  // "got to his feet"
  else
    particle = false;
  if (v < 2 || sv.cue_at[v - 1] || sv.mention_end_at[v - 1] >= 0) return -1;
  std::string_view verb = word(d, sv.toks[v - 1]);  // "got to say" alone is "had the chance to"
  if (!one_of(verb, {"rose", "stood", "stepped", "jumped", "leapt", "leaped"}) && !(particle && verb == "got"))
    return -1;
  int s = subject_before(d, sv, v - 1);
  return s >= 0 ? s : -1;
}

// If the cue at k heads a noun phrase, the token of its determiner, else
// SIZE_MAX: the cue is its bare lemma or an -ing form ("a confident note",
// "a snappy retort", "a stern warning") and the determiner stands one or
// two lower-case words before it. An inflected verb heads none ("the
// heckler yelled", "a critic writes", "the minister said"). (match_cue()
// already refuses a cue right after a determiner.)
size_t determiner_of_noun(const Doc& d, const SentenceView& sv, size_t k) {
  const CueMatch& cue = *sv.cue_at[k];
  if (cue.tokens != 1 || (word(d, sv.toks[k]) != cue.lemma && cue.form != CueMatch::Form::kParticiple))
    return SIZE_MAX;
  for (size_t j = k; j-- > 0 && k - j <= 3;) {
    if (grammar::is_determiner(word(d, sv.toks[j]))) return k - j >= 2 ? j : SIZE_MAX;
    if (!is_lower_word(d, sv.toks[j])) return SIZE_MAX;
  }
  return SIZE_MAX;
}

}  // namespace

Claim make_claim(int mention, const std::optional<CueMatch>& cue, const char* rule, float conf) {
  Claim c;
  c.mention = mention;
  c.cue = cue;
  c.rule = rule;
  c.confidence = conf;
  return c;
}

int speaker_of_cue(const Doc& d, const SentenceView& sv, size_t c, size_t q, CueMatch* cue) {
  using Form = CueMatch::Form;
  if (int agent = passive_agent(d, sv, c, q, *cue); agent >= 0) return agent;
  switch (cue->form) {
    case Form::kInfinitive: return rising_to_speak(d, sv, c);
    case Form::kPreposition: {
      // "X said in a statement that …", "told Reuters in an interview": the
      // phrase belongs to the verb before it, whose subject speaks.
      for (size_t k = c, back = 0; cue->lemma != "according to" && k-- > 0 && back < 3; ++back) {
        const auto& verb = sv.cue_at[k];
        if (verb && k + verb->tokens <= c && (verb->form == Form::kFinite || verb->form == Form::kParticiple))
          return -1;
        if (sv.toks[k].kind != Token::Kind::kWord) break;
      }
      // "According to a note circulated to member states, the Commission
      // …": the source is named inside the phrase, which ends at a comma.
      size_t end = c + cue->tokens;
      while (end < q && !is_punct(d, sv.toks[end], ',')) ++end;
      // "… in a statement that “…”": that "that" opens the reported clause; it
      // is no relative pronoun naming a speaker.
      int m = mention_after(sv, c + cue->tokens, end);
      if (m < 0 || d.mentions[m].mention.type == Mention::Type::kRelative) return -1;
      // "according to Westpac chief economist Luci Ellis": a body's name (one
      // word, or a body's) and lower-case role words describe the person
      // named after them; not "according to Smith and his lawyer Tom Jones".
      const Mention& first = d.mentions[m].mention;
      if (first.type == Mention::Type::kOrganization || (first.type == Mention::Type::kPerson && !first.titled && first.tokens == 1))
        if (int p = person_after_role_words(d, sv, d.mentions[m].token + std::max<size_t>(first.tokens, 1));
            p >= 0 && d.mentions[p].token < end)
          return p;
      return m;
    }
    case Form::kColon: {
      // "She told the council:" — the verb before the colon is the cue.
      size_t floor = c > 20 ? c - 20 : 0;
      for (size_t k = c; k-- > floor;) {
        if (sv.toks[k].kind == Token::Kind::kQuote) break;
        const auto& verb = sv.cue_at[k];
        if (!verb || (verb->form != Form::kFinite && verb->form != Form::kParticiple)) continue;
        // "struck a confident note:", "gave a blunt reply:", "had a one-line
        // answer for the marchers when …:": a cue word after a determiner and
        // a word or two is a noun, and the colon the cue, unless the verb the
        // noun phrase follows is one ("issued a stern warning:", "said the
        // answer was:"); no cue further back speaks here ("Asked about it,
        // she gave a blunt reply:").
        if (size_t det = determiner_of_noun(d, sv, k); det != SIZE_MAX) {
          if (det == 0 || !sv.cue_at[det - 1]) break;
          k = det;
          continue;
        }
        *cue = *verb;
        return speaker_of_cue(d, sv, k, q, cue);
      }
      // "Her verdict on the grand, delivered on the morning I visit:".
      if (int m = possessor_of_words(d, sv, past_introduction(d, sv), c); m >= 0) return m;
      // "Pollsters agree - Carl Bialik:" — a name right before the colon, as
      // in a transcript or a digest.
      if (int m = c > 0 ? sv.mention_end_at[c - 1] : -1;
          m >= 0 && d.mentions[m].mention.type == Mention::Type::kPerson && !object_of_preposition(d, sv, m))
        return m;
      // "Bell's message to the council was simple:" — the clause's subject
      // ("With X worried, Obama is rolling out a message:": Obama).
      if (std::optional<Claim> s = subject_claim(d, sv, c)) return s->mention;
      size_t first = past_introduction(d, sv);
      return c > first && sv.mention_start_at[first] >= 0 ? sv.mention_start_at[first] : -1;
    }
    case Form::kParticiple: {
      // ", adding", "by saying", "before asking": the clause's own subject.
      bool after_comma = c > 0 && is_punct(d, sv.toks[c - 1], ',');
      if (after_comma)
        if (int w = with_phrase_subject(d, sv, c); w >= 0) return w;
      if (int p = perceived_speaker(d, sv, c); p >= 0) return p;
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
      // "at one point calling the mayor a “…”": a participle's object is no
      // inverted speaker; the clause's subject speaks.
      if (cue->form == Form::kParticiple) return previous_subject(d, sv, c);
      if (int p = possessor_of_saying_noun(d, sv, c); p >= 0) return p;
      // "said Smith", but never "told Fox News": whom one tells (or reminds)
      // is a listener, and what one calls for is no speaker ("called for the
      // governor's resignation").
      if (cue->lemma == "tell" || cue->lemma == "remind" || cue->lemma == "call for") return -1;
      return mention_after(sv, c + cue->tokens, std::min(q, c + cue->tokens + 1));
    }
  }
  return -1;
}

namespace {

// "Would the minister, she asked, confirm that …", "The board, he said,
// denied that …": a speech cue set off by commas right before the finite
// verb at c, with its own subject (no relative "who") after the first comma,
// frames the whole clause; the token of that cue, or SIZE_MAX. (Not before a
// participle: "…, Ruiz said, adding, “…”" is no parenthesis.)
size_t parenthetical_cue_before(const Doc& d, const SentenceView& sv, size_t c) {
  if (c < 4 || !is_punct(d, sv.toks[c - 1], ',')) return SIZE_MAX;
  for (size_t k = c - 1; k-- > 1 && c - 1 - k <= 3;) {
    const auto& cue = sv.cue_at[k];
    if (!cue) continue;
    if (cue->form != CueMatch::Form::kFinite || k + cue->tokens != c - 1) return SIZE_MAX;
    int m = sv.mention_end_at[k - 1];
    if (m < 0 || d.mentions[m].mention.type == Mention::Type::kRelative) return SIZE_MAX;
    size_t t = d.mentions[m].token;
    return t > 0 && is_punct(d, sv.toks[t - 1], ',') ? k : SIZE_MAX;
  }
  return SIZE_MAX;
}

// SPEAKER CUE … “Q” | According to SPEAKER, … “Q” | SPEAKER described X as “Q”
// The cue at c stands in a relative clause set off by commas that closes
// before token q, and words follow it: "He described the “kampung spirit”,
// which older residents remember from their villages, as “…”" (the verb
// before the clause is the quote's; in "X, who joked of the museum, “…”"
// the clause's own verb is).
bool in_closed_relative_clause(const Doc& d, const SentenceView& sv, size_t c, size_t cue_end, size_t q) {
  size_t open = c;
  while (open > 0 && c - open < 12 && sv.toks[open - 1].kind == Token::Kind::kWord) --open;
  if (open < 2 || !is_punct(d, sv.toks[open - 1], ',') || !one_of(word(d, sv.toks[open]), {"which", "who"}))
    return false;
  // The clause goes on past its verb ("which residents remember from their
  // villages,"). After an aside the verb speaks ("X, who said, quietly,
  // “…”", "who said, in a statement, that it was “…”") unless the clause's
  // own verb follows: "which critics said, privately, was doomed, as “…”".
  for (size_t k = cue_end; k < q; ++k) {
    if (sv.toks[k].kind == Token::Kind::kWord) continue;
    if (k > cue_end) return is_punct(d, sv.toks[k], ',') && k + 1 < q;
    if (!is_punct(d, sv.toks[k], ',')) return false;
    size_t next = k + 1;
    while (next < q && sv.toks[next].kind == Token::Kind::kWord) ++next;
    return next + 1 < q && is_punct(d, sv.toks[next], ',') &&
           one_of(word(d, sv.toks[next + 1]), {"was", "is", "were", "are", "had", "has", "would", "will", "could",
                                               "might", "should", "remains", "remained", "seemed", "seems"});
  }
  return false;
}

// "said in a video posted on Instagram that …", "said on a website updated
// overnight": a past form right after a preposition's object (a determiner
// and up to three words), where the preposition follows a speech verb (or
// up to three words after it: "said on Monday in a statement posted"), is
// that object's participle, not the clause's verb.
bool participle_in_cue_phrase(const Doc& d, const SentenceView& sv, size_t c) {
  std::string_view w = word(d, sv.toks[c]);
  if (w.size() < 4 || w.substr(w.size() - 2) != "ed") return false;
  size_t det = c;
  while (det > 0 && c - det < 4 && sv.toks[det - 1].kind == Token::Kind::kWord &&
         !grammar::is_determiner(word(d, sv.toks[det - 1])))
    --det;
  if (det < 3 || c - det >= 4 || !grammar::is_determiner(word(d, sv.toks[det - 1]))) return false;
  size_t prep = det - 2;
  if (!one_of(word(d, sv.toks[prep]), {"in", "on", "via", "through", "during", "at", "with"})) return false;
  for (size_t k = prep; k-- > 0 && prep - k <= 4;) {
    const auto& cue = sv.cue_at[k];
    if (cue && cue->form == CueMatch::Form::kFinite && k + cue->tokens + 3 >= prep && k + cue->tokens <= prep) return true;
  }
  return false;
}

std::optional<Claim> pre_cue(const Doc& d, const SentenceView& sv, size_t q) {
  size_t floor = q > kMaxCueDistance ? q - kMaxCueDistance : 0;
  for (size_t c = q; c-- > floor;) {
    const CueMatch* found = cue_until(d, sv, c, q);
    if (!found || in_closed_relative_clause(d, sv, c, c + found->tokens, q)) continue;
    if (found->form == CueMatch::Form::kFinite && participle_in_cue_phrase(d, sv, c)) continue;
    if (size_t p = found->form == CueMatch::Form::kFinite ? parenthetical_cue_before(d, sv, c) : SIZE_MAX;
        p != SIZE_MAX) {
      c = p;
      found = &*sv.cue_at[p];
    }
    CueMatch cue = *found;
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
// "a transcript of the call", "a recording": a record of the speaker's own
// words, not a source that reports them ("“…,” Whitlock said, according to
// a transcript of the call" is Whitlock's; PolNeAR marks the transcript, in
// two of its 8,020 train quotes, and a readout, a summary, stays a source;
// so does "a video statement released by Hamas").
bool verbatim_record(const Doc& d, const MentionRef& m) {
  std::string_view t = d.text.substr(m.mention.range.begin, m.mention.range.size());
  for (std::string_view w : {"transcript", "recording", "video", "footage", "audio", "tape"}) {
    size_t at = t.find(w);
    if (at == std::string_view::npos) continue;
    std::string_view rest = t.substr(at + w.size());
    if (rest.empty() || rest == "s" || rest.substr(0, 4) == " of " || rest.substr(0, 5) == "s of ") return true;
  }
  return false;
}

std::optional<Claim> according_to_after(const Doc& d, const SentenceView& sv, size_t q) {
  for (size_t c = q + 1, n = sv.toks.size(); c < n; ++c) {
    const auto& cue = sv.cue_at[c];
    if (!cue || cue->form != CueMatch::Form::kPreposition || cue->lemma != "according to") continue;
    CueMatch found = *cue;
    int m = speaker_of_cue(d, sv, c, sv.toks.size(), &found);
    if (m >= 0 && verbatim_record(d, d.mentions[m])) return std::nullopt;
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
  for (size_t c = 0, n = sv.toks.size(); c < n; ++c) {
    const CueMatch* found = cue_until(d, sv, c, n);
    if (!found || found->form == CueMatch::Form::kColon) continue;
    // "Asked whether Jakarta had been warned …, Wiratmoko smiled.": a
    // question put to the subject opens the sentence, and a passive verb of
    // telling has its listener for a subject; neither states anything.
    if (c == 0 && one_of(found->lemma, {"ask", "press", "question"})) continue;
    if (c > 0 && one_of(word(d, sv.toks[c - 1]), {"been", "being", "was", "were", "is", "are"}) &&
        one_of(found->lemma, {"warn", "tell", "ask", "inform", "assure", "remind", "advise"}))
      continue;
    CueMatch cue = *found;
    int m = speaker_of_cue(d, sv, c, sv.toks.size(), &cue);
    if (m >= 0) return make_claim(m, cue, "continuation", 0.5f);
  }
  return Claim{};
}

constexpr int kMaxIntroLookback = 2000;

// The person that sentence sv opens with, introduced there with an
// appositive ("NAME, 72,", "NAME, a farmer,") under a name the story has
// not used before; or -1.
int introduced_person(const Doc& d, const SentenceView& sv) {
  int m = sv.toks.empty() ? -1 : sv.mention_start_at[0];
  if (m < 0) return -1;
  const Mention& who = d.mentions[m].mention;
  if (who.type != Mention::Type::kPerson || who.tokens >= sv.toks.size() || !is_punct(d, sv.toks[who.tokens], ','))
    return -1;
  std::string_view name = d.text.substr(who.name.begin, who.name.size());
  std::string_view surname = name.substr(name.find_last_of(' ') + 1);
  // The last kMaxIntroLookback mentions: a document of many lone quotes
  // stays linear (a name used that long before is as good as new).
  for (int k = m > kMaxIntroLookback ? m - kMaxIntroLookback : 0; k < m; ++k) {
    const Mention& e = d.mentions[static_cast<size_t>(k)].mention;
    std::string_view t = d.text.substr(e.name.begin, e.name.size());
    if (t.size() >= surname.size() && t.substr(t.size() - surname.size()) == surname) return -1;
  }
  return m;
}

// The last quote before quote qi that has a speaker was a body's.
bool body_spoke_last(const Doc& d, size_t qi) {
  for (size_t k = qi; k-- > 0;) {
    int m = d.claims[k].mention;
    if (m < 0 && d.claims[k].inherit >= 0) m = d.claims[static_cast<size_t>(d.claims[k].inherit)].mention;
    if (m >= 0) return d.mentions[static_cast<size_t>(m)].mention.type == Mention::Type::kOrganization;
  }
  return false;
}

// Words of one speaker: "I" as a word ("I am", "I'm", "I.", "I?"), or "me"
// or "my" (a body says "we"). Not a Roman numeral after a capitalised word
// ("World War I veterans", "Elizabeth I,").
bool first_person_singular(std::string_view words) {
  auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  for (size_t p = 0; p < words.size(); ++p) {
    if (p > 0 && letter(words[p - 1])) continue;
    if ((words.compare(p, 2, "me") == 0 || words.compare(p, 2, "my") == 0) &&
        (p + 2 == words.size() || !letter(words[p + 2])))
      return true;
    if (words[p] != 'I' || (p + 1 < words.size() && letter(words[p + 1]))) continue;
    size_t b = p;  // the word before, if any: a capitalised one makes a numeral
    while (b > 0 && words[b - 1] == ' ') --b;
    size_t a = b;
    while (a > 0 && letter(words[a - 1])) --a;
    if (b < p && a < b && std::isupper(static_cast<unsigned char>(words[a])) && b == p - 1) continue;
    return true;
  }
  return false;
}

// “…” ¶ That is the advice of Dr Ines Varga, who …: a quote that is its
// whole paragraph, and a next paragraph that opens "That is (or was, or
// This is) the NOUN of" a mention (at most two words for the noun: "the
// blunt advice of"), or "The NOUN, from" one ("The line, from Ruiz-Fenn in
// the final minutes of the call, did little …"; "The NOUN came from",
// "belongs to", "That warning came from", "The words were those of"), the noun one of opinion or saying ("advice", "view",
// "line"; not "That is the home of NAME": data/lexicon/opinion_nouns.txt),
// or "So says" one. The mention is the quote's speaker; there is no cue
// but the inverted one of "So says".
std::optional<Claim> named_in_next_paragraph(const Doc& d, size_t si, size_t q) {
  static const grammar::WordList opinion_nouns(grammar::Lexicon::builtin().opinion_nouns);
  const SentenceView& sv = d.sentences[si];
  // A quote and a little punctuation: a longer sentence is no lone quote
  // (and the scan below stays short in a sentence of many quotes).
  bool lone = sv.toks.size() <= 4;
  for (size_t k = 0; lone && k < sv.toks.size(); ++k)
    if (k != q && sv.toks[k].kind != Token::Kind::kPunct) lone = false;
  // Otherwise only the last quote of a paragraph's last sentence, and only
  // "The words were those of NAME" (words are quoted ones): "Plans would turn
  // it into “a dust bowl”, an inquiry heard. ¶ The words were those of …".
  if (!lone) {
    if (sv.toks.size() > 80) return std::nullopt;
    for (size_t k = q + 1; k < sv.toks.size(); ++k)
      if (sv.toks[k].kind == Token::Kind::kQuote) return std::nullopt;
  }
  if (si + 1 >= d.sentences.size()) return std::nullopt;
  const SentenceView& next = d.sentences[si + 1];
  if (next.sentence.paragraph != sv.sentence.paragraph + 1 || next.toks.size() < 6) return std::nullopt;
  if (!lone) {
    if (!one_of(word(d, next.toks[0]), {"The", "Those"}) || !one_of(word(d, next.toks[1]), {"words", "remarks"}) ||
        !one_of(word(d, next.toks[2]), {"were", "are"}) || word(d, next.toks[3]) != "those" ||
        word(d, next.toks[4]) != "of" || next.mention_start_at[5] < 0 ||
        d.mentions[next.mention_start_at[5]].mention.type == Mention::Type::kPronoun)
      return std::nullopt;
    return make_claim(next.mention_start_at[5], std::nullopt, "named_next_paragraph", 0.5f);
  }
  auto named = [&](int m, std::optional<CueMatch> cue) -> std::optional<Claim> {
    if (m < 0 || d.mentions[m].mention.type == Mention::Type::kPronoun) return std::nullopt;
    return make_claim(m, cue, "named_next_paragraph", 0.6f);
  };
  // "So says NAME, who …": the inverted cue is the quote's.
  if (word(d, next.toks[0]) == "So" && next.cue_at[1] && next.cue_at[1]->form == CueMatch::Form::kFinite)
    return named(next.mention_start_at[2], next.cue_at[1]);
  // "The line, from NAME in the final minutes of the call, did little …",
  // "The warning came not from a student but from NAME", "The line belongs
  // to NAME".
  if (one_of(word(d, next.toks[0]), {"The", "That", "Those"}) && opinion_nouns.contains(word(d, next.toks[1]))) {
    size_t k = is_punct(d, next.toks[2], ',') ? 3 : 2;
    std::string_view verb = word(d, next.toks[k]);
    if (one_of(verb, {"belongs", "belonged"}) && word(d, next.toks[k + 1]) == "to")
      return named(next.mention_start_at[k + 2], std::nullopt);
    // "The words were those of NAME", "That view is that of NAME".
    if (k + 3 < next.toks.size() && one_of(verb, {"is", "was", "are", "were"}) &&
        one_of(word(d, next.toks[k + 1]), {"that", "those"}) && word(d, next.toks[k + 2]) == "of")
      return named(next.mention_start_at[k + 3], std::nullopt);
    if (one_of(verb, {"came", "comes"})) {
      // "came from NAME", or "came not from X but from NAME"; not "came as
      // figures from the Treasury showed".
      size_t from = k + 1;
      if (word(d, next.toks[from]) == "not") {  // on to the "but"
        size_t but = from + 1;
        while (but < next.toks.size() && but < k + 8 && word(d, next.toks[but]) != "but") ++but;
        from = but + 1;
      }
      if (from + 1 >= next.toks.size() || word(d, next.toks[from]) != "from") return std::nullopt;
      return named(next.mention_start_at[from + 1], std::nullopt);
    }
    return verb == "from" ? named(next.mention_start_at[k + 1], std::nullopt) : std::nullopt;
  }
  // “We do not yet know why …. I am not going to speculate.” ¶ Pieter van
  // der Linde, Brakel’s chief executive, had flown in …: one person's words,
  // and the next paragraph opens with a person it introduces.
  // Only after a body spoke last: a person's lone quote goes on with them.
  auto qi = static_cast<size_t>(sv.toks[q].quote);
  const grammar::Quote& quote = d.scan.quotes[qi];
  if (first_person_singular(d.text.substr(quote.inner.begin, quote.inner.size())) && body_spoke_last(d, qi))
    if (int m = introduced_person(d, next); m >= 0) return make_claim(m, std::nullopt, "named_next_paragraph", 0.5f);
  if (!one_of(word(d, next.toks[0]), {"That", "This"}) || !one_of(word(d, next.toks[1]), {"is", "was"}) ||
      word(d, next.toks[2]) != "the")
    return std::nullopt;
  for (size_t k = 3; k < 6 && k + 1 < next.toks.size(); ++k) {
    if (!is_lower_word(d, next.toks[k])) return std::nullopt;
    if (word(d, next.toks[k]) != "of") continue;
    if (!opinion_nouns.contains(word(d, next.toks[k - 1]))) return std::nullopt;
    int m = next.mention_start_at[k + 1];
    if (m < 0 || d.mentions[m].mention.type == Mention::Type::kPronoun) return std::nullopt;
    return make_claim(m, std::nullopt, "named_next_paragraph", 0.6f);
  }
  return std::nullopt;
}

// “Politicians fight over papers ….” Opanin Kwame Boadu, 72, has voted in
// every election since 1979 and says he will …: a quote that is its whole
// sentence and opens its paragraph, and the next sentence opens with a person
// introduced there with an appositive, who speaks in it. That person is the
// quote's speaker, with no cue.
std::optional<Claim> speaker_opens_next(const Doc& d, size_t si, size_t q) {
  const SentenceView& sv = d.sentences[si];
  for (size_t k = 0; k < sv.toks.size(); ++k)
    if (k != q && sv.toks[k].kind != Token::Kind::kPunct) return std::nullopt;
  // The quote opens its paragraph: after "Smith said the plan was working."
  // a lone quote goes on with Smith.
  if (si > 0 && d.sentences[si - 1].sentence.paragraph == sv.sentence.paragraph) return std::nullopt;
  if (si + 1 >= d.sentences.size()) return std::nullopt;
  const SentenceView& next = d.sentences[si + 1];
  if (next.sentence.paragraph != sv.sentence.paragraph || next.toks.empty())
    return std::nullopt;
  int m = introduced_person(d, next);
  if (m < 0) return std::nullopt;
  Claim statement = statement_of(d, next);
  if (statement.mention != m) return std::nullopt;
  return make_claim(m, std::nullopt, "speaker_after", 0.5f);
}

// Mention m is a text that speaks ("An early tweet", "the report"): its
// last word is a doc noun of data/lexicon/roles.txt.
bool text_mention(const Doc& d, int m) {
  if (m < 0 || d.mentions[m].mention.type != Mention::Type::kRole) return false;
  const grammar::Range& r = d.mentions[m].mention.range;
  std::string_view t = d.text.substr(r.begin, r.size());
  std::string_view last = t.substr(t.find_last_of(' ') == std::string_view::npos ? 0 : t.find_last_of(' ') + 1);
  for (const grammar::RoleNoun& n : grammar::Lexicon::builtin().roles)
    if (n.type == grammar::RoleNoun::Type::kDoc && n.noun == last) return true;
  return false;
}

// "X quoted Y as saying “…”", "Y was quoted by X as saying …": the cue is
// "quoted", which PolNeAR marks, not the "saying" it governs. Moves *cue
// to the "quoted" up to eight tokens before "as saying", within the clause,
// and *speaker to Y, the person or body whose words a newspaper or agency
// reports ("the daily X quoted an unnamed diplomat as saying"); a text
// that quotes someone stays the source, as PolNeAR marks it ("An early
// tweet quoted the president as saying").
void quoted_as_saying(const Doc& d, const SentenceView& sv, CueMatch* cue, int* speaker) {
  if (cue->lemma != "say" || d.text.substr(cue->range.begin, cue->range.size()) != "saying") return;
  // The cue's token, by its offset (tokens are in text order); a cue in
  // another sentence has none here.
  auto at = std::lower_bound(sv.toks.begin(), sv.toks.end(), cue->range.begin,
                             [](const Token& t, uint32_t b) { return t.range.begin < b; });
  if (at == sv.toks.end() || at->range.begin != cue->range.begin) return;
  auto c = static_cast<size_t>(at - sv.toks.begin());
  if (c < 2 || word(d, sv.toks[c - 1]) != "as") return;
  for (size_t k = c - 1, back = 0; k-- > 0 && back < 8; ++back) {
    const Token& t = sv.toks[k];
    if (t.kind == Token::Kind::kQuote || (t.kind == Token::Kind::kPunct && !is_punct(d, t, ','))) return;
    if (!one_of(word(d, t), {"quoted", "quotes", "quoting"})) continue;
    cue->range = t.range;
    cue->lemma = "quote";
    cue->tokens = 1;
    cue->form = CueMatch::Form::kFinite;
    if (k + 1 < c - 1 && sv.mention_start_at[k + 1] >= 0 && !text_mention(d, *speaker))
      *speaker = sv.mention_start_at[k + 1];
    return;
  }
}

}  // namespace

void claim_sentence(Doc& d, size_t si) {
  const SentenceView& sv = d.sentences[si];
  d.statements[si] = statement_of(d, sv);
  int previous = -1;  // last attributed quote in this sentence
  for (size_t q = 0, n = sv.toks.size(); q < n; ++q) {  // n: the loop calls out, so size() is not hoisted
    if (sv.toks[q].kind != Token::Kind::kQuote) continue;
    size_t qi = static_cast<size_t>(sv.toks[q].quote);
    std::optional<Claim> c = according_to_after(d, sv, q);
    if (!c) c = post_quote(d, sv, q);
    if (!c) c = pre_cue(d, sv, q);
    if (!c) c = later_cue(d, sv, q);
    if (!c) c = post_quote_next(d, si, q);
    if (!c) c = named_in_next_paragraph(d, si, q);
    if (!c) c = speaker_opens_next(d, si, q);
    if (!c && previous >= 0) {  // “Q1,” he said, “Q2.”
      c = Claim{};
      c->inherit = previous;
      c->cue = d.claims[previous].cue;
      c->rule = "same_sentence";
      c->confidence = 0.75f;
    }
    if (!c && starts_sentence(d, sv, q)) c = colon_before(d, si);
    if (c && c->cue) quoted_as_saying(d, sv, &*c->cue, &c->mention);
    if (c) {
      d.claims[qi] = *c;
      previous = static_cast<int>(qi);
    }
  }
}

}  // namespace quotient::attribution_detail
