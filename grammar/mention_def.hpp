// mention_def.hpp — definitions of the rules declared in mention.hpp.
// Included by mention.cpp only. The word tables are filled from the builtin
// lexicon (data/lexicon/) when the program starts.
#ifndef QUOTIENT_GRAMMAR_MENTION_DEF_HPP_
#define QUOTIENT_GRAMMAR_MENTION_DEF_HPP_

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "mention.hpp"
#include "word_table.hpp"

namespace quotient::grammar::parser {

template <typename T, typename F>
void add_all(WordTable<T>& table, const std::string& key, F value) {
  for (const std::string& v : case_variants(key)) table.add(v, T(value));
}

// The word lists, each matched with the end of the word after it
// (word_table.hpp: `symbols >> end_of_word`, over a hash table).
inline WordTable<Mention::Gender> honorific_words() {
  WordTable<Mention::Gender> t;
  for (const Honorific& h : Lexicon::builtin().honorifics) add_all(t, h.title, h.gender);
  return t;
}
inline WordTable<RoleNoun::Type> role_words() {
  WordTable<RoleNoun::Type> t;
  for (const RoleNoun& r : Lexicon::builtin().roles) add_all(t, r.noun, r.type);
  return t;
}
// The role nouns that are roles only right before "of".
inline WordTable<x3::unused_type> before_of_role_words() {
  WordTable<x3::unused_type> t;
  for (const RoleNoun& r : Lexicon::builtin().roles)
    if (r.before_of) add_all(t, r.noun, x3::unused);
  return t;
}
inline WordTable<x3::unused_type> plain_words(const std::vector<std::string>& words) {
  WordTable<x3::unused_type> t;
  for (const std::string& w : words) t.add(w, x3::unused);
  return t;
}
inline WordTable<Mention::Gender> pronoun_words() {
  using G = Mention::Gender;
  WordTable<G> t;
  for (auto [w, g] : {std::pair{"he", G::kMale}, {"she", G::kFemale}, {"it", G::kNeuter},
                      {"they", G::kPlural}, {"we", G::kPlural}, {"i", G::kUnknown}})
    add_all(t, w, g);
  return t;
}
inline WordTable<CueValue> cue_words() {
  WordTable<CueValue> t;
  const auto& cues = Lexicon::builtin().cues;
  for (size_t i = 0; i < cues.size(); ++i)
    for (const std::string& form : cues[i].forms) {
      std::string first = form.substr(0, form.find(' '));
      bool ing = first.size() > 4 && first.compare(first.size() - 3, 3, "ing") == 0;
      add_all(t, form, CueValue{static_cast<int>(i), ing});
    }
  return t;
}

WordTable<Mention::Gender> const honorific_table = honorific_words();
WordTable<RoleNoun::Type> const role_table = role_words();
WordTable<x3::unused_type> const before_of_role_table = before_of_role_words();
WordTable<x3::unused_type> const stopword_table = plain_words(Lexicon::builtin().stopwords);
WordTable<x3::unused_type> const org_head_table = plain_words(Lexicon::builtin().org_heads);
WordTable<Mention::Gender> const pronoun_table = pronoun_words();
WordTable<CueValue> const cue_table = cue_words();

auto const honorific = word_parser(honorific_table);
auto const role_noun = word_parser(role_table);
auto const before_of_role = word_parser(before_of_role_table);
auto const stop = word_parser(stopword_table);
auto const org_head = word_parser(org_head_table);
auto const pronoun_word = word_parser(pronoun_table);
auto const cue_word = word_parser(cue_table);

// Byte classes over UTF-8. Non-ASCII bytes are letters unless they belong to
// Latin-1 punctuation (C2 xx: NBSP, « ») or General Punctuation (E2 80 xx:
// dashes, curly quotes). Bytes >= 0x80 are negative chars: ranges say so.
auto const u8_punct = (x3::lit('\xC2') >> x3::char_('\x80', '\xBF')) |
                      (x3::lit("\xE2\x80") >> x3::char_('\x80', '\xBF'));
auto const u8_letter = !u8_punct >> x3::char_('\x80', '\xFF');
auto const letter = x3::ascii::alpha | u8_letter;
auto const word_char = letter | x3::ascii::digit;
auto const end_of_word = !word_char;
// Capitals: ASCII, Latin-1 (À..Þ), Latin Extended-A (Ł, Č, Ś: any of
// U+0100..U+017F may start a name), Greek (Α..Ω) and Cyrillic (А..Я, Ё).
auto const upper = x3::ascii::upper | (x3::lit('\xC3') >> x3::char_('\x80', '\x9E')) |
                   ((x3::lit('\xC4') | '\xC5') >> x3::char_('\x80', '\xBF')) |
                   (x3::lit('\xCE') >> x3::char_('\x86', '\xAB')) |
                   (x3::lit('\xD0') >> x3::char_('\x80', '\xAF'));
// sp: x3::repeat(1, 2)[x3::lit(' ') | "\xC2\xA0"] (it stands between any two
// words of a rule), as a loop.
struct sp_parser : x3::parser<sp_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const& last, Context const&, RContext&, Attribute&) const {
    size_t a = bytes::space_at(first, last);
    if (a == 0) return false;
    first += a + bytes::space_at(first + a, last);
    return true;
  }
};
sp_parser const sp{};
// word_body: x3::repeat(0, 30)[word_char | (joiner >> &word_char)], as a
// loop (it runs over every byte of every word the rules read). A unit is one
// byte that is a word_char (word_char_at, the same test), or a joiner
// (' . & - or ’, or an en dash before a capital) before one; a UTF-8
// letter's bytes count one each, as in X3.
struct word_body_parser : x3::parser<word_body_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  static size_t joiner_size(const char* p, const char* last) {
    if (*p == '\'' || *p == '.' || *p == '&' || *p == '-') return 1;
    if (last - p < 3 || p[0] != '\xE2' || p[1] != '\x80') return 0;
    // ’, or an en dash before a capital ("Hollvik–Sarto"; not "1990–2000").
    return p[2] == '\x99' || (p[2] == '\x93' && last - p > 3 && p[3] >= 'A' && p[3] <= 'Z') ? 3 : 0;
  }
  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const& last, Context const&, RContext&, Attribute&) const {
    It p = first;
    for (int units = 0; units < 30 && p != last; ++units) {
      if (word_char_at(p, last)) {
        ++p;
        continue;
      }
      size_t j = joiner_size(p, last);
      if (j == 0 || static_cast<size_t>(last - p) <= j || !word_char_at(p + j, last)) break;
      p += j;
    }
    first = p;
    return true;
  }
};
word_body_parser const word_body{};
// "Farmers’ Federation", "Veterans' Affairs": a plural possessive inside a
// name, when a capitalised word follows.
auto const apostrophe = x3::lit('\'') | "\xE2\x80\x99";
// Only before a body's or an office's word ("Federation", "Affairs
// Minister"): in "the Liberals’ Anna Berg" the name after it is a person's.
// Checked after the word (whose last byte must be 's'), so an ordinary
// capitalised word costs one failed byte test more, not a second scan.
struct after_s_parser : x3::parser<after_s_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const&, Context const&, RContext&, Attribute&) const {
    return first[-1] == 's';  // cap_word has consumed at least its capital
  }
};
after_s_parser const after_s{};
auto const plural_possessive_end =
    after_s >> apostrophe >>
    &(sp >> x3::repeat(0, 2)[!(org_head | honorific) >> upper >> word_body >> sp] >> (org_head | honorific));
