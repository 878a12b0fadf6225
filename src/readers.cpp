#include "readers.hpp"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace quotient {
namespace fs = std::filesystem;
namespace {

constexpr size_t kChunk = size_t{1} << 16;

bool has_ext(const std::string& path, std::initializer_list<const char*> exts) {
  std::string ext = fs::path(path).extension().string();
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
  return path == "-" ? "stdin" : fs::path(path).stem().string();
}

}  // namespace

struct InputReader::Source {
  std::string path;
  FILE* file = nullptr;
  bool jsonl = false;
  bool finished = false;
  std::string buf;     // unread bytes
  size_t buf_pos = 0;
  uint64_t pos = 0;    // offset in the file of buf[buf_pos]
  uint64_t line = 0;

  ~Source() {
    if (file && file != stdin) std::fclose(file);
  }
  // Makes at least one unread byte available; false at end of file.
  bool fill() {
    if (buf_pos < buf.size()) return true;
    buf.resize(kChunk);
    size_t n = std::fread(buf.data(), 1, kChunk, file);
    buf.resize(n);
    buf_pos = 0;
    return n > 0;
  }
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

InputReader::InputReader(std::vector<std::string> inputs, ReaderConfig config)
    : paths_(expand_inputs(inputs)), config_(config) {
  for (const std::string& p : paths_) {
    std::error_code ec;
    if (p != "-" && fs::is_regular_file(p, ec)) bytes_total_ += fs::file_size(p, ec);
  }
}

InputReader::~InputReader() = default;

bool InputReader::open_next() {
  source_.reset();
  if (next_path_ >= paths_.size()) return false;
  auto src = std::make_unique<Source>();
  src->path = paths_[next_path_++];
  src->file = src->path == "-" ? stdin : std::fopen(src->path.c_str(), "rb");
  if (src->file) {
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
    if (!source_->file) {
      item->failure = failure(stem_of(source_->path), source_->path, 0, DocumentResult::FAILED,
                              "io_error", std::string("cannot open: ") + std::strerror(errno));
      source_->finished = true;
      return true;
    }
    if (source_->jsonl ? next_jsonl(item) : next_text(item)) return true;
    if (std::ferror(source_->file)) {
      *item = InputItem{};
      item->source = source_->path;
      item->failure = failure(stem_of(source_->path), source_->path, source_->pos,
                              DocumentResult::FAILED, "io_error", "read error");
      source_->finished = true;
      return true;
    }
    source_->finished = true;
  }
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
    bytes_read_ += n;
    s.buf_pos = s.buf.size();
  }
  if (std::ferror(s.file)) return false;
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
    bytes_read_ += consumed;
    s.buf_pos += consumed;
    if (nl != std::string::npos) return true;
  }
  return any;
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
