// The PostgreSQL back end of DbSink (libpq). A batch is one transaction of
// a few round trips, whatever its size: the documents are COPYed into a
// temporary staging table, their old quotes deleted and the documents
// upserted from it, and the new quotes COPYed into `quotes`.
#include <libpq-fe.h>

#include <cstdio>

#include "db_schema.hpp"

namespace quotient {
namespace {

// Serializes schema creation between quotient processes sharing a database
// (CREATE ... IF NOT EXISTS is not safe against a concurrent CREATE).
const char* const kSchemaLock = "SELECT pg_advisory_xact_lock(7172691)";
const char* const kStage =
    "CREATE TEMP TABLE IF NOT EXISTS quotient_stage (LIKE documents) ON COMMIT DELETE ROWS";
const char* const kCopyStage =
    "COPY quotient_stage (doc_id, status, outlet, date, title, url, source, quotes, diagnostics) FROM STDIN";
const char* const kDeleteQuotes = "DELETE FROM quotes q USING quotient_stage s WHERE q.doc_id = s.doc_id";
const char* const kUpsertDocuments =
    "INSERT INTO documents SELECT * FROM quotient_stage ON CONFLICT (doc_id) DO UPDATE SET\n"
    "  status = excluded.status, outlet = excluded.outlet, date = excluded.date,\n"
    "  title = excluded.title, url = excluded.url, source = excluded.source,\n"
    "  quotes = excluded.quotes, diagnostics = excluded.diagnostics";
const char* const kCopyQuotes =
    "COPY quotes (doc_id, idx, text, span_begin, span_end, kind, speaker_name, speaker_mention,\n"
    "  speaker_type, cue_text, cue_lemma, confidence, rule, tone_label, coop, scores, evidence,\n"
    "  depth, paragraphs) FROM STDIN";

// Rows in COPY's text format: tab-separated, \N for NULL, backslash escapes.
class CopyRows {
 public:
  CopyRows& operator()(const std::string& v) {
    sep();
    for (char c : v) escape(c);
    return *this;
  }
  CopyRows& operator()(const NullableText& v) { return v ? (*this)(*v) : null(); }
  CopyRows& operator()(long long v) { return sep(), out_ += std::to_string(v), *this; }
  CopyRows& operator()(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return sep(), out_ += buf, *this;
  }
  CopyRows& operator()(std::optional<double> v) { return v ? (*this)(*v) : null(); }
  void end_row() { out_ += '\n', first_ = true; }
  const std::string& data() const { return out_; }

 private:
  void sep() {
    if (!first_) out_ += '\t';
    first_ = false;
  }
  CopyRows& null() { return sep(), out_ += "\\N", *this; }
  void escape(char c) {
    switch (c) {
      case '\\': out_ += "\\\\"; break;
      case '\t': out_ += "\\t"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\0': break;  // PostgreSQL text cannot hold NUL
      default: out_ += c;
    }
  }
  std::string out_;
  bool first_ = true;
};

std::string document_rows(const DbSink::Batch& batch) {
  CopyRows rows;
  for (const DocumentRow& d : batch.documents) {
    rows(d.doc_id)(d.status)(d.outlet)(d.date)(d.title)(d.url)(d.source)(d.quotes)(d.diagnostics);
    rows.end_row();
  }
  return rows.data();
}

std::string quote_rows(const DbSink::Batch& batch) {
  CopyRows rows;
  for (const QuoteRow& q : batch.quotes) {
    rows(q.doc_id)(q.idx)(q.text)(q.span_begin)(q.span_end)(q.kind)(q.speaker_name)(q.speaker_mention)(
        q.speaker_type)(q.cue_text)(q.cue_lemma)(q.confidence)(q.rule)(q.tone_label)(q.coop)(q.scores)(
        q.evidence)(q.depth)(q.paragraphs);
    rows.end_row();
  }
  return rows.data();
}

void ignore_notice(void*, const char*) {}

class PostgresSink final : public DbSink {
 public:
  PostgresSink(PGconn* conn, DbSinkConfig config) : DbSink(config), conn_(conn) {
    PQsetNoticeProcessor(conn_, ignore_notice, nullptr);  // library code never prints
  }
  ~PostgresSink() override { PQfinish(conn_); }  // an open transaction is rolled back

 protected:
  std::string create_schema() override;
  std::string store(const Batch& batch) override;

 private:
  std::string exec(const char* sql);
  std::string copy(const char* sql, const std::string& rows);
  std::string store_in_transaction(const Batch& batch);
  std::string failure() const;

  PGconn* conn_;
  bool schema_ = false;
};

std::string PostgresSink::failure() const {
  std::string message = PQerrorMessage(conn_);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message.empty() ? "PostgreSQL failed" : message;
}

std::string PostgresSink::exec(const char* sql) {
  PGresult* r = PQexec(conn_, sql);
  ExecStatusType status = PQresultStatus(r);
  PQclear(r);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ? "" : failure();
}

std::string PostgresSink::copy(const char* sql, const std::string& rows) {
  PGresult* r = PQexec(conn_, sql);
  ExecStatusType status = PQresultStatus(r);
  PQclear(r);
  if (status != PGRES_COPY_IN) return failure();
  bool sent = rows.empty() || PQputCopyData(conn_, rows.data(), static_cast<int>(rows.size())) == 1;
  if (PQputCopyEnd(conn_, sent ? nullptr : "quotient could not send the rows") != 1) return failure();
  std::string err;
  while (PGresult* end = PQgetResult(conn_)) {
    if (PQresultStatus(end) != PGRES_COMMAND_OK && err.empty()) err = failure();
    PQclear(end);
  }
  return err;
}

std::string PostgresSink::create_schema() {
  if (std::string err = exec("BEGIN"); !err.empty()) return err;
  std::string err = exec(kSchemaLock);
  for (const std::string& sql : schema_statements(SqlDialect::kPostgres))
    if (err.empty()) err = exec(sql.c_str());
  if (err.empty()) err = exec("COMMIT");
  if (!err.empty()) return exec("ROLLBACK"), err;
  if (std::string e = exec(kStage); !e.empty()) return e;
  schema_ = true;
  return "";
}

std::string PostgresSink::store_in_transaction(const Batch& batch) {
  if (std::string err = copy(kCopyStage, document_rows(batch)); !err.empty()) return err;
  if (std::string err = exec(kDeleteQuotes); !err.empty()) return err;
  if (std::string err = exec(kUpsertDocuments); !err.empty()) return err;
  if (std::string err = copy(kCopyQuotes, quote_rows(batch)); !err.empty()) return err;
  return exec("COMMIT");
}

std::string PostgresSink::store(const Batch& batch) {
  if (!schema_) return "the schema was not created (begin() first)";
  if (std::string err = exec("BEGIN"); !err.empty()) return err;
  std::string err = store_in_transaction(batch);
  if (!err.empty()) exec("ROLLBACK");
  return err;
}

}  // namespace

std::unique_ptr<DbSink> open_postgres_sink(const std::string& uri, DbSinkConfig config, std::string* error) {
  PGconn* conn = PQconnectdb(uri.c_str());
  auto sink = std::make_unique<PostgresSink>(conn, config);
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    std::string message = conn ? PQerrorMessage(conn) : "out of memory";
    while (!message.empty() && message.back() == '\n') message.pop_back();
    *error = "cannot connect to PostgreSQL: " + message;
    return nullptr;
  }
  if (PQsetClientEncoding(conn, "UTF8") != 0) {
    *error = "PostgreSQL: cannot use the UTF8 client encoding";
    return nullptr;
  }
  return sink;
}

}  // namespace quotient
