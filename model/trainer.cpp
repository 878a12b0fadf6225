#include "trainer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

#include <Eigen/Core>

#include "hash.hpp"
#include "model_file.hpp"

namespace quotient::model {
namespace {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
constexpr int K = kRegisterClasses;
constexpr float kEps = 1e-6f;

// All examples' features, flattened: example i owns [offsets[i], offsets[i+1]).
struct SparseSet {
  std::vector<uint32_t> rows;
  std::vector<float> values;
  std::vector<size_t> offsets{0};
};

SparseSet extract_all(const std::vector<Example>& ex, const HashSpec& spec, bool source_intercepts,
                      std::vector<uint16_t>* kinds = nullptr) {
  SparseSet s;
  if (kinds) kinds->assign(spec.num_buckets() + kNumDense, 0);
  FeatureBuffers buf;
  for (const Example& e : ex) {
    extract_features({e.text, e.cue, &e.masked}, spec, Lexicon::builtin(), buf);
    for (const Feature& f : buf.features) {
      if (e.word_only && f.row == spec.num_buckets() + kDenseShortIndex) continue;
      s.rows.push_back(f.row);
      s.values.push_back(f.value);
      if (kinds) (*kinds)[f.row] |= static_cast<uint16_t>(1u << static_cast<unsigned>(f.kind));
    }
    if (e.word_only || (source_intercepts && e.source != "nyt")) {  // a training-only intercept, never active when scoring
      s.rows.push_back(static_cast<uint32_t>(feature_key('w', fnv1a64(e.source)) & (spec.num_buckets() - 1)));
      s.values.push_back(1.0f);
    }
    s.offsets.push_back(s.rows.size());
  }
  return s;
}

// Prior weights of the dense rows (see the header comment).
Matrix dense_prior() {
  Matrix p = Matrix::Zero(kNumDense, K + 1);
  for (int c = 0; c < K; ++c) {
    p(kDenseLex + c, c) = 1.0f;
    p(kDenseInt + c, c) = 0.5f;
    p(kDenseCue + c, c) = 0.5f;
    p(kDenseLast + c, c) = 0.5f;
  }
  p(kDenseNeg + 0, 3) = 1.0f;  // lexneg:constructive -> critical
  p(kDenseNeg + 1, 3) = 0.5f;  // lexneg:pragmatic -> critical
  p(kDenseNeg + 3, 2) = 0.5f;  // lexneg:critical -> neutral
  p(kDenseCoop, K) = 0.5f;     // lex:coop -> coop
  return p;
}

// Prior of every row (targets of the L2 pull) and its L2 multiplier.
struct Priors {
  Matrix target;
  std::vector<float> l2_scale;
};

// Adds `sign` · a polarity prior of strength `v` (> 0 constructive) to row `key`.
void add_word_prior(uint64_t key, float v, const HashSpec& spec, std::vector<std::pair<uint32_t, Eigen::Matrix<float, 1, K + 1>>>& out) {
  float sign = (spec.signed_hashing && (key >> 63)) ? -1.0f : 1.0f;
  Eigen::Matrix<float, 1, K + 1> t = Eigen::Matrix<float, 1, K + 1>::Zero();
  t[0] = 0.5f * v * sign;
  t[K - 1] = -0.5f * v * sign;
  t[K] = 0.5f * v * sign;
  out.emplace_back(static_cast<uint32_t>(key & (spec.num_buckets() - 1)), t);
}

Priors make_priors(const std::vector<Example>& ex, const HashSpec& spec, const TrainSettings& s) {
  uint32_t rows = spec.num_buckets() + kNumDense;
  Priors p{Matrix::Zero(rows, K + 1), std::vector<float>(rows, 1.0f)};
  p.target.bottomRows(kNumDense) = dense_prior();
  for (uint32_t r = spec.num_buckets(); r < rows; ++r) p.l2_scale[r] = s.dense_l2_scale;
  if (s.prior_strength <= 0) return p;
  std::vector<std::pair<uint32_t, Eigen::Matrix<float, 1, K + 1>>> items;
  for (const Example& e : ex) {
    if (!e.word_only) continue;
    float v = s.prior_strength * e.coop * 10.0f / 4.0f;  // coop is valence / 10: ±4 maps to ±strength
    if (!e.cue.empty()) { add_word_prior(feature_key('q', fnv1a64(e.cue)), v, spec, items); continue; }
    uint64_t t = fnv1a64(e.text);
    add_word_prior(feature_key('u', t), v, spec, items);
    add_word_prior(feature_key('n', t), -s.prior_negated * v, spec, items);
    if (s.prior_prefix > 0 && e.text.size() > kPrefixBytes) {
      uint64_t pt = fnv1a64(std::string_view(e.text).substr(0, prefix_bytes(e.text)));
      add_word_prior(feature_key('p', pt), s.prior_prefix * v, spec, items);
      add_word_prior(feature_key('m', pt), -s.prior_negated * s.prior_prefix * v, spec, items);
    }
    if (s.prior_final > 0) {
      add_word_prior(feature_key('l', t), s.prior_final * v, spec, items);
      add_word_prior(feature_key('o', t), -s.prior_negated * s.prior_final * v, spec, items);
    }
  }
  std::vector<int> count(rows, 0);
  for (const auto& [r, t] : items) { p.target.row(r) += t; ++count[r]; }
  for (uint32_t r = 0; r < spec.num_buckets(); ++r)
    if (count[r]) { p.target.row(r) /= static_cast<float>(count[r]); p.l2_scale[r] = s.prior_l2_scale; }
  return p;
}

// Adds beta times the multinomial naive Bayes weights of every hashed row
// seen in a (non-word-list) example to the prior: log P(row | class) with
// add-one smoothing, centred across classes, signed like the row's
// features. The logistic regression then starts at, and is pulled towards,
// naive Bayes (as NBSVM interpolates towards it; Wang & Manning 2012).
void add_nb_prior(Priors& p, const SparseSet& d, const std::vector<Example>& ex, const HashSpec& spec, float beta,
                  const std::string& only) {
  const uint32_t nb = spec.num_buckets();
  Eigen::Matrix<float, Eigen::Dynamic, K, Eigen::RowMajor> n = Eigen::Matrix<float, Eigen::Dynamic, K, Eigen::RowMajor>::Zero(nb, K);
  std::vector<float> sign(nb, 0.0f);
  for (size_t i = 0; i < ex.size(); ++i) {
    if (ex[i].word_only || (!only.empty() && ex[i].source != only)) continue;
    for (size_t f = d.offsets[i]; f < d.offsets[i + 1]; ++f) {
      if (d.rows[f] >= nb) continue;
      n(d.rows[f], ex[i].label) += 1.0f;
      sign[d.rows[f]] += d.values[f];
    }
  }
  Eigen::Matrix<float, 1, K> total = n.colwise().sum();
  float active = 0;
  for (uint32_t r = 0; r < nb; ++r) active += n.row(r).sum() > 0 ? 1.0f : 0.0f;
  for (uint32_t r = 0; r < nb; ++r) {
    if (n.row(r).sum() == 0) continue;
    Eigen::Matrix<float, 1, K> lp;
    for (int c = 0; c < K; ++c) lp[c] = std::log((n(r, c) + 1.0f) / (total[c] + active));
    lp.array() -= lp.mean();
    p.target.row(r).head<K>() += beta * (sign[r] < 0 ? -1.0f : 1.0f) * lp;
  }
}

// NBSVM-style scale of every hashed row (TrainSettings::nb_scale); 1 for
// rows with a prior and for unseen rows.
std::vector<float> nb_scales(const Priors& p, const SparseSet& d, const std::vector<Example>& ex, const HashSpec& spec,
                             float beta, const std::string& only) {
  const uint32_t nb = spec.num_buckets();
  Eigen::Matrix<float, Eigen::Dynamic, K, Eigen::RowMajor> n = Eigen::Matrix<float, Eigen::Dynamic, K, Eigen::RowMajor>::Zero(nb, K);
  for (size_t i = 0; i < ex.size(); ++i) {
    if (ex[i].word_only || (!only.empty() && ex[i].source != only)) continue;
    for (size_t f = d.offsets[i]; f < d.offsets[i + 1]; ++f)
      if (d.rows[f] < nb) n(d.rows[f], ex[i].label) += 1.0f;
  }
  Eigen::Matrix<float, 1, K> total = n.colwise().sum();
  std::vector<int> present;
  for (int c = 0; c < K; ++c) if (total[c] > 0) present.push_back(c);
  float active = 0;
  for (uint32_t r = 0; r < nb; ++r) active += n.row(r).sum() > 0 ? 1.0f : 0.0f;
  std::vector<float> m(nb, 0.0f);
  double sum = 0;
  size_t cnt = 0;
  for (uint32_t r = 0; r < nb; ++r) {
    if (n.row(r).sum() == 0 || p.target.row(r).squaredNorm() > 0) continue;
    std::vector<float> lp;
    float mean = 0;
    for (int c : present) { lp.push_back(std::log((n(r, c) + 1.0f) / (total[c] + active))); mean += lp.back(); }
    mean /= static_cast<float>(lp.size());
    for (float v : lp) m[r] = std::max(m[r], std::fabs(v - mean));
    sum += m[r];
    ++cnt;
  }
  std::vector<float> scale(nb, 1.0f);
  if (cnt == 0) return scale;
  float avg = static_cast<float>(sum / static_cast<double>(cnt));
  for (uint32_t r = 0; r < nb; ++r)
    if (m[r] > 0) scale[r] = std::pow(m[r] / avg, beta);
  return scale;
}

class Sgd {
 public:
  Sgd(const Priors& priors, const TrainSettings& s)
      : w_(priors.target), g_(Matrix::Constant(w_.rows(), K + 1, kEps)), s_(s), prior_(priors) {}
  void step(const SparseSet& d, size_t i, int label, float coop, float weight);
  void accumulate_average();
  void finish_average();
  Matrix& weights() { return w_; }
  Eigen::Matrix<float, 1, K + 1>& bias() { return b_; }

