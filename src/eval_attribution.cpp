#include "eval_attribution.hpp"

#include <dirent.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

namespace quotient::eval {
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

std::string joined_text(std::string_view text, const Fragments& fragments) {
  std::string out;
  for (ByteRange f : fragments) {
    if (!out.empty()) out += ' ';
    out.append(text.substr(f.begin, f.size()));
  }
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

// ---------------------------------------------------------- scoring ---

// part >= fraction * whole, without rounding trouble at the boundary (80 of 100).
bool at_least(uint32_t part, double fraction, uint32_t whole) { return part + 1e-9 >= fraction * whole; }

struct Match {
  std::vector<int> gold_to_pred, pred_to_gold;
};

// Greedy one-to-one matching, largest overlap first.
Match match_quotes(const std::vector<GoldQuote>& gold, const std::vector<const QuoteRecord*>& preds) {
  struct Candidate {
    uint32_t overlap;
    int g, p;
  };
  std::vector<Candidate> cands;
  for (size_t g = 0; g < gold.size(); ++g)
    for (size_t p = 0; p < preds.size(); ++p) {
      ByteRange ps{preds[p]->span().begin(), preds[p]->span().end()};
      uint32_t o = overlap(gold[g].span, ps);
      if (o > 0 && at_least(o, kMatchGold, gold[g].span.size()) && at_least(o, kMatchPredicted, ps.size()))
        cands.push_back({o, static_cast<int>(g), static_cast<int>(p)});
    }
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) { return a.overlap > b.overlap; });
  Match m{std::vector<int>(gold.size(), -1), std::vector<int>(preds.size(), -1)};
  for (const Candidate& c : cands)
    if (m.gold_to_pred[c.g] < 0 && m.pred_to_gold[c.p] < 0) m.gold_to_pred[c.g] = c.p, m.pred_to_gold[c.p] = c.g;
  return m;
}

ByteRange range_of(const Span& s) { return {s.begin(), s.end()}; }

// True when the mark just before byte `begin` is a single mark (' or ‘, not '').
bool opened_by_single_mark(std::string_view text, uint32_t begin) {
  if (begin >= 1 && text[begin - 1] == '\'') return begin < 2 || text[begin - 2] != '\'';
  return begin >= 3 && text.compare(begin - 3, 3, "\u2018") == 0;
}

bool has_speaker(const QuoteRecord& r) {
  return !r.speaker().name().empty() || r.speaker().mention_span().end() > r.speaker().mention_span().begin();
}

bool speaker_correct(const QuoteRecord& r, const GoldQuote& g) {
  return overlap(range_of(r.speaker().mention_span()), g.source) > 0;
}

bool cue_correct(const QuoteRecord& r, const GoldQuote& g) { return overlap(range_of(r.cue().span()), g.cue) > 0; }

// Moves i back to the start of a UTF-8 character.
size_t char_start(std::string_view text, size_t i) {
  while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return std::min(i, text.size());
}

class ErrorBuilder {
 public:
  ErrorBuilder(const GoldDocument& gold, const DocumentResult& result, std::vector<ErrorEntry>* out)
      : gold_(gold), result_(result), out_(out) {}

  void missed(const GoldQuote& g) {
    ErrorEntry& e = add(ErrorEntry::Kind::kMissed, g.span);
    set_gold(e, g);
    if (const QuoteRecord* r = record_at(g.span)) {
      e.predicted_kind = QuoteRecord::Kind_Name(r->kind());
      set_predicted(e, *r);
    }
  }
  void spurious(const QuoteRecord& r) { set_predicted(add(ErrorEntry::Kind::kSpurious, range_of(r.span())), r); }
  void wrong(ErrorEntry::Kind kind, const QuoteRecord& r, const GoldQuote& g) {
    ErrorEntry& e = add(kind, range_of(r.span()));
    set_predicted(e, r);
    set_gold(e, g);
  }

 private:
  ErrorEntry& add(ErrorEntry::Kind kind, ByteRange span) {
    const std::string& t = gold_.text;
    ErrorEntry& e = out_->emplace_back();
    e.kind = kind;
    e.document = gold_.name;
    e.span = span;
    e.quote = t.substr(span.begin, span.size());
    size_t from = char_start(t, span.begin > kContextBytes + 1 ? span.begin - kContextBytes - 1 : 0);
    e.before = t.substr(from, span.begin - from);
    size_t to = char_start(t, std::min<size_t>(t.size(), span.end + kContextBytes + 1));
    e.after = t.substr(span.end, to - span.end);
    return e;
  }
  void set_predicted(ErrorEntry& e, const QuoteRecord& r) {
    e.predicted_speaker = r.speaker().mention();
    e.predicted_name = r.speaker().name();
    if (has_speaker(r)) e.predicted_mention_at = r.speaker().mention_span().begin();
    e.predicted_cue = r.cue().text();
    e.rule = r.rule();
  }
  void set_gold(ErrorEntry& e, const GoldQuote& g) {
    e.gold_source = g.source_text;
    e.gold_cue = joined_text(gold_.text, g.cue);
    if (!g.source.empty()) e.source_class = g.source_class, e.gold_source_at = g.source.front().begin;
  }
  const QuoteRecord* record_at(ByteRange span) const {
    for (const QuoteRecord& r : result_.quotes())
      if (overlap(span, range_of(r.span())) > 0) return &r;
    return nullptr;
  }

