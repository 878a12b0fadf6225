#include "pipeline.hpp"

#include "attribution.hpp"
#include "grammar.hpp"
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

void fill_record(const std::string& text, grammar::Range span, const Attribution& a, QuoteRecord* rec) {
  rec->mutable_text()->assign(text, span.begin, span.size());
  set_span(rec->mutable_span(), span);
  rec->set_kind(kind_of(a.kind));
  if (a.mention) {
    Speaker* s = rec->mutable_speaker();
    s->set_name(a.name);
    s->mutable_mention()->assign(text, a.mention->begin, a.mention->size());
    set_span(s->mutable_mention_span(), *a.mention);
    s->set_type(type_of(a.type));
  }
  if (a.cue) {
    Cue* c = rec->mutable_cue();
    c->mutable_text()->assign(text, a.cue->range.begin, a.cue->range.size());
    c->mutable_lemma()->assign(a.cue->lemma.data(), a.cue->lemma.size());
    set_span(c->mutable_span(), a.cue->range);
  }
  rec->set_confidence(a.confidence);
  rec->set_rule(a.rule);
}

}  // namespace

std::string PipelineConfig::validate() const {
  if (max_document_bytes == 0) return "max_document_bytes must be positive";
  if (max_document_bytes >= (size_t{1} << 32)) return "max_document_bytes must be below 4 GiB";
  return "";
}

Analyzer::Analyzer(PipelineConfig config, const model::ToneModel* tone)
    : config_(std::move(config)), tone_(tone) {}

bool Analyzer::admit(const Document& doc, DocumentResult* r) const {
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
  if (size_t bad = find_invalid_utf8(t); bad != std::string::npos) {
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

void Analyzer::score_tone(const Document& doc, QuoteRecord* rec) const {
  if (!tone_ || !config_.tone) return;
  if (rec->kind() != QuoteRecord::SPEECH && rec->kind() != QuoteRecord::INDIRECT) return;
  score_quote_tone(*tone_, doc, rec);
}

DocumentResult Analyzer::analyze(const Document& doc) const {
  DocumentResult r;
  analyze(doc, &r);
  return r;
}

void Analyzer::analyze(const Document& doc, DocumentResult* out) const {
  out->Clear();  // keeps the records it held, to be filled again
  DocumentResult& r = *out;
  r.set_doc_id(doc.id());
  r.set_status(DocumentResult::OK);
  if (!admit(doc, &r)) return;
  const std::string& text = doc.text();
  grammar::QuoteScan scan = grammar::scan_quotes(text);
  for (const grammar::Diagnostic& d : scan.diagnostics)
    add_diagnostic(&r, severity_of(d.severity), d.code, d.message, d.offset);
  std::vector<Attribution> attributions = attribute(text, scan, config_.indirect);
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
    score_tone(doc, rec);
  }
}

}  // namespace quotient
