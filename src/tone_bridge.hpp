// tone_bridge.hpp — scores a quote with the tone model and fills a QuoteRecord's Tone.
#ifndef QUOTIENT_SRC_TONE_BRIDGE_HPP_
#define QUOTIENT_SRC_TONE_BRIDGE_HPP_

#include <string_view>
#include <utility>
#include <vector>

#include "quote.pb.h"

namespace quotient {

namespace model {
class ToneModel;
struct ToneOutput;
}

// Byte ranges of capitalised words inside `quote` that are not at the start
// of a sentence: entity names, masked so the model learns tone, not who.
std::vector<std::pair<uint32_t, uint32_t>> entity_ranges(std::string_view quote);
// The same into `out` (cleared first; its memory is reused).
void entity_ranges(std::string_view quote, std::vector<std::pair<uint32_t, uint32_t>>& out);

// Scores a quote's `text` with `cue_lemma` (the lemma of the verb that
// introduces it, usually the record's cue().lemma()), entities masked.
// Returns this thread's output, valid until the thread's next call.
// Thread-safe (scratch buffers are per thread).
const model::ToneOutput& score_quote(const model::ToneModel& model, std::string_view text,
                                     std::string_view cue_lemma);

// Sets every field of `tone` from `out`. `tone` may hold an earlier quote's
// values (a reused one): its labels are copied only where they differ.
void fill_tone(const model::ToneOutput& out, Tone* tone);

}  // namespace quotient

#endif  // QUOTIENT_SRC_TONE_BRIDGE_HPP_
