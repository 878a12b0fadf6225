#include "tone_bridge.hpp"

#include "tone_model.hpp"

namespace quotient {

std::vector<std::pair<uint32_t, uint32_t>> entity_ranges(std::string_view q) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  entity_ranges(q, out);
  return out;
}

namespace {

// The bytes that end a word for entity_ranges(): " ,.;:!?".
bool word_end(char c) {
  return c == ' ' || c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

}  // namespace

void entity_ranges(std::string_view q, std::vector<std::pair<uint32_t, uint32_t>>& out) {
  out.clear();
  bool sentence_start = true;
  for (size_t p = 0; p < q.size(); ++p) {
    char c = q[p];
    if (c == '.' || c == '!' || c == '?') sentence_start = true;
    if (c == ' ' || (p > 0 && q[p - 1] != ' ')) continue;
    size_t e = p;
    while (e < q.size() && !word_end(q[e])) ++e;
    bool capital = c >= 'A' && c <= 'Z' && !(e - p == 1 && c == 'I');
    if (capital && !sentence_start) out.push_back({static_cast<uint32_t>(p), static_cast<uint32_t>(e)});
    sentence_start = false;
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
