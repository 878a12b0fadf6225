#include "metrics.hpp"

#include <cstdio>

namespace quotient::model {

const std::vector<std::string>& three_class_names() {
  static const std::vector<std::string> names = {"constructive", "neutral", "critical"};
  return names;
}

int to_three_class(int c) { return c == 0 ? 0 : c == 3 ? 2 : 1; }

Confusion::Confusion(std::vector<std::string> classes)
    : classes_(std::move(classes)), k_(classes_.size()), m_(k_ * k_, 0) {}

void Confusion::add(int gold, int predicted) {
  ++m_[static_cast<size_t>(gold) * k_ + static_cast<size_t>(predicted)];
  ++total_;
}

void Confusion::merge(const Confusion& o) {
  for (size_t i = 0; i < m_.size(); ++i) m_[i] += o.m_[i];
  total_ += o.total_;
}

double Confusion::accuracy() const {
  uint64_t diag = 0;
  for (size_t i = 0; i < k_; ++i) diag += at(i, i);
  return total_ ? static_cast<double>(diag) / static_cast<double>(total_) : 0.0;
}

double Confusion::f1(size_t c) const {
  uint64_t gold = 0, pred = 0;
  for (size_t j = 0; j < k_; ++j) {
    gold += at(c, j);
    pred += at(j, c);
  }
  return gold + pred ? 2.0 * static_cast<double>(at(c, c)) / static_cast<double>(gold + pred) : 0.0;
}

double Confusion::macro_f1() const {
  double s = 0;
  for (size_t c = 0; c < k_; ++c) s += f1(c);
  return k_ ? s / static_cast<double>(k_) : 0.0;
}

double Confusion::weighted_f1() const {
  double s = 0;
  for (size_t c = 0; c < k_; ++c) {
    uint64_t gold = 0;
    for (size_t j = 0; j < k_; ++j) gold += at(c, j);
    s += f1(c) * static_cast<double>(gold);
  }
  return total_ ? s / static_cast<double>(total_) : 0.0;
}

std::string Confusion::report() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "n=%llu accuracy=%.4f macro_f1=%.4f weighted_f1=%.4f\n",
                static_cast<unsigned long long>(total_), accuracy(), macro_f1(), weighted_f1());
  std::string out = buf;
  out += "confusion (rows gold, columns predicted):\n" + std::string(14, ' ');
  for (const auto& c : classes_) { std::snprintf(buf, sizeof buf, "%13s", c.c_str()); out += buf; }
  out += "\n";
  for (size_t g = 0; g < k_; ++g) {
    std::snprintf(buf, sizeof buf, "%13s ", classes_[g].c_str());
    out += buf;
    for (size_t p = 0; p < k_; ++p) { std::snprintf(buf, sizeof buf, "%13llu", static_cast<unsigned long long>(at(g, p))); out += buf; }
    std::snprintf(buf, sizeof buf, "   f1=%.4f\n", f1(g));
    out += buf;
  }
  return out;
}

std::string Confusion::json() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "{\"n\":%llu,\"accuracy\":%.4f,\"macro_f1\":%.4f,\"weighted_f1\":%.4f,\"classes\":[",
                static_cast<unsigned long long>(total_), accuracy(), macro_f1(), weighted_f1());
  std::string out = buf;
  for (size_t c = 0; c < k_; ++c) out += (c ? ",\"" : "\"") + classes_[c] + "\"";
  out += "],\"confusion\":[";
  for (size_t g = 0; g < k_; ++g) {
    out += g ? ",[" : "[";
    for (size_t p = 0; p < k_; ++p) out += (p ? "," : "") + std::to_string(at(g, p));
    out += "]";
  }
  return out + "]}";
}

}  // namespace quotient::model
