#include "json_writer.hpp"

#include <cerrno>
#include <algorithm>
#include <array>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace quotient {
namespace {

const char kHex[] = "0123456789abcdef";

void append_u(std::string& out, uint32_t unit) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(unit >> shift) & 0xF];
}

// Code points protobuf's printer escapes beyond the C0/C1 controls: invisible
// and direction-changing characters that confuse JavaScript and HTML.
bool escaped_code_point(uint32_t cp) {
  switch (cp) {
    case 0x00AD: case 0x06DD: case 0x070F: case 0x17B4: case 0x17B5:
    case 0xFEFF: case 0xFFF9: case 0xFFFA: case 0xFFFB: return true;
    default: break;
  }
  return (cp >= 0x0600 && cp <= 0x0603) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
         (cp >= 0x206A && cp <= 0x206F) || cp == 0xE0001 || (cp >= 0x1D173 && cp <= 0x1D17A) ||
         (cp >= 0xE0020 && cp <= 0xE007F);
}

void append_escaped(std::string& out, uint32_t cp) {
  if (cp < 0x10000) return append_u(out, cp);
  cp -= 0x10000;  // as a surrogate pair
  append_u(out, 0xD800 + (cp >> 10));
  append_u(out, 0xDC00 + (cp & 0x3FF));
}

// Printable ASCII that protobuf's printer copies as it is.
bool plain_ascii(unsigned char c) {
  return c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '<' && c != '>';
}