auto const cap_word = !stop >> upper >> word_body >> -plural_possessive_end;
// "the players’ union", "for the officials' association": a lower-case
// plural possessive before another lower-case word of the phrase.
auto const lower_word = x3::ascii::lower >> word_body >> -(after_s >> apostrophe >> &(sp >> x3::ascii::lower));
// Word lists are tables matched at once, not chains of literals: a table
// takes the longest entry ("told", not the "to" in it), where `lit("to") |
// "told"` would commit to "to" and then fail at the word's end.
inline WordTable<x3::unused_type> word_list(std::initializer_list<const char*> words) {
  WordTable<x3::unused_type> t;
  for (const char* w : words) t.add(w, x3::unused);
  return t;
}
// "Ludwig van Beethoven", "Bank of England" (data/lexicon/name_particles.txt).
WordTable<x3::unused_type> const particles = plain_words(Lexicon::builtin().name_particles);
WordTable<x3::unused_type> const determiners = [] {
  WordTable<x3::unused_type> t;
  for (const char* w : kDeterminers) t.add(w, x3::unused);
  return t;
}();
WordTable<x3::unused_type> const function_words = [] {
  WordTable<x3::unused_type> t;
  for (const char* w : kFunctionWords) t.add(w, x3::unused);  // mention.hpp
  return t;
}();
WordTable<x3::unused_type> const formers = word_list({"former", "Former", "acting", "Acting"});

