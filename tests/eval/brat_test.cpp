// Reading PolNeAR brat standoff: code points to bytes, discontinuous spans,
// roles that are missing or numbered, malformed lines, annotator choice.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <sys/stat.h>

#include "../test_env.hpp"
#include "eval_attribution.hpp"

namespace qe = quotient::eval;

namespace {

// "Zoë " is 4 code points and 5 bytes; “ and ” are 1 code point, 3 bytes each.
const std::string kZoe = "Zo\u00eb said \u201cGo.\u201d";

bool same(const qe::Fragments& f, std::vector<std::pair<uint32_t, uint32_t>> want) {
  if (f.size() != want.size()) return false;
  for (size_t i = 0; i < f.size(); ++i)
    if (f[i].begin != want[i].first || f[i].end != want[i].second) return false;
  return true;
}

void write(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(brat)

BOOST_AUTO_TEST_CASE(code_points_become_bytes) {
  qe::CodePointIndex idx(kZoe);
  BOOST_TEST(*idx.byte_offset(0) == 0u);
  BOOST_TEST(*idx.byte_offset(3) == 4u);   // after the two-byte ë
  BOOST_TEST(*idx.byte_offset(9) == 10u);  // the opening “
  BOOST_TEST(*idx.byte_offset(10) == 13u); // after it
  BOOST_TEST(*idx.byte_offset(14) == kZoe.size());  // one past the end
  BOOST_TEST(!idx.byte_offset(15));
}

BOOST_AUTO_TEST_CASE(roles_are_read_in_bytes) {
  std::string ann =
      "T1\tSource 0 3\tZo\u00eb\nT2\tCue 4 8\tsaid\nT3\tContent 9 14\t\u201cGo.\u201d\n"
      "T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n";
  qe::ParsedAnnotations p = qe::parse_brat(ann, kZoe, "zoe");
  BOOST_TEST(p.problems.empty());
  BOOST_REQUIRE(p.attributions.size() == 1u);
  BOOST_TEST(same(p.attributions[0].source, {{0, 4}}));
  BOOST_TEST(same(p.attributions[0].cue, {{5, 9}}));
  BOOST_TEST(same(p.attributions[0].content, {{10, 19}}));
}

BOOST_AUTO_TEST_CASE(discontinuous_fragments_are_sorted) {
  std::string text = "\"One,\" she said, \"two.\"";
  std::string ann = "T1\tContent 17 23;0 6\t\"two.\" \"One,\"\nT2\tSource 7 10\tshe\n"
                    "E1\tAttribution:T9 Content:T1 Source:T2\nT9\tAttribution 11 15\tsaid\n";
  qe::ParsedAnnotations p = qe::parse_brat(ann, text);
  BOOST_TEST(p.problems.empty());  // E lines may refer to T lines below them
  BOOST_REQUIRE(p.attributions.size() == 1u);
  BOOST_TEST(same(p.attributions[0].content, {{0, 6}, {17, 23}}));
}

BOOST_AUTO_TEST_CASE(missing_and_numbered_roles) {
  std::string text = "Officials said taxes rise; \"and fall,\" too.";
  std::string ann =
      "T1\tCue 10 14\tsaid\nT2\tContent 15 25\ttaxes rise\nT3\tContent 28 37\tand fall,\n"
      "T4\tAttribution-no-source 10 14\tsaid\n"
      "E1\tAttribution-no-source:T4 Cue:T1 Content:T2 Content2:T3\n"
      "E2\tAttribution-no-source:T4 \n";
  qe::ParsedAnnotations p = qe::parse_brat(ann, text);
  BOOST_TEST(p.problems.empty());
  BOOST_REQUIRE(p.attributions.size() == 2u);
  BOOST_TEST(p.attributions[0].source.empty());
  BOOST_TEST(same(p.attributions[0].content, {{15, 25}, {28, 37}}));
  BOOST_TEST(p.attributions[1].content.empty());
  BOOST_TEST(p.attributions[1].cue.empty());
}

BOOST_AUTO_TEST_CASE(bad_lines_are_problems_not_failures) {
  std::string text = "Short text.";
  std::string ann =
      "T1\tSource 0 5\tShort\n"
      "T2\tContent 6 99\tbeyond the end\n"      // offset past the text
      "T3\tCue 0 x\tbad\n"                       // not a number
      "continuation of a text that held a line break\n"
      "#1\tAnnotatorNotes T1\ta note\n"
      "E1\tAttribution:T7 Source:T1 Content:T2\n";  // T7 and T2 unknown
  qe::ParsedAnnotations p = qe::parse_brat(ann, text, "short");
  BOOST_REQUIRE(p.problems.size() == 4u);
  BOOST_TEST(p.problems[0].code == "bad_offset");
  BOOST_TEST(p.problems[0].line == 2u);
  BOOST_TEST(p.problems[1].code == "bad_offset");
  BOOST_TEST(p.problems[2].code == "missing_ref");
  BOOST_TEST(p.problems[2].line == 6u);
  BOOST_TEST(p.problems[2].document == "short");
  BOOST_REQUIRE(p.attributions.size() == 1u);  // what could be read is kept
  BOOST_TEST(same(p.attributions[0].source, {{0, 5}}));
}

BOOST_AUTO_TEST_CASE(offsets_that_do_not_match_the_text_are_flagged) {
  std::string text = "Zo\u00eb said it.";
  // Byte offsets written where code points belong: "said" is at 4..8, not 5..9.
  qe::ParsedAnnotations p = qe::parse_brat("T1\tCue 5 9\tsaid\n", text);
  BOOST_REQUIRE(p.problems.size() == 1u);
  BOOST_TEST(p.problems[0].code == "text_mismatch");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(split)

BOOST_AUTO_TEST_CASE(first_annotator_wins_and_prefix_names_stay_apart) {
  std::string dir = quotient::test::scratch_dir() + "/eval_split_test";
  ::mkdir(dir.c_str(), 0755);
  ::mkdir((dir + "/text").c_str(), 0755);
  ::mkdir((dir + "/attributions").c_str(), 0755);
  std::string text = "\"Yes,\" Ann said.";
  write(dir + "/text/doc.txt", text);
  write(dir + "/text/doc_two.txt", text);
  write(dir + "/text/lonely.txt", text);
  std::string ann = "T1\tSource 7 10\tAnn\nT2\tCue 11 15\tsaid\nT3\tContent 0 6\t\"Yes,\"\n"
                    "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n";
  write(dir + "/attributions/doc_b7.ann", "");
  write(dir + "/attributions/doc_a1.ann", ann);
  write(dir + "/attributions/doc_two_0f.ann", "");

  auto entries = qe::list_split(dir);
  BOOST_REQUIRE(entries.ok());
  const auto& e = entries.value();
  BOOST_REQUIRE(e.size() == 3u);
  BOOST_TEST(e[0].name == "doc");
  BOOST_TEST(e[0].ann_path == dir + "/attributions/doc_a1.ann");
  BOOST_TEST(e[1].name == "doc_two");
  BOOST_TEST(e[1].ann_path == dir + "/attributions/doc_two_0f.ann");
  BOOST_TEST(e[2].ann_path.empty());  // no annotations: no gold quotes

  auto doc = qe::load_gold_document(e[0]);
  BOOST_REQUIRE(doc.ok());
  BOOST_REQUIRE(doc.value().quotes.size() == 1u);
  BOOST_TEST(doc.value().quotes[0].source_text == "Ann");

  quotient::Analyzer analyzer(quotient::PipelineConfig{}, nullptr);
  qe::EvalConfig config;
  config.limit = 2;
  auto report = qe::evaluate_split(dir, analyzer, config);
  BOOST_REQUIRE(report.ok());
  BOOST_TEST(report.value().tally.documents == 2u);
  BOOST_TEST(report.value().tally.gold_quotes == 1u);
}

BOOST_AUTO_TEST_CASE(missing_directory_is_an_io_error) {
  auto entries = qe::list_split(quotient::test::scratch_dir() + "/no/such/split");
  BOOST_REQUIRE(!entries.ok());
  BOOST_TEST(int(entries.status().code) == int(quotient::model::ErrorCode::kIo));
  BOOST_TEST(entries.status().path.find("no/such/split/text") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
