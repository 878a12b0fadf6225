#include "db_schema.hpp"

#include <algorithm>
#include <cstdio>

#include "json_writer.hpp"

namespace quotient {
namespace {

// Counts per tone label, shared by the tone_by_* views.
const char* const kLabelCounts =
    "  sum(CASE WHEN q.tone_label = 'constructive' THEN 1 ELSE 0 END) AS constructive,\n"
    "  sum(CASE WHEN q.tone_label = 'pragmatic' THEN 1 ELSE 0 END) AS pragmatic,\n"
    "  sum(CASE WHEN q.tone_label = 'neutral' THEN 1 ELSE 0 END) AS neutral,\n"
    "  sum(CASE WHEN q.tone_label = 'critical' THEN 1 ELSE 0 END) AS critical\n";

const char* const kTables[] = {
    "CREATE TABLE IF NOT EXISTS quotient_schema (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS documents (\n"
    "  doc_id TEXT PRIMARY KEY, status TEXT NOT NULL, outlet TEXT, date TEXT, title TEXT,\n"
    "  url TEXT, source TEXT, quotes BIGINT NOT NULL, diagnostics TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS quotes (\n"
    "  doc_id TEXT NOT NULL, idx BIGINT NOT NULL, text TEXT NOT NULL,\n"
    "  span_begin BIGINT NOT NULL, span_end BIGINT NOT NULL, kind TEXT NOT NULL,\n"
    "  speaker_name TEXT, speaker_mention TEXT, speaker_type TEXT, cue_text TEXT, cue_lemma TEXT,\n"
    "  confidence DOUBLE PRECISION NOT NULL, rule TEXT, tone_label TEXT, coop DOUBLE PRECISION,\n"
    "  scores TEXT, evidence TEXT, depth BIGINT NOT NULL, paragraphs BIGINT NOT NULL,\n"
    "  PRIMARY KEY (doc_id, idx))",
    "CREATE TABLE IF NOT EXISTS sides (name TEXT PRIMARY KEY, side TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS quotes_speaker_name ON quotes (speaker_name)",
    "CREATE INDEX IF NOT EXISTS quotes_doc_id ON quotes (doc_id)",
    "CREATE INDEX IF NOT EXISTS documents_date ON documents (date)",
    "CREATE INDEX IF NOT EXISTS documents_outlet ON documents (outlet)",
};

struct View {
  const char* name;
  std::string body;
};

std::vector<View> views() {
  const std::string scored = "FROM quotes q JOIN documents d ON d.doc_id = q.doc_id\n";
  return {
      {"speakers",
       "SELECT speaker_name AS name, speaker_type AS type, count(*) AS quotes,\n"
       "  count(coop) AS scored, avg(coop) AS mean_coop\n"
       "FROM quotes WHERE speaker_name IS NOT NULL GROUP BY speaker_name, speaker_type"},
      {"tone_by_speaker",
       "SELECT q.speaker_name AS speaker, count(*) AS quotes, count(DISTINCT q.doc_id) AS documents,\n"
       "  avg(q.coop) AS mean_coop, min(q.coop) AS min_coop, max(q.coop) AS max_coop,\n"
       "  min(d.date) AS first_date, max(d.date) AS last_date,\n" + std::string(kLabelCounts) + scored +
           "WHERE q.speaker_name IS NOT NULL AND q.coop IS NOT NULL GROUP BY q.speaker_name"},
      {"tone_by_month",
       "SELECT substr(d.date, 1, 7) AS month, q.speaker_name AS speaker, count(*) AS quotes,\n"
       "  avg(q.coop) AS mean_coop,\n" + std::string(kLabelCounts) + scored +
           "WHERE d.date IS NOT NULL AND q.coop IS NOT NULL\n"
           "GROUP BY substr(d.date, 1, 7), q.speaker_name"},
      {"tone_by_outlet",
       "SELECT d.outlet AS outlet, count(*) AS quotes, count(DISTINCT q.doc_id) AS documents,\n"
       "  avg(q.coop) AS mean_coop,\n" + std::string(kLabelCounts) + scored +
           "WHERE d.outlet IS NOT NULL AND q.coop IS NOT NULL GROUP BY d.outlet"},
      {"tone_by_side",
       "SELECT s.side AS side, count(*) AS quotes, count(DISTINCT q.speaker_name) AS speakers,\n"
       "  avg(q.coop) AS mean_coop,\n" + std::string(kLabelCounts) +
           "FROM quotes q JOIN sides s ON s.name = q.speaker_name\n"
           "WHERE q.coop IS NOT NULL GROUP BY s.side"},
  };
}

NullableText nullable(const std::string& s) { return s.empty() ? NullableText() : NullableText(s); }

void append_number(std::string& out, double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  out += buf;
}

std::string diagnostics_json(const DocumentResult& r) {
  std::string out = "[";
  for (const Diagnostic& d : r.diagnostics()) {
    if (out.size() > 1) out += ',';
    out += "{\"severity\":";
    append_json_string(out, Diagnostic::Severity_Name(d.severity()));
    out += ",\"code\":";
    append_json_string(out, d.code());
    out += ",\"message\":";
    append_json_string(out, d.message());
    out += ",\"offset\":" + std::to_string(d.offset()) + "}";
  }
  return out + "]";
}

// {"constructive":0.41,...} in the model's class order.
std::string scores_json(const Tone& t) {
  std::string out = "{";
  for (const ClassScore& s : t.scores()) {
    if (out.size() > 1) out += ',';
    append_json_string(out, s.label());
    out += ':';
    append_number(out, s.probability());
  }
  return out + "}";
}

std::string evidence_json(const Tone& t) {
  std::string out = "[";
  for (const Evidence& e : t.evidence()) {
    if (out.size() > 1) out += ',';
    out += "{\"feature\":";
    append_json_string(out, e.feature());
    out += ",\"label\":";
    append_json_string(out, e.label());
    out += ",\"weight\":";
    append_number(out, e.weight());
    out += '}';
  }
  return out + "]";
}

QuoteRow quote_row(const QuoteRecord& q, const std::string& doc_id) {
  QuoteRow row;
  row.doc_id = doc_id;
  row.idx = q.index();
  row.text = q.text();
  row.span_begin = q.span().begin();
  row.span_end = q.span().end();
  row.kind = QuoteRecord::Kind_Name(q.kind());
  row.speaker_name = nullable(q.speaker().name());
  row.speaker_mention = nullable(q.speaker().mention());
  if (q.has_speaker() && !q.speaker().name().empty()) row.speaker_type = Speaker::Type_Name(q.speaker().type());
  row.cue_text = nullable(q.cue().text());
  row.cue_lemma = nullable(q.cue().lemma());
  row.confidence = q.confidence();
  row.rule = nullable(q.rule());
  row.tone_label = nullable(q.tone().label());
  if (row.tone_label) {
    row.coop = q.tone().coop();
    row.scores = scores_json(q.tone());
    row.evidence = evidence_json(q.tone());
  }
  row.depth = q.depth();
  row.paragraphs = q.paragraphs();
  return row;
}

}  // namespace

std::vector<std::string> schema_statements(SqlDialect dialect) {
  std::vector<std::string> out(std::begin(kTables), std::end(kTables));
  out.push_back("INSERT INTO quotient_schema (key, value) VALUES ('schema_version', '" +
                std::to_string(kDbSchemaVersion) + "') ON CONFLICT (key) DO NOTHING");
  const char* create = dialect == SqlDialect::kSqlite ? "CREATE VIEW IF NOT EXISTS " : "CREATE OR REPLACE VIEW ";
  for (const View& v : views()) out.push_back(create + std::string(v.name) + " AS\n" + v.body);
  return out;
}

void DbSink::Batch::add(const DocumentResult& r, const DocumentMeta& meta) {
  DocumentRow doc{r.doc_id(), DocumentResult::Status_Name(r.status()), nullable(meta.outlet),
                  nullable(meta.date), nullable(meta.title), nullable(meta.url), nullable(meta.source),
                  r.quotes_size(), diagnostics_json(r)};
  auto [it, fresh] = position.emplace(r.doc_id(), documents.size());
  if (fresh) {
    documents.push_back(std::move(doc));
  } else {  // the same id twice in one batch: the later document replaces the earlier
    documents[it->second] = std::move(doc);
    quotes.erase(std::remove_if(quotes.begin(), quotes.end(),
                                [&](const QuoteRow& q) { return q.doc_id == r.doc_id(); }),
                 quotes.end());
  }
  for (const QuoteRecord& q : r.quotes()) quotes.push_back(quote_row(q, r.doc_id()));
}

std::vector<std::string> DbSink::Batch::doc_ids() const {
  std::vector<std::string> ids;
  ids.reserve(documents.size());
  for (const DocumentRow& d : documents) ids.push_back(d.doc_id);
  return ids;
}

}  // namespace quotient
