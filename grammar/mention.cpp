// Instantiates the mention and cue rules (the only TU that sees
// mention_def.hpp).
#include "mention_def.hpp"

namespace quotient::grammar::parser {
BOOST_SPIRIT_INSTANTIATE(pronoun_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(role_phrase_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(the_title_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(titled_name_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(the_org_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(plain_name_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(cue_type, iterator_type, context_type)
}  // namespace quotient::grammar::parser
