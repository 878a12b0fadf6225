// word_table.hpp — word_parser<T>: an X3 parser for "an entry of a word list,
// then the end of a word", i.e. `symbols >> !word_char` over the same
// entries, with a hash lookup of the word instead of X3's ternary search
// tree (a branch per letter, on the hottest path of mention matching).
// Internal to grammar/ (mention_def.hpp).
//
// Exactly as X3 does it: the symbol table takes the longest entry that is a
// prefix of the input; the match stands when no word character follows it.
// An entry longer than the input's leading run of word characters r0 must
// begin with r0 followed by a non-word character ("according to", "vice
// president"); a shorter one ends inside r0 and fails the word end. So
// entries are grouped by their leading run: the longest entry of r0's group
// that is a prefix of the input wins, else r0 itself when it is an entry.
#ifndef QUOTIENT_GRAMMAR_WORD_TABLE_HPP_
#define QUOTIENT_GRAMMAR_WORD_TABLE_HPP_

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "bytes.hpp"

#include "config.hpp"

namespace quotient::grammar::parser {

// Byte classes for word_char_at: 1 an ASCII letter or digit, 2 a byte
// >= 0x80 (C2 and E2 need the bytes after them), 0 anything else.
inline constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? 1 : c >= 0x80 ? 2 : 0;
  return t;
}();

// X3's word_char (mention_def.hpp): an ASCII letter or digit, or a byte
// >= 0x80 that does not start Latin-1 (C2 80..BF) or General Punctuation
// (E2 80 80..BF). Precondition: p < last.
inline bool word_char_at(const char* p, const char* last) {
  auto c = static_cast<unsigned char>(*p);
  if (kByteClass[c] != 2) return kByteClass[c] == 1;
  if (c == 0xC2) return !(last - p >= 2 && (static_cast<unsigned char>(p[1]) & 0xC0) == 0x80);
  if (c == 0xE2)
    return !(last - p >= 3 && static_cast<unsigned char>(p[1]) == 0x80 &&
             (static_cast<unsigned char>(p[2]) & 0xC0) == 0x80);
  return true;
}

// The end of the run of word characters at p (word_char_at), at most last.
// Eight bytes at a time while they are ASCII letters or digits: the first
// other byte ends the run unless it is >= 0x80 (then word_char_at decides).
// Always inlined: it is short, and a call costs a match() a fifth more.
[[gnu::always_inline]] inline const char* word_run_end(const char* p, const char* last) {
  while (last - p >= 8) {
    uint64_t other = bytes::not_ascii_alnum(bytes::load8(p));
    if (other == 0) {
      p += 8;
      continue;
    }
    p += __builtin_ctzll(other) / 8;
    if (static_cast<unsigned char>(*p) < 0x80) return p;
    break;
  }
  while (p < last && word_char_at(p, last)) ++p;
  return p;
}

// Are the n bytes at a and at b the same? Eight at a time, without a call
// to memcmp (the strings compared here are short).
inline bool same_bytes(const char* a, const char* b, size_t n) {
  for (; n >= 8; a += 8, b += 8, n -= 8)
    if (bytes::load8(a) != bytes::load8(b)) return false;
  return n == 0 || bytes::load_1_to_8(a, n) == bytes::load_1_to_8(b, n);
}

