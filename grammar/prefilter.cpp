// may_start_cue() and may_start_mention(): set lookups that keep the X3 rules
// off the many words where they cannot match. They run on nearly every word
// of every document, so a lookup allocates nothing: the key is lower-cased
// into a stack buffer and probed in a small open-addressing table.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bytes.hpp"
#include "lexicon.hpp"
#include "mention.hpp"
#include "word_table.hpp"

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

// Does an apostrophe (' or ’) start at w[n]? lower_key() cuts there.
bool apostrophe_at(std::string_view w, size_t n) {
  return w[n] == '\'' || (w[n] == '\xE2' && w.compare(n, 3, "\xE2\x80\x99") == 0);
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

uint64_t mix(uint64_t h) {
  h *= 0x9E3779B97F4A7C15u;
  return h ^ (h >> 29);
}

// The 1..8 bytes of w as a little-endian word, zero-padded.
uint64_t load_short(std::string_view w) { return bytes::load_1_to_8(w.data(), w.size()); }

// The hash of a key (at most kMaxKey + 1 bytes): its bytes as little-endian
// 64-bit words, the last one zero-padded, mixed with its size.
uint32_t key_hash(std::string_view w) {
  uint64_t h = w.size();
  for (size_t i = 0; i < w.size(); i += 8) {
    uint64_t x = 0;
    std::memcpy(&x, w.data() + i, std::min<size_t>(8, w.size() - i));
    h = mix(h ^ x);
  }
  return static_cast<uint32_t>(h);
}

// lower_key(w) (w.size() <= kMaxKey) and its key_hash.
struct FoldedKey {
  explicit FoldedKey(std::string_view w) {
    for (; size < w.size() && !apostrophe_at(w, size); ++size) buf[size] = lower(w[size]);
    hash = key_hash(key());
  }
  std::string_view key() const { return {buf, size}; }
  char buf[kMaxKey + 1];
  size_t size = 0;
  uint32_t hash = 0;
};

// A set of short words (at most kMaxKey + 1 bytes): open addressing over a
// power-of-two table of fixed-size slots, hashed by key_hash().
class WordSet {
 public:
  // Adds w, or ORs `bits` into the bits it has.
  void insert(std::string_view w, uint8_t bits = 0) {
    if (w.empty()) has_empty_ = true, empty_bits_ |= bits;
    if (w.empty() || w.size() > kMaxKey + 1) return;
    if (const Slot* s = find(w, hash(w))) {
      words_[s->word].second |= bits;
      slots_[static_cast<size_t>(s - slots_.data())].bits |= bits;
      return;
    }
    words_.emplace_back(w, bits);
    if (2 * words_.size() > slots_.size()) rebuild(std::max<size_t>(64, 4 * words_.size()));
    else place(words_.size() - 1);
  }
  bool contains(std::string_view w) const { return contains(w, hash(w)); }
  // contains(w) for a set whose words were all inserted with nonzero bits:
  // a key of 1..8 bytes (most words) is hashed and compared as one
  // little-endian word, without copying it or calling memcmp.
  bool has(std::string_view w) const {
    if (w.size() - 1 >= 8) return contains(w);
    uint64_t x = load_short(w);
    return bits_short(x, w.size(), static_cast<uint32_t>(mix(w.size() ^ x))) != 0;  // key_hash
  }
  // contains(lower_key(w)) in one pass over w (w.size() <= kMaxKey).
  bool contains_folded(std::string_view w) const {
    FoldedKey k(w);
    return contains(k.key(), k.hash);
  }
  // contains(w) with w's hash already known (FoldedKey).
  bool contains(std::string_view w, size_t h) const {
    if (w.empty()) return has_empty_;
    return find(w, h) != nullptr;
  }
  // The bits of w (0 when absent), its hash already known.
  uint8_t bits(std::string_view w, size_t h) const {
    if (w.empty()) return empty_bits_;
    const Slot* s = find(w, h);
    return s ? s->bits : 0;
  }
  // bits() of a key of 1..8 bytes given as a little-endian word, zero-padded.
  uint8_t bits_short(uint64_t key, size_t size, uint32_t h) const {
    for (size_t i = h & mask_; !slots_.empty(); i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.size == 0) return 0;
      uint64_t head = 0;
      std::memcpy(&head, s.bytes.data(), sizeof head);
      if (s.hash == h && s.size == size && head == key) return s.bits;
    }
    return 0;
  }
  // bits() of a key of 9..16 bytes given as two little-endian words, the
  // second zero-padded (as the slot's bytes are).
  uint8_t bits_two(uint64_t key0, uint64_t key1, size_t size, uint32_t h) const {
    for (size_t i = h & mask_; !slots_.empty(); i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.size == 0) return 0;
      if (s.hash == h && s.size == size && bytes::load8(s.bytes.data()) == key0 &&
          bytes::load8(s.bytes.data() + 8) == key1)
        return s.bits;
    }
    return 0;
  }

 private:
  struct Slot {
    uint8_t size = 0;  // 0: empty
    uint8_t bits = 0;
    uint32_t hash = 0;  // of the word, checked before its bytes
    uint32_t word = 0;  // index into words_
    std::array<char, kMaxKey + 1> bytes{};  // zero-padded
  };
  const Slot* find(std::string_view w, size_t h) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.size == 0) return nullptr;
      if (s.hash == static_cast<uint32_t>(h) && s.size == w.size() &&
          std::equal(w.begin(), w.end(), s.bytes.data()))
        return &s;
    }
  }
  static size_t hash(std::string_view w) { return key_hash(w); }
  void place(size_t word) {
    std::string_view w = words_[word].first;
    size_t h = hash(w), i = h & mask_;
    while (slots_[i].size) i = (i + 1) & mask_;
    Slot& s = slots_[i];
    s.size = static_cast<uint8_t>(w.size());
    s.bits = words_[word].second;
    s.hash = static_cast<uint32_t>(h);
    s.word = static_cast<uint32_t>(word);
    std::copy(w.begin(), w.end(), s.bytes.data());
  }
  void rebuild(size_t size) {
    size_t n = 1;
    while (n < size) n *= 2;
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    for (size_t k = 0; k < words_.size(); ++k) place(k);
  }
  std::vector<std::pair<std::string, uint8_t>> words_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  bool has_empty_ = false;
  uint8_t empty_bits_ = 0;
};

