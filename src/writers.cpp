#include "writers.hpp"

#include "json_writer.hpp"

#include <google/protobuf/io/coded_stream.h>

#include <algorithm>
#include <cstdio>

namespace quotient {
namespace {

std::string tsv_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

// Display width of UTF-8 text (one column per code point).
size_t columns(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// At most `width` columns, cut at a code point boundary, with "…" when cut.
std::string clip(const std::string& s, size_t width) {
  if (columns(s) <= width) return s;
  std::string out;
  size_t n = 0;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80 && ++n > width - 1) break;
    out += ch;
  }
  return out + "\xE2\x80\xA6";
}

std::string one_line(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  return out;
}

const char* kind_name(QuoteRecord::Kind k) {
  switch (k) {
    case QuoteRecord::SPEECH: return "speech";
    case QuoteRecord::SCARE: return "scare";
    case QuoteRecord::TITLE: return "title";
    case QuoteRecord::EMBEDDED: return "embedded";
    case QuoteRecord::INDIRECT: return "indirect";
    default: return "?";
  }
}

std::string speaker_cell(const QuoteRecord& q) {
  if (!q.has_speaker()) return "";
  const Speaker& s = q.speaker();
  if (s.name().empty()) return s.mention() + " (?)";
  if (s.name() == s.mention()) return s.name();
  return s.name() + " (" + s.mention() + ")";
}

std::string fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

std::optional<Format> parse_format(const std::string& name) {
  if (name == "jsonl") return Format::kJsonl;
  if (name == "results") return Format::kResults;
  if (name == "pb") return Format::kPb;
  if (name == "tsv") return Format::kTsv;
  if (name == "table") return Format::kTable;
  return std::nullopt;
}

RecordWriter::RecordWriter(Format format, OutputFile* out) : format_(format), out_(out) {
  if (format_ == Format::kTsv)
    out_->write("doc_id\tindex\tkind\tbegin\tend\tspeaker\tmention\tspeaker_type\tcue\tcue_lemma\t"
                "tone\tcoop\tconfidence\trule\ttext\n");
}

void RecordWriter::write_json_records(const DocumentResult& r) {
  scratch_.clear();
  if (format_ == Format::kResults) {
    append_json(scratch_, r);
    scratch_ += '\n';
  } else {
    for (const QuoteRecord& q : r.quotes()) {
      append_json(scratch_, q);
      scratch_ += '\n';
    }
  }
  out_->write(scratch_);
}

void RecordWriter::write_tsv(const DocumentResult& r) {
  for (const QuoteRecord& q : r.quotes()) {
    std::string row = tsv_escape(q.doc_id()) + '\t' + std::to_string(q.index()) + '\t' +
                      kind_name(q.kind()) + '\t' + std::to_string(q.span().begin()) + '\t' +
                      std::to_string(q.span().end()) + '\t' + tsv_escape(q.speaker().name()) + '\t' +
                      tsv_escape(q.speaker().mention()) + '\t' +
                      (q.has_speaker() ? Speaker::Type_Name(q.speaker().type()) : "") + '\t' +
                      tsv_escape(q.cue().text()) + '\t' + tsv_escape(q.cue().lemma()) + '\t' +
                      q.tone().label() + '\t' + (q.tone().label().empty() ? "" : fixed(q.tone().coop(), 3)) +
                      '\t' + fixed(q.confidence(), 2) + '\t' + q.rule() + '\t' + tsv_escape(q.text()) + '\n';
    out_->write(row);
  }
}

void RecordWriter::write(const DocumentResult& r) {
  switch (format_) {
    case Format::kJsonl:
    case Format::kResults: return write_json_records(r);
    case Format::kTsv: return write_tsv(r);
    case Format::kPb: {
      scratch_.clear();
      google::protobuf::io::StringOutputStream raw(&scratch_);
      {
        google::protobuf::io::CodedOutputStream coded(&raw);
        coded.WriteVarint32(static_cast<uint32_t>(r.ByteSizeLong()));
        r.SerializeWithCachedSizes(&coded);
      }
      out_->write(scratch_);
      return;
    }
    case Format::kTable:
      for (const QuoteRecord& q : r.quotes())
        table_.push_back({clip(q.doc_id(), 24), std::to_string(q.index()), kind_name(q.kind()),
                          clip(speaker_cell(q), 34), clip(q.cue().text(), 14), q.tone().label(),
                          q.tone().label().empty() ? "" : fixed(q.tone().coop(), 2),
                          clip(one_line(q.text()), 60)});
      return;
  }
}

void RecordWriter::finish() {
  if (format_ != Format::kTable) return;
  std::vector<std::string> header = {"doc", "#", "kind", "speaker", "cue", "tone", "coop", "quote"};
  std::vector<size_t> width(header.size());
  for (size_t c = 0; c < header.size(); ++c) width[c] = columns(header[c]);
  for (const auto& row : table_)
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], columns(row[c]));
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(width[c] - columns(row[c]) + 2, ' ');
    }
    out_->write(line + "\n");
  };
  emit(header);
  std::vector<std::string> rule;
  rule.reserve(width.size());
  for (size_t w : width) rule.emplace_back(w, '-');
  emit(rule);
  for (const auto& row : table_) emit(row);
}

}  // namespace quotient
