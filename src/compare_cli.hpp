// compare_cli.hpp — `quotient compare`: tone compared across speakers,
// sides, outlets, documents and periods (the statistics are in compare.hpp).
//
//   quotient analyze -f jsonl -o quotes.jsonl corpus/
//   quotient compare --by side --sides sides.tsv quotes.jsonl
//   quotient compare --by speaker,month --docs corpus.jsonl -f html -o report.html quotes.jsonl
#ifndef QUOTIENT_SRC_COMPARE_CLI_HPP_
#define QUOTIENT_SRC_COMPARE_CLI_HPP_

#include <string>

#include "compare.hpp"

namespace quotient::cli {

// argv[0] is "compare". Exit codes: 0 done; 1 an input, sides or docs file
// could not be read; 2 usage error; 3 output could not be written; 4 the tone
// model (needed for document inputs) could not be loaded.
int compare_main(int argc, char** argv);

// The renderings of a comparison, each a complete output:
//   table  aligned columns, then per-group details (for terminals)
//   csv    one row per group, RFC 4180 quoting, a header row first
//   json   one object: settings, labels, groups, difference, exclusions
//   html   a self-contained report: inline CSS and SVG, no scripts, nothing fetched
std::string render_table(const compare::Comparison& c);
std::string render_csv(const compare::Comparison& c);
std::string render_json(const compare::Comparison& c);
std::string render_html(const compare::Comparison& c, const std::string& title);

}  // namespace quotient::cli

#endif  // QUOTIENT_SRC_COMPARE_CLI_HPP_
