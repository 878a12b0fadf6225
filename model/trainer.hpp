// trainer.hpp — trains the tone model: multinomial logistic regression over
// the register classes plus a tanh regression head for coop, sharing one
// sparse feature vector per example.
//
// The optimiser is AdaGrad SGD over a fixed-seed shuffle (mt19937_64 with our
// own Fisher–Yates), single-threaded, so the same data and settings give a
// byte-identical model file on the same build. Dense lexicon features are
// pulled (L2) towards a prior that maps each lexicon class to itself and a
// negated constructive/pragmatic phrase to critical; the unigram rows of the
// weak-supervision words (VADER, AFINN, CAMEO) start at and are pulled
// towards their lexicon polarity (see prior_strength); other hashed features
// towards 0.
//
//   auto set = load_training_set(TrainPaths{...});
//   auto model = train_model(set.value(), TrainSettings{});
//   model.value().save("model/tone.qtm");
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "datasets.hpp"
#include "features.hpp"
#include "tone_model.hpp"

namespace quotient::model {

// Inputs to the shipped model. Empty paths are skipped (except `pragmatic`).
struct TrainPaths {
  std::string newsmtsc;   // ../shared/tone/newsmtsc/train.jsonl
  std::string nyt;        // ../shared/tone/vader/nyt_editorial_train.tsv
  std::string pragmatic;  // data/tone/pragmatic_train.tsv (ours)
  std::string vader;      // ../shared/tone/vader/vader_lexicon.txt (weak supervision)
  std::string afinn;      // ../shared/tone/afinn/AFINN-en-165.txt (weak supervision)
  std::string cameo;      // ../shared/tone/cameo/verbs_goldstein.tsv (weak supervision)
};

struct TrainSource {
  std::string name, path;
  uint64_t fnv1a64 = 0;
  uint64_t examples = 0;
};

struct TrainingSet {
  std::vector<Example> examples;
  std::vector<TrainSource> sources;
};

struct TrainSettings {
  uint64_t seed = 20240611;
  uint32_t epochs = 10;
  float learning_rate = 0.05f;
  float l2 = 1e-5f;
  float dense_l2_scale = 1000.0f;  // dense rows get l2 * this, towards their prior
  float prune_below = 1e-3f;
  uint32_t bucket_bits = 20;  // 2^18 collided enough to cost ~0.015 NYT weighted-F1
  // Example weight per source name; 1 when absent.
  std::map<std::string, float> source_weights = {
      {"pragmatic", 6.0f}, {"vader", 0.3f}, {"afinn", 0.3f}, {"cameo", 0.3f}};
  // Lexicon priors: the weak-supervision words (VADER, AFINN, CAMEO) set a
  // prior for their own unigram (or cue) row, coop · prior_strength towards
  // constructive (coop > 0) or critical, and −prior_negated times that for
  // the negated row; those rows are pulled (L2 · prior_l2_scale) towards the
  // prior instead of 0. 0 turns priors off.
  float prior_strength = 1.0f;
  float prior_negated = 0.5f;
  float prior_l2_scale = 1.0f;
  // The same prior, times this, for the word's final-clause rows
  // (features.hpp 'l'/'o'); 0 leaves them at 0.
  float prior_final = 1.0f;
  // The same prior, times this, for the prefix rows of words longer than
  // kPrefixBytes ('p'/'m'; averaged over the words that share a prefix).
  float prior_prefix = 0.0f;
  // Whether weak-supervision words are also training examples.
  bool weak_examples = true;
  // Polyak averaging: when > 0, the model is the mean of the iterates at the
  // end of epochs average_from..epochs (1-based); 0 keeps the last iterate.
  uint32_t average_from = 0;
  // Weights each example by n_source / (classes_in_source · n_source_class).
  bool class_balance = false;
  // NYT rows with |rating| < nyt_margin (on the -4..4 scale) get weight
  // max(nyt_margin_floor, |rating| / nyt_margin): ratings near the class
  // boundaries are the least certain labels. 0 turns it off.
  float nyt_margin = 0.0f;
  float nyt_margin_floor = 0.2f;
  // Every source except "nyt" gets a training-only intercept row of its own
  // (as word lists always do), so its class balance does not set the bias.
  bool source_intercepts = false;
  // Added to the neutral class's bias of the trained model (logit units):
  // a calibration of how often neutral wins. 0 leaves the trained bias.
  float neutral_bias = 0.0f;
  // The model is the mean of `runs` training runs with seeds seed, seed + 1,
  // ... (a linear model: the same as averaging their logits).
  uint32_t runs = 1;
  // When >= 0: NYT rows are relabelled for training with this neutral band
  // on the -4..4 rating (|rating| <= band neutral) instead of kNytNeutralBand.
  // Evaluation keeps kNytNeutralBand. -1 (default) leaves the labels.
  float nyt_train_band = -1.0f;
  // Strength of a naive Bayes prior for every hashed row (see trainer.cpp
  // add_nb_prior); 0 turns it off.
  float nb_prior = 0.0f;
  std::string nb_source;  // count only this source's examples for it ("" = all)
  // NBSVM-style feature scaling (Wang & Manning 2012): when > 0, every hashed
  // row without a lexicon prior has its feature values scaled during training
  // by s_r = (m_r / mean m)^nb_scale, m_r = the largest |centred log-count
  // ratio| of the row over the classes (add-one smoothing, counted like
  // nb_prior), and its trained weights multiplied by s_r in the file (so the
  // scorer is unchanged). With AdaGrad this is a per-row step size ~ s_r.
  float nb_scale = 0.0f;
  // Per feature kind L2 multiplier for hashed rows without a prior (index:
  // FeatureKind); a row seen in several kinds takes the largest.
  std::array<float, kNumFeatureKinds> kind_l2 = [] {
    std::array<float, kNumFeatureKinds> a{};
    a.fill(1.0f);
    return a;
  }();
  // Returns a complaint, or "" when the settings are usable.
  std::string validate() const;
};

// Reads every non-empty path in `paths`; errors name the file and line.
Result<TrainingSet> load_training_set(const TrainPaths& paths);

// Trains on `set` and returns a validated model with self-tests filled in.
Result<ToneModel> train_model(const TrainingSet& set, const TrainSettings& settings);

// The self-test sentences stored in every model file (text, cue lemma).
const std::vector<std::pair<std::string, std::string>>& self_test_sentences();

}  // namespace quotient::model