// The sets of runs that RunShapes marks, a bit each (FirstWords).
enum RunSet : uint8_t { kRoleHeadRun = 1, kDeterminerRun = 2, kHonorificHeadRun = 4, kFunctionWordRun = 8 };

// The shapes of the entries of a few sets of runs: a run's length with its
// first and last bytes, hashed to a byte with a bit per set. A run whose
// shape no entry of a set has is not in the set, so most runs fail here,
// before they are hashed whole and probed in a WordSet, and one look-up
// serves every set a run is tested against. The last byte matters: of the
// runs scan_heads() tests for a role head, length and first byte alone
// pass three in four, with the last byte one in four (2 MB make_corpus
// slice).
class RunShapes {
 public:
  // Marks run's shape for `sets` (RunSet bits). Precondition: run is not
  // empty and at most kMaxKey + 1 bytes (a longer one's size would spill
  // into the first byte's bits; the callers test long runs apart).
  void insert(std::string_view run, uint8_t sets) { sets_[slot(run)] |= sets; }
  // The RunSet bits of the sets that may hold run: 0 for an empty run or a
  // longer one.
  uint8_t of(std::string_view run) const {
    return run.empty() || run.size() > kMaxKey + 1 ? 0 : sets_[slot(run)];
  }

 private:
  // 16 KB, with few collisions among the few thousand entries (the role
  // nouns' case variants): the packed shape times a Fibonacci constant,
  // its top bits.
  static constexpr int kLogSlots = 14;
  static size_t slot(std::string_view run) {
    uint32_t shape = static_cast<uint32_t>(run.size()) | uint32_t{static_cast<unsigned char>(run.front())} << 8 |
                     uint32_t{static_cast<unsigned char>(run.back())} << 16;
    return (shape * 0x9E3779B1u) >> (32 - kLogSlots);
  }
  std::array<uint8_t, size_t{1} << kLogSlots> sets_{};
};

