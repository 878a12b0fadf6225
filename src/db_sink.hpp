// db_sink.hpp — DocumentResults into a database that dashboards read:
// SQLite (a file path) or PostgreSQL (a postgresql:// URI), one schema.
//
//   std::string error;
//   std::unique_ptr<DbSink> db = DbSink::open("quotes.sqlite", {}, &error);
//   if (!db || !db->begin()) { ... db ? db->error() : error ... }
//   db->write(result, DocumentMeta::of(doc, "news.jsonl"));  // commits every N documents
//   if (!db->finish()) { ... db->error() ... }               // commits the rest
//
// Guarantees (both back ends):
//   - documents are written in transactions of `commit_every` documents;
//     a document's row and all its quote rows are in the same transaction;
//   - writing a document whose doc_id is already stored replaces it: its
//     quotes are deleted and the document row upserted, never duplicated;
//   - a process killed at any point leaves every committed batch whole and
//     nothing of the uncommitted one, so re-running the same inputs yields
//     exactly the rows of an uninterrupted run;
//   - errors are sticky: after a failed call every later call returns false
//     and error() says what failed (the open transaction is rolled back).
// The schema (tables documents, quotes, sides; views speakers, tone_by_*)
// is in db_schema.hpp and README.md ("Dashboards").
#ifndef QUOTIENT_SRC_DB_SINK_HPP_
#define QUOTIENT_SRC_DB_SINK_HPP_

#include <cstddef>
#include <memory>
#include <string>

#include "quote.pb.h"

namespace quotient {

// What the database keeps about a document besides its result: the
// metadata of the input Document and the file it came from.
struct DocumentMeta {
  std::string outlet, date, title, url, source;  // empty = unknown (stored as NULL)

  static DocumentMeta of(const Document& doc, const std::string& source) {
    return {doc.outlet(), doc.date(), doc.title(), doc.url(), source};
  }
};

struct DbSinkConfig {
  size_t commit_every = 1000;  // documents per transaction; >= 1

  // Empty when usable, else what is wrong.
  std::string validate() const { return commit_every ? "" : "documents per transaction must be at least 1"; }
};

class DbSink {
 public:
  // A PostgreSQL sink for targets starting with postgresql:// or
  // postgres:// (a libpq URI), else a SQLite sink on the file `target`
  // (created when absent). Connects but does not touch the schema; null with
  // *error set when the database cannot be opened.
  static std::unique_ptr<DbSink> open(const std::string& target, DbSinkConfig config, std::string* error);
  // True when `target` names a PostgreSQL database.
  static bool is_postgres(const std::string& target);

  virtual ~DbSink();
  DbSink(const DbSink&) = delete;
  DbSink& operator=(const DbSink&) = delete;

  // Creates the tables, indexes and views that are missing. Call once, first.
  bool begin();
  // Buffers one document; stores and commits the buffer every
  // `commit_every` documents.
  bool write(const DocumentResult& result, const DocumentMeta& meta);
  // Stores and commits what is buffered. The sink is done afterwards.
  bool finish();

  const std::string& error() const { return error_; }
  bool ok() const { return error_.empty(); }
  // Documents committed so far.
  size_t committed() const { return committed_; }

 // The rows buffered for the next transaction (db_schema.hpp; for back ends).
  struct Batch;

 protected:
  explicit DbSink(DbSinkConfig config);
  // Back ends: run the schema script; store a batch in one transaction
  // (rolled back on failure). Return "" on success, else the error.
  virtual std::string create_schema() = 0;
  virtual std::string store(const Batch& batch) = 0;

 private:
  bool flush();

  DbSinkConfig config_;
  std::unique_ptr<Batch> batch_;
  size_t committed_ = 0;
  std::string error_;
};

}  // namespace quotient

#endif  // QUOTIENT_SRC_DB_SINK_HPP_
