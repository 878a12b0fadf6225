// tone_model.hpp — the tone of a quote: a small, fast, explainable linear model.
//
// ToneModel reads the diplomatic register of a quote and returns one of the
// model's classes (constructive | pragmatic | neutral | critical), a
// probability per class, a cooperation score `coop` in [-1, 1] (Goldstein
// scale / 10) and the features that contributed most to the label.
//
// A ToneModel is immutable after load(); score() is const and thread-safe.
// Scratch buffers live in a ToneScratch owned by the caller, one per thread.
//
//   auto loaded = quotient::model::ToneModel::load(ToneModel::default_path());
//   if (!loaded) { report(loaded.status()); return; }
//   const ToneModel& model = loaded.value();
//   ToneScratch scratch;
//   ToneOutput out = model.score({"The talks were constructive.", "say", {}}, scratch);
//   // out.label == "constructive", out.coop > 0,
//   // out.evidence[0] == {"\"constructive\" (lex:constructive)", "constructive", 1.9}
//
// The feature extractor, the file format and the trainer live next to this
// header (features.hpp, proto/model.proto, trainer.hpp); callers need only this.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "status.hpp"

namespace quotient::model {

// One quote to score. Views must outlive the score() call.
struct ToneInput {
  std::string_view text;       // the quote's inner text (UTF-8)
  std::string_view cue_lemma;  // lemma of the speech cue ("warn", "welcome", "say"), may be empty
  // [begin, end) byte ranges in `text` naming entities (speakers, countries),
  // each scored as one "<ent>" token. Out-of-range or empty ranges are ignored.
  std::vector<std::pair<uint32_t, uint32_t>> masked;
  // Whether score() fills ToneOutput::evidence (naming the top features is
  // about a third of the scoring time; evaluation does not need it).
  bool evidence = true;
};

// One feature's contribution to the label's logit.
struct ToneEvidence {
  std::string feature;  // human-readable, e.g. "not conducive", "NOT(peace)"
  std::string label;    // the class it pushes towards (the predicted label)
  float weight;         // its contribution to that class's logit (> 0)
};

struct ToneOutput {
  std::string label;                                  // constructive|pragmatic|neutral|critical
  std::vector<std::pair<std::string, float>> scores;  // per class, model order, sums to 1
  float coop = 0;                                     // [-1, 1]
  std::vector<ToneEvidence> evidence;                 // top contributors, strongest first (at most 5)
};

// Per-thread scratch buffers for ToneModel::score(). Default-constructible,
// movable; never share one between threads at the same time.
class ToneScratch {
 public:
  ToneScratch();
  ~ToneScratch();
  ToneScratch(ToneScratch&&) noexcept;
  ToneScratch& operator=(ToneScratch&&) noexcept;
  struct Buffers;  // defined in tone_model.cpp

 private:
  friend class ToneModel;
  std::unique_ptr<Buffers> buffers_;
};

class ToneModel {
 public:
  struct Impl;  // defined in model_file.hpp (library-internal)

  // Loads and validates a model file: size limit, protobuf parse,
  // format_version, feature fingerprint (hash, buckets, extractor version,
  // lexicon), weights checksum and the self-test sentences. Errors name the
  // file; codes: kIo (unreadable), kParse (not a model file), kVersion,
  // kFingerprint, kSelfTest, kBadData (inconsistent content).
  static Result<ToneModel> load(const std::string& path);
  // Same, from bytes already in memory; `name` is used in messages.
  static Result<ToneModel> from_bytes(std::string_view bytes, const std::string& name);

  // The shipped model: <exe_dir>/tone.qtm (copied there by the build) or, when
  // installed, <exe_dir>/../share/quotient/tone.qtm; exe_dir comes from
  // /proc/self/exe, never the current directory. Returns the first existing
  // candidate, else the first candidate (so load() reports a useful path).
  static std::string default_path();

  // Scores one quote. Thread-safe; `scratch` must not be used concurrently.
  ToneOutput score(const ToneInput& in, ToneScratch& scratch) const;
  // The same into `out`, reusing its strings and vectors: with one output per
  // thread, scoring allocates nothing once the buffers have grown.
  void score(const ToneInput& in, ToneScratch& scratch, ToneOutput& out) const;

  // Writes the model file to `path` (via `path`.tmp and rename).
  Status save(const std::string& path) const;
  // Serialized model file bytes (deterministic).
  std::string serialize() const;

  const std::vector<std::string>& class_names() const;

  explicit ToneModel(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace quotient::model
