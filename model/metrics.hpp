// metrics.hpp — confusion matrix, accuracy, macro- and weighted-F1.
//
//   Confusion c(three_class_names());
//   for (...) c.add(gold, predicted);
//   double f1 = c.macro_f1();
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace quotient::model {

// constructive, neutral, critical: the 3-class view used by NewsMTSC and NYT.
const std::vector<std::string>& three_class_names();
// Register class index (lexicon.hpp order) -> 3-class index; pragmatic counts as neutral.
int to_three_class(int register_class);

// Fold of example i of n in k-fold cross-validation: contiguous blocks
// (i * k / n), so the consecutive sentences of one document share a fold and
// no document is split across training and test. Precondition: i < n, k >= 1.
inline uint32_t cv_fold(size_t i, size_t n, uint32_t k) { return static_cast<uint32_t>(i * k / n); }

class Confusion {
 public:
  explicit Confusion(std::vector<std::string> classes);
  void add(int gold, int predicted);  // preconditions: both in [0, size)
  void merge(const Confusion& other); // same classes
  uint64_t total() const { return total_; }
  double accuracy() const;
  double f1(size_t c) const;          // 0 when the class has no gold and no predictions
  double macro_f1() const;
  double weighted_f1() const;         // weighted by gold support
  uint64_t at(size_t gold, size_t pred) const { return m_[gold * k_ + pred]; }
  const std::vector<std::string>& classes() const { return classes_; }
  // Multi-line human-readable report: the three scores and the matrix.
  std::string report() const;
  // One-line JSON object with the same content.
  std::string json() const;

 private:
  std::vector<std::string> classes_;
  size_t k_;
  std::vector<uint64_t> m_;
  uint64_t total_ = 0;
};

}  // namespace quotient::model
