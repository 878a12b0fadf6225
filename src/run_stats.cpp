#include "run_stats.hpp"

#include <cstdio>

namespace quotient {

void RunStats::add(const DocumentResult& r) {
  ++documents;
  if (r.status() == DocumentResult::OK) ++ok;
  else if (r.status() == DocumentResult::SKIPPED) ++skipped;
  else ++failed;
  for (const QuoteRecord& q : r.quotes()) {
    ++quotes;
    speech += q.kind() == QuoteRecord::SPEECH;
    attributed += q.has_speaker();
  }
  for (const Diagnostic& d : r.diagnostics()) warnings += d.severity() == Diagnostic::WARNING;
}

std::string RunStats::summary() const {
  return std::to_string(documents) + " documents (" + std::to_string(ok) + " ok, " +
         std::to_string(skipped) + " skipped, " + std::to_string(failed) + " failed), " +
         std::to_string(quotes) + " quotes (" + std::to_string(speech) + " speech, " +
         std::to_string(attributed) + " attributed), " + std::to_string(warnings) + " warnings";
}

Progress::Progress(bool enabled)
    : enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::update(uint64_t documents, uint64_t bytes, uint64_t total) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(500)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  if (secs < 1.0) return;  // short runs stay quiet
  double mb = bytes / 1e6, rate = mb / secs;
  char eta[48] = "";
  if (total > bytes && rate > 0)
    std::snprintf(eta, sizeof eta, ", ETA %.0f s", (total - bytes) / 1e6 / rate);
  std::fprintf(stderr, "\r\033[Kquotient: %llu documents, %.1f MB, %.1f MB/s%s",
               static_cast<unsigned long long>(documents), mb, rate, eta);
  drawn_ = true;
}

void Progress::clear() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace quotient
