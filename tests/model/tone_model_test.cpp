// The design sentences of issue 3, scored by the shipped model.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdlib>
#include <string>

#include "model/tone_model.hpp"

namespace qm = quotient::model;

namespace {

const qm::ToneModel& shipped() {
  static const qm::ToneModel model = [] {
    const char* src = std::getenv("QUOTIENT_SOURCE_DIR");
    std::string path = src ? std::string(src) + "/model/tone.qtm" : qm::ToneModel::default_path();
    auto r = qm::ToneModel::load(path);
    if (!r) BOOST_FAIL("cannot load " << path << ": " << r.status().to_string());
    return r.value();
  }();
  return model;
}

qm::ToneOutput score(const std::string& text, const std::string& cue = "") {
  qm::ToneScratch scratch;
  return shipped().score({text, cue, {}}, scratch);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(design)

BOOST_AUTO_TEST_CASE(talks_were_constructive) {
  auto out = score("The talks were constructive.");
  BOOST_TEST(out.label == "constructive");
  BOOST_TEST(out.coop > 0.0f);
}

BOOST_AUTO_TEST_CASE(pragmatic_engagement) {
  BOOST_TEST(score("Both sides stressed the need for pragmatic engagement.").label == "pragmatic");
}

BOOST_AUTO_TEST_CASE(not_conducive_is_critical) {
  auto out = score("The exercises were not conducive to peace and stability.");
  BOOST_TEST(out.label == "critical");
  BOOST_TEST(out.coop < 0.0f);
  auto plain = score("The exercises were conducive to peace and stability.");
  BOOST_TEST(plain.label != "critical");
}

BOOST_AUTO_TEST_CASE(persecute_is_critical) {
  auto out = score("China continues to persecute and arbitrarily detain the Uighurs.");
  BOOST_TEST(out.label == "critical");
  BOOST_TEST(out.coop < 0.0f);
}

// A prefix feature of a word whose 6th byte is inside a character ("quiet" +
// U+064C) stops before that character (extractor v3; found by fuzz_analyze:
// the records' JSON differed from protobuf's): evidence stays UTF-8. Whether
// "quiet*" itself carries weight depends on the model; its name is checked in
// features/prefix_stops_at_a_character_boundary.
BOOST_AUTO_TEST_CASE(prefix_evidence_is_valid_utf8) {
  auto valid = [](const std::string& s) {
    for (size_t i = 0; i < s.size();) {
      auto c = static_cast<unsigned char>(s[i]);
      size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
      if (n == 0 || i + n > s.size()) return false;
      for (size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
      i += n;
    }
    return true;
  };
  auto out = score("quiet sell-off \u201cquiet\u064cell-off\u201d denounmt b");
  BOOST_TEST(!out.evidence.empty());
  for (const auto& e : out.evidence) {
    BOOST_TEST_CONTEXT(e.feature) { BOOST_TEST(valid(e.feature)); }
  }
}

BOOST_AUTO_TEST_CASE(output_shape) {
  auto out = score("We welcome the talks but remain deeply concerned.", "say");
  BOOST_TEST(out.scores.size() == 4u);
  float sum = 0;
  for (const auto& s : out.scores) sum += s.second;
  BOOST_TEST(sum == 1.0f, boost::test_tools::tolerance(1e-4f));
  BOOST_TEST(out.coop >= -1.0f);
  BOOST_TEST(out.coop <= 1.0f);
  BOOST_TEST(!out.evidence.empty());
  BOOST_TEST(out.evidence.size() <= 5u);
  for (size_t i = 1; i < out.evidence.size(); ++i) BOOST_TEST(out.evidence[i - 1].weight >= out.evidence[i].weight);
  for (const auto& e : out.evidence) BOOST_TEST(e.label == out.label);
}

// A quote's cue is usually the neutral "say": it must not carry a tone of its own.
BOOST_AUTO_TEST_CASE(said_design_sentences_keep_their_label) {
  BOOST_TEST(score("The talks were constructive.", "say").label == "constructive");
  BOOST_TEST(score("Both sides stressed the need for pragmatic engagement.", "say").label == "pragmatic");
  BOOST_TEST(score("The exercises were not conducive to peace and stability.", "say").label == "critical");
  BOOST_TEST(score("China continues to persecute and arbitrarily detain the Uighurs.", "say").label == "critical");
}

// The commonest continuation cues report speech and carry no tone: "added"
// had learnt CAMEO's material-cooperation sense of "add" (+6) and made
// "It is raining," she added constructive, with coop +0.67.
BOOST_AUTO_TEST_CASE(neutral_cues_carry_no_tone) {
  for (const char* text : {"The committee will meet again on Tuesday.", "It is raining.",
                           "The report will be published next month.", "We will look at the figures."}) {
    qm::ToneOutput said = score(text, "say");
    for (const char* cue : {"add", "note", "explain"}) {
      qm::ToneOutput out = score(text, cue);
      BOOST_TEST(out.label == said.label, text << " [" << cue << "]");
      BOOST_TEST(std::abs(out.coop - said.coop) < 0.05, text << " [" << cue << "] coop " << out.coop);
    }
  }
}

// Evidence is drawn from the features' positive contributions, strongest
// first: a word repeated many times (same row, same weight) is named once,
// and every item has a positive weight and a distinct name.
BOOST_AUTO_TEST_CASE(evidence_is_distinct_positive_and_ordered) {
  for (const char* q : {"Constructive, constructive, constructive: the constructive talks were constructive.",
                        "We regret, we regret, we deeply regret this provocative and unacceptable move.", "Fine."}) {
    auto out = score(q, "say");
    for (size_t i = 0; i < out.evidence.size(); ++i) {
      BOOST_TEST(out.evidence[i].weight > 0.0f);
      if (i > 0) BOOST_TEST(out.evidence[i - 1].weight >= out.evidence[i].weight);
      for (size_t j = 0; j < i; ++j) BOOST_TEST(out.evidence[j].feature != out.evidence[i].feature);
    }
  }
  BOOST_TEST(score("Constructive, constructive, constructive: the constructive talks were constructive.", "say")
                 .evidence.size() > 1u);
}

// One output reused over quotes of different lengths gives what a fresh
// output gives; evidence = false changes nothing but the evidence.
BOOST_AUTO_TEST_CASE(reused_output_and_evidence_off_match_a_fresh_score) {
  const char* quotes[] = {"We firmly oppose this interference in our internal affairs, and we regret it.",
                          "Fine.", "The committee discussed the budget; no decision was taken.",
                          "We welcome the warm and fruitful dialogue between our two countries."};
  qm::ToneScratch scratch;
  qm::ToneOutput reused;
  for (const char* q : quotes) {
    qm::ToneOutput fresh = score(q, "say");
    shipped().score({q, "say", {}}, scratch, reused);
    BOOST_TEST(reused.label == fresh.label);
    BOOST_TEST(reused.coop == fresh.coop);
    BOOST_REQUIRE(reused.scores.size() == fresh.scores.size());
    for (size_t k = 0; k < fresh.scores.size(); ++k) {
      BOOST_TEST(reused.scores[k].first == fresh.scores[k].first);
      BOOST_TEST(reused.scores[k].second == fresh.scores[k].second);
    }
    BOOST_REQUIRE(reused.evidence.size() == fresh.evidence.size());
    for (size_t k = 0; k < fresh.evidence.size(); ++k) {
      BOOST_TEST(reused.evidence[k].feature == fresh.evidence[k].feature);
      BOOST_TEST(reused.evidence[k].weight == fresh.evidence[k].weight);
    }
    qm::ToneOutput bare = shipped().score({q, "say", {}, false}, scratch);
    BOOST_TEST(bare.label == fresh.label);
    BOOST_TEST(bare.coop == fresh.coop);
    BOOST_TEST(bare.evidence.empty());
  }
}

BOOST_AUTO_TEST_CASE(masks_and_odd_input_are_safe) {
  qm::ToneScratch scratch;
  std::string text = "Mr Ding said China \xff\xfe welcomes\xe2\x80";
  auto out = shipped().score({text, "", {{0, 7}, {100, 200}, {5, 2}, {12, 17}}}, scratch);
  BOOST_TEST(!out.label.empty());
  BOOST_TEST(!shipped().score({"", "", {}}, scratch).label.empty());
}

BOOST_AUTO_TEST_SUITE_END()
