// model_file.hpp — library-internal: the in-memory model and its conversion
// from and to the ToneModelFile message of proto/model.proto.
//
// Only the model library and its tests include this header; it exposes the
// generated protobuf type, which public headers must not.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "features.hpp"
#include "model.pb.h"
#include "tone_model.hpp"

namespace quotient::model {

inline constexpr uint32_t kFormatVersion = 1;
inline constexpr uint64_t kMaxModelBytes = 256ull << 20;  // refuse bigger files unread
inline constexpr int kMaxClasses = 16;

struct ToneModel::Impl {
  ToneModelFile file;                // the validated file, for save()
  std::vector<std::string> classes;  // class names, model order
  HashSpec spec;
  uint32_t stride = 0;       // classes + 1 (the coop weight)
  // (num_buckets + kNumDense) rows of `stride` weights as bfloat16 (see
  // to_bf16): scoring is bound by cache misses on this table, and half-size
  // rows halve the bytes it occupies. Self-tests are scored through it too.
  std::vector<uint16_t> table;
  std::vector<float> bias;   // per class
  float coop_bias = 0;
  const Lexicon* lexicon = nullptr;
};

// bfloat16: the upper half of an IEEE-754 float, rounded to nearest even
// (8 significant bits, relative error <= 2^-9). Finite inputs only.
inline uint16_t to_bf16(float f) {
  uint32_t b;
  std::memcpy(&b, &f, sizeof b);
  b += 0x7fffu + ((b >> 16) & 1u);
  return static_cast<uint16_t>(b >> 16);
}
inline float from_bf16(uint16_t h) {
  uint32_t b = uint32_t{h} << 16;
  float f;
  std::memcpy(&f, &b, sizeof f);
  return f;
}

// FNV-1a 64 of the canonical text of file.features() and file.class_names().
uint64_t fingerprint_of(const ToneModelFile& file);
// FNV-1a 64 over the biases and rows (see model.proto weights_fnv1a64).
uint64_t weights_checksum(const ToneModelFile& file);
// The FeatureSpec this library's extractor writes (bucket_bits as given).
FeatureSpec current_feature_spec(uint32_t bucket_bits);

// Validates `file` and builds a model. With check_self_tests == false the
// self-tests are not rescored (used by the trainer before it fills them in).
Result<ToneModel> model_from_file(ToneModelFile file, const std::string& name, bool check_self_tests);

}  // namespace quotient::model