// The run of word characters at the start of [p, last).
inline std::string_view word_run(const char* p, const char* last) {
  return {p, static_cast<size_t>(word_run_end(p, last) - p)};
}

struct FirstWords {
  WordSet cue, mention;
  WordSet start;  // cue's words with kMayStartCue, mention's with kMayStartMention, stop words with kMayStartStop
  WordSet stop_run;      // the stop words that are a whole word run, as written
  // Lower-cased: the leading runs of role nouns and honorifics, the
  // determiners, "former", "acting" and "then" (what may open a mention
  // other than cap_word). A stop word among them gets no kMayStartStop.
  WordSet opener_lower;
  WordSet role_head;    // the leading word run of every form of every role noun, as written
  bool long_role_head = false;  // some run is longer than a WordSet key
  WordSet det_word;    // kDeterminers (mention.hpp), as mention_def.hpp's `determiners` table
  WordSet honorific_head;  // the leading word run of every form of every honorific
  bool odd_honorific_head = false;  // some run is empty or longer than a WordSet key
  WordSet function_word;  // kFunctionWords (mention.hpp), as mention_def.hpp's `function_words` table
  RunShapes shapes;  // of role_head, det_word, honorific_head and function_word (RunSet)
  void insert_start(std::string_view w, uint8_t bit) {
    (bit == kMayStartCue ? cue : mention).insert(w);
    start.insert(w, bit);
  }
  FirstWords() {
    const Lexicon& lex = Lexicon::builtin();
    for (const CueEntry& c : lex.cues)
      for (const std::string& f : c.forms) insert_start(first_word(f), kMayStartCue);
    for (const RoleNoun& r : lex.roles) insert_start(first_word(r.noun), kMayStartMention);
    for (const Honorific& h : lex.honorifics) insert_start(first_word(h.title), kMayStartMention);
    for (const char* w : kDeterminers)
      if (std::islower(static_cast<unsigned char>(w[0]))) insert_start(w, kMayStartMention);
    for (const char* w : {"he", "she", "it", "they", "we", "i", "former", "acting", "then-"})
      insert_start(w, kMayStartMention);
    for (const RoleNoun& r : lex.roles)
      for (const std::string& v : case_variants(r.noun)) {
        std::string_view run = word_run(v.data(), v.data() + v.size());
        role_head.insert(run, 1);  // nonzero bits: WordSet::has
        if (run.size() > kMaxKey + 1) long_role_head = true;
        else if (!run.empty()) shapes.insert(run, kRoleHeadRun);
      }
    for (const char* w : kDeterminers)
      det_word.insert(w, 1), shapes.insert(w, kDeterminerRun);
    for (const char* w : kFunctionWords)
      function_word.insert(w, 1), shapes.insert(w, kFunctionWordRun);
    for (const Honorific& h : lex.honorifics)
      for (const std::string& v : case_variants(h.title)) {
        std::string_view run = word_run(v.data(), v.data() + v.size());
        if (run.empty() || run.size() > kMaxKey + 1) {
          odd_honorific_head = true;
          continue;
        }
        honorific_head.insert(run, 1);
        shapes.insert(run, kHonorificHeadRun);
      }
    // kMayStartStop, and what stop_word_blocks_mention() asks.
    auto opener = [&](std::string_view run) {
      char buf[kMaxKey + 1];
      if (run.size() <= kMaxKey) opener_lower.insert(lower_key(run, buf), 1);
    };
    for (const RoleNoun& r : lex.roles) opener(word_run(r.noun.data(), r.noun.data() + r.noun.size()));
    for (const Honorific& h : lex.honorifics) opener(word_run(h.title.data(), h.title.data() + h.title.size()));
    for (const char* w : kDeterminers) opener(w);
    for (const char* w : {"former", "acting", "then"}) opener(w);
    for (const std::string& w : lex.stopwords) {
      if (word_run(w.data(), w.data() + w.size()).size() != w.size() || w.size() > kMaxKey) continue;
      stop_run.insert(w, 1);
      if (!opener_lower.contains_folded(w)) start.insert(first_word(w), kMayStartStop);
    }
  }
};

