// Instantiates the lexical rules (the only TU that sees marks_def.hpp).
#include "marks_def.hpp"

namespace quotient::grammar::parser {
BOOST_SPIRIT_INSTANTIATE(mark_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(sentence_end_type, iterator_type, context_type)
}  // namespace quotient::grammar::parser
