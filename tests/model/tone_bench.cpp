// tone_bench MODEL FILE [REPEAT] [noevidence] — a benchmark, not a test:
// scores every line of FILE (plain text) REPEAT times on one thread, with
// evidence unless `noevidence`, into one reused ToneOutput (as the pipeline
// does), and prints MB/s of quote text scored (model load and file reading
// excluded), by wall-clock time and by the thread's CPU time (steadier on a
// shared machine).
#include <chrono>
#include <ctime>
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
  bool evidence = !(argc > 4 && std::string(argv[4]) == "noevidence");
  quotient::model::ToneScratch scratch;
  quotient::model::ToneOutput out;
  quotient::model::ToneInput input;
  input.cue_lemma = "say";
  input.evidence = evidence;
  size_t checksum = 0;
  auto cpu_seconds = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
  };
  double c0 = cpu_seconds();
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r)
    for (const auto& l : lines) {
      input.text = l;
      model.value().score(input, scratch, out);
      checksum += out.label.size() + out.evidence.size();
    }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double cpu = cpu_seconds() - c0;
  std::printf("%s: %zu lines, %.2f MB x %d in %.3f s: %.1f MB/s, %.0f quotes/s, cpu %.1f MB/s (checksum %zu)\n",
              evidence ? "with evidence" : "no evidence", lines.size(), bytes / 1e6, repeat, s, bytes * repeat / 1e6 / s, lines.size() * repeat / s,
              bytes * repeat / 1e6 / cpu, checksum);
  return 0;
}
