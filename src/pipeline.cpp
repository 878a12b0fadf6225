#include "pipeline.hpp"

#include <cstring>

#include "attribution.hpp"
#include "grammar.hpp"
#include "tone_model.hpp"
#include "tone_bridge.hpp"
#include "utf8.hpp"

namespace quotient {
namespace {

void add_diagnostic(DocumentResult* r, Diagnostic::Severity sev, const std::string& code,
                    const std::string& message, uint64_t offset) {
  Diagnostic* d = r->add_diagnostics();
  d->set_severity(sev);
  d->set_code(code);
  d->set_message(message);
  d->set_offset(offset);
}

Diagnostic::Severity severity_of(grammar::Diagnostic::Severity s) {
  switch (s) {
    case grammar::Diagnostic::Severity::kInfo: return Diagnostic::INFO;
    case grammar::Diagnostic::Severity::kWarning: return Diagnostic::WARNING;
    default: return Diagnostic::ERROR;
  }
}

QuoteRecord::Kind kind_of(QuoteKind k) {
  switch (k) {
    case QuoteKind::kSpeech: return QuoteRecord::SPEECH;
    case QuoteKind::kScare: return QuoteRecord::SCARE;
    case QuoteKind::kTitle: return QuoteRecord::TITLE;
    case QuoteKind::kIndirect: return QuoteRecord::INDIRECT;
    default: return QuoteRecord::EMBEDDED;
  }
}

Speaker::Type type_of(SpeakerType t) {
  switch (t) {
    case SpeakerType::kPerson: return Speaker::PERSON;
    case SpeakerType::kOrganization: return Speaker::ORGANIZATION;
    case SpeakerType::kGroup: return Speaker::GROUP;
    case SpeakerType::kRole: return Speaker::ROLE;
    default: return Speaker::UNKNOWN;
  }
}

void set_span(Span* span, grammar::Range r) {
  span->set_begin(r.begin);
  span->set_end(r.end);
}

// Sub-messages of this thread's earlier records, kept for reuse: the
// Clear() of a heap result deletes each record's Span, Speaker and Cue
// (proto3 sub-messages are freed, not cleared), and filling the next
// document allocated them, and their strings, again.
template <typename M>
std::vector<std::unique_ptr<M>>& spares() {
  thread_local std::vector<std::unique_ptr<M>> spare;
  return spare;
}

// Keeps m (owned; may be null) for reuse, at most `keep` of its type.
template <typename M>
void keep_spare(M* m, size_t keep) {
  std::unique_ptr<M> owned(m);
  if (owned && spares<M>().size() < keep) spares<M>().push_back(std::move(owned));
}

// A spare M, or a new one. Its fields hold an earlier record's values:
// the caller sets every one of them.
template <typename M>
M* take_spare() {
  std::vector<std::unique_ptr<M>>& spare = spares<M>();
  if (spare.empty()) return new M;
  M* m = spare.back().release();
  spare.pop_back();
  return m;
}

// rec's sub-message that fill_record() sets in full: a spare one when rec
// is on the heap and has none, else its own.
template <typename M>
M* reused(QuoteRecord* rec, bool has, M* (QuoteRecord::*mut)(), void (QuoteRecord::*set)(M*)) {
  if (!has && rec->GetArena() == nullptr) (rec->*set)(take_spare<M>());
  return (rec->*mut)();
}

void fill_record(const std::string& text, grammar::Range span, const Attribution& a, QuoteRecord* rec) {
  rec->mutable_text()->assign(text, span.begin, span.size());
  set_span(reused(rec, rec->has_span(), &QuoteRecord::mutable_span, &QuoteRecord::set_allocated_span), span);
  rec->set_kind(kind_of(a.kind));
  if (a.mention) {
    Speaker* s = reused(rec, rec->has_speaker(), &QuoteRecord::mutable_speaker, &QuoteRecord::set_allocated_speaker);
    s->set_name(a.name);
    s->mutable_mention()->assign(text, a.mention->begin, a.mention->size());
    set_span(s->mutable_mention_span(), *a.mention);
    s->set_type(type_of(a.type));
  }
  if (a.cue) {
    Cue* c = reused(rec, rec->has_cue(), &QuoteRecord::mutable_cue, &QuoteRecord::set_allocated_cue);
    c->mutable_text()->assign(text, a.cue->range.begin, a.cue->range.size());
    c->mutable_lemma()->assign(a.cue->lemma.data(), a.cue->lemma.size());
    set_span(c->mutable_span(), a.cue->range);
  }
  rec->set_confidence(a.confidence);
  rec->set_rule(a.rule);
}

grammar::Range shifted(grammar::Range r, uint32_t by) { return {r.begin + by, r.end + by}; }

// Top-level quotes of a scan by position, to tell whether a cut falls
// inside one.
class TopQuotes {
 public:
  explicit TopQuotes(const grammar::QuoteScan& scan) {
    for (const grammar::Quote& q : scan.quotes)
      if (q.depth == 0) ranges_.push_back(q.outer);
  }
  // The end of the top-level quote that `pos` falls strictly inside, or pos.
  size_t outside(size_t pos) const {
    auto it = std::upper_bound(ranges_.begin(), ranges_.end(), pos,
                               [](size_t p, const grammar::Range& r) { return p < r.begin; });
    if (it == ranges_.begin()) return pos;
    --it;
    return pos > it->begin && pos < it->end ? it->end : pos;
  }

