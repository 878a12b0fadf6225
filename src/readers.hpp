// readers.hpp — turns command-line inputs into documents.
//
//   InputReader reader({"article.txt", "dump.jsonl", "corpus/", "-"}, config);
//   InputItem item;
//   while (reader.next(&item)) { ... item.doc or item.failure ... }
//
// Inputs: a .txt file is one document (id = file stem); a .jsonl/.ndjson file
// holds one JSON object per line with "id", "text" and optional "outlet",
// "date", "title", "url"; a directory is searched recursively for .txt and
// .jsonl files (sorted by path); "-" is standard input (JSONL when its first
// non-blank byte is '{', else one text document with id "stdin").
// A problem with one input (unreadable file, malformed line, over the size
// limit) becomes an item whose `failure` is set; reading goes on.
#ifndef QUOTIENT_SRC_READERS_HPP_
#define QUOTIENT_SRC_READERS_HPP_

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "quote.pb.h"

namespace quotient {

struct ReaderConfig {
  enum class Format { kAuto, kText, kJsonl } format = Format::kAuto;
  size_t max_document_bytes = size_t{64} << 20;  // larger documents and lines are skipped unread
};

struct InputItem {
  Document doc;
  std::string source;    // file path, or "-"
  uint64_t offset = 0;   // byte offset of the document in `source`
  uint64_t line = 0;     // 1-based line for JSONL inputs, else 0
  // Set when the input could not be turned into a document.
  std::optional<DocumentResult> failure;
};

class InputReader {
 public:
  InputReader(std::vector<std::string> inputs, ReaderConfig config);
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  // Fills *item with the next document or failure; false when done.
  bool next(InputItem* item);
  // Bytes read so far and the total size of regular-file inputs (0 if unknown).
  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t bytes_total() const { return bytes_total_; }

 private:
  struct Source;
  bool open_next();
  bool next_text(InputItem* item);
  bool next_jsonl(InputItem* item);
  bool read_line(std::string* line, bool* too_long);

  std::vector<std::string> paths_;
  size_t next_path_ = 0;
  ReaderConfig config_;
  std::unique_ptr<Source> source_;
  uint64_t bytes_read_ = 0;
  uint64_t bytes_total_ = 0;
};

// Expands directories (recursively, sorted) into the files to read.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs);

}  // namespace quotient

#endif  // QUOTIENT_SRC_READERS_HPP_
