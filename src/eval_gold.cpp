// eval_gold.cpp — the gold of the attribution evaluation: quote-marked segments
// inside gold Content spans, with their Source and Cue.
#include "eval_attribution.hpp"

#include <algorithm>
#include <cctype>

#include "eval_internal.hpp"

namespace quotient::eval {
using detail::at_least;
using detail::joined_text;

namespace {

// -------------------------------------------------------- quote marks ---

enum class Mark : uint8_t { kNone, kStraight, kOpenCurly, kCloseCurly };

// The double mark at text[i] and its length in bytes.
std::pair<Mark, uint32_t> mark_at(std::string_view text, size_t i) {
  if (text[i] == '"') return {Mark::kStraight, 1};
  if (text.compare(i, 2, "''") == 0) return {Mark::kStraight, 2};  // NYT archive style
  if (text.compare(i, 3, "\u201C") == 0) return {Mark::kOpenCurly, 3};
  if (text.compare(i, 3, "\u201D") == 0) return {Mark::kCloseCurly, 3};
  return {Mark::kNone, 1};
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// A straight mark inside a curly quote opens a nested quote when it stands
// before a word after a space; otherwise it closes (sloppy “…").
bool straight_opens(std::string_view text, size_t i) {
  bool space_before = i == 0 || is_space(text[i - 1]);
  bool word_after = i + 1 < text.size() && !is_space(text[i + 1]);
  return space_before && word_after;
}

class SegmentScanner {
 public:
  explicit SegmentScanner(std::string_view text) : text_(text) {}

  std::vector<ByteRange> scan() {
    for (size_t i = 0; i < text_.size();) {
      if (text_[i] == '\n') {
        i = paragraph_break(i);
        continue;
      }
      auto [mark, len] = mark_at(text_, i);
      if (mark != Mark::kNone) on_mark(mark, static_cast<uint32_t>(i), len);
      i += len;
    }
    return std::move(out_);
  }

 private:
  struct Open {
    bool straight;
    uint32_t inner_begin;
  };

  void on_mark(Mark mark, uint32_t at, uint32_t len) {
    bool top_straight = !stack_.empty() && stack_.back().straight;
    if (mark == Mark::kOpenCurly) return push(false, at + len);
    if (mark == Mark::kCloseCurly) return pop(at);
    if (stack_.empty()) return push(true, at + len);
    if (top_straight || !straight_opens(text_, at)) return pop(at);
    push(true, at + len);
  }

  void push(bool straight, uint32_t inner_begin) { stack_.push_back({straight, inner_begin}); }

  void pop(uint32_t at) {
    if (stack_.empty()) return;  // stray closing mark
    Open top = stack_.back();
    stack_.pop_back();
    if (stack_.empty()) out_.push_back({top.inner_begin, at});
  }

  // At a line break: an open quote continues when the next paragraph opens
  // with a double mark (which is then skipped); else it is dropped.
  size_t paragraph_break(size_t i) {
    size_t next = i;
    while (next < text_.size() && is_space(text_[next])) ++next;
    if (stack_.empty()) return next;
    Mark m = next < text_.size() ? mark_at(text_, next).first : Mark::kNone;
    if (m == Mark::kStraight || m == Mark::kOpenCurly) {
      Open bottom = stack_.front();
      stack_.assign(1, bottom);
      return next + mark_at(text_, next).second;
    }
    stack_.clear();
    return next;
  }

  std::string_view text_;
  std::vector<Open> stack_;
  std::vector<ByteRange> out_;
};

// ------------------------------------------------------------- gold ---

// Bytes of `r` covered by the union of `fragments` (which may overlap).
uint32_t covered(ByteRange r, Fragments fragments) {
  std::sort(fragments.begin(), fragments.end(), [](ByteRange a, ByteRange b) { return a.begin < b.begin; });
  uint32_t total = 0, reached = r.begin;
  for (ByteRange f : fragments) {
    uint32_t b = std::max(f.begin, reached), e = std::min(f.end, r.end);
    if (e > b) total += e - b, reached = e;
  }
  return total;
}

uint32_t total_size(const Fragments& f) {
  uint32_t n = 0;
  for (ByteRange r : f) n += r.size();
  return n;
}

// Index of the attribution whose Content overlaps `span` most (ties: smaller Content).
int best_attribution(ByteRange span, const std::vector<GoldAttribution>& attributions) {
  int best = -1;
  uint32_t best_overlap = 0, best_size = 0;
  for (size_t i = 0; i < attributions.size(); ++i) {
    uint32_t o = overlap(span, attributions[i].content), size = total_size(attributions[i].content);
    if (o > best_overlap || (o == best_overlap && o > 0 && size < best_size))
      best = static_cast<int>(i), best_overlap = o, best_size = size;
  }
  return best;
}

bool starts_with_capital(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return std::isupper(c);
  return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) < 0x9F;  // Latin-1 capitals
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == ',')) s.remove_suffix(1);
  return s;
}

}  // namespace

const char* source_class_name(SourceClass c) {
  switch (c) {
    case SourceClass::kName: return "name";
    case SourceClass::kPronoun: return "pronoun";
    default: return "nominal";
  }
}

SourceClass classify_source(std::string_view source_text) {
  static const char* const kPronouns[] = {"he", "she", "they", "it", "we", "i", "him", "her",
                                          "them", "us", "his", "its", "their"};
  static const char* const kDeterminers[] = {
      "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
      "my", "your", "some", "many", "several", "both", "other", "another", "each", "every",
      "most", "all", "no", "one", "two", "three", "such", "few", "more", "any"};
  std::string_view s = trim(source_text);
  std::string l = lower(s);
  for (const char* p : kPronouns)
    if (l == p) return SourceClass::kPronoun;
  std::string first = l.substr(0, l.find_first_of(" \t\n"));
  for (const char* d : kDeterminers)
    if (first == d) return SourceClass::kNominal;
  return starts_with_capital(s) ? SourceClass::kName : SourceClass::kNominal;
}

std::vector<ByteRange> find_quote_segments(std::string_view text) { return SegmentScanner(text).scan(); }

std::vector<GoldQuote> gold_quotes(std::string_view text, const std::vector<GoldAttribution>& attributions) {
  Fragments contents;
  for (const GoldAttribution& a : attributions) contents.insert(contents.end(), a.content.begin(), a.content.end());
  std::vector<GoldQuote> out;
  for (ByteRange seg : find_quote_segments(text)) {
    if (seg.size() == 0 || !at_least(covered(seg, contents), kGoldCoverage, seg.size())) continue;
    const GoldAttribution& a = attributions[best_attribution(seg, attributions)];
    GoldQuote g{seg, a.source, a.cue, joined_text(text, a.source)};
    g.source_class = classify_source(g.source_text);
    out.push_back(std::move(g));
  }
  return out;
}

GoldDocument make_gold_document(std::string name, std::string text, std::string_view ann) {
  GoldDocument d;
  d.name = std::move(name);
  d.text = std::move(text);
  ParsedAnnotations parsed = parse_brat(ann, d.text, d.name);
  d.attributions = std::move(parsed.attributions);
  d.problems = std::move(parsed.problems);
  d.quotes = gold_quotes(d.text, d.attributions);
  return d;
}

}  // namespace quotient::eval
