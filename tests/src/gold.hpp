// gold.hpp — compares a DocumentResult with a gold file, for the acceptance
// tests (seed article, our samples).
#ifndef QUOTIENT_TESTS_SRC_GOLD_HPP_
#define QUOTIENT_TESTS_SRC_GOLD_HPP_

#include <string>
#include <vector>

#include "gold.pb.h"
#include "quote.pb.h"

namespace quotient::test {

std::string read_file(const std::string& path);
std::vector<GoldQuote> read_gold(const std::string& path);

// Counts of agreement between the gold and quotient's records.
struct GoldScore {
  size_t quotes = 0, found = 0;                  // gold spans; found with exact inner text
  size_t speakers_required = 0, speakers_ok = 0; // canonical name among the aliases
  size_t titles = 0, titles_ok = 0;              // TITLE kind and no speaker
  size_t cues = 0, cues_ok = 0;                  // gold cue == record cue text
  size_t tones = 0, tones_ok = 0;                // label among the acceptable ones
  std::vector<std::string> misses;               // one line per disagreement
  std::string report() const;
};

GoldScore score_against_gold(const std::vector<GoldQuote>& gold, const DocumentResult& result);

}  // namespace quotient::test

#endif  // QUOTIENT_TESTS_SRC_GOLD_HPP_
