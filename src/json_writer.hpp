// json_writer.hpp — proto3 JSON for quote records, written directly.
//
// The output is byte for byte what protobuf's MessageToJsonString prints with
// preserve_proto_field_names and always_print_primitive_fields (field order,
// enum names, uint64 as strings, float formatting, string escaping), without
// its reflection: tests/src/json_test.cpp compares the two on many records.
//
//   std::string line;
//   append_json(line, record);  // {"doc_id":"…","index":0,…}
//
// Each call appends to `out` through one cursor: `out` is grown once to an
// estimate of the record's size, written through a raw pointer (every write
// makes sure of its own room), and cut back to what was written.
#ifndef QUOTIENT_SRC_JSON_WRITER_HPP_
#define QUOTIENT_SRC_JSON_WRITER_HPP_

#include <string>
#include <string_view>

#include "quote.pb.h"

namespace quotient {

// Appends `s` (valid UTF-8) as a JSON string literal, quotes included. A
// byte that is not part of valid UTF-8 is written as \ufffd, so the output
// is valid JSON whatever `s` holds.
// Precondition (for all three): no string written lies inside `out`.
void append_json_string(std::string& out, std::string_view s);

void append_json(std::string& out, const QuoteRecord& q);
void append_json(std::string& out, const DocumentResult& r);

}  // namespace quotient

#endif  // QUOTIENT_SRC_JSON_WRITER_HPP_