// Built when the program starts (like mention_def.hpp's word tables), so the
// prefilters, run on every word, skip a function-local static's guard.
const FirstWords kFirstWords;

const FirstWords& first_words() { return kFirstWords; }

}  // namespace

bool may_start_cue(std::string_view word) {
  return word.size() <= kMaxKey && first_words().cue.contains_folded(word);
}

namespace {

// Capitals anywhere ("then-Secretary"), and letters beyond ASCII.
bool has_capital(std::string_view word) {
  for (unsigned char c : word)
    if ((c >= 'A' && c <= 'Z') || c >= 0xC3) return true;
  return false;
}

}  // namespace

bool may_start_mention(std::string_view word) {
  if (word.empty()) return false;
  if (has_capital(word)) return true;
  return word.size() <= kMaxKey && first_words().mention.contains_folded(word);
}

namespace {

using bytes::kHighs;
using bytes::kOnes;

// The bytes of a word of 1..kMaxKey bytes as little-endian 64-bit words,
// the last one zero-padded (load_short). Returns how many.
size_t load_chunks(std::string_view word, uint64_t* chunks) {
  size_t n = 0;
  for (size_t i = 0; i < word.size(); i += 8) chunks[n++] = load_short(word.substr(i, 8));
  return n;
}

// Does a chunk of load_chunks hold a byte >= 0x80 or an apostrophe? Its
// zero padding is no apostrophe, and has_byte is exact as a yes/no.
bool odd_chunk(uint64_t x) { return ((x & kHighs) | bytes::has_byte(x, '\'')) != 0; }

// 0x80 in each byte of x in A..Z (x's bytes are below 0x80: no carries).
// key | (mask >> 2) lower-cases them ('A' + 0x20 == 'a').
uint64_t upper_mask(uint64_t x) { return (x + kOnes * (0x80 - 'A')) & ~(x + kOnes * (0x80 - 'Z' - 1)) & kHighs; }

// may_start() of a word of 1..kMaxKey ASCII bytes without an apostrophe,
// the common case, a 64-bit word at a time: the key is the word
// lower-cased, a capital any byte in A..Z.
uint8_t may_start_ascii(const FirstWords& fw, size_t size, const uint64_t* chunks, size_t n) {
  char buf[kMaxKey + 8];
  uint64_t h = size, upper = 0;
  for (size_t k = 0; k < n; ++k) {
    uint64_t x = chunks[k];
    uint64_t up = upper_mask(x);
    uint64_t key = x | (up >> 2);
    std::memcpy(buf + 8 * k, &key, sizeof key);
    h = mix(h ^ key);  // key_hash, a word at a time
    upper |= up;
  }
  uint8_t bits = n == 1 ? fw.start.bits_short(chunks[0] | (upper >> 2), size, static_cast<uint32_t>(h))
                        : fw.start.bits(std::string_view(buf, size), static_cast<uint32_t>(h));
  return upper ? bits | kMayStartMention : bits;
}

// may_start() of the other words: longer than 8 bytes, or with a byte >=
// 0x80 or an apostrophe. Out of line, so the arrays it needs (and their
// stack check) stay off the common path.
[[gnu::noinline]] uint8_t may_start_other(std::string_view word) {
  if (word.empty() || word.size() > kMaxKey)
    return (may_start_cue(word) ? kMayStartCue : 0) | (may_start_mention(word) ? kMayStartMention : 0);
  const FirstWords& fw = first_words();
  uint64_t chunks[(kMaxKey + 7) / 8];
  size_t n = load_chunks(word, chunks);
  bool odd = false;
  for (size_t k = 0; k < n; ++k) odd |= odd_chunk(chunks[k]);
  if (!odd) return may_start_ascii(fw, word.size(), chunks, n);
  FoldedKey k(word);
  uint8_t bits = fw.start.bits(k.key(), k.hash);
  return has_capital(word) ? bits | kMayStartMention : bits;
}

}  // namespace

