// src/compare.*: grouping, the sides file, the statistics, record inputs.
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <boost/test/unit_test.hpp>
#include <sstream>

#include "compare.hpp"
#include "compare_records.hpp"
#include "json_writer.hpp"

namespace quotient::compare {
namespace {

using test::record;

const GroupStats& group(const Comparison& c, const std::vector<std::string>& key) {
  for (const GroupStats& g : c.groups)
    if (g.key == key) return g;
  BOOST_FAIL("no group " << key[0]);
  throw;
}

std::vector<std::string> labels_of(const Comparison& c) {
  std::vector<std::string> v;
  for (const GroupStats& g : c.groups) v.push_back(g.label());
  return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(grouping)

BOOST_AUTO_TEST_CASE(by_speaker_counts_means_and_exclusions) {
  Comparer comparer(CompareConfig{});
  comparer.add(record("d1", "Ann", 0.4, "constructive"), nullptr);
  comparer.add(record("d1", "Ann", 0.2, "pragmatic"), nullptr);
  comparer.add(record("d2", "Bob", -0.3, "critical"), nullptr);
  comparer.add(record("d2", "Ann", 0.0, "neutral"), nullptr);
  QuoteRecord scare = record("d2", "", 0, "");
  scare.set_kind(QuoteRecord::SCARE);
  comparer.add(scare, nullptr);
  comparer.add(record("d2", "Cat", 0, ""), nullptr);     // no tone label
  comparer.add(record("d3", "", 0.1, "neutral"), nullptr);  // no speaker
  Comparison c = comparer.finish();
  BOOST_TEST(c.quotes_read == 7u);
  BOOST_TEST(c.quotes_counted == 4u);
  BOOST_TEST(c.excluded.at("not speech") == 1u);
  BOOST_TEST(c.excluded.at("no tone") == 1u);
  BOOST_TEST(c.excluded.at("no speaker") == 1u);
  BOOST_TEST(labels_of(c) == (std::vector<std::string>{"Ann", "Bob"}), boost::test_tools::per_element());
  const GroupStats& ann = group(c, {"Ann"});
  BOOST_TEST(ann.quotes == 3u);
  BOOST_TEST(ann.mean_coop == 0.2, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(ann.ci_low <= ann.mean_coop);
  BOOST_TEST(ann.ci_high >= ann.mean_coop);
  BOOST_TEST(ann.most_constructive.coop == 0.4, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(ann.most_critical.coop == 0.0, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(ann.most_critical.doc_id == "d2");
  // The model's class order: constructive, pragmatic, neutral, critical.
  BOOST_TEST(c.labels == (std::vector<std::string>{"constructive", "pragmatic", "neutral", "critical"}),
             boost::test_tools::per_element());
  double sum = 0;
  for (double s : ann.label_shares) sum += s;
  BOOST_TEST(sum == 1.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(ann.label_shares[3] == 0.0);
  BOOST_TEST(c.difference.has_value());  // exactly two groups
  BOOST_TEST(c.difference->first == "Ann");
  BOOST_TEST(c.difference->diff == 0.5, boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(evidence_is_summed_and_ranked) {
  Comparer comparer(CompareConfig{});
  QuoteRecord a = record("d", "Ann", 0.3, "constructive");
  test::add_evidence(&a, "win-win", "constructive", 1.0);
  test::add_evidence(&a, "cue:say", "pragmatic", 0.5);
  QuoteRecord b = record("d", "Ann", 0.2, "constructive");
  test::add_evidence(&b, "cue:say", "pragmatic", 0.7);
  comparer.add(a, nullptr);
  comparer.add(b, nullptr);
  Comparison c = comparer.finish();
  const GroupStats& g = c.groups.at(0);
  BOOST_REQUIRE(g.evidence.size() == 2u);
  BOOST_TEST(g.evidence[0].feature == "cue:say");
  BOOST_TEST(g.evidence[0].weight == 1.2, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(g.evidence[0].quotes == 2u);
  BOOST_TEST(g.evidence[1].feature == "win-win");
}

BOOST_AUTO_TEST_CASE(by_document_and_outlet) {
  CompareConfig config;
  config.keys = {GroupKey::kOutlet};
  Comparer comparer(config);
  DocInfo wire{"Wire", "2024-10-18"}, none{"", ""};
  comparer.add(record("d1", "Ann", 0.1, "neutral"), &wire);
  comparer.add(record("d2", "Ann", 0.1, "neutral"), &none);
  comparer.add(record("d3", "Ann", 0.1, "neutral"), nullptr);
  Comparison c = comparer.finish();
  BOOST_TEST(labels_of(c) == (std::vector<std::string>{"Wire"}), boost::test_tools::per_element());
  BOOST_TEST(c.excluded.at("no outlet") == 2u);

  config.keys = {GroupKey::kDocument};
  Comparer by_doc(config);
  by_doc.add(record("b", "Ann", 0.1, "neutral"), nullptr);
  by_doc.add(record("a", "Ann", 0.1, "neutral"), nullptr);
  by_doc.add(record("b", "Bob", 0.1, "neutral"), nullptr);
  BOOST_TEST(labels_of(by_doc.finish()) == (std::vector<std::string>{"b", "a"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(periods) {
  BOOST_TEST(period_of("2024-10-18", GroupKey::kDay) == "2024-10-18");
  BOOST_TEST(period_of("2024-10-18T09:30:00Z", GroupKey::kMonth) == "2024-10");
  BOOST_TEST(period_of("2024-10-18", GroupKey::kWeek) == "2024-W42");
  BOOST_TEST(period_of("2021-01-01", GroupKey::kWeek) == "2020-W53");  // Friday: last year's week
  BOOST_TEST(period_of("2024-12-30", GroupKey::kWeek) == "2025-W01");  // Monday: next year's week 1
  BOOST_TEST(period_of("2024-02-29", GroupKey::kDay) == "2024-02-29");
  BOOST_TEST(period_of("2023-02-29", GroupKey::kDay) == "");
  BOOST_TEST(period_of("18/10/2024", GroupKey::kMonth) == "");
  BOOST_TEST(period_of("2024-10-18", GroupKey::kSpeaker) == "");

  CompareConfig config;
  config.keys = {GroupKey::kMonth};
  Comparer comparer(config);
  DocInfo nov{"", "2024-11-02"}, oct{"", "2024-10-18"}, bad{"", "yesterday"};
  comparer.add(record("d2", "Ann", 0.1, "neutral"), &nov);
  comparer.add(record("d1", "Ann", 0.1, "neutral"), &oct);
  comparer.add(record("d1", "Ann", 0.1, "neutral"), &oct);
  comparer.add(record("d3", "Ann", 0.1, "neutral"), &bad);
  comparer.add(record("d4", "Ann", 0.1, "neutral"), nullptr);
  Comparison c = comparer.finish();
  // Periods in time order, whatever their counts.
  BOOST_TEST(labels_of(c) == (std::vector<std::string>{"2024-10", "2024-11"}), boost::test_tools::per_element());
  BOOST_TEST(c.excluded.at("bad date") == 1u);
  BOOST_TEST(c.excluded.at("no date") == 1u);
}

BOOST_AUTO_TEST_CASE(two_keys_make_a_table) {
  CompareConfig config;
  config.keys = {GroupKey::kSpeaker, GroupKey::kMonth};
  Comparer comparer(config);
  DocInfo oct{"", "2024-10-01"}, nov{"", "2024-11-01"};
  comparer.add(record("d1", "Bob", 0.1, "neutral"), &nov);
  comparer.add(record("d1", "Ann", 0.2, "neutral"), &nov);
  comparer.add(record("d2", "Ann", 0.3, "neutral"), &oct);
  comparer.add(record("d2", "Ann", 0.5, "neutral"), &oct);
  Comparison c = comparer.finish();
  BOOST_TEST(labels_of(c) == (std::vector<std::string>{"Ann \xC2\xB7 2024-10", "Ann \xC2\xB7 2024-11", "Bob \xC2\xB7 2024-11"}),
             boost::test_tools::per_element());
  BOOST_TEST(group(c, {"Ann", "2024-10"}).mean_coop == 0.4, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(!c.difference.has_value());  // three groups
}

BOOST_AUTO_TEST_CASE(config_validation) {
  CompareConfig config;
  BOOST_TEST(config.validate() == "");
  config.keys = {};
  BOOST_TEST(config.validate() != "");
  config.keys = {GroupKey::kSpeaker, GroupKey::kSpeaker};
  BOOST_TEST(config.validate() != "");
  config.keys = {GroupKey::kSpeaker, GroupKey::kMonth, GroupKey::kOutlet};
  BOOST_TEST(config.validate() != "");
  BOOST_TEST((parse_group_key("week").value() == GroupKey::kWeek));
  BOOST_TEST(!parse_group_key("Speaker").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sides)

BOOST_AUTO_TEST_CASE(parses_and_matches_name_then_mention) {
  auto sides = parse_sides("# who is on which side\nForeign Office\tUK\r\n\nDing Xuexiang\tChina\nMr Lammy\tUK\n", "s.tsv");
  BOOST_REQUIRE(sides.ok());
  const SideMap& m = sides.value();
  BOOST_TEST(m.sides == (std::vector<std::string>{"UK", "China"}), boost::test_tools::per_element());
  Speaker s;
  s.set_name("Foreign Office");
  s.set_mention("It");
  BOOST_TEST(*m.find(s) == "UK");
  s.set_name("David Lammy");
  s.set_mention("Mr Lammy");
  BOOST_TEST(*m.find(s) == "UK");  // by mention
  s.set_name("ding xuexiang");     // case-sensitive
  s.set_mention("Mr Ding");
  BOOST_TEST(m.find(s) == nullptr);
}

BOOST_AUTO_TEST_CASE(side_grouping_counts_unmatched_speakers) {
  auto sides = parse_sides("Foreign Office\tUK\nDing Xuexiang\tChina\n", "s.tsv");
  BOOST_REQUIRE(sides.ok());
  CompareConfig config;
  config.keys = {GroupKey::kSide};
  Comparer comparer(config, &sides.value());
  comparer.add(record("d", "Ding Xuexiang", 0.4, "constructive"), nullptr);
  comparer.add(record("d", "Foreign Office", 0.1, "pragmatic"), nullptr);
  comparer.add(record("d", "Both sides", 0.0, "pragmatic"), nullptr);
  comparer.add(record("d", "Both sides", 0.0, "pragmatic"), nullptr);
  Comparison c = comparer.finish();
  // Sides in the file's order, not by count or name.
  BOOST_TEST(labels_of(c) == (std::vector<std::string>{"UK", "China"}), boost::test_tools::per_element());
  BOOST_TEST(c.excluded.at("speaker not in sides file") == 2u);
  BOOST_TEST(c.unmatched_speakers.at("Both sides") == 2u);
}

void check_error(const std::string& text, uint64_t line, const std::string& words) {
  auto r = parse_sides(text, "sides.tsv");
  BOOST_REQUIRE_MESSAGE(!r.ok(), "accepted: " << text);
  BOOST_TEST(r.status().line.value_or(0) == line);
  BOOST_TEST(r.status().path == "sides.tsv");
  std::string msg = r.status().to_string();
  BOOST_TEST(msg.find("sides.tsv:" + std::to_string(line)) != std::string::npos, msg);
  BOOST_TEST(msg.find(words) != std::string::npos, msg);
}

BOOST_AUTO_TEST_CASE(errors_name_file_and_line) {
  check_error("A\tUK\nB\tChina\nC UK\n", 3, "no tab");
  check_error("A\tUK\textra\n", 1, "more");
  check_error("# comment\n\tUK\n", 2, "empty speaker");
  check_error("A\t\n", 1, "empty side");
  check_error("A\tUK\nB\tChina\nA\tChina\n", 3, "already on side 'UK'");
  BOOST_TEST(parse_sides("A\tUK\nA\tUK\n", "s").ok());  // a repeat on the same side is harmless
  auto empty = parse_sides("# nothing\n\n", "empty.tsv");
  BOOST_TEST(!empty.ok());
  auto missing = load_sides("/nonexistent/sides.tsv");
  BOOST_TEST(!missing.ok());
  BOOST_TEST((missing.status().code == model::ErrorCode::kIo));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(stats)

std::vector<double> spread(double centre, size_t n) {
  std::vector<double> v;
  for (size_t i = 0; i < n; ++i) v.push_back(centre + 0.05 * (static_cast<double>(i % 5) - 2));
  return v;
}

BOOST_AUTO_TEST_CASE(bootstrap_is_seeded_and_sane) {
  std::vector<double> v = {0.1, 0.3, -0.2, 0.4, 0.05, 0.2, -0.1, 0.15};
  auto a = bootstrap_interval(v, 2000, 0.95, 42), b = bootstrap_interval(v, 2000, 0.95, 42);
  BOOST_TEST(a.first == b.first);
  BOOST_TEST(a.second == b.second);
  auto other = bootstrap_interval(v, 2000, 0.95, 43);
  BOOST_TEST((other.first != a.first || other.second != a.second));
  double m = mean(v);
  BOOST_TEST(a.first < m);
  BOOST_TEST(a.second > m);
  BOOST_TEST(a.second - a.first < 0.4);
  auto narrow = bootstrap_interval(v, 2000, 0.5, 42);
  BOOST_TEST(narrow.first >= a.first);
  BOOST_TEST(narrow.second <= a.second);
  auto one = bootstrap_interval({0.25}, 2000, 0.95, 1);
  BOOST_TEST(one.first == 0.25);
  BOOST_TEST(one.second == 0.25);
  auto none = bootstrap_interval(v, 0, 0.95, 1);
  BOOST_TEST(none.first == m);
}

BOOST_AUTO_TEST_CASE(permutation_test_separates_alike_from_different) {
  std::vector<double> a = spread(0.1, 20), same = spread(0.1, 20), far = spread(0.4, 20);
  double p_same = permutation_p_value(a, same, 10000, 7);
  double p_far = permutation_p_value(a, far, 10000, 7);
  BOOST_TEST(p_same > 0.5);
  BOOST_TEST(p_far < 0.001);
  BOOST_TEST(p_far >= 1.0 / 10001);  // (hits + 1) / (permutations + 1)
  BOOST_TEST(permutation_p_value(a, far, 10000, 7) == p_far);
  BOOST_TEST(permutation_p_value(a, spread(0.12, 20), 2000, 9) == permutation_p_value(a, spread(0.12, 20), 2000, 9));
  BOOST_TEST(permutation_p_value(a, {}, 100, 1) == 1.0);
}

BOOST_AUTO_TEST_CASE(a_group_interval_does_not_depend_on_other_groups) {
  auto run = [](bool with_bob) {
    Comparer comparer(CompareConfig{});
    for (double v : {0.1, 0.3, -0.2, 0.4}) comparer.add(record("d", "Ann", v, "neutral"), nullptr);
    if (with_bob) comparer.add(record("d", "Bob", 0.2, "neutral"), nullptr);
    Comparison c = comparer.finish();
    return std::make_pair(c.groups[0].ci_low, c.groups[0].ci_high);
  };
  BOOST_TEST(run(true).first == run(false).first);
  BOOST_TEST(run(true).second == run(false).second);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(records)

BOOST_AUTO_TEST_CASE(jsonl_quote_records_results_and_bad_lines) {
  std::string text;
  append_json(text, record("d1", "Ann", 0.3, "constructive"));
  text += "\n\nnot json\n";
  DocumentResult r;
  r.set_doc_id("d2");
  *r.add_quotes() = record("d2", "Bob", -0.1, "critical");
  *r.add_quotes() = record("d2", "Bob", -0.2, "critical");
  append_json(text, r);
  text += "\n";
  BOOST_TEST((sniff_jsonl_line(text.substr(0, text.find('\n'))) == LineKind::kQuoteRecord));
  std::istringstream in(text);
  std::vector<DocumentResult> got;
  std::vector<Status> problems;
  Status s = read_record_jsonl(in, "q.jsonl", [&](const DocumentResult& d) { got.push_back(d); },
                               [&](const Status& p) { problems.push_back(p); });
  BOOST_TEST(s.ok());
  BOOST_REQUIRE(got.size() == 2u);
  BOOST_TEST(got[0].doc_id() == "d1");
  BOOST_TEST(got[0].quotes_size() == 1);
  BOOST_TEST(got[1].quotes_size() == 2);
  BOOST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].line.value_or(0) == 3u);
  BOOST_TEST(problems[0].to_string().find("q.jsonl:3") != std::string::npos);
  BOOST_TEST((sniff_jsonl_line("{\"id\":\"a\",\"text\":\"Hello\",\"date\":\"2024-10-18\"}") == LineKind::kDocument));
}

std::string pb_stream(const std::vector<DocumentResult>& results) {
  std::string out;
  google::protobuf::io::StringOutputStream raw(&out);
  google::protobuf::io::CodedOutputStream coded(&raw);
  for (const DocumentResult& r : results) {
    coded.WriteVarint32(static_cast<uint32_t>(r.ByteSizeLong()));
    r.SerializeWithCachedSizes(&coded);
  }
  coded.Trim();
  return out;
}

BOOST_AUTO_TEST_CASE(pb_stream_and_truncation) {
  std::vector<DocumentResult> in(3);
  for (size_t i = 0; i < in.size(); ++i) {
    in[i].set_doc_id("d" + std::to_string(i));
    *in[i].add_quotes() = record(in[i].doc_id(), "Ann", 0.1 * static_cast<double>(i), "neutral");
  }
  std::string bytes = pb_stream(in);
  std::istringstream whole(bytes);
  size_t n = 0;
  BOOST_TEST(read_record_pb(whole, "r.pb", [&](const DocumentResult& r) { BOOST_TEST(r.doc_id() == "d" + std::to_string(n++)); }).ok());
  BOOST_TEST(n == 3u);
  std::istringstream cut(bytes.substr(0, bytes.size() - 5));
  n = 0;
  Status s = read_record_pb(cut, "r.pb", [&](const DocumentResult&) { ++n; });
  BOOST_TEST(!s.ok());
  BOOST_TEST(n == 2u);
  size_t third = pb_stream({in[0], in[1]}).size();
  BOOST_TEST(s.offset.value_or(0) == third);
  std::istringstream empty("");
  BOOST_TEST(read_record_pb(empty, "e.pb", [&](const DocumentResult&) { ++n; }).ok());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace quotient::compare