 private:
  void update(uint32_t row, const float* grad, float value);
  Matrix w_, g_, sum_w_;
  Eigen::Matrix<float, 1, K + 1> b_ = Eigen::Matrix<float, 1, K + 1>::Zero();
  Eigen::Matrix<float, 1, K + 1> bg_ = Eigen::Matrix<float, 1, K + 1>::Constant(kEps);
  Eigen::Matrix<float, 1, K + 1> sum_b_ = Eigen::Matrix<float, 1, K + 1>::Zero();
  uint32_t averaged_ = 0;
  const TrainSettings& s_;
  Priors prior_;
};

void Sgd::update(uint32_t row, const float* grad, float value) {
  const float l2 = s_.l2 * prior_.l2_scale[row];
  for (int j = 0; j <= K; ++j) {
    float gr = grad[j] * value + l2 * (w_(row, j) - prior_.target(row, j));
    g_(row, j) += gr * gr;
    w_(row, j) -= s_.learning_rate * gr / std::sqrt(g_(row, j));
  }
}

void Sgd::accumulate_average() {
  if (averaged_++ == 0) { sum_w_ = w_; sum_b_ = b_; return; }
  sum_w_ += w_;
  sum_b_ += b_;
}

void Sgd::finish_average() {
  if (averaged_ == 0) return;
  w_ = sum_w_ / static_cast<float>(averaged_);
  b_ = sum_b_ / static_cast<float>(averaged_);
}

void Sgd::step(const SparseSet& d, size_t i, int label, float coop, float weight) {
  Eigen::Matrix<float, 1, K + 1> z = b_;
  for (size_t f = d.offsets[i]; f < d.offsets[i + 1]; ++f) z += d.values[f] * w_.row(d.rows[f]);
  Eigen::Matrix<float, 1, K> p = (z.head<K>().array() - z.head<K>().maxCoeff()).exp().matrix();
  p /= p.sum();
  float grad[K + 1];
  for (int c = 0; c < K; ++c) grad[c] = weight * (p[c] - (c == label ? 1.0f : 0.0f));
  float t = std::tanh(z[K]);
  grad[K] = weight * (t - coop) * (1 - t * t);
  for (size_t f = d.offsets[i]; f < d.offsets[i + 1]; ++f) update(d.rows[f], grad, d.values[f]);
  for (int j = 0; j <= K; ++j) {
    bg_[j] += grad[j] * grad[j];
    b_[j] -= s_.learning_rate * grad[j] / std::sqrt(bg_[j]);
  }
}

// Deterministic Fisher–Yates (std::shuffle's algorithm is unspecified).
void shuffle(std::vector<uint32_t>& v, std::mt19937_64& rng) {
  for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng() % i]);
}

