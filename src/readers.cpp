#include "readers.hpp"

#include <google/protobuf/util/json_util.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace quotient {
namespace fs = std::filesystem;
namespace {

constexpr size_t kChunk = size_t{1} << 16;

enum class Compression { kNone, kGzip, kZstd };

Compression compression_of(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  return ext == ".gz" ? Compression::kGzip : ext == ".zst" ? Compression::kZstd : Compression::kNone;
}

// The path without its compression suffix: "a/docs.jsonl.gz" -> "a/docs.jsonl".
fs::path content_path(const std::string& path) {
  fs::path p(path);
  return compression_of(path) == Compression::kNone ? p : p.parent_path() / p.stem();
}

// True when the content extension (the one before any .gz/.zst) is in exts.
bool has_ext(const std::string& path, std::initializer_list<const char*> exts) {
  std::string ext = content_path(path).extension().string();
  for (const char* e : exts)
    if (ext == e) return true;
  return false;
}

DocumentResult failure(const std::string& id, const std::string& source, uint64_t offset,
                       DocumentResult::Status status, const std::string& code,
                       const std::string& message) {
  DocumentResult r;
  r.set_doc_id(id);
  r.set_status(status);
  r.set_source(source);
  r.set_source_offset(offset);
  Diagnostic* d = r.add_diagnostics();
  d->set_severity(Diagnostic::ERROR);
  d->set_code(code);
  d->set_message(message);
  d->set_offset(offset);
  return r;
}

std::string stem_of(const std::string& path) {
  return path == "-" ? "stdin" : content_path(path).stem().string();
}

// The bytes of one input: a plain file (or standard input), or a gzip or
// zstd file decoded on the fly. read() is fread-like; after it returns 0,
// error() is empty at a clean end, else it says what went wrong at
// error_offset(), a byte offset in the file as stored (compressed).
class ByteStream {
 public:
  explicit ByteStream(FILE* file) : file_(file) {}
  virtual ~ByteStream() {
    if (file_ && file_ != stdin) std::fclose(file_);
  }
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  // Reads up to n (> 0) decoded bytes into out; 0 at the end or on an error.
  virtual size_t read(char* out, size_t n) = 0;
  // Bytes of the file consumed so far (compressed bytes when compressed).
  uint64_t raw_bytes() const { return raw_bytes_; }
  const std::string& error() const { return error_; }
  uint64_t error_offset() const { return error_offset_; }

 protected:
  void fail(const std::string& message, uint64_t offset) {
    if (!error_.empty()) return;
    error_ = message;
    error_offset_ = offset;
  }
  FILE* file_;
  uint64_t raw_bytes_ = 0;

 private:
  std::string error_;
  uint64_t error_offset_ = 0;
};

class PlainStream : public ByteStream {
 public:
  using ByteStream::ByteStream;
  size_t read(char* out, size_t n) override {
    size_t got = std::fread(out, 1, n, file_);
    raw_bytes_ += got;
    if (got == 0 && std::ferror(file_)) fail("read error", raw_bytes_);
    return got;
  }
};

// Shared by the decoders: a buffer of compressed bytes read from the file.
// raw_bytes_ counts the compressed bytes handed to the decoder.
class CompressedStream : public ByteStream {
 public:
  CompressedStream(FILE* file, const char* name) : ByteStream(file), name_(name), in_(kChunk, '\0') {}

 protected:
  // Refills the compressed buffer once it is used up; sets eof_ at the end.
  void refill() {
    if (in_pos_ < in_len_ || eof_) return;
    in_len_ = std::fread(in_.data(), 1, in_.size(), file_);
    in_pos_ = 0;
    if (in_len_ == 0) eof_ = true;
    if (in_len_ == 0 && std::ferror(file_)) fail("read error", raw_bytes_);
  }
  void consumed_to(size_t in_pos) {
    raw_bytes_ += in_pos - in_pos_;
    in_pos_ = in_pos;
  }
  void corrupt(const std::string& why) {
    fail("corrupt " + name_ + " data at compressed byte " + std::to_string(raw_bytes_) + ": " + why,
         raw_bytes_);
  }
  void truncated() {
    fail("truncated " + name_ + " data: the file ends inside a compressed stream (compressed byte " +
             std::to_string(raw_bytes_) + ")",
         raw_bytes_);
  }
  // True when read() must return 0 at once: the end was reached or an error seen.
  bool stopped() const { return done_ || !error().empty(); }

  std::string name_;
  std::string in_;
  size_t in_pos_ = 0, in_len_ = 0;
  bool eof_ = false;   // the file has no more compressed bytes
  bool done_ = false;  // everything decoded
  bool open_ = false;  // inside a gzip member or zstd frame that has not ended
};

// gzip (RFC 1952), including files of several concatenated members.
class GzipStream : public CompressedStream {
 public:
  explicit GzipStream(FILE* file) : CompressedStream(file, "gzip") {
    if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) fail("cannot initialise zlib", 0);
  }
  ~GzipStream() override { inflateEnd(&z_); }

