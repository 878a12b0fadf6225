// test_env.hpp — where every test suite finds the repository, the binary,
// ../shared and scratch space (set by ctest; see tests/CMakeLists.txt).
#ifndef QUOTIENT_TESTS_TEST_ENV_HPP_
#define QUOTIENT_TESTS_TEST_ENV_HPP_

#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>

namespace quotient::test {

inline std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}
inline std::string source_dir() { return env_or("QUOTIENT_SOURCE_DIR", "."); }
inline std::string shared_dir() { return env_or("QUOTIENT_SHARED_DIR", "../shared"); }
inline std::string scratch_dir() { return env_or("QUOTIENT_TEST_TMP", "/tmp"); }
inline std::string binary() { return env_or("QUOTIENT_BINARY", "quotient"); }

// Boost.Test precondition: skips the test, with a message, without ../shared.
// (A function, not a functor: GCC 12 warns about the functor's copy.)
inline boost::test_tools::assertion_result shared_present(boost::unit_test::test_unit_id) {
  struct stat st {};
  bool present = ::stat((shared_dir() + "/corpus").c_str(), &st) == 0;
  boost::test_tools::assertion_result r(present);
  r.message() << "skipped: " << shared_dir() << " is absent";
  return r;
}

}  // namespace quotient::test

#endif  // QUOTIENT_TESTS_TEST_ENV_HPP_
