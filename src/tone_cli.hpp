// tone_cli.hpp — the tone verbs of the quotient command line.
//
// Each function is a complete `main` for one verb; argv[0] is the verb name
// ("tone", "train", "eval-tone"). They parse flags with Boost.Program_options,
// print results to stdout and diagnostics to stderr, and return
//   0 ok, 1 bad data (or a model that fails validation), 2 usage, 3 I/O.
//
//   quotient tone quotes.txt              -> one JSON line per input line
//   quotient train --out model/tone.qtm   -> rebuilds the shipped model
//   quotient eval tone --cv 5 nyt.tsv     -> accuracy, F1s, confusion matrix
#pragma once

namespace quotient::cli {

int tone_main(int argc, char** argv);
int train_main(int argc, char** argv);
int eval_tone_main(int argc, char** argv);

}  // namespace quotient::cli
