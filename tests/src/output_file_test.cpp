// OutputFile (src/output_file.*): nothing under any name until commit(),
// atomic replacement, stale temporaries of dead processes removed, errors
// with the path. The SIGKILL cases run against the binary in
// tests/faults/kill_test.sh.
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "../test_env.hpp"
#include "output_file.hpp"

namespace quotient::test {
namespace fs = std::filesystem;
namespace {

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::path(scratch_dir()) / "output_file_test" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

std::string contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// The pid of a process that has exited (and been reaped).
pid_t dead_pid() {
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(output_file)

BOOST_AUTO_TEST_CASE(no_name_in_the_directory_until_commit) {
  fs::path dir = fresh_dir("unnamed");
  auto out = OutputFile::open((dir / "res.jsonl").string());
  BOOST_REQUIRE(out->ok());
  out->write(std::string(100000, 'x'));
  BOOST_TEST(names_in(dir).empty());  // not even a temporary
  BOOST_REQUIRE(out->commit());
  BOOST_TEST(names_in(dir) == std::set<std::string>{"res.jsonl"});
  BOOST_TEST(contents(dir / "res.jsonl") == std::string(100000, 'x'));
}

BOOST_AUTO_TEST_CASE(uncommitted_file_leaves_nothing) {
  fs::path dir = fresh_dir("uncommitted");
  {
    auto out = OutputFile::open((dir / "res.jsonl").string());
    out->write("partial\n");
  }
  BOOST_TEST(names_in(dir).empty());
}

BOOST_AUTO_TEST_CASE(commit_replaces_an_existing_file_whole) {
  fs::path dir = fresh_dir("replace");
  write_file(dir / "res.jsonl", "old\n");
  auto out = OutputFile::open((dir / "res.jsonl").string());
  out->write("new\n");
  BOOST_TEST(contents(dir / "res.jsonl") == "old\n");  // untouched until commit
  BOOST_REQUIRE(out->commit());
  BOOST_TEST(contents(dir / "res.jsonl") == "new\n");
  BOOST_TEST(names_in(dir) == std::set<std::string>{"res.jsonl"});
}

BOOST_AUTO_TEST_CASE(a_relative_path_is_written_in_the_working_directory) {
  fs::path dir = fresh_dir("relative");
  fs::path before = fs::current_path();
  fs::current_path(dir);
  auto out = OutputFile::open("res.jsonl");
  out->write("x\n");
  bool committed = out->commit();
  fs::current_path(before);
  BOOST_TEST(committed);
  BOOST_TEST(contents(dir / "res.jsonl") == "x\n");
}

BOOST_AUTO_TEST_CASE(stale_temporaries_of_dead_processes_are_removed) {
  fs::path dir = fresh_dir("stale");
  std::string dead = std::to_string(dead_pid()), live = std::to_string(::getppid());
  for (const std::string& name : std::vector<std::string>{"res.jsonl.tmp." + dead, "res.jsonl.tmp." + live, "res.jsonl.tmp.x1",
                           "res.jsonl.tmp.", "other.jsonl.tmp." + dead, "res.jsonl.tmp." + dead + "00000000000"})
    write_file(dir / name, "x");
  fs::create_directory(dir / ("res.jsonl.tmp.1" + dead));  // not a regular file
  BOOST_TEST(remove_stale_temporaries((dir / "res.jsonl").string()) == 1u);
  BOOST_TEST(!fs::exists(dir / ("res.jsonl.tmp." + dead)));
  BOOST_TEST(fs::exists(dir / ("res.jsonl.tmp." + live)));  // a live process
  BOOST_TEST(fs::exists(dir / "res.jsonl.tmp.x1"));
  BOOST_TEST(fs::exists(dir / ("other.jsonl.tmp." + dead)));  // another target
  BOOST_TEST(fs::exists(dir / ("res.jsonl.tmp.1" + dead)));
}

BOOST_AUTO_TEST_CASE(open_removes_stale_temporaries) {
  fs::path dir = fresh_dir("open_cleans");
  std::string stale = "res.jsonl.tmp." + std::to_string(dead_pid());
  write_file(dir / stale, "half a run");
  auto out = OutputFile::open((dir / "res.jsonl").string());
  BOOST_TEST(!fs::exists(dir / stale));
  BOOST_REQUIRE(out->commit());
  BOOST_TEST(names_in(dir) == std::set<std::string>{"res.jsonl"});
}

BOOST_AUTO_TEST_CASE(errors_name_the_path) {
  auto missing = OutputFile::open("/nonexistent-dir/out.jsonl");
  BOOST_TEST(!missing->ok());
  BOOST_TEST(missing->error().find("cannot create /nonexistent-dir/out.jsonl") != std::string::npos);
  BOOST_TEST(!missing->commit());
  auto full = OutputFile::open("/dev/full");  // a device: written in place
  BOOST_REQUIRE(full->ok());
  full->write(std::string(1 << 16, 'x'));
  BOOST_TEST(!full->commit());
  BOOST_TEST(full->error().find("cannot write /dev/full") != std::string::npos);
  BOOST_TEST(fs::is_character_file("/dev/full"));
}

BOOST_AUTO_TEST_CASE(errors_are_sticky) {
  fs::path dir = fresh_dir("sticky");
  auto out = OutputFile::open((dir / "missing" / "res.jsonl").string());
  BOOST_TEST(!out->ok());
  std::string first = out->error();
  out->write("more");
  BOOST_TEST(!out->commit());
  BOOST_TEST(out->error() == first);
  BOOST_TEST(!fs::exists(dir / "missing"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace quotient::test