auto const particle = word_parser(particles);
// A middle initial: "Donald J. Trump", "G.K. Butterfield".
auto const initial = x3::ascii::upper >> '.' >> -(x3::ascii::upper >> '.') >> &sp;
// "Theresa May", "Mrs May", "Bill August": a month that is also a surname is
// a stop word at a plain name's start, but a name word after a name word or
// an honorific, unless a day number follows ("Smith May 5") or the modal's
// verb does ("Trump May be Aligning", a headline).
WordTable<x3::unused_type> const surname_months = word_list({"May", "June", "April", "August"});
WordTable<x3::unused_type> const after_modal_may = word_list({"be", "have", "not", "never", "well"});
auto const surname_month = &x3::char_("MJA") >> word_parser(surname_months) >>  // the first byte: a cheap test
                           !(sp >> (x3::ascii::digit | word_parser(after_modal_may)));
// "Jan Egeland", "April Ryan", "the Lok Jan Morcha": a month that is also a
// given name is a name word before a capitalised word ("Jan. 5", "June
// 2024" are dates; match_mention() rules out "In June Carter said").
struct given_name_month_parser : x3::parser<given_name_month_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const& last, Context const&, RContext&, Attribute&) const {
    if (first == last || (*first != 'J' && *first != 'A')) return false;
    It p = first + 1;
    while (p != last && *p >= 'a' && *p <= 'z') ++p;
    if (!given_name_month(std::string_view(&*first, static_cast<size_t>(p - first)))) return false;
    first = p;
    return true;
  }
};
given_name_month_parser const given_name_month_word{};
auto const given_name_word = given_name_month_word >> &(sp >> cap_word);
// Up to two particles between name words: "Lena van der Berg", "Ana de la Cruz".
// "Moqtada al-Sadr", "Abdel Fattah el-Sisi": an Arabic article joined by a
// hyphen to a capitalised word, inside a name.
auto const article_word = &x3::char_("aeu") >>  // the first byte: a cheap test
                          (x3::lit("al-") | "el-" | "ad-" | "ash-" | "as-" | "at-" | "az-" | "ul-" | "ud-") >> upper >>
                          word_body;
auto const rest_word =
    x3::repeat(0, 2)[particle >> sp] >> (initial | cap_word | surname_month | given_name_word | article_word);
auto const name_rest = x3::repeat(0, 4)[sp >> rest_word];
auto const name_seq = (initial | cap_word | given_name_word) >> name_rest;
// "Vice Premier He Lifeng", "Mr He": after a title, "He" is the Chinese
// surname, not the pronoun (a stop word everywhere else).
auto const surname_he = x3::lit("He") >> end_of_word;
auto const titled_seq = (initial | cap_word | surname_month | surname_he) >> name_rest;
auto const det = word_parser(determiners);
// "the 46-year-old" is a person too.
auto const year_old = x3::omit[x3::repeat(1, 3)[x3::ascii::digit] >> "-year-old" >> end_of_word] >>
                      x3::attr(RoleNoun::Type::kRole);
