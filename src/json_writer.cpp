#include "json_writer.hpp"

#include <cerrno>
#include <algorithm>
#include <array>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "bytes.hpp"
#include "utf8.hpp"

namespace quotient {
namespace {

// ---------------------------------------------------------------------------
// The cursor: a record is written through a raw pointer into room made in
// `out` beforehand (one resize to an estimate of the record's size), and
// `out` is cut back to what was written at the end. Every write makes sure
// of its own room first (reserve(): one compare), so the estimate only
// decides how often `out` grows, never whether a write stays inside it.
class Cursor {
 public:
  // Precondition: no string_view later passed to str() points into `out`.
  Cursor(std::string& out, size_t estimate) : out_(out), start_(out.size()) {
    out_.resize(start_ + estimate);
    p_ = out_.data() + start_;
    end_ = out_.data() + out_.size();
  }
  ~Cursor() { out_.resize(static_cast<size_t>(p_ - out_.data())); }
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;

  // Makes room for `n` more bytes at p_ (p_ and end_ may move).
  void reserve(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) grow(n);
  }
  // A literal, its length known at compile time: `w.lit(",\"index\":")`.
  template <size_t N>
  void lit(const char (&s)[N]) {
    reserve(N - 1);
    std::memcpy(p_, s, N - 1);
    p_ += N - 1;
  }
  void ch(char c) {
    reserve(1);
    *p_++ = c;
  }
  void raw(std::string_view s) {
    reserve(s.size());
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  // A JSON string literal, quotes included. Most strings of a record are
  // short labels and names with nothing to escape: those are written
  // inline (str_short), the others by the call (str_any).
  void str(std::string_view s) {
#if defined(__SSE2__)
    if (s.size() < 16 && str_short(s)) return;
#endif
    str_any(s);
  }
  void uint(uint64_t v) {
    reserve(20);
    p_ = std::to_chars(p_, p_ + 20, v).ptr;
  }
  void uint_quoted(uint64_t v) {  // proto3 JSON prints 64-bit integers as strings
    reserve(22);
    *p_++ = '"';
    p_ = std::to_chars(p_, p_ + 20, v).ptr;
    *p_++ = '"';
  }
  void flt(float v);
  // The same, for a field whose values repeat across records (cached).
  void flt_repeated(float v);
  // An enum value by name, or by number when the name is unknown (a value
  // from a newer .proto or a hostile stream), as protobuf prints it.
  void enm(const std::string& name, int value) {
    if (!name.empty()) {
      reserve(name.size() + 2);
      *p_++ = '"';
      std::memcpy(p_, name.data(), name.size());
      p_ += name.size();
      *p_++ = '"';
      return;
    }
    reserve(11);
    p_ = std::to_chars(p_, p_ + 11, value).ptr;
  }

 private:
  char* special(char* o, const char*& p, const char* end);
  bool str_short(std::string_view s);
  void str_any(std::string_view s);
  void grow(size_t n) {
    auto at = static_cast<size_t>(p_ - out_.data());
    out_.resize(at + std::max(n, at - start_ + 256));  // at least doubles what this cursor wrote
    p_ = out_.data() + at;
    end_ = out_.data() + out_.size();
  }

  std::string& out_;
  size_t start_;
  char* p_ = nullptr;
  char* end_ = nullptr;
};

// ---------------------------------------------------------------------------
// Strings.

const char kHex[] = "0123456789abcdef";

char* write_u(char* o, uint32_t unit) {
  o[0] = '\\';
  o[1] = 'u';
  for (int i = 0; i < 4; ++i) o[2 + i] = kHex[(unit >> (12 - 4 * i)) & 0xF];
  return o + 6;
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

// \uXXXX, or a surrogate pair of them: at most 12 bytes.
char* write_escaped(char* o, uint32_t cp) {
  if (cp < 0x10000) return write_u(o, cp);
  cp -= 0x10000;
  o = write_u(o, 0xD800 + (cp >> 10));
  return write_u(o, 0xDC00 + (cp & 0x3FF));
}

// An ASCII byte that is not plain: at most 6 bytes.
char* write_escaped_ascii(char* o, unsigned char c) {
  char short_form = 0;
  switch (c) {
    case '"': short_form = '"'; break;
    case '\\': short_form = '\\'; break;
    case '\b': short_form = 'b'; break;
    case '\t': short_form = 't'; break;
    case '\n': short_form = 'n'; break;
    case '\f': short_form = 'f'; break;
    case '\r': short_form = 'r'; break;
    default: return write_u(o, c);  // the other controls, DEL, '<' and '>'
  }
  o[0] = '\\';
  o[1] = short_form;
  return o + 2;
}

// Printable ASCII that protobuf's printer copies as it is.
constexpr bool plain_ascii(unsigned char c) {
  return c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '<' && c != '>';
}

constexpr std::array<bool, 256> plain_table() {
  std::array<bool, 256> t{};
  for (size_t c = 0; c < t.size(); ++c) t[c] = plain_ascii(static_cast<unsigned char>(c));
  return t;
}

constexpr std::array<bool, 256> kPlain = plain_table();

using grammar::bytes::load8;

void store8(char* o, uint64_t x) { std::memcpy(o, &x, sizeof x); }

#if !defined(__SSE2__)
// The high bit of each byte of the (little-endian) word x that is not
// plain_ascii: a byte >= 0x7F, a control, '"', '\\', '<' or '>'. Each term
// flags every such byte of its kind, and above the lowest one maybe a false
// alarm (a borrow or carry out of it): the lowest bit set marks the first
// special byte exactly; the callers re-examine the bytes after it.
uint64_t special_bytes(uint64_t x) {
  using grammar::bytes::kHighs;
  using grammar::bytes::kOnes;
  auto zero_bytes = [](uint64_t v) { return (v - kOnes) & ~v; };
  uint64_t controls = (x - kOnes * 0x20) & ~x;  // bytes < 0x20
  uint64_t high_or_del = (x + kOnes) | x;       // bytes >= 0x7F
  uint64_t angles = zero_bytes((x ^ (kOnes * '<')) & (kOnes * 0xFD));  // '<' is 0x3C, '>' 0x3E
  return (controls | high_or_del | zero_bytes(x ^ (kOnes * '"')) | zero_bytes(x ^ (kOnes * '\\')) | angles) &
         kHighs;
}

size_t first_special(uint64_t bad, size_t none) {
  return bad ? static_cast<size_t>(__builtin_ctzll(bad)) / 8 : none;
}

// Copies the plain bytes that start at p (up to eight) to o and returns how
// many. Eight bytes are stored at o whatever the count: o has room for
// (end - p) + 8 bytes. Strings of eight bytes or more are read a word at a
// time (the last word overlapping the one before), shorter ones byte by byte.
size_t copy_plain(char* o, const char* p, const char* begin, const char* end) {
  auto left = static_cast<size_t>(end - p);
  if (left >= 8) {
    uint64_t x = load8(p);
    store8(o, x);
    return first_special(special_bytes(x), 8);
  }
  if (end - begin >= 8) {
    uint64_t x = load8(end - 8);
    unsigned shift = 8 * static_cast<unsigned>(8 - left);
    store8(o, x >> shift);
    return first_special(special_bytes(x) >> shift, left);
  }
  size_t n = 0;
  for (; n < left && kPlain[static_cast<unsigned char>(p[n])]; ++n) o[n] = p[n];
  return n;
}
#endif

// The code point of the well-formed UTF-8 sequence of `len` bytes at p
// (utf8_sequence() found it).
uint32_t decode(const char* p, size_t len) {
  auto c = static_cast<unsigned char>(*p);
  uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(p[k]) & 0x3F);
  return cp;
}

#if defined(__SSE2__)
// The bytes protobuf's printer does not copy as they are, sixteen at once,
// as a bit mask: a byte outside 0x20..0x7E (c + 0x60 maps that range onto
// -128..-34, signed, and every other byte above it), '"', '\\', '<' or '>'
// (0x3C and 0x3E: equal once bit 1 is set).
unsigned special_mask16(__m128i x) {
  __m128i outside = _mm_cmpgt_epi8(_mm_add_epi8(x, _mm_set1_epi8(0x60)), _mm_set1_epi8(-34));
  __m128i quote = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
  __m128i backslash = _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'));
  __m128i angle = _mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(2)), _mm_set1_epi8('>'));
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(outside, quote), _mm_or_si128(backslash, angle))));
}

