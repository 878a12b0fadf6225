// scan_quotes(): quote-mark lexing (X3 `mark` rule) and pairing.
//
// Two linear passes. The first finds every mark glyph and line break and
// gives each mark a role from its neighbours (open, close, either, or
// apostrophe). The second pairs marks with a bounded stack, one family at a
// time, so an unmatched mark costs O(1) and never makes the scan retry: at
// the end of a paragraph, open quotes either continue (the next paragraph
// opens with the same family) or are dropped with a diagnostic.
#include <array>
#include <cstring>

#include "bytes.hpp"
#include "grammar.hpp"
#include "marks.hpp"

namespace quotient::grammar {
namespace {

using parser::Glyph;

enum class Role : uint8_t { kOpen, kClose, kEither, kApostrophe };
enum class Ctx : uint8_t { kSpace, kLetter, kDigit, kOpenPunct, kPunct };

struct MarkToken {
  uint32_t pos = 0;
  uint8_t len = 0;
  bool is_break = false;  // a run of line breaks; pos = start of next paragraph
  Glyph glyph = Glyph::kStraightDouble;
  Role role = Role::kApostrophe;
  Ctx before = Ctx::kSpace;
  Ctx after = Ctx::kSpace;
};

bool is_ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Class of the character that starts at byte p (a lead byte).
Ctx classify_at(std::string_view t, size_t p) {
  unsigned char c = t[p];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return Ctx::kSpace;
  if (is_ascii_alpha(c)) return Ctx::kLetter;
  if (c >= '0' && c <= '9') return Ctx::kDigit;
  if (c == '(' || c == '[' || c == '{' || c == '-' || c == '/') return Ctx::kOpenPunct;
  if (c < 0x80) return Ctx::kPunct;
  if (c == 0xC2 && p + 1 < t.size()) {
    unsigned char d = t[p + 1];
    if (d == 0xA0) return Ctx::kSpace;                 // NBSP
    if (d == 0xAB || d == 0xBB) return Ctx::kOpenPunct;  // « »
    return Ctx::kPunct;
  }
  if (c == 0xE2 && p + 2 < t.size() && static_cast<unsigned char>(t[p + 1]) == 0x80) {
    unsigned char d = t[p + 2];
    if (d >= 0x93 && d <= 0x95) return Ctx::kOpenPunct;  // – — ―
    if (d >= 0x98 && d <= 0x9F) return Ctx::kOpenPunct;  // quote marks
    if (d == 0xA6) return Ctx::kPunct;                   // …
    if (d <= 0x8A || d == 0xAF) return Ctx::kSpace;      // typographic spaces
    return Ctx::kPunct;
  }
  return Ctx::kLetter;  // any other non-ASCII character: treat as a letter
}

// Class of the character that ends just before byte p.
Ctx classify_before(std::string_view t, size_t p) {
  if (p == 0) return Ctx::kSpace;
  size_t lead = p - 1;
  for (int i = 0; i < 3 && lead > 0 && (static_cast<unsigned char>(t[lead]) & 0xC0) == 0x80; ++i)
    --lead;
  return classify_at(t, lead);
}

Ctx classify_after(std::string_view t, size_t p) {
  if (p >= t.size()) return Ctx::kSpace;
  Ctx c = classify_at(t, p);
  // A neighbouring quote mark or bracket after a mark reads as punctuation.
  return c == Ctx::kOpenPunct ? Ctx::kPunct : c;
}

bool spacey(Ctx c) { return c == Ctx::kSpace || c == Ctx::kOpenPunct; }
bool wordy(Ctx c) { return c == Ctx::kLetter || c == Ctx::kDigit; }

Role straight_double_role(Ctx b, Ctx a) {
  if (spacey(b) && a != Ctx::kSpace) return Role::kOpen;
  if (!spacey(b) && (a == Ctx::kSpace || a == Ctx::kPunct)) return Role::kClose;
  return Role::kEither;
}

Role single_role(Glyph g, Ctx b, Ctx a) {
  if (wordy(b) && wordy(a)) return Role::kApostrophe;          // it’s, we’ve, O'Brien
  if (spacey(b) && a == Ctx::kDigit) return Role::kApostrophe;  // ’90s, '90s
  if (g == Glyph::kRightSingle && spacey(b)) return Role::kApostrophe;  // ’n’, ’em
  if (spacey(b) && a == Ctx::kLetter) return Role::kOpen;
  if (spacey(b) && a == Ctx::kPunct && g == Glyph::kLeftSingle) return Role::kOpen;
  if (!spacey(b) && (a == Ctx::kSpace || a == Ctx::kPunct)) return Role::kClose;
  return g == Glyph::kLeftSingle ? Role::kOpen : Role::kApostrophe;
}

Role role_of(Glyph g, Ctx b, Ctx a) {
  switch (g) {
    case Glyph::kStraightDouble:
    case Glyph::kDoubleApostrophe: return straight_double_role(b, a);
    case Glyph::kDoubleBacktick: return Role::kOpen;
    case Glyph::kLeftDouble:
      return wordy(b) && !wordy(a) ? Role::kClose : Role::kOpen;  // German „…“ closes with “
    case Glyph::kRightDouble:
      return spacey(b) && wordy(a) ? Role::kOpen : Role::kClose;
    case Glyph::kLowDouble:
    case Glyph::kLeftGuillemet:
    case Glyph::kLeftSingleGuillemet: return Role::kOpen;
    case Glyph::kRightGuillemet:
    case Glyph::kRightSingleGuillemet: return Role::kClose;
    default: return single_role(g, b, a);
  }
}

MarkFamily family_of(Glyph g) {
  switch (g) {
    case Glyph::kStraightSingle:
    case Glyph::kLeftSingle:
    case Glyph::kRightSingle:
    case Glyph::kLeftSingleGuillemet:
    case Glyph::kRightSingleGuillemet: return MarkFamily::kSingle;
    default: return MarkFamily::kDouble;
  }
}

MarkStyle style_of(Glyph g) {
  switch (g) {
    case Glyph::kStraightDouble:
    case Glyph::kDoubleApostrophe:
    case Glyph::kDoubleBacktick: return MarkStyle::kStraightDouble;
    case Glyph::kStraightSingle: return MarkStyle::kStraightSingle;
    case Glyph::kLeftDouble:
    case Glyph::kRightDouble: return MarkStyle::kCurlyDouble;
    case Glyph::kLowDouble: return MarkStyle::kLowDouble;
    case Glyph::kLeftGuillemet:
    case Glyph::kRightGuillemet: return MarkStyle::kGuillemet;
    case Glyph::kLeftSingleGuillemet:
    case Glyph::kRightSingleGuillemet: return MarkStyle::kSingleGuillemet;
    default: return MarkStyle::kCurlySingle;
  }
}

bool is_straight(Glyph g) {
  return g == Glyph::kStraightDouble || g == Glyph::kStraightSingle || g == Glyph::kDoubleApostrophe;
}

size_t skip_space(std::string_view t, size_t p) {
  while (p < t.size()) {
    unsigned char c = t[p];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { ++p; continue; }
    if (c == 0xC2 && p + 1 < t.size() && static_cast<unsigned char>(t[p + 1]) == 0xA0) { p += 2; continue; }
    break;
  }
  return p;
}

// "rock ’n’ roll": a mark right after a word that itself began with an
// apostrophe ("’n", "’em") is the elision's second apostrophe.
bool closes_elision(std::string_view t, size_t p) {
  size_t b = p;
  while (b > 0 && p - b < 3 && is_ascii_alpha(static_cast<unsigned char>(t[b - 1]))) --b;
  if (b == p) return false;
  return (b >= 3 && t.compare(b - 3, 3, "\xE2\x80\x99") == 0) || (b >= 1 && t[b - 1] == '\'');
}

// "rock 'n' roll": one letter, then the closing apostrophe: the first
// mark is an elision too.
bool opens_elision(std::string_view t, size_t p) {
  size_t e = p;
  while (e < t.size() && e - p < 3 && is_ascii_alpha(static_cast<unsigned char>(t[e]))) ++e;
  if (e - p != 1) return false;  // one letter: 'n', not 'no'
  size_t len = t.compare(e, 3, "\xE2\x80\x99") == 0 ? 3 : (e < t.size() && t[e] == '\'' ? 1 : 0);
  return len && (e + len >= t.size() || !is_ascii_alpha(static_cast<unsigned char>(t[e + len])));
}

// Pass 1: every mark and paragraph break, in order.
std::vector<MarkToken> lex_marks(std::string_view t) {
  std::vector<MarkToken> out;
  out.reserve(t.size() / 32 + 8);  // news text holds a mark or break every 50 bytes or so
  const char* base = t.data();
  // Candidate bytes: the first byte of every glyph, and the line break.
  auto next_candidate = [&](size_t p) { return bytes::find_any<'"', '\'', '`', '\n', 0xE2, 0xC2>(t, p, t.size()); };
  for (size_t p = next_candidate(0); p < t.size(); p = next_candidate(p)) {
    if (t[p] == '\n') {
      MarkToken br;
      br.is_break = true;
      p = skip_space(t, p);
      br.pos = static_cast<uint32_t>(p);
      out.push_back(br);
      continue;
    }
    // <tweet author="x">: an attribute value in markup is no quotation.
    if (t[p] == '"' && p > 0 && t[p - 1] == '=') {
      size_t close = t.find_first_of("\"\n", p + 1);
      if (close != std::string_view::npos && t[close] == '"' && close - p < 2048) {
        p = close + 1;
        continue;
      }
    }
    const char* it = base + p;
    Glyph g;
    if (!parser::x3::parse(it, base + t.size(), parser::mark_rule(), g)) { ++p; continue; }
    MarkToken m;
    m.pos = static_cast<uint32_t>(p);
    m.len = static_cast<uint8_t>(it - (base + p));
    m.glyph = g;
    m.before = classify_before(t, p);
    m.after = classify_after(t, p + m.len);
    m.role = role_of(g, m.before, m.after);
    if (family_of(g) == MarkFamily::kSingle && m.role == Role::kClose && closes_elision(t, p))
      m.role = Role::kApostrophe;
    if (family_of(g) == MarkFamily::kSingle && m.role == Role::kOpen && opens_elision(t, p + m.len))
      m.role = Role::kApostrophe;
    out.push_back(m);
    p += m.len;
  }
  return out;
}

// For each token: is the next single mark in the same paragraph one that can
// close? Then "the workers’ union" inside ‘…’ can stay an apostrophe; but in
// "the ‘experts’ and the ‘pundits’" the next single mark opens, so the first
// ’ closes.
std::vector<bool> later_single_close(const std::vector<MarkToken>& marks) {
  std::vector<bool> out(marks.size());
  bool next_closes = false;
  for (size_t i = marks.size(); i-- > 0;) {
    out[i] = next_closes;
    const MarkToken& m = marks[i];
    if (m.is_break) next_closes = false;
    else if (family_of(m.glyph) == MarkFamily::kSingle && m.role != Role::kApostrophe)
      next_closes = m.role == Role::kClose || m.role == Role::kEither;
  }
  return out;
}

class Pairer {
 public:
  Pairer(std::string_view text, QuoteScan& out) : text_(text), out_(out) {}
  void run(const std::vector<MarkToken>& marks);

