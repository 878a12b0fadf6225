#include "readers.hpp"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "bytes.hpp"
#include "utf8.hpp"

namespace quotient {
namespace fs = std::filesystem;
namespace {

constexpr size_t kChunk = size_t{1} << 18;

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
  d->set_message(valid_utf8(message));  // a protobuf string: never a stray byte
  d->set_offset(offset);
  return r;
}

std::string stem_of(const std::string& path) {
  return path == "-" ? "stdin" : content_path(path).stem().string();
}

// Empties *item for the next input named `source` (Source::name), keeping
// its buffers.
void reset(InputItem* item, const std::string& source) {
  item->doc.Clear();
  item->raw.clear();
  item->failure.reset();
  item->source.assign(source);  // keeps the buffer
  item->offset = item->line = 0;
  item->pending = false;
  item->valid_utf8 = false;
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

// One JSON text parsed straight into a Document (see parse_document_json).
// Unknown values are skipped without recursion: only objects count towards
// the nesting limit (100, as protobuf's parser), arrays nest freely.
class DocumentJson {
 public:
  DocumentJson(std::string_view line, Document* doc)
      : begin_(line.data()), p_(line.data()), end_(line.data() + line.size()), doc_(doc) {}

  bool parse(JsonError* error) {
    bool ok = document();
    if (!ok) *error = {std::move(message_), static_cast<size_t>(at_ - begin_)};
    return ok;
  }

 private:
  static constexpr int kMaxObjectDepth = 100;

  bool fail(const char* at, std::string message) {
    at_ = at;
    message_ = std::move(message);
    return false;
  }
  bool expected(const char* what) {
    return fail(p_, std::string("expected ") + what + (p_ == end_ ? " at the end of the line" : ""));
  }
  void skip_blanks() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n')) ++p_;
  }
  bool eat(char c) {
    skip_blanks();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }

  bool document() {
    skip_blanks();
    if (p_ == end_ || *p_ != '{') return expected("a JSON object");
    ++p_;
    depth_ = 1;
    if (!eat('}')) {
      do {
        if (!member()) return false;
      } while (eat(','));
      if (!eat('}')) return expected("',' or '}' after a member");
    }
    skip_blanks();
    return p_ == end_ || fail(p_, "text after the end of the object");
  }

  // The field a key names, or null for an unknown key.
  std::string* field(std::string_view key) {
    if (key == "id") return doc_->mutable_id();
    if (key == "text") return doc_->mutable_text();
    if (key == "outlet") return doc_->mutable_outlet();
    if (key == "date") return doc_->mutable_date();
    if (key == "title") return doc_->mutable_title();
    if (key == "url") return doc_->mutable_url();
    return nullptr;
  }

  bool key() {
    skip_blanks();
    if (p_ == end_ || *p_ != '"') return expected("a member name in double quotes");
    key_.clear();
    if (!string(&key_)) return false;
    return eat(':') || expected("':' after a member name");
  }

  bool member() {
    if (!key()) return false;
    std::string* target = field(key_);
    if (!target) return skip_value();
    skip_blanks();
    if (p_ < end_ && *p_ == '"') {
      target->clear();
      return string(target);
    }
    if (p_ < end_ && *p_ == 'n') return literal("null");  // as protobuf: leaves the field as it is
    return fail(p_, "member \"" + key_ + "\" must be a string or null");
  }

  bool literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
      return expected("a JSON value");
    p_ += word.size();
    return true;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, within the range of a double.
  bool number() {
    const char* start = p_;
    auto digits = [&] {
      const char* d = p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      return p_ > d;
    };
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ < end_ && *p_ == '0') ++p_;
    else if (!digits()) return fail(start, "malformed number");
    if (p_ < end_ && *p_ == '.' && (++p_, !digits())) return fail(start, "malformed number");
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!digits()) return fail(start, "malformed number");
    }
    if (p_ < end_ && *p_ >= '0' && *p_ <= '9') return fail(start, "malformed number (leading zero)");
    std::string text(start, p_);
    return std::isfinite(std::strtod(text.c_str(), nullptr)) ||
           fail(start, "number out of the range of a double");
  }

  // Four hex digits after "\u" at p_; -1 if malformed.
  long hex4() {
    if (end_ - p_ < 4) return -1;
    long v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = p_[k];
      int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    p_ += 4;
    return v;
  }

  static void append_utf8(std::string* out, uint32_t cp) {
    char b[4];
    size_t n;
    if (cp < 0x80) b[0] = static_cast<char>(cp), n = 1;
    else if (cp < 0x800) b[0] = static_cast<char>(0xC0 | cp >> 6), n = 2;
    else if (cp < 0x10000) b[0] = static_cast<char>(0xE0 | cp >> 12), n = 3;
    else b[0] = static_cast<char>(0xF0 | cp >> 18), n = 4;
    for (size_t k = 1; k < n; ++k) b[k] = static_cast<char>(0x80 | ((cp >> (6 * (n - 1 - k))) & 0x3F));
    out->append(b, n);
  }

  // "\u" escapes, with surrogate pairs for code points above U+FFFF.
  bool unicode_escape(const char* at, std::string* out) {
    long hi = hex4();
    if (hi < 0) return fail(at, "malformed \\u escape (four hex digits)");
    uint32_t cp = static_cast<uint32_t>(hi);
    if (hi >= 0xDC00 && hi <= 0xDFFF) return fail(at, "unpaired low surrogate in a \\u escape");
    if (hi >= 0xD800 && hi <= 0xDBFF) {
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return fail(at, "high surrogate without its low surrogate");
      p_ += 2;
      long lo = hex4();
      if (lo < 0xDC00 || lo > 0xDFFF) return fail(at, "high surrogate without its low surrogate");
      cp = 0x10000 + ((static_cast<uint32_t>(hi) - 0xD800) << 10) + (static_cast<uint32_t>(lo) - 0xDC00);
    }
    if (out) append_utf8(out, cp);
    return true;
  }

  bool escape(std::string* out) {
    const char* at = p_++;  // at the backslash
    if (p_ == end_) return fail(at, "unterminated string");
    char c = *p_++;
    char plain = c == '"' || c == '\\' || c == '/' ? c : c == 'b' ? '\b' : c == 'f' ? '\f' : c == 'n' ? '\n'
                 : c == 'r' ? '\r' : c == 't' ? '\t' : 0;
    if (c == 'u') return unicode_escape(at, out);
    if (!plain) {
      auto u = static_cast<unsigned char>(c);
      if (u > 0x20 && u < 0x7F) return fail(at, std::string("unknown escape \\") + c);
      char byte[8];  // a raw byte in the message would be invalid UTF-8 in the record
      std::snprintf(byte, sizeof byte, "0x%02X", u);
      return fail(at, std::string("unknown escape: a backslash before byte ") + byte);
    }
    if (out) *out += plain;
    return true;
  }

  // The first '"', '\\' or non-ASCII byte in [p, end), or end: sixteen
  // bytes at a time with SSE2, else eight (a byte b is flagged by the high
  // bit of (b ^ c) - 1 & ~(b ^ c) for a zero b ^ c, or by its own: exact at
  // the lowest flagged byte, which is all that is read).
  static const char* stop_byte(const char* p, const char* end) {
#if defined(__SSE2__)
    for (; end - p >= 16; p += 16) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      __m128i marks = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
      if (int bits = _mm_movemask_epi8(_mm_or_si128(marks, x))) return p + __builtin_ctz(static_cast<unsigned>(bits));
    }