// The n bytes at p (0 < n < 16) as two little-endian words, zeros after
// them, read without going past p + n: overlapping loads of eight, four or
// single bytes (an overlapped byte is read twice, the same).
void load_short(const char* p, size_t n, uint64_t* lo, uint64_t* hi) {
  *hi = 0;
  if (n >= 8) {
    *lo = load8(p);
    if (n > 8) *hi = load8(p + n - 8) >> (8 * (16 - n));
  } else {
    *lo = grammar::bytes::load_1_to_8(p, n);
  }
}
#endif

// The byte at p (< end) that stopped a plain run: the UTF-8 sequence it
// starts copied when protobuf prints it as it is (or the byte itself, on a
// false alarm of special_bytes), else its escape. Advances p past it; returns the new end of
// the output.
char* Cursor::special(char* o, const char*& p, const char* end) {
  auto c = static_cast<unsigned char>(*p);
  size_t len = 1;
  uint32_t cp = c;
  if (c >= 0x80) {
    len = utf8_sequence(p, end);
    if (len == 0) {
      len = 1;
      cp = 0xFFFD;  // not UTF-8 (callers pass valid text; a stray byte must not make invalid JSON)
    } else {
      cp = decode(p, len);
      if (cp >= 0xA0 && !escaped_code_point(cp)) {
        std::memcpy(o, p, len);
        p += len;
        return o + len;
      }
    }
  } else if (kPlain[c]) {  // a false alarm of special_bytes
    *o++ = static_cast<char>(c);
    ++p;
    return o;
  }
  p_ = o;
  reserve(static_cast<size_t>(end - p) + 9 + 12);
  o = c >= 0x80 ? write_escaped(p_, cp) : write_escaped_ascii(p_, c);
  p += len;
  return o;
}

