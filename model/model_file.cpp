#include "model_file.hpp"

#include <cmath>
#include <cstring>

#include "hash.hpp"

namespace quotient::model {
namespace {

Status bad(ErrorCode code, const std::string& name, std::string msg) {
  return make_error(code, std::move(msg), name);
}

uint64_t hash_floats(const float* v, size_t n, uint64_t h) {
  for (size_t i = 0; i < n; ++i) {
    uint32_t bits;
    std::memcpy(&bits, &v[i], sizeof bits);
    for (int b = 0; b < 4; ++b) h = fnv1a64_byte(static_cast<unsigned char>(bits >> (8 * b)), h);
  }
  return h;
}

bool all_finite(const float* v, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (!std::isfinite(v[i])) return false;
  return true;
}

// Checks the file's feature spec against what this library extracts.
Status check_spec(const ToneModelFile& f, const std::string& name) {
  const FeatureSpec& s = f.features();
  if (s.hash() != "fnv1a64") return bad(ErrorCode::kFingerprint, name, "unknown feature hash '" + s.hash() + "'");
  if (s.bucket_bits() < 18 || s.bucket_bits() > 20)
    return bad(ErrorCode::kFingerprint, name, "bucket_bits " + std::to_string(s.bucket_bits()) + " not in 18..20");
  if (s.extractor_version() != kExtractorVersion)
    return bad(ErrorCode::kVersion, name, "feature extractor version " + std::to_string(s.extractor_version()) +
                                              ", this build has " + std::to_string(kExtractorVersion) + "; retrain");
  if (!(s.hashed_scale() > 0 && std::isfinite(s.hashed_scale())))
    return bad(ErrorCode::kBadData, name, "hashed_scale must be > 0");
  const auto& dn = dense_feature_names();
  if (s.dense_names().size() != static_cast<int>(dn.size()) || !std::equal(dn.begin(), dn.end(), s.dense_names().begin()))
    return bad(ErrorCode::kFingerprint, name, "dense feature names differ from this build's; retrain");
  if (s.lexicon_hash() != Lexicon::builtin().text_hash())
    return bad(ErrorCode::kFingerprint, name, "trained with another register lexicon; retrain");
  if (fingerprint_of(f) != f.feature_fingerprint())
    return bad(ErrorCode::kFingerprint, name, "feature fingerprint mismatch (file damaged or edited)");
  return {};
}

Status check_shape(const ToneModelFile& f, const std::string& name) {
  int k = f.class_names_size();
  if (k < 2 || k > kMaxClasses) return bad(ErrorCode::kBadData, name, "needs 2..16 class names, has " + std::to_string(k));
  for (const auto& c : f.class_names())
    if (c.empty()) return bad(ErrorCode::kBadData, name, "empty class name");
  if (f.class_bias_size() != k) return bad(ErrorCode::kBadData, name, "class_bias size differs from class count");
  if (!all_finite(f.class_bias().data(), k) || !std::isfinite(f.coop_bias()))
    return bad(ErrorCode::kBadData, name, "non-finite bias");
  if (weights_checksum(f) != f.weights_fnv1a64())
    return bad(ErrorCode::kFingerprint, name, "weights checksum mismatch (file damaged)");
  return {};
}

Status fill_table(const ToneModelFile& f, const std::string& name, ToneModel::Impl& m) {
  uint64_t rows = uint64_t{m.spec.num_buckets()} + kNumDense;
  std::vector<WeightTable::Row> packed;
  packed.reserve(static_cast<size_t>(f.rows_size()));
  int64_t last = -1;
  for (int r = 0; r < f.rows_size(); ++r) {
    const WeightRow& row = f.rows(r);
    if (row.index() >= rows || static_cast<int64_t>(row.index()) <= last)
      return bad(ErrorCode::kBadData, name, "weight row " + std::to_string(r) + ": index out of range or out of order");
    if (row.values_size() != static_cast<int>(m.stride) || !all_finite(row.values().data(), m.stride))
      return bad(ErrorCode::kBadData, name, "weight row " + std::to_string(r) + ": wrong size or non-finite");
    packed.push_back({row.index(), row.values().data()});
    last = row.index();
  }
  m.table = WeightTable::build(m.spec.num_buckets(), kNumDense, m.stride, packed);
  return {};
}

Status check_self_tests(const ToneModel& model, const std::string& name) {
  const ToneModelFile& f = *model.impl().file;
  float tol = std::max(f.tolerance(), 1e-6f);
  ToneScratch scratch;
  for (int i = 0; i < f.self_tests_size(); ++i) {
    const SelfTest& t = f.self_tests(i);
    ToneOutput out = model.score({t.text(), t.cue_lemma(), {}}, scratch);
    bool ok = out.label == t.expected_label() && std::fabs(out.coop - t.expected_coop()) <= tol &&
              t.expected_scores_size() == static_cast<int>(out.scores.size());
    for (size_t k = 0; ok && k < out.scores.size(); ++k)
      ok = std::fabs(out.scores[k].second - t.expected_scores(static_cast<int>(k))) <= tol;
    if (!ok)
      return bad(ErrorCode::kSelfTest, name, "self-test " + std::to_string(i) + " (\"" + t.text() +
                                                 "\") gives " + out.label + ", file expects " + t.expected_label());
  }
  return {};
}

}  // namespace

uint64_t fingerprint_of(const ToneModelFile& file) {
  const FeatureSpec& s = file.features();
  std::string text = "hash=" + s.hash() + ";bits=" + std::to_string(s.bucket_bits()) +
                     ";signed=" + (s.signed_hashing() ? "1" : "0") +
                     ";extractor=" + std::to_string(s.extractor_version()) +
                     ";scale=" + std::to_string(s.hashed_scale()) + ";lexicon=" + std::to_string(s.lexicon_hash()) + ";dense=";
  for (const auto& d : s.dense_names()) text += d + ",";
  text += ";classes=";
  for (const auto& c : file.class_names()) text += c + ",";
  return fnv1a64(text);
}

uint64_t weights_checksum(const ToneModelFile& file) {
  uint64_t h = hash_floats(file.class_bias().data(), static_cast<size_t>(file.class_bias_size()), kFnvOffset);
  float cb = file.coop_bias();
  h = hash_floats(&cb, 1, h);
  for (const WeightRow& r : file.rows()) {
    float idx;
    uint32_t i = r.index();
    std::memcpy(&idx, &i, sizeof idx);
    h = hash_floats(&idx, 1, h);
    h = hash_floats(r.values().data(), static_cast<size_t>(r.values_size()), h);
  }
  return h;
}

FeatureSpec current_feature_spec(uint32_t bucket_bits) {
  FeatureSpec s;
  s.set_hash("fnv1a64");
  s.set_bucket_bits(bucket_bits);
  s.set_signed_hashing(true);
  s.set_extractor_version(kExtractorVersion);
  for (const auto& d : dense_feature_names()) s.add_dense_names(d);
  s.set_lexicon_hash(Lexicon::builtin().text_hash());
  s.set_hashed_scale(1.0f);
  return s;
}

Result<ToneModel> model_from_file(std::unique_ptr<google::protobuf::Arena> arena, const ToneModelFile* f,
                                  const std::string& name, bool self_tests) {
  const ToneModelFile& file = *f;
  if (file.format_version() != kFormatVersion)
    return bad(ErrorCode::kVersion, name, "model format_version " + std::to_string(file.format_version()) +
                                              ", this build reads " + std::to_string(kFormatVersion));
  if (Status s = check_shape(file, name); !s.ok()) return s;
  if (Status s = check_spec(file, name); !s.ok()) return s;
  auto impl = std::make_shared<ToneModel::Impl>();
  impl->spec.bucket_bits = file.features().bucket_bits();
  impl->spec.signed_hashing = file.features().signed_hashing();
  impl->spec.hashed_scale = file.features().hashed_scale();
  impl->classes.assign(file.class_names().begin(), file.class_names().end());
  impl->stride = static_cast<uint32_t>(impl->classes.size()) + 1;
  impl->bias.assign(file.class_bias().begin(), file.class_bias().end());
  impl->coop_bias = file.coop_bias();
  impl->lexicon = &Lexicon::builtin();
  if (Status s = fill_table(file, name, *impl); !s.ok()) return s;
  impl->arena = std::move(arena);
  impl->file = f;
  ToneModel model(std::move(impl));
  if (self_tests && file.self_tests_size() == 0) return bad(ErrorCode::kBadData, name, "no self-test sentences");
  if (self_tests)
    if (Status s = check_self_tests(model, name); !s.ok()) return s;
  return model;
}

Result<ToneModel> model_from_file(const ToneModelFile& file, const std::string& name, bool self_tests) {
  auto arena = std::make_unique<google::protobuf::Arena>();
  ToneModelFile* copy = google::protobuf::Arena::CreateMessage<ToneModelFile>(arena.get());
  copy->CopyFrom(file);
  return model_from_file(std::move(arena), copy, name, self_tests);
}

}  // namespace quotient::model