 private:
  std::vector<grammar::Range> ranges_;
};

// Where the part of `text` that starts at `begin` ends: after the last line
// break outside quotes in the second half of [begin, begin + size), else
// after the last space outside quotes there, else at the character boundary
// before begin + size; pushed past a quote it would cut.
size_t segment_end(std::string_view text, size_t begin, size_t size, const TopQuotes& tops) {
  if (text.size() - begin <= size) return text.size();
  size_t hi = begin + size, lo = begin + size / 2;
  for (char sep : {'\n', ' '})
    for (size_t p = hi; p > lo;) {
      const void* hit = memrchr(text.data() + lo, sep, p - lo);
      if (!hit) break;
      p = static_cast<size_t>(static_cast<const char*>(hit) - text.data());
      if (tops.outside(p + 1) == p + 1) return p + 1;
    }
  // No break in sight: cut at a character boundary, outside quotes.
  while (hi > lo && (static_cast<unsigned char>(text[hi]) & 0xC0) == 0x80) --hi;
  return std::min(text.size(), tops.outside(hi));
}

// attribute() over parts of at most about `size` bytes: each part gets the
// quotes inside it, its results are mapped back to document offsets and
// quote indices. One part (the usual case) is attribute() itself.
std::vector<Attribution> attribute_in_parts(std::string_view text, const grammar::QuoteScan& scan,
                                            bool indirect, size_t size, size_t* parts) {
  *parts = 1;
  if (text.size() <= size) return attribute(text, scan, indirect);
  TopQuotes tops(scan);
  std::vector<Attribution> out;
  size_t qa = 0;
  *parts = 0;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = segment_end(text, begin, size, tops);
    auto off = static_cast<uint32_t>(begin);
    grammar::QuoteScan part;
    size_t qb = qa;
    while (qb < scan.quotes.size() && scan.quotes[qb].outer.begin < end) {
      grammar::Quote q = scan.quotes[qb++];
      q.inner = {q.inner.begin - off, q.inner.end - off};
      q.outer = {q.outer.begin - off, q.outer.end - off};
      if (q.parent >= 0) q.parent -= static_cast<int32_t>(qa);
      part.quotes.push_back(q);
    }
    for (Attribution& a : attribute(text.substr(begin, end - begin), part, indirect)) {
      if (a.kind == QuoteKind::kIndirect) a.content = shifted(a.content, off);
      else a.quote += qa;
      if (a.mention) a.mention = shifted(*a.mention, off);
      if (a.cue) a.cue->range = shifted(a.cue->range, off);
      out.push_back(std::move(a));
    }
    qa = qb;
    begin = end;
    ++*parts;
  }
  return out;
}

}  // namespace

