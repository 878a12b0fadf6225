#include "tone_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "model_file.hpp"

namespace quotient::model {

inline constexpr size_t kMaxEvidence = 5;

namespace {

// Sort key of a positive contribution w of feature (or block) i: larger w
// first, then smaller i (a positive float's bits order like the float).
// 0 = not a candidate.
inline uint64_t candidate_key(float w, uint32_t i) {
  uint32_t bits;
  std::memcpy(&bits, &w, sizeof bits);
  uint64_t keep = 0 - static_cast<uint64_t>(w > 0);  // all ones or 0, without a branch
  return (uint64_t{bits} << 32 | (0xFFFFFFFFu - i)) & keep;
}

inline uint64_t max_key(uint64_t a, uint64_t b) {
  return a ^ ((a ^ b) & (0 - static_cast<uint64_t>(a < b)));  // masks, not std::max (it branched and mispredicted)
}

// The evidence candidates of class y: the positive terms contrib[i·stride + y],
// drawn largest first (ties: lower i first), in blocks of four features.
// Only each block's largest term left is kept as a key (float bits above the
// inverted block index; 0 when not positive), so building them costs a float
// max per feature, not a key. A draw takes the largest key, finds the first
// feature of that block holding its term, clears that term in `contrib` and
// recomputes the block's key: about n/4 keys and 8 terms read per draw.
// Precondition of fill(): contrib has rows for n rounded up to a multiple of
// four (the padding rows' terms are set to 0 here).
class CandidateBlocks {
 public:
  void fill(float* contrib, size_t n, size_t stride, size_t y) {
    terms_ = contrib + y;
    stride_ = stride;
    blocks_ = (n + 3) / 4;
    for (size_t i = n; i < 4 * blocks_; ++i) terms_[i * stride] = 0.0f;  // padding: no candidate
    // Grown, never shrunk (a shrunk vector is zero-filled again when it
    // grows): the first `blocks_` keys are this fill's.
    if (keys_.size() < blocks_) keys_.resize(blocks_);
    for (size_t b = 0; b < blocks_; ++b) keys_[b] = block_key(b);
  }

  // The largest term left (then cleared) and its feature's index; false when
  // none is left.
  bool draw(uint32_t& index, float& weight) {
    const uint64_t* k = keys_.data();
    const size_t nb = blocks_;
    uint64_t a = 0, c = 0;  // two chains
    size_t b = 0;
    for (; b + 1 < nb; b += 2) {
      a = max_key(a, k[b]);
      c = max_key(c, k[b + 1]);
    }
    if (b < nb) a = max_key(a, k[b]);
    const uint64_t top = max_key(a, c);
    if (top == 0) return false;
    const uint32_t block = 0xFFFFFFFFu - static_cast<uint32_t>(top);
    const auto bits = static_cast<uint32_t>(top >> 32);
    std::memcpy(&weight, &bits, sizeof bits);
    // The block's first feature holding the term: a bit per equal term (as
    // bits: the term is positive), the lowest wins.
    float* t = terms_ + size_t{block} * 4 * stride_;
    unsigned equal = 0;
    for (uint32_t j = 0; j < 4; ++j) equal |= static_cast<unsigned>(bits_of(t[j * stride_]) == bits) << j;
    const auto j = static_cast<uint32_t>(__builtin_ctz(equal));
    index = 4 * block + j;
    t[j * stride_] = 0.0f;
    keys_[block] = block_key(block);
    return true;
  }

 private:
  static uint32_t bits_of(float f) {
    uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return u;
  }
  static float max2(float a, float b) { return a > b ? a : b; }  // maxss, no branch
  uint64_t block_key(size_t b) const {
    const float* t = terms_ + b * 4 * stride_;
    const size_t s = stride_;
    return candidate_key(max2(max2(t[0], t[s]), max2(t[2 * s], t[3 * s])), static_cast<uint32_t>(b));
  }