// The end of the run of plain_ascii bytes that starts at s[i]: eight bytes
// at a time while none of them is a byte >= 0x7F, a control, '"', '\\',
// '<' or '>' (each test is exact for "some byte of the eight"), then byte by
// byte. Quote texts are mostly such runs.
size_t plain_run_end(std::string_view s, size_t i) {
  constexpr uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;
  auto has_zero = [&](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  size_t p = i;
  for (; p + 8 <= s.size(); p += 8) {
    uint64_t x = 0;
    std::memcpy(&x, s.data() + p, sizeof x);
    uint64_t bad = (x & kHighs) | ((x - kOnes * 0x20) & ~x & kHighs) | has_zero(x ^ (kOnes * 0x7F)) |
                   has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\')) |
                   has_zero(x ^ (kOnes * '<')) | has_zero(x ^ (kOnes * '>'));
    if (bad) break;
  }
  while (p < s.size() && plain_ascii(static_cast<unsigned char>(s[p]))) ++p;
  return p;
}

// Decodes the code point of the (valid) UTF-8 sequence at s[i]; sets *len.
uint32_t decode(std::string_view s, size_t i, size_t* len) {
  unsigned char c = s[i];
  size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + n > s.size()) n = s.size() - i;
  uint32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

// As protobuf's SimpleFtoa: "%.6g", or "%.9g" when six digits do not read
// back as the same float (by strtof, which also fails with ERANGE on a
// subnormal result). std::to_chars with a precision prints exactly what
// printf prints, without printf's cost.
bool reads_back(char* begin, char* end, float v) {
  if (v != 0 && std::fabs(v) < FLT_MIN) {  // subnormal: strtof's errno decides
    *end = '\0';
    errno = 0;
    float back = std::strtof(begin, nullptr);
    return errno == 0 && back == v;
  }
  float back = 0;
  auto r = std::from_chars(begin, end, back);
  return r.ec == std::errc() && back == v;
}

// Within [1e-37, 1e37], where strtof reports no ERANGE: a float is within
// half an ulp (< 1.2e-7 relative) of its shortest round-trip form, and
// six-digit rounding steps are at least 1e-6 relative, so "%.6g" reads back
// exactly when the shortest form has at most six significant digits, and
// then prints those digits. Appends "%.6g" laid out as printf lays it out
// (fixed for exponents -4..5, else d.ddde+XX; trailing zeros dropped) and
// returns true, or returns false (appending nothing) when six digits do not
// suffice.
bool append_short_g6(std::string& out, float v) {
  char sci[32];
  auto r = std::to_chars(sci, sci + sizeof sci - 1, v, std::chars_format::scientific);
  *r.ptr = '\0';  // for atoi below
  const char* p = sci;
  bool negative = *p == '-';
  if (negative) ++p;
  char digits[16];
  size_t n = 0;
  for (; p < r.ptr && *p != 'e'; ++p)
    if (*p != '.') digits[n++] = *p;
  if (n > 6) return false;
  int exp = std::atoi(p + 1);  // p is at 'e'
  if (negative) out += '-';
  if (exp < -4 || exp >= 6) {
    out += digits[0];
    if (n > 1) out.append(".").append(digits + 1, n - 1);
    int a = exp < 0 ? -exp : exp;  // at most 38: two digits, as printf pads them
    out += exp < 0 ? "e-" : "e+";
    out += static_cast<char>('0' + a / 10);
    out += static_cast<char>('0' + a % 10);
  } else if (exp >= 0) {
    size_t int_digits = static_cast<size_t>(exp) + 1;
    out.append(digits, std::min(n, int_digits));
    if (n < int_digits) out.append(int_digits - n, '0');
    if (n > int_digits) out.append(".").append(digits + int_digits, n - int_digits);
  } else {
    out.append("0.").append(static_cast<size_t>(-exp - 1), '0').append(digits, n);
  }
  return true;
}

// The same "%.6g, else %.9g" by exact integer arithmetic, for the floats
// records mostly hold (probabilities, weights, confidences). A normal float
// is |v| = m * 2^-s exactly (2^23 <= m < 2^24); its digits to precision P
// are m * 10^k / 2^s rounded half to even, as printf rounds, with k chosen
// so that they are P digits; all of it fits 128 bits while 0 < s <= 100 and
// k <= 31. "%.6g reads back" is decided exactly too: the six-digit decimal
// lies within half the gap to v's neighbours (ties to the even mantissa, as
// strtof rounds). Returns false (appending nothing) outside that range.
__extension__ using u128 = unsigned __int128;  // GCC and Clang

u128 pow10_128(int k) {
  static const std::array<u128, 32> table = [] {
    std::array<u128, 32> t{};
    t[0] = 1;
    for (size_t i = 1; i < t.size(); ++i) t[i] = t[i - 1] * 10;
    return t;
  }();
  return table[static_cast<size_t>(k)];
}

// m * 2^-s to P significant digits: *digits (P of them) and the decimal
// exponent *exp of the first; false when k leaves [0, 31].
bool round_digits(uint32_t m, int s, int precision, int exp_guess, uint64_t* digits, int* exp) {
  const u128 lo = pow10_128(precision - 1), hi = lo * 10;
  int e = exp_guess;
  for (int attempt = 0; attempt < 4; ++attempt) {
    int k = precision - 1 - e;
    if (k < 0 || k > 31) return false;
    u128 n = static_cast<u128>(m) * pow10_128(k);
    u128 q = n >> s;
    if (q >= hi) {
      ++e;
      continue;
    }
    if (q < lo) {
      --e;
      continue;
    }
    u128 rem = n - (q << s), half = static_cast<u128>(1) << (s - 1);
    if (rem > half || (rem == half && (q & 1))) ++q;
    if (q == hi) q = lo, ++e;
    *digits = static_cast<uint64_t>(q);
    *exp = e;
    return true;
  }
  return false;
}

// Does the decimal digits * 10^(exp - 5) read back as m * 2^-s?
bool six_digits_read_back(uint32_t m, int s, uint64_t digits, int exp) {
  int k = 5 - exp;
  if (k < 0 || k > 31) return false;
  u128 n = static_cast<u128>(m) * pow10_128(k), d = static_cast<u128>(digits) << s, unit = pow10_128(k);
  if (d == n) return true;
  // Half the gap to the neighbour on that side, in units of 10^-k * 2^-s:
  // unit / 2, or unit / 4 below a power of two.
  u128 diff = d > n ? 2 * (d - n) : (m == (1u << 23) ? 4 : 2) * (n - d);
  return diff < unit || (diff == unit && m % 2 == 0);
}

// printf's %.Pg layout of P digits with exponent exp: fixed for exponents
// -4..P-1, else d.ddde+XX; trailing zeros dropped. Laid out in a buffer and
// appended at once.
void append_g(std::string& out, bool negative, uint64_t digits, int precision, int exp) {
  char d[10] = {};
  for (int i = precision - 1; i >= 0; --i, digits /= 10) d[i] = static_cast<char>('0' + digits % 10);
  size_t n = static_cast<size_t>(precision);
  while (n > 1 && d[n - 1] == '0') --n;
  char buf[48];  // at most "-0.0000" and 9 digits, or "-d.dddddddde-XX"
  char* o = buf;
  if (negative) *o++ = '-';
  auto put = [&o](const char* from, size_t count) { o = std::copy(from, from + count, o); };
  if (exp < -4 || exp >= precision) {
    *o++ = d[0];
    if (n > 1) *o++ = '.', put(d + 1, n - 1);
    int a = exp < 0 ? -exp : exp;  // below 100 in the range handled
    *o++ = 'e';
    *o++ = exp < 0 ? '-' : '+';
    *o++ = static_cast<char>('0' + a / 10);
    *o++ = static_cast<char>('0' + a % 10);
  } else if (exp >= 0) {
    auto int_digits = static_cast<size_t>(exp) + 1;
    put(d, int_digits);
    if (n > int_digits) *o++ = '.', put(d + int_digits, n - int_digits);
  } else {
    *o++ = '0';
    *o++ = '.';
    o = std::fill_n(o, -exp - 1, '0');
    put(d, n);
  }
  out.append(buf, static_cast<size_t>(o - buf));
}

bool append_exact(std::string& out, float v) {
  // |v| = m * 2^(e2 - 24) with 2^23 <= m < 2^24, read off the bits (as
  // frexp would give them: fraction m / 2^24 in [0.5, 1)).
  uint32_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  int biased = static_cast<int>((bits >> 23) & 0xFF);
  if (biased == 0 || biased == 0xFF) return false;  // zero, subnormal, inf, NaN
  int e2 = biased - 126;
  int s = 24 - e2;
  if (s <= 0 || s > 100) return false;
  uint32_t m = (bits & 0x7FFFFFu) | (1u << 23);
  // floor(log10 |v|) is floor((e2 - 1) * log10(2)) or one more.
  int guess = ((e2 - 1) * 78913) >> 18;
  uint64_t digits = 0;
  int exp = 0;
  if (!round_digits(m, s, 6, guess, &digits, &exp)) return false;
  if (six_digits_read_back(m, s, digits, exp)) {
    append_g(out, v < 0, digits, 6, exp);
    return true;
  }
  if (!round_digits(m, s, 9, guess, &digits, &exp)) return false;
  append_g(out, v < 0, digits, 9, exp);
  return true;
}

void append_float(std::string& out, float v) {
  if (std::isnan(v)) return void(out += "\"NaN\"");
  if (std::isinf(v)) return void(out += v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
  if (v == 0) return void(out += std::signbit(v) ? "-0" : "0");
  char buf[32];
  float mag = std::fabs(v);
  if (mag >= 1e-37f && mag <= 1e37f) {
    if (append_exact(out, v)) return;
    if (append_short_g6(out, v)) return;
    return void(out.append(buf, std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 9).ptr));
  }
  auto r = std::to_chars(buf, buf + sizeof buf - 1, v, std::chars_format::general, 6);
  if (!reads_back(buf, r.ptr, v)) r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 9);
  out.append(buf, r.ptr);
}

