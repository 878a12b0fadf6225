// tone_cv SHARED_DIR SOURCE_DIR [KEY=VALUE...] — an experiment tool, not a
// test: the NYT editorial 5-fold cross-validation of tests/model/shared_test.cpp
// (contiguous folds, every other training source in every fold) with training
// settings from the command line, plus the NewsMTSC devtest_mt macro-F1 of a
// model trained on everything with the same settings.
//
// Keys: seed, epochs, lr, prune, l2, dense_l2, prior, prior_neg, prior_l2, weak (0/1),
// average_from, balance (0/1), bits, w.SOURCE (source weight), nb_scale,
// l2k.K (L2 multiplier of FeatureKind K's hashed rows), and the other keys of apply().
// With grid=KEY:V1,V2,... the value of KEY is chosen per outer fold by an
// inner 4-fold CV on that fold's NYT training folds only (nested CV), so the
// reported number is not tuned on its own test folds.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "model/datasets.hpp"
#include "model/lexicon.hpp"
#include "model/metrics.hpp"
#include "model/trainer.hpp"

namespace qm = quotient::model;

namespace {

bool apply(qm::TrainSettings& s, const std::string& key, const std::string& val) {
  float v = std::strtof(val.c_str(), nullptr);
  if (key == "epochs") s.epochs = static_cast<uint32_t>(v);
  else if (key == "lr") s.learning_rate = v;
  else if (key == "l2") s.l2 = v;
  else if (key == "dense_l2") s.dense_l2_scale = v;
  else if (key == "prior") s.prior_strength = v;
  else if (key == "prior_neg") s.prior_negated = v;
  else if (key == "prior_l2") s.prior_l2_scale = v;
  else if (key == "prior_final") s.prior_final = v;
  else if (key == "prior_prefix") s.prior_prefix = v;
  else if (key == "weak") s.weak_examples = v != 0;
  else if (key == "average_from") s.average_from = static_cast<uint32_t>(v);
  else if (key == "balance") s.class_balance = v != 0;
  else if (key == "margin") s.nyt_margin = v;
  else if (key == "margin_floor") s.nyt_margin_floor = v;
  else if (key == "nyt_band") s.nyt_train_band = v;
  else if (key == "nb") s.nb_prior = v;
  else if (key == "nb_source") s.nb_source = val;
  else if (key == "nb_scale") s.nb_scale = v;
  else if (key.rfind("l2k.", 0) == 0) s.kind_l2.at(std::stoul(key.substr(4))) = v;
  else if (key == "runs") s.runs = static_cast<uint32_t>(v);
  else if (key == "neutral_bias") s.neutral_bias = v;
  else if (key == "intercepts") s.source_intercepts = v != 0;
  else if (key == "bits") s.bucket_bits = static_cast<uint32_t>(v);
  else if (key == "prune") s.prune_below = v;
  else if (key == "seed") s.seed = std::strtoull(val.c_str(), nullptr, 10);
  else if (key.rfind("w.", 0) == 0) s.source_weights[key.substr(2)] = v;
  else return false;
  return true;
}

// Weighted-F1 (3 classes) of `k`-fold contiguous CV over `nyt`, each fold
// trained with `base` plus the other folds.
double cv(const qm::TrainingSet& base, const std::vector<qm::Example>& nyt, uint32_t k, const qm::TrainSettings& s,
          qm::Confusion* out) {
  qm::Confusion pooled(qm::three_class_names());
  qm::ToneScratch scratch;
  for (uint32_t f = 0; f < k; ++f) {
    qm::TrainingSet set = base;
    std::vector<size_t> test;
    for (size_t i = 0; i < nyt.size(); ++i)
      (qm::cv_fold(i, nyt.size(), k) == f ? test.push_back(i) : set.examples.push_back(nyt[i]));
    auto m = qm::train_model(set, s);
    if (!m) { std::fprintf(stderr, "%s\n", m.status().to_string().c_str()); std::exit(1); }
    for (size_t i : test)
      pooled.add(qm::to_three_class(nyt[i].label),
                 qm::to_three_class(qm::register_class_index(m.value().score({nyt[i].text, nyt[i].cue, nyt[i].masked, false}, scratch).label)));
  }
  if (out) *out = pooled;
  return pooled.weighted_f1();
}

// Crude lemma of a gold cue word (said -> say, stressed -> stress), as in shared_test.cpp.
std::string lemma(std::string w) {
  if (w == "said") return "say";
  auto vowel = [](char c) { return std::string("aeiou").find(c) != std::string::npos; };
  for (std::string suf : {"ing", "ed", "s"}) {
    if (w.size() <= suf.size() + 2 || w.compare(w.size() - suf.size(), suf.size(), suf) != 0) continue;
    std::string s = w.substr(0, w.size() - suf.size());
    size_t n = s.size();
    if (suf != "s" && !vowel(s[n - 1]) && vowel(s[n - 2]) && !vowel(s[n - 3])) s += 'e';
    return s;
  }
  return w;
}

// Speech quotes of a gold file (the gold quote text and cue, not the
// pipeline's) whose tone is one of the gold's acceptable labels.
void gold_tones(const qm::ToneModel& m, const std::string& path) {
  std::ifstream in(path);
  qm::ToneScratch scratch;
  int n = 0, ok = 0;
  for (std::string line; std::getline(in, line);) {
    google::protobuf::Struct obj;
    if (!google::protobuf::util::JsonStringToMessage(line, &obj).ok()) continue;
    const auto& f = obj.fields();
    if (f.at("kind").string_value() != "speech" || !f.at("tone").has_list_value()) continue;
    std::string cue = f.at("cue").has_string_value() ? lemma(f.at("cue").string_value()) : "";
    std::string label = m.score({f.at("quote").string_value(), cue, {}}, scratch).label;
    bool hit = false;
    for (const auto& v : f.at("tone").list_value().values()) hit |= v.string_value() == label;
    n++;
    ok += hit;
  }
  std::printf("  %s: %d/%d gold speech quotes get an acceptable tone\n", path.c_str(), ok, n);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) { std::fprintf(stderr, "usage: tone_cv SHARED_DIR SOURCE_DIR [KEY=VALUE...] [grid=KEY:V1,V2]\n"); return 2; }
  std::string t = std::string(argv[1]) + "/tone/";
  qm::TrainPaths paths{t + "newsmtsc/train.jsonl", "", std::string(argv[2]) + "/data/tone/pragmatic_train.tsv",
                       t + "vader/vader_lexicon.txt", t + "afinn/AFINN-en-165.txt", t + "cameo/verbs_goldstein.tsv"};
  qm::TrainSettings s;
  std::string grid_key, save;
  std::vector<std::string> gold_files;
  std::vector<std::string> grid;
  for (int a = 3; a < argc; ++a) {
    std::string arg = argv[a];
    size_t eq = arg.find('=');
    if (eq == std::string::npos) { std::fprintf(stderr, "bad argument %s\n", arg.c_str()); return 2; }
    std::string key = arg.substr(0, eq), val = arg.substr(eq + 1);
    if (key == "save") { save = val; continue; }
    if (key == "gold") { gold_files.push_back(val); continue; }
    if (key == "grid") {
      size_t colon = val.find(':');
      grid_key = val.substr(0, colon);
      for (size_t b = colon + 1, e; b <= val.size(); b = e + 1) {
        e = val.find(',', b);
        if (e == std::string::npos) e = val.size();
        grid.push_back(val.substr(b, e - b));
      }
      continue;
    }
    if (!apply(s, key, val)) { std::fprintf(stderr, "unknown key %s\n", key.c_str()); return 2; }
  }
  auto base = qm::load_training_set(paths);
  auto nyt = qm::read_examples(t + "vader/nyt_editorial_train.tsv", qm::DataFormat::kNyt, "nyt");
  auto dev = qm::read_examples(t + "newsmtsc/devtest_mt.jsonl", qm::DataFormat::kNewsMtsc, "dev");
  if (!base || !nyt || !dev) { std::fprintf(stderr, "cannot read the shared data under %s\n", t.c_str()); return 1; }
  qm::Confusion pooled(qm::three_class_names());
  if (grid.empty()) {
    cv(base.value(), nyt.value(), 5, s, &pooled);
  } else {
    qm::ToneScratch scratch;
    const auto& all = nyt.value();
    for (uint32_t f = 0; f < 5; ++f) {
      std::vector<qm::Example> inner;
      std::vector<size_t> test;
      for (size_t i = 0; i < all.size(); ++i) (qm::cv_fold(i, all.size(), 5) == f ? test.push_back(i) : inner.push_back(all[i]));
      double best = -1;
      qm::TrainSettings chosen = s;
      for (const auto& v : grid) {
        qm::TrainSettings c = s;
        apply(c, grid_key, v);
        double score = cv(base.value(), inner, 4, c, nullptr);
        std::printf("  fold %u: %s=%s inner weighted_f1=%.4f\n", f + 1, grid_key.c_str(), v.c_str(), score);
        if (score > best) { best = score; chosen = c; }
      }
      qm::TrainingSet set = base.value();
      set.examples.insert(set.examples.end(), inner.begin(), inner.end());
      auto m = qm::train_model(set, chosen);
      if (!m) return 1;
      for (size_t i : test)
        pooled.add(qm::to_three_class(all[i].label),
                   qm::to_three_class(qm::register_class_index(m.value().score({all[i].text, all[i].cue, all[i].masked, false}, scratch).label)));
    }
  }
  qm::TrainingSet full = base.value();
  for (const auto& e : nyt.value()) full.examples.push_back(e);
  auto m = qm::train_model(full, s);
  if (!m) return 1;
  if (!save.empty() && !m.value().save(save).ok()) return 1;
  for (const auto& g : gold_files) gold_tones(m.value(), g);
  qm::Confusion dc(qm::three_class_names());
  qm::ToneScratch scratch;
  for (const auto& e : dev.value())
    dc.add(qm::to_three_class(e.label),
           qm::to_three_class(qm::register_class_index(m.value().score({e.text, e.cue, e.masked, false}, scratch).label)));
  std::printf("%s", pooled.report().c_str());
  std::printf("NYT 5-fold weighted_f1=%.4f macro_f1=%.4f acc=%.4f | devtest macro_f1=%.4f\n", pooled.weighted_f1(),
              pooled.macro_f1(), pooled.accuracy(), dc.macro_f1());
  return 0;
}
