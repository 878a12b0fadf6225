// quotient — who said what, and in what tone. The command-line entry point:
// dispatches to the verbs; each verb lives in its own *_cli.cpp.
#include <csignal>
#include <cstring>
#include <iostream>
#include <string>

#include "analyze_cli.hpp"
#include "compare_cli.hpp"
#include "eval_cli.hpp"
#include "tone_cli.hpp"

namespace {

const char* const kHelp = R"(quotient — quote attribution and tone analysis for news text

Usage: quotient COMMAND [OPTIONS] [ARGS...]

Commands:
  analyze     find quotes, attribute them to speakers, score their tone
  compare     compare tone across speakers, sides, outlets, documents, periods
  tone        score the tone of free text, one text per line
  train       rebuild the tone model from labelled data
  eval tone   accuracy and F1 of the tone model on a labelled file
  eval attribution
              quote, speaker, pair and cue scores on PolNeAR brat directories

Try it:
  quotient analyze data/samples/trade-talks.txt
  echo 'The talks were constructive.' | quotient tone
  quotient compare --by speaker data/samples/*.txt

'quotient COMMAND --help' explains each command.
)";

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (`quotient analyze … | head -1`) or a file-size limit
  // (`ulimit -f`) makes a write fail with an error we report and exit on,
  // removing any partial output file, instead of killing the process.
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    std::cout << kHelp;
    return argc < 2 ? 2 : 0;
  }
  std::string verb = argv[1];
  if (verb == "--version") {
    std::cout << "quotient " QUOTIENT_VERSION "\n";
    return 0;
  }
  if (verb == "analyze") return quotient::cli::analyze_main(argc - 1, argv + 1);
  if (verb == "compare") return quotient::cli::compare_main(argc - 1, argv + 1);
  if (verb == "tone") return quotient::cli::tone_main(argc - 1, argv + 1);
  if (verb == "train") return quotient::cli::train_main(argc - 1, argv + 1);
  if (verb == "eval" && argc >= 3 && !std::strcmp(argv[2], "tone")) {
    argv[2] = const_cast<char*>("eval-tone");
    return quotient::cli::eval_tone_main(argc - 2, argv + 2);
  }
  if (verb == "eval" && argc >= 3 && !std::strcmp(argv[2], "attribution")) {
    argv[2] = const_cast<char*>("eval-attribution");
    return quotient::cli::eval_attribution_main(argc - 2, argv + 2);
  }
  std::cerr << "quotient: unknown command '" << verb << "'\n\n" << kHelp;
  return 2;
}