void append_uint(std::string& out, uint64_t v) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

// A tiny object builder: key order is the caller's (the .proto's field order).
class Object {
 public:
  explicit Object(std::string& out) : out_(out) { out_ += '{'; }
  ~Object() { out_ += '}'; }
  // `,"k":` (no comma first) in one append.
  std::string& key(std::string_view k) {
    char buf[40];
    if (k.size() > sizeof buf - 4) {
      if (!first_) out_ += ',';
      first_ = false;
      return out_.append("\"").append(k).append("\":");
    }
    size_t n = 0;
    if (!first_) buf[n++] = ',';
    first_ = false;
    buf[n++] = '"';
    std::memcpy(buf + n, k.data(), k.size());
    n += k.size();
    buf[n++] = '"';
    buf[n++] = ':';
    return out_.append(buf, n);
  }
  void str(std::string_view k, std::string_view v) { append_json_string(key(k), v); }
  void num(std::string_view k, uint64_t v) { append_uint(key(k), v); }
  void num64(std::string_view k, uint64_t v) {
    append_uint(key(k) += '"', v);
    out_ += '"';
  }
  void flt(std::string_view k, float v) { append_float(key(k), v); }
  // An enum value by name, or by number when the name is unknown (a value
  // from a newer .proto or a hostile stream), as protobuf prints it.
  void enm(std::string_view k, const std::string& name, int value) {
    std::string& out = key(k);
    if (name.empty()) {
      out += std::to_string(value);
    } else {
      out += '"';
      out += name;
      out += '"';
    }
  }

