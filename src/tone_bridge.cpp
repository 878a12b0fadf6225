#include "tone_bridge.hpp"

#include <array>

#include "tone_model.hpp"

namespace quotient {

std::vector<std::pair<uint32_t, uint32_t>> entity_ranges(std::string_view q) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  entity_ranges(q, out);
  return out;
}

namespace {

// Byte classes for entity_ranges(): a space, the bytes that end a word
// (" ,.;:!?") and the sentence ends (".!?").
enum EntityByte : uint8_t { kSpace = 1, kWordEnd = 2, kSentenceEnd = 4 };
constexpr std::array<uint8_t, 256> make_entity_bytes() {
  std::array<uint8_t, 256> t{};
  t[' '] = kSpace | kWordEnd;
  for (unsigned char c : {',', ';', ':'}) t[c] = kWordEnd;
  for (unsigned char c : {'.', '!', '?'}) t[c] = kWordEnd | kSentenceEnd;
  return t;
}
constexpr std::array<uint8_t, 256> kEntityByte = make_entity_bytes();

uint8_t entity_byte(char c) { return kEntityByte[static_cast<unsigned char>(c)]; }

}  // namespace

// A word starts at a non-space byte after a space (or at 0); it is an entity
// when it is capitalised ("I" alone is not) and no sentence starts with it.
// The bytes of a word up to its first word-end byte are neither spaces nor
// sentence ends, so the scan jumps over them.
void entity_ranges(std::string_view q, std::vector<std::pair<uint32_t, uint32_t>>& out) {
  out.clear();
  bool sentence_start = true, after_space = true;
  for (size_t p = 0; p < q.size();) {
    const char c = q[p];
    const uint8_t k = entity_byte(c);
    if (k & kSentenceEnd) sentence_start = true;
    if ((k & kSpace) || !after_space) {
      after_space = k & kSpace;
      ++p;
      continue;
    }
    size_t e = p;
    while (e < q.size() && !(entity_byte(q[e]) & kWordEnd)) ++e;
    bool capital = c >= 'A' && c <= 'Z' && !(e - p == 1 && c == 'I');
    if (capital && !sentence_start) out.push_back({static_cast<uint32_t>(p), static_cast<uint32_t>(e)});
    sentence_start = after_space = false;
    p = e > p ? e : p + 1;
  }
}

void score_quote_tone(const model::ToneModel& model, const Document&, std::string_view cue_lemma,
                      QuoteRecord* rec) {
  thread_local model::ToneScratch scratch;
  thread_local model::ToneInput in;   // reused: its mask vector keeps its memory
  thread_local model::ToneOutput out;  // reused: its strings keep their memory
  in.text = rec->text();
  in.cue_lemma = cue_lemma;
  entity_ranges(in.text, in.masked);
  model.score(in, scratch, out);
  Tone* tone = rec->mutable_tone();
  tone->set_label(out.label);
  tone->set_coop(out.coop);
  // Room for every element at once: one arena block each, not one per doubling.
  tone->mutable_scores()->Reserve(tone->scores_size() + static_cast<int>(out.scores.size()));
  tone->mutable_evidence()->Reserve(tone->evidence_size() + static_cast<int>(out.evidence.size()));
  for (const auto& [label, p] : out.scores) {
    ClassScore* s = tone->add_scores();
    s->set_label(label);
    s->set_probability(p);
  }
  for (const model::ToneEvidence& e : out.evidence) {
    Evidence* ev = tone->add_evidence();
    ev->set_feature(e.feature);
    ev->set_label(e.label);
    ev->set_weight(e.weight);
  }
}

}  // namespace quotient
