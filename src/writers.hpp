// writers.hpp — DocumentResults out, in the format the user asked for, to a
// file that appears only when complete.
//
//   auto out = OutputFile::open("out.jsonl");   // writes out.jsonl.tmp.<pid>
//   RecordWriter w(Format::kJsonl, out.get());
//   w.write(result); ...
//   w.finish(); out->commit();                   // renamed to out.jsonl
//
// Formats:
//   jsonl    one QuoteRecord per line (proto3 JSON, proto field names)
//   results  one DocumentResult per line (every document, with status)
//   pb       length-delimited DocumentResult stream (varint size + bytes)
//   tsv      one quote per line, a header line first
//   table    an aligned, human-readable table (for terminals)
#ifndef QUOTIENT_SRC_WRITERS_HPP_
#define QUOTIENT_SRC_WRITERS_HPP_

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "quote.pb.h"

namespace quotient {

enum class Format { kJsonl, kResults, kPb, kTsv, kTable };

// Parses "jsonl" etc.; nullopt for an unknown name.
std::optional<Format> parse_format(const std::string& name);

// A byte sink: standard output, or a file written under a temporary name and
// renamed over the target by commit() (a device or FIFO such as /dev/null is
// written in place). Destroying an uncommitted file
// removes the temporary. Errors are sticky and reported by error().
class OutputFile {
 public:
  static std::unique_ptr<OutputFile> open(const std::string& path);  // "-" = stdout
  ~OutputFile();
  void write(const char* data, size_t size);
  void write(const std::string& s) { write(s.data(), s.size()); }
  // Flushes, closes and renames; false (see error()) when anything failed.
  bool commit();
  const std::string& error() const { return error_; }
  bool ok() const { return error_.empty(); }

 private:
  OutputFile() = default;
  void fail(const std::string& what);

  std::string path_, tmp_;
  FILE* file_ = nullptr;
  bool stream_ = false;  // a device or pipe, written in place
  bool committed_ = false;
  std::string error_;
};

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
