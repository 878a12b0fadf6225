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

#include <google/protobuf/arena.h>

#include "features.hpp"
#include "model.pb.h"
#include "tone_model.hpp"
#include "weight_table.hpp"

namespace quotient::model {

inline constexpr uint32_t kFormatVersion = 1;
inline constexpr uint64_t kMaxModelBytes = 256ull << 20;  // refuse bigger files unread
inline constexpr int kMaxClasses = 16;

struct ToneModel::Impl {
  // The validated file, for save(), on its own arena: parsing ~10^5 weight
  // rows one allocation each and freeing them again at exit cost as much as
  // analysing a megabyte of text; on an arena both are a few block calls.
  std::unique_ptr<google::protobuf::Arena> arena;
  const ToneModelFile* file = nullptr;  // on *arena
  std::vector<std::string> classes;  // class names, model order
  HashSpec spec;
  uint32_t stride = 0;       // classes + 1 (the coop weight)
  // The file's rows packed for scoring (weight_table.hpp): only the non-zero
  // hashed rows, 8-bit block floating point. Self-tests are scored through it.
  WeightTable table;
  std::vector<float> bias;   // per class
  float coop_bias = 0;
  const Lexicon* lexicon = nullptr;
};

// FNV-1a 64 of the canonical text of file.features() and file.class_names().
uint64_t fingerprint_of(const ToneModelFile& file);
// FNV-1a 64 over the biases and rows (see model.proto weights_fnv1a64).
uint64_t weights_checksum(const ToneModelFile& file);
// The FeatureSpec this library's extractor writes (bucket_bits as given).
FeatureSpec current_feature_spec(uint32_t bucket_bits);

// Validates `*file` (a message on `*arena`) and builds a model that keeps
// both. With check_self_tests == false the self-tests are not rescored (used
// by the trainer before it fills them in).
Result<ToneModel> model_from_file(std::unique_ptr<google::protobuf::Arena> arena, const ToneModelFile* file,
                                  const std::string& name, bool check_self_tests);
// The same for a message on the heap (the trainer's), copied onto an arena.
Result<ToneModel> model_from_file(const ToneModelFile& file, const std::string& name, bool check_self_tests);

}  // namespace quotient::model