float source_weight(const TrainSettings& s, const std::string& src) {
  auto it = s.source_weights.find(src);
  return it == s.source_weights.end() ? 1.0f : it->second;
}

// Loss weight of every example: its source's weight, times the class-balance
// factor n_source / (classes_in_source · n_source_class) when enabled.
std::vector<float> example_weights(const std::vector<Example>& ex, const TrainSettings& s) {
  std::map<std::string, std::array<double, K>> counts;
  for (const Example& e : ex) counts[e.source][static_cast<size_t>(e.label)] += 1;
  std::vector<float> w(ex.size());
  for (size_t i = 0; i < ex.size(); ++i) {
    w[i] = source_weight(s, ex[i].source);
    if (s.nyt_margin > 0 && ex[i].source == "nyt")
      w[i] *= std::clamp(std::fabs(ex[i].coop) * 5.0f / s.nyt_margin, s.nyt_margin_floor, 1.0f);
    if (!s.class_balance) continue;
    const auto& c = counts[ex[i].source];
    double n = 0, present = 0;
    for (double v : c) { n += v; present += v > 0; }
    w[i] *= static_cast<float>(n / (present * c[static_cast<size_t>(ex[i].label)]));
  }
  return w;
}

// Builds the file message from trained weights (rows centred, pruned).
ToneModelFile to_file(Sgd& sgd, const TrainingSet& set, const TrainSettings& s) {
  ToneModelFile f;
  f.set_format_version(kFormatVersion);
  for (auto c : kRegisterClassNames) f.add_class_names(std::string(c));
  *f.mutable_features() = current_feature_spec(s.bucket_bits);
  f.set_feature_fingerprint(fingerprint_of(f));
  Matrix& w = sgd.weights();
  auto& b = sgd.bias();
  float mean = b.head<K>().mean();
  for (int c = 0; c < K; ++c) f.add_class_bias(b[c] - mean + (c == 2 ? s.neutral_bias : 0.0f));
  f.set_coop_bias(b[K]);
  for (Eigen::Index r = 0; r < w.rows(); ++r) {
    w.row(r).head<K>().array() -= w.row(r).head<K>().mean();
    if (w.row(r).cwiseAbs().maxCoeff() < s.prune_below) continue;
    WeightRow* row = f.add_rows();
    row->set_index(static_cast<uint32_t>(r));
    for (int j = 0; j <= K; ++j) row->add_values(w(r, j));
  }
  TrainingSettings* ts = f.mutable_training();
  ts->set_seed(s.seed);
  ts->set_epochs(s.epochs);
  ts->set_learning_rate(s.learning_rate);
  ts->set_l2(s.l2);
  ts->set_prune_below(s.prune_below);
  for (const auto& [k, v] : s.source_weights) {
    SourceWeight* sw = ts->add_source_weights();
    sw->set_source(k);
    sw->set_weight(v);
  }
  ts->set_num_examples(static_cast<uint32_t>(set.examples.size()));
  ts->set_trainer("quotient train (model/trainer.cpp), AdaGrad SGD, extractor v" + std::to_string(kExtractorVersion) +
                  ", bucket_bits " + std::to_string(s.bucket_bits) + ", prior_strength " + std::to_string(s.prior_strength) +
                  ", prior_negated " + std::to_string(s.prior_negated) + ", prior_final " + std::to_string(s.prior_final) +
                  ", prior_prefix " + std::to_string(s.prior_prefix) + ", prior_l2_scale " +
                  std::to_string(s.prior_l2_scale) + ", dense_l2_scale " + std::to_string(s.dense_l2_scale) +
                  ", weak_examples " + std::to_string(s.weak_examples) + ", average_from " +
                  std::to_string(s.average_from) + ", class_balance " + std::to_string(s.class_balance) +
                  ", runs " + std::to_string(s.runs) + ", nyt_margin " + std::to_string(s.nyt_margin) +
                  ", source_intercepts " + std::to_string(s.source_intercepts) + ", neutral_bias " +
                  std::to_string(s.neutral_bias) + ", nyt_train_band " + std::to_string(s.nyt_train_band) + ", nb_prior " + std::to_string(s.nb_prior) + (s.nb_source.empty() ? "" : " of " + s.nb_source));
  for (const TrainSource& src : set.sources) {
    DataFingerprint* d = f.add_data();
    d->set_name(src.name);
    d->set_path(src.path);
    d->set_fnv1a64(src.fnv1a64);
    d->set_examples(src.examples);
  }
  f.set_tolerance(1e-4f);
  return f;
}