  std::vector<uint64_t> keys_;
  float* terms_ = nullptr;
  size_t stride_ = 0, blocks_ = 0;
};

}  // namespace

struct ToneScratch::Buffers {
  FeatureBuffers features;
  // Per feature, `stride` floats: value · its row (the evidence candidates).
  // Grown, never shrunk: score() writes the part it reads.
  std::vector<float> contrib;
  CandidateBlocks candidates;  // of the winning class
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

// to = from, skipped when equal: a reused output holds the class names already.
void set_name(std::string& to, const std::string& from) {
  if (to.size() != from.size() || std::memcmp(to.data(), from.data(), from.size()) != 0) to.assign(from);
}

inline constexpr size_t kCandidates = kMaxEvidence * 2;  // room for repeated rows and names

// Top features by contribution to class y, strongest first (ties: lower
// index first), distinct names. The candidates are the kCandidates largest
// positive contributions, drawn one at a time as needed (usually 5 or 6).
void add_evidence(const ToneModel::Impl& m, size_t y, ToneScratch::Buffers& b, ToneOutput& out) {
  const auto& feats = b.features.features;
  b.candidates.fill(b.contrib.data(), feats.size(), m.stride, y);
  std::array<uint32_t, kCandidates> c{};  // feature index of each candidate drawn
  size_t n = 0;  // evidence items written; out.evidence's strings are reused
  for (size_t i = 0; i < kCandidates && n < kMaxEvidence; ++i) {
    float weight = 0;
    if (!b.candidates.draw(c[i], weight)) break;
    const Feature& f = feats[c[i]];
    bool same_row = std::any_of(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(i), [&](uint32_t o) {
      return feats[o].row == f.row && feats[o].kind == f.kind;
    });
    if (same_row) continue;  // a repeated feature: same weight, same name
    if (n == out.evidence.size()) out.evidence.emplace_back();
    ToneEvidence& e = out.evidence[n];
    e.feature.clear();
    append_feature_name(f, b.features, *m.lexicon, e.feature);
    bool seen = std::any_of(out.evidence.begin(), out.evidence.begin() + static_cast<std::ptrdiff_t>(n),
                            [&](const ToneEvidence& o) { return o.feature == e.feature; });
    if (seen) continue;
    set_name(e.label, m.classes[y]);
    e.weight = weight;
    ++n;
  }
  out.evidence.resize(n);
}

// float(int8_t(b)) for every byte b: a load instead of a sign extension
// and an int-to-float conversion (which also waits on the register's old value).
constexpr std::array<float, 256> make_int8_floats() {
  std::array<float, 256> t{};
  for (int b = 0; b < 256; ++b) t[static_cast<size_t>(b)] = static_cast<float>(b < 128 ? b : b - 256);
  return t;
}
constexpr std::array<float, 256> kInt8Float = make_int8_floats();

// w[j] = v · float(int8_t(q[j])) for j < kStride. With SSE2, four weights at
// a time: the bytes widened to 32-bit lanes by unpacking, sign-extended by an
// arithmetic shift, converted and multiplied at once (the same products as
// the table path, which does the rest).
template <size_t kStride>
inline void scale_int8_row(const uint8_t* q, float v, float* w) {
  size_t j = 0;
#if defined(__SSE2__)
  for (; j + 4 <= kStride; j += 4) {
    int32_t four;
    std::memcpy(&four, q + j, sizeof four);
    __m128i b = _mm_cvtsi32_si128(four);
    b = _mm_unpacklo_epi8(b, b);   // q0 q0 q1 q1 q2 q2 q3 q3
    b = _mm_unpacklo_epi16(b, b);  // lane j: qj qj qj qj
    __m128 f = _mm_cvtepi32_ps(_mm_srai_epi32(b, 24));
    _mm_storeu_ps(w + j, _mm_mul_ps(_mm_set1_ps(v), f));
  }
#endif
  for (; j < kStride; ++j) w[j] = v * kInt8Float[q[j]];
}

// z[0..stride) += sum over features of value * row, and, when contrib is not
// null, contrib[i·stride + j] = feature i's term of z[j] (the evidence
// candidates; scoring without evidence skips storing them). The rows are
// scattered over a table of ~4 MB; extract_features() has prefetched their
// home slots.
template <size_t kStride, bool kStore>
void accumulate_fixed(const WeightTable& t, const FeatureList& feats, float* contrib, float* z) {
  float acc[kStride] = {};
  const uint32_t nb = t.num_buckets();
  const WeightTable::Probe probe = t.probe();
  for (size_t i = 0; i < feats.size(); ++i) {
    const Feature& f = feats[i];
    float w[kStride];
    if (f.row >= nb) {
      const float* d = t.dense_row(f.row - nb);
      for (size_t j = 0; j < kStride; ++j) w[j] = f.value * d[j];
    } else if (const uint8_t* s = probe.find(f.row)) {
      scale_int8_row<kStride>(s + 3, f.value * t.slot_scale(s), w);
    } else {
      for (size_t j = 0; j < kStride; ++j) w[j] = 0.0f;
    }
    for (size_t j = 0; j < kStride; ++j) acc[j] += w[j];
    // Float stores, not std::copy: a copy is a memmove, which may alias
    // anything and made the compiler reload the table's fields every feature.
    if constexpr (kStore)
      for (size_t j = 0; j < kStride; ++j) contrib[i * kStride + j] = w[j];
  }
  for (size_t j = 0; j < kStride; ++j) z[j] += acc[j];
}

void accumulate(const WeightTable& t, const FeatureList& feats, float* contrib, float* z) {
  if (t.stride() == 5)
    return contrib ? accumulate_fixed<5, true>(t, feats, contrib, z) : accumulate_fixed<5, false>(t, feats, contrib, z);
  const uint32_t nb = t.num_buckets(), k = t.stride();
  for (size_t i = 0; i < feats.size(); ++i) {
    const Feature& f = feats[i];
    const uint8_t* s = f.row >= nb ? nullptr : t.find(f.row);
    for (uint32_t j = 0; j < k; ++j) {
      float w = f.row >= nb ? f.value * t.dense_row(f.row - nb)[j] : s ? f.value * t.weight(s, j) : 0.0f;
      if (contrib) contrib[i * k + j] = w;
      z[j] += w;
    }
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
  ToneOutput out;
  score(in, scratch, out);
  return out;
}

void ToneModel::score(const ToneInput& in, ToneScratch& scratch, ToneOutput& out) const {
  const Impl& m = *impl_;
  ToneScratch::Buffers& b = *scratch.buffers_;
  b.features.prefetch_base = reinterpret_cast<const char*>(m.table.slots());
  b.features.prefetch_slot_bytes = m.table.slot_bytes();
  b.features.prefetch_shift = m.table.shift();
  extract_features({in.text, in.cue_lemma, &in.masked}, m.spec, *m.lexicon, b.features);
  const size_t k = m.classes.size();
  std::array<float, kMaxClasses + 1> z{};
  std::copy(m.bias.begin(), m.bias.end(), z.begin());
  z[k] = m.coop_bias;
  // Rows for the features rounded up to a block of four (CandidateBlocks).
  if (const size_t rows = (b.features.features.size() + 3) / 4 * 4; in.evidence && b.contrib.size() < rows * m.stride)
    b.contrib.resize(rows * m.stride);
  accumulate(m.table, b.features.features, in.evidence ? b.contrib.data() : nullptr, z.data());
  out.coop = std::tanh(z[k]);
  softmax(z.data(), k);
  size_t y = static_cast<size_t>(std::max_element(z.begin(), z.begin() + static_cast<std::ptrdiff_t>(k)) - z.begin());
  set_name(out.label, m.classes[y]);
  out.scores.resize(k);
  for (size_t j = 0; j < k; ++j) {
    set_name(out.scores[j].first, m.classes[j]);
    out.scores[j].second = z[j];
  }
  if (in.evidence) add_evidence(m, y, b, out);
  else out.evidence.clear();
}

namespace {

// A model file begins with its format_version (field 1, a varint: tag byte
// 0x08; proto/model.proto puts it first so a reader finds it there). Checked
// on the first byte, before a file is read whole: a zero-filled or foreign
// file is refused without reading its hundreds of megabytes.
Status check_model_head(std::string_view head, const std::string& name) {
  if (!head.empty() && head[0] == '\x08') return Status{};
  Status s = make_error(ErrorCode::kParse, "not a tone model file (it does not begin with a format_version field)", name);
  s.offset = 0;
  return s;
}

}  // namespace

Result<ToneModel> ToneModel::from_bytes(std::string_view bytes, const std::string& name) {
  if (bytes.size() > kMaxModelBytes) return make_error(ErrorCode::kParse, "file too large for a model", name);
  if (Status head = check_model_head(bytes, name); !head.ok()) return head;
  // The arena's first block holds the whole file: one allocation instead of
  // a dozen doublings.
  google::protobuf::ArenaOptions options;
  options.start_block_size = bytes.size() + (bytes.size() >> 1) + 4096;
  options.max_block_size = options.start_block_size;
  auto arena = std::make_unique<google::protobuf::Arena>(options);
  ToneModelFile* file = google::protobuf::Arena::CreateMessage<ToneModelFile>(arena.get());
  google::protobuf::io::ArrayInputStream raw(bytes.data(), static_cast<int>(bytes.size()));
  google::protobuf::io::CodedInputStream in(&raw);
  if (!file->ParseFromCodedStream(&in) || !in.ConsumedEntireMessage()) {
    Status s = make_error(ErrorCode::kParse, "not a tone model file (protobuf parse failed; truncated or corrupt)", name);
    s.offset = static_cast<uint64_t>(in.CurrentPosition());
    return s;
  }
  return model_from_file(std::move(arena), file, name, true);
}

Result<ToneModel> ToneModel::load(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return make_error(ErrorCode::kIo, "cannot open model file", path);
  f.seekg(0, std::ios::end);
  std::streamoff size = f.tellg();
  if (size < 0) return make_error(ErrorCode::kIo, "cannot read model file", path);
  if (static_cast<uint64_t>(size) > kMaxModelBytes) return make_error(ErrorCode::kParse, "file too large for a model", path);
  char first = 0;
  f.seekg(0);
  if (size > 0 && !f.get(first)) return make_error(ErrorCode::kIo, "read failed", path);
  if (Status head = check_model_head(std::string_view(&first, size > 0 ? 1 : 0), path); !head.ok()) return head;
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
    impl_->file->SerializeToCodedStream(&coded);
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
