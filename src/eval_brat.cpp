// eval_brat.cpp — brat standoff (.ann) reading for the attribution evaluation:
// T and E lines, code-point offsets converted to byte ranges.
#include "eval_attribution.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "eval_internal.hpp"

namespace quotient::eval {
using detail::at_least;
using detail::joined_text;

namespace {

// ---------------------------------------------------------------- brat ---

struct TextBound {
  Fragments fragments;
  std::string text;  // as written in the .ann line (first line only)
};

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (size_t start = 0;;) {
    size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
    if (pos == std::string_view::npos) return out;
    start = pos + 1;
  }
}

// "start end;start end" in code points -> byte fragments, or nullopt.
std::optional<Fragments> parse_fragments(std::string_view s, const CodePointIndex& index) {
  Fragments out;
  for (std::string_view piece : split(s, ';')) {
    std::vector<std::string_view> ends = split(piece, ' ');
    if (ends.size() != 2 || !is_digits(ends[0]) || !is_digits(ends[1])) return std::nullopt;
    auto b = index.byte_offset(std::stoull(std::string(ends[0])));
    auto e = index.byte_offset(std::stoull(std::string(ends[1])));
    if (!b || !e || *e < *b) return std::nullopt;
    out.push_back({*b, *e});
  }
  std::sort(out.begin(), out.end(), [](ByteRange a, ByteRange b) { return a.begin < b.begin; });
  return out;
}


class BratParser {
 public:
  BratParser(std::string_view text, const std::string& document)
      : text_(text), index_(text), document_(document) {}

  ParsedAnnotations parse(std::string_view ann) {
    std::vector<std::string_view> lines = split(ann, '\n');
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view line = lines[i];
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      line_ = i + 1;
      if (line.size() > 1 && line[0] == 'T' && std::isdigit(static_cast<unsigned char>(line[1])))
        text_bound(line);
      else if (line.size() > 1 && line[0] == 'E' && std::isdigit(static_cast<unsigned char>(line[1])))
        events_.push_back({line_, std::string(line)});
    }
    for (const auto& [number, line] : events_) event(number, line);
    return std::move(out_);
  }

 private:
  void problem(const char* code, std::string message) {
    out_.problems.push_back({document_, line_, code, std::move(message)});
  }

  // T<n>\t<Label> <fragments>\t<text>
  void text_bound(std::string_view line) {
    std::vector<std::string_view> cols = split(line, '\t');
    size_t space = cols.size() >= 2 ? cols[1].find(' ') : std::string_view::npos;
    if (space == std::string_view::npos) return problem("bad_line", "T line without label and offsets");
    auto fragments = parse_fragments(cols[1].substr(space + 1), index_);
    if (!fragments) return problem("bad_offset", "bad or out-of-range offsets '" + std::string(cols[1]) + "'");
    TextBound t{std::move(*fragments), cols.size() >= 3 ? std::string(cols[2]) : std::string()};
    check_text(t);
    bounds_[std::string(cols[0])] = std::move(t);
  }

  // The span's text must start with the first line of the written text.
  void check_text(const TextBound& t) {
    if (t.fragments.empty() || t.text.empty()) return;
    ByteRange first = t.fragments.front();
    std::string_view actual = text_.substr(first.begin, first.size());
    std::string_view written = t.text;
    size_t n = std::min(actual.size(), written.size());
    if (actual.substr(0, n) != written.substr(0, n) && !written_is_reordered(t))
      problem("text_mismatch", "span text differs from the .ann text '" + t.text.substr(0, 40) + "'");
  }

  // brat writes discontinuous fragments in file order, which may not be text order.
  bool written_is_reordered(const TextBound& t) const {
    for (ByteRange f : t.fragments) {
      std::string_view piece = text_.substr(f.begin, std::min<size_t>(f.size(), t.text.size()));
      if (t.text.compare(0, piece.size(), piece) == 0) return true;
    }
    return false;
  }

  // E<n>\t<Type>:T<a> <Role>:T<x> ...
  void event(uint64_t number, const std::string& line) {
    line_ = number;
    std::vector<std::string_view> cols = split(line, '\t');
    if (cols.size() < 2) return problem("bad_line", "E line without arguments");
    GoldAttribution a;
    for (std::string_view arg : split(cols[1], ' ')) {
      if (arg.empty()) continue;
      size_t colon = arg.find(':');
      if (colon == std::string_view::npos) return problem("bad_line", "argument without ':' in E line");
      std::string_view role = arg.substr(0, colon);
      while (!role.empty() && std::isdigit(static_cast<unsigned char>(role.back()))) role.remove_suffix(1);
      auto it = bounds_.find(std::string(arg.substr(colon + 1)));
      if (it == bounds_.end()) {
        problem("missing_ref", "E line refers to unknown " + std::string(arg.substr(colon + 1)));
        continue;
      }
      Fragments* target = role == "Source" ? &a.source : role == "Cue" ? &a.cue
                        : role == "Content" ? &a.content : nullptr;
      if (target) target->insert(target->end(), it->second.fragments.begin(), it->second.fragments.end());
    }
    for (Fragments* f : {&a.source, &a.cue, &a.content})
      std::sort(f->begin(), f->end(), [](ByteRange x, ByteRange y) { return x.begin < y.begin; });
    out_.attributions.push_back(std::move(a));
  }

  std::string_view text_;
  CodePointIndex index_;
  const std::string& document_;
  uint64_t line_ = 0;
  std::map<std::string, TextBound> bounds_;
  std::vector<std::pair<uint64_t, std::string>> events_;
  ParsedAnnotations out_;
};

}  // namespace

uint32_t overlap(ByteRange a, ByteRange b) {
  uint32_t begin = std::max(a.begin, b.begin), end = std::min(a.end, b.end);
  return end > begin ? end - begin : 0;
}

uint32_t overlap(ByteRange r, const Fragments& fragments) {
  uint32_t n = 0;
  for (ByteRange f : fragments) n += overlap(r, f);
  return n;
}

CodePointIndex::CodePointIndex(std::string_view text) {
  bytes_.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) bytes_.push_back(static_cast<uint32_t>(i));
  bytes_.push_back(static_cast<uint32_t>(text.size()));
}

std::optional<uint32_t> CodePointIndex::byte_offset(uint64_t cp) const {
  if (cp >= bytes_.size()) return std::nullopt;
  return bytes_[cp];
}

ParsedAnnotations parse_brat(std::string_view ann, std::string_view text, const std::string& document) {
  return BratParser(text, document).parse(ann);
}

}  // namespace quotient::eval
