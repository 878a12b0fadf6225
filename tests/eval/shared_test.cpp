// The harness on ../shared/corpus/polnear/dev (ctest label "shared"): sanity
// only — enough gold quotes, every metric a proportion. Targets are not
// tested here; `quotient eval attribution` reports them.
#include <boost/test/unit_test.hpp>

#include "../test_env.hpp"
#include "eval_attribution.hpp"

namespace qe = quotient::eval;
namespace utf = boost::unit_test;

namespace {

void check_proportion(const qe::Ratio& r, const char* what) {
  BOOST_TEST_CONTEXT(what) {
    BOOST_TEST(r.hits <= r.total);
    BOOST_TEST(r.value() >= 0.0);
    BOOST_TEST(r.value() <= 1.0);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shared, *utf::precondition(quotient::test::shared_present))

BOOST_AUTO_TEST_CASE(polnear_dev_is_read_and_scored) {
  quotient::Analyzer analyzer(quotient::PipelineConfig{}, nullptr);
  qe::EvalConfig config;
  config.collect_errors = true;
  auto report = qe::evaluate_split(quotient::test::shared_dir() + "/corpus/polnear/dev", analyzer, config);
  BOOST_REQUIRE_MESSAGE(report.ok(), (report.ok() ? "" : report.status().to_string()));
  const qe::Tally& t = report.value().tally;
  BOOST_TEST(t.documents > 50u);
  BOOST_TEST(t.gold_quotes > 500u);
  BOOST_TEST(t.predictions > 0u);
  BOOST_TEST(t.problems == 0u);  // every offset lands on its text
  qe::Metrics m = t.metrics();
  for (const auto& [r, what] : std::vector<std::pair<qe::Ratio, const char*>>{
           {m.quote.precision, "quote precision"}, {m.quote.recall, "quote recall"},
           {m.speaker, "speaker"}, {m.pair.precision, "pair precision"}, {m.pair.recall, "pair recall"},
           {m.cue, "cue"}, {m.indirect.precision, "indirect precision"}, {m.indirect.recall, "indirect recall"},
           {m.speaker_by_class[0], "name"}, {m.speaker_by_class[1], "nominal"}, {m.speaker_by_class[2], "pronoun"}})
    check_proportion(r, what);
  for (double f : {m.quote.f1(), m.pair.f1(), m.indirect.f1()}) BOOST_TEST((f >= 0.0 && f <= 1.0));
  size_t listed = report.value().errors.size();
  size_t unmatched = (t.gold_quotes - t.matched) + (t.predictions - t.matched);
  BOOST_TEST(listed >= unmatched);  // every miss is listed
}

BOOST_AUTO_TEST_SUITE_END()