 private:
  struct Open {
    size_t slot;  // index into out_.quotes
    Glyph glyph;
    MarkFamily family;
  };
  static constexpr size_t kMaxDepth = 16;
  static constexpr size_t kMaxDiagnostics = 100;

  void open(const MarkToken& m);
  void close(size_t level, const MarkToken& m);
  void drop(size_t level, const char* why);
  void paragraph_break(const std::vector<MarkToken>& marks, size_t i, bool* skip_next);
  int find_open(MarkFamily f) const;
  bool possessive(const MarkToken& m, bool later_close) const;
  void handle(const MarkToken& m, bool later_close);
  void compact();

  void diagnose(Diagnostic::Severity severity, const char* code, const char* message, uint32_t offset);

  std::string_view text_;
  QuoteScan& out_;
  size_t dropped_diagnostics_ = 0;
  std::vector<Open> stack_;
  std::vector<bool> valid_;
  bool warned_depth_ = false;
};

// Keeps the first kMaxDiagnostics; a document with a million stray marks
// gets one summary instead of a million entries.
void Pairer::diagnose(Diagnostic::Severity severity, const char* code, const char* message,
                      uint32_t offset) {
  if (out_.diagnostics.size() < kMaxDiagnostics) out_.diagnostics.push_back({severity, code, message, offset});
  else ++dropped_diagnostics_;
}

int Pairer::find_open(MarkFamily f) const {
  for (size_t i = stack_.size(); i-- > 0;)
    if (stack_[i].family == f) return static_cast<int>(i);
  return -1;
}

void Pairer::open(const MarkToken& m) {
  if (stack_.size() >= kMaxDepth) {
    if (!warned_depth_)
      diagnose(Diagnostic::Severity::kWarning, "nesting_too_deep",
               "quotes nested more than 16 deep; inner marks ignored", m.pos);
    warned_depth_ = true;
    return;
  }
  Quote q;
  q.outer.begin = m.pos;
  q.inner.begin = m.pos + m.len;
  q.style = style_of(m.glyph);
  q.depth = static_cast<uint8_t>(stack_.size());
  q.parent = stack_.empty() ? -1 : static_cast<int32_t>(stack_.back().slot);
  stack_.push_back({out_.quotes.size(), m.glyph, family_of(m.glyph)});
  out_.quotes.push_back(q);
  valid_.push_back(false);
}

void Pairer::drop(size_t level, const char* why) {
  while (stack_.size() > level) {
    const Open& o = stack_.back();
    const Quote& q = out_.quotes[o.slot];
    // An open single mark is far more often an unusual apostrophe than a
    // broken quote: report it quietly.
    bool single = o.family == MarkFamily::kSingle;
    diagnose(single ? Diagnostic::Severity::kInfo : Diagnostic::Severity::kWarning,
             single ? "unclosed_single_quote" : "unclosed_quote", why, q.outer.begin);
    stack_.pop_back();
  }
}

void Pairer::close(size_t level, const MarkToken& m) {
  drop(level + 1, "quote mark never closed before an outer quote closed");
  Open o = stack_.back();
  stack_.pop_back();
  Quote& q = out_.quotes[o.slot];
  q.inner.end = m.pos;
  q.outer.end = m.pos + m.len;
  // French typography pads guillemets with a (non-breaking, often narrow)
  // space: « nous partons ». The padding is not part of what was said.
  if (q.style == MarkStyle::kGuillemet || q.style == MarkStyle::kSingleGuillemet) {
    auto pad_at = [&](size_t p) -> size_t {  // bytes of a padding space at p, or 0
      std::string_view t = text_.substr(p, 3);
      if (!t.empty() && (t[0] == ' ' || t[0] == '\t')) return 1;
      if (t.substr(0, 2) == "\xC2\xA0") return 2;                                      // NBSP
      if (t == "\xE2\x80\xAF" || t == "\xE2\x80\x89") return 3;                        // narrow, thin
      return 0;
    };
    auto pad_before = [&](size_t end) -> size_t {
      for (size_t n : {size_t{1}, size_t{2}, size_t{3}})
        if (end >= n && pad_at(end - n) == n) return n;
      return 0;
    };
    while (q.inner.begin < q.inner.end) {
      size_t n = pad_at(q.inner.begin);
      if (n == 0 || q.inner.begin + n > q.inner.end) break;
      q.inner.begin += static_cast<uint32_t>(n);
    }
    while (q.inner.end > q.inner.begin) {
      size_t n = pad_before(q.inner.end);
      if (n == 0 || q.inner.end - n < q.inner.begin) break;
      q.inner.end -= static_cast<uint32_t>(n);
    }
  }
  // An empty or blank pair, or 'n' in rock 'n' roll: not a quotation.
  bool blank = text_.substr(q.inner.begin, q.inner.size()).find_first_not_of(" \t\r\n") ==
               std::string_view::npos;
  bool too_short = o.family == MarkFamily::kSingle && q.inner.size() <= 1;
  valid_[o.slot] = !blank && !too_short;
}

bool Pairer::possessive(const MarkToken& m, bool later_close) const {
  size_t next = m.pos + m.len;
  if (!later_close || m.pos == 0 || next + 1 >= text_.size() || text_[next] != ' ') return false;
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  char before = text_[m.pos - 1];
  // "the workers’ union": s + mark + space + lower-case word.
  if (before == 's') return lower(text_[next + 1]);
  // "‘Fear a’ Bhàta’", "a cup o’ tea": "a’" before a capital (Gaelic) or
  // "o’" (of) before a word, each a word of its own, cut short; "‘plan a’ at
  // the ministers’ meeting" closes at "a’".
  if ((before != 'a' && before != 'o') || (m.pos > 1 && text_[m.pos - 2] != ' ')) return false;
  char first = text_[next + 1];
  return before == 'a' ? first >= 'A' && first <= 'Z' : is_ascii_alpha(static_cast<unsigned char>(first));
}

void Pairer::handle(const MarkToken& m, bool later_close) {
  MarkFamily f = family_of(m.glyph);
  int level = find_open(f);
  bool top_same = !stack_.empty() && stack_.back().family == f;
  Role role = m.role;
  // Straight marks cannot nest in themselves: a second one closes.
  if (role == Role::kOpen && top_same && is_straight(m.glyph) && is_straight(stack_.back().glyph))
    role = Role::kClose;
  // „ is closed by “ (German); « by » only.
  if (role == Role::kOpen && top_same && stack_.back().glyph == Glyph::kLowDouble &&
      m.glyph == Glyph::kLeftDouble)
    role = Role::kClose;
  if (role == Role::kEither) role = top_same ? Role::kClose : Role::kOpen;
  if (role == Role::kOpen) return open(m);
  if (role != Role::kClose) return;
  if (level < 0) {
    if (f == MarkFamily::kDouble)
      diagnose(Diagnostic::Severity::kWarning, "stray_closing_mark",
               "closing quote mark with no opening mark", m.pos);
    return;  // a single closing mark with nothing open is an apostrophe
  }
  if (f == MarkFamily::kSingle && possessive(m, later_close)) return;
  close(static_cast<size_t>(level), m);
}

void Pairer::paragraph_break(const std::vector<MarkToken>& marks, size_t i, bool* skip_next) {
  if (stack_.empty()) return;
  const Open& bottom = stack_.front();
  const MarkToken* next = i + 1 < marks.size() ? &marks[i + 1] : nullptr;
  bool continues = next && !next->is_break && next->pos == marks[i].pos &&
                   family_of(next->glyph) == bottom.family &&
                   is_straight(next->glyph) == is_straight(bottom.glyph) &&
                   (next->role == Role::kOpen || next->role == Role::kEither);
  if (!continues) return drop(0, "quote left open at the end of its paragraph");
  drop(1, "quote left open at the end of its paragraph");
  ++out_.quotes[bottom.slot].paragraphs;
  *skip_next = true;  // the repeated opening mark belongs to the same quote
}

void Pairer::compact() {
  std::vector<int32_t> remap(out_.quotes.size(), -1), parent_of(out_.quotes.size(), -1);
  size_t n = 0;
  for (size_t i = 0; i < out_.quotes.size(); ++i) {
    parent_of[i] = out_.quotes[i].parent;
    if (!valid_[i]) continue;
    remap[i] = static_cast<int32_t>(n);
    out_.quotes[n++] = out_.quotes[i];
  }
  out_.quotes.resize(n);
  for (Quote& q : out_.quotes) {
    // A dropped parent hands its child to the nearest surviving ancestor.
    int32_t p = q.parent;
    while (p >= 0 && remap[p] < 0) p = parent_of[p];
    q.parent = p >= 0 ? remap[p] : -1;
    q.depth = q.parent < 0 ? 0 : static_cast<uint8_t>(out_.quotes[q.parent].depth + 1);
  }
}

void Pairer::run(const std::vector<MarkToken>& marks) {
  std::vector<bool> later = later_single_close(marks);
  bool skip = false;
  for (size_t i = 0; i < marks.size(); ++i) {
    if (skip) { skip = false; continue; }
    if (marks[i].is_break) paragraph_break(marks, i, &skip);
    else handle(marks[i], later[i]);
  }
  drop(0, "quote left open at the end of the document");
  compact();
  if (dropped_diagnostics_)
    out_.diagnostics.push_back({Diagnostic::Severity::kWarning, "too_many_diagnostics",
                                std::to_string(dropped_diagnostics_) + " more quote-mark problems not listed",
                                out_.diagnostics.back().offset});
}

}  // namespace

QuoteScan scan_quotes(std::string_view text) {
  QuoteScan scan;
  Pairer(text, scan).run(lex_marks(text));
  return scan;
}

}  // namespace quotient::grammar