// Scores the self-test sentences with `model` and stores them in `f`.
void fill_self_tests(const ToneModel& model, ToneModelFile& f) {
  ToneScratch scratch;
  for (const auto& [text, cue] : self_test_sentences()) {
    ToneOutput out = model.score({text, cue, {}}, scratch);
    SelfTest* t = f.add_self_tests();
    t->set_text(text);
    t->set_cue_lemma(cue);
    t->set_expected_label(out.label);
    for (const auto& sc : out.scores) t->add_expected_scores(sc.second);
    t->set_expected_coop(out.coop);
  }
}

// One training run: `epochs` passes over a shuffle seeded with `seed`.
void train_run(Sgd& sgd, const SparseSet& data, const std::vector<Example>& examples, const std::vector<float>& weights,
               const TrainSettings& s, uint64_t seed) {
  std::vector<uint32_t> order(examples.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  for (uint32_t epoch = 1; epoch <= s.epochs; ++epoch) {
    shuffle(order, rng);
    for (uint32_t i : order) sgd.step(data, i, examples[i].label, examples[i].coop, weights[i]);
    if (s.average_from > 0 && epoch >= s.average_from) sgd.accumulate_average();
  }
  sgd.finish_average();
}

}  // namespace

std::string TrainSettings::validate() const {
  if (epochs == 0 || epochs > 1000) return "epochs must be in 1..1000";
  if (!(learning_rate > 0) || !(l2 >= 0) || !(prune_below >= 0)) return "learning rate must be > 0, l2 and prune >= 0";
  if (bucket_bits < 18 || bucket_bits > 20) return "bucket bits must be in 18..20";
  if (!(prior_final >= 0) || !(prior_prefix >= 0)) return "final-clause and prefix prior scales must be >= 0";
  if (!(prior_strength >= 0) || !(prior_l2_scale >= 0) || !(dense_l2_scale >= 0)) return "prior strength and L2 scales must be >= 0";
  if (average_from > epochs) return "average_from must be <= epochs";
  if (runs == 0 || runs > 16) return "runs must be in 1..16";
  if (!(nb_scale >= 0)) return "nb_scale must be >= 0";
  for (float k : kind_l2)
    if (!(k >= 0)) return "kind_l2 multipliers must be >= 0";
  return "";
}

