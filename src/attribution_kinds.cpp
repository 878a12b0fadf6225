// Quote kinds: titles ("the documentary “The A Word”"), scare quotes and
// speech, for quotes no frame attributed (and titles even where one did).
#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

#include "attribution_stages.hpp"
#include "grammar.hpp"
#include "lexicon.hpp"

namespace quotient::attribution_detail {
namespace {

using grammar::Token;

// Lower-case words that may stand between a possessive name and a title.
constexpr size_t kMaxTitleModifiers = 2;
// Tokens back from a quote in apposition to the title noun heading the noun
// phrase before it ("a review into last year's floods on the NSW Mid North
// Coast, “…”": 11).
constexpr size_t kMaxAppositionReach = 14;

// Title nouns (data/lexicon/title_nouns.txt): 'The A Word' after
// "documentary," is a title, not speech.
bool title_noun(std::string_view w) {
  static const grammar::WordList nouns(grammar::Lexicon::builtin().title_nouns);
  return nouns.contains(w);
}

bool title_case(std::string_view s);  // defined below

// The comma that sets off an appositive after the quote at token q: inside
// its marks ("“Salt Year,” her first album"; the quote token itself) or
// right after them; SIZE_MAX if none.
size_t comma_after(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner) {
  if (!inner.empty() && inner.back() == ',') return q;
  return q + 1 < sv.toks.size() && is_punct(d, sv.toks[q + 1], ',') ? q + 1 : SIZE_MAX;
}

// "the documentary 'The A Word'" or "“The Drowning Coast”, a documentary": a
// title noun just before the quote (no cue between), or in an appositive
// right after it (the comma may stand inside the marks: "“Salt Year,” her
// first album"). Or a title-case quote is itself an appositive, set off by
// commas after a noun phrase that a title noun heads ("an independent review
// into last year's floods on the coast, “Ten Minutes Too Late”, which
// found"), with no cue, quote or punctuation but an apostrophe between, and
// no speaker and cue right after it ("…, “Absolutely Not,” Ms Holt said").
// A word that may stand right before a noun: a possessive ("company’s")
// or a lower-case word that is no modal, particle or adverb.
bool modifies_noun(const Doc& d, const Token& t) {
  std::string_view w = word(d, t);
  if (t.kind != Token::Kind::kWord) return false;
  if (possessive(w)) return true;
  if (!is_lower_word(d, t) || (w.size() > 2 && w.substr(w.size() - 2) == "ly")) return false;
  return !one_of(w, {"would", "will", "can", "could", "should", "may", "might", "must", "to", "did", "does", "do",
                     "later", "then", "also", "again", "now", "once", "soon", "never", "not", "and", "or", "who",
                     "which", "that"});
}

bool after_title_noun(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner) {
  size_t floor = q > 4 ? q - 4 : 0;
  for (size_t k = q; k-- > floor;) {
    // "the company’s environmental report, “…”": a title noun the cue
    // grammar read as a verb is a noun after an adjective or a possessive;
    // not after a mention ("the ministry reported “…”"), a modal or an
    // adverb ("as the chief executive would later report, “…”").
    bool noun = sv.toks[k].kind == Token::Kind::kWord && title_noun(word(d, sv.toks[k]));
    if (noun && (!sv.cue_at[k] || (k > 0 && sv.mention_end_at[k - 1] < 0 && modifies_noun(d, sv.toks[k - 1]))))
      return true;
    if (sv.cue_at[k]) break;
  }
  size_t k = comma_after(d, sv, q, inner);
  if (k == SIZE_MAX) return false;
  // "“…,” a study of … found" names it, "“…,” the paper said" and "“…,” a
  // leaflet circulated on Monday stated" quote it, "“…,” a paper describing
  // …" names it (a participle is no verb of its).
  for (size_t j = k + 1; j < sv.toks.size() && j < k + 4; ++j)
    if (sv.toks[j].kind == Token::Kind::kWord && title_noun(word(d, sv.toks[j]))) {
      // Not past a relative clause's subject: "“…,” a report the ministry
      // said would be published" names it.
      for (size_t e = j + 1; e < sv.toks.size() && e < j + 8 && sv.toks[e].kind == Token::Kind::kWord &&
                             !grammar::is_determiner(word(d, sv.toks[e])) && sv.mention_start_at[e] < 0;
           ++e)
        if (sv.cue_at[e] && sv.cue_at[e]->form == grammar::CueMatch::Form::kFinite) return false;
      return true;
    }
  if (q == 0 || !is_punct(d, sv.toks[q - 1], ',') || !title_case(inner)) return false;
  // "…, “Absolutely Not,” Ms Holt said": a speaker and cue after the quote.
  for (size_t j = k + 1, mention = 0; j < sv.toks.size() && j < k + 6; ++j) {
    if (sv.cue_at[j] && (mention || (j + 1 < sv.toks.size() && sv.mention_start_at[j + 1] >= 0))) return false;
    if (sv.mention_start_at[j] >= 0) mention = 1;
    if (sv.toks[j].kind != Token::Kind::kWord) break;
  }
  for (size_t j = q - 1, stop = q > kMaxAppositionReach ? q - kMaxAppositionReach : 0; j-- > stop;) {
    const Token& t = sv.toks[j];
    if (t.kind == Token::Kind::kQuote || sv.cue_at[j] || (t.kind == Token::Kind::kPunct && !is_punct(d, t, '\''))) return false;
    if (t.kind == Token::Kind::kWord && title_noun(word(d, t))) return true;
  }
  return false;
}

// "The A Word", "Gone With the Wind", "Make Your Kid a Millionaire,": two or
// more words, the significant ones capitalised; a final comma or period
// (American style puts them inside the marks) is allowed.

bool title_case(std::string_view s) {
  s = without_final_stops(s);
  size_t words = 0, caps = 0, small = 0;
  // Word by word (split at spaces), stopping at the first word that rules
  // title case out: most quotes are sentences, ruled out in a word or two.
  for (size_t p = 0; p < s.size();) {
    if (s[p] == ' ') {
      ++p;
      continue;
    }
    std::string_view w = s.substr(p, s.find(' ', p) - p);
    p += w.size();
    ++words;
    bool cap = (w[0] >= 'A' && w[0] <= 'Z') || (w[0] >= '0' && w[0] <= '9');
    if (cap) ++caps;
    else if (small_title_word(w))
      ++small;
    else
      return false;
    // A question may end a title ("Senzeni Na?"), not a word inside it; an
    // exclamation is a chant ("a chant of “Feel the Bern!”", PolNeAR).
    if (w.back() == '.' || w.back() == ',' || w.back() == '!' || (w.back() == '?' && p < s.size())) return false;
  }
  // "State of the Union": the small words do not count against it.
  return words >= 2 && caps >= 2 && caps * 3 >= (words - small) * 2;
}

bool preposition(std::string_view w) {
  return one_of(w, {"of", "on", "in", "at", "to", "for", "with", "by", "from", "about", "into", "than", "as"});
}

// MSNBC’s “Morning Joe”, Fox News's "Fox and Friends": a possessive name
// right before the quote, or with at most two lower-case modifiers and
// their commas between ("Corrigan’s later, better-known “Bitter Harvest”",
// "ESPN's marquee “Sunday Night Baseball”").
bool after_possessive_name(const Doc& d, const SentenceView& sv, size_t q) {
  size_t modifiers = 0;
  for (size_t k = q; k-- > 0 && k + kMaxTitleModifiers + 2 >= q;) {
    if (is_punct(d, sv.toks[k], ',') && k + 1 < q) continue;
    if (sv.toks[k].kind != Token::Kind::kWord) return false;
    std::string_view w = word(d, sv.toks[k]);
    if (possessive(w)) return std::isupper(static_cast<unsigned char>(w[0]));
    // Not across a preposition: "the Post's project on “Women in Power,”".
    if (!is_lower_word(d, sv.toks[k]) || sv.cue_at[k] || preposition(w) || ++modifiers > kMaxTitleModifiers)
      return false;
  }
  return false;
}

// "The department's “Beat the Bite” page", "the “Safe Streets” scheme", "a
// Level 3 “Go Now” order": a title-case quote between a determiner or a
// possessive (perhaps past up to two capitalised or number modifiers after
// the determiner) and a noun that heads a named thing (a campaign, a page,
// an order: data/lexicon/thing_nouns.txt) is that thing's name.
bool names_a_thing(const Doc& d, const SentenceView& sv, size_t q) {
  static const grammar::WordList nouns(grammar::Lexicon::builtin().thing_nouns);
  if (q == 0 || q + 1 >= sv.toks.size()) return false;
  auto opens = [&](size_t k, bool possessive_ok) {
    if (sv.toks[k].kind != Token::Kind::kWord) return false;
    std::string_view w = word(d, sv.toks[k]);
    return (possessive_ok && possessive(w)) || one_of(w, {"the", "The", "a", "an", "A", "An", "its", "their", "his", "her", "our"});
  };
  // "a Level 3 “Go Now” order": up to two capitalised or number modifiers
  // may stand between a determiner and the quote.
  bool opened = opens(q - 1, true);
  for (size_t k = q - 1, modifiers = 0; !opened && k > 0 && modifiers < kMaxTitleModifiers; --k, ++modifiers) {
    if (sv.toks[k].kind != Token::Kind::kWord || is_lower_word(d, sv.toks[k])) return false;
    opened = opens(k - 1, false);
  }
  if (!opened) return false;
  const Token& next = sv.toks[q + 1];
  return is_lower_word(d, next) && !sv.cue_at[q + 1] && nouns.contains(word(d, next));
}

// "“Northstar,” the AI assistant Veridane launched in May": a name (one
// capitalised word, or title case) in apposition to a noun phrase headed by
// a named thing's noun (thing_nouns.txt: an app, an assistant, a vaccine)
// within three words, with no cue after the noun, names that thing.
bool thing_in_apposition(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner) {
  static const grammar::WordList nouns(grammar::Lexicon::builtin().thing_nouns);
  size_t k = comma_after(d, sv, q, inner);
  if (k == SIZE_MAX || k + 1 >= sv.toks.size() ||
      !one_of(word(d, sv.toks[k + 1]), {"the", "a", "an", "its", "their", "our"}))
    return false;
  // The noun ends its phrase ("the drug company said" speaks): the end, a
  // capitalised word, or a relative clause's first word follows.
  auto phrase_ends_before = [&](size_t e) {
    if (e >= sv.toks.size()) return true;
    if (sv.cue_at[e]) return false;
    std::string_view w = word(d, sv.toks[e]);
    return !is_lower_word(d, sv.toks[e]) || grammar::is_determiner(w) || one_of(w, {"that", "which", "it", "we", "they"});
  };
  for (size_t j = k + 2; j < sv.toks.size() && j < k + 5 && sv.toks[j].kind == Token::Kind::kWord; ++j)
    if (nouns.contains(word(d, sv.toks[j])))
      return phrase_ends_before(j + 1) && (name_like(without_final_stops(inner)) || title_case(inner));
  return false;
}

// BROADWAY BEAT—“Sam Mendes leaves the show” by Times' Jane Doe: a headline
// with its byline, opening its sentence or after a dash or colon.
bool bylined(const Doc& d, const SentenceView& sv, size_t q) {
  size_t n = sv.toks.size();
  if (q + 2 >= n || word(d, sv.toks[q + 1]) != "by" || sv.toks[q + 2].kind != Token::Kind::kWord) return false;
  if (!std::isupper(static_cast<unsigned char>(word(d, sv.toks[q + 2])[0]))) return false;
  return q == 0 || is_dash(d, sv.toks[q - 1]) || is_punct(d, sv.toks[q - 1], ':');
}

// "the author of “Hacked World Order”", "told “Fox and Friends”", "in an
// interview with “Fox News Sunday”", "a raid codenamed “Night Owl”", "the
// cast singing ‘Fear a’ Bhàta’": a title-case quote right after these words
// names a work, a programme, an operation or a song (words that end in a
// full stop are sung: "singing “It's Our Time.”" PolNeAR quotes). (Not "on": PolNeAR marks "a boss on “The Apprentice”" as
// content as often as not; not "dubbed" or "nicknamed", whose nicknames it
// quotes as the speaker's words.)
bool after_show_word(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner) {
  if (q == 0 || sv.toks[q - 1].kind != Token::Kind::kWord) return false;
  std::string_view w = word(d, sv.toks[q - 1]);
  if (one_of(w, {"of", "told", "with", "codenamed"})) return true;
  if (one_of(w, {"sang", "sing", "sings", "singing", "sung"})) return inner.empty() || inner.back() != '.';
  // "The inquiry has been named “Operation Beacon”.": a name that closes its
  // sentence ("was named “The Morning Show,” with …" PolNeAR quotes).
  return w == "named" && (q + 1 == sv.toks.size() || is_punct(d, sv.toks[q + 1], '.'));
}

// "She starred in “The Crown”", "has appeared in “Hamlet,”": a name (one
// capitalised word, or title case) after "in" and a verb of acting is the
// work acted in.
bool after_acting_verb(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner) {
  if (q < 2 || word(d, sv.toks[q - 1]) != "in" || !name_like(without_final_stops(inner))) return false;
  return one_of(word(d, sv.toks[q - 2]), {"starred", "starring", "stars", "appeared", "appearing", "appears", "acted",
                                          "acting", "featured", "featuring", "performed", "cast"});
}

// "Cargo ship ‘Kestrel Dawn’ runs aground", "the tanker, “Northern Star”,":
// a name right after a vessel's noun (perhaps past a comma) is the vessel's.
// Not further back ("the trawler was “Going Down Fast”" is speech), nor
// after a speech verb.
bool after_vessel_noun(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner) {
  if (q == 0 || !name_like(without_final_stops(inner))) return false;
  size_t k = q - 1;
  if (k > 0 && is_punct(d, sv.toks[k], ',')) --k;
  if (!one_of(word(d, sv.toks[k]), {"ship", "vessel", "tanker", "freighter", "trawler", "ferry", "yacht"})) return false;
  // Not what someone calls the vessel: "He called the ship “A Floating Disaster”".
  for (size_t j = k > 3 ? k - 3 : 0; j < k; ++j)
    if (sv.cue_at[j]) return false;
  return true;
}

// "a study titled “Later Bells, Longer Nights”": whatever its case. After
// "headed" ("a note to clients headed “…”"), one that opens with a capital
// or a digit: "is headed “for a hard landing”" is a way, not a heading.
bool after_naming_word(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner) {
  if (q == 0 || sv.toks[q - 1].kind != Token::Kind::kWord) return false;
  std::string_view w = word(d, sv.toks[q - 1]);
  if (w == "headed")
    return !inner.empty() && !std::islower(static_cast<unsigned char>(inner[0]));
  return naming_word(w);
}

// "Lumen", "Bitter Harvest,": every word capitalised (a final comma or
// period allowed).
bool all_capitalised(std::string_view s) {
  s = without_final_stops(s);
  bool ok = !s.empty();
  each_word(s, [&](std::string_view w, bool) { ok = ok && std::isupper(static_cast<unsigned char>(w[0])); });
  return ok;
}

// "The headset, called “Lumen,” goes on sale", "a play called “Dust”", "a
// 1951 booklet called “The Tuner’s Ear,”": a capitalised quote after
// "called" used as a participle, after a comma or a noun with its article
// (perhaps past a number or two: a year, an edition), is a name. (Not "what
// he called “Fake News”" nor "called it “Orwellian”", where someone calls
// something that.)
bool after_naming_participle(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner) {
  if (q < 2 || word(d, sv.toks[q - 1]) != "called" || !all_capitalised(inner)) return false;
  if (is_punct(d, sv.toks[q - 2], ',')) return true;
  if (q < 3 || !is_lower_word(d, sv.toks[q - 2]) || sv.cue_at[q - 2]) return false;
  auto number = [&](size_t k) { return std::isdigit(static_cast<unsigned char>(d.text[sv.toks[k].range.begin])); };
  size_t k = q - 3;
  for (size_t numbers = 0; k > 0 && numbers < 2 && number(k); ++numbers) --k;
  return one_of(word(d, sv.toks[k]), {"a", "an", "the", "its", "his", "her", "their", "A", "An", "The"});
}

}  // namespace

std::string_view without_final_stops(std::string_view inner) {
  while (!inner.empty() && (inner.back() == ',' || inner.back() == '.')) inner.remove_suffix(1);
  return inner;
}

bool heading_like(std::string_view inner) {
  if (inner.empty() || inner.size() > kMaxHeading + 1 || !std::isupper(static_cast<unsigned char>(inner[0])))
    return false;
  inner = without_final_stops(inner);
  // Every word capitalised but the small ones; a question or an exclamation
  // may end it ("Who Killed the Weather?").
  for (size_t p = 0; p < inner.size(); p = inner.find(' ', p)) {
    while (p < inner.size() && inner[p] == ' ') ++p;
    if (p >= inner.size()) break;
    std::string_view w = inner.substr(p, inner.find(' ', p) - p);
    bool cap = (w[0] >= 'A' && w[0] <= 'Z') || (w[0] >= '0' && w[0] <= '9');
    if (!cap && !small_title_word(w)) return false;
  }
  return true;
}

std::unordered_set<std::string_view> heading_lines(const Doc& d) {
  std::unordered_set<std::string_view> out;
  // A sentence that is a whole line, but for spaces or tabs around it: the
  // splitter has found the lines already, and most sentences are longer
  // than a heading.
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  for (const SentenceView& sv : d.sentences) {
    const grammar::Range r = sv.sentence.range;
    if (r.size() > kMaxHeading + 1) continue;
    size_t b = r.begin, e = r.end;
    while (b > 0 && blank(d.text[b - 1])) --b;
    while (e < d.text.size() && blank(d.text[e])) ++e;
    bool starts_line = b == 0 || d.text[b - 1] == '\n';
    bool ends_line = e == d.text.size() || d.text[e] == '\n' || d.text[e] == '\r';
    std::string_view line = d.text.substr(r.begin, r.size());
    if (starts_line && ends_line && heading_like(line)) out.insert(without_final_stops(line));
  }
  return out;
}

bool nickname(const Doc& d, const SentenceView& sv, size_t q) {
  // "who has been known since the 1980s simply as “Tião,”": the name a
  // person is known by (a name: capitalised, at most two words).
  if (q >= 2 && word(d, sv.toks[q - 1]) == "as") {
    const grammar::Quote& quote = d.scan.quotes[static_cast<size_t>(sv.toks[q].quote)];
    std::string_view inner = without_final_stops(d.text.substr(quote.inner.begin, quote.inner.size()));
    for (size_t k = q - 1; k-- > 0 && k + 6 >= q;)
      if (word(d, sv.toks[k]) == "known")
        return name_like(inner) && std::count(inner.begin(), inner.end(), ' ') <= 1;
  }
  if (q == 0 || q + 1 >= sv.toks.size() || !capitalised(d, sv.toks[q - 1]) || !capitalised(d, sv.toks[q + 1]))
    return false;
  // Not a show between its network and a day: told ABC "This Week" Sunday,
  // Fox News "Hannity" Tuesday.
  std::string_view before = word(d, sv.toks[q - 1]);
  if ((before.size() > 1 && std::isupper(static_cast<unsigned char>(before[1]))) ||
      grammar::is_stopword(word(d, sv.toks[q + 1])))
    return false;
  const grammar::Quote& quote = d.scan.quotes[static_cast<size_t>(sv.toks[q].quote)];
  std::string_view inner = d.text.substr(quote.inner.begin, quote.inner.size());
  if (inner.empty() || !(std::isupper(static_cast<unsigned char>(inner[0])) || (inner[0] & 0x80))) return false;
  size_t words = 1;
  for (char ch : inner) {  // letters (any byte of a UTF-8 letter), '-' and '\''
    if (ch == ' ') ++words;
    else if (!std::isalpha(static_cast<unsigned char>(ch)) && !(ch & 0x80) && ch != '-' && ch != '\'') return false;
  }
  return words <= 2;
}

bool name_like(std::string_view inner) {
  // "‘Shame!’" is a cry, "‘Orbital’" a name.
  bool one_word = !inner.empty() && inner.find(' ') == std::string_view::npos &&
                  std::isalnum(static_cast<unsigned char>(inner.back()));
  return title_case(inner) || (one_word && ((inner[0] >= 'A' && inner[0] <= 'Z') || (inner[0] >= '0' && inner[0] <= '9')));
}

// 'told ABC "This Week" Sunday', 'told Fox News "Hannity" Tuesday': a name
// between a network (a word in capitals, or "News") and the day the show
// aired. Not 'called Biden "Sleepy Joe" Tuesday'.
bool show_on_network(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner) {
  if (q == 0 || q + 1 >= sv.toks.size() || !weekday(word(d, sv.toks[q + 1])) || !name_like(inner)) return false;
  std::string_view w = word(d, sv.toks[q - 1]);
  bool capitals = sv.toks[q - 1].kind == Token::Kind::kWord && w.size() >= 2 &&
                  std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return capitals || w == "News";
}

bool clearly_title(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner) {
  return (title_case(inner) && (after_title_noun(d, sv, q, inner) || after_possessive_name(d, sv, q) ||
                                 after_show_word(d, sv, q, inner) || names_a_thing(d, sv, q))) ||
         show_on_network(d, sv, q, inner) || thing_in_apposition(d, sv, q, inner) ||
         bylined(d, sv, q) || after_naming_word(d, sv, q, inner) || after_naming_participle(d, sv, q, inner) ||
         after_acting_verb(d, sv, q, inner) || after_vessel_noun(d, sv, q, inner);
}

namespace {

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

// A title opens with a capital or a digit: "the report that “the science is
// unsettled”" (the verb "report") or "events to show that “…”" quote words.
bool may_be_title(std::string_view inner) {
  return !inner.empty() && !std::islower(static_cast<unsigned char>(inner[0]));
}

// “Go back home,” the man shouted …: a quote that opens its sentence and ends
// in a comma inside its marks is an utterance the words after it attribute,
// even where no frame could read them; a title-case run ("“Hawaii Five-0,”
// the series …") stays a name.
bool opens_utterance(const SentenceView& sv, size_t q, std::string_view inner) {
  if (inner.empty() || inner.back() != ',' || word_count(inner) < 2 || title_case(inner)) return false;
  for (size_t k = 0; k < q; ++k)
    if (sv.toks[k].kind != Token::Kind::kPunct) return false;
  return true;
}

}  // namespace

bool quoted_phrase(std::string_view inner) { return word_count(inner) >= 2 && !title_case(inner); }

bool small_title_word(std::string_view w) {
  return one_of(w, {"a", "an", "the", "of", "and", "in", "on", "to", "for", "with", "at", "or", "by"}) ||
         (w.size() == 4 && (w[0] == 'a' || w[0] == 'o') && w.substr(1) == "\xE2\x80\x99");
}

QuoteKind kind_without_claim(const Doc& d, const SentenceView& sv, size_t q, std::string_view inner) {
  if (may_be_title(inner) && after_title_noun(d, sv, q, inner)) return QuoteKind::kTitle;
  return scare_like(inner) && !opens_utterance(sv, q, inner) ? QuoteKind::kScare : QuoteKind::kSpeech;
}

}  // namespace quotient::attribution_detail