// Room: the opening reserve gives (end - p) + 9 bytes past the opening
// quote; plain and copied UTF-8 bytes take one byte out per byte in, and an
// escape (at most 12 bytes) reserves its 12 first. So a chunk may store 16
// bytes while 16 are left, 8 (and 8 more past 8 left) while fewer are.
#if defined(__SSE2__)
// str() of s (shorter than 16 bytes) when it holds no byte to escape or
// decode; false, having written nothing, when it does.
inline bool Cursor::str_short(std::string_view s) {
  size_t n = s.size();
  if (n == 0) {
    lit("\"\"");
    return true;
  }
  uint64_t lo = 0, hi = 0;
  load_short(s.data(), n, &lo, &hi);
  unsigned bad = special_mask16(_mm_set_epi64x(static_cast<long long>(hi), static_cast<long long>(lo)));
  if ((bad & ((1u << n) - 1)) != 0) return false;
  reserve(n + 10);  // stored: the quote and 8 bytes (16 when n > 8), the closing quote inside them
  char* o = p_;
  *o++ = '"';
  store8(o, lo);
  if (n > 8) store8(o + 8, hi);
  o += n;
  *o++ = '"';
  p_ = o;
  return true;
}

// Sixteen bytes at a time (fewer at the end, in one chunk): the plain run
// that opens them is stored at once.
void Cursor::str_any(std::string_view s) {
  reserve(s.size() + 10);
  char* o = p_;
  const char* p = s.data();
  const char* const end = p + s.size();
  *o++ = '"';
  while (p != end) {
    auto left = static_cast<size_t>(end - p);
    size_t n = 16;
    if (left >= 16) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o), x);
      if (unsigned bad = special_mask16(x)) n = static_cast<size_t>(__builtin_ctz(bad));
    } else {
      uint64_t lo = 0, hi = 0;
      load_short(p, left, &lo, &hi);
      store8(o, lo);
      if (left > 8) store8(o + 8, hi);
      unsigned bad = special_mask16(_mm_set_epi64x(static_cast<long long>(hi), static_cast<long long>(lo)));
      n = static_cast<size_t>(__builtin_ctz(bad | 1u << left));
    }
    o += n;
    p += n;
    if (n < 16 && p != end) o = special(o, p, end);
  }
  *o++ = '"';
  p_ = o;
}
#else
// Eight bytes at a time (copy_plain).
void Cursor::str_any(std::string_view s) {
  reserve(s.size() + 10);
  char* o = p_;
  const char* p = s.data();
  const char* const begin = p;
  const char* const end = p + s.size();
  *o++ = '"';
  while (p != end) {
    size_t n = copy_plain(o, p, begin, end);
    o += n;
    p += n;
    if (n == 8 || p == end) continue;
    o = special(o, p, end);
  }
  *o++ = '"';
  p_ = o;
}
#endif

