// Fuzz target: the tone model loader, model::ToneModel::from_bytes.
//
// The first input byte picks a mode, the rest is the model file:
//   even  the bytes as they are (a damaged file: parse, version, fingerprint
//         and checksum checks must refuse it with a Status);
//   odd   when the bytes parse as a ToneModelFile, its feature fingerprint
//         and weights checksum are recomputed first, so the fuzzer gets past
//         them to the shape, weight-table and self-test checks.
// A model that loads must score text with a finite, normalised output and
// survive serialize() → from_bytes().
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "fuzz_util.hpp"
#include "model/model_file.hpp"
#include "model/tone_model.hpp"

namespace {

namespace qm = quotient::model;

std::string with_fixed_checksums(std::string bytes) {
  quotient::ToneModelFile f;
  if (!f.ParseFromString(bytes)) return bytes;
  f.set_feature_fingerprint(qm::fingerprint_of(f));
  f.set_weights_fnv1a64(qm::weights_checksum(f));
  return f.SerializeAsString();
}

void check_scores(const qm::ToneModel& m) {
  qm::ToneScratch scratch;
  for (const char* text : {"We firmly oppose this.", "A frank and pragmatic exchange.", ""}) {
    qm::ToneOutput out = m.score({text, "say", {{0, 3}, {5, 1000}}}, scratch);
    FUZZ_CHECK(out.scores.size() == m.class_names().size());
    float sum = 0;
    bool label_known = false;
    for (const auto& [label, p] : out.scores) {
      FUZZ_CHECK(std::isfinite(p) && p >= 0 && p <= 1);
      sum += p;
      label_known = label_known || label == out.label;
    }
    FUZZ_CHECK(label_known && std::fabs(sum - 1.0f) < 1e-3f);
    FUZZ_CHECK(std::isfinite(out.coop) && out.coop >= -1 && out.coop <= 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  quotient::fuzz::quiet_protobuf();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) bytes = with_fixed_checksums(std::move(bytes));
  auto loaded = qm::ToneModel::from_bytes(bytes, "fuzz.qtm");
  if (!loaded) {
    FUZZ_CHECK(loaded.status().code != qm::ErrorCode::kOk && !loaded.status().message.empty());
    return 0;
  }
  check_scores(loaded.value());
  auto again = qm::ToneModel::from_bytes(loaded.value().serialize(), "again.qtm");
  FUZZ_CHECK(again.ok());
  return 0;
}
