// Gold quotes, matching and metrics on small hand-made documents whose
// expected numbers are worked out in the comments.
#include <boost/test/unit_test.hpp>

#include <string>

#include "eval_attribution.hpp"

namespace qe = quotient::eval;
using quotient::DocumentResult;
using quotient::QuoteRecord;
namespace tt = boost::test_tools;

namespace {

// Byte range of the first `needle` in `text` (at or after `from`).
qe::ByteRange find(const std::string& text, const std::string& needle, size_t from = 0) {
  size_t at = text.find(needle, from);
  BOOST_REQUIRE(at != std::string::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

// A brat T line for `needle` (ASCII texts: code points are bytes).
std::string tline(int id, const std::string& label, const std::string& text, const std::string& needle,
                  size_t from = 0) {
  qe::ByteRange r = find(text, needle, from);
  return "T" + std::to_string(id) + "\t" + label + " " + std::to_string(r.begin) + " " +
         std::to_string(r.end) + "\t" + needle + "\n";
}

QuoteRecord* add_record(DocumentResult* r, QuoteRecord::Kind kind, qe::ByteRange span) {
  QuoteRecord* q = r->add_quotes();
  q->set_kind(kind);
  q->mutable_span()->set_begin(span.begin);
  q->mutable_span()->set_end(span.end);
  return q;
}

void set_speaker(QuoteRecord* q, const std::string& text, const std::string& mention, size_t from = 0) {
  qe::ByteRange r = find(text, mention, from);
  q->mutable_speaker()->set_mention(mention);
  q->mutable_speaker()->set_name(mention);
  q->mutable_speaker()->mutable_mention_span()->set_begin(r.begin);
  q->mutable_speaker()->mutable_mention_span()->set_end(r.end);
}

void set_cue(QuoteRecord* q, const std::string& text, const std::string& cue, size_t from = 0) {
  qe::ByteRange r = find(text, cue, from);
  q->mutable_cue()->set_text(cue);
  q->mutable_cue()->mutable_span()->set_begin(r.begin);
  q->mutable_cue()->mutable_span()->set_end(r.end);
}

std::vector<std::string> segment_texts(const std::string& text) {
  std::vector<std::string> out;
  for (qe::ByteRange r : qe::find_quote_segments(text)) out.push_back(text.substr(r.begin, r.size()));
  return out;
}

// The worked example of the metrics suite.
//   Q1 name source, predicted right (speaker and cue)
//   Q2 pronoun source, predicted with the wrong speaker, right cue
//   Q3 nominal source, predicted with no speaker and no cue
//   Q4 nominal source, found only as a SCARE record: missed
//   a scare quote outside any Content, predicted as SPEECH with a speaker: spurious
//   one indirect attribution (Jones) and two INDIRECT records, one right
struct Worked {
  std::string text =
      "\"We will win the vote,\" Jane Smith said. \"It is over,\" he said.\n"
      "The official said: \"No comment at this time.\"\n"
      "\"Nobody will notice this,\" an aide wrote. It was a \"scare\" word.\n"
      "Jones said that taxes would rise. The weather was fine.\n";
  std::string ann;
  DocumentResult result;

  Worked() {
    const std::string& t = text;
    ann = tline(1, "Source", t, "Jane Smith") + tline(2, "Cue", t, "said") +
          tline(3, "Content", t, "\"We will win the vote,\"") +
          tline(4, "Source", t, "he", find(t, "he said").begin) +
          tline(5, "Cue", t, "said", find(t, "he said").begin) + tline(6, "Content", t, "\"It is over,\"") +
          tline(7, "Source", t, "The official") + tline(8, "Cue", t, "said", find(t, "The official").begin) +
          tline(9, "Content", t, "\"No comment at this time.\"") +
          tline(10, "Source", t, "an aide") + tline(11, "Cue", t, "wrote") +
          tline(12, "Content", t, "\"Nobody will notice this,\"") +
          tline(13, "Source", t, "Jones") + tline(14, "Cue", t, "said", find(t, "Jones").begin) +
          tline(15, "Content", t, "taxes would rise") +
          "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\nE2\tAttribution:T5 Source:T4 Cue:T5 Content:T6\n"
          "E3\tAttribution:T8 Source:T7 Cue:T8 Content:T9\nE4\tAttribution:T11 Source:T10 Cue:T11 Content:T12\n"
          "E5\tAttribution:T14 Source:T13 Cue:T14 Content:T15\n";
    QuoteRecord* q1 = add_record(&result, QuoteRecord::SPEECH, find(t, "We will win the vote,"));
    set_speaker(q1, t, "Jane Smith");
    set_cue(q1, t, "said");
    QuoteRecord* q2 = add_record(&result, QuoteRecord::SPEECH, find(t, "It is over,"));
    set_speaker(q2, t, "Jane Smith");
    set_cue(q2, t, "said", find(t, "he said").begin);
    add_record(&result, QuoteRecord::SPEECH, find(t, "No comment at this time."));
    add_record(&result, QuoteRecord::SCARE, find(t, "Nobody will notice this,"));
    QuoteRecord* s = add_record(&result, QuoteRecord::SPEECH, find(t, "scare"));
    set_speaker(s, t, "an aide");
    add_record(&result, QuoteRecord::INDIRECT, find(t, "that taxes would rise"));
    add_record(&result, QuoteRecord::INDIRECT, find(t, "The weather was fine"));
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(segments)

BOOST_AUTO_TEST_CASE(straight_and_curly_marks) {
  std::string t = "\"One,\" he said. \u201cTwo.\u201d It\u2019s \u2018single\u2019 and 5'9\".";
  auto s = segment_texts(t);
  // The stray " after 5'9 opens a quote that the paragraph's end drops.
  BOOST_TEST(s == (std::vector<std::string>{"One,", "Two."}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(nyt_doubled_apostrophes_are_double_marks) {
  std::string t = "''It's fine,'' he said of the ''plan.'' It's 'single'.";
  auto s = segment_texts(t);
  BOOST_TEST(s == (std::vector<std::string>{"It's fine,", "plan."}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(nested_quotes_stay_inside_their_parent) {
  std::string t = "\"He said \u201cno\u201d to me,\" she said. \u201cI read \"Dune\" twice.\u201d";
  auto s = segment_texts(t);
  BOOST_TEST(s == (std::vector<std::string>{"He said \u201cno\u201d to me,", "I read \"Dune\" twice."}),
             tt::per_element());
}

BOOST_AUTO_TEST_CASE(multi_paragraph_quote_continues) {
  std::string t = "He said: \u201cFirst part.\n\n\u201cSecond part.\u201d\nThen \u201cunclosed\nNext.";
  auto s = segment_texts(t);
  BOOST_TEST(s == (std::vector<std::string>{"First part.\n\n\u201cSecond part."}), tt::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(gold)

BOOST_AUTO_TEST_CASE(only_segments_inside_content_are_gold) {
  Worked w;
  qe::GoldDocument g = qe::make_gold_document("worked", w.text, w.ann);
  BOOST_TEST(g.problems.empty());
  BOOST_REQUIRE(g.quotes.size() == 4u);  // not the "scare" word
  BOOST_TEST(g.quotes[0].source_text == "Jane Smith");
  BOOST_TEST(g.quotes[1].source_text == "he");
  BOOST_TEST(g.quotes[2].source_text == "The official");
  BOOST_TEST(g.quotes[3].source_text == "an aide");
  BOOST_TEST(int(g.quotes[0].source_class) == int(qe::SourceClass::kName));
  BOOST_TEST(int(g.quotes[1].source_class) == int(qe::SourceClass::kPronoun));
  BOOST_TEST(int(g.quotes[2].source_class) == int(qe::SourceClass::kNominal));
}

BOOST_AUTO_TEST_CASE(innermost_attribution_gives_the_speaker) {
  std::string t = "Ann said that Bob told her: \"Stay home.\"";
  std::string ann = tline(1, "Source", t, "Ann") + tline(2, "Content", t, "that Bob told her: \"Stay home.\"") +
                    tline(3, "Source", t, "Bob") + tline(4, "Content", t, "\"Stay home.\"") +
                    "E1\tAttribution:T1 Source:T1 Content:T2\nE2\tAttribution:T3 Source:T3 Content:T4\n";
  qe::GoldDocument g = qe::make_gold_document("nested", t, ann);
  BOOST_REQUIRE(g.quotes.size() == 1u);
  BOOST_TEST(g.quotes[0].source_text == "Bob");
  BOOST_TEST(g.quotes[0].cue.empty());  // no Cue role: not counted for cue accuracy
}

BOOST_AUTO_TEST_CASE(content_must_cover_most_of_the_quote) {
  std::string t = "\"Half of this is content, the other half is not,\" said Al.";
  std::string ann = tline(1, "Content", t, "Half of this is content,") + "E1\tAttribution:T1 Content:T1\n";
  BOOST_TEST(qe::make_gold_document("half", t, ann).quotes.empty());
}

BOOST_AUTO_TEST_CASE(source_forms) {
  using qe::SourceClass;
  auto is = [](const char* s, SourceClass c) { return qe::classify_source(s) == c; };
  BOOST_TEST(is("Donald Trump", SourceClass::kName));
  BOOST_TEST(is("Sen. Ted Cruz (R-TX)", SourceClass::kName));
  BOOST_TEST(is("\u00c9mile Zola", SourceClass::kName));
  BOOST_TEST(is("He", SourceClass::kPronoun));
  BOOST_TEST(is("they", SourceClass::kPronoun));
  BOOST_TEST(is("I", SourceClass::kPronoun));
  BOOST_TEST(is("The campaign", SourceClass::kNominal));
  BOOST_TEST(is("An aide", SourceClass::kNominal));
  BOOST_TEST(is("His spokesman", SourceClass::kNominal));
  BOOST_TEST(is("sources", SourceClass::kNominal));
  BOOST_TEST(is("the New York Post", SourceClass::kNominal));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(matching)

// Gold inner span [10, 110): 100 bytes.
struct Thresholds {
  std::string text = std::string(9, 'x') + "\"" + std::string(100, 'q') + "\"" + std::string(200, 'y');
  std::string ann = "T1\tContent 9 111\tq\nE1\tAttribution:T1 Content:T1\n";
  qe::GoldDocument gold = qe::make_gold_document("t", text, ann);

  bool matches(uint32_t begin, uint32_t end) const {
    DocumentResult r;
    add_record(&r, QuoteRecord::SPEECH, {begin, end});
    return qe::score_document(gold, r, false).tally.matched == 1;
  }
};

BOOST_AUTO_TEST_CASE(prediction_must_cover_80_percent_of_gold) {
  Thresholds t;
  BOOST_REQUIRE(t.gold.quotes.size() == 1u);
  BOOST_TEST(t.matches(30, 110));   // 80 of 100
  BOOST_TEST(!t.matches(31, 110));  // 79 of 100
}

BOOST_AUTO_TEST_CASE(gold_must_cover_50_percent_of_prediction) {
  Thresholds t;
  BOOST_TEST(t.matches(10, 210));   // 100 of 200
  BOOST_TEST(!t.matches(10, 211));  // 100 of 201
}

BOOST_AUTO_TEST_CASE(matching_is_one_to_one_best_first) {
  Thresholds t;
  DocumentResult r;
  add_record(&r, QuoteRecord::SPEECH, {5, 100});   // overlap 90
  add_record(&r, QuoteRecord::SPEECH, {10, 110});  // overlap 100: wins
  add_record(&r, QuoteRecord::TITLE, {10, 110});   // not a prediction
  qe::DocumentScore s = qe::score_document(t.gold, r, true);
  BOOST_TEST(s.tally.predictions == 2u);
  BOOST_TEST(s.tally.matched == 1u);
  BOOST_REQUIRE(s.errors.size() == 1u);
  BOOST_TEST(int(s.errors[0].kind) == int(qe::ErrorEntry::Kind::kSpurious));
  BOOST_TEST(s.errors[0].span.begin == 5u);
}

BOOST_AUTO_TEST_CASE(speech_in_single_marks_is_not_scored) {
  std::string t = "Obama: 'Terrifying.' Then \u2018Awful\u2019 and \"Fine.\"";
  std::string ann = tline(1, "Content", t, "'Terrifying.'") + "E1\tAttribution:T1 Content:T1\n";
  qe::GoldDocument g = qe::make_gold_document("single", t, ann);
  BOOST_TEST(g.quotes.empty());  // the gold holds double-marked quotes only
  DocumentResult r;
  add_record(&r, QuoteRecord::SPEECH, find(t, "Terrifying."));
  add_record(&r, QuoteRecord::SPEECH, find(t, "Awful"));
  add_record(&r, QuoteRecord::SPEECH, find(t, "Fine."));
  qe::Tally tally = qe::score_document(g, r, false).tally;
  BOOST_TEST(tally.single_marked == 2u);
  BOOST_TEST(tally.predictions == 1u);  // "Fine.": spurious
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(metrics)

BOOST_AUTO_TEST_CASE(worked_example) {
  Worked w;
  qe::GoldDocument g = qe::make_gold_document("worked", w.text, w.ann);
  qe::Tally t = qe::score_document(g, w.result, false).tally;
  qe::Metrics m = t.metrics();
  // 4 gold quotes, 4 SPEECH predictions, 3 matched.
  BOOST_TEST(t.gold_quotes == 4u);
  BOOST_TEST(t.predictions == 4u);
  BOOST_TEST(m.quote.precision.value() == 0.75);
  BOOST_TEST(m.quote.recall.value() == 0.75);
  BOOST_TEST(m.quote.f1() == 0.75, tt::tolerance(1e-9));
  // Speakers of Q1 (name) right, Q2 (pronoun) and Q3 (nominal) wrong.
  BOOST_TEST(m.speaker.hits == 1u);
  BOOST_TEST(m.speaker.total == 3u);
  BOOST_TEST(m.speaker_by_class[int(qe::SourceClass::kName)].value() == 1.0);
  BOOST_TEST(m.speaker_by_class[int(qe::SourceClass::kPronoun)].total == 1u);
  BOOST_TEST(m.speaker_by_class[int(qe::SourceClass::kPronoun)].hits == 0u);
  BOOST_TEST(m.speaker_by_class[int(qe::SourceClass::kNominal)].total == 1u);
  // Pair: 1 correct; 3 predictions have a speaker (Q1, Q2, the spurious one);
  // 4 gold quotes have a Source. F1 = 2 (1/3)(1/4) / (1/3 + 1/4) = 2/7.
  BOOST_TEST(m.pair.precision.value() == 1.0 / 3, tt::tolerance(1e-9));
  BOOST_TEST(m.pair.recall.value() == 0.25);
  BOOST_TEST(m.pair.f1() == 2.0 / 7, tt::tolerance(1e-9));
  // Cue: Q1 and Q2 right, Q3 none.
  BOOST_TEST(m.cue.hits == 2u);
  BOOST_TEST(m.cue.total == 3u);
  // Indirect: 1 of 2 records lies on a Content; 1 of 5 Contents is found.
  BOOST_TEST(m.indirect.precision.hits == 1u);
  BOOST_TEST(m.indirect.precision.total == 2u);
  BOOST_TEST(m.indirect.recall.hits == 1u);
  BOOST_TEST(m.indirect.recall.total == 5u);
}

BOOST_AUTO_TEST_CASE(tallies_add_up) {
  Worked w;
  qe::GoldDocument g = qe::make_gold_document("worked", w.text, w.ann);
  qe::Tally one = qe::score_document(g, w.result, false).tally, two;
  two.add(one);
  two.add(one);
  BOOST_TEST(two.documents == 2u);
  BOOST_TEST(two.matched == 6u);
  BOOST_TEST(two.metrics().pair.f1() == one.metrics().pair.f1(), tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(empty_tally_is_all_zero) {
  qe::Metrics m = qe::Tally{}.metrics();
  BOOST_TEST(m.quote.f1() == 0.0);
  BOOST_TEST(m.speaker.value() == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(each_miss_is_listed_with_context) {
  Worked w;
  qe::GoldDocument g = qe::make_gold_document("worked", w.text, w.ann);
  std::vector<qe::ErrorEntry> e = qe::score_document(g, w.result, true).errors;
  using K = qe::ErrorEntry::Kind;
  BOOST_REQUIRE(e.size() == 5u);
  BOOST_TEST(int(e[0].kind) == int(K::kWrongSpeaker));  // Q2
  BOOST_TEST(e[0].predicted_speaker == "Jane Smith");
  BOOST_TEST(e[0].gold_source == "he");
  BOOST_TEST(int(e[1].kind) == int(K::kWrongSpeaker));  // Q3
  BOOST_TEST(e[1].predicted_speaker.empty());
  BOOST_TEST(int(e[2].kind) == int(K::kWrongCue));      // Q3
  BOOST_TEST(e[2].gold_cue == "said");
  BOOST_TEST(int(e[3].kind) == int(K::kMissed));        // Q4
  BOOST_TEST(e[3].predicted_kind == "SCARE");
  BOOST_TEST(e[3].quote == "Nobody will notice this,");
  BOOST_TEST(e[3].after.rfind("\" an aide wrote.", 0) == 0u);
  BOOST_TEST(e[3].before.size() <= qe::kContextBytes + 1);
  BOOST_TEST(e[3].document == "worked");
  BOOST_TEST(int(e[4].kind) == int(K::kSpurious));      // "scare"
  BOOST_TEST(e[4].quote == "scare");
  BOOST_TEST(!e[4].source_class);
}

BOOST_AUTO_TEST_CASE(context_never_splits_a_character) {
  // 20 two-byte characters, so the context window starts inside one.
  std::string t;
  for (int i = 0; i < 20; ++i) t += "\u00e9";
  t += " \"Hi.\" \u201c\u00e9\u201d";
  size_t cp_begin = 21;  // the opening mark, in code points
  std::string ann = "T1\tContent " + std::to_string(cp_begin) + " " + std::to_string(cp_begin + 5) +
                    "\t\"Hi.\"\nE1\tAttribution:T1 Content:T1\n";
  qe::GoldDocument g = qe::make_gold_document("utf8", t, ann);
  BOOST_REQUIRE(g.quotes.size() == 1u);
  DocumentResult r;
  std::vector<qe::ErrorEntry> e = qe::score_document(g, r, true).errors;
  BOOST_REQUIRE(e.size() == 1u);
  BOOST_TEST(e[0].quote == "Hi.");
  BOOST_TEST((static_cast<unsigned char>(e[0].before[0]) & 0xC0) != 0x80);
}

BOOST_AUTO_TEST_SUITE_END()
