// grammar.hpp — grammar/'s whole public interface: quoted spans, sentences,
// tokens, speech cues and speaker mentions over raw UTF-8 text.
//
//   std::string_view text = ...;
//   QuoteScan scan = scan_quotes(text);               // “…”, ‘…’, "…", «…», „…“
//   std::vector<Sentence> sents = split_sentences(text, scan);
//   std::vector<Token> toks = tokenize(text, sents[0].range, scan);
//   if (auto cue = match_cue(text, toks, 3)) ...      // "said", "according to"
//   if (auto who = match_mention(text, toks, 0)) ...  // "Sir Keir Starmer"
//
// Every function is linear in the size of its input (every repetition in the
// X3 rules is bounded, and quote pairing is a single pass), never throws, and
// keeps no state between calls: all are safe to call from many threads.
// Invalid UTF-8 is not an error here (bytes are bytes); the pipeline validates
// documents before it calls in.
#ifndef QUOTIENT_GRAMMAR_GRAMMAR_HPP_
#define QUOTIENT_GRAMMAR_GRAMMAR_HPP_

#include <optional>
#include <string_view>
#include <vector>

#include "ast.hpp"

namespace quotient::grammar {

// Finds every quoted span. Apostrophes (it’s, ’90s, rock ’n’ roll) are not
// quote marks; a quote left open at the end of a paragraph continues only when
// the next paragraph opens with a mark of the same family (the
// multi-paragraph convention), otherwise it is dropped with an
// "unclosed_quote" diagnostic and scanning goes on after it.
// Precondition: text.size() < 2^32.
QuoteScan scan_quotes(std::string_view text);

// Splits text into sentences: at line breaks, and at . ! ? followed by space
// and a capital, digit or opening mark, except after abbreviations (Mr., U.S.,
// Jan., No.) and initials. Never splits inside a top-level quote: a quote that
// ends a sentence (“… minorities.” Next) ends it after the closing mark.
std::vector<Sentence> split_sentences(std::string_view text, const QuoteScan& scan);

// Tokens of `range` outside top-level quotes; each top-level quote inside the
// range is one kQuote token. Words keep inner apostrophes, hyphens and periods
// ("Lammy’s", "co-operation", "U.S").
std::vector<Token> tokenize(std::string_view text, Range range, const QuoteScan& scan);
// tokenize() into *out (its old tokens replaced), reusing its memory.
void tokenize(std::string_view text, Range range, const QuoteScan& scan, std::vector<Token>* out);

// The speech cue that starts at tokens[i], if any (longest match: "told" vs
// "according to"). A ':' token directly before a quote is a kColon cue.
std::optional<CueMatch> match_cue(std::string_view text, const std::vector<Token>& tokens,
                                  size_t i);

// The speaker mention that starts at tokens[i], if any: pronoun, group ("Both
// sides"), role phrase ("A Downing Street spokeswoman"), titled name ("Sir
// Keir Starmer", "foreign minister Wang Yi"), "the" + capitalised words ("the
// Foreign Office"), or a plain capitalised name.
std::optional<Mention> match_mention(std::string_view text, const std::vector<Token>& tokens,
                                     size_t i);

// Cheap tests on a token alone, for callers that try every token: false
// only where match_cue() (match_mention()) returns nothing at it, so the call
// can be skipped. Most words of a text fail them.
inline bool may_match_cue(const Token& t) {
  return t.kind == Token::Kind::kPunct || (t.kind == Token::Kind::kWord && (t.may_start & (kMayStartCue | kMayStartUnknown)));
}
inline bool may_match_mention(const Token& t) {
  return t.kind == Token::Kind::kWord && (t.may_start & (kMayStartMention | kMayStartUnknown));
}

// True when the word is a capitalised function word, day or month that never
// starts a name ("The", "Thursday"). For entity resolution.
bool is_stopword(std::string_view word);

// "to", "of", "during", "said" …: a function word that never modifies a
// role noun (the whole word).
bool is_function_word(std::string_view word);

// "a", "the", "his", "These" …: an article, possessive or demonstrative
// determiner, in lower case or capitalised.
bool is_determiner(std::string_view word);

}  // namespace quotient::grammar

#endif  // QUOTIENT_GRAMMAR_GRAMMAR_HPP_
