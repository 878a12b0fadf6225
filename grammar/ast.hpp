// ast.hpp — the plain structs grammar/ hands to its callers.
//
// Every offset is a byte offset into the untouched document text; every range
// is half-open [begin, end). Nothing here depends on Spirit X3.
#ifndef QUOTIENT_GRAMMAR_AST_HPP_
#define QUOTIENT_GRAMMAR_AST_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quotient::grammar {

// A half-open byte range into the document text.
struct Range {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool contains(uint32_t pos) const { return begin <= pos && pos < end; }
};

// Which family a quote mark belongs to. Marks only close quotes of their own
// family: “ ” „ " « » are DOUBLE, ‘ ’ ' ‹ › are SINGLE.
enum class MarkFamily : uint8_t { kDouble, kSingle };

// The written form of a quote mark.
enum class MarkStyle : uint8_t {
  kStraightDouble,  // "
  kStraightSingle,  // '
  kCurlyDouble,     // “ ”
  kCurlySingle,     // ‘ ’
  kLowDouble,       // „ (closed by “ or ”)
  kGuillemet,       // « »
  kSingleGuillemet, // ‹ ›
};

// A recoverable problem found while scanning (STYLE 5: a value, not a throw).
struct Diagnostic {
  enum class Severity : uint8_t { kInfo, kWarning, kError };
  Severity severity = Severity::kWarning;
  std::string code;     // stable name: "unclosed_quote", "stray_closing_mark"
  std::string message;  // human-readable
  uint32_t offset = 0;  // byte offset of the offending mark
};

// One quoted span found by scan_quotes().
struct Quote {
  Range inner;             // text between the marks (what a record's span is)
  Range outer;             // including the opening and the closing mark
  MarkStyle style = MarkStyle::kCurlyDouble;
  uint8_t depth = 0;       // 0 top level, 1 inside another quote, ...
  int32_t parent = -1;     // index of the enclosing quote, or -1
  uint32_t paragraphs = 1; // paragraphs the quote runs over
};

// Output of scan_quotes(): quotes in order of their opening mark.
struct QuoteScan {
  std::vector<Quote> quotes;
  std::vector<Diagnostic> diagnostics;
};

// A sentence: [begin, end) without surrounding white space.
struct Sentence {
  Range range;
  uint32_t paragraph = 0;  // 0-based paragraph index
};

// Bits of Token::may_start. kMayStartStop: the word lower-cased is a stop
// word lower-cased ("but" for "But") that no determiner, honorific or role
// noun starts with: match_mention() then tests whether the stop word leaves
// only the pronoun rule.
inline constexpr uint8_t kMayStartCue = 1, kMayStartMention = 2, kMayStartStop = 4, kMayStartUnknown = 0x80;

// A word-like token outside quotes, with where it sits.
struct Token {
  Range range;
  enum class Kind : uint8_t { kWord, kPunct, kQuote } kind = Kind::kWord;
  // Which matchers may start at this word (kMayStartCue, kMayStartMention),
  // worked out once by tokenize(); kMayStartUnknown: not worked out (the
  // matchers then look at the word themselves).
  uint8_t may_start = kMayStartUnknown;
  int32_t quote = -1;  // for kQuote: index into QuoteScan::quotes
  // Where a cue or mention starting here must end: the next quote or the end
  // of the tokenized range (so matching never looks past it).
  uint32_t run_end = 0;
};

// A speech cue matched from the lexicon.
struct CueMatch {
  Range range;          // the words of the cue as written ("told reporters")
  std::string_view lemma;  // "say", "according to", ":" (points into the lexicon)
  uint16_t tokens = 1;  // how many tokens the cue covers
  enum class Form : uint8_t {
    kFinite,       // said, says, told
    kParticiple,   // adding, noting (after a comma: shares the clause's subject)
    kInfinitive,   // "to speak": not a cue by itself
    kPreposition,  // according to: the speaker follows
    kColon,        // a bare colon introducing a quote
  } form = Form::kFinite;
  bool needs_as = false;  // "described X as “…”": only a cue with "as"
};

// A speaker mention matched by the mention grammar.
struct Mention {
  Range range;             // as written, including honorific and article
  Range name;              // the name part without honorific/article
  // kRelative is "who"/"which"/"that" after a mention ("officials who
  // said"); attribution creates it and resolves it to that mention.
  enum class Type : uint8_t { kPerson, kOrganization, kGroup, kRole, kPronoun, kRelative } type =
      Type::kPerson;
  enum class Gender : uint8_t { kUnknown, kMale, kFemale, kNeuter, kPlural } gender =
      Gender::kUnknown;
  uint16_t tokens = 1;     // tokens the mention covers
  bool titled = false;     // carried an honorific or office title
};

}  // namespace quotient::grammar

#endif  // QUOTIENT_GRAMMAR_AST_HPP_
