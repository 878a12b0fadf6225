#include "cli_args.hpp"

#include <iostream>

namespace quotient::cli {
namespace po = boost::program_options;

int parse_verb_args(int argc, char** argv, const std::string& verb,
                    const po::options_description& visible, std::vector<std::string>* positional,
                    const char* epilogue) {
  po::options_description hidden;
  hidden.add_options()("positional", po::value(positional));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description pos;
  pos.add("positional", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "quotient " << verb << ": " << e.what() << "\nTry 'quotient " << verb << " --help'.\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << visible << epilogue;
    return 0;
  }
  return -1;
}

}  // namespace quotient::cli