  size_t read(char* out, size_t n) override {
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out > 0 && !stopped()) step();
    return n - z_.avail_out;
  }

 private:
  void step() {
    refill();
    z_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    z_.avail_in = static_cast<uInt>(in_len_ - in_pos_);
    uInt out_before = z_.avail_out;
    int rc = inflate(&z_, Z_NO_FLUSH);
    bool progress = z_.avail_in != in_len_ - in_pos_ || z_.avail_out != out_before;
    consumed_to(in_len_ - z_.avail_in);
    if (rc == Z_STREAM_END) {
      open_ = false;
      inflateReset(&z_);  // another member may follow
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      corrupt(z_.msg ? z_.msg : "inflate error " + std::to_string(rc));
    } else if (progress) {
      open_ = true;
    } else if (eof_) {
      if (open_) truncated();
      done_ = true;
    }
  }
  z_stream z_{};
};

// zstd (RFC 8878), including files of several frames.
class ZstdStream : public CompressedStream {
 public:
  explicit ZstdStream(FILE* file) : CompressedStream(file, "zstd"), dctx_(ZSTD_createDCtx()) {
    if (!dctx_) fail("cannot initialise zstd", 0);
  }
  ~ZstdStream() override { ZSTD_freeDCtx(dctx_); }

  size_t read(char* out, size_t n) override {
    ZSTD_outBuffer buf{out, n, 0};
    while (buf.pos < buf.size && !stopped()) step(&buf);
    return buf.pos;
  }

 private:
  void step(ZSTD_outBuffer* out) {
    refill();
    ZSTD_inBuffer in{in_.data(), in_len_, in_pos_};
    size_t out_before = out->pos;
    size_t rc = ZSTD_decompressStream(dctx_, out, &in);
    bool progress = in.pos != in_pos_ || out->pos != out_before;
    consumed_to(in.pos);
    if (ZSTD_isError(rc)) {
      corrupt(ZSTD_getErrorName(rc));
    } else if (progress) {
      open_ = rc != 0;  // 0: a frame ended and is fully flushed
    } else if (eof_) {
      if (open_) truncated();
      done_ = true;
    }
  }
  ZSTD_DCtx* dctx_;
};

std::unique_ptr<ByteStream> open_stream(const std::string& path, int* error) {
  FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!file) {
    *error = errno;
    return nullptr;
  }
  switch (path == "-" ? Compression::kNone : compression_of(path)) {
    case Compression::kGzip: return std::make_unique<GzipStream>(file);
    case Compression::kZstd: return std::make_unique<ZstdStream>(file);
    case Compression::kNone: break;
  }
  return std::make_unique<PlainStream>(file);
}

}  // namespace

struct InputReader::Source {
  std::string path;
  std::unique_ptr<ByteStream> stream;  // null when the file could not be opened
  int open_error = 0;                  // errno of the failed open
  bool jsonl = false;
  bool finished = false;
  std::string buf;     // unread decoded bytes
  size_t buf_pos = 0;
  uint64_t pos = 0;    // offset in the decoded bytes of buf[buf_pos]
  uint64_t line = 0;

  // Makes at least one unread byte available; false at the end or on an error.
  bool fill() {
    if (buf_pos < buf.size()) return true;
    buf.resize(kChunk);
    size_t n = stream->read(buf.data(), kChunk);
    buf.resize(n);
    buf_pos = 0;
    return n > 0;
  }
  bool failed() const { return !stream->error().empty(); }
};

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(in, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec) && has_ext(it->path().string(), {".txt", ".jsonl", ".ndjson"}))
          found.push_back(it->path().string());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(in);
    }
  }
  return out;
}

std::vector<std::string> select_shard(std::vector<std::string> paths, size_t index, size_t count) {
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> out;
  for (size_t i = index; i < paths.size(); i += count) out.push_back(std::move(paths[i]));
  return out;
}

InputReader::InputReader(std::vector<std::string> inputs, ReaderConfig config)
    : paths_(expand_inputs(inputs)), config_(config) {
  if (config_.shard_count > 0) paths_ = select_shard(std::move(paths_), config_.shard_index, config_.shard_count);
  for (const std::string& p : paths_) {
    std::error_code ec;
    if (p != "-" && fs::is_regular_file(p, ec)) bytes_total_ += fs::file_size(p, ec);
  }
}

InputReader::~InputReader() = default;

uint64_t InputReader::bytes_read() const {
  return bytes_done_ + (source_ && source_->stream ? source_->stream->raw_bytes() : 0);
}

