// writers.hpp — DocumentResults out, in the format the user asked for, to a
// file that appears only when complete.
//
//   auto out = OutputFile::open("out.jsonl");   // output_file.hpp: unnamed until commit
//   RecordWriter w(Format::kJsonl, out.get());
//   w.write(result); ...
//   w.finish(); out->commit();                   // out.jsonl appears, complete
//
// Formats:
//   jsonl    one QuoteRecord per line (proto3 JSON, proto field names)
//   results  one DocumentResult per line (every document, with status)
//   pb       length-delimited DocumentResult stream (varint size + bytes)
//   tsv      one quote per line, a header line first
//   table    an aligned, human-readable table (for terminals)
#ifndef QUOTIENT_SRC_WRITERS_HPP_
#define QUOTIENT_SRC_WRITERS_HPP_

#include <optional>
#include <string>
#include <vector>

#include "output_file.hpp"
#include "quote.pb.h"

namespace quotient {

enum class Format { kJsonl, kResults, kPb, kTsv, kTable };

// Parses "jsonl" etc.; nullopt for an unknown name.
std::optional<Format> parse_format(const std::string& name);

class RecordWriter {
 public:
  RecordWriter(Format format, OutputFile* out);
  void write(const DocumentResult& result);
  void finish();  // the table format is written here

 private:
  void write_json_records(const DocumentResult& result);
  void write_tsv(const DocumentResult& result);

  Format format_;
  OutputFile* out_;
  std::string scratch_;
  std::vector<std::vector<std::string>> table_;  // rows for the table format
};

}  // namespace quotient

#endif  // QUOTIENT_SRC_WRITERS_HPP_
