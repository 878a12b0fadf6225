// analyze_cli.hpp — `quotient analyze`: documents in, quote records out.
#ifndef QUOTIENT_SRC_ANALYZE_CLI_HPP_
#define QUOTIENT_SRC_ANALYZE_CLI_HPP_

namespace quotient::cli {

// Exit codes: 0 done (failed or skipped documents are reported, not fatal);
// 1 --strict and some document failed or was skipped; 2 usage; 3 output
// could not be written; 4 the tone model could not be loaded.
int analyze_main(int argc, char** argv);

}  // namespace quotient::cli

#endif  // QUOTIENT_SRC_ANALYZE_CLI_HPP_
