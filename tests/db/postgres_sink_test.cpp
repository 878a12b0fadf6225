// The PostgreSQL sink against a real server that this suite starts itself:
// initdb + pg_ctl from /usr/lib/postgresql/15/bin (QUOTIENT_PG_BIN overrides)
// in a temporary directory, listening on a free loopback port, stopped and
// removed at the end. As root, the server runs as the `postgres` user
// (runuser), since PostgreSQL refuses to run as root. Skips with a message
// when the binaries are absent.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <fstream>

#include "db_checks.hpp"

namespace quotient::test {
namespace {

std::string pg_bin() { return env_or("QUOTIENT_PG_BIN", "/usr/lib/postgresql/15/bin"); }

boost::test_tools::assertion_result pg_present(boost::unit_test::test_unit_id) {
  bool present = ::access((pg_bin() + "/initdb").c_str(), X_OK) == 0 &&
                 ::access((pg_bin() + "/pg_ctl").c_str(), X_OK) == 0;
  boost::test_tools::assertion_result r(present);
  r.message() << "skipped: no PostgreSQL server binaries in " << pg_bin()
              << " (apt-get install postgresql-15, or set QUOTIENT_PG_BIN)";
  return r;
}

// A free TCP port on 127.0.0.1 (bound to port 0, then released).
int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The server for the whole suite (a Boost.Test suite fixture).
class PgServer {
 public:
  PgServer() {
    char tmpl[] = "/tmp/quotient-pg-XXXXXX";
    BOOST_REQUIRE(::mkdtemp(tmpl));
    dir_ = tmpl;
    if (::geteuid() == 0) {  // PostgreSQL will not run as root
      const passwd* pw = ::getpwnam("postgres");
      BOOST_REQUIRE_MESSAGE(pw, "running as root and there is no `postgres` user to run the server as");
      BOOST_REQUIRE(::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) == 0);
      as_user_ = "runuser -u postgres -- ";
    }
    port_ = free_port();
    run("initdb -D " + dir_ + "/data -U quotient -A trust -E UTF8 --locale=C --no-sync", "initdb");
    run("pg_ctl -D " + dir_ + "/data -l " + dir_ + "/server.log -w -t 60 -o \"-p " + std::to_string(port_) +
            " -k " + dir_ + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off\" start",
        "pg_ctl start");
    started_ = true;
    instance = this;
  }
  ~PgServer() {
    instance = nullptr;
    if (started_) std::system((as_user_ + pg_bin() + "/pg_ctl -D " + dir_ + "/data -m fast -w stop >/dev/null 2>&1").c_str());
    std::system(("rm -rf " + dir_).c_str());
  }

  // A new, empty database on the server; its URI.
  std::string create_database(const std::string& name) {
    PostgresReader admin(uri("postgres"));
    admin.rows("CREATE DATABASE " + name);
    return uri(name);
  }
  std::string uri(const std::string& db) const {
    return "postgresql://quotient@127.0.0.1:" + std::to_string(port_) + "/" + db;
  }

  static PgServer* instance;

 private:
  void run(const std::string& command, const char* what) {
    std::string log = dir_ + "/" + std::string(what).substr(0, 6) + ".out";
    int rc = std::system((as_user_ + pg_bin() + "/" + command + " >" + log + " 2>&1").c_str());
    BOOST_REQUIRE_MESSAGE(rc == 0, what << " failed:\n" << read_file(log) << read_file(dir_ + "/server.log"));
  }

  std::string dir_, as_user_;
  int port_ = 0;
  bool started_ = false;
};

PgServer* PgServer::instance = nullptr;

// A fresh database and its reader.
struct FreshPostgres {
  explicit FreshPostgres(const std::string& name)
      : uri(PgServer::instance->create_database(name)), db(uri) {}
  std::string uri;
  PostgresReader db;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(postgres, *boost::unit_test::precondition(pg_present) *
                                    boost::unit_test::fixture<PgServer>())

BOOST_AUTO_TEST_CASE(round_trip) {
  FreshPostgres f("round_trip");
  check_round_trip(f.uri, f.db);
}

BOOST_AUTO_TEST_CASE(rerun_replaces) {
  FreshPostgres f("rerun");
  check_rerun_replaces(f.uri, f.db);
}

BOOST_AUTO_TEST_CASE(views) {
  FreshPostgres f("views");
  check_views(f.uri, f.db);
}

BOOST_AUTO_TEST_CASE(sigkill_then_rerun_matches_uninterrupted_run) {
  FreshPostgres whole("kill_whole"), killed("kill_killed");
  check_kill_and_rerun(whole.uri, whole.db, killed.uri, killed.db, "postgres-kill");
}

BOOST_AUTO_TEST_CASE(samples_through_the_cli) {
  FreshPostgres f("cli");
  std::vector<std::string> args{"-q", "--db", f.uri};
  for (const char* name : {"city-council", "climate-summit", "trade-talks"})
    args.push_back(env_or("QUOTIENT_SOURCE_DIR", ".") + "/data/samples/" + name + ".txt");
  BOOST_REQUIRE_EQUAL(run_quotient(args, scratch_path("pg-cli.log")), 0);
  BOOST_TEST(f.db.count("documents") == 3);
  BOOST_TEST(f.db.count("quotes") > 10);
  BOOST_TEST(f.db.value("SELECT count(*) FROM tone_by_speaker WHERE speaker = 'Han Zhiwei'") == "1");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace quotient::test