// A role noun, but one marked "of" in roles.txt only right before "of"
// ("the head of the agency said"; not "shook her head", nor "the agency
// head", which stays "the agency").
struct office_noun_parser : x3::parser<office_noun_parser> {
  using attribute_type = RoleNoun::Type;
  static bool const has_attribute = true;
  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const& last, Context const& ctx, RContext& rctx, Attribute& attr) const {
    It p = first;
    if (!role_noun.parse(p, last, ctx, rctx, attr)) return false;
    if (It r = first; before_of_role.parse(r, last, ctx, rctx, x3::unused) && r == p) {
      It q = p;
      if (!sp.parse(q, last, ctx, rctx, x3::unused) || last - q < 3 || q[0] != 'o' || q[1] != 'f' ||
          word_char_at(q + 2, last))
        return false;
    }
    first = p;
    return true;
  }
};
office_noun_parser const office_noun{};
// An office named with a postpositive "general": "the attorney general",
// "the surgeon general", "the Director General", "the prosecutor-general".
auto const general_after = (x3::lit(' ') | '-') >> (x3::lit("general") | "General") >> end_of_word;
// Not the first part of a hyphenated word: "the centre-right government",
// "a fund-raiser", "government-backed".
auto const role_head = (office_noun >> -general_after >> !x3::lit('-')) | year_old;
// Lower-case words that never modify a role noun ("to", "during", "which").
auto const function_word = word_parser(function_words);
// A role noun is a modifier only where a role noun still follows, at most two
// modifier words on ("a ministry spokesman", "police officers", "the
// Republican presidential candidate").
// A year or a count may modify too: "a 2013 article", "a 2008 campaign veteran".
auto const number_word = x3::repeat(1, 4)[x3::ascii::digit] >> end_of_word;
auto const modifier_word = cap_word | number_word | (!function_word >> lower_word);
// Adjectives that may stand between two role nouns: "presidential",
// "economic", "executive", "independent" (never a verb: "tells", "met").
// X3 would be: adjective_end = (lit("al") | "ic" | "ive" | "ary" | "ent" |
// "ant" | "ian" | "ior") >> end_of_word; adjective = repeat(1, 30)[ascii::lower
// - adjective_end] >> adjective_end. As loops (that repeat tried every ending
// at every letter): lower-case ASCII letters, as many as X3 takes (it does
// not backtrack), up to an ending the word ends with.
inline bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool word_ends_at(const char* p, const char* last) { return p == last || !word_char_at(p, last); }
// The length of adjective_end at p, 0 when none (at most one ending's
// letters can stand at p: no two share their first two).
inline size_t adjective_end_at(const char* p, const char* last) {
  static constexpr std::string_view kEnds[] = {"al", "ic", "ive", "ary", "ent", "ant", "ian", "ior"};
  for (std::string_view e : kEnds)
    if (static_cast<size_t>(last - p) >= e.size() && std::equal(e.begin(), e.end(), p))
      return word_ends_at(p + e.size(), last) ? e.size() : 0;
  return 0;
}
struct adjective_parser : x3::parser<adjective_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const& last, Context const&, RContext&, Attribute&) const {
    It p = first;
    int letters = 0;
    for (; letters < 30 && p != last && ascii_lower(*p) && adjective_end_at(p, last) == 0; ++letters) ++p;
    size_t end = letters >= 1 && p != last ? adjective_end_at(p, last) : 0;
    if (end == 0) return false;
    first = p + end;
    return true;
  }
};
adjective_parser const adjective{};
// X3's (head >> then) | (!head >> other), parsing head once: where head
// matches only the first alternative can, elsewhere only the second (X3
// would parse head again for the second, at every modifier word).
template <typename Head, typename Then, typename Other>
struct head_then_or_parser : x3::parser<head_then_or_parser<Head, Then, Other>> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  head_then_or_parser(Head h, Then t, Other o) : head(h), then(t), other(o) {}
  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const& last, Context const& ctx, RContext& rctx, Attribute&) const {
    It p = first;
    if (!head.parse(p, last, ctx, rctx, x3::unused)) return other.parse(first, last, ctx, rctx, x3::unused);
    if (!then.parse(p, last, ctx, rctx, x3::unused)) return false;
    first = p;
    return true;
  }
  Head head;
  Then then;
  Other other;
};
template <typename Head, typename Then, typename Other>
auto head_then_or(Head const& h, Then const& t, Other const& o) {
  return head_then_or_parser<Head, Then, Other>(h, t, o);
}
// X3 would be: role_follows = &(sp >> repeat(0, 2)[!role_noun >> (cap_word |
// adjective) >> sp] >> role_noun). As a loop, role_noun is tried once at
// each word, not again after that repeat stops where it failed.
struct role_follows_parser : x3::parser<role_follows_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const& last, Context const& ctx, RContext& rctx, Attribute&) const {
    It p = first;
    if (!sp.parse(p, last, ctx, rctx, x3::unused)) return false;
    for (int words = 0;; ++words) {
      It q = p;
      if (office_noun.parse(q, last, ctx, rctx, x3::unused)) return true;  // a lookahead: first stays
      if (words == 2 || !(cap_word | adjective).parse(p, last, ctx, rctx, x3::unused) ||
          !sp.parse(p, last, ctx, rctx, x3::unused))
        return false;
    }
  }
};
role_follows_parser const role_follows{};
// "the German club's sporting director", "the sheriff's office": a role
// noun's possessive is a modifier too, where a role noun follows it, at most
// two words on (not "the campaign's website states": the phrase ends at
// "campaign").
// A plural's bare apostrophe too: "the drivers’ union", "the landlords'
// association".
auto const possessive_s = ((x3::lit("'s") | "\xE2\x80\x99s") | (after_s >> apostrophe)) >>
                          &(sp >> x3::repeat(0, 2)[!role_head >> modifier_word >> sp] >> role_head);
