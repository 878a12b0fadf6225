// split_sentences() and tokenize(): the sentence and word layer, quote-aware.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <unordered_set>

#include "bytes.hpp"
#include "grammar.hpp"
#include "lexicon.hpp"
#include "marks.hpp"
#include "mention.hpp"

namespace quotient::grammar {
namespace {

bool is_blank(std::string_view t, size_t p) {
  unsigned char c = t[p];
  return c == ' ' || c == '\t' || c == '\r' ||
         (c == 0xC2 && p + 1 < t.size() && static_cast<unsigned char>(t[p + 1]) == 0xA0);
}

size_t blank_len(std::string_view t, size_t p) { return static_cast<unsigned char>(t[p]) == 0xC2 ? 2 : 1; }

// ASCII letters and digits, by table: the tokenizer asks at every byte.
constexpr std::array<bool, 256> kAsciiWord = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
  return t;
}();

bool ascii_word(unsigned char c) { return kAsciiWord[c]; }

// Non-ASCII letters: everything but Latin-1 punctuation (C2 xx) and General
// Punctuation (E2 80 xx).
bool u8_letter_at(std::string_view t, size_t p) {
  unsigned char c = t[p];
  if (c < 0x80) return false;
  if (c == 0xC2) return false;
  if (c == 0xE2 && p + 1 < t.size() && static_cast<unsigned char>(t[p + 1]) == 0x80) return false;
  return c >= 0xC3;
}

size_t char_len(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;  // stray continuation byte
}

bool word_at(std::string_view t, size_t p) {
  return p < t.size() && (ascii_word(t[p]) || u8_letter_at(t, p));
}

// "Hollvik–Sarto", "Mercedes–Benz": an en dash at p between a letter (any
// UTF-8 one, as word_body takes it) and a capital joins a compound name
// ("1990–2000" and "north–south" stay apart).
bool en_dash_in_name(std::string_view t, size_t p) {
  auto before = static_cast<unsigned char>(p > 0 ? t[p - 1] : ' ');
  return t.compare(p, 3, "\xE2\x80\x93") == 0 && (std::isalpha(before) || before >= 0x80) && p + 3 < t.size() &&
         t[p + 3] >= 'A' && t[p + 3] <= 'Z';
}

// Length of a joiner (' ’ - . & or en_dash_in_name()) at p that sits
// between two word characters.
size_t joiner_at(std::string_view t, size_t p) {
  if (p >= t.size()) return 0;
  unsigned char c = t[p];
  size_t n = 0;
  if (c == '\'' || c == '-' || c == '.' || c == '&') n = 1;
  else if (c == 0xE2 && (t.compare(p, 3, "\xE2\x80\x99") == 0 || en_dash_in_name(t, p))) n = 3;
  // A thousands separator: "40,000" is one word, so no clause ends at its comma.
  auto digit = [&](size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
  if (c == ',' && p > 0 && digit(p - 1) && digit(p + 1) && digit(p + 2) && digit(p + 3) && !digit(p + 4)) return 1;
  return n && word_at(t, p + n) ? n : 0;
}

// What a byte can start, for tokenize(): one look-up per byte. kHigh: a
// byte >= 0x80 (NBSP, a letter, or punctuation; the next bytes decide).
enum class ByteClass : uint8_t { kOther, kWord, kBlank, kHigh };

constexpr std::array<ByteClass, 256> kByteClass = [] {
  std::array<ByteClass, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (kAsciiWord[c]) t[c] = ByteClass::kWord;
    else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') t[c] = ByteClass::kBlank;
    else if (c >= 0x80) t[c] = ByteClass::kHigh;
  }
  return t;
}();

// The end of the run of ASCII letters and digits at p: sixteen bytes at a
// time with SSE2, eight without (the sums stay inside their byte there).
size_t ascii_word_end(std::string_view t, size_t p) {
  const char* s = t.data();
#if defined(__SSE2__)
  // x in [lo, lo + n) <=> x + (0x80 - lo) < n - 0x80, as signed bytes.
  auto in_range = [](__m128i x, char lo, char n) {
    return _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - lo))),
                          _mm_set1_epi8(static_cast<char>(n - 0x80)));
  };
  while (p + 16 <= t.size()) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + p));
    __m128i word = _mm_or_si128(in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 26), in_range(v, '0', 10));
    if (int stop = ~_mm_movemask_epi8(word) & 0xFFFF) return p + static_cast<size_t>(__builtin_ctz(stop));
    p += 16;
  }
