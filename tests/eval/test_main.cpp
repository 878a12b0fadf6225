// Boost.Test entry point for the evaluation harness suites.
#define BOOST_TEST_MODULE quotient_eval_tests
#include <boost/test/unit_test.hpp>
