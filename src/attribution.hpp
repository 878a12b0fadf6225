// attribution.hpp — who said each quote: frames within a sentence, then
// document-level resolution of pronouns, titles and name variants.
//
//   grammar::QuoteScan scan = grammar::scan_quotes(text);
//   std::vector<Attribution> out = attribute(text, scan);
//   out[i].name;  // "David Lammy" for “…,” Mr Lammy said.
//
// attribute() is a pure function of the text: thread-safe and linear in the
// text's size (each sentence is examined a bounded number of times).
#ifndef QUOTIENT_SRC_ATTRIBUTION_HPP_
#define QUOTIENT_SRC_ATTRIBUTION_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast.hpp"

namespace quotient {

enum class QuoteKind : uint8_t { kSpeech, kScare, kTitle, kEmbedded, kIndirect };
enum class SpeakerType : uint8_t { kUnknown, kPerson, kOrganization, kGroup, kRole };

// The attribution of one quote of a QuoteScan, or (kind kIndirect) of
// reported speech without quote marks.
struct Attribution {
  size_t quote = 0;  // index into QuoteScan::quotes (not for kIndirect)
  grammar::Range content;  // kIndirect: the reported content ("that …")
  QuoteKind kind = QuoteKind::kSpeech;
  // The speaker as written next to the cue; absent when no rule applied.
  std::optional<grammar::Range> mention;
  std::string name;  // canonical entity name; empty when unresolved
  SpeakerType type = SpeakerType::kUnknown;
  std::optional<grammar::CueMatch> cue;
  // The lemma of the verb that introduces the quote itself, when that is not
  // the cue: "The ministry said the note demanded “…”" has the cue "said"
  // (the speaker's act) and the tone model reads "demand". Empty otherwise.
  std::string_view tone_lemma;
  float confidence = 0;
  std::string rule;  // the frame that applied: "post_quote", "pre_cue", ...
};

// Attributes every quote of `scan` (one entry per quote, in scan order).
// Sentences are computed from the same scan. With `indirect`, reported
// speech in sentences without quotes ("X said that …", "…, X said",
// "according to X, …") follows as kIndirect entries, in text order.
std::vector<Attribution> attribute(std::string_view text, const grammar::QuoteScan& scan,
                                   bool indirect = false);

}  // namespace quotient

#endif  // QUOTIENT_SRC_ATTRIBUTION_HPP_
