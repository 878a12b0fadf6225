// eval_cli.hpp — `quotient eval attribution`: scores quote attribution on
// PolNeAR-style brat directories (see eval_attribution.hpp for the metrics).
//
//   quotient eval attribution ../shared/corpus/polnear/dev
//   quotient eval attribution --errors --limit 20 ../shared/corpus/polnear/dev | less
//   quotient eval attribution --json dev/ train/ > scores.json
#ifndef QUOTIENT_SRC_EVAL_CLI_HPP_
#define QUOTIENT_SRC_EVAL_CLI_HPP_

namespace quotient::cli {

// A complete `main` for the verb; argv[0] is "eval-attribution". Prints the
// table (or JSON) on stdout, problems on stderr. Exit codes: 0 ok, 2 usage,
// 3 a directory or file could not be read.
int eval_attribution_main(int argc, char** argv);

}  // namespace quotient::cli

#endif  // QUOTIENT_SRC_EVAL_CLI_HPP_