namespace {

// may_start(), inlined into fill_may_start's loop.
[[gnu::always_inline]] inline uint8_t may_start_word(std::string_view word) {
  // Most words: 1..8 ASCII bytes without an apostrophe, one 64-bit word
  // (may_start_ascii with n == 1, without its arrays).
  if (word.size() - 1 < 8) {
    uint64_t x = load_short(word);
    if (!odd_chunk(x)) {
      uint64_t up = upper_mask(x);
      uint64_t key = x | (up >> 2);
      uint8_t bits = first_words().start.bits_short(key, word.size(), static_cast<uint32_t>(mix(word.size() ^ key)));
      return up ? bits | kMayStartMention : bits;
    }
  }
  // 9..16 ASCII bytes ("president", "government"): two words, as above.
  if (word.size() - 9 < 8) {
    uint64_t x0 = bytes::load8(word.data()), x1 = bytes::load_1_to_8(word.data() + 8, word.size() - 8);
    if (!odd_chunk(x0) && !odd_chunk(x1)) {
      uint64_t up0 = upper_mask(x0), up1 = upper_mask(x1);
      uint64_t key0 = x0 | (up0 >> 2), key1 = x1 | (up1 >> 2);
      auto h = static_cast<uint32_t>(mix(mix(word.size() ^ key0) ^ key1));  // key_hash
      uint8_t bits = first_words().start.bits_two(key0, key1, word.size(), h);
      return up0 | up1 ? bits | kMayStartMention : bits;
    }
  }
  return may_start_other(word);
}

}  // namespace

uint8_t may_start(std::string_view word) { return may_start_word(word); }

namespace {

bool upperish(char c) { return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; }
bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; }

// The chunk tests of scan_heads() and may_hold_title() over text that ends
// at `last`. A chunk is a run between spaces (' ' or a no-break space).
struct Chunks {
  const FirstWords& fw;
  const char* last;

