// lexicon.hpp — the word lists grammar/ is built from, parsed from the text
// files in data/lexicon/ (compiled into the binary by quotient_embed()).
//
//   const Lexicon& lex = Lexicon::builtin();
//   for (const CueEntry& cue : lex.cues) ...
//
// builtin() parses once, on first use, and is thread-safe. The files are ours,
// so a malformed line is a build-time bug: the unit tests parse every file and
// check the counts.
#ifndef QUOTIENT_GRAMMAR_LEXICON_HPP_
#define QUOTIENT_GRAMMAR_LEXICON_HPP_

#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ast.hpp"

namespace quotient::grammar {

struct CueEntry {
  std::string lemma;               // "say", "according to"
  std::vector<std::string> forms;  // "say", "says", "said", "saying"
  bool needs_as = false;           // "described X as"
  bool speaker_follows = false;    // "according to X"
};

struct Honorific {
  std::string title;  // "Mr", "Foreign Secretary"
  Mention::Gender gender = Mention::Gender::kUnknown;
};

struct RoleNoun {
  std::string noun;  // "spokeswoman"
  enum class Type : uint8_t { kRole, kGroup, kOrg, kDoc } type = Type::kRole;
  bool before_of = false;  // a role only right before "of" ("the head of the agency"; not "shook her head")
};

// The forms a lexicon entry is matched in: as written, lower case,
// capitalised and in title case ("foreign minister", "Foreign minister",
// "Foreign Minister"; "Secretary-General", "Co-Founder": each part after a
// space or hyphen capitalised). The grammar's word tables and the sentence
// pre-check both use these, so they agree on what can start a mention.
// (X3's no_case is not used: it calls ctype functions on UTF-8 bytes.)
inline std::vector<std::string> case_variants(const std::string& s) {
  std::string lower = s, cap, title;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  cap = title = lower;
  if (!cap.empty()) cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
  for (size_t i = 0; i < title.size(); ++i)
    if (i == 0 || title[i - 1] == ' ' || title[i - 1] == '-')
      title[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[i])));
  return {s, lower, cap, title};
}

// Membership in a list of words: a hash set of views into the list, which
// must outlive it (the builtin lexicon's lists live as long as the program):
//   static const WordList kAux(Lexicon::builtin().auxiliaries);
class WordList {
 public:
  explicit WordList(const std::vector<std::string>& words) : set_(words.begin(), words.end()) {}
  bool contains(std::string_view w) const { return set_.count(w) > 0; }

 private:
  std::unordered_set<std::string_view> set_;
};

// The text of each file of data/lexicon/, by its name; a text left empty
// gives an empty list:
//   LexiconTexts t;
//   t.cues = "say\tsay says said\n";
//   Lexicon lex = Lexicon::parse(t);
struct LexiconTexts {
  std::string_view cues, honorifics, roles, stopwords, abbreviations, descriptors, auxiliaries,
      title_nouns, org_heads, subordinators, time_spans, issuing, vouching, body_for_heads,
      opinion_nouns, name_particles, thing_nouns, whose_body_nouns, role_kinds, perception_verbs, demonyms;
};

struct Lexicon {
  std::vector<CueEntry> cues;
  std::vector<Honorific> honorifics;
  std::vector<RoleNoun> roles;
  std::vector<std::string> stopwords;      // capitalised words that start no name
  std::vector<std::string> abbreviations;  // "Mr", "U.S", "Jan"
  std::vector<std::string> descriptors;    // "Republican", "Leader": not part of a name
  std::vector<std::string> auxiliaries;    // "had", "also": between a subject and its verb
  std::vector<std::string> title_nouns;    // "documentary": a quote after it is a title
  std::vector<std::string> org_heads;      // "Ministry": a name ending so is a body
  std::vector<std::string> subordinators;  // "when", "but": open a clause after a quote
  std::vector<std::string> time_spans;     // "week": "last week" between a subject and its verb
  std::vector<std::string> issuing;        // "released": a text's issuer before or after it
  std::vector<std::vector<std::string>> vouching;  // "close to": a source's phrase before its verb
  std::vector<std::string> body_for_heads;  // "Institute": "the Institute for Fiscal Studies" is one name
  std::vector<std::string> opinion_nouns;   // "advice": "That is the advice of X" names a speaker
  std::vector<std::string> name_particles;  // "van": inside a name ("Ludwig van Beethoven")
  std::vector<std::string> thing_nouns;     // "scheme": the “Safe Streets” scheme is a name
  std::vector<std::vector<std::string>> whose_body_nouns;  // "board": "NAME, whose board" is a body
  std::vector<std::vector<std::string>> role_kinds;        // "boss manager coach": roles of one kind
  std::vector<std::string> perception_verbs;  // "showed": "showed Mr Reddy saying" makes him speak
  std::vector<std::string> demonyms;          // "Pole": "The Pole, who …" is someone just named

  // The lexicon compiled into the binary from data/lexicon/.
  static const Lexicon& builtin();
  // Parses the files' contents (exposed for tests).
  static Lexicon parse(const LexiconTexts& texts);
};

}  // namespace quotient::grammar

#endif  // QUOTIENT_GRAMMAR_LEXICON_HPP_
