#include "tokenizer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "hash.hpp"

namespace quotient::model {
namespace {

// Byte classes: one table lookup instead of range compares in the hot loops.
enum ByteClass : uint8_t { kLower = 1, kUpper = 2, kDigit = 4 };
constexpr std::array<uint8_t, 256> make_byte_classes() {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<size_t>(c)] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<size_t>(c)] = kUpper;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] = kDigit;
  return t;
}
constexpr std::array<uint8_t, 256> kByteClass = make_byte_classes();

// The bytes that may continue a word after its letters and digits: an
// apostrophe, a hyphen, "." and "," (between digits) and every non-ASCII
// byte. Any other byte ends the word at once (scan_word()'s quick exit).
constexpr std::array<bool, 256> make_word_marks() {
  std::array<bool, 256> t{};
  for (int c = 0x80; c < 256; ++c) t[static_cast<size_t>(c)] = true;
  for (unsigned char c : {'\'', '-', '.', ','}) t[c] = true;
  return t;
}
constexpr std::array<bool, 256> kWordMark = make_word_marks();

bool may_continue_word(unsigned char c) { return kWordMark[c]; }

bool is_ascii_alnum(unsigned char c) { return kByteClass[c] != 0; }

bool is_plain_lower(std::string_view w) {
  for (char c : w)
    if (!(kByteClass[static_cast<unsigned char>(c)] & (kLower | kDigit))) return false;
  return true;
}
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// The byte after E2 80 for the punctuation we recognise, or 0.
unsigned char general_punct(std::string_view s, size_t i) {
  if (i + 2 < s.size() + 0 && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char c = static_cast<unsigned char>(s[i + 2]);
    if (c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D || c == 0x93 || c == 0x94 || c == 0xA6)
      return c;
  }
  return 0;
}

bool is_letter_at(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return is_ascii_alnum(c);
  return general_punct(s, i) == 0;
}

// Length of an apostrophe at i (1 for ', 3 for ’ or ‘), or 0.
size_t apostrophe_at(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '\'') return 1;
  unsigned char p = general_punct(s, i);
  return (p == 0x99 || p == 0x98) ? 3 : 0;
}

// A word scanned by scan_word(): its end, and, when `plain`, the FNV-1a 64
// hashes of its lower-cased bytes and of their first prefix_bytes().
struct ScannedWord {
  size_t end = 0;
  bool plain = false;    // only ASCII letters and digits: the hashes are the normalized form's
  bool lower = false;    // ... and no upper-case letter: the source bytes are the normalized form
  uint64_t hash = kFnvOffset, prefix_hash = kFnvOffset;
};

// For an ASCII letter or digit c: the byte FNV-1a takes (c | 0x20: a
// letter lower-cased, a digit kept), plus kFoldUpper for an upper-case
// letter; 0 for any other byte. One load tells whether the word goes on,
// what to hash and whether the word was lower-case.
constexpr uint16_t kFoldUpper = 0x100;
constexpr std::array<uint16_t, 256> make_fold() {
  std::array<uint16_t, 256> t{};
  for (int c = 0; c < 256; ++c)
    if (kByteClass[static_cast<size_t>(c)] != 0)
      t[static_cast<size_t>(c)] = static_cast<uint16_t>((c | 0x20) | ((kByteClass[static_cast<size_t>(c)] & kUpper) ? kFoldUpper : 0));
  return t;
}
constexpr std::array<uint16_t, 256> kFold = make_fold();

// Hashes the run of ASCII letters and digits of s from j up to `stop` into
// h, or-ing their kFold values into `seen`; returns where the run ends.
inline size_t hash_alnum_run(const unsigned char* s, size_t j, size_t stop, uint64_t& h, uint16_t& seen) {
  for (uint16_t v; j < stop && (v = kFold[s[j]]) != 0; ++j) {
    seen |= v;
    h = (h ^ static_cast<uint8_t>(v)) * kFnvPrime;
  }
  return j;
}

// hash_alnum_run() over the next kPrefixBytes bytes at most, all of them in
// the text: with a constant trip count the loop unrolls, and no byte needs
// a bound test.
inline size_t hash_prefix_run(const unsigned char* s, size_t j, uint64_t& h, uint16_t& seen) {
  for (size_t k = 0; k < kPrefixBytes; ++k) {
    const uint16_t v = kFold[s[j + k]];
    if (v == 0) return j + k;
    seen |= v;
    h = (h ^ static_cast<uint8_t>(v)) * kFnvPrime;
  }
  return j + kPrefixBytes;
}