  bool space(const char* p) const { return bytes::space_at(p, last) != 0; }
  const char* skip_spaces(const char* p) const {
    while (p < last && space(p)) p += *p == ' ' ? 1 : 2;
    return p;
  }
  // A run of word characters (word_run) and the sets that may hold it
  // (RunShapes::of), looked up once for all the tests of the run below.
  struct Run {
    std::string_view text;
    uint8_t sets;
  };
  Run run_of(std::string_view text) const { return {text, fw.shapes.of(text)}; }
  Run run_at(const char* p) const { return run_of(word_run(p, last)); }
  bool role_head(Run run) const {
    if (run.text.empty()) return fw.role_head.contains(run.text);
    auto c = static_cast<unsigned char>(run.text[0]);
    if (c >= '0' && c <= '9')
      return run.text.size() <= 3 &&
             std::all_of(run.text.begin(), run.text.end(), [](char d) { return d >= '0' && d <= '9'; });
    if (run.text.size() > kMaxKey + 1) return fw.long_role_head;
    return (run.sets & kRoleHeadRun) && fw.role_head.has(run.text);
  }
  // is_function_word() at the run's start: its entries are whole runs of
  // letters, so the longest one that ends a word there is the run itself.
  bool function_word(Run run) const { return (run.sets & kFunctionWordRun) && fw.function_word.has(run.text); }
  bool honorific_head(Run run) const { return (run.sets & kHonorificHeadRun) && fw.honorific_head.has(run.text); }
  // titled_name: up to two capitalised words, "former"/"acting" or "then-",
  // then the title, each before the next chunk. So the title starts one of
  // the first four chunks, or follows "then-" at the start of one, and every
  // chunk before it starts with a capital (or is "former"/"acting").
  bool honorific_at(const char* p, Run run) const {
    return honorific_head(run) || (run.text == "then" && last - p > 5 && p[4] == '-' && honorific_head(run_at(p + 5)));
  }
  static bool honorific_goes_on(const char* p, std::string_view run) {
    return upperish(*p) || run == "former" || run == "acting";
  }
  // A chunk before the head is a modifier, a name word, a determiner or
  // "former", each a word then a space: a run followed by a byte that is
  // neither a space nor a joiner (' . & - or the first byte of ’), as in
  // "economy," or "Smith:", ends the walk after its chunk.
  bool ends_clean(const char* e) const {
    return e == last || space(e) || *e == '\'' || *e == '.' || *e == '&' || *e == '-' || *e == '\xE2';
  }
};

}  // namespace

// may_hold_role_head() and may_hold_honorific() walk the same chunks from
// `first` (role: up to five after chunk 0, honorific: up to three), so one
// walk answers both: each fact is followed, as its own scan would, until
// it is settled, and the walk stops when both are.
HeadScan scan_heads(const char* first, const char* last) {
  const Chunks c{first_words(), last};
  HeadScan h;
  if (first == last) {
    h.role_head = c.fw.role_head.contains({});
    h.honorific = c.fw.odd_honorific_head;
    return h;
  }
  // Role: chunk 0 may be the head, or a determiner / possessive name (then
  // the head is one of the next five chunks), or a capitalised modifier
  // (then up to three capitalised chunks precede the head).
  Chunks::Run run0 = c.run_at(first);
  h.role_head = c.role_head(run0);
  bool role_on = !h.role_head;
  h.honorific = c.fw.odd_honorific_head || c.honorific_at(first, run0);
  bool clean = c.ends_clean(first + run0.text.size());
  bool honorific_on = !h.honorific && clean && Chunks::honorific_goes_on(first, run0.text);
  // The rest of chunk 0: an apostrophe (' or the first byte of ’) may make
  // it a possessive name.
  const char* p = first + run0.text.size();
  bool apostrophe = false;
  for (; p < last && !c.space(p); ++p) apostrophe |= *p == '\'' || *p == '\xE2';
  bool det = false;
  if (role_on) {
    bool starts_det = (run0.sets & kDeterminerRun) && c.fw.det_word.has(run0.text);  // starts_with_determiner
    h.determiner = starts_det;
    det = (apostrophe && upperish(*first)) || starts_det;
    role_on = clean && (det || upperish(*first));
  }
  int max_chunk = det ? 5 : 3;
  for (int chunk = 1;; ++chunk) {
    role_on &= chunk <= max_chunk;
    honorific_on &= chunk <= 3;
    if (!role_on && !honorific_on) break;
    p = c.skip_spaces(p);
    if (p == last) break;
    Chunks::Run run = c.run_at(p);
    clean = c.ends_clean(p + run.text.size());
    if (role_on && det && run.text == "and" && chunk >= 2 && clean && c.skip_spaces(p + 3) < last &&
        upperish(*c.skip_spaces(p + 3))) {
      // role_phrase's and_capital: "the Food and Drug Administration". After
      // a determiner, the word joins two capitalised modifiers and takes a
      // chunk of its own.
      ++max_chunk;
    } else if (role_on) {
      h.role_head = c.role_head(run);
      // The next chunk is reachable only past a modifier: a capitalised word
      // (without a determiner), or any word or number after one.
      role_on = !h.role_head && clean && (det ? letter(*p) || (*p >= '0' && *p <= '9') : upperish(*p));
      // After a determiner, a lower-case modifier is no function word: "the
      // plan to ..." ends at "to".
      if (role_on && det && *p >= 'a' && *p <= 'z') role_on = !c.function_word(run);
    }
    if (honorific_on) {
      h.honorific = c.honorific_at(p, run);
      honorific_on = !h.honorific && clean && Chunks::honorific_goes_on(p, run.text);
    }
    p += run.text.size();
    while (p < last && !c.space(p)) ++p;
  }
  return h;
}

