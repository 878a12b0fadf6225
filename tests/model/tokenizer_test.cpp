#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "model/hash.hpp"
#include "model/tokenizer.hpp"

namespace qm = quotient::model;

namespace {
std::string joined(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>> masks = {}) {
  qm::TokenBuffer buf;
  qm::tokenize(text, masks, buf);
  std::string out;
  for (const auto& t : buf.tokens) out += (out.empty() ? "" : " ") + std::string(buf.norm(t));
  return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(tokenizer)

BOOST_AUTO_TEST_CASE(lowercase_numbers_clitics) {
  BOOST_TEST(joined("We’ve NOT seen 1,000 troops, don't worry!") == "we 've not seen <num> troops , do n't worry !");
}

BOOST_AUTO_TEST_CASE(hyphens_and_quotes) {
  BOOST_TEST(joined("“Pragmatic co-operation” — win-win…") == "pragmatic cooperation - winwin ...");
}

BOOST_AUTO_TEST_CASE(masks_become_ent) {
  BOOST_TEST(joined("Mr Ding said China", {{0, 7}, {13, 18}}) == "<ent> said <ent>");
}

// The masks are looked at again only where the next one begins: a word
// running into a mask ends there, a mask ending inside a word leaves the
// rest a word, and masks given out of order are sorted.
BOOST_AUTO_TEST_CASE(masks_cut_words_in_any_order) {
  BOOST_TEST(joined("Talks withChina went well", {{10, 15}}) == "talks with <ent> went well");
  BOOST_TEST(joined("Talks with Beijingers", {{11, 18}}) == "talks with <ent> ers");
  BOOST_TEST(joined("Ding met Wang", {{9, 13}, {0, 4}}) == "<ent> met <ent>");
}

BOOST_AUTO_TEST_CASE(spans_are_source_bytes) {
  qm::TokenBuffer buf;
  qm::tokenize("Café  au lait", {}, buf);
  BOOST_TEST(buf.tokens.size() == 3u);
  BOOST_TEST(buf.tokens[0].begin == 0u);
  BOOST_TEST(buf.tokens[0].end == 5u);  // "Café" is 5 bytes
  BOOST_TEST(buf.tokens[1].begin == 7u);
}

// A word ends at once at a byte that cannot continue it; only apostrophes,
// hyphens between letters, "." or "," between digits and non-ASCII bytes
// are looked at further.
BOOST_AUTO_TEST_CASE(words_end_at_other_bytes_and_marks_at_the_edges) {
  BOOST_TEST(joined("peace;talks(now)\"yes\"/no") == "peace ; talks ( now ) yes no");
  BOOST_TEST(joined("2.5, 3,000. well- known -so it's o'") == "<num> , <num> . well - known - so it 's o");
  BOOST_TEST(joined("abcdefgh.ABCDEFGH,Überall") == "abcdefgh . abcdefgh , Überall");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_does_not_crash) {
  BOOST_TEST(!joined("\xe2\x80 \xff\xc3").empty());
  BOOST_TEST(joined("").empty());
}

// The scan hashes all-ASCII words as it reads them; punctuation, <num> and
// <ent> take precomputed hashes; every other token is hashed from its
// normalized form. Both must give fnv1a64 of the normalized
// form and of its prefix_bytes() prefix, whatever the path.
BOOST_AUTO_TEST_CASE(token_hashes_are_those_of_the_normalized_form) {
  const std::string text =
      "Constructive TALKS, don't we’ve 1,000 co-operation Café naïveté, criticised abcdef abcdefg "
      "Mr Dingwall said—“unacceptable”… X2 x2y 9lives peace! Truly - (sure?) 42.";
  qm::TokenBuffer buf;
  for (auto masks : {std::vector<std::pair<uint32_t, uint32_t>>{}, {{0, 3}}, {{3, 9}, {110, 118}}}) {
    qm::tokenize(text, masks, buf);
    BOOST_TEST(buf.tokens.size() > 20u);
    for (const auto& t : buf.tokens) {
      std::string_view w = buf.norm(t);
      BOOST_TEST_CONTEXT("token " << w) {
        BOOST_TEST(t.hash == qm::fnv1a64(w));
        BOOST_TEST(t.prefix_hash == qm::fnv1a64(w.substr(0, qm::prefix_bytes(w))));
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