// Entries (byte strings) with a value each; the first value added for an
// entry stays, as with x3::symbols::add.
template <typename T>
class WordTable {
 public:
  void add(std::string_view key, T value) {
    if (key.empty()) return;
    const char* e = key.data();
    while (e < key.data() + key.size() && word_char_at(e, key.data() + key.size())) ++e;
    std::string_view run(key.data(), static_cast<size_t>(e - key.data()));
    mark_head(key.data(), key.data() + key.size());
    Group& g = group(run, run_hash(run));
    if (run.size() == key.size()) {
      if (!g.has_exact) {
        g.has_exact = true;
        g.exact = value;
      }
      return;
    }
    for (const auto& [k, v] : g.longer)
      if (k == key) return;
    g.longer.emplace_back(std::string(key), value);
    std::stable_sort(g.longer.begin(), g.longer.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }

  // False when match() fails at first for the input's first bytes alone.
  bool may_match(const char* first, const char* last) const { return first != last && has_head(first, last); }

  // The longest entry that is a prefix of [first, last), when no word
  // character follows it within [first, last): sets *end past it and
  // *value. False otherwise.
  // Most words fail on their first two bytes, before the run is hashed: that
  // test is inlined into the parsers, the rest stays one call.
  [[gnu::always_inline]] bool match(const char* first, const char* last, const char** end,
                                    const T** value) const {
    return may_match(first, last) && match_run(first, last, end, value);
  }

 private:
  // match() past the head test.
  [[gnu::noinline]] bool match_run(const char* first, const char* last, const char** end,
                                   const T** value) const {
    const char* e = word_run_end(first, last);
    std::string_view run(first, static_cast<size_t>(e - first));
    const Group* g = find(run, run_hash(run));
    if (g == nullptr) return false;
    auto avail = static_cast<size_t>(last - first);
    for (const auto& [k, v] : g->longer) {
      // k begins with the run: compare the rest.
      if (k.size() > avail || !same_bytes(k.data() + run.size(), e, k.size() - run.size())) continue;
      const char* stop = first + k.size();
      if (stop < last && word_char_at(stop, last)) return false;
      *end = stop;
      *value = std::addressof(v);
      return true;
    }
    if (!g->has_exact) return false;
    *end = e;
    *value = std::addressof(g->exact);
    return true;
  }
  // The hash of a run: its bytes as little-endian 64-bit words, the last
  // one zero-padded, mixed in one at a time with its size.
  static uint64_t run_hash(std::string_view run) {
    auto mix = [](uint64_t h) {
      h *= 0x9E3779B97F4A7C15u;
      return h ^ (h >> 29);
    };
    uint64_t h = run.size();
    size_t i = 0;
    for (; i + 8 <= run.size(); i += 8) h = mix(h ^ bytes::load8(run.data() + i));
    return i < run.size() ? mix(h ^ bytes::load_1_to_8(run.data() + i, run.size() - i)) : h;
  }
  // The head of [p, last) (p < last): its first byte, and its second when
  // that is an ASCII letter or digit, else 0, hashed into kHeadBits. An
  // input that matches an entry has the entry's head (the entry is a prefix
  // of it, and a one-byte entry's word ends there), so an input whose head
  // no entry has matches none.
  static constexpr size_t kHeadBits = 4096;
  static size_t head(const char* p, const char* last) {
    size_t second = last - p >= 2 && kByteClass[static_cast<unsigned char>(p[1])] == 1
                        ? static_cast<unsigned char>(p[1])
                        : 0;
    size_t first = static_cast<unsigned char>(p[0]);
    return (first * 131 + second) % kHeadBits;
  }
  void mark_head(const char* p, const char* last) {
    size_t h = head(p, last);
    heads_[h / 64] |= uint64_t{1} << (h % 64);
  }
  bool has_head(const char* p, const char* last) const {
    size_t h = head(p, last);
    return (heads_[h / 64] >> (h % 64)) & 1;
  }
  struct Group {
    std::string run;
    bool has_exact = false;
    T exact{};
    std::vector<std::pair<std::string, T>> longer;  // longest first
  };
  struct Slot {
    uint32_t hash = 0;
    uint32_t group = 0;  // index + 1 into groups_; 0: empty
  };
  const Group* find(std::string_view run, uint64_t h) const {
    if (slots_.empty()) return nullptr;
    auto h32 = static_cast<uint32_t>(h ^ (h >> 32));
    for (size_t i = h32 & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.group == 0) return nullptr;
      if (s.hash != h32) continue;
      const std::string& r = groups_[s.group - 1].run;
      if (r.size() == run.size() && same_bytes(r.data(), run.data(), run.size())) return &groups_[s.group - 1];
    }
  }
  Group& group(std::string_view run, uint64_t h) {
    if (const Group* g = find(run, h)) return groups_[static_cast<size_t>(g - groups_.data())];
    groups_.push_back(Group{std::string(run), false, T{}, {}});
    hashes_.push_back(h);
    if (2 * groups_.size() > slots_.size()) {
      size_t n = std::max<size_t>(64, slots_.size() * 4);
      slots_.assign(n, Slot{});
      mask_ = n - 1;
      for (size_t k = 0; k < groups_.size(); ++k) place(k);
    } else {
      place(groups_.size() - 1);
    }
    return groups_.back();
  }
  void place(size_t k) {
    auto h32 = static_cast<uint32_t>(hashes_[k] ^ (hashes_[k] >> 32));
    size_t i = h32 & mask_;
    while (slots_[i].group != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{h32, static_cast<uint32_t>(k + 1)};
  }
  std::vector<Group> groups_;
  std::vector<uint64_t> hashes_;  // of each group's run
  std::vector<Slot> slots_;       // a power of two, at most half full
  size_t mask_ = 0;
  std::array<uint64_t, kHeadBits / 64> heads_{};  // bit set of the entries' heads
};

// The X3 parser over a WordTable: attribute T (x3::unused_type for a plain
// word list).
template <typename T>
struct word_parser : x3::parser<word_parser<T>> {
  using attribute_type = T;
  static bool const has_attribute = !std::is_same_v<T, x3::unused_type>;
  static bool const handles_container = false;

  explicit word_parser(const WordTable<T>& t) : table(&t) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute& attr) const {
    const char* end = nullptr;
    const T* value = nullptr;
    if (!table->match(first, last, &end, &value)) return false;
    x3::traits::move_to(*value, attr);
    first = end;
    return true;
  }

  const WordTable<T>* table;
};

}  // namespace quotient::grammar::parser

#endif  // QUOTIENT_GRAMMAR_WORD_TABLE_HPP_
