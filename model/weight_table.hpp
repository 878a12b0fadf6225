// weight_table.hpp — library-internal: the scoring table of a loaded model.
//
// The file lists only the hashed rows with a non-zero weight (~150k of the
// 2^20 buckets). Scoring is bound by cache misses on the rows, so the table
// keeps only those rows, packed: an open-addressing hash table (linear
// probing) of fixed-size slots, eight 8-byte slots to a cache line at 5
// weights a row (2 MB for 150k rows, instead of a 10 MB dense bfloat16 table).
// A slot is
//   bytes 0..2  little-endian: bits 0..19 the bucket, bits 20..23 a scale code
//               (15 marks an empty slot)
//   bytes 3..   one int8 per weight; weight = q · 2^(exp_base + code)
// i.e. 8-bit block floating point per row: every weight of a row is within
// 1/127 of the row's largest |weight| of its true value (the scale is the
// smallest power of two that fits the row's largest weight in 127 steps). The dense rows (lexicon
// counts) stay float. Self-tests are scored through this table, so a file's
// expected outputs are those of the packed weights.
//
//   WeightTable t = WeightTable::build(num_buckets, kNumDense, stride, rows);
//   const uint8_t* s = t.find(bucket);          // nullptr: weight 0
//   if (s) z[j] += value * t.weight(s, j);
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

namespace quotient::model {

// Home slot of a bucket in a table of 2^(32 - shift) slots (Fibonacci
// hashing). Shared with the feature extractor, which prefetches it.
inline uint32_t table_home(uint32_t bucket, uint32_t shift) { return (bucket * 0x9E3779B1u) >> shift; }

class WeightTable {
 public:
  // One row: its index (bucket, or num_buckets + dense index) and `stride` weights.
  struct Row {
    uint32_t index;
    const float* values;
  };
  WeightTable() = default;
  // Packs `rows`. Preconditions: indices unique and < num_buckets + num_dense,
  // num_buckets <= 2^20, values finite.
  static WeightTable build(uint32_t num_buckets, uint32_t num_dense, uint32_t stride, const std::vector<Row>& rows);

  // What find() reads of the table, by value: a loop that stores floats
  // between lookups keeps these in registers (read through the table, they
  // were reloaded at every lookup).
  struct Probe {
    const uint8_t* slots;
    uint32_t shift, mask, slot_bytes;
    const uint8_t* find(uint32_t bucket) const {
      for (uint32_t i = table_home(bucket, shift);; i = (i + 1) & mask) {
        const uint8_t* s = slots + size_t{i} * slot_bytes;
        uint32_t k = key_of(s);
        if ((k >> 20) == kEmptyCode) return nullptr;
        if ((k & 0xFFFFFu) == bucket) return s;
      }
    }
  };
  Probe probe() const { return {slots(), shift_, mask_, slot_bytes_}; }
  // The slot of hashed row `bucket` (< num_buckets), or nullptr when the row is zero.
  const uint8_t* find(uint32_t bucket) const { return probe().find(bucket); }
  // Weight j of a slot returned by find().
  float weight(const uint8_t* slot, uint32_t j) const {
    return static_cast<float>(static_cast<int8_t>(slot[3 + j])) * scale_[slot[2] >> 4];
  }
  float slot_scale(const uint8_t* slot) const { return scale_[slot[2] >> 4]; }
  // Row d of the dense (lexicon) features: `stride` floats.
  const float* dense_row(uint32_t d) const { return &dense_[size_t{d} * stride_]; }

  uint32_t num_buckets() const { return num_buckets_; }
  uint32_t stride() const { return stride_; }
  uint32_t slot_bytes() const { return slot_bytes_; }
  uint32_t shift() const { return shift_; }
  const uint8_t* slots() const { return storage_.data() + offset_; }
  size_t bytes() const { return storage_.size() + dense_.size() * sizeof(float); }

 private:
  static constexpr uint32_t kEmptyCode = 15;
  // Bytes 0..2 of a slot, little-endian: one 4-byte load (a slot has at
  // least 8 bytes), masked.
  static uint32_t key_of(const uint8_t* s) {
    uint32_t k;
    std::memcpy(&k, s, sizeof k);
    if constexpr (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__) k = __builtin_bswap32(k);
    return k & 0xFFFFFFu;
  }
  uint32_t num_buckets_ = 0, stride_ = 0, slot_bytes_ = 8, shift_ = 32, mask_ = 0;
  size_t offset_ = 0;              // slots() = storage_ + offset_, 64-byte aligned
  std::vector<uint8_t> storage_;   // the slots (+ alignment slack)
  float scale_[16] = {};           // scale per code
  std::vector<float> dense_;       // dense rows, float
};

}  // namespace quotient::model