// ---------------------------------------------------------------------------
// Floats. As protobuf's SimpleFtoa: "%.6g", or "%.9g" when six digits do not
// read back as the same float (by strtof, which also fails with ERANGE on a
// subnormal result). std::to_chars with a precision prints exactly what
// printf prints, without printf's cost. Each writer below puts at most 16
// bytes at o and returns the end, or nullptr when it does not apply.

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
// then prints those digits. Writes "%.6g" laid out as printf lays it out
// (fixed for exponents -4..5, else d.ddde+XX; trailing zeros dropped), or
// returns nullptr when six digits do not suffice.
char* write_short_g6(char* o, float v) {
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
  if (n > 6) return nullptr;
  int exp = std::atoi(p + 1);  // p is at 'e'
  auto put = [&o](const char* from, size_t count) { o = std::copy(from, from + count, o); };
  if (negative) *o++ = '-';
  if (exp < -4 || exp >= 6) {
    *o++ = digits[0];
    if (n > 1) *o++ = '.', put(digits + 1, n - 1);
    int a = exp < 0 ? -exp : exp;  // at most 38: two digits, as printf pads them
    *o++ = 'e';
    *o++ = exp < 0 ? '-' : '+';
    *o++ = static_cast<char>('0' + a / 10);
    *o++ = static_cast<char>('0' + a % 10);
  } else if (exp >= 0) {
    size_t int_digits = static_cast<size_t>(exp) + 1;
    put(digits, std::min(n, int_digits));
    if (n < int_digits) o = std::fill_n(o, int_digits - n, '0');
    if (n > int_digits) *o++ = '.', put(digits + int_digits, n - int_digits);
  } else {
    *o++ = '0';
    *o++ = '.';
    o = std::fill_n(o, -exp - 1, '0');
    put(digits, n);
  }
  return o;
}

// The same "%.6g, else %.9g" by exact integer arithmetic, for the floats
// records mostly hold (probabilities, weights, confidences). A normal float
// is |v| = m * 2^-s exactly (2^23 <= m < 2^24). With e = floor(log10 |v|)
// and k = 8 - e, N = m * 10^k is |v| in units of 10^-k * 2^-s, Q = N >> s
// its nine leading digits (truncated) and R = N - (Q << s) the rest; all of
// it fits 128 bits while 0 < s <= 100 and k <= 31. From Q and R:
//   nine digits: Q rounded half to even (R against 2^s / 2), as printf rounds;
//   six digits: Q / 1000 rounded half to even (Q mod 1000 against 500, R
//     breaking the tie), exact since N / 1000 = m * 10^(k-3) is an integer;
//   "%.6g reads back": the six-digit decimal, (q6 * 1000) << s in the same
//     units, lies within half the gap to v's neighbours (10^k / 2, or 10^k / 4
//     below a power of two; ties to the even mantissa, as strtof rounds).
// Returns nullptr outside that range (k < 3 or k > 31). When N fits 64 bits
// (k <= 11, |v| >= 1e-3 or so, the usual probability) the same arithmetic
// runs on uint64_t, at a fraction of the cost.
__extension__ using u128 = unsigned __int128;  // GCC and Clang

