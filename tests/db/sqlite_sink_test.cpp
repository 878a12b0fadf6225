// The SQLite sink: the shared checks on fresh files, and `quotient analyze
// --db` on the command line (exit status 3, what goes to stdout).
#include <boost/test/unit_test.hpp>
#include <fstream>

#include "db_checks.hpp"

namespace quotient::test {
namespace {

// A fresh database file under the scratch directory and its reader.
struct FreshSqlite {
  explicit FreshSqlite(const std::string& name) : path(scratch_path(name + ".sqlite")), db(path) {}
  std::string path;
  SqliteReader db;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The three sample articles (not their gold .jsonl files).
std::vector<std::string> with_samples(std::vector<std::string> args) {
  for (const char* name : {"city-council", "climate-summit", "trade-talks"})
    args.push_back(env_or("QUOTIENT_SOURCE_DIR", ".") + "/data/samples/" + name + ".txt");
  return args;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sqlite)

BOOST_AUTO_TEST_CASE(round_trip) {
  FreshSqlite f("round_trip");
  check_round_trip(f.path, f.db);
  BOOST_TEST(f.db.value("PRAGMA journal_mode") == "wal");
}

BOOST_AUTO_TEST_CASE(rerun_replaces) {
  FreshSqlite f("rerun");
  check_rerun_replaces(f.path, f.db);
}

BOOST_AUTO_TEST_CASE(views) {
  FreshSqlite f("views");
  check_views(f.path, f.db);
}

BOOST_AUTO_TEST_CASE(indexes) {
  FreshSqlite f("indexes");
  check_round_trip(f.path, f.db);
  Rows r = f.db.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  std::string names;
  for (const auto& row : r) names += row[0] + " ";
  BOOST_TEST(names == "documents_date documents_outlet quotes_doc_id quotes_speaker_name ");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sqlite_kill)

BOOST_AUTO_TEST_CASE(sigkill_then_rerun_matches_uninterrupted_run) {
  FreshSqlite whole("kill-whole"), killed("kill-killed");
  check_kill_and_rerun(whole.path, whole.db, killed.path, killed.db, "sqlite-kill");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cli_db)

BOOST_AUTO_TEST_CASE(samples_into_sqlite) {
  FreshSqlite f("cli-samples");
  std::string out = scratch_path("cli-samples.out");
  BOOST_REQUIRE_EQUAL(run_quotient(with_samples({"-q", "--db", f.path}), out), 0);
  BOOST_TEST(read_file(out).empty());  // --db alone: no records on stdout
  BOOST_TEST(f.db.count("documents") == 3);
  long long quotes = f.db.count("quotes");
  BOOST_TEST(quotes > 10);
  BOOST_TEST(f.db.value("SELECT count(*) FROM quotes WHERE speaker_name = 'Han Zhiwei'") == "4");
  // -f with --db: both.
  BOOST_REQUIRE_EQUAL(run_quotient(with_samples({"-q", "-f", "jsonl", "--db", f.path}), out), 0);
  std::string jsonl = read_file(out);
  BOOST_TEST(std::count(jsonl.begin(), jsonl.end(), '\n') == quotes);
  BOOST_TEST(f.db.count("quotes") == quotes);
}

BOOST_AUTO_TEST_CASE(unusable_database_exits_3) {
  std::string log = scratch_path("cli-bad.log");
  BOOST_TEST(run_quotient(with_samples({"-q", "--db", "/nonexistent/dir/x.sqlite"}), log) == 3);
  BOOST_TEST(read_file(log).find("cannot open the database") != std::string::npos, read_file(log));
  std::string garbage = scratch_path("garbage.sqlite");
  std::ofstream(garbage) << std::string(8192, 'x');
  BOOST_TEST(run_quotient(with_samples({"-q", "--db", garbage}), log) == 3);
  BOOST_TEST(read_file(log).find("not a database") != std::string::npos, read_file(log));
  BOOST_TEST(run_quotient(with_samples({"-q", "--db", "postgresql://nobody@127.0.0.1:1/none"}), log) == 3);
  BOOST_TEST(read_file(log).find("cannot connect to PostgreSQL") != std::string::npos, read_file(log));
  BOOST_TEST(run_quotient(with_samples({"-q", "--db", scratch_path("zero.sqlite"), "--db-batch", "0"}), log) == 2);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace quotient::test
