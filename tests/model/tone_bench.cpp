// tone_bench MODEL FILE [REPEAT] — a benchmark, not a test: scores every line
// of FILE (plain text) REPEAT times on one thread and prints MB/s of quote
// text scored (model load and file reading excluded).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "model/tone_model.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: tone_bench MODEL FILE [REPEAT]\n");
    return 2;
  }
  auto model = quotient::model::ToneModel::load(argv[1]);
  if (!model) {
    std::fprintf(stderr, "tone_bench: %s\n", model.status().to_string().c_str());
    return 1;
  }
  std::ifstream in(argv[2]);
  std::vector<std::string> lines;
  size_t bytes = 0;
  for (std::string l; std::getline(in, l);) bytes += (lines.emplace_back(std::move(l))).size();
  int repeat = argc > 3 ? std::atoi(argv[3]) : 5;
  quotient::model::ToneScratch scratch;
  size_t checksum = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r)
    for (const auto& l : lines) checksum += model.value().score({l, "say", {}}, scratch).label.size();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%zu lines, %.2f MB x %d in %.3f s: %.1f MB/s, %.0f quotes/s (checksum %zu)\n", lines.size(),
              bytes / 1e6, repeat, s, bytes * repeat / 1e6 / s, lines.size() * repeat / s, checksum);
  return 0;
}