constexpr std::array<u128, 32> pow10_table() {
  std::array<u128, 32> t{};
  t[0] = 1;
  for (size_t i = 1; i < t.size(); ++i) t[i] = t[i - 1] * 10;
  return t;
}
constexpr std::array<u128, 32> kPow10 = pow10_table();

// q (truncated digits) rounded half to even; `dropped` is the dropped part
// against half of a unit: < 0, 0 or > 0. May give the next power of ten.
uint32_t round_half_even(uint32_t q, int dropped) {
  return q + static_cast<uint32_t>(dropped > 0 || (dropped == 0 && (q & 1)));
}

// Does the decimal `six` (in units of 10^-k * 2^-s) read back as n, i.e.
// lie within half the gap to the neighbours of m * 2^-s?
template <typename U>
bool reads_back_exactly(U n, U six, U unit, uint32_t m) {
  if (six == n) return true;
  U diff = six > n ? 2 * (six - n) : (m == (1u << 23) ? 4 : 2) * (n - six);
  return diff < unit || (diff == unit && m % 2 == 0);
}

constexpr std::array<char, 200> digit_pairs() {
  std::array<char, 200> t{};
  for (size_t i = 0; i < 100; ++i) {
    t[2 * i] = static_cast<char>('0' + i / 10);
    t[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return t;
}

constexpr std::array<char, 200> kDigitPairs = digit_pairs();  // "00", "01", ..., "99"

// printf's %.Pg layout of the P digits `digits` (10^(P-1) <= digits < 10^P)
// with exponent exp: fixed for exponents -4..P-1, else d.ddde+XX; trailing
// zeros dropped. At most 16 bytes stored.
template <int P>
char* write_g(char* o, bool negative, uint32_t digits, int exp) {
  static_assert(P <= 9, "the fixed stores below take at most nine digits");
  char d[16] = {};
  int i = P;
  for (; i >= 2; i -= 2, digits /= 100) std::memcpy(d + i - 2, &kDigitPairs[static_cast<size_t>(digits % 100) * 2], 2);
  if (i == 1) d[0] = static_cast<char>('0' + digits);
  size_t n = P;
  while (n > 1 && d[n - 1] == '0') --n;
  if (negative) *o++ = '-';
  auto put = [&o](const char* from, size_t count) { o = std::copy(from, from + count, o); };
  if (exp < -4 || exp >= P) {
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
    // "0.000ddddddddd": fixed-size stores, not a copy of n bytes (a library
    // call); at most 1 + 2 + 3 + 9 = 15 bytes, 4 + 9 stored past "-0.".
    *o++ = '0';
    *o++ = '.';
    std::memset(o, '0', 4);
    o += -exp - 1;
    std::memcpy(o, d, 8);
    o[8] = d[8];
    o += n;
  }
  return o;
}

// write_exact() in U (uint64_t or u128) arithmetic, from |v| = m * 2^-s
// and the estimate e of floor(log10 |v|); nullptr when k leaves [3, max_k].
template <typename U>
char* write_exact_in(char* o, bool negative, uint32_t m, int s, int e, int max_k) {
  const U lo = 100000000, hi = lo * 10;
  U n = 0, q = 0;
  for (int attempt = 0;; ++attempt) {
    int k = 8 - e;
    if (k < 3 || k > max_k || attempt == 4) return nullptr;
    n = static_cast<U>(m) * static_cast<U>(kPow10[static_cast<size_t>(k)]);
    q = n >> s;
    if (q >= hi) ++e;
    else if (q < lo) --e;
    else break;
  }
  const U rem = n - (q << s), half = static_cast<U>(1) << (s - 1);
  auto q9 = static_cast<uint32_t>(q);
  uint32_t r3 = q9 % 1000;
  uint32_t q6 = round_half_even(q9 / 1000, r3 != 500 ? (r3 > 500 ? 1 : -1) : (rem != 0 ? 1 : 0));
  if (reads_back_exactly<U>(n, static_cast<U>(q6) * 1000 << s, static_cast<U>(kPow10[static_cast<size_t>(8 - e)]), m))
    return q6 == 1000000 ? write_g<6>(o, negative, 100000, e + 1) : write_g<6>(o, negative, q6, e);
  q9 = round_half_even(q9, rem > half ? 1 : rem == half ? 0 : -1);
  return q9 == 1000000000 ? write_g<9>(o, negative, 100000000, e + 1) : write_g<9>(o, negative, q9, e);
}

char* write_exact(char* o, float v) {
  // |v| = m * 2^(e2 - 24) with 2^23 <= m < 2^24, read off the bits (as
  // frexp would give them: fraction m / 2^24 in [0.5, 1)).
  uint32_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  int biased = static_cast<int>((bits >> 23) & 0xFF);
  if (biased == 0 || biased == 0xFF) return nullptr;  // zero, subnormal, inf, NaN
  int e2 = biased - 126;
  int s = 24 - e2;
  if (s <= 0 || s > 100) return nullptr;
  uint32_t m = (bits & 0x7FFFFFu) | (1u << 23);
  // floor(log10 |v|) is floor((e2 - 1) * log10(2)) or one more; the floor
  // of a negative product without shifting a negative value.
  int x = e2 - 1;
  int e = x >= 0 ? (x * 78913) >> 18 : -((-x * 78913 + (1 << 18) - 1) >> 18);
  const bool negative = v < 0;
  // 64 bits hold N = m * 10^k < 2^24 * 10^11 < 2^61 (k may grow by one from
  // its first value) and every shift (s <= 62); the rest is within N's size.
  if (s <= 62 && 8 - e <= 10)
    if (char* end = write_exact_in<uint64_t>(o, negative, m, s, e, 11)) return end;
  return write_exact_in<u128>(o, negative, m, s, e, 31);
}

// At most 16 bytes ("-1.17549435e-38" is 15; the fallbacks' "%.9g" as long).
char* write_float(char* o, float v) {
  auto put = [o](std::string_view s) { return std::copy(s.begin(), s.end(), o); };
  if (std::isnan(v)) return put("\"NaN\"");
  if (std::isinf(v)) return put(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
  if (v == 0) return put(std::signbit(v) ? "-0" : "0");
  float mag = std::fabs(v);
  if (mag >= 1e-37f && mag <= 1e37f) {
    if (char* e = write_exact(o, v)) return e;
    if (char* e = write_short_g6(o, v)) return e;
    return std::to_chars(o, o + 16, v, std::chars_format::general, 9).ptr;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf - 1, v, std::chars_format::general, 6);
  if (!reads_back(buf, r.ptr, v)) r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 9);
  return std::copy(buf, r.ptr, o);
}

// Some fields repeat a few values many times (the tone model's evidence
// weights, the rules' confidences): for them each thread keeps the text of
// the last float written in each of 256 slots, by its bits. (Probabilities
// are nearly all distinct: they would only push the others out.)
struct FloatText {
  uint32_t bits = 0;
  uint32_t size = 0;  // 0: an empty slot
  char text[16] = {};
};
thread_local std::array<FloatText, 256> float_texts;

// As write_float; o has room for 16 bytes (all may be written).
char* write_float_cached(char* o, float v) {
  uint32_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  FloatText& slot = float_texts[(bits * 0x9E3779B1u) >> 24];
  if (slot.size != 0 && slot.bits == bits) {
    std::memcpy(o, slot.text, sizeof slot.text);
    return o + slot.size;
  }
  char* e = write_float(o, v);
  slot.bits = bits;
  slot.size = static_cast<uint32_t>(e - o);
  std::memcpy(slot.text, o, sizeof slot.text);
  return e;
}

void Cursor::flt(float v) {
  reserve(16);
  p_ = write_float(p_, v);
}

void Cursor::flt_repeated(float v) {
  reserve(16);
  p_ = write_float_cached(p_, v);
}

// ---------------------------------------------------------------------------
// Enum names. The generated X_Name goes through the descriptor on every call;
// the names of the values 0..15 are looked up once (empty for an unnamed
// value, as X_Name gives them), others each time.
template <typename NameOf>
const std::string& cached_name(NameOf name_of, int value) {
  static const std::array<std::string, 16> names = [&name_of] {
    std::array<std::string, 16> t;
    for (size_t v = 0; v < t.size(); ++v) t[v] = name_of(static_cast<int>(v));
    return t;
  }();
  return value >= 0 && value < 16 ? names[static_cast<size_t>(value)] : name_of(value);
}

// Each a distinct lambda type: one table each.
const std::string& kind_name(int v) {
  return cached_name([](int x) -> const std::string& { return QuoteRecord::Kind_Name(x); }, v);
}
const std::string& speaker_type_name(int v) {
  return cached_name([](int x) -> const std::string& { return Speaker::Type_Name(x); }, v);
}
const std::string& severity_name(int v) {
  return cached_name([](int x) -> const std::string& { return Diagnostic::Severity_Name(x); }, v);
}
const std::string& status_name(int v) {
  return cached_name([](int x) -> const std::string& { return DocumentResult::Status_Name(x); }, v);
}

// ---------------------------------------------------------------------------
// Records, in the .proto's field order.

void write_span(Cursor& w, const Span& s) {
  w.lit("{\"begin\":");
  w.uint(s.begin());
  w.lit(",\"end\":");
  w.uint(s.end());
  w.ch('}');
}

void write_speaker(Cursor& w, const Speaker& s) {
  w.lit("{\"name\":");
  w.str(s.name());
  w.lit(",\"mention\":");
  w.str(s.mention());
  if (s.has_mention_span()) {
    w.lit(",\"mention_span\":");
    write_span(w, s.mention_span());
  }
  w.lit(",\"type\":");
  w.enm(speaker_type_name(s.type()), s.type());
  w.ch('}');
}

void write_cue(Cursor& w, const Cue& c) {
  w.lit("{\"text\":");
  w.str(c.text());
  w.lit(",\"lemma\":");
  w.str(c.lemma());
  if (c.has_span()) {
    w.lit(",\"span\":");
    write_span(w, c.span());
  }
  w.ch('}');
}

// [e0,e1,...] with each(w, item) writing one element.
template <typename List, typename F>
void write_array(Cursor& w, const List& items, F each) {
  w.ch('[');
  bool first = true;
  for (const auto& item : items) {
    if (!first) w.ch(',');
    first = false;
    each(w, item);
  }
  w.ch(']');
}

void write_tone(Cursor& w, const Tone& t) {
  w.lit("{\"label\":");
  w.str(t.label());
  w.lit(",\"scores\":");
  write_array(w, t.scores(), [](Cursor& c, const ClassScore& s) {
    c.lit("{\"label\":");
    c.str(s.label());
    c.lit(",\"probability\":");
    c.flt(s.probability());
    c.ch('}');
  });
  w.lit(",\"coop\":");
  w.flt(t.coop());
  w.lit(",\"evidence\":");
  write_array(w, t.evidence(), [](Cursor& c, const Evidence& e) {
    c.lit("{\"feature\":");
    c.str(e.feature());
    c.lit(",\"label\":");
    c.str(e.label());
    c.lit(",\"weight\":");
    c.flt_repeated(e.weight());
    c.ch('}');
  });
  w.ch('}');
}

void write_quote(Cursor& w, const QuoteRecord& q) {
  w.lit("{\"doc_id\":");
  w.str(q.doc_id());
  w.lit(",\"index\":");
  w.uint(q.index());
  w.lit(",\"text\":");
  w.str(q.text());
  if (q.has_span()) {
    w.lit(",\"span\":");
    write_span(w, q.span());
  }
  w.lit(",\"kind\":");
  w.enm(kind_name(q.kind()), q.kind());
  if (q.has_speaker()) {
    w.lit(",\"speaker\":");
    write_speaker(w, q.speaker());
  }
  if (q.has_cue()) {
    w.lit(",\"cue\":");
    write_cue(w, q.cue());
  }
  w.lit(",\"confidence\":");
  w.flt_repeated(q.confidence());
  if (q.has_tone()) {
    w.lit(",\"tone\":");
    write_tone(w, q.tone());
  }
  w.lit(",\"rule\":");
  w.str(q.rule());
  w.lit(",\"depth\":");
  w.uint(q.depth());
  w.lit(",\"paragraphs\":");
  w.uint(q.paragraphs());
  w.ch('}');
}

// Estimates of the written size (a hint for Cursor: each write still
// reserves its own room): the strings' bytes, with their quotes and the
// slack str() asks for, and the rest at a generous fixed size per object.
size_t string_estimate(const std::string& s) { return s.size() + 10; }

size_t quote_estimate(const QuoteRecord& q) {
  size_t n = 512 + string_estimate(q.doc_id()) + string_estimate(q.text()) + string_estimate(q.rule());
  if (q.has_speaker()) n += string_estimate(q.speaker().name()) + string_estimate(q.speaker().mention());
  if (q.has_cue()) n += string_estimate(q.cue().text()) + string_estimate(q.cue().lemma());
  if (!q.has_tone()) return n;
  const Tone& t = q.tone();
  // A fixed size per score and evidence item, not its strings' sizes (a walk
  // over the items, some 130 instructions a record): labels are class names
  // and features a few words; the 512 above absorbs a longer one.
  n += string_estimate(t.label());
  n += static_cast<size_t>(t.scores_size()) * (48 + 32);
  n += static_cast<size_t>(t.evidence_size()) * (56 + 48 + 32);
  return n;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  Cursor w(out, s.size() + 10);
  w.str(s);
}

void append_json(std::string& out, const QuoteRecord& q) {
  Cursor w(out, quote_estimate(q));
  write_quote(w, q);
}

void append_json(std::string& out, const DocumentResult& r) {
  size_t estimate = 200 + string_estimate(r.doc_id()) + string_estimate(r.source());
  for (const Diagnostic& d : r.diagnostics())
    estimate += 80 + string_estimate(d.code()) + string_estimate(d.message());
  for (const QuoteRecord& q : r.quotes()) estimate += quote_estimate(q);
  Cursor w(out, estimate);
  w.lit("{\"doc_id\":");
  w.str(r.doc_id());
  w.lit(",\"status\":");
  w.enm(status_name(r.status()), r.status());
  w.lit(",\"diagnostics\":");
  write_array(w, r.diagnostics(), [](Cursor& c, const Diagnostic& d) {
    c.lit("{\"severity\":");
    c.enm(severity_name(d.severity()), d.severity());
    c.lit(",\"code\":");
    c.str(d.code());
    c.lit(",\"message\":");
    c.str(d.message());
    c.lit(",\"offset\":");
    c.uint_quoted(d.offset());
    c.ch('}');
  });
  w.lit(",\"quotes\":");
  write_array(w, r.quotes(), write_quote);
  w.lit(",\"source\":");
  w.str(r.source());
  w.lit(",\"source_offset\":");
  w.uint_quoted(r.source_offset());
  w.ch('}');
}

}  // namespace quotient
