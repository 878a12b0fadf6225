// pipeline.hpp — one document in, one DocumentResult out: validate, find
// quotes, attribute them, score their tone.
//
//   PipelineConfig config;                // defaults are sensible
//   Analyzer analyzer(config, tone_model);  // tone_model may be null
//   quotient::DocumentResult r = analyzer.analyze(doc);
//
// analyze() is const and thread-safe: one Analyzer serves every thread.
// Problems with a document never throw; they become its status and
// diagnostics (invalid UTF-8 and NUL bytes: FAILED with the byte offset;
// empty or over the size limit: SKIPPED).
#ifndef QUOTIENT_SRC_PIPELINE_HPP_
#define QUOTIENT_SRC_PIPELINE_HPP_

#include <cstddef>
#include <string>

#include "quote.pb.h"

namespace quotient {

namespace model {
class ToneModel;
}

struct PipelineConfig {
  size_t max_document_bytes = size_t{64} << 20;  // larger documents are SKIPPED
  bool tone = true;       // score SPEECH (and INDIRECT) records when a model is given
  bool indirect = false;  // also emit reported speech without quote marks (INDIRECT)

  // Empty when the configuration is usable, else what is wrong.
  std::string validate() const;
};

class Analyzer {
 public:
  Analyzer(PipelineConfig config, const model::ToneModel* tone);
  DocumentResult analyze(const Document& doc) const;

 private:
  bool admit(const Document& doc, DocumentResult* result) const;
  void score_tone(const Document& doc, QuoteRecord* record) const;

  PipelineConfig config_;
  const model::ToneModel* tone_;
};

}  // namespace quotient

#endif  // QUOTIENT_SRC_PIPELINE_HPP_