auto const modifier = head_then_or(role_head, role_follows | possessive_s, modifier_word);  // (role_head >> (role_follows | possessive_s)) | (!role_head >> modifier_word)
// Never a speech verb: "the mother of three replied" ends at "three".
auto const tail_word = cap_word | (!function_word >> !cue_word >> lower_word);
// "a statement published by X": a participle may come between.
// X3 would be: repeat(2, 20)[ascii::lower - (lit("ed") >> !ascii::lower)] >>
// "ed" >> end_of_word; as a loop, like adjective.
struct participle_parser : x3::parser<participle_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  static bool ed_at(const char* p, const char* last) { return last - p >= 2 && p[0] == 'e' && p[1] == 'd'; }
  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const& last, Context const&, RContext&, Attribute&) const {
    It p = first;
    int letters = 0;
    for (; letters < 20 && p != last && ascii_lower(*p) && !(ed_at(p, last) && (last - p == 2 || !ascii_lower(p[2])));
         ++letters)
      ++p;
    if (letters < 2 || !ed_at(p, last) || !word_ends_at(p + 2, last)) return false;
    first = p + 2;
    return true;
  }
};
participle_parser const participle{};
// "of the islands walked out": a past form after a tail's noun is its verb
// when a particle, a function word, a name or punctuation follows, not a
// lower-case noun ("the armed forces").
WordTable<x3::unused_type> const particles_after_verbs =
    word_list({"out", "up", "off", "down", "back", "away", "over", "through"});
auto const verb_after_noun =
    participle >> ((sp >> (word_parser(particles_after_verbs) | function_word | upper)) | x3::char_(",.;:"));
