// Boost.Test entry point for the grammar/ suites.
#define BOOST_TEST_MODULE grammar_tests
#include <boost/test/unit_test.hpp>