// Scans the word starting at i. Its first run of ASCII letters and digits,
// the common case, is hashed as it is read, without the UTF-8 checks, so an
// all-ASCII word is read once: the prefix hash is the state after
// kPrefixBytes bytes. A mark inside the word (apostrophe, hyphen, other
// UTF-8) makes it not plain: the rest is only skipped, emit_word() hashes
// the normalized form.
ScannedWord scan_word(std::string_view s, size_t i) {
  ScannedWord w;
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  uint16_t seen = 0;
  uint64_t h = kFnvOffset;
  size_t j = i + kPrefixBytes <= s.size() ? hash_prefix_run(u, i, h, seen) : hash_alnum_run(u, i, s.size(), h, seen);
  w.prefix_hash = h;
  if (j == i + kPrefixBytes) j = hash_alnum_run(u, j, s.size(), h, seen);
  w.hash = h;
  w.plain = true;
  while (j < s.size() && may_continue_word(u[j])) {
    // An apostrophe before a letter ("don't"), a letter, a hyphen between
    // letters ("win-win") or a separator between digits ("1,000", "2.5").
    size_t k = 0;
    bool between = j > i && j + 1 < s.size();
    if (size_t a = apostrophe_at(s, j); a && is_letter_at(s, j + a)) k = a;
    else if (is_letter_at(s, j) ||
             (between && s[j] == '-' && is_letter_at(s, j - 1) && is_letter_at(s, j + 1)) ||
             (between && (s[j] == '.' || s[j] == ',') && is_digit(s[j - 1]) && is_digit(s[j + 1])))
      k = 1;
    else break;
    w.plain = false;  // a byte or mark inside the word that is not an ASCII letter or digit
    j += k;
    while (j < s.size() && kByteClass[u[j]] != 0) ++j;
  }
  w.end = j;
  w.lower = w.plain && !(seen & kFoldUpper);
  return w;
}

// Lower-cased word without hyphens and with ’ as '.
void normalize_word(std::string_view w, std::string& out) {
  if (is_plain_lower(w)) { out.append(w); return; }  // nothing to change
  for (size_t k = 0; k < w.size(); ++k) {
    size_t a = apostrophe_at(w, k);
    if (a) { out += '\''; k += a - 1; continue; }
    char c = w[k];
    if (c == '-') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
}

// Sets t's hash and prefix hash from its normalized form `norm`.
void hash_token(std::string_view norm, Token& t) {
  size_t k = prefix_bytes(norm);
  t.prefix_hash = fnv1a64(norm.substr(0, k));
  t.hash = fnv1a64(norm.substr(k), t.prefix_hash);
}

Token& push(TokenBuffer& out, uint32_t b, uint32_t e, std::string_view norm, uint8_t flags) {
  Token& t = out.tokens.emplace_back();
  t.begin = b;
  t.end = e;
  t.norm_begin = static_cast<uint32_t>(out.chars.size());
  t.norm_size = static_cast<uint32_t>(norm.size());
  t.flags = flags;
  out.chars.append(norm);
  return t;
}

void push_hashed(TokenBuffer& out, uint32_t b, uint32_t e, std::string_view norm, uint8_t flags) {
  hash_token(norm, push(out, b, e, norm, flags));
}

// Position of a clitic to split off ("n't", "'ve", ...), or npos.
size_t clitic_split(std::string_view w) {
  if (w.size() > 3 && w.substr(w.size() - 3) == "n't") return w.size() - 3;
  size_t q = w.rfind('\'');
  if (q == std::string_view::npos || q == 0) return std::string_view::npos;
  std::string_view suf = w.substr(q + 1);
  if (suf == "s" || suf == "ve" || suf == "re" || suf == "ll" || suf == "d" || suf == "m") return q;
  return std::string_view::npos;
}

// A token whose normalized form is the source bytes [b, e).
Token& push_source(TokenBuffer& out, uint32_t b, uint32_t e, uint8_t flags = kTokWord) {
  Token& t = out.tokens.emplace_back();
  t.begin = t.norm_begin = b;
  t.end = e;
  t.norm_size = e - b;
  t.flags = flags | kTokInSource;
  return t;
}

// A token whose normalized form is the source bytes [b, e) of the all-ASCII
// word `w`, lower-cased into out.chars (in place, after one append).
Token& push_lowered(TokenBuffer& out, uint32_t b, uint32_t e, std::string_view w) {
  Token& t = out.tokens.emplace_back();
  t.begin = b;
  t.end = e;
  t.norm_begin = static_cast<uint32_t>(out.chars.size());
  t.norm_size = e - b;
  t.flags = kTokWord;
  out.chars.append(w);
  for (char* c = out.chars.data() + t.norm_begin; c != out.chars.data() + out.chars.size(); ++c)
    *c = static_cast<char>(*c | ((kByteClass[static_cast<unsigned char>(*c)] & kUpper) ? 0x20 : 0));
  return t;
}

// One of kFixedForms: where it is and its hash (computed once; each is at
// most kPrefixBytes long, so its prefix hash is its hash).
struct FixedForm {
  uint32_t begin, size;
  uint64_t hash;
};
constexpr FixedForm fixed_form(std::string_view form) {
  const size_t at = kFixedForms.find(form);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(form.size()), fnv1a64(form)};
}
constexpr FixedForm kNum = fixed_form("<num>"), kEnt = fixed_form("<ent>"), kDash = fixed_form("-"),
                    kEllipsis = fixed_form("...");