  const GoldDocument& gold_;
  const DocumentResult& result_;
  std::vector<ErrorEntry>* out_;
};

void score_quotes(const GoldDocument& gold, const std::vector<const QuoteRecord*>& preds,
                  DocumentScore* score, ErrorBuilder* errors) {
  Tally& t = score->tally;
  Match m = match_quotes(gold.quotes, preds);
  for (size_t gi = 0; gi < gold.quotes.size(); ++gi) {
    const GoldQuote& g = gold.quotes[gi];
    if (!g.source.empty()) ++t.gold_with_source;
    if (m.gold_to_pred[gi] < 0) {
      if (errors) errors->missed(g);
      continue;
    }
    const QuoteRecord& r = *preds[m.gold_to_pred[gi]];
    ++t.matched;
    if (!g.source.empty()) {
      bool ok = speaker_correct(r, g);
      int c = static_cast<int>(g.source_class);
      ++t.speaker_total[c];
      t.speaker_correct[c] += ok;
      t.pair_correct += ok;
      if (!ok && errors) errors->wrong(ErrorEntry::Kind::kWrongSpeaker, r, g);
    }
    if (!g.cue.empty()) {
      bool ok = cue_correct(r, g);
      ++t.cue_total;
      t.cue_correct += ok;
      if (!ok && errors) errors->wrong(ErrorEntry::Kind::kWrongCue, r, g);
    }
  }
  for (size_t p = 0; p < preds.size(); ++p) {
    if (has_speaker(*preds[p])) ++t.predicted_with_speaker;
    if (m.pred_to_gold[p] < 0 && errors) errors->spurious(*preds[p]);
  }
}

bool indirect_match(ByteRange a, ByteRange b) {
  uint32_t o = overlap(a, b);
  return o > 0 && at_least(o, kIndirectOverlap, std::min(a.size(), b.size()));
}

bool indirect_match(ByteRange a, const Fragments& content) {
  for (ByteRange f : content)
    if (indirect_match(a, f)) return true;
  return false;
}

void score_indirect(const GoldDocument& gold, const std::vector<ByteRange>& preds, Tally* t) {
  t->indirect_predictions += preds.size();
  for (ByteRange p : preds)
    t->indirect_correct += std::any_of(gold.attributions.begin(), gold.attributions.end(),
                                       [&](const GoldAttribution& a) { return indirect_match(p, a.content); });
  for (const GoldAttribution& a : gold.attributions) {
    if (a.content.empty()) continue;
    ++t->gold_contents;
    t->gold_contents_found += std::any_of(preds.begin(), preds.end(), [&](ByteRange p) { return indirect_match(p, a.content); });
  }
}

// ------------------------------------------------------------ files ---

std::vector<std::string> list_dir(const std::string& dir, const std::string& suffix, bool* ok) {
  std::vector<std::string> names;
  DIR* d = ::opendir(dir.c_str());
  *ok = d != nullptr;
  if (!d) return names;
  while (dirent* e = ::readdir(d)) {
    std::string n = e->d_name;
    if (n.size() > suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0)
      names.push_back(n.substr(0, n.size() - suffix.size()));
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return s.str();
}

std::vector<DocumentScore> analyze_and_score(const std::vector<GoldDocument>& docs, const Analyzer& analyzer,
                                             const EvalConfig& config) {
  std::vector<DocumentScore> scores(docs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < docs.size();) {
      Document doc;
      doc.set_id(docs[i].name);
      doc.set_text(docs[i].text);
      scores[i] = score_document(docs[i], analyzer.analyze(doc), config.collect_errors);
    }
  };
  unsigned threads = config.threads ? config.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < docs.size(); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return scores;
}

}  // namespace

// ------------------------------------------------------------ public ---

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

double f1(double precision, double recall) {
  return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
}

void Tally::add(const Tally& o) {
  documents += o.documents, gold_quotes += o.gold_quotes, predictions += o.predictions, matched += o.matched;
  for (int c = 0; c < kSourceClasses; ++c)
    speaker_total[c] += o.speaker_total[c], speaker_correct[c] += o.speaker_correct[c];
  predicted_with_speaker += o.predicted_with_speaker, gold_with_source += o.gold_with_source;
  pair_correct += o.pair_correct, cue_total += o.cue_total, cue_correct += o.cue_correct;
  indirect_predictions += o.indirect_predictions, indirect_correct += o.indirect_correct;
  gold_contents += o.gold_contents, gold_contents_found += o.gold_contents_found;
  problems += o.problems, single_marked += o.single_marked;
}

