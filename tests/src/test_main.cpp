#define BOOST_TEST_MODULE src_tests
#include <boost/test/unit_test.hpp>
