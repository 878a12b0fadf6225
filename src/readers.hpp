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
// Compressed files are decoded on the fly: a name ending in .gz (gzip, also
// concatenated members) or .zst (zstd, also several frames) is read by the
// extension before that suffix, so docs.jsonl.gz is JSONL and article.txt.zst
// is one text document with id "article". Offsets of documents are in the
// decompressed bytes.
// A problem with one input (unreadable file, malformed line, over the size
// limit, corrupt or truncated compressed data) becomes an item whose
// `failure` is set; reading goes on with the next line or input. A failure
// of compressed data carries the offset in the compressed file, and its
// message says so ("compressed byte N").
#ifndef QUOTIENT_SRC_READERS_HPP_
#define QUOTIENT_SRC_READERS_HPP_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quote.pb.h"

namespace quotient {

struct ReaderConfig {
  enum class Format { kAuto, kText, kJsonl } format = Format::kAuto;
  size_t max_document_bytes = size_t{64} << 20;  // larger documents and lines are skipped unread
  // Sharding (--shard I/N), for splitting a file list across N workers: when
  // shard_count > 0, the expanded inputs are sorted by path and only those
  // whose 0-based index i has i % shard_count == shard_index are read.
  // Precondition: shard_index < shard_count. 0 (the default) reads all, in
  // the given order.
  size_t shard_index = 0, shard_count = 0;
};

struct InputItem {
  Document doc;
  std::string source;    // file path as records show it (valid UTF-8: U+FFFD for a stray byte), or "-"
  uint64_t offset = 0;   // byte offset of the document in `source`
  uint64_t line = 0;     // 1-based line for JSONL inputs, else 0
  // Set when the input could not be turned into a document.
  std::optional<DocumentResult> failure;
  // From next_unparsed(): the JSONL line (without its newline) that
  // parse_pending() turns into `doc` or `failure`; `pending` says it has not
  // been parsed yet.
  std::string raw;
  bool pending = false;
  // doc.text() is known to be well-formed UTF-8: parse_pending() decoded it
  // (parse_document_json checks every string), for Analyzer's TextFacts.
  bool valid_utf8 = false;
};

// Where a JSONL line is not a document object: what is wrong and the byte
// offset in the line (0-based) where it was found.
struct JsonError {
  std::string message;
  size_t offset = 0;
};

// Parses one JSON text (a JSONL line without its newline) into *doc: an
// object whose members "id", "text", "outlet", "date", "title" and "url"
// are strings (null is ignored, as protobuf ignores it); other members are
// checked and skipped. A repeated member keeps its last string value. Strict RFC 8259 JSON, valid UTF-8,
// at most 100 nested objects; like protobuf's parser it also accepts raw
// control characters inside strings. Unlike it, it rejects single-quoted
// strings, unquoted keys, trailing commas, "1." and unknown escapes ("\x").
// Returns false and fills *error (message, offset in `line`) when the line is
// not such an object; *doc is then unspecified. Reuses doc's string buffers.
bool parse_document_json(std::string_view line, Document* doc, JsonError* error);

// Turns an item from InputReader::next_unparsed() whose `pending` is set into
// a document or a failure ("malformed_jsonl", FAILED, with the file offset of
// the error); clears `pending`. Thread-safe: items may be parsed on workers.
void parse_pending(InputItem* item);

class InputReader {
 public:
  InputReader(std::vector<std::string> inputs, ReaderConfig config);
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  // Fills *item with the next document or failure; false when done.
  bool next(InputItem* item);
  // Like next(), but a JSONL line is left unparsed in item->raw with
  // item->pending set, for parse_pending() on another thread. A line over
  // the size limit is a failure at once, read past without being stored.
  bool next_unparsed(InputItem* item);
  // Bytes of the input files consumed so far (compressed bytes for .gz and
  // .zst) and their total size (0 if unknown), for progress.
  uint64_t bytes_read() const;
  uint64_t bytes_total() const { return bytes_total_; }
  // The files this reader reads, in order (after expansion and sharding).
  const std::vector<std::string>& paths() const { return paths_; }

 private:
  struct Source;
  bool open_next();
  bool next_text(InputItem* item);
  void stream_failure(InputItem* item) const;
  bool next_jsonl(InputItem* item);
  bool read_line(std::string* line, bool* too_long);

  std::vector<std::string> paths_;
  size_t next_path_ = 0;
  ReaderConfig config_;
  std::unique_ptr<Source> source_;
  uint64_t bytes_done_ = 0;  // bytes_read() of the sources already closed
  uint64_t bytes_total_ = 0;
};

// Expands directories (recursively, sorted) into the files to read: .txt,
// .jsonl and .ndjson, each also with a .gz or .zst suffix.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs);

// The shard `index` of `count` of `paths`: sorted, then every count-th from
// index. Precondition: index < count.
std::vector<std::string> select_shard(std::vector<std::string> paths, size_t index, size_t count);

}  // namespace quotient

#endif  // QUOTIENT_SRC_READERS_HPP_