// Not a speech verb: in "the man asked in the video" the phrase ends at "man".
// A tail's name stops before a title and the name it heads: "Bank of
// England Governor Andrew Bailey said" is the governor's, not a body's.
// In a tail that "of" opened ("head of research "), not "by" or "from"
// ("filed by state attorney Dave Aronberg", "a study by economists Peter
// Schott" name the author): the lower-case words before `first` go back
// to "of". A lookahead; `first` stays.
struct after_of_field_parser : x3::parser<after_of_field_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const&, Context const&, RContext&, Attribute&) const {
    It p = first;
    for (int words = 0; words < 6; ++words) {
      while (*(p - 1) == ' ') --p;  // a tail holds its preposition: p stays inside it
      It e = p;
      while (ascii_lower(*(p - 1))) --p;
      if (p == e) return false;
      std::string_view w(&*p, static_cast<size_t>(e - p));
      if (w == "of") return true;
      if (w == "for" || w == "at" || w == "from" || w == "by" || w == "in") return false;
    }
    return false;
  }
};
after_of_field_parser const after_of_field{};
// The holder's name after a field: two capitalised words, then no
// lower-case word but a cue ("head of research Guy Foster said"; not "of a
// former East German spymaster").
auto const field_holder =
    after_of_field >> cap_word >> sp >> cap_word >> !(sp >> !cue_word >> x3::ascii::lower);
// "at Hollis & Brandt", "for Procter & Gamble": a firm's "&" joins its
// names (and leaves the tail's "and" for a second name).
auto const tail_name_seq =
    (initial | cap_word | given_name_word) >>
    x3::repeat(0, 4)[(sp >> '&' >> sp >> cap_word) | (!(sp >> honorific >> sp >> upper) >> sp >> rest_word)];
// "the deputy chairperson in charge of Operations": "charge" is also a
// speech verb, so the phrase is one preposition here.
auto const role_tail = sp >> -(!cue_word >> participle >> sp) >>
                       (x3::lit("in charge of") | "for" | "of" | "at" | "from" | "by" | "in") >>
                       end_of_word >> sp >> -(det >> sp) >>
                       // "of Amaria and Kelt", "of Health and Social Care": names joined by
                       // "and", up to three words after it, not a titled name ("of Justice
                       // and Attorney General Bondi").
                       ((tail_name_seq >> -(sp >> "and" >> sp >> !honorific >> upper >> word_body >>
                                            x3::repeat(0, 2)[sp >> cap_word] >>
                                       !(sp >> upper)) >>
                         -(sp >> x3::repeat(0, 2)[!role_noun >> !function_word >> lower_word >> sp] >>
                           role_head)) |  // "of the Senate health committee"
                        // "from a coalition of small island states": one nested "of".
                        // "head of research Guy Foster": two capitalised words after
                        // a field's lower-case words are the holder's name.
                        (tail_word >>
                         x3::repeat(0, 3)[sp >> !verb_after_noun >> !field_holder >> tail_word] >>
                         -(sp >> x3::lit("of") >> sp >> -(det >> sp) >> tail_word >>
                           x3::repeat(0, 3)[sp >> !verb_after_noun >> !field_holder >> tail_word])));
auto const former = (x3::lit("then-") | word_parser(formers)) >> -sp;

pronoun_type const pronoun = "pronoun";
role_phrase_type const role_phrase = "role_phrase";
the_title_type const the_title = "the_title";
titled_name_type const titled_name = "titled_name";
the_org_type const the_org = "the_org";
plain_name_type const plain_name = "plain_name";
cue_type const cue = "cue";

auto const pronoun_def = pronoun_word;
// With a determiner, up to four modifiers of any case ("a former senior
// law enforcement official"); without one, only capitalised modifiers
// ("Downing Street officials"), so "engagement during ..." is no role.
auto const cap_modifier = head_then_or(role_head, role_follows, cap_word);  // (role_head >> role_follows) | (!role_head >> cap_word)
// "Obama's former campaign strategist": a possessive name works as a determiner.
// "Rovers’ assistant coach": a plural one too.
auto const possessive_name = upper >> x3::repeat(0, 30)[word_char | (x3::char_(".&-") >> &word_char)] >>
                             (((x3::lit("'s") | "\xE2\x80\x99s") >> end_of_word) | (after_s >> apostrophe >> &sp));
