#include "db_checks.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>

#include "db_sink.hpp"

namespace quotient::test {
namespace {

constexpr double kTolerance = 1e-6;

std::unique_ptr<DbSink> open_sink(const std::string& target, size_t commit_every) {
  std::string error;
  std::unique_ptr<DbSink> sink = DbSink::open(target, DbSinkConfig{commit_every}, &error);
  BOOST_REQUIRE_MESSAGE(sink, error);
  BOOST_REQUIRE_MESSAGE(sink->begin(), sink->error());
  return sink;
}

DocumentResult result(const std::string& id, std::vector<QuoteRecord> quotes,
                      DocumentResult::Status status = DocumentResult::OK) {
  DocumentResult r;
  r.set_doc_id(id);
  r.set_status(status);
  for (QuoteRecord& q : quotes) *r.add_quotes() = std::move(q);
  return r;
}

DocumentMeta meta(const std::string& outlet, const std::string& date) {
  return {outlet, date, "", "", "test.jsonl"};
}

double number(const std::string& text) { return std::stod(text); }

void write_all(DbSink& sink, const std::vector<std::pair<DocumentResult, DocumentMeta>>& docs) {
  for (const auto& [r, m] : docs) BOOST_REQUIRE_MESSAGE(sink.write(r, m), sink.error());
  BOOST_REQUIRE_MESSAGE(sink.finish(), sink.error());
}

const char* const kText = "tab\there, new\nline, back\\slash, \xe2\x80\x9c" "curly\xe2\x80\x9d \xc3\xbcn\xc3\xaf" "code";

std::vector<std::pair<DocumentResult, DocumentMeta>> round_trip_documents() {
  DocumentResult a = result("a", {make_quote("a", 0, kText, "Ding Xuexiang", "constructive", 0.4f),
                                  make_quote("a", 1, "frank", "", "", 0)});
  Diagnostic* d = a.add_diagnostics();
  d->set_severity(Diagnostic::WARNING), d->set_code("unclosed_quote");
  d->set_message("an \"unclosed\" quote"), d->set_offset(42);
  DocumentResult b = result("b", {}, DocumentResult::FAILED);
  d = b.add_diagnostics();
  d->set_severity(Diagnostic::ERROR), d->set_code("invalid_utf8"), d->set_message("bad byte"), d->set_offset(7);
  DocumentResult c = result("c", {make_quote("c", 0, "We will not hesitate", "David Lammy", "critical", -0.2f)});
  return {{a, {"The Independent", "2025-03-11", "UK and China agree", "https://example.org/a", "news.jsonl"}},
          {b, {"", "", "", "", "bad.txt"}},
          {c, meta("Daily", "2025-04-01")}};
}

}  // namespace

void check_round_trip(const std::string& target, DbReader& db) {
  auto sink = open_sink(target, 2);
  write_all(*sink, round_trip_documents());
  BOOST_TEST(sink->committed() == 3u);
  BOOST_TEST(db.value("SELECT value FROM quotient_schema WHERE key = 'schema_version'") == "1");
  Rows docs = db.rows("SELECT doc_id, status, outlet, date, title, url, source, quotes, diagnostics "
                      "FROM documents ORDER BY doc_id");
  BOOST_REQUIRE_EQUAL(docs.size(), 3u);
  std::vector<std::string> a{"a", "OK", "The Independent", "2025-03-11", "UK and China agree",
                             "https://example.org/a", "news.jsonl", "2",
                             R"([{"severity":"WARNING","code":"unclosed_quote","message":"an \"unclosed\" quote","offset":42}])"};
  BOOST_TEST(docs[0] == a, boost::test_tools::per_element());
  std::vector<std::string> b{"b", "FAILED", kNull, kNull, kNull, kNull, "bad.txt", "0",
                             R"([{"severity":"ERROR","code":"invalid_utf8","message":"bad byte","offset":7}])"};
  BOOST_TEST(docs[1] == b, boost::test_tools::per_element());
  Rows q = db.rows("SELECT doc_id, idx, text, span_begin, span_end, kind, speaker_name, speaker_mention, "
                   "speaker_type, cue_text, cue_lemma, rule, tone_label, scores, evidence, depth, paragraphs, "
                   "confidence, coop FROM quotes ORDER BY doc_id, idx");
  BOOST_REQUIRE_EQUAL(q.size(), 3u);
  std::vector<std::string> q0{"a", "0", kText, "1", std::to_string(1 + std::string(kText).size()), "SPEECH",
                              "Ding Xuexiang", "Mr Xuexiang", "PERSON", "said", "say", "post_speaker_cue",
                              "constructive",
                              R"({"constructive":0.625,"pragmatic":0.125,"neutral":0.125,"critical":0.125})",
                              R"([{"feature":"win-win \"cooperation\"","label":"constructive","weight":1.5}])",
                              "0", "1"};
  BOOST_TEST(std::vector<std::string>(q[0].begin(), q[0].begin() + 17) == q0, boost::test_tools::per_element());
  BOOST_TEST(number(q[0][17]) == 0.75, boost::test_tools::tolerance(kTolerance));
  BOOST_TEST(number(q[0][18]) == 0.4, boost::test_tools::tolerance(kTolerance));
  for (int c : {6, 7, 8, 9, 10, 11, 12, 13, 14, 18}) BOOST_TEST(q[1][c] == kNull, "column " << c);
  BOOST_TEST(q[1][5] == "SCARE");
  BOOST_TEST(number(q[2][18]) == -0.2, boost::test_tools::tolerance(kTolerance));
}