#else
    for (; end - p >= 8; p += 8) {
      uint64_t x = grammar::bytes::load8(p);
      uint64_t bits = grammar::bytes::has_byte(x, '"') | grammar::bytes::has_byte(x, '\\') | (x & grammar::bytes::kHighs);
      if (bits) return p + grammar::bytes::first_marked(bits);
    }
#endif
    while (p < end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) < 0x80) ++p;
    return p;
  }

  // A string at p_ (on its opening quote), decoded into *out when out is set,
  // in one pass: runs of plain ASCII are skipped (stop_byte), each UTF-8
  // sequence is checked where it stands, and a run is appended at the escape
  // or the quote that ends it.
  bool string(std::string* out) {
    const char* open = p_++;
    const char* run = p_;
    while (true) {
      p_ = stop_byte(p_, end_);
      if (p_ == end_) return fail(open, "unterminated string");
      if (static_cast<unsigned char>(*p_) >= 0x80) {
        size_t len = utf8_sequence(p_, end_);
        if (len == 0) return invalid_utf8(open);
        p_ += len;
        continue;
      }
      if (out) out->append(run, static_cast<size_t>(p_ - run));
      if (*p_ == '"') {
        ++p_;
        return true;
      }
      if (!escape(out)) return false;
      run = p_;
    }
  }

  // At the ill-formed byte p_ of the string opened at `open`: a string that
  // no quote or backslash ends is unterminated, whatever its bytes.
  bool invalid_utf8(const char* open) {
    auto rest = static_cast<size_t>(end_ - p_);
    if (!std::memchr(p_, '"', rest) && !std::memchr(p_, '\\', rest)) return fail(open, "unterminated string");
    return fail(p_, "invalid UTF-8 in a string");
  }

  // One value of an unknown member, checked and skipped.
  bool skip_value() {
    size_t base = open_.size();
    while (true) {  // at a value
      skip_blanks();
      if (p_ == end_) return expected("a JSON value");
      char c = *p_;
      if (c == '{' || c == '[') {
        if (c == '{' && ++depth_ > kMaxObjectDepth) return fail(p_, "objects nested more than 100 deep");
        open_.push_back(c);
        ++p_;
        if (eat(c == '{' ? '}' : ']')) {
          close_container();
        } else {
          if (c == '{' && !key()) return false;
          continue;
        }
      } else if (!scalar()) {
        return false;
      }
      // After a value: close containers, or go on after a comma.
      bool next = false;
      while (open_.size() > base && !next) {
        char open = open_.back();
        if (eat(',')) {
          if (open == '{' && !key()) return false;
          next = true;
        } else if (eat(open == '{' ? '}' : ']')) {
          close_container();
        } else {
          return expected(open == '{' ? "',' or '}' in an object" : "',' or ']' in an array");
        }
      }
      if (!next) return true;
    }
  }

  void close_container() {
    if (open_.back() == '{') --depth_;
    open_.pop_back();
  }

  bool scalar() {
    char c = *p_;
    if (c == '"') return string(nullptr);
    if (c == 't') return literal("true");
    if (c == 'f') return literal("false");
    if (c == 'n') return literal("null");
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    return expected("a JSON value");
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  Document* doc_;
  int depth_ = 0;
  std::string key_;
  std::string open_;  // unclosed '{' and '[' of a skipped value
  const char* at_ = nullptr;
  std::string message_;
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
  std::string name;  // path as records and messages show it: valid UTF-8 (valid_utf8)
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

bool parse_document_json(std::string_view line, Document* doc, JsonError* error) {
  return DocumentJson(line, doc).parse(error);
}

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
  src->name = valid_utf8(src->path);
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
  if (!next_unparsed(item)) return false;
  parse_pending(item);
  return true;
}

