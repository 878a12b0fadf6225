// Boost.Test entry point for the tone model suites.
#define BOOST_TEST_MODULE quotient_model_tests
#include <boost/test/unit_test.hpp>