#endif
  while (p + 8 <= t.size()) {
    if (uint64_t stop = bytes::not_ascii_alnum(bytes::load8(s + p))) return p + bytes::first_marked(stop);
    p += 8;
  }
  while (p < t.size() && ascii_word(t[p])) ++p;
  return p;
}

// The end of the word that starts at p (a word character): letters, digits
// and joiners between them, never past `limit`.
size_t word_end(std::string_view t, size_t p, size_t limit) {
  while (true) {
    p = ascii_word_end(t, p);
    if (p >= limit) return limit;
    auto ch = static_cast<unsigned char>(t[p]);
    if (kByteClass[ch] == ByteClass::kBlank) return p;  // the usual end: no joiner, no letter
    if (ch >= 0x80 && u8_letter_at(t, p)) p += char_len(ch);
    else if (size_t j = joiner_at(t, p)) p += j;
    else return p;
    if (p >= limit) return limit;
  }
}

const std::unordered_set<std::string_view>& abbreviations() {
  static const std::unordered_set<std::string_view> set = [] {
    std::unordered_set<std::string_view> s;
    for (const std::string& a : Lexicon::builtin().abbreviations) s.insert(a);
    return s;
  }();
  return set;
}

// The word that ends at `end` (exclusive), back to white space.
std::string_view word_before(std::string_view t, size_t end, size_t floor) {
  size_t b = end;
  while (b > floor && (word_at(t, b - 1) || t[b - 1] == '.' || (static_cast<unsigned char>(t[b - 1]) & 0xC0) == 0x80))
    --b;
  return t.substr(b, end - b);
}

