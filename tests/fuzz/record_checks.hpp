// record_checks.hpp — invariants of the records the pipeline writes, and the
// direct JSON writer against protobuf's printer (shared by the analyze and
// the pb-stream fuzz targets).
#ifndef QUOTIENT_TESTS_FUZZ_RECORD_CHECKS_HPP_
#define QUOTIENT_TESTS_FUZZ_RECORD_CHECKS_HPP_

#include <google/protobuf/util/json_util.h>

#include <cmath>
#include <string>

#include "fuzz_util.hpp"
#include "json_writer.hpp"
#include "quote.pb.h"

namespace quotient::fuzz {

// True when `span` lies inside `text` and its bytes are `expected`.
inline bool span_text_is(const std::string& text, const Span& span, const std::string& expected) {
  if (span.begin() > span.end() || span.end() > text.size()) return false;
  return text.compare(span.begin(), span.end() - span.begin(), expected) == 0;
}

// Every record of an analyzed document indexes the untouched text, and the
// result survives a protobuf round trip (-f pb can be read back).
inline void check_result_against_text(const DocumentResult& r, const std::string& text) {
  for (int i = 0; i < r.quotes_size(); ++i) {
    const QuoteRecord& q = r.quotes(i);
    FUZZ_CHECK(q.index() == static_cast<uint32_t>(i));
    FUZZ_CHECK(span_text_is(text, q.span(), q.text()));
    if (q.has_speaker() && !q.speaker().mention().empty())
      FUZZ_CHECK(span_text_is(text, q.speaker().mention_span(), q.speaker().mention()));
    if (q.has_cue()) FUZZ_CHECK(span_text_is(text, q.cue().span(), q.cue().text()));
    if (q.has_tone()) {
      const Tone& t = q.tone();
      float sum = 0;
      for (const ClassScore& s : t.scores()) sum += s.probability();
      FUZZ_CHECK(std::fabs(sum - 1.0f) < 1e-3f);
      FUZZ_CHECK(std::isfinite(t.coop()) && t.coop() >= -1 && t.coop() <= 1);
    }
  }
  for (const Diagnostic& d : r.diagnostics()) FUZZ_CHECK(d.offset() <= text.size());
  DocumentResult back;  // every string valid UTF-8: protobuf refuses to read back one that is not
  FUZZ_CHECK(back.ParseFromString(r.SerializeAsString()));
}

template <typename Message>
bool protobuf_json(const Message& m, std::string* out) {
  google::protobuf::util::JsonPrintOptions o;
  o.preserve_proto_field_names = true;
  o.always_print_primitive_fields = true;
  return google::protobuf::util::MessageToJsonString(m, out, o).ok();
}

// json_writer.hpp promises protobuf's bytes exactly; check it where
// protobuf can print the message at all.
template <typename Message>
void check_json_matches_protobuf(const Message& m) {
  std::string expected, direct;
  if (!protobuf_json(m, &expected)) return;
  append_json(direct, m);
  if (direct != expected) {
    std::fprintf(stderr, "protobuf: %s\ndirect:   %s\n", expected.c_str(), direct.c_str());
    FUZZ_CHECK(direct == expected);
  }
}

}  // namespace quotient::fuzz

#endif  // QUOTIENT_TESTS_FUZZ_RECORD_CHECKS_HPP_
