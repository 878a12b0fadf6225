// may_start_cue() and may_start_mention(): hash-set checks that keep the X3
// rules off the many words where they cannot match.
#include <algorithm>
#include <unordered_set>

#include "lexicon.hpp"
#include "mention.hpp"

namespace quotient::grammar::parser {
namespace {

constexpr size_t kMaxKey = 24;  // no first word in the lexicons is longer

// Lower-cased, cut at an apostrophe ("he’s" -> "he"), at most kMaxKey + 1 bytes.
std::string lower_key(std::string_view w) {
  w = w.substr(0, std::min(w.find('\''), w.find("\xE2\x80\x99")));
  std::string k(w.substr(0, kMaxKey + 1));
  for (char& c : k)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return k;
}

std::string first_word(const std::string& s) { return lower_key(s.substr(0, s.find(' '))); }

struct FirstWords {
  std::unordered_set<std::string> cue, mention;
  FirstWords() {
    const Lexicon& lex = Lexicon::builtin();
    for (const CueEntry& c : lex.cues)
      for (const std::string& f : c.forms) cue.insert(first_word(f));
    for (const RoleNoun& r : lex.roles) mention.insert(first_word(r.noun));
    for (const Honorific& h : lex.honorifics) mention.insert(first_word(h.title));
    for (const char* w : {"a", "an", "the", "one", "another", "his", "her", "their", "its", "both",
                          "two", "several", "some", "many", "other", "he", "she", "it", "they",
                          "we", "i", "former", "acting", "then-"})
      mention.insert(w);
  }
};

const FirstWords& first_words() {
  static const FirstWords words;
  return words;
}

}  // namespace

bool may_start_cue(std::string_view word) {
  return word.size() <= kMaxKey && first_words().cue.count(lower_key(word)) > 0;
}

bool may_start_mention(std::string_view word) {
  if (word.empty()) return false;
  // Capitals anywhere ("then-Secretary"), and letters beyond ASCII.
  for (unsigned char c : word)
    if ((c >= 'A' && c <= 'Z') || c >= 0xC3) return true;
  return word.size() <= kMaxKey && first_words().mention.count(lower_key(word)) > 0;
}

}  // namespace quotient::grammar::parser
