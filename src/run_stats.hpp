// run_stats.hpp — counts for the summary line and the progress display.
#ifndef QUOTIENT_SRC_RUN_STATS_HPP_
#define QUOTIENT_SRC_RUN_STATS_HPP_

#include <chrono>
#include <cstdint>
#include <string>

#include "quote.pb.h"

namespace quotient {

struct RunStats {
  uint64_t documents = 0, ok = 0, skipped = 0, failed = 0;
  uint64_t quotes = 0, speech = 0, attributed = 0, warnings = 0;

  void add(const DocumentResult& r);
  // "3 documents (3 ok, 0 skipped, 0 failed), 44 quotes (38 speech, 35 attributed)"
  std::string summary() const;
};

// Progress on a terminal: redraws one line at most every half second.
class Progress {
 public:
  explicit Progress(bool enabled);
  void update(uint64_t documents, uint64_t bytes, uint64_t total_bytes);
  void clear();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace quotient

#endif  // QUOTIENT_SRC_RUN_STATS_HPP_