Metrics Tally::metrics() const {
  Metrics m;
  m.quote = {{matched, predictions}, {matched, gold_quotes}};
  m.pair = {{pair_correct, predicted_with_speaker}, {pair_correct, gold_with_source}};
  m.indirect = {{indirect_correct, indirect_predictions}, {gold_contents_found, gold_contents}};
  for (int c = 0; c < kSourceClasses; ++c) {
    m.speaker_by_class[c] = {speaker_correct[c], speaker_total[c]};
    m.speaker.hits += speaker_correct[c];
    m.speaker.total += speaker_total[c];
  }
  m.cue = {cue_correct, cue_total};
  return m;
}

const char* error_kind_name(ErrorEntry::Kind k) {
  switch (k) {
    case ErrorEntry::Kind::kMissed: return "missed";
    case ErrorEntry::Kind::kSpurious: return "spurious";
    case ErrorEntry::Kind::kWrongSpeaker: return "speaker";
    default: return "cue";
  }
}

DocumentScore score_document(const GoldDocument& gold, const DocumentResult& result, bool collect_errors) {
  DocumentScore score;
  score.tally.documents = 1;
  score.tally.gold_quotes = gold.quotes.size();
  score.tally.problems = gold.problems.size();
  std::vector<const QuoteRecord*> speech;
  std::vector<ByteRange> indirect;
  for (const QuoteRecord& r : result.quotes()) {
    if (r.kind() == QuoteRecord::SPEECH && opened_by_single_mark(gold.text, r.span().begin())) ++score.tally.single_marked;
    else if (r.kind() == QuoteRecord::SPEECH) speech.push_back(&r);
    if (r.kind() == QuoteRecord::INDIRECT) indirect.push_back(range_of(r.span()));
  }
  score.tally.predictions = speech.size();
  ErrorBuilder builder(gold, result, &score.errors);
  score_quotes(gold, speech, &score, collect_errors ? &builder : nullptr);
  score_indirect(gold, indirect, &score.tally);
  return score;
}

model::Result<std::vector<SplitEntry>> list_split(const std::string& dir) {
  bool ok = false;
  std::vector<std::string> texts = list_dir(dir + "/text", ".txt", &ok);
  if (!ok) return model::make_error(model::ErrorCode::kIo, "cannot read the directory", dir + "/text");
  std::vector<std::string> anns = list_dir(dir + "/attributions", ".ann", &ok);  // sorted
  std::vector<SplitEntry> out;
  for (const std::string& name : texts) {
    SplitEntry e{name, dir + "/text/" + name + ".txt", ""};
    auto it = std::lower_bound(anns.begin(), anns.end(), name + "_");
    for (; it != anns.end() && it->compare(0, name.size() + 1, name + "_") == 0; ++it)
      if (it->find('_', name.size() + 1) == std::string::npos) {  // NAME_<annotator>, not NAME_more_<annotator>
        e.ann_path = dir + "/attributions/" + *it + ".ann";
        break;
      }
    out.push_back(std::move(e));
  }
  return out;
}

model::Result<GoldDocument> load_gold_document(const SplitEntry& entry) {
  std::optional<std::string> text = read_file(entry.text_path);
  if (!text) return model::make_error(model::ErrorCode::kIo, "cannot read " + entry.text_path, entry.text_path);
  std::optional<std::string> ann = entry.ann_path.empty() ? std::string() : read_file(entry.ann_path);
  if (!ann) return model::make_error(model::ErrorCode::kIo, "cannot read " + entry.ann_path, entry.ann_path);
  return make_gold_document(entry.name, std::move(*text), *ann);
}

model::Result<SplitReport> evaluate_split(const std::string& dir, const Analyzer& analyzer,
                                          const EvalConfig& config) {
  auto start = std::chrono::steady_clock::now();
  auto entries = list_split(dir);
  if (!entries) return entries.status();
  std::vector<GoldDocument> docs;
  for (const SplitEntry& e : entries.value()) {
    if (config.limit && docs.size() >= config.limit) break;
    auto doc = load_gold_document(e);
    if (!doc) return doc.status();
    docs.push_back(std::move(doc).value());
  }
  SplitReport report;
  report.dir = dir;
  std::vector<DocumentScore> scores = analyze_and_score(docs, analyzer, config);
  for (size_t i = 0; i < docs.size(); ++i) {
    report.tally.add(scores[i].tally);
    report.problems.insert(report.problems.end(), docs[i].problems.begin(), docs[i].problems.end());
    for (ErrorEntry& e : scores[i].errors) report.errors.push_back(std::move(e));
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace quotient::eval