std::string PipelineConfig::validate() const {
  if (max_quotes == 0) return "max_quotes must be positive";
  if (segment_bytes == 0) return "segment_bytes must be positive";
  if (max_document_bytes == 0) return "max_document_bytes must be positive";
  if (max_document_bytes >= (size_t{1} << 32)) return "max_document_bytes must be below 4 GiB";
  return "";
}

Analyzer::Analyzer(PipelineConfig config, const model::ToneModel* tone)
    : config_(std::move(config)), tone_(tone) {}

bool Analyzer::admit(const Document& doc, TextFacts facts, DocumentResult* r) const {
  const std::string& t = doc.text();
  if (t.size() > config_.max_document_bytes) {
    r->set_status(DocumentResult::SKIPPED);
    add_diagnostic(r, Diagnostic::ERROR, "too_large",
                   "document of " + std::to_string(t.size()) + " bytes exceeds the limit of " +
                       std::to_string(config_.max_document_bytes) + " (--max-doc-bytes)",
                   0);
    return false;
  }
  if (size_t nul = find_nul(t); nul != std::string::npos) {
    r->set_status(DocumentResult::FAILED);
    add_diagnostic(r, Diagnostic::ERROR, "binary", "NUL byte: this is binary data, not text", nul);
    return false;
  }
  if (size_t bad = facts.valid_utf8 ? std::string::npos : find_invalid_utf8(t); bad != std::string::npos) {
    r->set_status(DocumentResult::FAILED);
    add_diagnostic(r, Diagnostic::ERROR, "invalid_utf8", "invalid UTF-8 byte sequence", bad);
    return false;
  }
  if (t.find_first_not_of(" \t\r\n") == std::string::npos) {
    r->set_status(DocumentResult::SKIPPED);
    add_diagnostic(r, Diagnostic::WARNING, "empty", "document has no text", 0);
    return false;
  }
  return true;
}

namespace {

// Tone messages of this thread's earlier records, kept for reuse: the
// Clear() of a result deletes each record's Tone with its scores and
// evidence, and scoring the next document allocated them all again.
std::vector<std::unique_ptr<Tone>>& spare_tones() {
  thread_local std::vector<std::unique_ptr<Tone>> spare;
  return spare;
}

// Moves the Tone of every record of *r to the spare list (at most `keep` in
// all), as it is: fill_tone() sets all its fields, and its scores and
// evidence keep their strings (the class names among them) and memory.
void recycle_tones(DocumentResult* r, size_t keep) {
  std::vector<std::unique_ptr<Tone>>& spare = spare_tones();
  for (QuoteRecord& q : *r->mutable_quotes())
    if (q.has_tone() && spare.size() < keep) spare.emplace_back(q.release_tone());
}

// Gives rec a spare Tone, one whose label is `label` when one of the last
// few spares has it (its evidence items then hold that label already, and
// fill_tone() copies none); false when there is no spare.
bool lend_tone(const std::string& label, QuoteRecord* rec) {
  constexpr size_t kLook = 8;
  std::vector<std::unique_ptr<Tone>>& spare = spare_tones();
  const size_t n = spare.size();
  if (n == 0) return false;
  for (size_t i = n; i-- > n - std::min(n, kLook);) {
    if (spare[i]->label() != label) continue;
    std::swap(spare[i], spare.back());
    break;
  }
  rec->set_allocated_tone(spare.back().release());
  spare.pop_back();
  return true;
}

// Moves the Span, Speaker and Cue of every record of *r to their spare
// lists (at most `keep` of each), as they are: fill_record() sets all their
// fields, and their strings keep their buffers.
void recycle_parts(DocumentResult* r, size_t keep) {
  for (QuoteRecord& q : *r->mutable_quotes()) {
    if (q.has_span()) keep_spare(q.release_span(), keep);
    if (q.has_speaker()) keep_spare(q.release_speaker(), keep);
    if (q.has_cue()) keep_spare(q.release_cue(), keep);
  }
}

}  // namespace

