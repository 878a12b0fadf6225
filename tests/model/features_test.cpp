#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

#include "model/features.hpp"
#include "model/hash.hpp"

namespace qm = quotient::model;

namespace {
std::vector<std::string> names(std::string_view text, std::string_view cue = "") {
  qm::FeatureBuffers buf;
  qm::extract_features({text, cue, nullptr}, qm::HashSpec{}, qm::Lexicon::builtin(), buf);
  std::vector<std::string> out;
  for (const auto& f : buf.features) out.push_back(qm::feature_name(f, buf, qm::Lexicon::builtin()));
  return out;
}
bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

BOOST_AUTO_TEST_SUITE(features)

BOOST_AUTO_TEST_CASE(builtin_lexicon_parses) {
  BOOST_TEST(qm::Lexicon::builtin().size() > 300u);
}

BOOST_AUTO_TEST_CASE(lexicon_lookup_finds_entries_and_roles_only) {
  const qm::Lexicon& lex = qm::Lexicon::builtin();
  const qm::TokenInfo* c = lex.lookup(qm::fnv1a64("constructive"));
  BOOST_REQUIRE(c != nullptr);
  BOOST_TEST(!c->entries.empty());
  const qm::TokenInfo* n = lex.lookup(qm::fnv1a64("not"));
  BOOST_REQUIRE(n != nullptr);
  BOOST_TEST((n->roles & qm::kRoleNegator) != 0);
  for (const char* w : {"tuesday", "zebra", "spreadsheet"}) BOOST_TEST(lex.lookup(qm::fnv1a64(w)) == nullptr);
  qm::Lexicon copy = lex;  // a copy looks up into its own storage
  BOOST_TEST(copy.lookup(qm::fnv1a64("constructive"))->entries == c->entries);
  BOOST_TEST(copy.lookup(qm::fnv1a64("constructive")) != c);
}

BOOST_AUTO_TEST_CASE(negation_scope_changes_features) {
  auto neg = names("not conducive to peace, but stable");
  BOOST_TEST(has(neg, "NOT(conducive)"));
  BOOST_TEST(has(neg, "NOT(peace)"));
  BOOST_TEST(has(neg, "not conducive"));
  BOOST_TEST(has(neg, "stable"));          // scope ended at the comma
  BOOST_TEST(has(neg, "BUT(stable)"));     // contrast scope
  BOOST_TEST(has(neg, "not \"conducive\" (lexneg:constructive)"));
  auto pos = names("conducive to peace");
  BOOST_TEST(has(pos, "conducive"));
  BOOST_TEST(!has(pos, "NOT(conducive)"));
}

BOOST_AUTO_TEST_CASE(intensifier_and_cue) {
  auto v = names("We are deeply concerned", "Warn");
  BOOST_TEST(has(v, "VERY(concerned)"));
  BOOST_TEST(has(v, "cue:warn"));
  BOOST_TEST(has(v, "\"warn\" (cue:critical)"));
}

BOOST_AUTO_TEST_CASE(longest_lexicon_match) {
  auto v = names("practical cooperation");
  BOOST_TEST(has(v, "\"practical cooperation\" (lex:pragmatic)"));
}

BOOST_AUTO_TEST_CASE(lexicon_errors_name_the_line) {
  auto r = qm::Lexicon::parse("# c\nconstructive\t0.4\tgood\nfriendly\t0.1\tx\n", "lex.tsv");
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST(r.status().line.value() == 3u);
  BOOST_TEST(r.status().to_string().find("lex.tsv:3") == 0u);
}

BOOST_AUTO_TEST_CASE(prefix_of_long_words_only) {
  auto v = names("They criticised the peace plan");
  BOOST_TEST(has(v, "critic*"));
  BOOST_TEST(!has(v, "peace*"));  // short words: the unigram already is the stem
  auto neg = names("They never criticised it");
  BOOST_TEST(has(neg, "NOT(critic*)"));
  BOOST_TEST(!has(neg, "critic*"));
}

// The prefix feature hashes whole characters only: "quiet" + U+064C would
// be cut inside the two-byte U+064C at 6 bytes, so its prefix is "quiet".
BOOST_AUTO_TEST_CASE(prefix_stops_at_a_character_boundary) {
  BOOST_TEST(qm::prefix_bytes("quiet\xd9\x8c") == 5u);
  BOOST_TEST(qm::prefix_bytes("abcde\xc3\xa9z") == 5u);
  BOOST_TEST(qm::prefix_bytes("abcd\xc3\xa9yz") == 6u);  // 6 ends the character
  BOOST_TEST(qm::prefix_bytes("criticised") == 6u);
  BOOST_TEST(qm::prefix_bytes("peace") == 5u);
  auto rows = [](std::string_view text) {
    qm::FeatureBuffers buf;
    qm::extract_features({text, "", nullptr}, qm::HashSpec{}, qm::Lexicon::builtin(), buf);
    for (const auto& f : buf.features)
      if (f.kind == qm::FeatureKind::kPrefix) return f.row;
    return ~0u;
  };
  qm::HashSpec spec;
  BOOST_TEST(rows("quiet\xd9\x8c") == (qm::feature_key('p', qm::fnv1a64("quiet")) & (spec.num_buckets() - 1)));
  BOOST_TEST(has(names("quiet\xd9\x8c"), "quiet*"));
}

// Words after the last clause break get a final-clause feature of their own
// (a positive opening followed by an accusation); a one-clause quote gets none.
BOOST_AUTO_TEST_CASE(final_clause_features) {
  auto v = names("We value the partnership and we are clear that they persecute critics.");
  BOOST_TEST(has(v, "FINAL(persecute)"));
  BOOST_TEST(has(v, "FINAL(they)"));
  BOOST_TEST(!has(v, "FINAL(that)"));
  BOOST_TEST(!has(v, "FINAL(partnership)"));
  auto c = names("The visit went well, but the new tariffs are not welcome.");
  BOOST_TEST(has(c, "FINAL(tariffs)"));
  BOOST_TEST(has(c, "FINAL(NOT(welcome))"));
  BOOST_TEST(!has(c, "FINAL(visit)"));
  auto one = names("The talks were constructive.");
  BOOST_TEST(std::none_of(one.begin(), one.end(), [](const std::string& n) { return n.rfind("FINAL", 0) == 0; }));
  BOOST_TEST(!has(names("That is all."), "FINAL(is)"));  // an opener with no word before it
}

BOOST_AUTO_TEST_CASE(final_clause_lexicon_hits) {
  auto v = names("Ministers met on Monday, and the talks were constructive");
  BOOST_TEST(has(v, "\"constructive\" (lexfinal:constructive)"));
  BOOST_TEST(!has(names("The talks were constructive"), "\"constructive\" (lexfinal:constructive)"));
}

BOOST_AUTO_TEST_CASE(exclamation_and_question_are_features) {
  auto v = names("Enough! Why now?");
  BOOST_TEST(has(v, "!"));
  BOOST_TEST(has(v, "?"));
  BOOST_TEST(!has(names("Enough."), "."));
}

// The hashed keys are part of the model format (extractor version 2): a
// change here silently scrambles every shipped weight, so it is pinned.
BOOST_AUTO_TEST_CASE(feature_keys_are_stable) {
  BOOST_TEST(qm::fnv1a64("peace") == 0xf12cee84cf24e91dULL);
  BOOST_TEST(qm::feature_key('u', qm::fnv1a64("peace")) == 0x1f0ffe3feaf341b4ULL);
  BOOST_TEST(qm::bigram_key(qm::fnv1a64("not"), qm::fnv1a64("conducive")) == 0xacbc11dae74a10b3ULL);
}

BOOST_AUTO_TEST_CASE(rows_in_range) {
  qm::FeatureBuffers buf;
  qm::HashSpec spec;
  qm::extract_features({"A long, varied text: with numbers 12 and <ent>!", "say", nullptr}, spec, qm::Lexicon::builtin(), buf);
  for (const auto& f : buf.features) BOOST_TEST(f.row < spec.num_buckets() + qm::kNumDense);
}

BOOST_AUTO_TEST_SUITE_END()
