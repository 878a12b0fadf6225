#include "entities.hpp"

#include <algorithm>
#include <bitset>
#include <cctype>
#include <cstring>
#include <tuple>

#include "bytes.hpp"
#include "lexicon.hpp"

namespace quotient {
namespace {

using grammar::Mention;

constexpr size_t kTitleWindow = 40;   // sentences "the minister" looks back for the office
constexpr size_t kMaxCandidates = 64;  // full names indexed under one word
constexpr size_t kEpithetWindow = 3;   // sentences "the Polish-born director" looks back for a name

// A hash of a word for the tables below (names are short: eight bytes at a
// time, the rest byte by byte, no library call).
uint64_t word_hash(std::string_view w) {
  uint64_t h = w.size() * 0x9E3779B97F4A7C15u;
  size_t i = 0;
  for (; i + 8 <= w.size(); i += 8) {
    uint64_t x = 0;
    std::memcpy(&x, w.data() + i, sizeof x);
    h = (h ^ x) * 0xFF51AFD7ED558CCDu;
    h ^= h >> 29;
  }
  // The last one to seven bytes in one load (zero-padded; the size above
  // tells "a" from "a\0").
  uint64_t rest = i < w.size() ? grammar::bytes::load_1_to_8(w.data() + i, w.size() - i) : 0;
  h = (h ^ rest) * 0xC4CEB9FE1A85EC53u;
  return h ^ (h >> 32);
}

// "al-Sadr", "El-Sisi": an Arabic article joined to a name by a hyphen, in
// either case (a sentence's first word has a capital).
bool article_word(std::string_view w) {
  if (w.size() <= 3 || w[1] != 'l' || w[2] != '-') return false;
  char c = static_cast<char>(w[0] | 0x20);
  return c == 'a' || c == 'e';
}

// word_hash() of a name's word, the same for "Al-Sadr" and "al-Sadr".
uint64_t name_hash(std::string_view w) {
  if (!article_word(w) || w[0] > 'Z') return word_hash(w);
  char folded[64];
  size_t n = std::min(w.size(), sizeof folded);
  std::memcpy(folded, w.data(), n);
  folded[0] = static_cast<char>(folded[0] | 0x20);
  return word_hash(std::string_view(folded, n));
}

// A set of words held as views, with a cheap first test: most words looked
// up are in no list, and a bit for their length, first and last byte rules
// them out before any hashing (the lists below are asked about every word
// of every name and role). The rest are looked up in an open-addressing
// table by word_hash (std::unordered_set's hash and bucket division cost
// more than the lookup).
class WordSet {
 public:
  template <typename Words>
  explicit WordSet(const Words& words) {
    for (std::string_view w : words) insert(w);
  }
  void insert(std::string_view w) {
    shapes_[shape(w)] = true;
    if (w.empty()) {
      has_empty_ = true;  // a free slot is an empty view
      return;
    }
    if (find(w)) return;
    words_.push_back(w);
    if (2 * words_.size() <= slots_.size()) {
      place(w);
      return;
    }
    size_t n = 16;
    while (n < 4 * words_.size()) n *= 2;
    slots_.assign(n, {});
    mask_ = n - 1;
    for (std::string_view x : words_) place(x);
  }
  // Inline: the shape test is all most words cost.
  bool contains(std::string_view w) const { return shapes_[shape(w)] && (w.empty() ? has_empty_ : find(w)); }
  // contains() for w with its ASCII capitals lowered (at most 24 bytes):
  // the shape is tested first, so most words are never copied.
  bool contains_lowered(std::string_view w) const {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (w.empty() || w.size() > 24 || !shapes_[shape(lower(w.front()), lower(w.back()), w.size())]) return false;
    char buf[24];
    for (size_t i = 0; i < w.size(); ++i) buf[i] = lower(w[i]);
    return find(std::string_view(buf, w.size()));
  }

