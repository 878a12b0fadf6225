// quotient_tone_tool VERB ARGS... — runs one tone verb of src/tone_cli.cpp
// (tone, train, eval-tone) until the full `quotient` CLI dispatches to them.
#include <cstdio>
#include <cstring>

#include "tone_cli.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: quotient_tone_tool tone|train|eval-tone [ARGS...]\n");
    return 2;
  }
  const char* verb = argv[1];
  if (std::strcmp(verb, "tone") == 0) return quotient::cli::tone_main(argc - 1, argv + 1);
  if (std::strcmp(verb, "train") == 0) return quotient::cli::train_main(argc - 1, argv + 1);
  if (std::strcmp(verb, "eval-tone") == 0) return quotient::cli::eval_tone_main(argc - 1, argv + 1);
  std::fprintf(stderr, "quotient_tone_tool: unknown verb '%s'\n", verb);
  return 2;
}
