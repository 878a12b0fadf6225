// db_schema.hpp — what the database sinks share (not for callers of
// db_sink.hpp): the schema script, and DocumentResults flattened into rows.
//
// Tables (the same in SQLite and PostgreSQL; README.md "Dashboards"):
//   documents  doc_id PK, status, outlet, date, title, url, source, quotes,
//              diagnostics (JSON array text)
//   quotes     (doc_id, idx) PK, text, span_begin, span_end, kind,
//              speaker_name, speaker_mention, speaker_type, cue_text,
//              cue_lemma, confidence, rule, tone_label, coop, scores (JSON
//              object text), evidence (JSON array text), depth, paragraphs
//   sides      name PK, side — filled by users, read by tone_by_side
//   quotient_schema  key PK, value — schema_version
// Views: speakers, tone_by_speaker, tone_by_month, tone_by_outlet, tone_by_side.
#ifndef QUOTIENT_SRC_DB_SCHEMA_HPP_
#define QUOTIENT_SRC_DB_SCHEMA_HPP_

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "db_sink.hpp"

namespace quotient {

enum class SqlDialect { kSqlite, kPostgres };

constexpr int kDbSchemaVersion = 1;

// The statements that create what is missing (tables, indexes, views), in
// order; each runs on its own.
std::vector<std::string> schema_statements(SqlDialect dialect);

using NullableText = std::optional<std::string>;  // nullopt = SQL NULL

// One row of `documents`; empty metadata becomes NULL.
struct DocumentRow {
  std::string doc_id, status;
  NullableText outlet, date, title, url, source;
  long long quotes = 0;
  std::string diagnostics;  // JSON array
};

// One row of `quotes`; an empty speaker, cue, rule or tone becomes NULL.
struct QuoteRow {
  std::string doc_id;
  long long idx = 0;
  std::string text;
  long long span_begin = 0, span_end = 0;
  std::string kind;
  NullableText speaker_name, speaker_mention, speaker_type, cue_text, cue_lemma, rule, tone_label;
  double confidence = 0;
  std::optional<double> coop;  // NULL when the quote has no tone
  NullableText scores, evidence;  // JSON; NULL when the quote has no tone
  long long depth = 0, paragraphs = 0;
};

// The rows of the buffered documents; a doc_id appears at most once (the
// last write of it wins), quotes follow their documents' order.
struct DbSink::Batch {
  std::vector<DocumentRow> documents;
  std::vector<QuoteRow> quotes;
  std::unordered_map<std::string, size_t> position;  // doc_id -> index in documents

  void add(const DocumentResult& result, const DocumentMeta& meta);
  void clear() { documents.clear(), quotes.clear(), position.clear(); }
  // The doc_ids of `documents`, for deleting their old quotes.
  std::vector<std::string> doc_ids() const;
};

// The back ends (sqlite_sink.cpp, postgres_sink.cpp); null and *error on failure.
std::unique_ptr<DbSink> open_sqlite_sink(const std::string& path, DbSinkConfig config, std::string* error);
std::unique_ptr<DbSink> open_postgres_sink(const std::string& uri, DbSinkConfig config, std::string* error);

}  // namespace quotient

#endif  // QUOTIENT_SRC_DB_SCHEMA_HPP_
