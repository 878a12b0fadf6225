#include "weight_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace quotient::model {
namespace {

constexpr int kMaxQ = 127;
constexpr int kCodes = 15;  // codes 0..14; 15 = empty

// Smallest e with max_abs / 2^e <= kMaxQ (max_abs > 0).
int row_exponent(float max_abs) {
  int e = 0;
  std::frexp(max_abs / kMaxQ, &e);  // max_abs / kMaxQ = m · 2^e, m in [0.5, 1)
  if (std::ldexp(1.0f, e - 1) * kMaxQ >= max_abs) --e;
  return e;
}

float max_abs(const float* v, uint32_t n) {
  float m = 0;
  for (uint32_t j = 0; j < n; ++j) m = std::max(m, std::fabs(v[j]));
  return m;
}

// std::lround(x) for |x| <= 2^24 without the libm call (a tenth of a model
// load went there): in double, x + 0.5 is exact, so truncating it rounds half
// away from zero as lround does (checked equal to lround on every float of
// that range). clang-tidy's incorrect-roundings warns of the float case,
// where x + 0.5 may round up first.
long round_half_away(float x) {
  double d = x;
  return d < 0 ? -static_cast<long>(0.5 - d)  // NOLINT(bugprone-incorrect-roundings): exact in double
               : static_cast<long>(d + 0.5);  // NOLINT(bugprone-incorrect-roundings): exact in double
}

uint32_t slot_size(uint32_t stride) {
  uint32_t b = 8;
  while (b < 3 + stride) b *= 2;
  return b;
}

}  // namespace

WeightTable WeightTable::build(uint32_t num_buckets, uint32_t num_dense, uint32_t stride, const std::vector<Row>& rows) {
  WeightTable t;
  t.num_buckets_ = num_buckets;
  t.stride_ = stride;
  t.slot_bytes_ = slot_size(stride);
  t.dense_.assign(size_t{stride} * num_dense, 0.0f);
  size_t hashed = 0;
  int top = -1000;
  // Each hashed row's exponent, or INT_MIN for a row of zeros, taken once.
  std::vector<int> exponent(rows.size(), std::numeric_limits<int>::min());
  for (size_t k = 0; k < rows.size(); ++k) {
    if (rows[k].index >= num_buckets) continue;
    float m = max_abs(rows[k].values, stride);
    if (m > 0) {
      ++hashed;
      exponent[k] = row_exponent(m);
      top = std::max(top, exponent[k]);
    }
  }
  uint32_t bits = 6;  // at least 64 slots; load factor <= 0.6
  while ((size_t{1} << bits) * 3 < hashed * 5) ++bits;
  t.shift_ = 32 - bits;
  t.mask_ = (1u << bits) - 1;
  const int base = top - (kCodes - 1);
  for (int c = 0; c < 16; ++c) t.scale_[c] = std::ldexp(1.0f, base + c);
  t.storage_.assign((size_t{1} << bits) * t.slot_bytes_ + 64, 0xFF);
  t.offset_ = (64 - reinterpret_cast<uintptr_t>(t.storage_.data()) % 64) % 64;
  uint8_t* slots = t.storage_.data() + t.offset_;
  for (size_t k = 0; k < rows.size(); ++k) {
    const Row& r = rows[k];
    if (r.index >= num_buckets) {
      uint32_t d = r.index - num_buckets;
      std::copy(r.values, r.values + stride, t.dense_.begin() + static_cast<std::ptrdiff_t>(size_t{d} * stride));
      continue;
    }
    if (exponent[k] == std::numeric_limits<int>::min()) continue;
    int code = std::clamp(exponent[k] - base, 0, kCodes - 1);
    uint32_t i = table_home(r.index, t.shift_);
    while ((slots[size_t{i} * t.slot_bytes_ + 2] >> 4) != kEmptyCode) i = (i + 1) & t.mask_;
    uint8_t* s = slots + size_t{i} * t.slot_bytes_;
    s[0] = static_cast<uint8_t>(r.index);
    s[1] = static_cast<uint8_t>(r.index >> 8);
    s[2] = static_cast<uint8_t>(((r.index >> 16) & 0xF) | (static_cast<uint32_t>(code) << 4));
    for (uint32_t j = 0; j < stride; ++j) {
      long q = round_half_away(r.values[j] / t.scale_[code]);
      s[3 + j] = static_cast<uint8_t>(static_cast<int8_t>(std::clamp<long>(q, -kMaxQ, kMaxQ)));
    }
  }
  return t;
}

}  // namespace quotient::model
