// Tests for WordTable / word_parser (grammar/word_table.hpp): the same
// matches as X3's symbol table followed by the end of a word, on entries
// that share leading words and prefixes.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "word_table.hpp"

namespace qp = quotient::grammar::parser;
namespace x3 = qp::x3;

namespace {

// What `symbols >> !word_char` makes of `input`: the end offset, or -1.
int x3_match(const x3::symbols<int>& table, const std::string& input, int* value) {
  auto const word_char = x3::ascii::alnum | (!((x3::lit('\xC2') >> x3::char_('\x80', '\xBF')) |
                                              (x3::lit("\xE2\x80") >> x3::char_('\x80', '\xBF'))) >>
                                            x3::char_('\x80', '\xFF'));
  const char* it = input.data();
  if (!x3::parse(it, input.data() + input.size(), table >> !word_char, *value)) return -1;
  return static_cast<int>(it - input.data());
}

int table_match(const qp::WordTable<int>& table, const std::string& input, int* value) {
  const char* it = input.data();
  if (!x3::parse(it, input.data() + input.size(), qp::word_parser(table), *value)) return -1;
  return static_cast<int>(it - input.data());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(word_table)

BOOST_AUTO_TEST_CASE(same_matches_as_x3_symbols) {
  const std::vector<std::string> entries = {"vice", "vice president", "vice-chair", "spokes", "spokesman",
                                            "according to", "according", "to", "told", "U.S.", "U.S. envoy",
                                            "communiqué", "chief", "chief executive", "chief executive officer",
                                            "I", "a", "&", "'s", "Zo\xC3\xAB", "7",
                                            "vice"};  // the first value of a duplicate stays
  x3::symbols<int> symbols;
  qp::WordTable<int> table;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (!symbols.find(entries[i])) symbols.add(entries[i], static_cast<int>(i));
    table.add(entries[i], static_cast<int>(i));
  }
  for (std::string input :
       {"vice", "vice president", "vice presidents", "vice president.", "vice-chair", "vice-chairman",
        "vice chair", "spokes", "spokesman", "spokesmen", "spokeswoman", "according to", "according",
        "according to,", "accordingly", "to", "told", "tolder", "tol", "U.S.", "U.S", "U.S. envoy", "U.S. envoys",
        "U.S.A.", "communiqué", "communiqués", "chief executive officer", "chief executive officers",
        "chief executive", "chief exec", "chief\xC2\xA0""executive", "chief\xE2\x80\x94", "chiefé", "",
        " vice", "vice\xE2\x80\x99s", "Vice",
        // one-byte entries, an entry that starts with no word character, a
        // second byte beyond ASCII: the head filter lets them all through
        "I", "I'm", "Ia", "I7", "a", "a-b", "ab", "&", "&x", "& x", "'s", "'sx", "'s.", "Zo\xC3\xAB",
        "Zo\xC3\xABx", "Zo", "Z\xC3\xAB", "7", "77", "7."}) {
    int want = -2, got = -3;
    BOOST_TEST_INFO("input '" << input << "'");
    int want_end = x3_match(symbols, input, &want);
    int got_end = table_match(table, input, &got);
    BOOST_TEST(got_end == want_end);
    if (want_end >= 0 && got_end >= 0) BOOST_TEST(got == want);
  }
}

// word_run_end() reads eight bytes at a time; it ends every run where the
// byte-by-byte word_char_at walk does, at every start and bound.
BOOST_AUTO_TEST_CASE(word_run_end_matches_the_byte_walk) {
  const std::string text =
      "Spokeswoman said: the 46-year-old Zoë Ng\xC2\xA0Ltd’s co-operation@[`{ abcdefghijklmnopqrstu"
      "VWXYZ0123456789\xE2\x80\x94naïve\xE2\x84\xA2x\xC2zz\x7F\x80" "end";
  for (size_t b = 0; b < text.size(); ++b)
    for (size_t e = b; e <= text.size(); ++e) {
      const char *first = text.data() + b, *last = text.data() + e, *want = first;
      while (want < last && qp::word_char_at(want, last)) ++want;
      BOOST_TEST_INFO("run at " << b << " bounded by " << e);
      BOOST_TEST(qp::word_run_end(first, last) - first == want - first);
    }
}

BOOST_AUTO_TEST_SUITE_END()