bool is_initial(std::string_view w) { return w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z'; }

// Titles never end a sentence ("Dr. Smith"); other abbreviations ("etc.",
// "Inc.", "U.S.") do when a sentence-initial word follows.
bool is_title_abbreviation(std::string_view w) {
  // Views into the lexicon's titles (which live as long as the program) and
  // string literals: a look-up builds no string.
  static const std::unordered_set<std::string_view> titles = [] {
    std::unordered_set<std::string_view> s;
    for (const Honorific& h : Lexicon::builtin().honorifics)
      if (!h.title.empty() && h.title.back() == '.') s.insert(std::string_view(h.title).substr(0, h.title.size() - 1));
    for (const char* t : {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Ft", "No", "Nos", "Vol", "vs", "v"})
      s.insert(t);
    return s;
  }();
  return titles.count(w) > 0;
}

std::string_view word_at_pos(std::string_view t, size_t p) {
  size_t e = p;
  while (e < t.size() && word_at(t, e)) e += char_len(t[e]);
  return t.substr(p, e - p);
}

// Is the '.' at p the end of an abbreviation that does not end a sentence?
// "G.K", "J.R": initials run together (the last period is the caller's).
bool run_of_initials(std::string_view w) {
  if (w.size() < 3 || w.size() % 2 == 0) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (i % 2 == 0 ? !(w[i] >= 'A' && w[i] <= 'Z') : w[i] != '.') return false;
  return true;
}

// "in Dover, Del. The …": after a comma and before a sentence's opening
// word, "Del." is Delaware (AP style) and ends its sentence; before a name it
// is a delegate's title ("Sen. Ana Ruiz, Del. Tom Hall and …").
bool state_not_title(std::string_view t, size_t word_begin, std::string_view w, size_t next_start) {
  return w == "Del" && word_begin >= 2 && t[word_begin - 1] == ' ' && t[word_begin - 2] == ',' &&
         is_stopword(word_at_pos(t, next_start));
}

bool abbreviation_at(std::string_view t, size_t p, size_t floor, size_t next_start) {
  std::string_view w = word_before(t, p, floor);
  if (is_initial(w)) return true;
  // "Rep. G.K. Butterfield" goes on; "in the U.S. The …" ends.
  if (run_of_initials(w) && !abbreviations().count(w)) return !is_stopword(word_at_pos(t, next_start));
  if (!abbreviations().count(w)) return false;
  // "the U.S. The ...", "food, water, etc. The ..." end the sentence.
  if (is_title_abbreviation(w)) return !state_not_title(t, p - w.size(), w, next_start);
  return !is_stopword(word_at_pos(t, next_start));
}

size_t skip_blanks(std::string_view t, size_t p) {
  while (p < t.size() && is_blank(t, p)) p += blank_len(t, p);
  return p;
}

bool opening_mark_at(std::string_view t, size_t p) {
  if (p >= t.size()) return false;
  if (t[p] == '"' || t[p] == '\'' || t[p] == '`') return true;
  for (std::string_view m : {"\xE2\x80\x9C", "\xE2\x80\x98", "\xE2\x80\x9E", "\xC2\xAB"})
    if (t.compare(p, m.size(), m) == 0) return true;
  return false;
}

// “Is it over?” Lammy asked. | “…” Scott Pruitt, the attorney general of
// Oklahoma, said. — the words after a quote-final mark attribute it when a
// speech verb follows within a few words and closes its clause ("said.",
// "said Friday."), so “…” She says it underscores … still starts a sentence.
bool attribution_follows(std::string_view t, size_t next) {
  size_t p = next;
  for (int words = 0; words < 16 && p < t.size(); ++words) {
    std::string_view w = word_at_pos(t, p);
    if (w.empty()) return false;
    p += w.size();
    if (words > 0 && w[0] >= 'a' && w[0] <= 'z' && parser::may_start_cue(w)) {
      // The verb's clause ends within two words: "said.", "said on Friday."
      for (int k = 0; k < 3 && p < t.size(); ++k) {
        // “…” He added, “…” — the verb introduces the next quote instead.
        if (t[p] == ',' || t[p] == ':') return !opening_mark_at(t, skip_blanks(t, p + 1));
        if (t[p] == '.' || t[p] == ';') return true;
        if (t[p] != ' ') return false;
        std::string_view n = word_at_pos(t, p + 1);
        if (n.empty()) return false;
        p += 1 + n.size();
      }
      return false;
    }
    if (p < t.size() && (t[p] == ',' || (t[p] == '.' && (is_initial(w) || is_title_abbreviation(w))))) ++p;
    if (p >= t.size() || t[p] != ' ') return false;
    ++p;
  }
  return false;
}

// First bytes of what may follow a sentence-final mark in
// parser::sentence_end_rule (marks_def.hpp): . ! ? " ' ) ], a blank
// (space, tab, NBSP), or ” ’ » (E2, C2 lead bytes).
bool may_follow_end(unsigned char c) {
  switch (c) {
    case '.': case '!': case '?': case '"': case '\'': case ')': case ']':
    case ' ': case '\t': case 0xC2: case 0xE2: return true;
    default: return false;
  }
}

struct SentenceSplitter {
  std::string_view t;
  const std::vector<const Quote*>& tops;  // top-level quotes, by position
  std::vector<Sentence> out;
  uint32_t paragraph = 0;     // paragraph at the scan position
  uint32_t start_para = 0;    // paragraph where the current sentence began

  void emit(size_t b, size_t e) {
    while (b < e && is_blank(t, b)) b += blank_len(t, b);
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r')) --e;
    if (e > b) out.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, start_para});
  }

  // If a sentence ends at p ('.', '!' or '?', or a quote-final one), returns
  // where the next sentence starts; else 0.
  size_t end_at(size_t p, size_t start) const {
    // sentence_end_rule needs, right after the mark, another .!?, a closing
    // mark or a blank: "U.S", "3.5", "said.\n" fail here without a parse.
    if (p + 1 >= t.size() || !may_follow_end(static_cast<unsigned char>(t[p + 1]))) return 0;
    const char* it = t.data() + p;
    if (!parser::x3::parse(it, t.data() + t.size(), parser::sentence_end_rule())) return 0;
    size_t next = static_cast<size_t>(it - t.data());
    if (t[p] == '.' && abbreviation_at(t, p, start, next)) return 0;
    return next;
  }

  // A sentence end never swallows the opening mark of the next top-level
  // quote (“Stop!”“Go”, !”" T"): it stops where that quote begins.
  size_t before_quote(size_t next, size_t q) const {
    return q < tops.size() && next > tops[q]->outer.begin ? tops[q]->outer.begin : next;
  }

  void run() {
    size_t start = 0, q = 0;
    for (size_t p = 0; p < t.size();) {
      // Skip to the next byte that can matter: a stop byte or the next
      // top-level quote.
      size_t next_quote = q < tops.size() ? tops[q]->outer.begin : t.size();
      size_t bound = std::min(next_quote, t.size());
      p = bytes::find_any<'\n', '.', '!', '?'>(t, p, bound);
      if (p >= t.size()) break;
      if (q < tops.size() && p == tops[q]->outer.begin) {
        size_t inner_end = tops[q]->inner.end, outer_end = tops[q]->outer.end;
        ++q;
        p = outer_end;
        // A multi-paragraph quote: count the paragraphs it runs over.
        for (size_t k = tops[q - 1]->outer.begin; (k = bytes::find_any<'\n'>(t, k, outer_end)) < outer_end; ++k)
          if (k + 1 >= outer_end || t[k + 1] != '\n') ++paragraph;
        // “… minorities.” Next — the sentence ends after the closing mark.
        if (inner_end > 0 && std::string_view(".!?").find(t[inner_end - 1]) != std::string_view::npos) {
          size_t next = before_quote(end_at(inner_end - 1, start), q);
          if (next && !attribution_follows(t, next)) {
            emit(start, p);
            // Never back inside the quote: in '«. "' the end rule stops at
            // the '"' that closes it, before the quote's end.
            start = p = std::max(next, p);
            start_para = paragraph;
          }
        }
        continue;
      }
      char c = t[p];
      if (c == '\n') {
        emit(start, p);
        while (p < t.size() && (t[p] == '\n' || is_blank(t, p))) p += t[p] == '\n' ? 1 : blank_len(t, p);
        start = p;
        start_para = ++paragraph;
        continue;
      }
      if (c == '.' || c == '!' || c == '?') {
        if (size_t next = before_quote(end_at(p, start), q)) {
          emit(start, next);
          start = p = next;
          start_para = paragraph;
          continue;
        }
      }
      ++p;
    }
    emit(start, t.size());
  }
};

std::vector<const Quote*> top_level(const QuoteScan& scan) {
  std::vector<const Quote*> tops;
  for (const Quote& q : scan.quotes)
    if (q.depth == 0) tops.push_back(&q);
  return tops;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, const QuoteScan& scan) {
  std::vector<const Quote*> tops = top_level(scan);
  SentenceSplitter splitter{text, tops, {}, 0};
  splitter.run();
  return std::move(splitter.out);
}

std::vector<Token> tokenize(std::string_view text, Range range, const QuoteScan& scan) {
  std::vector<Token> out;
  tokenize(text, range, scan, &out);
  return out;
}

void tokenize(std::string_view text, Range range, const QuoteScan& scan, std::vector<Token>* tokens) {
  std::vector<Token>& out = *tokens;
  out.clear();
  out.reserve(range.size() / 4 + 4);  // about a token per 5 bytes of news text: no regrowth
  // First top-level quote that does not end before the range.
  auto it = std::lower_bound(scan.quotes.begin(), scan.quotes.end(), range.begin,
                             [](const Quote& q, uint32_t pos) { return q.outer.end <= pos; });
  size_t end = std::min<size_t>(range.end, text.size());
  size_t p = range.begin;
  // The next top-level quote that does not end before p, and where words
  // stop: only a quote token moves p past that quote's start, so p reaches
  // `limit` exactly when a quote token is due.
  auto next_quote = [&] {
    while (it != scan.quotes.end() && (it->depth != 0 || it->outer.end <= p)) ++it;
    return it != scan.quotes.end() ? std::min<size_t>(end, it->outer.begin) : end;
  };
  size_t limit = next_quote();
  // Where a run of tokens ends: at the next quote token, or after the last token.
  size_t run_begin = 0;  // first token whose run_end is not set yet
  auto end_run = [&](uint32_t run_end) {
    for (size_t k = run_begin; k < out.size(); ++k) out[k].run_end = run_end;
    run_begin = out.size();
  };
  while (p < end) {
    if (p >= limit) {
      out.push_back({it->outer, Token::Kind::kQuote, 0, static_cast<int32_t>(it - scan.quotes.begin()), 0});
      end_run(it->outer.begin);  // the words before the quote, and the quote itself
      p = it->outer.end;
      limit = next_quote();
      continue;
    }
    auto c = static_cast<unsigned char>(text[p]);
    ByteClass k = kByteClass[c];
    if (k == ByteClass::kBlank) { ++p; continue; }
    size_t b = p;
    if (k == ByteClass::kWord || (k == ByteClass::kHigh && !is_blank(text, p) && u8_letter_at(text, p))) {
      p = word_end(text, b, limit);
      // may_start: fill_may_start() below, for all words at once.
      out.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(p)}, Token::Kind::kWord, 0, -1, 0});
      if (p < limit && text[p] == ' ') ++p;  // the usual single space, without a trip round the loop
      continue;
    }
    if (k == ByteClass::kHigh && is_blank(text, p)) { p += 2; continue; }  // NBSP
    p = std::min(p + char_len(c), limit);
    out.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(p)}, Token::Kind::kPunct, 0, -1, 0});
  }
  end_run(out.empty() ? range.begin : out.back().range.end);
  parser::fill_may_start(text, &out);
}

}  // namespace quotient::grammar