void Analyzer::score_tone(std::string_view tone_lemma, QuoteRecord* rec) const {
  if (!tone_ || !config_.tone) return;
  if (rec->kind() != QuoteRecord::SPEECH && rec->kind() != QuoteRecord::INDIRECT) return;
  const model::ToneOutput& out =
      score_quote(*tone_, rec->text(), tone_lemma.empty() ? std::string_view(rec->cue().lemma()) : tone_lemma);
  bool lent = rec->GetArena() == nullptr && lend_tone(out.label, rec);
  fill_tone(out, rec->mutable_tone());
  // A scorer that left the record without a tone leaves no empty one behind.
  if (lent && rec->tone().label().empty() && rec->tone().scores_size() == 0)
    spare_tones().emplace_back(rec->release_tone());
}

DocumentResult Analyzer::analyze(const Document& doc) const {
  DocumentResult r;
  analyze(doc, &r);
  return r;
}

void Analyzer::analyze(const Document& doc, DocumentResult* out, TextFacts facts) const {
  if (out->GetArena() == nullptr) {
    recycle_tones(out, config_.max_quotes);
    recycle_parts(out, config_.max_quotes);
  }
  out->Clear();  // keeps the records it held, to be filled again
  DocumentResult& r = *out;
  r.set_doc_id(doc.id());
  r.set_status(DocumentResult::OK);
  if (!admit(doc, facts, &r)) return;
  const std::string& text = doc.text();
  grammar::QuoteScan scan = grammar::scan_quotes(text);
  for (const grammar::Diagnostic& d : scan.diagnostics)
    add_diagnostic(&r, severity_of(d.severity), d.code, d.message, d.offset);
  std::string_view body = text;
  if (scan.quotes.size() > config_.max_quotes) {
    // Analyse the text before the first quote over the cap, quotes paired
    // as they are in it.
    size_t found = scan.quotes.size();
    uint32_t cut = scan.quotes[config_.max_quotes].outer.begin;
    body = body.substr(0, cut);
    scan = grammar::scan_quotes(body);
    if (scan.quotes.size() > config_.max_quotes) scan.quotes.resize(config_.max_quotes);
    add_diagnostic(&r, Diagnostic::WARNING, "too_many_quotes",
                   std::to_string(found) + " quotes in the document; the text from byte " +
                       std::to_string(cut) + " on is not analysed (--max-quotes " +
                       std::to_string(config_.max_quotes) + ")",
                   cut);
  }
  std::vector<Attribution> attributions;
  if (!scan.quotes.empty() || config_.indirect) {  // else there is nothing to attribute
    size_t parts = 1;
    attributions = attribute_in_parts(body, scan, config_.indirect, config_.segment_bytes, &parts);
    if (parts > 1)
      add_diagnostic(&r, Diagnostic::INFO, "segmented",
                     "document of " + std::to_string(body.size()) + " bytes attributed in " +
                         std::to_string(parts) + " parts of about " + std::to_string(config_.segment_bytes) +
                         " bytes: names and pronouns resolve within a part",
                     0);
  }
  for (size_t i = 0; i < attributions.size(); ++i) {
    QuoteRecord* rec = r.add_quotes();
    rec->set_doc_id(doc.id());
    rec->set_index(static_cast<uint32_t>(i));
    const Attribution& a = attributions[i];
    if (a.kind == QuoteKind::kIndirect) {
      fill_record(text, a.content, a, rec);
      rec->set_paragraphs(1);
    } else {
      const grammar::Quote& q = scan.quotes[a.quote];
      fill_record(text, q.inner, a, rec);
      rec->set_depth(q.depth);
      rec->set_paragraphs(q.paragraphs);
    }
    score_tone(a.tone_lemma, rec);
  }
}

}  // namespace quotient
