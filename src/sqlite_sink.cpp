// The SQLite back end of DbSink: WAL journal, one transaction per batch,
// prepared statements reused across batches.
#include <sqlite3.h>

#include "db_schema.hpp"

namespace quotient {
namespace {

struct StatementCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

const char* const kDeleteQuotes = "DELETE FROM quotes WHERE doc_id = ?";
const char* const kUpsertDocument =
    "INSERT INTO documents (doc_id, status, outlet, date, title, url, source, quotes, diagnostics)\n"
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET\n"
    "  status = excluded.status, outlet = excluded.outlet, date = excluded.date,\n"
    "  title = excluded.title, url = excluded.url, source = excluded.source,\n"
    "  quotes = excluded.quotes, diagnostics = excluded.diagnostics";
const char* const kInsertQuote =
    "INSERT INTO quotes (doc_id, idx, text, span_begin, span_end, kind, speaker_name,\n"
    "  speaker_mention, speaker_type, cue_text, cue_lemma, confidence, rule, tone_label, coop,\n"
    "  scores, evidence, depth, paragraphs)\n"
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// Binds values to consecutive parameters of one statement.
class Binder {
 public:
  explicit Binder(sqlite3_stmt* s) : s_(s) { sqlite3_reset(s), sqlite3_clear_bindings(s); }
  Binder& operator()(const std::string& v) {
    sqlite3_bind_text(s_, ++i_, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Binder& operator()(const NullableText& v) { return v ? (*this)(*v) : null(); }
  Binder& operator()(long long v) { return sqlite3_bind_int64(s_, ++i_, v), *this; }
  Binder& operator()(double v) { return sqlite3_bind_double(s_, ++i_, v), *this; }
  Binder& operator()(std::optional<double> v) { return v ? (*this)(*v) : null(); }

 private:
  Binder& null() { return sqlite3_bind_null(s_, ++i_), *this; }
  sqlite3_stmt* s_;
  int i_ = 0;
};

class SqliteSink final : public DbSink {
 public:
  SqliteSink(sqlite3* db, DbSinkConfig config) : DbSink(config), db_(db) {}
  ~SqliteSink() override {
    statements_[0].reset(), statements_[1].reset(), statements_[2].reset();
    sqlite3_close(db_);  // an open transaction is rolled back
  }
  std::string open_journal();

 protected:
  std::string create_schema() override;
  std::string store(const Batch& batch) override;

 private:
  std::string exec(const std::string& sql);
  std::string step(sqlite3_stmt* s);
  std::string store_rows(const Batch& batch);
  std::string failure(const std::string& what) const { return what + ": " + sqlite3_errmsg(db_); }

  sqlite3* db_;
  Statement statements_[3];  // delete quotes, upsert document, insert quote
};

std::string SqliteSink::exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return "";
  std::string err = message ? message : sqlite3_errmsg(db_);
  sqlite3_free(message);
  return err + " (in: " + sql.substr(0, sql.find('\n')) + ")";
}

std::string SqliteSink::step(sqlite3_stmt* s) {
  return sqlite3_step(s) == SQLITE_DONE ? "" : failure("writing");
}

// WAL: readers (dashboards) never block the writer and vice versa;
// synchronous=NORMAL keeps every commit atomic (a crash may lose the last
// commits, never half of one).
std::string SqliteSink::open_journal() {
  sqlite3_busy_timeout(db_, 10000);
  Statement s;
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_, "PRAGMA journal_mode=WAL", -1, &raw, nullptr) != SQLITE_OK)
    return failure("opening");
  s.reset(raw);
  if (sqlite3_step(raw) != SQLITE_ROW) return failure("setting the WAL journal");
  std::string mode = reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
  if (mode != "wal") return "cannot use the WAL journal (journal mode is " + mode + ")";
  return exec("PRAGMA synchronous=NORMAL");
}

std::string SqliteSink::create_schema() {
  if (std::string err = exec("BEGIN IMMEDIATE"); !err.empty()) return err;
  for (const std::string& sql : schema_statements(SqlDialect::kSqlite))
    if (std::string err = exec(sql); !err.empty()) return exec("ROLLBACK"), err;
  if (std::string err = exec("COMMIT"); !err.empty()) return err;
  const char* sql[] = {kDeleteQuotes, kUpsertDocument, kInsertQuote};
  for (int i = 0; i < 3; ++i) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_, sql[i], -1, &raw, nullptr) != SQLITE_OK) return failure("preparing");
    statements_[i].reset(raw);
  }
  return "";
}

std::string SqliteSink::store_rows(const Batch& batch) {
  for (const DocumentRow& d : batch.documents) {
    Binder(statements_[0].get())(d.doc_id);
    if (std::string err = step(statements_[0].get()); !err.empty()) return err;
    Binder(statements_[1].get())(d.doc_id)(d.status)(d.outlet)(d.date)(d.title)(d.url)(d.source)(
        d.quotes)(d.diagnostics);
    if (std::string err = step(statements_[1].get()); !err.empty()) return err;
  }
  for (const QuoteRow& q : batch.quotes) {
    Binder(statements_[2].get())(q.doc_id)(q.idx)(q.text)(q.span_begin)(q.span_end)(q.kind)(
        q.speaker_name)(q.speaker_mention)(q.speaker_type)(q.cue_text)(q.cue_lemma)(q.confidence)(
        q.rule)(q.tone_label)(q.coop)(q.scores)(q.evidence)(q.depth)(q.paragraphs);
    if (std::string err = step(statements_[2].get()); !err.empty()) return err;
  }
  return "";
}

std::string SqliteSink::store(const Batch& batch) {
  if (statements_[0] == nullptr) return "the schema was not created (begin() first)";
  if (std::string err = exec("BEGIN IMMEDIATE"); !err.empty()) return err;
  std::string err = store_rows(batch);
  if (err.empty()) err = exec("COMMIT");
  if (!err.empty()) exec("ROLLBACK");
  return err;
}

}  // namespace

std::unique_ptr<DbSink> open_sqlite_sink(const std::string& path, DbSinkConfig config, std::string* error) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  auto sink = std::make_unique<SqliteSink>(db, config);
  if (rc != SQLITE_OK) {
    *error = path + ": " + sqlite3_errmsg(db);
    return nullptr;
  }
  if (std::string err = sink->open_journal(); !err.empty()) {
    *error = path + ": " + err;
    return nullptr;
  }
  return sink;
}

}  // namespace quotient
