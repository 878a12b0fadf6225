// Acceptance: the seed article (../shared, label "shared") and our own sample
// articles (data/samples) against their hand-made gold files.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "gold.hpp"
#include "pipeline.hpp"
#include "../test_env.hpp"
#include "tone_model.hpp"

namespace quotient::test {
namespace {

const model::ToneModel& shipped_model() {
  static const model::ToneModel m = [] {
    auto loaded = model::ToneModel::load(source_dir() + "/model/tone.qtm");
    if (!loaded) throw std::runtime_error(loaded.status().to_string());
    return std::move(loaded).value();
  }();
  return m;
}

GoldScore run(const std::string& text_path, const std::string& gold_path) {
  Document doc;
  doc.set_id("doc");
  doc.set_text(read_file(text_path));
  Analyzer analyzer(PipelineConfig{}, &shipped_model());
  DocumentResult r = analyzer.analyze(doc);
  BOOST_REQUIRE(r.status() == DocumentResult::OK);
  GoldScore s = score_against_gold(read_gold(gold_path), r);
  BOOST_TEST_MESSAGE(text_path << ": " << s.report());
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(seed, *boost::unit_test::precondition(shared_present))

// Issue 2's acceptance: all 17 spans with exactly the gold inner text; the
// documentary title has no speaker; >= 14 of 15 required speakers; every
// cue the gold names. Issue 3's: >= 12 of 15 tones acceptable.
BOOST_AUTO_TEST_CASE(lammy_china_article) {
  std::string base = shared_dir() + "/corpus/seed/lammy-china-2024-10-18";
  GoldScore s = run(base + ".txt", base + ".gold.jsonl");
  BOOST_TEST_INFO(s.report());
  BOOST_TEST(s.found == 17u);
  BOOST_TEST(s.quotes == 17u);
  BOOST_TEST(s.titles_ok == s.titles);
  BOOST_TEST(s.speakers_required == 15u);
  BOOST_TEST(s.speakers_ok >= 14u);
  BOOST_TEST(s.cues_ok == s.cues);
  BOOST_TEST(s.tones_ok >= 12u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(samples)

// Our own articles (data/samples): every span found; speakers, cues and
// titles as a careful reader attributes them, allowing one slip in ten (at
// least one slip per article: an article has 8 to 16 cues).
void check_sample(const std::string& name) {
  std::string base = source_dir() + "/data/samples/" + name;
  GoldScore s = run(base + ".txt", base + ".gold.jsonl");
  BOOST_TEST_INFO(name << ": " << s.report());
  BOOST_TEST(s.found == s.quotes);
  BOOST_TEST(s.titles_ok == s.titles);
  auto slips = [](size_t n) { return std::max<size_t>(1, n / 10); };
  BOOST_TEST(s.speakers_ok + slips(s.speakers_required) >= s.speakers_required);
  BOOST_TEST(s.cues_ok + slips(s.cues) >= s.cues);
}

// Every article with a gold file, so a new one is scored as soon as it is
// added (and none is left out by a list here).
BOOST_AUTO_TEST_CASE(every_sample) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(source_dir() + "/data/samples")) {
    std::string f = e.path().filename().string();
    const std::string suffix = ".gold.jsonl";
    if (f.size() > suffix.size() && f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0)
      names.push_back(f.substr(0, f.size() - suffix.size()));
  }
  std::sort(names.begin(), names.end());
  BOOST_TEST(names.size() >= 24u);  // the 24 articles of data/samples/README.md
  for (const std::string& name : names) check_sample(name);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace quotient::test
