// eval_attribution.cpp — scoring quotient analyze output against the gold:
// matching, speaker, pair, cue and indirect tallies; splits read from disk.
#include "eval_attribution.hpp"

#include <dirent.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "eval_internal.hpp"

namespace quotient::eval {
using detail::at_least;
using detail::joined_text;

namespace {

// ---------------------------------------------------------- scoring ---

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