void check_rerun_replaces(const std::string& target, DbReader& db) {
  auto three = [](const std::string& id) {
    return result(id, {make_quote(id, 0, "one", "Ding Xuexiang", "neutral", 0), make_quote(id, 1, "two", "", "", 0),
                       make_quote(id, 2, "three", "David Lammy", "critical", -0.1f)});
  };
  write_all(*open_sink(target, 1), {{three("a"), meta("A", "2025-01-01")}, {three("b"), meta("B", "2025-01-02")}});
  BOOST_TEST(db.count("quotes") == 6);
  std::string first = db.dump();
  write_all(*open_sink(target, 1), {{three("a"), meta("A", "2025-01-01")}, {three("b"), meta("B", "2025-01-02")}});
  BOOST_TEST(db.dump() == first);  // the same run again: the same rows

  DocumentResult shorter = result("a", {make_quote("a", 0, "only", "Keir Starmer", "pragmatic", 0.1f)});
  write_all(*open_sink(target, 10), {{shorter, meta("A2", "2025-02-01")}});
  BOOST_TEST(db.count("documents") == 2);
  BOOST_TEST(db.count("quotes") == 4);
  Rows a = db.rows("SELECT d.outlet, d.quotes, q.text FROM documents d JOIN quotes q ON q.doc_id = d.doc_id "
                   "WHERE d.doc_id = 'a'");
  BOOST_REQUIRE_EQUAL(a.size(), 1u);
  BOOST_TEST(a[0] == (std::vector<std::string>{"A2", "1", "only"}), boost::test_tools::per_element());

  // The same id twice in one transaction: the later one wins.
  write_all(*open_sink(target, 10), {{three("c"), meta("C", "")}, {shorter, meta("A3", "")},
                                     {result("c", {make_quote("c", 0, "last", "", "", 0)}), meta("C2", "")}});
  BOOST_TEST(db.count("documents") == 3);
  BOOST_TEST(db.value("SELECT count(*) FROM quotes WHERE doc_id = 'c'") == "1");
  BOOST_TEST(db.value("SELECT outlet FROM documents WHERE doc_id = 'c'") == "C2");
}

