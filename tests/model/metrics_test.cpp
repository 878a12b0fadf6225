#include <boost/test/unit_test.hpp>

#include "model/metrics.hpp"

namespace qm = quotient::model;

BOOST_AUTO_TEST_SUITE(metrics)

BOOST_AUTO_TEST_CASE(f1_scores) {
  qm::Confusion c(qm::three_class_names());
  c.add(0, 0); c.add(0, 1); c.add(1, 1); c.add(1, 1); c.add(2, 0);
  BOOST_TEST(c.accuracy() == 0.6, boost::test_tools::tolerance(1e-9));
  // f1: c0 = 2*1/(2+2) = .5, c1 = 2*2/(2+3) = .8, c2 = 0
  BOOST_TEST(c.macro_f1() == (0.5 + 0.8) / 3, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(c.weighted_f1() == (0.5 * 2 + 0.8 * 2) / 5, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(c.json().find("\"confusion\":[[1,1,0],[0,2,0],[1,0,0]]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(pragmatic_counts_as_neutral) {
  BOOST_TEST(qm::to_three_class(1) == 1);
  BOOST_TEST(qm::to_three_class(3) == 2);
}

BOOST_AUTO_TEST_CASE(cv_folds_are_contiguous_blocks) {
  // 10 examples, 5 folds: {0,1} {2,3} ... so neighbouring sentences share a fold.
  for (size_t i = 0; i < 10; ++i) BOOST_TEST(qm::cv_fold(i, 10, 5) == i / 2);
  BOOST_TEST(qm::cv_fold(6, 7, 5) == 4u);  // the last example lands in the last fold
}

BOOST_AUTO_TEST_SUITE_END()
