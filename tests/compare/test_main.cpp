#define BOOST_TEST_MODULE compare_tests
#include <boost/test/unit_test.hpp>
