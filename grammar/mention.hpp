// mention.hpp — X3 rules for speaker mentions and speech cues. Internal to
// grammar/; callers use match_mention() and match_cue() from grammar.hpp.
//
// Each rule is tried at the first byte of a word and matches a bounded number
// of words (every repetition has an upper bound), so trying it at every word
// of a document is linear in the document's size.
#ifndef QUOTIENT_GRAMMAR_MENTION_HPP_
#define QUOTIENT_GRAMMAR_MENTION_HPP_

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/range/iterator_range.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "ast.hpp"
#include "config.hpp"
#include "lexicon.hpp"

namespace quotient::grammar::parser {

using text_range = boost::iterator_range<iterator_type>;

// "Sir Keir Starmer": the honorific's gender and the name after it.
struct TitledName {
  Mention::Gender gender = Mention::Gender::kUnknown;
  text_range name;
};

// What a cue form in the lexicon stands for.
struct CueValue {
  int entry = -1;  // index into Lexicon::cues
  bool participle = false;
};

// The words a role phrase may start with ("a", "the", "his", "two", ...),
// in both cases: the mention grammar's determiner table and the prefilters
// that must agree with it (prefilter.cpp) are built from this one list.
inline constexpr const char* kDeterminers[] = {
    "a",    "A",    "an",      "An",      "the",     "The",     "one",   "One",   "another",
    "Another", "his", "His",   "her",     "Her",     "their",   "Their", "its",   "Its",
    "both", "Both", "two",     "Two",     "several", "Several", "some",  "Some",  "many",
    "Many", "other", "Other",  "my",      "My",      "our",     "Our",   "your",  "Your"};

// Lower-case words that never modify a role noun ("to", "during", "which"):
// mention_def.hpp's function_word table and scan_heads() (prefilter.cpp)
// are built from this one list. Each is one run of ASCII letters.
inline constexpr const char* kFunctionWords[] = {
    "to",    "of",    "for",   "in",   "on",   "at",    "by",     "with",  "during", "and",  "or",
    "but",   "from",  "that",  "which", "who", "whom",  "as",     "than",  "into",   "about", "after",
    "before", "over", "under", "since", "while", "when", "where", "is",    "was",    "are",  "were",
    "be",    "been",  "has",   "have", "had",  "not",   "said",   "says",  "told",   "the",  "a",
    "an",    "this",  "these", "those", "it",  "its",   "he",     "she",   "they",   "we",   "his",
    "her",   "their", "our",   "also", "such", "would", "will",   "could"};

using pronoun_type = x3::rule<class pronoun_class, Mention::Gender>;
using role_phrase_type = x3::rule<class role_phrase_class, RoleNoun::Type>;
using the_title_type = x3::rule<class the_title_class>;
using titled_name_type = x3::rule<class titled_name_class, TitledName>;
using the_org_type = x3::rule<class the_org_class, text_range>;
using plain_name_type = x3::rule<class plain_name_class, text_range>;
using cue_type = x3::rule<class cue_class, CueValue>;

BOOST_SPIRIT_DECLARE(pronoun_type, role_phrase_type, the_title_type, titled_name_type,
                     the_org_type, plain_name_type, cue_type)

pronoun_type const& pronoun_rule();          // he, she, it, they, we, I
role_phrase_type const& role_phrase_rule();  // "A Downing Street spokeswoman"
the_title_type const& the_title_rule();      // "the Foreign Secretary"
titled_name_type const& titled_name_rule();  // "Mr Lammy", "President Xi Jinping"
the_org_type const& the_org_rule();          // "the Foreign Office" (attribute: the name)
plain_name_type const& plain_name_rule();    // "David Lammy"
cue_type const& cue_rule();                  // "said", "according to", "pointed out"

// Cheap prefilters, so the rules run only where they can match: a cue starts
// with a word that starts some cue form; a mention starts with a capital or
// with a lower-case word that can start one (determiner, pronoun, role noun,
// honorific, "former").
bool may_start_cue(std::string_view word);
bool may_start_mention(std::string_view word);
// Both at once, as bits, with one lower-casing and hashing of the word:
// kMayStartCue when may_start_cue(word), kMayStartMention when
// may_start_mention(word), and kMayStartStop when the word lower-cased (cut
// at an apostrophe) is a stop word lower-cased that opens no determiner,
// honorific or role noun. tokenize() stores them in Token::may_start.
uint8_t may_start(std::string_view word);
// Sets Token::may_start = may_start(word) on every word token of `tokens`
// (words of `text`). One call per sentence: tokenize() runs it after its
// scan, so the scan loop makes no call per word.
void fill_may_start(std::string_view text, std::vector<Token>* tokens);
// False when role_phrase_rule cannot match at `first`: its head (a role noun,
// or "46-year-old") starts one of the first five space-separated chunks, so
// the run of word characters there is the leading run of a role noun form
// (or 1-3 digits). Exact: it only skips parses that would fail. When
// `determiner` is given and the scan works out starts_with_determiner(first,
// last) on its way (it does unless chunk 0 is a head), it stores it there.
bool may_hold_role_head(const char* first, const char* last, std::optional<bool>* determiner = nullptr);
// False when the_title_rule and the_org_rule cannot match at `first`: both
// open with a determiner ("the", "his", "our"), a whole run of word characters.
bool starts_with_determiner(const char* first, const char* last);
// False when titled_name_rule cannot match at `first`: its title starts one
// of the first four space-separated chunks (or follows "then-" at the start
// of one), after chunks that start with a capital or are "former"/"acting",
// so the run of word characters there is the leading run of an honorific
// form. Exact: it only skips parses that would fail.
bool may_hold_honorific(const char* first, const char* last);
// may_hold_role_head(), may_hold_honorific() and starts_with_determiner(),
// from one walk over the chunks they share. `determiner` is set when the
// walk works out starts_with_determiner() (unless chunk 0 is a role head).
// Callers that want several ask this once.
struct HeadScan {
  bool role_head = false;
  bool honorific = false;
  std::optional<bool> determiner;
};
HeadScan scan_heads(const char* first, const char* last);
// False when the_title_rule cannot match at `first`: after its determiner
// and a space comes the title, or "then-", "former" or "acting" and then
// the title, so the run of word characters there is the leading run of an
// honorific form. Exact: it only skips parses that would fail.
bool may_hold_title(const char* first, const char* last);

// False when the_org_rule cannot match at `first` ("the new plan": no
// capital after "the "). Exact: it only skips parses that would fail.
bool may_start_the_org(const char* first, const char* last);

// False when pronoun_rule cannot match at `first`: no pronoun has the head
// (first bytes, word_table.hpp) of the input. Exact, and a test of two bytes.
bool may_start_pronoun(iterator_type first, iterator_type last);

// True when the word at `first` is one of the function words that never
// modify a role noun ("to", "of", "during", "said"): modifier_word fails there.
bool is_function_word(iterator_type first, iterator_type last);

// True when mention_def.hpp's `stop` matches at `first` (a stop word, then
// the end of the word), so cap_word fails there. For tests.
bool starts_with_stopword(iterator_type first, iterator_type last);

// True when no mention rule but pronoun_rule can match at `first`, which
// opens with a stop word ("But", "Monday"): cap_word fails there, so only a
// determiner, a possessive name, a role head, an honorific, "former",
// "acting", "then-", an initial ("A. Smith") or a month that is a given
// name before a capitalised word ("Jan Egeland") could open a mention, and
// it opens with none of them. Exact: true only where the other rules fail.
bool stop_word_blocks_mention(const char* first, const char* last);

// "Jan", "April", "June", "August": months that are also given names.
inline bool given_name_month(std::string_view w) {
  return (w.size() == 3 && w == "Jan") || (w.size() >= 4 && (w == "April" || w == "June" || w == "August"));
}

// True when `word` (the whole word) is a stop word.
bool stopword(iterator_type first, iterator_type last);

}  // namespace quotient::grammar::parser

BOOST_FUSION_ADAPT_STRUCT(quotient::grammar::parser::TitledName, gender, name)
BOOST_FUSION_ADAPT_STRUCT(quotient::grammar::parser::CueValue, entry, participle)

#endif  // QUOTIENT_GRAMMAR_MENTION_HPP_
