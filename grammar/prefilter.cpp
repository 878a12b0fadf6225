// may_start_cue() and may_start_mention(): set lookups that keep the X3 rules
// off the many words where they cannot match. They run on nearly every word
// of every document, so a lookup allocates nothing: the key is lower-cased
// into a stack buffer and probed in a small open-addressing table.
#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "lexicon.hpp"
#include "mention.hpp"

namespace quotient::grammar::parser {
namespace {

constexpr size_t kMaxKey = 24;  // no first word in the lexicons is longer

// Lower-cased, cut at an apostrophe ("he’s" -> "he"), at most kMaxKey + 1
// bytes, written into buf.
std::string_view lower_key(std::string_view w, char* buf) {
  size_t n = 0;
  for (; n < w.size() && n <= kMaxKey; ++n) {
    char c = w[n];
    if (c == '\'' || (c == '\xE2' && w.compare(n, 3, "\xE2\x80\x99") == 0)) break;
    buf[n] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return {buf, n};
}

std::string first_word(const std::string& s) {
  char buf[kMaxKey + 1];
  std::string_view w(s);
  return std::string(lower_key(w.substr(0, w.find(' ')), buf));
}

// A set of short words (at most kMaxKey + 1 bytes): open addressing over a
// power-of-two table of fixed-size slots, FNV-1a hashing.
class WordSet {
 public:
  void insert(std::string_view w) {
    if (w.empty()) has_empty_ = true;
    if (w.empty() || w.size() > kMaxKey + 1 || contains(w)) return;
    words_.emplace_back(w);
    if (2 * words_.size() > slots_.size()) rebuild(std::max<size_t>(64, 4 * words_.size()));
    else place(w);
  }
  bool contains(std::string_view w) const {
    if (w.empty()) return has_empty_;
    if (slots_.empty()) return false;
    for (size_t i = hash(w) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.size == 0) return false;
      if (s.size == w.size() && std::memcmp(s.bytes.data(), w.data(), w.size()) == 0) return true;
    }
  }

 private:
  struct Slot {
    uint8_t size = 0;  // 0: empty
    std::array<char, kMaxKey + 1> bytes{};
  };
  static size_t hash(std::string_view w) {
    uint32_t h = 2166136261u;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }
  void place(std::string_view w) {
    size_t i = hash(w) & mask_;
    while (slots_[i].size) i = (i + 1) & mask_;
    slots_[i].size = static_cast<uint8_t>(w.size());
    std::memcpy(slots_[i].bytes.data(), w.data(), w.size());
  }
  void rebuild(size_t size) {
    size_t n = 1;
    while (n < size) n *= 2;
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    for (const std::string& w : words_) place(w);
  }
  std::vector<std::string> words_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  bool has_empty_ = false;
};

struct FirstWords {
  WordSet cue, mention;
  FirstWords() {
    const Lexicon& lex = Lexicon::builtin();
    for (const CueEntry& c : lex.cues)
      for (const std::string& f : c.forms) cue.insert(first_word(f));
    for (const RoleNoun& r : lex.roles) mention.insert(first_word(r.noun));
    for (const Honorific& h : lex.honorifics) mention.insert(first_word(h.title));
    for (const char* w : {"a", "an", "the", "one", "another", "his", "her", "their", "its", "both",
                          "two", "several", "some", "many", "other", "he", "she", "it", "they",
                          "we", "i", "former", "acting", "then-", "my", "our", "your"})
      mention.insert(w);
  }
};

const FirstWords& first_words() {
  static const FirstWords words;
  return words;
}

}  // namespace

bool may_start_cue(std::string_view word) {
  char buf[kMaxKey + 1];
  return word.size() <= kMaxKey && first_words().cue.contains(lower_key(word, buf));
}

bool may_start_mention(std::string_view word) {
  if (word.empty()) return false;
  // Capitals anywhere ("then-Secretary"), and letters beyond ASCII.
  for (unsigned char c : word)
    if ((c >= 'A' && c <= 'Z') || c >= 0xC3) return true;
  char buf[kMaxKey + 1];
  return word.size() <= kMaxKey && first_words().mention.contains(lower_key(word, buf));
}

}  // namespace quotient::grammar::parser
