// Fuzz target: a length-delimited DocumentResult stream (what `-f pb`
// writes), read the way tests/src/records_test.cpp reads it: varint size,
// PushLimit, ParseFromCodedStream, PopLimit, until the stream ends or a
// message does not parse. Every parsed result must serialize and parse back
// to the same bytes, go through every writer format without harm, and print
// through the direct JSON writer exactly as protobuf prints it.
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <cstddef>
#include <cstdint>

#include "record_checks.hpp"
#include "writers.hpp"

namespace {

void write_all_formats(const quotient::DocumentResult& r) {
  using quotient::Format;
  for (Format f : {Format::kJsonl, Format::kResults, Format::kPb, Format::kTsv, Format::kTable}) {
    auto out = quotient::OutputFile::open("/dev/null");
    quotient::RecordWriter w(f, out.get());
    w.write(r);
    w.finish();
    FUZZ_CHECK(out->commit());
  }
}

void check_result(const quotient::DocumentResult& r) {
  std::string bytes = r.SerializeAsString();
  quotient::DocumentResult back;
  FUZZ_CHECK(back.ParseFromString(bytes));
  FUZZ_CHECK(back.SerializeAsString() == bytes);
  write_all_formats(r);
  quotient::fuzz::check_json_matches_protobuf(r);
  for (const quotient::QuoteRecord& q : r.quotes()) quotient::fuzz::check_json_matches_protobuf(q);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  quotient::fuzz::quiet_protobuf();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  google::protobuf::io::ArrayInputStream raw(data, static_cast<int>(size));
  google::protobuf::io::CodedInputStream in(&raw);
  uint32_t message_size;
  while (in.ReadVarint32(&message_size)) {
    auto limit = in.PushLimit(static_cast<int>(message_size));
    quotient::DocumentResult r;
    bool ok = r.ParseFromCodedStream(&in) && in.ConsumedEntireMessage();
    in.PopLimit(limit);
    if (!ok) break;
    check_result(r);
  }
  return 0;
}