bool InputReader::open_next() {
  bytes_done_ = bytes_read();
  source_.reset();
  if (next_path_ >= paths_.size()) return false;
  auto src = std::make_unique<Source>();
  src->path = paths_[next_path_++];
  src->stream = open_stream(src->path, &src->open_error);
  if (src->stream) {
    using F = ReaderConfig::Format;
    if (config_.format != F::kAuto) {
      src->jsonl = config_.format == F::kJsonl;
    } else if (src->path != "-") {
      src->jsonl = has_ext(src->path, {".jsonl", ".ndjson"});
    } else {  // sniff standard input
      while (src->fill()) {
        size_t p = src->buf.find_first_not_of(" \t\r\n", src->buf_pos);
        if (p != std::string::npos) {
          src->jsonl = src->buf[p] == '{';
          break;
        }
        src->pos += src->buf.size() - src->buf_pos;
        src->buf_pos = src->buf.size();
      }
    }
  }
  source_ = std::move(src);
  return true;
}

bool InputReader::next(InputItem* item) {
  while (true) {
    if (!source_ || source_->finished) {
      if (!open_next()) return false;
    }
    *item = InputItem{};
    item->source = source_->path;
    if (!source_->stream) {
      item->failure = failure(stem_of(source_->path), source_->path, 0, DocumentResult::FAILED, "io_error",
                              std::string("cannot open: ") + std::strerror(source_->open_error));
      source_->finished = true;
      return true;
    }
    if (source_->jsonl ? next_jsonl(item) : next_text(item)) return true;
    source_->finished = true;
    if (source_->failed()) {
      stream_failure(item);
      return true;
    }
  }
}

// The input's stream failed (read error, corrupt or truncated compressed
// data): one failure item at the stream's offset; the input is done.
void InputReader::stream_failure(InputItem* item) const {
  const ByteStream& stream = *source_->stream;
  *item = InputItem{};
  item->source = source_->path;
  item->offset = stream.error_offset();
  bool io = stream.error() == "read error";
  item->failure = failure(stem_of(source_->path), source_->path, stream.error_offset(), DocumentResult::FAILED,
                          io ? "io_error" : "corrupt_input", stream.error());
}

bool InputReader::next_text(InputItem* item) {
  Source& s = *source_;
  s.finished = true;
  std::string text;
  bool too_large = false;
  while (s.fill()) {
    size_t n = s.buf.size() - s.buf_pos;
    if (!too_large && text.size() + n <= config_.max_document_bytes) text.append(s.buf, s.buf_pos, n);
    else too_large = true;
    s.pos += n;
    s.buf_pos = s.buf.size();
  }
  if (s.failed()) return false;
  item->doc.set_id(stem_of(s.path));
  if (too_large) {
    item->failure = failure(item->doc.id(), s.path, 0, DocumentResult::SKIPPED, "too_large",
                            "document of " + std::to_string(s.pos) + " bytes exceeds the limit of " +
                                std::to_string(config_.max_document_bytes) + " (--max-doc-bytes)");
    return true;
  }
  item->doc.set_text(std::move(text));
  return true;
}

bool InputReader::read_line(std::string* line, bool* too_long) {
  Source& s = *source_;
  line->clear();
  *too_long = false;
  bool any = false;
  while (s.fill()) {
    any = true;
    size_t nl = s.buf.find('\n', s.buf_pos);
    size_t end = nl == std::string::npos ? s.buf.size() : nl;
    size_t n = end - s.buf_pos;
    if (!*too_long && line->size() + n <= config_.max_document_bytes + 4096) line->append(s.buf, s.buf_pos, n);
    else *too_long = true;
    size_t consumed = n + (nl == std::string::npos ? 0 : 1);
    s.pos += consumed;
    s.buf_pos += consumed;
    if (nl != std::string::npos) return true;
  }
  return any && !s.failed();  // a line cut short by a stream error is dropped
}

bool InputReader::next_jsonl(InputItem* item) {
  Source& s = *source_;
  std::string line;
  bool too_long = false;
  while (true) {
    uint64_t start = s.pos;
    if (!read_line(&line, &too_long)) return false;
    ++s.line;
    if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;
    item->offset = start;
    item->line = s.line;
    std::string fallback_id = stem_of(s.path) + ":" + std::to_string(s.line);
    std::string where = "line " + std::to_string(s.line) + ": ";
    if (too_long) {
      item->failure = failure(fallback_id, s.path, start, DocumentResult::SKIPPED, "too_large",
                              where + "line exceeds the document size limit (--max-doc-bytes)");
      return true;
    }
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    auto status = google::protobuf::util::JsonStringToMessage(line, &item->doc, options);
    if (!status.ok()) {
      item->failure = failure(fallback_id, s.path, start, DocumentResult::FAILED, "malformed_jsonl",
                              where + "not a JSON document object: " + std::string(status.message()));
      return true;
    }
    if (item->doc.id().empty()) item->doc.set_id(fallback_id);
    return true;
  }
}

}  // namespace quotient