void check_views(const std::string& target, DbReader& db) {
  DocumentResult d1 = result("d1", {make_quote("d1", 0, "q", "Ding Xuexiang", "constructive", 0.4f),
                                    make_quote("d1", 1, "q", "Ding Xuexiang", "pragmatic", 0.1f),
                                    make_quote("d1", 2, "q", "David Lammy", "critical", -0.2f),
                                    make_quote("d1", 3, "scare", "", "", 0)});
  DocumentResult d2 = result("d2", {make_quote("d2", 0, "q", "Ding Xuexiang", "constructive", 0.3f),
                                    make_quote("d2", 1, "q", "James Cleverly", "neutral", 0.0f)});
  DocumentResult d3 = result("d3", {make_quote("d3", 0, "q", "David Lammy", "critical", -0.4f)});
  write_all(*open_sink(target, 2), {{d1, meta("Alpha", "2025-01-10")}, {d2, meta("Beta", "2025-02-03")},
                                    {d3, meta("", "")}});
  db.rows("INSERT INTO sides (name, side) VALUES ('Ding Xuexiang', 'China'), ('David Lammy', 'UK'), "
          "('James Cleverly', 'UK')");

  Rows r = db.rows("SELECT name, type, quotes, scored, mean_coop FROM speakers ORDER BY name");
  BOOST_REQUIRE_EQUAL(r.size(), 3u);
  BOOST_TEST(r[1][0] == "Ding Xuexiang");
  BOOST_TEST(r[1][1] == "PERSON");
  BOOST_TEST(r[1][2] == "3");
  BOOST_TEST(number(r[1][4]) == 0.8 / 3, boost::test_tools::tolerance(kTolerance));

  r = db.rows("SELECT speaker, quotes, documents, first_date, last_date, constructive, pragmatic, neutral, "
              "critical, mean_coop FROM tone_by_speaker ORDER BY speaker");
  BOOST_REQUIRE_EQUAL(r.size(), 3u);
  BOOST_TEST(std::vector<std::string>(r[0].begin(), r[0].end() - 1) ==
                 (std::vector<std::string>{"David Lammy", "2", "2", "2025-01-10", "2025-01-10", "0", "0", "0", "2"}),
             boost::test_tools::per_element());
  BOOST_TEST(number(r[0][9]) == -0.3, boost::test_tools::tolerance(kTolerance));
  BOOST_TEST(r[1][1] == "3");
  BOOST_TEST(r[1][4] == "2025-02-03");

  r = db.rows("SELECT month, speaker, quotes, mean_coop FROM tone_by_month ORDER BY month, speaker");
  BOOST_REQUIRE_EQUAL(r.size(), 4u);
  BOOST_TEST((r[0][0] + "|" + r[0][1] + "|" + r[0][2]) == "2025-01|David Lammy|1");
  BOOST_TEST((r[1][0] + "|" + r[1][1] + "|" + r[1][2]) == "2025-01|Ding Xuexiang|2");
  BOOST_TEST(number(r[1][3]) == 0.25, boost::test_tools::tolerance(kTolerance));
  BOOST_TEST((r[2][0] + "|" + r[2][1]) == "2025-02|Ding Xuexiang");

  r = db.rows("SELECT outlet, quotes, documents, mean_coop FROM tone_by_outlet ORDER BY outlet");
  BOOST_REQUIRE_EQUAL(r.size(), 2u);
  BOOST_TEST((r[0][0] + "|" + r[0][1] + "|" + r[0][2]) == "Alpha|3|1");
  BOOST_TEST(number(r[0][3]) == 0.1, boost::test_tools::tolerance(kTolerance));
  BOOST_TEST(number(r[1][3]) == 0.15, boost::test_tools::tolerance(kTolerance));

  r = db.rows("SELECT side, quotes, speakers, critical, neutral, mean_coop FROM tone_by_side ORDER BY side");
  BOOST_REQUIRE_EQUAL(r.size(), 2u);
  BOOST_TEST((r[0][0] + "|" + r[0][1] + "|" + r[0][2]) == "China|3|1");
  BOOST_TEST((r[1][0] + "|" + r[1][1] + "|" + r[1][2] + "|" + r[1][3] + "|" + r[1][4]) == "UK|3|2|2|1");
  BOOST_TEST(number(r[1][5]) == -0.2, boost::test_tools::tolerance(kTolerance));
}

namespace {

constexpr int kCorpusDocuments = 6000;
constexpr int kBatch = 100;

std::vector<std::string> load_args(const std::string& target, const std::string& corpus) {
  return {"-q", "-j1", "--db-batch", std::to_string(kBatch), "--db", target, corpus};
}

// Kills `pid` once `db` holds at least `documents` committed documents;
// false if the child ended first.
bool kill_after(int pid, DbReader& db, long long documents) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return false;
    Rows rows;
    std::string error;
    if (db.query("SELECT count(*) FROM documents", &rows, &error) && std::stoll(rows[0][0]) >= documents) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    }
    ::usleep(2000);
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  return false;
}

}  // namespace

void check_kill_and_rerun(const std::string& whole, DbReader& whole_db, const std::string& killed,
                          DbReader& killed_db, const std::string& name) {
  std::string corpus = scratch_path(name + "-corpus.jsonl"), log = scratch_path(name + ".log");
  write_corpus(corpus, kCorpusDocuments);
  BOOST_REQUIRE_EQUAL(run_quotient(load_args(whole, corpus), log), 0);
  BOOST_REQUIRE_EQUAL(whole_db.count("documents"), kCorpusDocuments);
  std::string expected = whole_db.dump();

  int pid = spawn_quotient(load_args(killed, corpus), log);
  BOOST_REQUIRE_MESSAGE(kill_after(pid, killed_db, 5 * kBatch), "the load ended before it could be killed");
  long long committed = killed_db.count("documents");
  BOOST_TEST_MESSAGE("killed after " << committed << " of " << kCorpusDocuments << " documents");
  BOOST_TEST(committed % kBatch == 0);  // whole transactions only
  BOOST_TEST(committed < kCorpusDocuments);
  BOOST_TEST(killed_db.value("SELECT count(*) FROM documents d WHERE d.quotes <> "
                             "(SELECT count(*) FROM quotes q WHERE q.doc_id = d.doc_id)") == "0");
  BOOST_TEST(killed_db.value("SELECT count(*) FROM quotes q WHERE NOT EXISTS "
                             "(SELECT 1 FROM documents d WHERE d.doc_id = q.doc_id)") == "0");

  BOOST_REQUIRE_EQUAL(run_quotient(load_args(killed, corpus), log), 0);
  BOOST_TEST(killed_db.dump() == expected);
  BOOST_REQUIRE_EQUAL(run_quotient(load_args(whole, corpus), log), 0);  // and once more: no duplicates
  BOOST_TEST(whole_db.dump() == expected);
}

}  // namespace quotient::test