 private:
  std::string& out_;
  bool first_ = true;
};

void append_span(std::string& out, const Span& s) {
  Object o(out);
  o.num("begin", s.begin());
  o.num("end", s.end());
}

void append_speaker(std::string& out, const Speaker& s) {
  Object o(out);
  o.str("name", s.name());
  o.str("mention", s.mention());
  if (s.has_mention_span()) append_span(o.key("mention_span"), s.mention_span());
  o.enm("type", Speaker::Type_Name(s.type()), s.type());
}

void append_cue(std::string& out, const Cue& c) {
  Object o(out);
  o.str("text", c.text());
  o.str("lemma", c.lemma());
  if (c.has_span()) append_span(o.key("span"), c.span());
}

template <typename List, typename F>
void append_array(std::string& out, const List& items, F each) {
  out += '[';
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += ',';
    first = false;
    each(out, item);
  }
  out += ']';
}

void append_tone(std::string& out, const Tone& t) {
  Object o(out);
  o.str("label", t.label());
  append_array(o.key("scores"), t.scores(), [](std::string& s, const ClassScore& c) {
    Object e(s);
    e.str("label", c.label());
    e.flt("probability", c.probability());
  });
  o.flt("coop", t.coop());
  append_array(o.key("evidence"), t.evidence(), [](std::string& s, const Evidence& ev) {
    Object e(s);
    e.str("feature", ev.feature());
    e.str("label", ev.label());
    e.flt("weight", ev.weight());
  });
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (size_t i = 0; i < s.size();) {
    size_t run = plain_run_end(s, i);  // printable ASCII that needs no escape, copied at once
    out.append(s.data() + i, run - i);
    if ((i = run) >= s.size()) break;
    unsigned char c = s[i];
    if (c >= 0x80) {
      size_t len;
      uint32_t cp = decode(s, i, &len);
      if (cp < 0xA0 || escaped_code_point(cp)) append_escaped(out, cp);
      else out.append(s.data() + i, len);
      i += len;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default: append_u(out, c);  // the other controls and DEL
    }
    ++i;
  }
  out += '"';
}

void append_json(std::string& out, const QuoteRecord& q) {
  Object o(out);
  o.str("doc_id", q.doc_id());
  o.num("index", q.index());
  o.str("text", q.text());
  if (q.has_span()) append_span(o.key("span"), q.span());
  o.enm("kind", QuoteRecord::Kind_Name(q.kind()), q.kind());
  if (q.has_speaker()) append_speaker(o.key("speaker"), q.speaker());
  if (q.has_cue()) append_cue(o.key("cue"), q.cue());
  o.flt("confidence", q.confidence());
  if (q.has_tone()) append_tone(o.key("tone"), q.tone());
  o.str("rule", q.rule());
  o.num("depth", q.depth());
  o.num("paragraphs", q.paragraphs());
}

void append_json(std::string& out, const DocumentResult& r) {
  Object o(out);
  o.str("doc_id", r.doc_id());
  o.enm("status", DocumentResult::Status_Name(r.status()), r.status());
  append_array(o.key("diagnostics"), r.diagnostics(), [](std::string& s, const Diagnostic& d) {
    Object e(s);
    e.enm("severity", Diagnostic::Severity_Name(d.severity()), d.severity());
    e.str("code", d.code());
    e.str("message", d.message());
    e.num64("offset", d.offset());
  });
  append_array(o.key("quotes"), r.quotes(), [](std::string& s, const QuoteRecord& q) { append_json(s, q); });
  o.str("source", r.source());
  o.num64("source_offset", r.source_offset());
}

}  // namespace quotient