// "the Food and Drug Administration", "the French and German foreign
// ministers": after a determiner, "and" may join two capitalised modifiers
// (not "The ceasefire collapsed and Israeli officials said", nor, without a
// determiner, "in Geneva and US officials said").
auto const and_capital = cap_word >> sp >> x3::lit("and") >> &(sp >> upper);
auto const role_phrase_def =
    x3::omit[((det | possessive_name) >> sp >> x3::repeat(0, 4)[(and_capital | modifier) >> sp]) |
             x3::repeat(0, 3)[cap_modifier >> sp]] >>
    role_head >> !(sp >> (cap_word | surname_he)) >> !(apostrophe >> sp >> upper) >>  // not "President Xi Jinping", "Farmers’ Union"
    x3::omit[x3::repeat(0, 2)[role_tail]];
auto const the_title_def =
    x3::omit[det >> sp >> -former >> honorific] >> !(sp >> (cap_word | surname_he));
// "Chairman Rep. Jason Chaffetz": titles may stack; the first gives the gender.
// "Democratic Sen. Claire McCaskill", "Wisconsin Gov. Jim Doyle", "India's
// External Affairs Minister S. Jaishankar": up to three capitalised words
// may come before the title (as many as scan_heads lets through).
// "Sen. Roy Calder, R-Texas, said": a US party and state after a name stay
// in its mention (not in the name), so the clause reads on past them.
// Not "D-Day veteran": after the state comes a comma, a parenthesis or the
// end, or a sentence's end after an abbreviation ("D-Ore.", "D-N.Y.").
auto const party_state =
    x3::lit(',') >> sp >> x3::char_("RDI") >> '-' >> upper >> x3::repeat(0, 12)[x3::ascii::alpha] >>
    ((x3::lit('.') >> -(upper >> '.') >> &(x3::lit(',') | ')' | ';' | sp | x3::eoi)) |
     &(x3::lit(',') | ')' | ';' | x3::eoi));
auto const titled_name_def =
    x3::omit[x3::repeat(0, 3)[!honorific >> cap_word >> sp]] >> -former >> honorific >> sp >>
    x3::omit[x3::repeat(0, 2)[honorific >> sp >> &(initial | cap_word)]] >>
    x3::raw[titled_seq] >> x3::omit[-party_state];  // the last title word may be the name itself: "Mr King"
auto const the_org_def = (x3::lit("the") | "The") >> sp >> x3::raw[name_seq];
auto const plain_name_def = x3::raw[name_seq] >> x3::omit[-party_state];
auto const cue_def = cue_word;

BOOST_SPIRIT_DEFINE(pronoun, role_phrase, the_title, titled_name, the_org, plain_name, cue)

pronoun_type const& pronoun_rule() { return pronoun; }
role_phrase_type const& role_phrase_rule() { return role_phrase; }
the_title_type const& the_title_rule() { return the_title; }
titled_name_type const& titled_name_rule() { return titled_name; }
the_org_type const& the_org_rule() { return the_org; }
plain_name_type const& plain_name_rule() { return plain_name; }
cue_type const& cue_rule() { return cue; }

bool may_start_pronoun(iterator_type first, iterator_type last) { return pronoun_table.may_match(first, last); }

bool is_function_word(iterator_type first, iterator_type last) {
  const char* end = nullptr;
  const x3::unused_type* value = nullptr;
  return function_words.match(first, last, &end, &value);
}

bool starts_with_stopword(iterator_type first, iterator_type last) { return x3::parse(first, last, stop); }

bool stopword(iterator_type first, iterator_type last) {
  return x3::parse(first, last, stop) && first == last;
}

}  // namespace quotient::grammar::parser

#endif  // QUOTIENT_GRAMMAR_MENTION_DEF_HPP_