bool InputReader::next_unparsed(InputItem* item) {
  while (true) {
    if (!source_ || source_->finished) {
      if (!open_next()) return false;
    }
    reset(item, source_->name);
    if (!source_->stream) {
      item->failure = failure(stem_of(source_->name), source_->name, 0, DocumentResult::FAILED, "io_error",
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
  reset(item, source_->name);
  item->offset = stream.error_offset();
  bool io = stream.error() == "read error";
  item->failure = failure(stem_of(source_->name), source_->name, stream.error_offset(), DocumentResult::FAILED,
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
  item->doc.set_id(stem_of(s.name));
  if (too_large) {
    item->failure = failure(item->doc.id(), s.name, 0, DocumentResult::SKIPPED, "too_large",
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
  bool too_long = false;
  while (true) {
    uint64_t start = s.pos;
    if (!read_line(&item->raw, &too_long)) return false;
    ++s.line;
    if (!too_long && item->raw.find_first_not_of(" \t\r") == std::string::npos) continue;
    item->offset = start;
    item->line = s.line;
    if (too_long) {
      item->raw.clear();
      item->failure = failure(stem_of(s.name) + ":" + std::to_string(s.line), s.name, start,
                              DocumentResult::SKIPPED, "too_large",
                              "line " + std::to_string(s.line) +
                                  ": line exceeds the document size limit (--max-doc-bytes)");
      return true;
    }
    item->pending = true;
    return true;
  }
}

void parse_pending(InputItem* item) {
  if (!item->pending) return;
  item->pending = false;
  JsonError error;
  std::string fallback_id;
  if (!parse_document_json(item->raw, &item->doc, &error)) {
    item->doc.Clear();
    uint64_t at = item->offset + error.offset;
    item->failure = failure(stem_of(item->source) + ":" + std::to_string(item->line), item->source, item->offset,
                            DocumentResult::FAILED, "malformed_jsonl",
                            "line " + std::to_string(item->line) + ": not a JSON document object: " +
                                error.message + " (byte " + std::to_string(at) + " of the file, column " +
                                std::to_string(error.offset + 1) + " of the line)");
    item->failure->mutable_diagnostics(0)->set_offset(at);
    return;
  }
  if (item->doc.id().empty()) item->doc.set_id(stem_of(item->source) + ":" + std::to_string(item->line));
  item->valid_utf8 = true;
}

}  // namespace quotient
