// cli_args.hpp — the command-line parsing every verb shares.
#ifndef QUOTIENT_SRC_CLI_ARGS_HPP_
#define QUOTIENT_SRC_CLI_ARGS_HPP_

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace quotient::cli {

// Parses a verb's arguments: the named options in `visible` and every
// positional argument into *positional. Prints --help (`visible`, then
// `epilogue`) on stdout, or a usage error naming the verb on stderr.
// Returns -1 to go on, else the exit code (0 after help, 2 on a usage error).
//
//   int rc = parse_verb_args(argc, argv, "analyze", describe(o), &o.inputs, kExitCodes);
//   if (rc >= 0) return rc;
int parse_verb_args(int argc, char** argv, const std::string& verb,
                    const boost::program_options::options_description& visible,
                    std::vector<std::string>* positional, const char* epilogue);

}  // namespace quotient::cli

#endif  // QUOTIENT_SRC_CLI_ARGS_HPP_
