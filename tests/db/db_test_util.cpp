#include "db_test_util.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>

namespace quotient::test {

Rows DbReader::rows(const std::string& sql) {
  Rows out;
  std::string error;
  BOOST_REQUIRE_MESSAGE(query(sql, &out, &error), sql << ": " << error);
  return out;
}

std::string DbReader::dump() {
  std::string out;
  for (const char* sql : {"SELECT * FROM documents ORDER BY doc_id",
                          "SELECT * FROM quotes ORDER BY doc_id, idx"}) {
    for (const auto& row : rows(sql)) {
      for (const std::string& v : row) out += v + '\t';
      out += '\n';
    }
  }
  return out;
}

bool SqliteReader::query(const std::string& sql, Rows* rows, std::string* error) {
  rows->clear();
  sqlite3* db = nullptr;
  sqlite3_stmt* s = nullptr;
  bool ok = sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK &&
            sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK;
  int rc = SQLITE_ERROR;
  sqlite3_busy_timeout(db, 10000);
  while (ok && (rc = sqlite3_step(s)) == SQLITE_ROW) {
    auto& row = rows->emplace_back();
    for (int c = 0; c < sqlite3_column_count(s); ++c) {
      const unsigned char* v = sqlite3_column_text(s, c);
      row.push_back(v ? reinterpret_cast<const char*>(v) : kNull);
    }
  }
  ok = ok && rc == SQLITE_DONE;
  if (!ok) *error = db ? sqlite3_errmsg(db) : "cannot open";
  sqlite3_finalize(s);
  sqlite3_close(db);
  return ok;
}

PostgresReader::~PostgresReader() { PQfinish(conn_); }

bool PostgresReader::query(const std::string& sql, Rows* rows, std::string* error) {
  rows->clear();
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    PQfinish(conn_);
    conn_ = PQconnectdb(uri_.c_str());
  }
  PGresult* r = PQexec(conn_, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_TUPLES_OK || PQresultStatus(r) == PGRES_COMMAND_OK;
  if (!ok) *error = PQerrorMessage(conn_);
  for (int i = 0; ok && i < PQntuples(r); ++i) {
    auto& row = rows->emplace_back();
    for (int c = 0; c < PQnfields(r); ++c) row.push_back(PQgetisnull(r, i, c) ? kNull : PQgetvalue(r, i, c));
  }
  PQclear(r);
  return ok;
}

QuoteRecord make_quote(const std::string& doc_id, uint32_t index, const std::string& text,
                       const std::string& name, const std::string& label, float coop) {
  QuoteRecord q;
  q.set_doc_id(doc_id);
  q.set_index(index);
  q.set_text(text);
  q.mutable_span()->set_begin(10 * index + 1);
  q.mutable_span()->set_end(10 * index + 1 + static_cast<uint32_t>(text.size()));
  q.set_kind(name.empty() ? QuoteRecord::SCARE : QuoteRecord::SPEECH);
  q.set_confidence(name.empty() ? 0.0f : 0.75f);
  if (!name.empty()) {
    q.mutable_speaker()->set_name(name);
    q.mutable_speaker()->set_mention("Mr " + name.substr(name.rfind(' ') + 1));
    q.mutable_speaker()->set_type(Speaker::PERSON);
    q.mutable_cue()->set_text("said");
    q.mutable_cue()->set_lemma("say");
    q.set_rule("post_speaker_cue");
  }
  if (!label.empty()) {
    q.mutable_tone()->set_label(label);
    q.mutable_tone()->set_coop(coop);
    for (const char* l : {"constructive", "pragmatic", "neutral", "critical"}) {
      ClassScore* s = q.mutable_tone()->add_scores();
      s->set_label(l);
      s->set_probability(l == label ? 0.625f : 0.125f);
    }
    Evidence* e = q.mutable_tone()->add_evidence();
    e->set_feature("win-win \"cooperation\"");
    e->set_label(label);
    e->set_weight(1.5f);
  }
  q.set_paragraphs(1);
  return q;
}

void write_corpus(const std::string& path, int n) {
  static const char* const speakers[] = {"Ding Xuexiang", "David Lammy", "Keir Starmer", "James Cleverly"};
  static const char* const lines[] = {
      "we are willing to deepen win-win cooperation and build trust",
      "we will not hesitate to protect British industry against unfair competition",
      "the talks were frank, and we raised our concerns about the sanctions",
      "practical steps were agreed on market access and regulatory issues"};
  std::ofstream out(path);
  for (int i = 0; i < n; ++i) {
    std::string text = "Officials met in London on Monday for talks.\\n\\n";
    for (int k = 0; k < 3; ++k) {
      const char* who = speakers[(i + k) % 4];
      text += std::string("\\u201c") + lines[(i * 7 + k) % 4] + ",\\u201d " + who + " said. ";
      text += "The meeting lasted several hours and covered trade, steel and investment screening.\\n\\n";
    }
    char date[16];
    std::snprintf(date, sizeof date, "2024-%02d-%02d", 1 + i % 12, 1 + i % 28);
    out << "{\"id\":\"doc-" << i << "\",\"outlet\":\"Outlet " << i % 5 << "\",\"date\":\"" << date
        << "\",\"title\":\"Talks " << i << "\",\"text\":\"" << text << "\"}\n";
  }
}

int spawn_quotient(const std::vector<std::string>& args, const std::string& log) {
  std::vector<std::string> argv{binary(), "analyze"};
  argv.insert(argv.end(), args.begin(), args.end());
  pid_t pid = ::fork();
  if (pid != 0) return pid;
  if (!log.empty()) {
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1), ::dup2(fd, 2);
  }
  std::vector<char*> cargv;
  for (std::string& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  ::execv(cargv[0], cargv.data());
  ::_exit(127);
}

int run_quotient(const std::vector<std::string>& args, const std::string& log) {
  int status = 0;
  ::waitpid(spawn_quotient(args, log), &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string scratch_path(const std::string& name) {
  std::string path = scratch_dir() + "/" + name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

}  // namespace quotient::test