const std::vector<std::pair<std::string, std::string>>& self_test_sentences() {
  static const std::vector<std::pair<std::string, std::string>> kTests = {
      {"The talks were constructive.", "say"},
      {"Both sides stressed the need for pragmatic engagement.", ""},
      {"The exercises were not conducive to peace and stability.", "say"},
      {"China continues to persecute and arbitrarily detain the Uighurs.", "add"},
      {"The ministers will meet again next month.", "say"},
      {"We firmly oppose this interference in our internal affairs.", "warn"},
      {"We welcome the warm and fruitful dialogue between our two countries.", "welcome"},
  };
  return kTests;
}

Result<ToneModel> train_model(const TrainingSet& set, const TrainSettings& s) {
  if (std::string err = s.validate(); !err.empty()) return make_error(ErrorCode::kInvalidArgument, err);
  if (set.examples.empty()) return make_error(ErrorCode::kBadData, "no training examples");
  HashSpec spec;
  spec.bucket_bits = s.bucket_bits;
  std::vector<Example> examples;
  for (const Example& e : set.examples)
    if (s.weak_examples || !e.word_only) examples.push_back(e);
  if (s.nyt_train_band >= 0)
    for (Example& e : examples)
      if (e.source == "nyt") {
        float r = e.coop * 5.0f;  // coop = rating / 5 (clamped at |rating| 4)
        e.label = r > s.nyt_train_band ? 0 : r < -s.nyt_train_band ? 3 : 2;
      }
  static_assert(kNumFeatureKinds <= 16, "kinds holds one bit per feature kind in a uint16_t");
  std::vector<uint16_t> kinds;
  SparseSet data = extract_all(examples, spec, s.source_intercepts, &kinds);
  std::vector<float> weights = example_weights(examples, s);
  Priors priors = make_priors(set.examples, spec, s);
  if (s.nb_prior > 0) add_nb_prior(priors, data, examples, spec, s.nb_prior, s.nb_source);
  for (uint32_t r = 0; r < spec.num_buckets(); ++r) {
    if (priors.target.row(r).squaredNorm() > 0 || !kinds[r]) continue;
    float m = 0;
    bool any = false;
    for (unsigned k = 0; k < s.kind_l2.size(); ++k)
      if (kinds[r] >> k & 1) m = std::max(m, s.kind_l2[k]), any = true;
    priors.l2_scale[r] *= any ? m : 1.0f;
  }
  std::vector<float> scale;
  if (s.nb_scale > 0) {
    scale = nb_scales(priors, data, examples, spec, s.nb_scale, s.nb_source);
    for (size_t f = 0; f < data.rows.size(); ++f)
      if (data.rows[f] < spec.num_buckets()) data.values[f] *= scale[data.rows[f]];
  }
  Sgd sgd(priors, s);
  train_run(sgd, data, examples, weights, s, s.seed);
  for (uint32_t r = 1; r < s.runs; ++r) {  // an average of runs over other shuffles
    Sgd other(priors, s);
    train_run(other, data, examples, weights, s, s.seed + r);
    sgd.weights() += other.weights();
    sgd.bias() += other.bias();
  }
  if (s.runs > 1) {
    sgd.weights() /= static_cast<float>(s.runs);
    sgd.bias() /= static_cast<float>(s.runs);
  }
  for (size_t r = 0; r < scale.size(); ++r) sgd.weights().row(static_cast<Eigen::Index>(r)) *= scale[r];
  ToneModelFile f = to_file(sgd, set, s);
  f.set_weights_fnv1a64(weights_checksum(f));
  auto draft = model_from_file(f, "<trained model>", false);
  if (!draft) return draft.status();
  fill_self_tests(draft.value(), f);
  return model_from_file(f, "<trained model>", true);
}

Result<TrainingSet> load_training_set(const TrainPaths& p) {
  TrainingSet set;
  const std::pair<std::string, std::pair<const std::string*, DataFormat>> kInputs[] = {
      {"newsmtsc", {&p.newsmtsc, DataFormat::kNewsMtsc}}, {"nyt", {&p.nyt, DataFormat::kNyt}},
      {"pragmatic", {&p.pragmatic, DataFormat::kLabels}}, {"vader", {&p.vader, DataFormat::kVader}},
      {"afinn", {&p.afinn, DataFormat::kAfinn}},          {"cameo", {&p.cameo, DataFormat::kCameo}}};
  for (const auto& [name, in] : kInputs) {
    const std::string& path = *in.first;
    if (path.empty()) continue;
    auto fp = file_fingerprint(path);
    if (!fp) return fp.status();
    auto ex = read_examples(path, in.second, name);
    if (!ex) return ex.status();
    set.sources.push_back({name, path, fp.value(), ex.value().size()});
    for (auto& e : ex.value()) set.examples.push_back(std::move(e));
  }
  return set;
}

}  // namespace quotient::model
