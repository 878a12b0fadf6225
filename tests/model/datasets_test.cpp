// Training-data readers: what each line of a source becomes.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "model/datasets.hpp"

namespace qm = quotient::model;

namespace {

std::string write_tmp(const std::string& name, const std::string& text) {
  const char* dir = std::getenv("QUOTIENT_TEST_TMP");
  std::string path = std::string(dir ? dir : "/tmp") + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(datasets)

// A cue verb reports speech: only CAMEO's verbal events (roots 01-05, 09-13)
// teach a cue its tone. "add" is material cooperation (060, +6) in CAMEO and
// had made every "he added" constructive; weak verbs (|g| < 3) and phrases
// teach nothing either.
BOOST_AUTO_TEST_CASE(cameo_cues_are_verbal_events_only) {
  std::string path = write_tmp("cameo_test.tsv",
                               "verb\tcameo_code\tgoldstein\troot_code\troot_name\tblock\tn_patterns\n"
                               "add\t060\t6.0\t06\tENGAGE IN MATERIAL COOPERATION\tGRANT\t140\n"
                               "warn\t130\t-4.4\t13\tTHREATEN\tWARN\t9\n"
                               "welcome\t051\t3.4\t05\tENGAGE IN DIPLOMATIC COOPERATION\tWELCOME\t3\n"
                               "concede\t080\t5.0\t08\tYIELD\tCONCEDE\t4\n"
                               "blast\t190\t-10.0\t19\tFIGHT\tBLAST\t2\n"
                               "protest\t140\t-6.5\t14\tPROTEST\tPROTEST\t7\n"
                               "say\t010\t0.0\t01\tMAKE PUBLIC STATEMENT\tSAY\t50\n"
                               "ask for\t020\t3.0\t02\tAPPEAL\tASK\t63\n");
  auto ex = qm::read_examples(path, qm::DataFormat::kCameo, "cameo");
  BOOST_TEST_REQUIRE(ex.ok());
  std::vector<std::string> cues;
  for (const auto& e : ex.value()) {
    BOOST_TEST(e.word_only);
    cues.push_back(e.cue);
  }
  BOOST_TEST(cues == (std::vector<std::string>{"warn", "welcome"}), boost::test_tools::per_element());
  BOOST_TEST(ex.value()[0].label == 3);  // critical
  BOOST_TEST(ex.value()[1].label == 0);  // constructive
}

BOOST_AUTO_TEST_SUITE_END()
