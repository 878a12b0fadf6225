// config.hpp — the one iterator and context type every X3 rule is
// instantiated for. Rules are parsed with x3::parse() (no skipper) over the
// raw UTF-8 bytes of the document.
#ifndef QUOTIENT_GRAMMAR_CONFIG_HPP_
#define QUOTIENT_GRAMMAR_CONFIG_HPP_

#include <boost/spirit/home/x3.hpp>

namespace quotient::grammar::parser {
namespace x3 = boost::spirit::x3;
using iterator_type = const char*;
using context_type = x3::unused_type;
}  // namespace quotient::grammar::parser

#endif  // QUOTIENT_GRAMMAR_CONFIG_HPP_
