// features.hpp — turns one quote into sparse tone features.
//
// Hashed features (keys derived from each token's FNV-1a 64 hash, see
// hash.hpp; the low bucket_bits bits pick the bucket, bit 63 the sign when
// signed hashing is on):
//   u  unigram outside negation scope      "conducive"
//   n  unigram inside negation scope       NOT(conducive)
//   b  bigram within a clause ("<s>" starts it)   "not conducive"
//   c  unigram inside contrast scope (after but/however/yet to sentence end)
//   i  unigram right after an intensifier  VERY(concerned)
//   p  first 6 bytes of a longer word, cut back to a whole character  critic*  (m inside negation scope)
//   q  the cue lemma                        cue:warn
//   l  unigram in the final clause of a quote with more than one clause
//      (o inside negation scope)           FINAL(persecute)
// Negation scope runs from a negator (not, never, no, n't, without, ...) to
// the next clause punctuation or contrast word.
// Dense features (rows num_buckets + j) count register-lexicon hits per class:
// plain, negated, intensified, the cue's own class, a coop prior sum, the
// number of negators, a short-quote indicator and the plain hits in the final
// clause. See dense_feature_names().
// The final clause starts after the last clause punctuation, contrast word
// (but, however, ...) or clause opener (that, because, ...) that has a word
// before it: "We stand firm, and we are clear that X continues to persecute"
// -> FINAL(x) FINAL(continues) FINAL(to) FINAL(persecute), so what a
// speaker says last can outweigh a positive opening.
//
//   FeatureBuffers buf;
//   extract_features({text, cue, masks}, spec, Lexicon::builtin(), buf);
//   for (const Feature& f : buf.features) logit += f.value * w[f.row];
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon.hpp"
#include "tokenizer.hpp"

namespace quotient::model {

// Version of the rules in tokenizer.hpp and this file; stored in model files.
inline constexpr uint32_t kExtractorVersion = 3;
inline constexpr int kNumDense = 23;
static_assert(kNumDense <= 32, "FeatureBuffers::dense_rows has a bit per dense row");
// Where each group of dense rows starts: lex:<class>, lexneg:<class>,
// lexint:<class> and cue:<class> (one row per class each), lex:coop, the
// negator count, the short-quote indicator, lexfinal:<class>.
inline constexpr int kDenseLex = 0, kDenseNeg = 4, kDenseInt = 8, kDenseCue = 12;
inline constexpr int kDenseCoop = 16, kDenseNegators = 17, kDenseShort = 18, kDenseLast = 19;
inline constexpr uint32_t kDenseShortIndex = kDenseShort;

// The dense feature names, in row order (lex:<class>, lexneg:<class>,
// lexint:<class>, cue:<class>, lex:coop, negators, short).
const std::vector<std::string>& dense_feature_names();

// Hashing parameters (from the model file).
struct HashSpec {
  uint32_t bucket_bits = 18;
  bool signed_hashing = true;
  float hashed_scale = 1.0f;
  uint32_t num_buckets() const { return 1u << bucket_bits; }
};

enum class FeatureKind : uint8_t { kUnigram, kNegated, kBigram, kContrast, kIntensified, kCue, kDense, kPrefix, kFinalClause };
inline constexpr size_t kNumFeatureKinds = static_cast<size_t>(FeatureKind::kFinalClause) + 1;
// One active feature. `token` indexes FeatureBuffers::tokens.tokens (for
// kDense: the dense index), used only to name the feature for evidence.
struct Feature {
  uint32_t row = 0;
  float value = 0;
  FeatureKind kind = FeatureKind::kUnigram;
  uint32_t token = 0;
};

// The features of one quote: a vector-like view of the first size() slots of
// a buffer that only grows. The extractor writes each feature in place
// (no push_back() with its capacity test and its end pointer kept in
// memory) into room for the most features the quote can have, then sets the
// size; the buffer is not shrunk, so the room is initialised once, not per
// quote.
class FeatureList {
 public:
  const Feature* begin() const { return storage_.data(); }
  const Feature* end() const { return storage_.data() + size_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const Feature& operator[](size_t i) const { return storage_[i]; }

  // Empties the list and makes room for n features; returns where they go.
  Feature* room(size_t n) {
    size_ = 0;
    if (storage_.size() < n) storage_.resize(n);
    return storage_.data();
  }
  // The first n features written into room() are the list. Precondition: n <= the room.
  void set_size(size_t n) { size_ = n; }

 private:
  std::vector<Feature> storage_;
  size_t size_ = 0;
};

// Input to the extractor; mirrors ToneInput.
struct FeatureInput {
  std::string_view text;
  std::string_view cue_lemma;
  const std::vector<std::pair<uint32_t, uint32_t>>* masked = nullptr;
};

// Per-thread buffers, reused across calls.
struct FeatureBuffers {
  TokenBuffer tokens;
  std::vector<uint8_t> scope;        // kScope* bits per token
  std::vector<const TokenInfo*> info;  // lexicon info per word token, or nullptr
  std::vector<uint32_t> known;       // the word tokens with lexicon info, in order
  FeatureList features;
  std::array<float, kNumDense> dense{};
  std::array<int, kNumDense> dense_entry{};  // first lexicon entry behind each dense value, or -1
  uint32_t dense_rows = 0;           // bit j: add_dense() touched dense[j]
  std::string cue;                   // lower-cased cue lemma
  uint32_t final_clause = 0;         // first token of the final clause (tokens.size() if one clause)
  // Optional: the packed weight table the features will be looked up in
  // (weight_table.hpp: bucket r's home slot at prefetch_base +
  // table_home(r, prefetch_shift) * prefetch_slot_bytes). When set, each
  // hashed row's home slot is prefetched as soon as it is known, so its cache
  // miss overlaps the rest of the extraction.
  const char* prefetch_base = nullptr;
  uint32_t prefetch_slot_bytes = 0;
  uint32_t prefetch_shift = 32;
};

// Fills buf.features for `in`. Postcondition: every row < num_buckets + kNumDense.
void extract_features(const FeatureInput& in, const HashSpec& spec, const Lexicon& lex,
                      FeatureBuffers& buf);

// Human-readable name of a feature for evidence, e.g. "not conducive".
std::string feature_name(const Feature& f, const FeatureBuffers& buf, const Lexicon& lex);
// The same, appended to `out` (no temporaries).
void append_feature_name(const Feature& f, const FeatureBuffers& buf, const Lexicon& lex, std::string& out);

}  // namespace quotient::model
