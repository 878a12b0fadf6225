// db_test_util.hpp — what the database sink tests share: reading a database
// back (SQLite or PostgreSQL) as rows of text, hand-made results, a
// generated corpus, and running `quotient analyze` as a child process.
#ifndef QUOTIENT_TESTS_DB_DB_TEST_UTIL_HPP_
#define QUOTIENT_TESTS_DB_DB_TEST_UTIL_HPP_

#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "../test_env.hpp"
#include "quote.pb.h"

namespace quotient::test {


constexpr const char* kNull = "\\N";  // how a reader shows SQL NULL
using Rows = std::vector<std::vector<std::string>>;

// Reads a database with SQL; query() returns false (and sets *error) when
// the statement fails, e.g. because the tables do not exist yet.
class DbReader {
 public:
  virtual ~DbReader() = default;
  virtual bool query(const std::string& sql, Rows* rows, std::string* error) = 0;
  // query() that fails the test on an error.
  Rows rows(const std::string& sql);
  // The single value of a one-row, one-column query.
  std::string value(const std::string& sql) { return rows(sql).at(0).at(0); }
  long long count(const std::string& table) { return std::stoll(value("SELECT count(*) FROM " + table)); }
  // Every row of documents and quotes, ordered by key, as one text block.
  std::string dump();
};

// A SQLite file, opened for each query (it may not exist yet).
class SqliteReader final : public DbReader {
 public:
  explicit SqliteReader(std::string path) : path_(std::move(path)) {}
  bool query(const std::string& sql, Rows* rows, std::string* error) override;

 private:
  std::string path_;
};

// A PostgreSQL database behind a libpq URI; one connection, kept.
class PostgresReader final : public DbReader {
 public:
  explicit PostgresReader(std::string uri) : uri_(std::move(uri)) {}
  ~PostgresReader() override;
  bool query(const std::string& sql, Rows* rows, std::string* error) override;

 private:
  std::string uri_;
  PGconn* conn_ = nullptr;
};

// A hand-made quote: speaker `name` ("" = none), tone `label` ("" = none).
QuoteRecord make_quote(const std::string& doc_id, uint32_t index, const std::string& text,
                       const std::string& name, const std::string& label, float coop);

// Writes `n` JSONL documents with outlets, dates and a few attributed quotes
// each to `path`.
void write_corpus(const std::string& path, int n);

// Runs `quotient analyze ARGS...` and returns its exit status (-1 if it did
// not exit normally); stdout and stderr go to `log` when given.
int run_quotient(const std::vector<std::string>& args, const std::string& log = "");
// Starts `quotient analyze ARGS...` without waiting; its pid.
int spawn_quotient(const std::vector<std::string>& args, const std::string& log);

// A fresh path under the scratch directory (any old file removed).
std::string scratch_path(const std::string& name);

}  // namespace quotient::test

#endif  // QUOTIENT_TESTS_DB_DB_TEST_UTIL_HPP_
