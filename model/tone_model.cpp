#include "tone_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "model_file.hpp"

namespace quotient::model {

inline constexpr size_t kMaxEvidence = 5;

struct ToneScratch::Buffers {
  FeatureBuffers features;
  std::vector<std::pair<float, uint32_t>> contrib;  // (contribution, feature index)
};

ToneScratch::ToneScratch() : buffers_(std::make_unique<Buffers>()) {}
ToneScratch::~ToneScratch() = default;
ToneScratch::ToneScratch(ToneScratch&&) noexcept = default;
ToneScratch& ToneScratch::operator=(ToneScratch&&) noexcept = default;

namespace {

void softmax(float* v, size_t k) {
  float mx = *std::max_element(v, v + k), sum = 0;
  for (size_t i = 0; i < k; ++i) sum += (v[i] = std::exp(v[i] - mx));
  for (size_t i = 0; i < k; ++i) v[i] /= sum;
}

// Keeps the n largest (contribution, index) pairs of `c` at its front, sorted.
void keep_top(std::vector<std::pair<float, uint32_t>>& c, size_t n) {
  size_t kept = 0;
  for (size_t i = 0; i < c.size(); ++i) {
    auto item = c[i];
    size_t j = std::min(kept, n);
    if (j == n && !(item.first > c[n - 1].first)) continue;
    if (j == n) --j;
    while (j > 0 && item.first > c[j - 1].first) { c[j] = c[j - 1]; --j; }
    c[j] = item;
    kept = std::min(kept + 1, n);
  }
  c.resize(kept);
}

// Top features by contribution to class y, strongest first, distinct names.
void add_evidence(const ToneModel::Impl& m, size_t y, ToneScratch::Buffers& b, ToneOutput& out) {
  auto& c = b.contrib;
  c.clear();
  const auto& feats = b.features.features;
  for (uint32_t i = 0; i < feats.size(); ++i) {
    float w = feats[i].value * from_bf16(m.table[size_t{feats[i].row} * m.stride + y]);
    if (w > 0) c.emplace_back(w, i);
  }
  keep_top(c, kMaxEvidence * 2);
  out.evidence.reserve(kMaxEvidence);
  for (size_t i = 0; i < c.size() && out.evidence.size() < kMaxEvidence; ++i) {
    const Feature& f = feats[c[i].second];
    bool same_row = std::any_of(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(i), [&](const auto& o) {
      return feats[o.second].row == f.row && feats[o.second].kind == f.kind;
    });
    if (same_row) continue;  // a repeated feature: same weight, same name
    std::string name = feature_name(f, b.features, *m.lexicon);
    bool seen = std::any_of(out.evidence.begin(), out.evidence.end(), [&](const auto& e) { return e.feature == name; });
    if (!seen) out.evidence.push_back({std::move(name), m.classes[y], c[i].first});
  }
}

template <size_t kStride>
void accumulate_fixed(const uint16_t* table, const std::vector<Feature>& feats, float* z) {
  float acc[kStride] = {};
  for (const Feature& f : feats) {
    const uint16_t* w = table + size_t{f.row} * kStride;
    for (size_t j = 0; j < kStride; ++j) acc[j] += f.value * from_bf16(w[j]);
  }
  for (size_t j = 0; j < kStride; ++j) z[j] += acc[j];
}

// z[0..stride) += sum over features of value * row. The rows are scattered
// over a table of several MB; extract_features() has prefetched them.
void accumulate(const ToneModel::Impl& m, const std::vector<Feature>& feats, float* z) {
  if (m.stride == 5) return accumulate_fixed<5>(m.table.data(), feats, z);
  for (const Feature& f : feats) {
    const uint16_t* w = &m.table[size_t{f.row} * m.stride];
    for (size_t j = 0; j < m.stride; ++j) z[j] += f.value * from_bf16(w[j]);
  }
}

std::string exe_dir() {
  std::array<char, 4096> buf{};
  ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  if (n <= 0) return {};
  std::string path(buf.data(), static_cast<size_t>(n));
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

bool file_exists(const std::string& p) { return std::ifstream(p).good(); }

}  // namespace

ToneOutput ToneModel::score(const ToneInput& in, ToneScratch& scratch) const {
  const Impl& m = *impl_;
  ToneScratch::Buffers& b = *scratch.buffers_;
  b.features.prefetch_base = reinterpret_cast<const char*>(m.table.data());
  b.features.prefetch_stride = m.stride * sizeof(m.table[0]);
  extract_features({in.text, in.cue_lemma, &in.masked}, m.spec, *m.lexicon, b.features);
  const size_t k = m.classes.size();
  std::array<float, kMaxClasses + 1> z{};
  std::copy(m.bias.begin(), m.bias.end(), z.begin());
  z[k] = m.coop_bias;
  accumulate(m, b.features.features, z.data());
  ToneOutput out;
  out.coop = std::tanh(z[k]);
  softmax(z.data(), k);
  size_t y = static_cast<size_t>(std::max_element(z.begin(), z.begin() + static_cast<std::ptrdiff_t>(k)) - z.begin());
  out.label = m.classes[y];
  out.scores.reserve(k);
  for (size_t j = 0; j < k; ++j) out.scores.emplace_back(m.classes[j], z[j]);
  add_evidence(m, y, b, out);
  return out;
}

Result<ToneModel> ToneModel::from_bytes(std::string_view bytes, const std::string& name) {
  if (bytes.size() > kMaxModelBytes) return make_error(ErrorCode::kParse, "file too large for a model", name);
  ToneModelFile file;
  google::protobuf::io::ArrayInputStream raw(bytes.data(), static_cast<int>(bytes.size()));
  google::protobuf::io::CodedInputStream in(&raw);
  if (!file.ParseFromCodedStream(&in) || !in.ConsumedEntireMessage()) {
    Status s = make_error(ErrorCode::kParse, "not a tone model file (protobuf parse failed; truncated or corrupt)", name);
    s.offset = static_cast<uint64_t>(in.CurrentPosition());
    return s;
  }
  return model_from_file(std::move(file), name, true);
}

Result<ToneModel> ToneModel::load(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return make_error(ErrorCode::kIo, "cannot open model file", path);
  f.seekg(0, std::ios::end);
  std::streamoff size = f.tellg();
  if (size < 0) return make_error(ErrorCode::kIo, "cannot read model file", path);
  if (static_cast<uint64_t>(size) > kMaxModelBytes) return make_error(ErrorCode::kParse, "file too large for a model", path);
  std::string bytes(static_cast<size_t>(size), '\0');
  f.seekg(0);
  if (!f.read(bytes.data(), size)) return make_error(ErrorCode::kIo, "read failed", path);
  return from_bytes(bytes, path);
}

std::string ToneModel::default_path() {
  std::string dir = exe_dir();
  std::string local = dir + "/tone.qtm", installed = dir + "/../share/quotient/tone.qtm";
  if (!file_exists(local) && file_exists(installed)) return installed;
  return local;
}

std::string ToneModel::serialize() const {
  std::string out;
  {
    google::protobuf::io::StringOutputStream raw(&out);
    google::protobuf::io::CodedOutputStream coded(&raw);
    coded.SetSerializationDeterministic(true);
    impl_->file.SerializeToCodedStream(&coded);
  }
  return out;
}

Status ToneModel::save(const std::string& path) const {
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    std::string bytes = serialize();
    if (!f || !f.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) || !f.flush())
      return make_error(ErrorCode::kIo, "cannot write model file", tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return make_error(ErrorCode::kIo, "cannot rename temp file into place", path);
  return {};
}

const std::vector<std::string>& ToneModel::class_names() const { return impl_->classes; }

}  // namespace quotient::model
