// match_cue() and match_mention(): run the X3 rules at a token and map the
// match back to tokens.
#include <algorithm>
#include <array>
#include <cstdint>

#include "bytes.hpp"
#include "grammar.hpp"
#include "mention.hpp"

namespace quotient::grammar {
namespace {

using parser::iterator_type;
namespace x3 = parser::x3;

// Where parsing from tokens[i] may go: up to the next quote or the end.
iterator_type limit_of(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  return text.data() + tokens[i].run_end;
}

// Number of tokens from i whose begin lies before `end`.
uint16_t tokens_until(const std::vector<Token>& tokens, size_t i, uint32_t end) {
  size_t k = i;
  while (k < tokens.size() && tokens[k].range.begin < end) ++k;
  return static_cast<uint16_t>(k - i);
}

template <typename Rule, typename Attr>
bool try_rule(std::string_view text, iterator_type first, iterator_type last, const Rule& rule,
              Attr& attr, uint32_t* end) {
  iterator_type it = first;
  if (!x3::parse(it, last, rule, attr)) return false;
  *end = static_cast<uint32_t>(it - text.data());
  return true;
}

// "Mr President", "Madam Speaker": an office's holder addressed by the
// office, a role, not a person called "President". Only these offices:
// "Ms Judge", "Ms Bishop" and "Mr King" keep their names.
bool office_alone(std::string_view name) {
  for (std::string_view office : {"President", "President-elect", "Vice-President", "Speaker", "Chair", "Chairman",
                                  "Chairwoman", "Vice-Chair", "Mayor", "Secretary", "Minister", "Premier",
                                  "Vice-Premier", "Governor", "Ambassador", "Commissioner", "Chancellor"})
    if (name == office) return true;
  return false;
}

Mention make(const std::vector<Token>& tokens, size_t i, uint32_t end, Range name,
             Mention::Type type, Mention::Gender gender, bool titled) {
  Mention m;
  m.range = {tokens[i].range.begin, end};
  m.name = name;
  m.type = type;
  m.gender = gender;
  m.tokens = tokens_until(tokens, i, end);
  m.titled = titled;
  return m;
}

Range range_of(std::string_view text, const parser::text_range& r) {
  return {static_cast<uint32_t>(r.begin() - text.data()), static_cast<uint32_t>(r.end() - text.data())};
}


Mention::Type type_of(RoleNoun::Type t) {
  switch (t) {
    case RoleNoun::Type::kGroup: return Mention::Type::kGroup;
    case RoleNoun::Type::kOrg: return Mention::Type::kOrganization;
    default: return Mention::Type::kRole;
  }
}

}  // namespace

bool is_determiner(std::string_view w) {
  // Each starts with one of these letters, in either case (| 0x20 lower-cases
  // a capital; other bytes only fail the loop below).
  switch (w.empty() ? 0 : w[0] | 0x20) {
    case 'a': case 'h': case 'i': case 'm': case 'o': case 't': case 'y': break;
    default: return false;
  }
  for (std::string_view d : {"a", "an", "the", "his", "her", "its", "their", "our", "my", "your",
                             "this", "these", "those", "A", "An", "The", "His", "Her", "Its",
                             "Their", "Our", "This", "These", "Those"})
    if (w == d) return true;
  return false;
}

// the_org_rule opens with "the" or "The", `sp` (one or two spaces, taken
// greedily), then a name_seq, whose initial or cap_word starts with a
// capital (`upper`: A..Z, or a letter whose first byte is C3 or above).
// Most "the" phrases fail on that byte ("the new plan") without a parse.
bool parser::may_start_the_org(iterator_type first, iterator_type last) {
  if (!(last - first > 4 && (first[0] == 't' || first[0] == 'T') && first[1] == 'h' && first[2] == 'e'))
    return false;
  iterator_type p = first + 3;
  size_t a = bytes::space_at(p, last);
  if (a == 0) return false;
  p += a;
  p += bytes::space_at(p, last);
  if (p == last) return false;
  auto c = static_cast<unsigned char>(*p);
  return (c >= 'A' && c <= 'Z') || c >= 0xC3;
}

std::optional<CueMatch> match_cue(std::string_view text, const std::vector<Token>& tokens,
                                  size_t i) {
  const Token& tok = tokens[i];
  if (tok.kind == Token::Kind::kPunct && text[tok.range.begin] == ':') {
    if (i + 1 < tokens.size() && tokens[i + 1].kind == Token::Kind::kQuote)
      return CueMatch{tok.range, ":", 1, CueMatch::Form::kColon, false};
    return std::nullopt;
  }
  if (tok.kind != Token::Kind::kWord) return std::nullopt;
  std::string_view w = text.substr(tok.range.begin, tok.range.size());
  bool may = tok.may_start & kMayStartUnknown ? parser::may_start_cue(w) : (tok.may_start & kMayStartCue) != 0;
  if (!may) return std::nullopt;
  // "a report", "his comments", "the state": a determiner makes a noun.
  if (i > 0 && is_determiner(text.substr(tokens[i - 1].range.begin, tokens[i - 1].range.size())))
    return std::nullopt;
  parser::CueValue value;
  uint32_t end = 0;
  if (!try_rule(text, text.data() + tok.range.begin, limit_of(text, tokens, i), parser::cue_rule(),
                value, &end))
    return std::nullopt;
  const CueEntry& entry = Lexicon::builtin().cues[value.entry];
  // "hails from the Rust Belt": a birthplace, no praise.
  if (entry.lemma.size() == 4 && entry.lemma == "hail" && i + 1 < tokens.size() &&
      text.substr(tokens[i + 1].range.begin, tokens[i + 1].range.size()) == "from")
    return std::nullopt;
  // "reminded him of a third-world country": a likeness, no speech ("reminded
  // MPs that" is).
  if (entry.lemma.size() == 6 && entry.lemma == "remind")
    for (size_t k = i + 1; k < tokens.size() && k <= i + 3; ++k)
      if (text.substr(tokens[k].range.begin, tokens[k].range.size()) == "of") return std::nullopt;
  CueMatch cue;
  cue.range = {tok.range.begin, end};
  cue.lemma = entry.lemma;
  cue.tokens = tokens_until(tokens, i, end);
  cue.needs_as = entry.needs_as;
  cue.form = entry.speaker_follows ? CueMatch::Form::kPreposition
             : value.participle    ? CueMatch::Form::kParticiple
                                   : CueMatch::Form::kFinite;
  if (cue.form == CueMatch::Form::kFinite && i > 0 &&
      text.substr(tokens[i - 1].range.begin, tokens[i - 1].range.size()) == "to")
    cue.form = CueMatch::Form::kInfinitive;
  return cue;
}

namespace {

// A titled name's mention: a person, or the role of an office alone. Out
// of line, so match_mention, tried at every candidate word, keeps its
// registers.
[[gnu::noinline]] Mention titled_mention(std::string_view text, const std::vector<Token>& tokens, size_t i,
                                         uint32_t end, const parser::TitledName& titled) {
  Range name = range_of(text, titled.name);
  if (office_alone(text.substr(name.begin, name.size())))
    return make(tokens, i, end, {tokens[i].range.begin, end}, Mention::Type::kRole, titled.gender, true);
  return make(tokens, i, end, name, Mention::Type::kPerson, titled.gender, true);
}

// "In June Carter said", "since April Ruiz has": after a preposition or a
// time word, a month that is also a given name (token i) is the date's, not
// a name's.
[[gnu::noinline]] bool month_of_a_date(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  if (i == 0) return false;
  std::string_view before = text.substr(tokens[i - 1].range.begin, tokens[i - 1].range.size());
  for (std::string_view w : {"in", "In", "on", "since", "Since", "until", "Until", "till", "by", "By", "from",
                             "through", "during", "last", "next", "early", "Early", "late", "Late", "mid", "of",
                             "this", "This", "before", "Before", "after", "After", "between", "and", "or", "to",
                             "each", "every", "that"})
    if (before == w) return true;
  return false;
}

// "the Foreign Secretary Dominic Raab", "The Chinese President Xi Jinping":
// a titled name after a determiner (token i) is a person, not a body named
// "Foreign Secretary Dominic Raab", when it runs as far as the body's name
// (`org_end`), has two words or more, and does not end in a body's word
// ("the Senator John Heinz History Center", "the Queen Elizabeth Hospital").
// Tried only where the_org matched.
[[gnu::noinline]] std::optional<Mention> titled_after_determiner(std::string_view text,
                                                                 const std::vector<Token>& tokens, size_t i,
                                                                 uint32_t org_end) {
  if (i + 1 >= tokens.size() || tokens[i + 1].kind != Token::Kind::kWord) return std::nullopt;
  iterator_type first = text.data() + tokens[i + 1].range.begin, last = limit_of(text, tokens, i + 1);
  parser::TitledName titled;
  uint32_t end = 0;
  if (!parser::may_hold_honorific(first, last) ||
      !try_rule(text, first, last, parser::titled_name_rule(), titled, &end) || end < org_end)
    return std::nullopt;
  // A person's name here has two words or more ("the Admiral Duncan pub",
  // "the Bishop Auckland branch" are places).
  Range name = range_of(text, titled.name);
  std::string_view words = text.substr(name.begin, name.size());
  size_t space = words.rfind(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view final_word = words.substr(space + 1);
  for (const std::string& head : Lexicon::builtin().org_heads)
    if (final_word == head) return std::nullopt;
  return titled_mention(text, tokens, i, end, titled);
}

// "said He Lifeng", "spokesperson He Yadong", "scientist He Jiankui": a
// capitalised "He" after a lower-case word and before a capitalised one is
// the Chinese surname (the pronoun is capitalised only where a sentence or
// a quote starts). The name runs over up to two capitalised words after it.
[[gnu::noinline]] std::optional<Mention> he_surname_after_word(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  auto capital_word = [&](size_t k) {
    return k < tokens.size() && tokens[k].kind == Token::Kind::kWord && text[tokens[k].range.begin] >= 'A' &&
           text[tokens[k].range.begin] <= 'Z' && text[tokens[k].range.begin - 1] == ' ';
  };
  if (i == 0 || tokens[i - 1].kind != Token::Kind::kWord) return std::nullopt;
  char before = text[tokens[i - 1].range.begin];
  if (before < 'a' || before > 'z' || !capital_word(i + 1)) return std::nullopt;
  size_t k = i + 1;
  while (k + 1 < tokens.size() && k < i + 2 && capital_word(k + 1)) ++k;
  uint32_t end = tokens[k].range.end;
  return make(tokens, i, end, {tokens[i].range.begin, end}, Mention::Type::kPerson, Mention::Gender::kUnknown, false);
}

// "The prime minister of Britain and Emmanuel Macron": a person's role
// ends before "and" and a name of two words or more (role_tail joins them
// for a body: "the Department of Health and Social Care"). One word stays
// ("the foreign ministers of Amaria and Kelt"); so does a body's name
// after "the" ("a spokesman for the Department of Health and Social Care").
uint32_t before_joined_name(std::string_view text, uint32_t begin, uint32_t end) {
  std::string_view phrase = text.substr(begin, end - begin);
  size_t and_at = phrase.rfind(" and ");
  if (and_at == std::string_view::npos || phrase.find(' ', and_at + 5) == std::string_view::npos) return end;
  // Only in the tail ("Food and Drug Administration officials" keeps its
  // modifiers), and not after "the": "a spokesman for the Food and Drug
  // Administration" names a body there.
  std::string_view head = phrase.substr(0, and_at);
  size_t tail = std::string_view::npos;
  for (std::string_view p : {" of ", " for ", " at ", " from ", " by ", " in "})
    if (size_t at = head.find(p); at != std::string_view::npos && (tail == std::string_view::npos || at < tail))
      tail = at + p.size();
  if (tail == std::string_view::npos || head.substr(tail).rfind("the ", 0) == 0) return end;
  return begin + static_cast<uint32_t>(and_at);
}

// "The House of Representatives Committee on Works", "the Commission on
// Human Rights": a committee's name goes on past "on" over capitalised
// words (up to four, "and", "of", "the" or "&" between two of them). The
// end of the name, `end` when it does not end so.
uint32_t committee_on(std::string_view text, uint32_t end, uint32_t limit) {
  std::string_view before = text.substr(0, end);
  bool committee = false;
  for (std::string_view noun : {"Committee", "Subcommittee", "Commission", "Council", "Panel", "Conference",
                                "Task Force", "Caucus", "Tribunal"})
    committee |= before.size() > noun.size() && before.substr(before.size() - noun.size()) == noun &&
                 before[before.size() - noun.size() - 1] == ' ';
  if (!committee || text.substr(end, 4) != " on ") return end;
  auto capital = [&](uint32_t p) { return p < limit && text[p] >= 'A' && text[p] <= 'Z'; };
  auto word_end = [&](uint32_t p) {
    while (p < limit && text[p] != ' ' && text[p] != ',' && text[p] != '.' && text[p] != ';' && text[p] != ':' &&
           text[p] != '(' && text[p] != ')' && text[p] != '"' && static_cast<unsigned char>(text[p]) != 0xE2)
      ++p;
    return p;
  };
  uint32_t p = end + 4, last = end, name_end = end;
  for (int words = 0; words < 4 && capital(p); ++words) {
    uint32_t e = word_end(p);
    std::string_view w = text.substr(p, e - p);
    // Weekdays and months are no part of it: "on Tuesday".
    if (is_stopword(w) || w.find('\'') != std::string_view::npos || w.find("\xE2\x80\x99") != std::string_view::npos)
      break;
    last = e;
    if (e + 1 >= limit || text[e] != ' ') break;
    p = e + 1;
    uint32_t j = word_end(p);
    std::string_view joiner = text.substr(p, j - p);
    if ((joiner == "and" || joiner == "of" || joiner == "the" || joiner == "&") && j + 1 < limit && text[j] == ' ')
      p = j + 1;
  }
  // The name a committee works on ends like "Works", "Foreign Affairs",
  // "Standards", "Education", "Intelligence", "Security": not a place, a
  // platform or a day ("the Security Council on Ukraine", "on Capitol
  // Hill", "on Twitter", "on Christmas Eve").
  std::string_view final_word = text.substr(0, last);
  final_word = final_word.substr(final_word.rfind(' ') + 1);
  for (std::string_view ending : {"s", "tion", "ment", "ity", "ance", "ence", "ing", "ure", "ics"})
    if (final_word.size() > ending.size() + 2 && final_word.substr(final_word.size() - ending.size()) == ending)
      name_end = last;
  return name_end;
}

}  // namespace

std::optional<Mention> match_mention(std::string_view text, const std::vector<Token>& tokens,
                                     size_t i) {
  const Token& tok = tokens[i];
  if (tok.kind != Token::Kind::kWord) return std::nullopt;
  bool may = tok.may_start & kMayStartUnknown
                 ? parser::may_start_mention(text.substr(tok.range.begin, tok.range.size()))
                 : (tok.may_start & kMayStartMention) != 0;
  if (!may) return std::nullopt;
  iterator_type first = text.data() + tok.range.begin, last = limit_of(text, tokens, i);
  uint32_t end = 0;
  Mention::Gender gender{};
  if (*first == 'H' && tok.range.size() == 2 && first[1] == 'e')
    if (std::optional<Mention> name = he_surname_after_word(text, tokens, i)) return name;
  if (parser::may_start_pronoun(first, last) && try_rule(text, first, last, parser::pronoun_rule(), gender, &end)) {
    return make(tokens, i, end, {tok.range.begin, end}, Mention::Type::kPronoun, gender, false);
  }
  // "But", "Monday": many sentences open with a capitalised word that starts
  // no name, role or title (stop words are capitalised: lower-case words
  // skip the test).
  if ((tok.may_start & (kMayStartStop | kMayStartUnknown)) == kMayStartStop && *first >= 'A' && *first <= 'Z' &&
      parser::stop_word_blocks_mention(first, last))
    return std::nullopt;
  if ((*first == 'J' || *first == 'A') && parser::given_name_month(text.substr(tok.range.begin, tok.range.size())) &&
      month_of_a_date(text, tokens, i))
    return std::nullopt;
  RoleNoun::Type role{};
  parser::text_range name;
  parser::HeadScan heads = parser::scan_heads(first, last);
  if (heads.role_head &&
      try_rule(text, first, last, parser::role_phrase_rule(), role, &end)) {
    if (role != RoleNoun::Type::kOrg) end = before_joined_name(text, tok.range.begin, end);
    // "the Foreign Office" is a name, not a role phrase headed by "office",
    // and so is a name that runs past the role ("The Prime Minister's
    // Office"); a person's role ("The Minister", "The Prime Minister", "The
    // Opposition Leader") stays a role. (So do newspapers named with one:
    // "The Charlotte Observer" is typed a role; its name is right.)
    uint32_t org_end = 0;
    if (parser::may_start_the_org(first, last) && try_rule(text, first, last, parser::the_org_rule(), name, &org_end) &&
        org_end >= end &&
        (org_end > end || role != RoleNoun::Type::kRole)) {
      Range n = range_of(text, name);
      n.end = org_end = committee_on(text, org_end, static_cast<uint32_t>(last - text.data()));
      return make(tokens, i, org_end, n, Mention::Type::kOrganization, Mention::Gender::kNeuter, false);
    }
    return make(tokens, i, end, {tok.range.begin, end}, type_of(role),
                role == RoleNoun::Type::kGroup ? Mention::Gender::kPlural : Mention::Gender::kUnknown,
                false);
  }
  x3::unused_type none;
  bool det = heads.determiner ? *heads.determiner : parser::starts_with_determiner(first, last);
  if (det && parser::may_hold_title(first, last) &&
      try_rule(text, first, last, parser::the_title_rule(), none, &end))
    return make(tokens, i, end, {tok.range.begin, end}, Mention::Type::kRole,
                Mention::Gender::kUnknown, true);
  parser::TitledName titled;
  if (heads.honorific &&
      try_rule(text, first, last, parser::titled_name_rule(), titled, &end)) {
    return titled_mention(text, tokens, i, end, titled);
  }
  if (det && parser::may_start_the_org(first, last) && try_rule(text, first, last, parser::the_org_rule(), name, &end)) {
    if (std::optional<Mention> person = titled_after_determiner(text, tokens, i, end)) return person;
    Range n = range_of(text, name);
    n.end = end = committee_on(text, end, static_cast<uint32_t>(last - text.data()));
    return make(tokens, i, end, n, Mention::Type::kOrganization, Mention::Gender::kNeuter, false);
  }
  // A name starts with a capital (mention_def.hpp's `upper`: A..Z, or a
  // letter whose first byte is C3 or above).
  auto c = static_cast<unsigned char>(*first);
  if (((c >= 'A' && c <= 'Z') || c >= 0xC3) && try_rule(text, first, last, parser::plain_name_rule(), name, &end))
    return make(tokens, i, end, range_of(text, name), Mention::Type::kPerson,
                Mention::Gender::kUnknown, false);
  return std::nullopt;
}

bool is_stopword(std::string_view word) {
  return parser::stopword(word.data(), word.data() + word.size());
}

bool is_function_word(std::string_view word) {
  // The table matches whole words: "to" is not found in "town".
  return parser::is_function_word(word.data(), word.data() + word.size());
}

}  // namespace quotient::grammar
