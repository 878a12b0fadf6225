// The tone bridge (src/tone_bridge.*): which words of a quote are masked as
// entities before the tone model reads it, and how a record's Tone is
// filled from the model's output.
#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/arena.h>

#include "quote.pb.h"
#include "tone_bridge.hpp"
#include "tone_model.hpp"

namespace quotient::test {
namespace {

using Ranges = std::vector<std::pair<uint32_t, uint32_t>>;

// The rule of entity_ranges() spelled out byte by byte, as it was written
// before the scan learnt to jump over words: the fast scan must agree.
Ranges entity_ranges_by_byte(std::string_view q) {
  auto word_end = [](char c) { return std::string_view(" ,.;:!?").find(c) != std::string_view::npos; };
  Ranges out;
  bool sentence_start = true;
  for (size_t p = 0; p < q.size(); ++p) {
    char c = q[p];
    if (c == '.' || c == '!' || c == '?') sentence_start = true;
    if (c == ' ' || (p > 0 && q[p - 1] != ' ')) continue;
    size_t e = p;
    while (e < q.size() && !word_end(q[e])) ++e;
    bool capital = c >= 'A' && c <= 'Z' && !(e - p == 1 && c == 'I');
    if (capital && !sentence_start) out.push_back({static_cast<uint32_t>(p), static_cast<uint32_t>(e)});
    sentence_start = false;
  }
  return out;
}

std::string_view at(std::string_view q, std::pair<uint32_t, uint32_t> r) { return q.substr(r.first, r.second - r.first); }

}  // namespace

BOOST_AUTO_TEST_SUITE(tone_bridge)

BOOST_AUTO_TEST_CASE(entities_are_capitalised_words_inside_a_sentence) {
  std::string_view q = "Our partners in Lagos agreed. Then I met Ms Okafor, who said no.";
  Ranges r = entity_ranges(q);
  BOOST_REQUIRE_EQUAL(r.size(), 3u);
  BOOST_CHECK_EQUAL(at(q, r[0]), "Lagos");
  BOOST_CHECK_EQUAL(at(q, r[1]), "Ms");
  BOOST_CHECK_EQUAL(at(q, r[2]), "Okafor");
}

BOOST_AUTO_TEST_CASE(jumping_over_words_keeps_the_byte_rule) {
  const std::vector<std::string> quotes = {
      "",
      " ",
      "Rivers rise",
      "  Two  spaces,Then Comma and.Dot Here",
      "the Delta office. . Northern Ports? Yes! And I agree",
      "a .Word ,Other ;Third :Fourth !Fifth ?Sixth",
      "I think I, and I. We met Kofi-Mensah of Accra’s Port Authority...",
      "end with a Capital",
      "x Y z.",
      "trailing space after Name ",
      "Word.Word.Word Name",
      "\xE2\x80\x9CQuoted\xE2\x80\x9D Names like \xC3\x89lodie Brun stay",
  };
  for (const std::string& q : quotes) BOOST_TEST((entity_ranges(q) == entity_ranges_by_byte(q)), q);
}

// The scan reads 64-byte blocks: words, sentence ends and word starts on
// either side of a block edge, in quotes of every length up to 300 bytes
// built from a small alphabet, must follow the byte rule.
BOOST_AUTO_TEST_CASE(block_edges_keep_the_byte_rule) {
  const std::string_view alphabet = "  aB I.,!?;:Zq\xC3\x89";
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return state >> 16;
  };
  for (size_t len = 0; len <= 300; ++len) {
    for (int round = 0; round < 8; ++round) {
      std::string q;
      for (size_t i = 0; i < len; ++i) q += alphabet[next() % alphabet.size()];
      BOOST_TEST((entity_ranges(q) == entity_ranges_by_byte(q)), q);
    }
  }
  std::string names;  // long runs: a name in every block, words across the edges
  for (int i = 0; i < 40; ++i) names += i % 3 == 0 ? "we saw Adaeze there. " : "and Port Harcourt officials, ";
  BOOST_TEST((entity_ranges(names) == entity_ranges_by_byte(names)));
  BOOST_TEST(entity_ranges(names).size() > 40u);
}

BOOST_AUTO_TEST_CASE(the_output_vector_is_cleared_and_reused) {
  Ranges r = {{1, 2}, {3, 4}};
  entity_ranges("we asked Amara", r);
  BOOST_REQUIRE_EQUAL(r.size(), 1u);
  BOOST_CHECK_EQUAL(r[0].first, 9u);
  BOOST_CHECK_EQUAL(r[0].second, 14u);
}

// fill_tone() on a reused Tone (on the heap, holding an earlier quote's
// values: more evidence, other labels) leaves what a fill of a new Tone,
// on the heap or on an arena, leaves: nothing of the earlier quote stays.
BOOST_AUTO_TEST_CASE(a_reused_tone_is_filled_as_a_new_one) {
  model::ToneOutput first;
  first.label = "critical";
  first.coop = -0.4f;
  first.scores = {{"constructive", 0.1f}, {"pragmatic", 0.1f}, {"neutral", 0.2f}, {"critical", 0.6f}};
  for (const char* f : {"not conducive", "deplores", "provocative", "NOT(peace)", "unacceptable"})
    first.evidence.push_back({f, "critical", 0.5f});
  model::ToneOutput second;
  second.label = "constructive";
  second.coop = 0.3f;
  second.scores = {{"constructive", 0.7f}, {"pragmatic", 0.1f}, {"neutral", 0.1f}, {"critical", 0.1f}};
  second.evidence = {{"constructive", "constructive", 1.2f}, {"mutual respect", "constructive", 0.4f}};
  model::ToneOutput third = first;
  third.evidence.resize(1);
  third.scores.resize(3);  // a model of three classes: the fourth score goes

  for (const model::ToneOutput* out : {&second, &third}) {
    Tone reused;
    fill_tone(first, &reused);
    fill_tone(*out, &reused);
    Tone fresh;
    fill_tone(*out, &fresh);
    google::protobuf::Arena arena;
    Tone* on_arena = google::protobuf::Arena::CreateMessage<Tone>(&arena);
    fill_tone(*out, on_arena);
    BOOST_TEST(reused.SerializeAsString() == fresh.SerializeAsString());
    BOOST_TEST(on_arena->SerializeAsString() == fresh.SerializeAsString());
    BOOST_TEST(fresh.label() == out->label);
    BOOST_TEST(fresh.evidence_size() == static_cast<int>(out->evidence.size()));
    BOOST_TEST(fresh.scores_size() == static_cast<int>(out->scores.size()));
    BOOST_TEST(fresh.evidence(0).label() == out->evidence[0].label);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace quotient::test