 private:
  // Multiplicative hashing of the three facts to 12 bits (a shift, not a
  // division: every word looked up pays for it).
  static size_t shape(char front, char back, size_t size) {
    auto first = static_cast<unsigned char>(front), last = static_cast<unsigned char>(back);
    uint32_t key = uint32_t{first} << 16 | uint32_t{last} << 8 | static_cast<uint32_t>(std::min<size_t>(size, 31));
    return (key * 0x9E3779B1u) >> 20;
  }
  static size_t shape(std::string_view w) { return w.empty() ? 0 : shape(w.front(), w.back(), w.size()); }
  void place(std::string_view w) {
    size_t at = word_hash(w) & mask_;
    while (!slots_[at].empty()) at = (at + 1) & mask_;
    slots_[at] = w;
  }
  [[gnu::noinline]] bool find(std::string_view w) const {  // w is not empty
    if (slots_.empty()) return false;
    for (size_t at = word_hash(w) & mask_; !slots_[at].empty(); at = (at + 1) & mask_)
      if (slots_[at] == w) return true;
    return false;
  }
  std::bitset<4096> shapes_;
  std::vector<std::string_view> words_;  // in insertion order
  std::vector<std::string_view> slots_;  // a power of two, at most half full; empty: free
  size_t mask_ = 0;
  bool has_empty_ = false;
};

// strip_possessive() of a word that ends in 's', '\'' or the last byte of ’.
[[gnu::noinline]] std::string_view strip_possessive_ending(std::string_view w) {
  for (std::string_view s : {"\xE2\x80\x99s", "'s", "\xE2\x80\x99", "'"})
    if (w.size() > s.size() && w.substr(w.size() - s.size()) == s) return w.substr(0, w.size() - s.size());
  return w;
}

inline std::string_view strip_possessive(std::string_view w) {
  // Every ending ends in 's', '\'' or the last byte of ’: most words are
  // done with this test, inline (every word of every person name comes here).
  if (w.empty() || (w.back() != 's' && w.back() != '\'' && w.back() != '\x99')) return w;
  return strip_possessive_ending(w);
}

// The words of a name, split at spaces and at no-break spaces ("James
// Comey" written with U+00A0 is the same name), into *words (cleared
// first). The last word loses its possessive ending ("Comey's"), unless a
// no-break space follows it. The separators are found eight or sixteen
// bytes at a time (every name comes here, most several times).
void split_name(std::string_view s, NameWords* words) {
  NameWords& out = *words;
  out.clear();
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  size_t start = 0;  // of the word being read
  for (size_t i = 0;;) {
    size_t at = grammar::bytes::find_any<' ', 0xC2>(s, i, s.size());
    if (at == s.size()) break;
    size_t separator = s[at] == ' ' ? 1 : at + 1 < s.size() && s[at + 1] == '\xA0' ? 2 : 0;
    i = at + std::max<size_t>(separator, 1);
    if (separator == 0) continue;  // another character that starts with 0xC2
    if (at > start) out.push_back(std::string_view(s.data() + start, at - start));
    start = i;
  }
  if (start < s.size()) out.push_back(strip_possessive(std::string_view(s.data() + start, s.size() - start)));
}

// split_name() into a new NameWords.
NameWords words_of(std::string_view s) {
  NameWords out;
  split_name(s, &out);
  return out;
}

// A person role of data/lexicon/roles.txt, capitalised or in title case
// ("Spokeswoman", "Secretary-General").
bool role_word(std::string_view w) {
  static const std::vector<std::string> forms = [] {
    std::vector<std::string> out;
    for (const grammar::RoleNoun& r : grammar::Lexicon::builtin().roles)
      if (r.type == grammar::RoleNoun::Type::kRole && !r.noun.empty() && r.noun.find(' ') == std::string::npos)
        for (std::string& v : grammar::case_variants(r.noun))
          if (v[0] >= 'A' && v[0] <= 'Z') out.push_back(std::move(v));
    return out;
  }();
  static const WordSet roles(forms);
  return roles.contains(w);
}

// A person role of data/lexicon/roles.txt or role_kinds.txt, in any case
// ("director", "boss", "Manager"): the word that ends a title before a
// name ("Rovers boss Gary Holt") and heads an epithet ("the Rovers
// manager"). "boss" is in role_kinds.txt only: as a role of the grammar,
// "said his boss was “…”" would give the boss the quote. The roles are
// role_word()'s capitalised forms (a set of its own showed in the profile).
bool role_noun(std::string_view w) {
  static const WordSet kinds = [] {  // views of the builtin lexicon
    WordSet s(std::vector<std::string_view>{});
    for (const std::vector<std::string>& kind : grammar::Lexicon::builtin().role_kinds)
      for (const std::string& r : kind) s.insert(r);
    return s;
  }();
  char capitalised[24];
  if (w.empty() || w.size() > sizeof capitalised) return false;
  std::copy(w.begin(), w.end(), capitalised);
  if (w[0] >= 'a' && w[0] <= 'z') capitalised[0] = static_cast<char>(w[0] - 32);
  return role_word(std::string_view(capitalised, w.size())) || kinds.contains_lowered(w);
}

// Equal but for ASCII case ("Minister", "minister").
bool same_words(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

// The lines of data/lexicon/role_kinds.txt that hold role word w (in any
// case), one bit each: 0 for a word on none. Asked only about the titles a
// description may stand for, a few per document: a scan of the file's words.
uint64_t role_kinds(std::string_view w) {
  const std::vector<std::vector<std::string>>& kinds = grammar::Lexicon::builtin().role_kinds;
  uint64_t bits = 0;
  for (size_t k = 0; k < kinds.size() && k < 64; ++k)
    if (std::any_of(kinds[k].begin(), kinds[k].end(), [&](const std::string& r) { return same_words(r, w); }))
      bits |= uint64_t{1} << k;
  return bits;
}

// A capitalised word of data/lexicon/descriptors.txt or a one-word
// honorific: it describes a person ("Republican", "Senator") or names an
// office's field ("Affairs", "Reserve"), and is no part of a name.
bool descriptor_word(std::string_view w) {
  static const WordSet skip = [] {  // views of the builtin lexicon
    const grammar::Lexicon& lex = grammar::Lexicon::builtin();
    WordSet s(lex.descriptors);
    for (const grammar::Honorific& h : lex.honorifics)
      if (h.title.find(' ') == std::string::npos) s.insert(h.title);
    return s;
  }();
  return skip.contains(w);
}

// A one-word honorific of data/lexicon/honorifics.txt ("President", "Dr").
bool honorific_word(std::string_view w) {
  static const WordSet titles = [] {
    WordSet t(std::vector<std::string_view>{});
    for (const grammar::Honorific& h : grammar::Lexicon::builtin().honorifics)
      if (h.title.find(' ') == std::string::npos) t.insert(h.title);
    return t;
  }();
  return titles.contains(w);
}

NameWords holder_after_field(const NameWords& w);

// "Republican Donald Trump", "Senate Minority Leader Harry Reid": leading
// descriptors and titles are not part of the name.
void drop_descriptors(NameWords* name) {
  NameWords& words = *name;
  // "Secretary of State Hillary Clinton": a title with a field before the
  // name (a person's words must open with a title for this).
  if (!words.empty() && (descriptor_word(words[0]) || role_word(words[0])))
    if (NameWords holder = holder_after_field(words); !holder.empty()) {
      words = holder;
      return;
    }
  // "MEC for Cooperative Governance and Traditional Affairs Zolani Mthembu",
  // whose mention starts after the "and": the end of an office's field
  // ("Affairs", descriptors.txt) before a first and a last name; a role may
  // follow it ("Energy Works Manager Tom Hall"). An honorific is no field:
  // "Maria Lady Soames Jones".
  size_t k = 0;
  for (size_t j = words.size() >= 3 ? words.size() - 2 : 0; j-- > 1;)
    if (descriptor_word(words[j]) && !honorific_word(words[j])) {
      k = j + 1;
      break;
    }
  // "Spokeswoman Sarah Sanders", "Trump Spokesman Hogan Gidley", "Analyst
  // Rhea Moss", "Chief Williams": a capitalised person role (roles.txt)
  // ends what describes the person when it leads the name or has a first
  // and last name after it, so a surname that is also a role ("Dale
  // Porter", "Mary Judge") stays.
  auto skip_leading = [&] {
    while (k + 1 < words.size() && (descriptor_word(words[k]) || role_word(words[k]))) ++k;
  };
  skip_leading();
  for (size_t j = words.size() >= 3 ? words.size() - 2 : 0; j-- > k;)
    if (role_word(words[j])) {
      k = j + 1;
      skip_leading();  // "U.S. Attorney General Loretta Lynch"
      break;
    }
  words.erase(words.begin(), words.begin() + static_cast<long>(k));
  // "Tom Reid SC", "Jane Hale MP": a post-nominal after a first and a last
  // name is no part of the name.
  if (words.size() >= 3)
    for (std::string_view p : {"QC", "KC", "SC", "MP", "MSP", "MEP", "MLA", "MPP"})
      if (words.back() == p) {
        words.pop_back();
        break;
      }
}

// A capitalised word that is a verb, not a name: a verbal auxiliary ("Is",
// "Would"; not "Will", "May", "Might" or "Must", which are also names, nor
// the lexicon's adverbs such as "Still" or "First") or a speech verb's
// inflected form ("Blasts", "Hits", "Telling"; the base form may be a name:
// "Hope", "Mark"; and so may "Said" and "Sang": Edward Said, Kim Sang).
// Lower-cased for the lexicons, which hold "is", "blasts".
bool verb_word(std::string_view w) {
  static const WordSet verbs = [] {
    static std::vector<std::string> forms{"is", "was", "are", "were", "been", "has", "had", "have",
                                          "do", "does", "did", "would", "could", "should"};
    for (const grammar::CueEntry& c : grammar::Lexicon::builtin().cues)
      for (const std::string& f : c.forms)
        if (f != c.lemma && f.find(' ') == std::string::npos && f != "said" && f != "sang") forms.push_back(f);
    return WordSet(forms);
  }();
  // ASCII only, no locale call: every word of every person mention comes here.
  if (w.size() < 2 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  return verbs.contains_lowered(w);
}

// A title-case headline run together with a name ("Ted Cruz Hints Trump
// Would Get …", "Is Sanders …", "Glenn Beck Blasts Drudge"): the name ends
// before its first verb, and a verb (or "Neither") that opens it is no part
// of it. "Ward Chief Ana Ruiz's" and the like are left to drop_descriptors.
void drop_headline_verbs(NameWords* name) {
  NameWords& words = *name;
  size_t k = 0;
  while (k + 1 < words.size() && (verb_word(words[k]) || words[k] == "Neither" || words[k] == "Either")) ++k;
  words.erase(words.begin(), words.begin() + static_cast<long>(k));
  auto verb = std::find_if(words.begin() + (words.empty() ? 0 : 1), words.end(), verb_word);
  words.erase(verb, words.end());
}

// "CNN’s Tara Setmayer", "North Carolina’s Ada Fisher": a possessive before
// the last word names whom the person works for or where they come from,
// not the person.
void drop_possessor(NameWords* name) {
  NameWords& words = *name;
  for (size_t j = words.size() - (words.empty() ? 0 : 1); j-- > 0;)
    if (strip_possessive(words[j]).size() != words[j].size() && words[j].back() == 's') {
      words.erase(words.begin(), words.begin() + static_cast<long>(j + 1));
      return;
    }
}

template <typename Words>
std::string join(const Words& words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// "52-year-old": digits, then "-year-old".
bool age_epithet(std::string_view w) {
  constexpr std::string_view kTail = "-year-old";
  if (w.size() <= kTail.size() || w.substr(w.size() - kTail.size()) != kTail) return false;
  return std::all_of(w.begin(), w.end() - kTail.size(), [](char c) { return c >= '0' && c <= '9'; });
}

// "Polish-born", "Texas-born": a birthplace, then "-born".
bool origin_epithet(std::string_view w) {
  constexpr std::string_view kTail = "-born";
  return w.size() > kTail.size() + 1 && w.substr(w.size() - kTail.size()) == kTail;
}

std::string_view strip_article(std::string_view s) {
  for (std::string_view a : {"the ", "The ", "a ", "A ", "an ", "An ", "the\xC2\xA0", "The\xC2\xA0"})
    if (s.substr(0, a.size()) == a) return s.substr(a.size());
  return s;
}

// Last words that make a capitalised name a body, not a person
// (data/lexicon/org_heads.txt).
bool org_head(std::string_view w) {
  static const WordSet heads(grammar::Lexicon::builtin().org_heads);
  return heads.contains(w);
}

// The words of a person mention's name without descriptors. "Sen. Dale
// Porter of Kansas", "Tevita Fonua of Tonga", "Inspector Wendy Agbaje of
// Merrowshire Police": after a titled name or two words, "of" names a place
// or the body the person serves, not the person ("Bank of England",
// "Supreme Court of Canada" and "Duke of Kent" keep theirs).
// Into *words, in place (a person's words are kept per mention).
void person_words(std::string_view text, const Mention& m, NameWords* words) {
  NameWords& w = *words;
  split_name(text.substr(m.name.begin, m.name.size()), &w);
  drop_possessor(&w);
  drop_headline_verbs(&w);
  drop_descriptors(&w);
  auto of = w.size() > 2 ? std::find(w.begin() + 1, w.end(), "of") : w.end();
  // A first and last name before "of", titled or with no word of a body's
  // name among them: "Priya Castellano of Harbridge Securities" is Priya
  // Castellano, whatever the firm is called.
  bool person_before = of - w.begin() >= 2 && (m.titled || std::none_of(w.begin(), of, org_head));
  if (of != w.end() && (m.titled || of - w.begin() >= 2) && (person_before || !org_head(w.back())) &&
      !org_head(*(of - 1)))
    w.erase(of, w.end());
}

// "Minister for Health Ana Ruiz", "Secretary of State John F. Kerry",
// "Chairman of the Joint Chiefs Mark Milley": a capitalised title whose
// "for" or "of" field (a capitalised word at least) ends in a first and last
// name (a middle initial allowed). That name, or none: "President of the
// United States" has no name after its field, "executive director of the
// House Majority PAC" is no title, "Ministry of Foreign Affairs
// Spokesperson" ends in a role, "an agent for President Bill Clinton" names
// someone else.
NameWords holder_after_field(const NameWords& w) {
  auto capital = [](std::string_view x) { return !x.empty() && x[0] >= 'A' && x[0] <= 'Z'; };
  auto upper = [](std::string_view x) {
    return std::none_of(x.begin(), x.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  size_t n = w.size();
  if (n < 5) return {};
  size_t first = n - 2;  // the name's first word
  if (w[first].size() == 2 && w[first][1] == '.' && first > 0) --first;  // "John F. Kerry"
  size_t f = 1;
  while (f < first && w[f] != "of" && w[f] != "for") ++f;
  // Not "Minister of Foreign Affairs Lavrov": a field word ("Affairs",
  // descriptors.txt) or a body's head is no first name; nor "of" ("the
  // Inspector General of the Department of Justice").
  if (f + 2 > first || !capital(w[first]) || !capital(w[first - 1]) || org_head(w[n - 1]) || upper(w[n - 1]) || role_word(w[n - 1]) ||
      role_word(w[first]) || honorific_word(w[first - 1]) || descriptor_word(w[first]) || org_head(w[first]))
    return {};
  for (size_t k = 0; k < n; ++k)
    if (!capital(w[k]) && w[k] != "of" && w[k] != "for" && w[k] != "the" && w[k] != "and") return {};
  // "Hillary Rodham Clinton", "Mary Ann Lee": one more capitalised word that
  // is no field word, if a word of the field stays before it.
  if (first - 1 > f + 1 && !descriptor_word(w[first - 1]) && !org_head(w[first - 1]) && !role_word(w[first - 1]))
    --first;
  return {w.begin() + static_cast<long>(first), w.end()};
}

// The bytes that end the word before a position.
bool word_break(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '('; }

// The last word of `before` (which ends without a space). A loop, not
// find_last_of(), which searches its set of four once per byte.
std::string_view last_word(std::string_view before) {
  size_t b = before.size();
  while (b > 0 && !word_break(before[b - 1])) --b;
  return before.substr(b);
}

// A word of a title before a name that names what the person serves or is
// ("Rovers", "Labour", "Swedish"): capitalised, with no punctuation after
// it but a possessive ending ("Rovers’"), so nothing of another clause.
bool title_capital(std::string_view w) {
  if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  w = strip_possessive(w);
  return std::all_of(w.begin(), w.end(), [](char c) {
    auto b = static_cast<unsigned char>(c);
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || c == '-' || c == '&' ||
           (b >= 0x80 && b != 0xE2);  // a letter's UTF-8 bytes, not a curly quote's or a dash's
  });
}

// "Rovers boss Gary Holt", "Bremen sporting director Lukas Brandt": the
// title written before a name that has no honorific, `before` being the
// text up to the name. A role noun (role_noun) right before the name ends
// it; one lower-case word ("sporting", not an article) may come before
// that, and the capitalised words before them open it. Without a
// capitalised word the role noun alone ("club boss Gary Holt", "Arsenal
// sacked the boss Gary Holt"); "" when no role noun comes right before.
std::string_view title_before_name(std::string_view before) {
  size_t start = before.size();  // of the title read so far
  // Moves `start` back over the word before it when accept(word) holds.
  auto step = [&](auto accept) {
    if (start < 2 || before[start - 1] != ' ') return false;
    size_t b = start - 1;
    while (b > 0 && !word_break(before[b - 1])) --b;
    std::string_view w = before.substr(b, start - 1 - b);
    if (w.empty() || !accept(w)) return false;
    start = b;
    return true;
  };
  if (!step(role_noun)) return {};
  size_t role = start;
  step([](std::string_view w) {
    return w != "the" && w != "a" && w != "an" && std::all_of(w.begin(), w.end(), [](char c) {
             return (c >= 'a' && c <= 'z') || c == '-';
           });
  });
  size_t capitals = 0;
  while (capitals < 3 && step(title_capital)) ++capitals;
  size_t from = capitals > 0 ? start : role;
  return before.substr(from, before.size() - 1 - from);
}

// A verb of issuing a text, past form (data/lexicon/issuing.txt).
bool issuing_verb(std::string_view w) {
  static const WordSet verbs(grammar::Lexicon::builtin().issuing);
  return verbs.contains(w);
}

// The words before a doc mention say its sentence's speaker issued it: "in"
// ("said in a statement"), a possessive ("its statement"), or a verb of
// issuing ("released a report", "put out a statement").
bool issued_by_its_speaker(std::string_view before) {
  std::string_view w = last_word(before);
  for (std::string_view v : {"in", "In", "out", "with", "its", "their", "his", "her"})
    if (w == v) return true;
  return issuing_verb(w);
}

// "Von der Leyen" at a sentence's start is "Ursula von der Leyen"'s: a name
// particle matches in either case of its first letter ("De Niro" of
// "Robert De Niro" too).
bool same_name_word(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() != b.size() || a.empty() || (a[0] ^ b[0]) != 0x20 || a.substr(1) != b.substr(1)) return false;
  if (article_word(a)) return true;  // "Al-Sadr" of "Moqtada al-Sadr"
  if (a.size() > 4) return false;
  char lower[4];
  for (size_t k = 0; k < a.size(); ++k) lower[k] = a[k] >= 'A' && a[k] <= 'Z' ? static_cast<char>(a[k] | 0x20) : a[k];
  const std::vector<std::string>& particles = grammar::Lexicon::builtin().name_particles;
  return std::find(particles.begin(), particles.end(), std::string_view(lower, a.size())) != particles.end();
}

template <typename Full>
bool contains_all(const Full& full, const NameWords& part) {
  for (std::string_view w : part)
    if (std::none_of(full.begin(), full.end(), [&](std::string_view f) { return same_name_word(f, w); })) return false;
  return true;
}

// "the statement", "a statement published by X": a text that speaks (a doc
// noun of data/lexicon/roles.txt). Returns that noun, or empty.
std::string_view doc_word(std::string_view role_text) {
  static const WordSet docs = [] {  // views of the builtin lexicon
    std::vector<std::string_view> nouns;
    for (const grammar::RoleNoun& r : grammar::Lexicon::builtin().roles)
      if (r.type == grammar::RoleNoun::Type::kDoc) nouns.push_back(r.noun);
    return WordSet(nouns);
  }();
  // The words before " by " (split at spaces), read in place in one pass:
  // the last one without its possessive ending. A word is tested when the
  // next one shows it is not the last.
  std::string_view found, pending;
  for (size_t start = 0, n = role_text.size(); start < n;) {
    size_t end = grammar::bytes::find_any<' '>(role_text, start, n);
    std::string_view w = role_text.substr(start, end - start);
    bool spaced = start > 0 && end < n;  // a space before and after
    start = end + 1;
    if (w.empty()) continue;
    if (w == "by" && spaced) break;
    if (!pending.empty() && docs.contains(pending)) found = pending;
    pending = w;
  }
  if (!pending.empty() && docs.contains(strip_possessive(pending))) found = strip_possessive(pending);
  return found;
}

bool is_doc(std::string_view role_text) { return !doc_word(role_text).empty(); }

// The capitalised possessor that opens a phrase ("Bell's message" ->
// "Bell", "Marcus Bell’s letter" -> "Marcus Bell"), or empty.
std::string_view possessor(std::string_view phrase) {
  phrase = strip_article(phrase);
  if (phrase.empty() || !(phrase[0] >= 'A' && phrase[0] <= 'Z')) return {};
  for (std::string_view s : {"'s ", "\xE2\x80\x99s "}) {
    size_t at = phrase.find(s);
    if (at != std::string_view::npos) return phrase.substr(0, at);
  }
  return {};
}

SpeakerType speaker_type(Mention::Type t) {
  switch (t) {
    case Mention::Type::kPerson: return SpeakerType::kPerson;
    case Mention::Type::kOrganization: return SpeakerType::kOrganization;
    case Mention::Type::kGroup: return SpeakerType::kGroup;
    case Mention::Type::kRole: return SpeakerType::kRole;
    default: return SpeakerType::kUnknown;
  }
}

bool gender_fits(Mention::Gender pronoun, Mention::Gender m) {
  return m == Mention::Gender::kUnknown || m == pronoun;
}

}  // namespace

namespace {

// The end of the document's first line when that line has no full stop at
// its end, a headline ("Central bank holds rates, warns of “sticky”
// inflation"); else 0. Once per document: mentions before it are in it.
size_t first_line_headline_end(std::string_view text) {
  size_t line_end = std::min(text.find('\n'), text.size());
  size_t e = line_end;
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\r')) --e;
  // Before a closing mark (" ” ’), the character it closes after.
  if (e > 0 && (text[e - 1] == '"' || text[e - 1] == '\'')) --e;
  else if (e >= 3 && text.compare(e - 3, 2, "\xE2\x80") == 0 && (text[e - 1] == '\x9D' || text[e - 1] == '\x99'))
    e -= 3;
  char last = e > 0 ? text[e - 1] : '.';
  bool headline = last != '.' && last != '!' && last != '?' && last != ',' && last != ':';
  return headline ? line_end : 0;
}

// "By Tomas Reddy" (or "By Tomas Reddy, Arts Editor") on a line of its own
// in the first 2 KB: the writer's name, or "".
std::string_view byline(std::string_view text) {
  std::string_view head = text.substr(0, 2048);
  for (size_t p = 0; p < head.size();) {
    size_t e = std::min(head.find('\n', p), head.size());
    std::string_view line = head.substr(p, e - p);
    p = e + 1;
    if (line.substr(0, 3) != "By ") continue;
    std::string_view name = line.substr(3, line.find(',') - 3);  // to the end when there is no comma
    NameWords words = words_of(name);
    bool capitalised =
        std::all_of(words.begin(), words.end(), [](std::string_view w) { return w[0] >= 'A' && w[0] <= 'Z'; });
    if (words.size() >= 2 && words.size() <= 4 && capitalised) return name;
  }
  return {};
}

// Distinct word sequences (names), by a hash of their words, open
// addressing: no joined string per mention.
class NameTable {
 public:
  // Room for `most` distinct sequences.
  explicit NameTable(size_t most) {
    size_t n = 8;
    while (n < 2 * most) n *= 2;
    slots_.assign(n, 0);
    hashes_.reserve(most);
  }
  // The index of the sequence equal to `words` added before (same(j) tells
  // whether sequence j is), or, when there is none, the next index, which it
  // then stands for.
  template <typename Same>
  size_t find_or_add(const NameWords& words, Same same) {
    size_t h = 0;
    for (std::string_view w : words) h = h * 31 + word_hash(w);
    for (size_t at = h & (slots_.size() - 1);; at = (at + 1) & (slots_.size() - 1)) {
      uint32_t slot = slots_[at];
      if (slot == 0) {
        slots_[at] = static_cast<uint32_t>(hashes_.size() + 1);
        hashes_.push_back(h);
        return hashes_.size() - 1;
      }
      if (hashes_[slot - 1] == h && same(slot - 1)) return slot - 1;
    }
  }

 private:
  std::vector<uint32_t> slots_;  // 1 + index, or 0 for an empty slot
  std::vector<size_t> hashes_;   // by index
};

}  // namespace

// The per-mention buffers the last resolver of this thread left (a second
// resolver alive at the same time finds them empty and makes its own).
EntityResolver::PersonCache& EntityResolver::spare_person_cache() {
  thread_local PersonCache spare;
  return spare;
}

EntityResolver::~EntityResolver() { spare_person_cache() = std::move(person_); }

EntityResolver::EntityResolver(std::string_view text, const std::vector<MentionRef>& mentions,
                               const std::vector<std::pair<size_t, int>>& claimed, const std::vector<int>& speaking)
    : text_(text),
      mentions_(mentions),
      writer_(byline(text)),
      headline_end_(first_line_headline_end(text)),
      person_(std::move(spare_person_cache())) {
  if (person_.words.size() < mentions.size()) {
    person_.words.resize(mentions.size());
    person_.named.resize(mentions.size());
  }
  person_.known.assign(mentions.size(), 0);
  size_t persons = 0;
  for (const MentionRef& r : mentions) persons += r.mention.type == Mention::Type::kPerson;
  NameTable seen(persons);
  full_names_.reserve(persons);
  full_name_words_.reserve(3 * persons);
  by_word_.reserve(3 * persons);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const MentionRef& r = mentions[i];
    if (r.mention.type != Mention::Type::kPerson || r.in_headline) continue;
    // A one-word name ("Reddy said") gives at most one word (words are split
    // at spaces and no-break spaces, and person_words only drops some): not
    // a full name.
    std::string_view written = text.substr(r.mention.name.begin, r.mention.name.size());
    if (written.find(' ') == std::string_view::npos && written.find("\xC2\xA0") == std::string_view::npos) continue;
    const NameWords& w = words_of_person(i);
    if (w.size() < 2 || org_head(w.back())) continue;
    size_t k = seen.find_or_add(w, [&](size_t j) {
      WordRange f = name_words(full_names_[j]);
      return std::equal(f.begin(), f.end(), w.begin(), w.end());
    });
    if (k == full_names_.size()) {
      for (std::string_view word : w) by_word_.push_back({name_hash(word), k});
      full_names_.push_back({full_name_words_.size(), w.size(), 0});
      full_names_.back().first_mention = i;
      full_name_words_.insert(full_name_words_.end(), w.begin(), w.end());
    }
    ++full_names_[k].count;
  }
  std::sort(by_word_.begin(), by_word_.end());  // by hash, then name: names in document order
  mark_run_together();
  subject_.assign(mentions.size(), false);
  for (const auto& [sentence, subject] : claimed)
    if (subject >= 0 && static_cast<size_t>(subject) < mentions.size()) subject_[static_cast<size_t>(subject)] = true;
  for (int subject : speaking)
    if (subject >= 0 && static_cast<size_t>(subject) < mentions.size()) subject_[static_cast<size_t>(subject)] = true;
  link_titles();
  learn_genders();
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i].mention;
    if (m.type != Mention::Type::kRole) continue;
    std::string_view t = text.substr(m.range.begin, m.range.size());
    if (!is_doc(t)) continue;
    // "a statement by the ministry"; "a communiqué from the race jury", when
    // what follows "from" is short and names no other agent (not "a letter
    // from the Legion obtained by the AP", "memo from the panel seemed aimed
    // at …": a role's tail may run on).
    size_t by = t.find(" by ");
    if (by != std::string_view::npos) {
      issuers_.push_back({i, {std::string(strip_article(t.substr(by + 4))), SpeakerType::kOrganization}});
      continue;
    }
    if (size_t from = t.find(" from "); from != std::string_view::npos) {
      // A body or a person: "the race jury", "Diane D. Blair"; not a place
      // or a time ("a report from Kabul", "a statement from last year").
      std::string_view after = t.substr(from + 6);
      std::string_view source = strip_article(after);
      bool body = source.size() < after.size() && after.substr(0, 4) == "the ";
      size_t capitals = 0;  // words that start with a capital
      for (size_t p = 0; p < source.size(); ++p)
        capitals += source[p] >= 'A' && source[p] <= 'Z' && (p == 0 || source[p - 1] == ' ');
      if ((body || capitals >= 2) && std::count(source.begin(), source.end(), ' ') < 4) {
        issuers_.push_back({i, {std::string(source), SpeakerType::kOrganization}});
        continue;
      }
    }
    // "Bell's message", "the campaign's statement": the possessor issued it;
    // "The CM's message", the office holder it abbreviates.
    if (std::string_view owner = possessor(t); !owner.empty()) {
      if (int holder = holder_of_initials(i, owner); holder >= 0) {
        issuers_.push_back({i, named_person(static_cast<size_t>(holder))});
        continue;
      }
      NameWords w = words_of(owner);
      drop_descriptors(&w);
      if (!w.empty()) {
        // A person's message speaks for the person, a body's for the body.
        std::string full = fullest_name(w, i);
        bool person = !org_head(w.back()) && full.find(' ') != std::string::npos;
        issuers_.push_back({i, {std::move(full), person ? SpeakerType::kPerson : SpeakerType::kOrganization}});
        continue;
      }
    }
    // "The report, released on Monday by the committee, said": the agent of
    // the participle that follows it.
    if (int agent = issuing_agent(i); agent >= 0) {
      ResolvedSpeaker s = named(static_cast<size_t>(agent));
      if (s.type == SpeakerType::kOrganization || s.type == SpeakerType::kPerson || s.type == SpeakerType::kGroup) {
        issuers_.push_back({i, s});
        continue;
      }
    }
    // "According to a statement ..., Mr Ding said": Mr Ding did not issue it.
    std::string_view before = text.substr(0, m.range.begin);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.size() >= 12 && (before.substr(before.size() - 12) == "according to" ||
                                before.substr(before.size() - 12) == "According to"))
      continue;
    // The speaker of the sentence issued a text it speaks "in" or released
    // ("said in a statement", "released a report"), not one it rejects.
    if (!issued_by_its_speaker(before)) continue;
    // `claimed` is in document order: look only at this sentence's subjects.
    auto first = std::lower_bound(claimed.begin(), claimed.end(), mentions[i].sentence,
                                  [](const std::pair<size_t, int>& c, size_t s) { return c.first < s; });
    bool found = false;
    for (auto it = first; it != claimed.end() && it->first == mentions[i].sentence && !found; ++it) {
      int subject = it->second;
      if (static_cast<size_t>(subject) == i) continue;
      ResolvedSpeaker s = named(static_cast<size_t>(subject));
      if (s.type == SpeakerType::kOrganization || s.type == SpeakerType::kPerson) {
        issuers_.push_back({i, s});
        found = true;
      }
    }
    // "The union released a statement", "The governments today issued a
    // joint statement": no speech verb, so the subject of the verb of issuing,
    // the sentence's first body, person or group (not one in a clause after
    // it: "The committee, which the union criticised, released a report").
    if (found || !issuing_verb(last_word(before))) continue;
    size_t j = i;
    while (j > 0 && mentions[j - 1].sentence == mentions[i].sentence) --j;
    for (; j < i; ++j) {
      if (mentions[j].mention.type == Mention::Type::kPronoun || after_preposition(j)) continue;
      ResolvedSpeaker s = named(j);
      if (s.type == SpeakerType::kOrganization || s.type == SpeakerType::kPerson || s.type == SpeakerType::kGroup) {
        issuers_.push_back({i, s});
        break;
      }
    }
  }
}

// "Chief Minister Harishankar Dubey … The CM's message", "Prime Minister
// Keir Starmer … the PM said": a person written before mention i, within
// kTitleWindow sentences, whose capitalised office title (person_.offices, as
// far as link_titles() has read) ends in a minister's or president's words
// with these initials (two to four capitals); the last such person, or -1.
// Not an office word that is itself initials ("US Senator X … the US said"),
// nor a deputy's ("Deputy Chief Minister X … the CM said").
int EntityResolver::holder_of_initials(size_t i, std::string_view initials) const {
  if (initials.size() < 2 || initials.size() > 4 ||
      !std::all_of(initials.begin(), initials.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return -1;
  const std::vector<Office>& offices = person_.offices;
  const std::vector<std::string_view>& office_words = person_.office_words;
  size_t sentence = mentions_[i].sentence;
  for (auto it = offices.rbegin(); it != offices.rend() && it->sentence + kTitleWindow >= sentence; ++it) {
    if (it->mention >= i || it->count < initials.size()) continue;
    size_t from = it->first + it->count - initials.size();
    std::string_view last = office_words[it->first + it->count - 1];
    if (!same_words(last, "Minister") && !same_words(last, "President")) continue;
    if (from > it->first) {
      std::string_view before = office_words[from - 1];
      if (same_words(before, "Deputy") || same_words(before, "Vice") || same_words(before, "Assistant")) continue;
    }
    bool all = true;
    for (size_t k = 0; k < initials.size() && all; ++k) {
      std::string_view w = office_words[from + k];
      all = !w.empty() && w[0] == initials[k] && !(w.size() > 1 && w[1] >= 'A' && w[1] <= 'Z');
    }
    if (all) return static_cast<int>(it->mention);
  }
  return -1;
}

// "Fisheries Minister Ingrid Solberg ... The minister said": a definite role
// whose words end the office title of a person written before it (in the
// last kTitleWindow sentences) is that person. "The prime minister" does
// not match "Fisheries Minister"; "a minister" is nobody in particular. The
// last matching office wins: after "Finance Minister A … Prime Minister B",
// "the minister" is B (both titles end in "Minister"). Failing that, an
// epithet with an organisation word may stand for a titled person
// (epithet_holder: "Rovers boss Gary Holt … the Rovers manager said").
void EntityResolver::link_titles() {
  title_of_.assign(mentions_.size(), -1);
  std::vector<Office>& offices = person_.offices;
  std::vector<std::string_view>& office_words = person_.office_words;
  offices.clear();
  office_words.clear();
  for (size_t i = 0; i < mentions_.size(); ++i) {
    const MentionRef& r = mentions_[i];
    const Mention& m = r.mention;
    if (m.type == Mention::Type::kPerson && m.titled && m.name.begin > m.range.begin) {
      // A capitalised title ("Fisheries Minister Solberg"): two capitalised
      // words, so a sentence far from every quote that holds it is read too
      // (attribution_sentence.cpp may_name_entities) and the link does not
      // depend on how much of the document was read.
      std::string_view written_title = text_.substr(m.range.begin, m.name.begin - m.range.begin);
      NameWords title_words = words_of(written_title);
      if (title_words.empty() || !(title_words.back()[0] >= 'A' && title_words.back()[0] <= 'Z')) continue;
      auto from = title_words.begin() + (same_words(title_words.front(), "the") ? 1 : 0);
      if (from != title_words.end()) {
        offices.push_back({office_words.size(), static_cast<size_t>(title_words.end() - from), i, r.sentence});
        office_words.insert(office_words.end(), from, title_words.end());
      }
      continue;
    }
    if (m.type != Mention::Type::kRole && m.type != Mention::Type::kOrganization) continue;
    std::string_view written = text_.substr(m.range.begin, m.range.size());
    // "the " or "The ", byte by byte (two out-of-line compares per role showed).
    if (written.size() < 4 || (written[0] != 't' && written[0] != 'T') || written[1] != 'h' || written[2] != 'e' ||
        written[3] != ' ')
      continue;
    if (m.type == Mention::Type::kOrganization) {  // "the PM", "The CM's"; most bodies are no initials
      std::string_view x = written.substr(4);
      if (x.size() >= 2 && x.size() <= 6 && x[0] >= 'A' && x[0] <= 'Z' && x[1] >= 'A' && x[1] <= 'Z')
        title_of_[i] = holder_of_initials(i, strip_possessive(x));
      continue;
    }
    NameWords role = words_of(written.substr(4));
    if (role.empty()) continue;
    // "Graeme Pellow insisted …. The 52-year-old, who …, said": an age
    // epithet stands for the person named in this or the sentence before.
    if (role.size() == 1 && age_epithet(role[0])) {
      title_of_[i] = person_named_before(i);
      continue;
    }
    for (auto it = offices.rbegin(); it != offices.rend() && it->sentence + kTitleWindow >= r.sentence; ++it) {
      if (role.size() > it->count) continue;
      auto title_end = office_words.begin() + static_cast<long>(it->first + it->count);
      if (!std::equal(role.rbegin(), role.rend(), std::make_reverse_iterator(title_end), same_words)) continue;
      title_of_[i] = static_cast<int>(it->mention);
      break;
    }
    // An epithet is read for a speaker near a quote (so in every reading of
    // the document), the one place it matters, and most of them are not.
    if (title_of_[i] < 0 && subject_[i] && r.near_quote) title_of_[i] = epithet_holder(i, role);
    // "Wierzbicki was unapologetic. “…,” he said. The Polish-born director,
    // who …": a birthplace before a role noun describes someone already
    // named, the person last named a few sentences back; no one is
    // introduced that way.
    if (title_of_[i] < 0 && role.size() == 2 && origin_epithet(role[0]))
      title_of_[i] = person_named_before(i, kEpithetWindow);
  }
}

// The title person mention j was written with, or "": an honorific or
// office before the name ("Fisheries Minister", "Labour leader"), a role
// noun and its organisation before a name with no honorific ("Rovers
// boss"), or a role in apposition before it ("the German club's sporting
// director, Lukas Brandt"). Only a capitalised title, or one before a full
// name, holds in every reading: a sentence far from every quote is read
// for two capitalised words in a row (attribution_sentence.cpp
// may_name_entities), so what links to it does not depend on how much of
// the document was read.
std::string_view EntityResolver::title_of_person(size_t j) const {
  const MentionRef& r = mentions_[j];
  const Mention& m = r.mention;
  std::string_view title;
  if (m.titled && m.name.begin > m.range.begin) title = text_.substr(m.range.begin, m.name.begin - m.range.begin);
  bool full_name = !r.in_headline && text_.substr(m.name.begin, m.name.size()).find(' ') != std::string_view::npos;
  if (!full_name) {
    std::string_view last = last_word(title.substr(0, title.find_last_not_of(' ') + 1));
    return !last.empty() && last[0] >= 'A' && last[0] <= 'Z' ? title : std::string_view();
  }
  if (m.titled) return title;
  if (j > 0 && mentions_[j - 1].mention.type == Mention::Type::kRole && named_in_apposition(j - 1))
    return text_.substr(mentions_[j - 1].mention.range.begin, mentions_[j - 1].mention.range.size());
  return title_before_name(text_.substr(0, m.name.begin));
}

// "Rovers boss Gary Holt … “…,” the Rovers manager said": a definite role
// (its words `role`) with a capitalised modifier (an organisation, a
// party, a nationality) stands for the person last titled (title_of_person),
// in the last kTitleWindow sentences and kMaxCandidates mentions (a long
// document stays linear), with that word and with the same role
// word or one of its kind (data/lexicon/role_kinds.txt: "boss", "manager";
// not "Rovers defender"). The same role word outranks one of its kind. Two
// such people are told apart only by the subject of the sentence before
// ("Holt shrugged it off. “…,” the Rovers manager said"); otherwise, as
// with a title of another organisation ("the Bremen sporting director"), -1.
// A bare role ("England skipper Harry Kane … the skipper said", "Labour
// leader X … the leader") stands for a person whose title ends in the same
// role word.
int EntityResolver::epithet_holder(size_t i, const NameWords& role) const {
  NameWords modifiers;
  for (size_t k = 0; k + 1 < role.size(); ++k)
    if (role[k][0] >= 'A' && role[k][0] <= 'Z') modifiers.push_back(strip_possessive(role[k]));
  std::string_view head = role.back();
  if (!role_noun(head)) return -1;  // not "the Supreme Court ruling"
  bool bare = role.size() == 1;
  if (modifiers.empty() && !bare) return -1;
  std::string_view probe = bare ? head : modifiers[0];
  uint64_t head_kinds = 0;  // role_kinds(head), read when a title's role word differs
  bool kinds_read = false;
  // The people who fit, nearest first, each once, of the best rank seen:
  // 0 for the same role word, 1 for one of its kind (a role of another kind
  // is never taken).
  boost::container::small_vector<std::pair<int, const std::string*>, 4> holders;
  int best = 1;
  size_t sentence = mentions_[i].sentence;
  size_t stop = i > kMaxCandidates ? i - kMaxCandidates : 0;
  for (size_t j = i; j-- > stop && mentions_[j].sentence + kTitleWindow >= sentence;) {
    const Mention& m = mentions_[j].mention;
    // "… a State Department spokesman rejected it. “…,” the spokesman
    // said": a newer unnamed one of the same role is the one meant.
    if (bare && m.type == Mention::Type::kRole) {
      std::string_view w = text_.substr(m.range.begin, m.range.size());
      if ((w.substr(0, 2) == "a " || w.substr(0, 2) == "A " || w.substr(0, 3) == "an " || w.substr(0, 3) == "An ") &&
          w.size() >= head.size() && same_words(w.substr(w.size() - head.size()), head))
        break;
    }
    if (m.type != Mention::Type::kPerson) continue;
    // A cheap test first: the modifier is written shortly before the name
    // (a view built in place: substr's bounds check showed in the profile).
    constexpr uint32_t kTitleBytes = 80;
    uint32_t from = m.name.begin > kTitleBytes ? m.name.begin - kTitleBytes : 0;
    if (std::string_view(text_.data() + from, m.name.begin - from).find(probe) == std::string_view::npos)
      continue;
    NameWords title = words_of(title_of_person(j));
    if (bare && (title.empty() || !same_words(title.back(), head))) continue;
    bool has_all = !title.empty() && std::all_of(modifiers.begin(), modifiers.end(), [&](std::string_view w) {
      return std::any_of(title.begin(), title.end(), [&](std::string_view t) { return strip_possessive(t) == w; });
    });
    if (!has_all) continue;
    int rank = 0;
    if (!same_words(title.back(), head)) {
      if (!kinds_read) {
        head_kinds = role_kinds(head);
        kinds_read = true;
      }
      rank = (role_kinds(title.back()) & head_kinds) != 0 ? 1 : 2;
    }
    if (rank > best) continue;
    const ResolvedSpeaker& person = named_person(j);
    if (person.type != SpeakerType::kPerson) continue;
    if (rank < best) holders.clear();
    best = rank;
    auto same_person = [&](const std::pair<int, const std::string*>& h) { return *h.second == person.name; };
    if (std::none_of(holders.begin(), holders.end(), same_person))
      holders.push_back({static_cast<int>(j), &person.name});
  }
  if (holders.size() == 1) return holders[0].first;
  int subject = previous_subject(i);
  if (holders.empty() || subject < 0) return -1;
  const std::string& name = named_person(static_cast<size_t>(subject)).name;
  for (const auto& [mention, holder] : holders)
    if (*holder == name) return mention;
  return -1;
}

// The named person who opens the sentence before mention i's (at its first
// token), or -1. Near a quote, so that what is read there does not depend
// on --indirect.
int EntityResolver::previous_subject(size_t i) const {
  size_t sentence = mentions_[i].sentence;
  if (sentence == 0) return -1;
  int first = -1;
  size_t stop = i > kMaxCandidates ? i - kMaxCandidates : 0;
  for (size_t j = i; j-- > stop && mentions_[j].sentence + 1 >= sentence;)
    if (mentions_[j].sentence + 1 == sentence) first = static_cast<int>(j);
  if (first < 0) return -1;
  const MentionRef& r = mentions_[static_cast<size_t>(first)];
  if (r.token != 0 || !r.near_quote || r.mention.type != Mention::Type::kPerson) return -1;
  return named_person(static_cast<size_t>(first)).type == SpeakerType::kPerson ? first : -1;
}

// The person last named in mention i's sentence or the `window` before (not
// a place after a preposition), or -1.
int EntityResolver::person_named_before(size_t i, size_t window) const {
  for (size_t j = i; j-- > 0 && mentions_[j].sentence + window >= mentions_[i].sentence;) {
    const MentionRef& r = mentions_[j];
    if (r.mention.type != Mention::Type::kPerson || r.in_headline || after_preposition(j) || told(j)) continue;
    if (named_person(j).type == SpeakerType::kPerson) return static_cast<int>(j);
  }
  return -1;
}

// "The Foreign Ministry said …. “…,” the ministry said": "the" and a
// noun name the body written before with that noun in a proper name
// ("Foreign Ministry", "Bank of Canada" for "the bank", "Washington Post"
// for "The Post"), where that body spoke or opened its sentence, among the
// 256 mentions before; or -1.
// Not when two such bodies were named ("the ministry" after the Foreign
// and the Defence Ministry) or one was described with that noun ("The GMB
// union", "the California-based company", "the British government"), nor
// "the House" for the "White House". Headlines are not looked at.
int EntityResolver::body_named_before(size_t i) const {
  const Mention& m = mentions_[i].mention;
  std::string_view written = text_.substr(m.range.begin, m.range.size());
  std::string_view noun = strip_article(written);
  if (noun.size() == written.size() || (written[0] | 0x20) != 't' || noun.empty() ||
      noun.find(' ') != std::string_view::npos ||
      std::none_of(noun.begin(), noun.end(), [](char c) { return c >= 'a' && c <= 'z'; }))  // "the SVP"
    return -1;
  // "the House" is no "White House" (but "the House of Representatives").
  bool first_only = noun == "House";
  auto same = [noun](std::string_view w) {
    return w.size() == noun.size() && std::equal(w.begin(), w.end(), noun.begin(), [](char a, char b) {
             return (a | 0x20) == (b | 0x20);
           });
  };
  int found = -1;
  std::string_view found_name;
  for (size_t j = i; j-- > 0 && i - j <= 256;) {
    const MentionRef& r = mentions_[j];
    const Mention& b = r.mention;
    if (b.type != Mention::Type::kOrganization || title_of_[j] >= 0 || r.in_headline ||
        b.range.begin < headline_end_)
      continue;
    std::string_view name = text_.substr(b.name.begin, b.name.size());
    name = strip_article(name);
    if (name.find(' ') == std::string_view::npos) continue;
    // A proper name: every word capitalised but the joiners.
    bool has = false, proper = true, first = true;
    each_word(name, [&](std::string_view w, bool) {
      has |= same(w) && (first || !first_only);
      first = false;
      auto c = static_cast<unsigned char>(w[0]);
      size_t hyphen = w.find('-');
      proper &= ((c >= 'A' && c <= 'Z') || c >= 0xC3 || w == "of" || w == "and" || w == "for" || w == "the" ||
                 w == "on" || w == "&") &&
                !(hyphen != std::string_view::npos && hyphen + 1 < w.size() && w[hyphen + 1] >= 'a' &&
                  w[hyphen + 1] <= 'z');
    });
    if (!has) continue;
    if (!proper) return -1;  // "The GMB union said …": a body described, perhaps this one
    // (A subject of a cue only near a quote, read so in every mode.)
    if (!(r.token == 0 || (r.near_quote && subject_[j]))) continue;
    if (found >= 0 && name != found_name) return -1;  // two bodies: which one?
    if (found < 0) found = static_cast<int>(j), found_name = name;
  }
  return found;
}

// True when every word of `words` stands after the "of" of `full`: "Kent"
// is not the Duke of Kent, nor "Halvern" the "Shares of Halvern" that a
// sentence opened with; what follows "of" is a place or a body.
template <typename Full>
static bool only_after_of(const Full& full, const NameWords& words) {
  auto of = std::find(full.begin(), full.end(), "of");
  if (of == full.end()) return false;
  return std::none_of(full.begin(), of, [&](std::string_view f) {
    return std::find(words.begin(), words.end(), f) != words.end();
  });
}

// "Jr", "III": a word after a full name that is still the person's.
static bool name_suffix(std::string_view w) {
  for (std::string_view s : {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
    if (w == s) return true;
  return false;
}

// "Ted Cruz Hints Trump", "Bush Hits Marco Rubio", "Ted Cruz Apologizes": a
// title-case headline read as one name holds another full name of the
// document and either one word, or three or more, after it ("Chris
// Christie Address Heroin Epidemic"; not "Jr" or "III" last), or two words
// more, one of them the last word of a third name ("Trump" of "Donald
// Trump"). It is no fuller form of either: "Cruz" stays "Ted Cruz". "Aung
// San Suu Kyi" (holding "Suu Kyi") is one name: no surname among the rest.
// Nor is "DeSantis of Ponte Vedra Beach", a surname of the document and
// the place after it.
void EntityResolver::mark_run_together() {
  for (FullName& f : full_names_) {
    if (f.size < 3) continue;
    WordRange w = name_words(f);
    if (w.first[1] == "of" && surname(w.first[0])) {
      f.run_together = true;
      continue;
    }
    const auto self = static_cast<size_t>(&f - full_names_.data());
    // Does a full name other than f and `inner` end with `word`?
    auto surname_of_another = [&](std::string_view word, size_t inner) {
      auto [first, last] = names_with(word);
      return std::any_of(first, last, [&](const std::pair<size_t, size_t>& e) {
        return e.second != self && e.second != inner && name_words(full_names_[e.second]).back() == word;
      });
    };
    auto run_together_with = [&](size_t i) {
      const FullName& inner = full_names_[i];
      if (i == self || inner.size >= f.size) return false;
      WordRange in = name_words(inner);
      auto at = std::search(w.begin(), w.end(), in.begin(), in.end());
      if (at == w.end()) return false;
      if (inner.size + 1 == f.size || inner.size + 3 <= f.size) return at == w.begin() && !name_suffix(w.back());
      auto another = [&](std::string_view word) { return surname_of_another(word, i); };
      return std::any_of(w.begin(), at, another) || std::any_of(at + static_cast<long>(in.size()), w.end(), another);
    };
    // A name inside f shares a word with it: found through the index, not
    // by trying every name of the document (quadratic in a long one).
    for (std::string_view word : w) {
      auto [first, last] = names_with(word);
      if (std::any_of(first, last, [&](const std::pair<size_t, size_t>& e) { return run_together_with(e.second); })) {
        f.run_together = true;
        break;
      }
    }
  }
}

// by_word_'s entries under `word`'s hash, at most kMaxCandidates of them (a
// name that only shares the hash is the caller's to skip).
std::pair<EntityResolver::WordIndex, EntityResolver::WordIndex> EntityResolver::names_with(std::string_view word) const {
  size_t hash = name_hash(word);
  auto first = std::lower_bound(by_word_.begin(), by_word_.end(), std::pair<size_t, size_t>(hash, 0));
  auto last = first;
  while (last != by_word_.end() && last->first == hash && static_cast<size_t>(last - first) < kMaxCandidates) ++last;
  return {first, last};
}

// True when a full name of the document ends with `word` ("DeSantis" of
// "Ron DeSantis").
bool EntityResolver::surname(std::string_view word) const {
  auto [first, last] = names_with(word);
  return std::any_of(first, last, [&](const std::pair<size_t, size_t>& e) {
    return name_words(full_names_[e.second]).back() == word;
  });
}

// The longest full name containing every word; among equally long ones, the
// one written most often ("Mrs. Clinton" in a story about Hillary Clinton that
// mentions Bill Clinton once). A name written before `mention` outranks
// those written only after it ("Crown Prince Mohammed bin Salman …. Prince
// Mohammed added" is not the Mohammed bin Abdulrahman Al Thani of the next
// paragraph).
std::string EntityResolver::fullest_name(const NameWords& words, size_t mention) const {
  std::string_view last = words.back();
  size_t hash = name_hash(last);
  auto it = std::lower_bound(by_word_.begin(), by_word_.end(), std::pair<size_t, size_t>(hash, 0));
  const FullName* best = nullptr;
  bool best_earlier = false, best_exact = false;
  // The first kMaxCandidates names written with the word (a name that only
  // shares its hash is no candidate).
  for (size_t candidates = 0; it != by_word_.end() && it->first == hash && candidates < kMaxCandidates; ++it) {
    const FullName& full = full_names_[it->second];
    WordRange full_words = name_words(full);
    if (std::none_of(full_words.begin(), full_words.end(), [&](std::string_view f) { return same_name_word(f, last); }))
      continue;
    ++candidates;
    if (full.run_together || !contains_all(full_words, words) || only_after_of(full_words, words)) continue;
    // Then one with every word written as here ("De Souza" is Joao De
    // Souza's before Maria de Souza's), then the longest, the most written.
    bool earlier = full.first_mention < mention;
    bool exact = std::all_of(words.begin(), words.end(), [&](std::string_view w) {
      return std::find(full_words.begin(), full_words.end(), w) != full_words.end();
    });
    auto rank = [&](bool e, bool x, const FullName& f) { return std::make_tuple(e, x, f.size, f.count); };
    if (!best || rank(earlier, exact, full) > rank(best_earlier, best_exact, *best)) {
      best = &full;
      best_earlier = earlier;
      best_exact = exact;
    }
  }
  return best ? join(name_words(*best)) : join(words);
}

ResolvedSpeaker EntityResolver::named(size_t i) const {
  const Mention& m = mentions_[i].mention;
  std::string_view written = text_.substr(m.range.begin, m.range.size());
  switch (m.type) {
    case Mention::Type::kPronoun: return {"", SpeakerType::kUnknown};
    case Mention::Type::kRelative:
      return mentions_[i].antecedent >= 0 ? named(static_cast<size_t>(mentions_[i].antecedent))
                                          : ResolvedSpeaker{};
    case Mention::Type::kOrganization:
      if (title_of_[i] >= 0) return named(static_cast<size_t>(title_of_[i]));  // "the PM"
      if (int j = body_named_before(i); j >= 0) return named(static_cast<size_t>(j));  // "the ministry"
      [[fallthrough]];
    case Mention::Type::kGroup:
      return {join(words_of(strip_article(written))), speaker_type(m.type)};
    case Mention::Type::kRole: {
      if (is_doc(written)) return document(i);
      if (title_of_[i] >= 0) return named(static_cast<size_t>(title_of_[i]));
      NameWords words = words_of(strip_article(written));
      if (NameWords name = holder_after_field(words); !name.empty()) return {join(name), SpeakerType::kPerson};
      return {join(words), SpeakerType::kRole};
    }
    case Mention::Type::kPerson: break;
  }
  return named_person(i);
}

// person_words() of person mention i, computed once.
const NameWords& EntityResolver::words_of_person(size_t i) const {
  if (!(person_.known[i] & PersonCache::kWords)) {
    person_words(text_, mentions_[i].mention, &person_.words[i]);
    person_.known[i] |= PersonCache::kWords;
  }
  return person_.words[i];
}

// read_person(i), computed once: it depends only on the text and the full
// names, which are all known (and marked) before the first named() call.
const ResolvedSpeaker& EntityResolver::named_person(size_t i) const {
  if (!(person_.known[i] & PersonCache::kNamed)) {
    person_.named[i] = read_person(i);
    person_.known[i] |= PersonCache::kNamed;
  }
  return person_.named[i];
}

// named() of person mention i.
ResolvedSpeaker EntityResolver::read_person(size_t i) const {
  const Mention& m = mentions_[i].mention;
  const NameWords& all = words_of_person(i);
  if (all.empty()) return {std::string(text_.substr(m.range.begin, m.range.size())), SpeakerType::kUnknown};
  // "DeSantis of Ponte Vedra Beach": a surname of the document, and where
  // the person is from.
  NameWords surname_only;
  bool of_place = all.size() > 2 && all[1] == "of" && surname(all[0]);
  if (of_place) surname_only.push_back(all[0]);
  const NameWords& words = of_place ? surname_only : all;
  if (org_head(words.back())) return {join(words), SpeakerType::kOrganization};
  std::string full = fullest_name(words, i);
  bool known = m.titled || words.size() >= 2 || full.find(' ') != std::string::npos || role_in_apposition(i);
  return {full, known ? SpeakerType::kPerson : SpeakerType::kUnknown};
}

// The doc noun of a role mention ("the joint statement", "a statement
// published by X" → "statement"), or empty.
std::string_view EntityResolver::doc_noun(size_t i) const {
  const Mention& m = mentions_[i].mention;
  return doc_word(text_.substr(m.range.begin, m.range.size()));
}

// ", released on Monday by the Joint Committee": the mention after "by"
// when a participle of issuing follows mention i, or -1.
int EntityResolver::issuing_agent(size_t i) const {
  const Mention& m = mentions_[i].mention;
  std::string_view rest = text_.substr(m.range.end, 120);
  size_t space = rest.find(' ', 2);
  if (rest.substr(0, 2) != ", " || space == std::string_view::npos || !issuing_verb(rest.substr(2, space - 2)))
    return -1;
  size_t stop = rest.find_first_of(",.;", 1);
  size_t by = rest.find(" by ");
  if (by == std::string_view::npos || by > stop) return -1;
  uint32_t at = m.range.end + static_cast<uint32_t>(by + 4);
  for (size_t j = i + 1; j < mentions_.size() && mentions_[j].mention.range.begin <= at + 4; ++j)
    if (mentions_[j].mention.range.begin >= at) return static_cast<int>(j);
  return -1;
}

ResolvedSpeaker EntityResolver::document(size_t i) const {
  auto after = std::upper_bound(issuers_.begin(), issuers_.end(), i,
                                [](size_t m, const std::pair<size_t, ResolvedSpeaker>& e) { return m < e.first; });
  // "The report" is the last report whose issuer is known, not the last
  // statement's.
  std::string_view noun = doc_noun(i);
  for (auto it = after; it != issuers_.begin();) {
    --it;
    if (it->first == i || doc_noun(it->first) == noun) return it->second;
  }
  const Mention& m = mentions_[i].mention;
  return {std::string(strip_article(text_.substr(m.range.begin, m.range.size()))), SpeakerType::kRole};
}

Mention::Gender EntityResolver::gender(size_t i) const {
  const Mention& m = mentions_[i].mention;
  if (m.type != Mention::Type::kRole || m.gender != Mention::Gender::kUnknown) return m.gender;
  if (title_of_[i] >= 0) return gender(static_cast<size_t>(title_of_[i]));
  if (!doc_noun(i).empty()) return Mention::Gender::kNeuter;  // "The statement said … It added"
  std::string_view t = text_.substr(m.range.begin, m.range.size());
  t = t.substr(0, t.find(" for "));
  auto ends = [&](std::string_view s) { return t.size() >= s.size() && t.substr(t.size() - s.size()) == s; };
  if (ends("woman") || ends("women")) return Mention::Gender::kFemale;
  if (ends("man") || ends("men")) return Mention::Gender::kMale;
  return Mention::Gender::kUnknown;
}

// Mention m's clause asks: "asked" or "asks" follows it before the
// sentence's full stop ("Hannity asked Trump how high …", "Gen. Dunford
// recently asked Admiral Harris"). Who asks does not answer the quote after.
bool EntityResolver::asks_after(size_t m) const {
  std::string_view rest = text_.substr(mentions_[m].mention.range.end, 200);
  // The clause's sentence: up to a stop before a space or a closing mark
  // ("Gen. Joseph F. Dunford Jr., recently asked" goes on past "Jr.,").
  for (size_t p = 0; p < rest.size(); ++p) {
    char c = rest[p];
    if (c == '\n' || ((c == '.' || c == '?' || c == '!') &&
                      (p + 1 == rest.size() || rest[p + 1] == ' ' || rest[p + 1] == '"' || rest[p + 1] == '\xE2'))) {
      rest = rest.substr(0, p);
      break;
    }
  }
  for (std::string_view v : {" asked", " asks", " questioned"})
    for (size_t at = rest.find(v); at != std::string_view::npos; at = rest.find(v, at + 1)) {
      size_t end = at + v.size();
      if (end < rest.size() && std::isalpha(static_cast<unsigned char>(rest[end]))) continue;  // "askew"
      // Not "who was asked to resign": a passive names who was asked.
      std::string_view before = rest.substr(0, at);
      if (before.size() >= 4 && (before.substr(before.size() - 4) == " was" || before.substr(before.size() - 4) == "were"))
        continue;
      return true;
    }
  return false;
}

// The verb right after pronoun mention i answers: "he replied", "she
// answered", "he responded", "she retorted".
bool EntityResolver::replying(size_t i) const {
  std::string_view after = text_.substr(mentions_[i].mention.range.end);
  if (after.empty() || after[0] != ' ') return false;
  after.remove_prefix(1);
  for (std::string_view v : {"replied", "replies", "answered", "answers", "responded", "responds", "retorted"})
    if (after.substr(0, v.size()) == v && (after.size() == v.size() || !std::isalpha(static_cast<unsigned char>(after[v.size()]))))
      return true;
  return false;
}

ResolvedSpeaker EntityResolver::pronoun(size_t i, const std::vector<RecentSpeaker>& recent) const {
  const MentionRef& p = mentions_[i];
  // "“Do you miss the band?” I ask": outside quotes, "I" is the writer (the
  // byline), never someone quoted.
  if (text_.substr(p.mention.range.begin, p.mention.range.size()) == "I")
    return {std::string(writer_), SpeakerType::kPerson};
  Mention::Gender g = p.mention.gender;
  bool personal = he_or_she(g) || g == Mention::Gender::kUnknown;
  // `spoke`: a recent speaker, not just a mention.
  auto wanted = [&](SpeakerType t, Mention::Gender sg, bool spoke) {
    if (personal) return (t == SpeakerType::kPerson || t == SpeakerType::kRole) && gender_fits(g, sg);
    // "It": a body, or whoever spoke through a text ("The statement said").
    if (g == Mention::Gender::kNeuter)
      return t == SpeakerType::kOrganization || (spoke && sg == Mention::Gender::kNeuter);
    return t == SpeakerType::kGroup || t == SpeakerType::kOrganization;
  };
  // The speakers a pronoun looks back over: the last kMaxCandidates (a
  // document of thousands of quotes stays linear; an interview's subject is
  // quoted again well within that).
  const auto recent_end = recent.size() > kMaxCandidates ? recent.rbegin() + kMaxCandidates : recent.rend();
  // The gender a person's name has shown so far: its own (an honorific), or
  // that of a he or she that resolved to it ("Declan Hosk … he said").
  auto learned_gender = [&](const std::string& name, Mention::Gender own) {
    if (own != Mention::Gender::kUnknown || name.empty()) return own;
    if (auto l = learned_gender_.find(name); l != learned_gender_.end()) return l->second;
    for (auto it = recent.rbegin(); it != recent_end; ++it)
      if (it->name == name && it->gender != Mention::Gender::kUnknown) return it->gender;
    return own;
  };
  // A he or she is never the writer of a first-person piece.
  bool third_person = he_or_she(g);
  // "“Did you look back?” asked a reporter. “Once,” he replied": who
  // replies is not who just asked.
  std::string_view asker;
  if (personal && replying(i) && !recent.empty() && recent.back().asked) asker = recent.back().name;
  auto from_speakers = [&](size_t window, ResolvedSpeaker* out) {
    for (auto it = recent.rbegin(); it != recent_end && it->sentence + window >= p.sentence; ++it) {
      if (it->name.empty() || (third_person && !writer_.empty() && it->name == writer_)) continue;
      if (!asker.empty() && it->name == asker) continue;
      if (wanted(it->type, learned_gender(it->name, it->gender), true)) {
        *out = {it->name, it->type};
        return true;
      }
    }
    return false;
  };
  ResolvedSpeaker found;
  // "Lynch said she recalled": a named subject earlier in the same sentence.
  if (personal && person_before(i, [&](size_t j, const ResolvedSpeaker& s) {
        if (!gender_fits(g, learned_gender(s.name, mentions_[j].mention.gender))) return false;
        found = s;
        return true;
      }))
    return found;
  // "A senior official, who spoke on condition of anonymity because they
  // were not authorised …, said …. “…,” they said": a singular they, for a
  // person's role that spoke in this or the last sentence and that its own
  // sentence calls "they" already (otherwise a they is no one person: "An
  // official said …, but the company said …. “…,” they said" is the
  // company's); and a group that spoke there ("Officials said …. “…,” they
  // said"). The subject may be the relative of its clause ("who … said").
  if (g == Mention::Gender::kPlural)
    for (size_t j = i, stop = i > kMaxCandidates ? i - kMaxCandidates : 0;
         j-- > stop && mentions_[j].sentence + 1 >= p.sentence;) {
      if (!subject_[j]) continue;
      int a = mentions_[j].mention.type == Mention::Type::kRelative ? mentions_[j].antecedent : static_cast<int>(j);
      if (a < 0) continue;
      auto s = static_cast<size_t>(a);
      const Mention& m = mentions_[s].mention;
      if (m.type == Mention::Type::kGroup) return named(s);
      if (m.type != Mention::Type::kRole || gender(s) != Mention::Gender::kUnknown) continue;
      for (size_t k = s + 1; k < i && mentions_[k].sentence == mentions_[s].sentence; ++k)
        if (mentions_[k].mention.type == Mention::Type::kPronoun && mentions_[k].mention.gender == Mention::Gender::kPlural)
          return named(s);
    }
  // "Veridane said its board had approved a buyback, which it said
  // reflected …": a body that speaks earlier in the same sentence.
  if (g == Mention::Gender::kNeuter)
    for (size_t j = i, stop = i > kMaxCandidates ? i - kMaxCandidates : 0;
         j-- > stop && mentions_[j].sentence == p.sentence;)
      if (subject_[j] && mentions_[j].mention.type != Mention::Type::kPronoun) {
        ResolvedSpeaker s = named(j);
        if (s.type == SpeakerType::kOrganization || s.type == SpeakerType::kUnknown) return s;
      }
  // "Asked about X, she said": whoever spoke in this or the last sentence.
  if (from_speakers(personal ? 1 : kPronounWindow, &found)) return found;
  // "He too had stressed": the person last named (by name: a role noun near
  // a pronoun is mostly a predicate, "became the first foreign secretary").
  for (size_t j = i, stop = i > kMaxCandidates ? i - kMaxCandidates : 0; j-- > stop;) {
    const MentionRef& r = mentions_[j];
    if (r.sentence + kPronounWindow < p.sentence) break;
    if (r.mention.type == Mention::Type::kPronoun || r.mention.type == Mention::Type::kRelative) continue;
    // A role that speaks and holds a named office ("The minister insisted
    // …") is that person; a role that opens its sentence is its subject ("A
    // spokesperson for the league has been in touch. …, she said"), not a
    // predicate.
    bool subject_role = (subject_[j] && title_of_[j] >= 0) || (r.token == 0 && !named_in_apposition(j));
    if (personal && r.mention.type == Mention::Type::kRole && !subject_role) continue;
    if (personal && after_preposition(j)) continue;  // "in New York", "on Labor Day"
    if (interrupted_by(j, i)) continue;
    // "Ruiz was asked about reports that Tom Hale had quit. “…,” he said":
    // the sentence's subject, a person of the pronoun's gender, is the he or
    // she, not a person named after it.
    if (personal && r.sentence != p.sentence) {
      int subject = sentence_subject(j);
      if (subject >= 0) {
        const Mention& sm = mentions_[static_cast<size_t>(subject)].mention;
        Mention::Gender sg = sm.type == Mention::Type::kPronoun
                                 ? sm.gender
                                 : learned_gender(named_person(static_cast<size_t>(subject)).name,
                                                  gender(static_cast<size_t>(subject)));
        Mention::Gender cg = r.mention.type == Mention::Type::kPerson
                                 ? learned_gender(named_person(j).name, gender(j)) : gender(j);
        // A subject of unknown gender yields to a candidate of the pronoun's
        // gender, unless it spoke ("Dr Efua Mensah said the count had put
        // Madam Frimpong's share … “…,” she said": the speaker, not the
        // possessor).
        // Not over a candidate in apposition whose honorific gives that
        // gender ("Prosecutor Ngozi Eze said the defendant, Mr Bello, had
        // lied. “…,” he said"); a possessor ("Madam Frimpong's share") or
        // an object ("pushing for Mr. Trump to own …") yields.
        auto sj = static_cast<size_t>(subject);
        bool spoke = (subject_[sj] || (sj > 0 && mentions_[sj - 1].sentence == mentions_[sj].sentence &&
                                       subject_[sj - 1] && named_in_apposition(sj - 1))) &&  // "Its chair, NAME, said"
                     !asks_after(sj);
        std::string_view cw = text_.substr(r.mention.range.begin, r.mention.range.size());
        std::string_view lead = text_.substr(r.mention.range.begin >= 2 ? r.mention.range.begin - 2 : 0, 2);
        bool marked = r.mention.titled && r.mention.gender == g && lead == ", " &&  // in apposition
                      strip_possessive(cw).size() == cw.size();
        if (gender_fits(g, sg) && (!(sg == Mention::Gender::kUnknown && cg == g) || (spoke && !marked))) continue;
      }
    }
    // A person's reading by reference (most candidates are persons): no
    // copy of the name per candidate.
    ResolvedSpeaker other;
    const ResolvedSpeaker& s = r.mention.type == Mention::Type::kPerson ? named_person(j) : (other = named(j));
    if (!asker.empty() && s.name == asker) continue;
    if (wanted(s.type, learned_gender(s.name, gender(j)), false)) return s;
  }
  if (personal && from_speakers(kPronounWindow, &found)) return found;
  // An interview's subject, quoted again after a stretch about others: the
  // last speaker known to be a he (she), however far back.
  if (third_person)
    for (auto it = recent.rbegin(); it != recent_end; ++it)
      if (it->gender == g && !it->name.empty() && it->type == SpeakerType::kPerson && it->name != asker)
        return {it->name, it->type};
  return {"", personal ? SpeakerType::kPerson : SpeakerType::kUnknown};
}

// "Ruiz was asked about reports that Hale had quit", "But Brandt relented
// after Rask called", "Ortiz, 34, a nurse, left Pine Hollow with her
// children", "She learned the trade from her father, Amos Halloran": for a
// person mention j after its sentence's subject, that subject (a named
// person opening the sentence, perhaps after "But", or named in apposition
// to the role that opens it, or a he or she), or -1.
// A later he or she prefers the subject to what the sentence is about: the
// person inside a that- or adverbial clause, an object, a place read as a
// name.
int EntityResolver::sentence_subject(size_t j) const {
  size_t f = j;
  while (f > 0 && mentions_[f - 1].sentence == mentions_[j].sentence) --f;
  const MentionRef& first = mentions_[f];
  // "The Opposition Leader, Peter Hallinan, told ABC Radio National that
  // …": a role opening the sentence with a name in apposition is that person.
  size_t subject = first.mention.type == Mention::Type::kRole && named_in_apposition(f) ? f + 1 : f;
  // "Rovers boss Neil Garside was …": a body's name and a role word before
  // a person's name describe that person.
  if (subject == f && f + 1 < mentions_.size() && mentions_[f + 1].sentence == first.sentence &&
      mentions_[f + 1].mention.type == Mention::Type::kPerson && first.mention.type == Mention::Type::kPerson &&
      body_before_role(f, f + 1))
    subject = f + 1;
  bool pronoun = first.mention.type == Mention::Type::kPronoun && he_or_she(first.mention.gender);
  if (j <= subject || first.token > 1 || (!pronoun && mentions_[subject].mention.type != Mention::Type::kPerson))
    return -1;
  // "But Brandt softened …": a conjunction may open the sentence.
  if (first.token == 1) {
    std::string_view before = text_.substr(0, first.mention.range.begin);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    std::string_view w = last_word(before);
    if (w != "But" && w != "And" && w != "Yet" && w != "So") return -1;
  }
  if (pronoun) return static_cast<int>(subject);
  return named_person(subject).type == SpeakerType::kPerson ? static_cast<int>(subject) : -1;
}

// "in New York", "on Labor Day", "from Mount Pleasant": a capitalised name
// right after a preposition is mostly a place or a date, not a he or she.
// Mention b, a body's name, and then at most three lower-case words
// ("boss", "chief economist") before person mention p.
bool EntityResolver::body_before_role(size_t b, size_t p) const {
  const Mention& body = mentions_[b].mention;
  uint32_t from = body.range.end, to = mentions_[p].mention.range.begin;
  if (to <= from + 1 || to - from > 40 || named_person(b).type != SpeakerType::kOrganization) return false;
  std::string_view between = text_.substr(from, to - from);
  int words = 0;
  for (size_t k = 0; k < between.size(); ++k) {
    char c = between[k];
    if (c == ' ') continue;
    if (c < 'a' || c > 'z') return false;
    if (k == 0 || between[k - 1] == ' ') ++words;
  }
  return words >= 1 && words <= 3;
}

// Mention i is whom someone "told" ("told BBC Sport"): a listener, no
// epithet's person.
bool EntityResolver::told(size_t i) const {
  std::string_view before = text_.substr(0, mentions_[i].mention.range.begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  std::string_view w = last_word(before);
  return w == "told" || w == "tells";
}

bool EntityResolver::after_preposition(size_t i) const {
  std::string_view before = text_.substr(0, mentions_[i].mention.range.begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  std::string_view w = last_word(before);
  for (std::string_view p : {"in", "on", "at", "from", "to", "across", "near", "outside", "throughout", "into"})
    if (w == p) return true;
  return false;
}

// "Lowmoor's founder, Piet Aarsen, says he signed her": a he or she after
// a name in its own sentence (the same-sentence reading of pronoun()) shows
// the name's gender, kept where the document never shows the other one,
// and no "her son", "his wife" stands between them.
void EntityResolver::learn_genders() {
  std::unordered_map<std::string, Mention::Gender> seen;
  for (size_t i = 0; i < mentions_.size(); ++i) {
    const MentionRef& p = mentions_[i];
    Mention::Gender g = p.mention.gender;
    // Near a quote only: what is read there does not depend on --indirect.
    if (p.mention.type != Mention::Type::kPronoun || !he_or_she(g) || !p.near_quote) continue;
    // The person pronoun() would take first, when only this he or she tells
    // its gender.
    person_before(i, [&](size_t j, const ResolvedSpeaker& s) {
      if (mentions_[j].mention.gender != Mention::Gender::kUnknown || s.name.empty()) return true;
      // "Angela Farrugia said her son had … before he died": someone's
      // relative or the like between may be the he or she.
      for (size_t k = j + 1; k < i; ++k) {
        const Mention& between = mentions_[k].mention;
        std::string_view w = text_.substr(between.range.begin, between.range.size());
        if (between.type == Mention::Type::kRole && (w.substr(0, 4) == "her " || w.substr(0, 4) == "his " ||
                                                     w.substr(0, 6) == "their "))
          return true;
      }
      auto [it, fresh] = seen.try_emplace(s.name, g);  // no node built for a name seen before
      if (!fresh && it->second != g) it->second = Mention::Gender::kUnknown;  // both: no reading
      return true;
    });
  }
  for (auto& [name, g] : seen)
    if (g != Mention::Gender::kUnknown) learned_gender_.emplace(name, g);
}

// The persons named before pronoun i in its sentence that may stand for it
// (not after a preposition, not the subject of a clause its cue
// interrupts), nearest first, until `take` accepts one; false if none.
template <typename Take>
bool EntityResolver::person_before(size_t i, Take take) const {
  // At most kMaxCandidates mentions back: a sentence that names hundreds of
  // people before many pronouns stays linear.
  size_t stop = i > kMaxCandidates ? i - kMaxCandidates : 0;
  for (size_t j = i; j-- > stop && mentions_[j].sentence == mentions_[i].sentence;) {
    if (mentions_[j].mention.type != Mention::Type::kPerson || after_preposition(j) || interrupted_by(j, i)) continue;
    const ResolvedSpeaker& s = named_person(j);  // a reference: no copy of the name per candidate
    if (s.type == SpeakerType::kPerson && take(j, s)) return true;
  }
  return false;
}

// "Lowmoor's founder, Piet Aarsen, says": a role with a name in apposition
// right after it is that person, who stands for it.
// "Marisol, a 29-year-old nurse", "Haziq, the minister": a person's role
// in apposition right after the one-word name j makes it a person's.
bool EntityResolver::role_in_apposition(size_t j) const {
  if (j + 1 >= mentions_.size() || mentions_[j + 1].sentence != mentions_[j].sentence) return false;
  const Mention& next = mentions_[j + 1].mention;
  return next.type == Mention::Type::kRole &&
         text_.substr(mentions_[j].mention.range.end, next.range.begin - mentions_[j].mention.range.end) == ", ";
}

bool EntityResolver::named_in_apposition(size_t j) const {
  if (j + 1 >= mentions_.size() || mentions_[j + 1].sentence != mentions_[j].sentence) return false;
  const Mention& next = mentions_[j + 1].mention;
  return next.type == Mention::Type::kPerson &&
         text_.substr(mentions_[j].mention.range.end, next.range.begin - mentions_[j].mention.range.end) == ", ";
}

// "Rovers, he said, had been …", "The shareholders' claims, they wrote,
// were …": a pronoun in a parenthetical cue ("PRONOUN VERB," and the clause
// goes on, not a quote) interrupts a clause; a mention in that clause
// before it is the clause's subject, not the one who speaks.
bool EntityResolver::interrupted_by(size_t j, size_t pronoun) const {
  const Mention& m = mentions_[j].mention;
  const Mention& p = mentions_[pronoun].mention;
  if (mentions_[j].sentence != mentions_[pronoun].sentence || m.range.end > p.range.begin) return false;
  std::string_view between = text_.substr(m.range.end, p.range.begin - m.range.end);
  if (between.size() < 2 || between.substr(between.size() - 2) != ", ") return false;
  if (between.substr(0, between.size() - 2).find_first_of(",;.:") != std::string_view::npos) return false;
  // After the pronoun: " VERB, " and a word of the clause.
  std::string_view after = text_.substr(p.range.end);
  size_t v = 1;
  while (v < after.size() && after[v] >= 'a' && after[v] <= 'z') ++v;
  if (after.empty() || after[0] != ' ' || v == 1 || after.substr(v, 2) != ", ") return false;
  unsigned char next = v + 2 < after.size() ? static_cast<unsigned char>(after[v + 2]) : 0;
  return (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
}

ResolvedSpeaker EntityResolver::resolve(size_t i, const std::vector<RecentSpeaker>& recent) const {
  if (mentions_[i].mention.type == Mention::Type::kPronoun) return pronoun(i, recent);
  if (mentions_[i].mention.type == Mention::Type::kRelative && mentions_[i].antecedent >= 0)
    return resolve(static_cast<size_t>(mentions_[i].antecedent), recent);
  return named(i);
}

}  // namespace quotient