void push_fixed(TokenBuffer& out, uint32_t b, uint32_t e, const FixedForm& form, uint8_t flags) {
  Token& t = out.tokens.emplace_back();
  t.begin = b;
  t.end = e;
  t.norm_begin = form.begin;
  t.norm_size = form.size;
  t.flags = flags | kTokFixedForm;
  t.hash = t.prefix_hash = form.hash;
}

void emit_word(TokenBuffer& out, std::string_view text, size_t b, const ScannedWord& sw, std::string& tmp) {
  const size_t e = sw.end;
  auto B = static_cast<uint32_t>(b), E = static_cast<uint32_t>(e);
  if (is_digit(static_cast<unsigned char>(text[b]))) return push_fixed(out, B, E, kNum, kTokWord);
  if (sw.plain) {  // the common case: hashed by the scan
    Token& t = sw.lower ? push_source(out, B, E) : push_lowered(out, B, E, text.substr(b, e - b));
    t.hash = sw.hash;
    t.prefix_hash = sw.prefix_hash;
    return;
  }
  tmp.clear();
  normalize_word(text.substr(b, e - b), tmp);
  if (is_digit(static_cast<unsigned char>(tmp[0]))) return push_fixed(out, B, E, kNum, kTokWord);
  size_t cut = clitic_split(tmp);
  if (cut == std::string::npos) return push_hashed(out, B, E, tmp, kTokWord);
  push_hashed(out, B, E, std::string_view(tmp).substr(0, cut), kTokWord);
  push_hashed(out, B, E, std::string_view(tmp).substr(cut), kTokWord);
}

void prepare_masks(std::string_view text, const std::vector<std::pair<uint32_t, uint32_t>>& in,
                   std::vector<std::pair<uint32_t, uint32_t>>& out) {
  for (auto [b, e] : in)
    if (e > b && b < text.size()) out.emplace_back(b, std::min<uint32_t>(e, text.size()));
  std::sort(out.begin(), out.end());
}

// Punctuation token flags for an ASCII byte, or 0 when it is not one.
uint8_t ascii_punct(char c) {
  switch (c) {
    case '.': return kTokClauseEnd | kTokSentenceEnd;
    case '!': case '?': return kTokClauseEnd | kTokSentenceEnd | kTokExclaimQuestion;
    case ',': case ';': case ':': case '(': case ')': case '-': return kTokClauseEnd;
    default: return 0;
  }
}

}  // namespace

void tokenize(std::string_view text, const std::vector<std::pair<uint32_t, uint32_t>>& masked,
              TokenBuffer& out) {
  out.clear();
  out.source = text;
  prepare_masks(text, masked, out.masked);
  std::string& tmp = out.word;
  // The masks in locals: the pushes below write through `out`, so the
  // compiler would reload out.masked's bounds at every byte.
  const std::pair<uint32_t, uint32_t>* masks = out.masked.data();
  const size_t num_masks = out.masked.size();
  // masks[m] is the first mask not ended at i and `stop` its begin (the
  // text's end when none is left): until i reaches stop, neither changes.
  size_t m = 0, i = 0;
  size_t stop = num_masks ? masks[0].first : text.size();
  while (i < text.size()) {
    if (i >= stop) {
      while (m < num_masks && masks[m].second <= i) ++m;
      if (m < num_masks && masks[m].first <= i) {
        push_fixed(out, static_cast<uint32_t>(i), masks[m].second, kEnt, kTokWord | kTokEntity);
        i = masks[m].second;
        continue;
      }
      stop = m < num_masks ? masks[m].first : text.size();
    }
    if (text[i] == ' ') { ++i; continue; }  // the commonest byte between tokens
    if (is_letter_at(text, i)) {
      ScannedWord w = scan_word(text, i);
      if (w.end > stop) {  // cut short by a mask: hash the normalized form instead
        w.end = stop;
        w.plain = w.lower = false;
      }
      emit_word(out, text, i, w, tmp);
      i = w.end;
      continue;
    }
    unsigned char g = general_punct(text, i);
    if (g == 0x93 || g == 0x94 || g == 0xA6) {
      push_fixed(out, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 3), g == 0xA6 ? kEllipsis : kDash, kTokClauseEnd);
      i += 3;
      continue;
    }
    if (g) { i += 3; continue; }
    if (uint8_t f = ascii_punct(text[i])) {  // its normalized form is its one source byte
      Token& t = push_source(out, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), f);
      t.hash = t.prefix_hash = fnv1a64_byte(static_cast<unsigned char>(text[i]), kFnvOffset);
    }
    ++i;
  }
}

}  // namespace quotient::model
