// compare_records.hpp — quote records for the compare tests.
#ifndef QUOTIENT_TESTS_COMPARE_COMPARE_RECORDS_HPP_
#define QUOTIENT_TESTS_COMPARE_COMPARE_RECORDS_HPP_

#include <string>

#include "quote.pb.h"

namespace quotient::test {

// A SPEECH quote by `speaker` in `doc` with tone `label` (empty: unscored)
// and cooperation score `coop`; scores in the shipped model's class order.
inline QuoteRecord record(const std::string& doc, const std::string& speaker, double coop, const std::string& label) {
  QuoteRecord q;
  q.set_doc_id(doc);
  q.set_index(static_cast<uint32_t>(speaker.size() + (coop < 0 ? 10 : 0)));  // any stable value
  q.set_text("quote by " + speaker + " at " + std::to_string(coop));
  q.set_kind(QuoteRecord::SPEECH);
  q.mutable_speaker()->set_name(speaker);
  q.mutable_speaker()->set_mention(speaker);
  if (label.empty()) return q;
  q.mutable_tone()->set_label(label);
  q.mutable_tone()->set_coop(static_cast<float>(coop));
  for (const char* l : {"constructive", "pragmatic", "neutral", "critical"}) {
    ClassScore* s = q.mutable_tone()->add_scores();
    s->set_label(l);
    s->set_probability(l == label ? 0.7f : 0.1f);
  }
  return q;
}

inline void add_evidence(QuoteRecord* q, const std::string& feature, const std::string& label, float weight) {
  Evidence* e = q->mutable_tone()->add_evidence();
  e->set_feature(feature);
  e->set_label(label);
  e->set_weight(weight);
}

}  // namespace quotient::test

#endif  // QUOTIENT_TESTS_COMPARE_COMPARE_RECORDS_HPP_
