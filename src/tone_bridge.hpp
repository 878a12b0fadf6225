// tone_bridge.hpp — fills a QuoteRecord's Tone from the tone model.
#ifndef QUOTIENT_SRC_TONE_BRIDGE_HPP_
#define QUOTIENT_SRC_TONE_BRIDGE_HPP_

#include <string_view>
#include <utility>
#include <vector>

#include "quote.pb.h"

namespace quotient {

namespace model {
class ToneModel;
}

// Byte ranges of capitalised words inside `quote` that are not at the start
// of a sentence: entity names, masked so the model learns tone, not who.
std::vector<std::pair<uint32_t, uint32_t>> entity_ranges(std::string_view quote);
// The same into `out` (cleared first; its memory is reused).
void entity_ranges(std::string_view quote, std::vector<std::pair<uint32_t, uint32_t>>& out);

// Scores `rec->text()` with `cue_lemma` (the lemma of the verb that
// introduces it, usually rec->cue().lemma()) and writes rec->tone.
// Thread-safe (scratch buffers are per thread).
void score_quote_tone(const model::ToneModel& model, const Document& doc, std::string_view cue_lemma,
                      QuoteRecord* rec);

}  // namespace quotient

#endif  // QUOTIENT_SRC_TONE_BRIDGE_HPP_