void fill_may_start(std::string_view text, std::vector<Token>* tokens) {
  for (Token& t : *tokens)
    if (t.kind == Token::Kind::kWord) t.may_start = may_start_word({text.data() + t.range.begin, t.range.size()});
}

// role_phrase opens with a determiner, a possessive name or capitalised
// modifiers (cap_word, or a role head) before its head; the_title and
// the_org with a determiner; titled_name with capitalised words (cap_word),
// "former"/"acting"/"then-" or its honorific; plain_name with an initial or
// a cap_word. With cap_word failing at `first`, only the words tested here
// remain. A possessive name has an apostrophe (' or ’) in the first chunk.
bool stop_word_blocks_mention(const char* first, const char* last) {
  const Chunks c{first_words(), last};
  std::string_view run = word_run(first, last);
  // A run of two bytes or more: no initial. A stop word that is a whole run
  // is what `stop` matches (an entry of the list, then no word character).
  if (run.size() < 2 || run.size() > kMaxKey || c.fw.odd_honorific_head || !c.fw.stop_run.has(run)) return false;
  // None of the openers, in any case (FirstWords::opener_lower).
  if (c.fw.opener_lower.contains_folded(run)) return false;
  // "Jan Egeland", "April Ryan": a month that is a given name, then a
  // capitalised word (mention_def.hpp given_name_month).
  if (given_name_month(run) && last - first > static_cast<ptrdiff_t>(run.size()) + 1 && first[run.size()] == ' ' &&
      first[run.size() + 1] >= 'A' && first[run.size() + 1] <= 'Z')
    return false;
  for (const char* p = first + run.size(); p < last && !c.space(p); ++p)
    if (*p == '\'' || *p == '\xE2') return false;  // maybe a possessive name
  return true;
}

bool may_hold_role_head(const char* first, const char* last, std::optional<bool>* determiner) {
  HeadScan h = scan_heads(first, last);
  if (determiner && h.determiner) *determiner = h.determiner;
  return h.role_head;
}

bool starts_with_determiner(const char* first, const char* last) {
  std::string_view run = word_run(first, last);
  return run.size() <= kMaxKey + 1 && first_words().det_word.has(run);
}

bool may_hold_honorific(const char* first, const char* last) { return scan_heads(first, last).honorific; }

bool may_hold_title(const char* first, const char* last) {
  const Chunks c{first_words(), last};
  if (c.fw.odd_honorific_head) return true;
  auto head_at = [&](const char* p) { return c.honorific_head(c.run_at(p)); };
  // the_title: a determiner (a whole run), a space, then the title, or
  // "then-" / "former" / "acting" and the title.
  const char* p = first + word_run(first, last).size();
  if (p == last || !c.space(p)) return false;
  p = c.skip_spaces(p);
  if (p == last) return false;
  std::string_view run = word_run(p, last);
  if (c.honorific_head(c.run_of(run))) return true;
  if (last - p > 5 && std::string_view(p, 5) == "then-") return head_at(c.skip_spaces(p + 5));
  if (run == "former" || run == "Former" || run == "acting" || run == "Acting")
    return head_at(c.skip_spaces(p + run.size()));
  return false;
}

}  // namespace quotient::grammar::parser
