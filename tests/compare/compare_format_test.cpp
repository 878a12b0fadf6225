// src/compare_cli.*: the table, CSV, JSON and HTML renderings, and the
// acceptance run of `quotient compare --by side` on the seed article.
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "../test_env.hpp"
#include "compare_cli.hpp"
#include "compare_records.hpp"

namespace quotient::cli {
namespace {

using compare::Comparer;
using compare::CompareConfig;
using compare::Comparison;
using compare::DocInfo;
using compare::GroupKey;
using test::record;

Comparison two_speakers() {
  Comparer comparer(CompareConfig{});
  QuoteRecord tricky = record("d1", "Ann, \"the\" <b>envoy</b>", 0.4, "constructive");
  tricky.set_text("We said \"yes\", <script>alert(1)</script> & more");
  test::add_evidence(&tricky, "win-win", "constructive", 1.5);
  comparer.add(tricky, nullptr);
  comparer.add(record("d1", "Ann, \"the\" <b>envoy</b>", 0.2, "pragmatic"), nullptr);
  comparer.add(record("d2", "Bob", -0.3, "critical"), nullptr);
  return comparer.finish();
}

Comparison by_month() {
  CompareConfig config;
  config.keys = {GroupKey::kSpeaker, GroupKey::kMonth};
  Comparer comparer(config);
  DocInfo oct{"Wire", "2024-10-05"}, nov{"Wire", "2024-11-20"}, dec{"Wire", "2024-12-01"};
  for (const DocInfo* d : {&oct, &nov, &dec})
    for (double v : {0.1, 0.2}) {
      comparer.add(record("d", "Ann", v + (d == &nov ? 0.2 : 0), "constructive"), d);
      comparer.add(record("d", "Bob", -v, "critical"), d);
    }
  return comparer.finish();
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

std::vector<std::string> lines(const std::string& s, const char* sep = "\n") {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t p; (p = s.find(sep, start)) != std::string::npos; start = p + std::strlen(sep)) out.push_back(s.substr(start, p - start));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(formats)

BOOST_AUTO_TEST_CASE(table_has_groups_difference_and_details) {
  std::string t = render_table(two_speakers());
  BOOST_TEST(t.find("speaker") == 0u);
  BOOST_TEST(t.find("95% interval") != std::string::npos);
  BOOST_TEST(t.find("Bob") != std::string::npos);
  BOOST_TEST(t.find("permutation p = ") != std::string::npos);
  BOOST_TEST(t.find("most constructive") != std::string::npos);
  BOOST_TEST(t.find("3 of 3 quotes counted") != std::string::npos);
  std::string pivot = render_table(by_month());
  BOOST_TEST(pivot.find("mean coop (quotes), speaker \xC3\x97 month") != std::string::npos);
  BOOST_TEST(pivot.find("2024-12") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(csv_quotes_fields_and_has_one_row_per_group) {
  std::string csv = render_csv(two_speakers());
  std::vector<std::string> rows = lines(csv, "\r\n");
  BOOST_REQUIRE(rows.size() == 3u);  // header + 2 groups
  BOOST_TEST(rows[0].find("speaker,quotes,mean_coop,ci_low,ci_high,share_constructive,share_pragmatic,"
                          "share_neutral,share_critical,top_evidence,most_constructive_doc") == 0u);
  BOOST_TEST(rows[1].find("\"Ann, \"\"the\"\" <b>envoy</b>\",2,0.3,") == 0u, rows[1]);
  BOOST_TEST(rows[1].find("\"We said \"\"yes\"\", <script>alert(1)</script> & more\"") != std::string::npos);
  BOOST_TEST(rows[2].find("Bob,1,-0.3,-0.3,-0.3,") == 0u, rows[2]);
}

BOOST_AUTO_TEST_CASE(json_is_valid_and_complete) {
  std::string json = render_json(two_speakers());
  google::protobuf::Struct parsed;
  BOOST_REQUIRE(google::protobuf::util::JsonStringToMessage(json, &parsed).ok());
  const auto& f = parsed.fields();
  BOOST_TEST(f.at("by").list_value().values(0).string_value() == "speaker");
  BOOST_TEST(f.at("seed").number_value() == 20241018.0);
  BOOST_TEST(f.at("quotes_counted").number_value() == 3.0);
  const auto& groups = f.at("groups").list_value();
  BOOST_REQUIRE(groups.values_size() == 2);
  const auto& ann = groups.values(0).struct_value().fields();
  BOOST_TEST(ann.at("quotes").number_value() == 2.0);
  BOOST_TEST(ann.at("mean_coop").number_value() == 0.3, boost::test_tools::tolerance(1e-5));
  BOOST_TEST(ann.at("label_shares").struct_value().fields().at("constructive").number_value() == 0.5);
  BOOST_TEST(ann.at("most_constructive").struct_value().fields().at("text").string_value() ==
             "We said \"yes\", <script>alert(1)</script> & more");
  BOOST_TEST(ann.at("evidence").list_value().values(0).struct_value().fields().at("feature").string_value() == "win-win");
  const auto& diff = f.at("difference").struct_value().fields();
  BOOST_TEST(diff.at("diff").number_value() == 0.6, boost::test_tools::tolerance(1e-5));
  BOOST_TEST(diff.at("p_value").number_value() > 0);
  BOOST_TEST(diff.at("p_value").number_value() <= 1);
  // Reproducible: the same input renders the same bytes.
  BOOST_TEST(render_json(two_speakers()) == json);
  BOOST_TEST(google::protobuf::util::JsonStringToMessage(render_json(by_month()), &parsed).ok());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(html)

// Open and close tags of `name` balance (a rough well-formedness check).
void check_balanced(const std::string& html, const std::string& name) {
  size_t open = count(html, "<" + name + ">") + count(html, "<" + name + " ");
  BOOST_TEST(open == count(html, "</" + name + ">"), name << ": " << open << " open");
}

void check_report(const std::string& html) {
  BOOST_TEST(html.find("<!DOCTYPE html>") == 0u);
  BOOST_TEST(html.find("<meta charset=\"utf-8\">") != std::string::npos);
  for (const char* tag : {"html", "head", "body", "main", "svg", "section", "div", "figure", "blockquote", "table", "tr",
                          "title", "style", "ul", "li", "text", "p", "h2"})
    check_balanced(html, tag);
  BOOST_TEST(html.find("http://") == std::string::npos);
  BOOST_TEST(html.find("https://") == std::string::npos);
  BOOST_TEST(html.find("<script") == std::string::npos);
  BOOST_TEST(html.find(" src=") == std::string::npos);
  BOOST_TEST(html.find("url(") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(report_is_self_contained_and_escaped) {
  std::string html = render_html(two_speakers(), "Ann & Bob <compared>");
  check_report(html);
  BOOST_TEST(html.find("<title>Ann &amp; Bob &lt;compared&gt;</title>") != std::string::npos);
  BOOST_TEST(count(html, "<svg class=\"chart\"") == 2u);  // tone bars, label shares
  BOOST_TEST(html.find("class=\"whisker\"") != std::string::npos);
  BOOST_TEST(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  BOOST_TEST(html.find("Ann, &quot;the&quot; &lt;b&gt;envoy&lt;/b&gt;") != std::string::npos);
  BOOST_TEST(html.find("permutation p = ") != std::string::npos);
  BOOST_TEST(html.find("Over time") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(periods_add_a_time_chart_and_a_table) {
  std::string html = render_html(by_month(), "By month");
  check_report(html);
  BOOST_TEST(html.find("Over time") != std::string::npos);
  BOOST_TEST(count(html, "<svg class=\"chart\"") == 3u);
  BOOST_TEST(count(html, "class=\"series\"") == 2u);  // Ann and Bob
  BOOST_TEST(html.find("<table class=\"heat\">") != std::string::npos);
  BOOST_TEST(html.find("2024-11") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_comparison) {
  Comparison c = Comparer(CompareConfig{}).finish();
  std::string html = render_html(c, "Nothing");
  check_report(html);
  BOOST_TEST(render_table(c).find("no quotes to compare") == 0u);
  BOOST_TEST(lines(render_csv(c), "\r\n").size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

// --- Acceptance: the seed article by side, through the binary ------------------

namespace {

std::string run(const std::string& command, int* status) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  BOOST_REQUIRE(p);
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  *status = ::pclose(p);
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string seed_command(const std::string& extra) {
  std::string sides = test::scratch_dir() + "/seed_sides.tsv";
  std::ofstream(sides) << "# the seed article's two sides\n"
                          "Foreign Office\tUK\nDavid Lammy\tUK\nKeir Starmer\tUK\n"
                          "Downing Street spokeswoman\tUK\nJames Cleverly\tUK\nDing Xuexiang\tChina\n";
  return test::binary() + " compare -q --by side --sides " + sides + " " + extra + " " +
         test::shared_dir() + "/corpus/seed/lammy-china-2024-10-18.txt";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(seed, *boost::unit_test::precondition(test::shared_present))

// Issue 6's acceptance: both sides with counts, mean coop and intervals.
BOOST_AUTO_TEST_CASE(by_side_table_json_and_html) {
  int status = 0;
  std::string table = run(seed_command("-f table"), &status);
  BOOST_TEST_MESSAGE(table);
  BOOST_TEST(status == 0);
  std::vector<std::string> rows = lines(table);
  BOOST_REQUIRE(rows.size() > 3u);
  BOOST_TEST(rows[0].find("side") == 0u);
  BOOST_TEST(rows[1].find("UK") == 0u, rows[1]);     // the sides file's order
  BOOST_TEST(rows[2].find("China") == 0u, rows[2]);
  BOOST_TEST(rows[1].find("11") != std::string::npos);
  BOOST_TEST(rows[2].find(" 3 ") != std::string::npos);
  BOOST_TEST(rows[1].find("[") != std::string::npos);
  BOOST_TEST(table.find("UK \xE2\x88\x92 China") != std::string::npos);
  BOOST_TEST(table.find("speakers not in the sides file: Both sides (1)") != std::string::npos);

  google::protobuf::Struct json;
  BOOST_REQUIRE(google::protobuf::util::JsonStringToMessage(run(seed_command("-f json"), &status), &json).ok());
  const auto& groups = json.fields().at("groups").list_value();
  BOOST_REQUIRE(groups.values_size() == 2);
  for (int i = 0; i < 2; ++i) {
    const auto& g = groups.values(i).struct_value().fields();
    double m = g.at("mean_coop").number_value();
    BOOST_TEST(g.at("ci_low").number_value() <= m);
    BOOST_TEST(g.at("ci_high").number_value() >= m);
    BOOST_TEST(g.at("ci_high").number_value() > g.at("ci_low").number_value());
  }
  BOOST_TEST(groups.values(0).struct_value().fields().at("quotes").number_value() == 11.0);
  BOOST_TEST(groups.values(1).struct_value().fields().at("quotes").number_value() == 3.0);

  std::string html_path = test::scratch_dir() + "/seed_by_side.html";
  run(seed_command("-f html -o " + html_path), &status);
  BOOST_TEST(status == 0);
  std::string html = slurp(html_path);
  BOOST_TEST(html.find(">UK</text>") != std::string::npos);
  BOOST_TEST(html.find(">China</text>") != std::string::npos);
  BOOST_TEST(html.find("n=11") != std::string::npos);
  BOOST_TEST(html.find("n=3") != std::string::npos);
  BOOST_TEST(html.find("class=\"whisker\"") != std::string::npos);
  BOOST_TEST(html.find("Ding Xuexiang") != std::string::npos);
  BOOST_TEST(html.find("http") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(records_and_documents_agree) {
  int status = 0;
  std::string bin = test::binary();
  std::string records = test::scratch_dir() + "/seed_quotes.jsonl";
  run(bin + " analyze -q -f jsonl -o " + records + " " + test::shared_dir() + "/corpus/seed/lammy-china-2024-10-18.txt", &status);
  BOOST_REQUIRE(status == 0);
  std::string from_docs = run(seed_command("-f json"), &status);
  std::string cmd = seed_command("-f json");
  cmd = cmd.substr(0, cmd.rfind(' ')) + " " + records;
  BOOST_TEST(run(cmd, &status) == from_docs);
  std::string pb = test::scratch_dir() + "/seed_results.pb";
  run(bin + " analyze -q -f pb -o " + pb + " " + test::shared_dir() + "/corpus/seed/lammy-china-2024-10-18.txt", &status);
  cmd = cmd.substr(0, cmd.rfind(' ')) + " " + pb;
  BOOST_TEST(run(cmd, &status) == from_docs);
  BOOST_TEST(run(seed_command("-f json --seed 7"), &status) != from_docs);  // the seed moves the intervals
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace quotient::cli
