#include "tone_bridge.hpp"

#include "tone_model.hpp"

namespace quotient {

std::vector<std::pair<uint32_t, uint32_t>> entity_ranges(std::string_view q) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  bool sentence_start = true;
  for (size_t p = 0; p < q.size(); ++p) {
    char c = q[p];
    if (c == '.' || c == '!' || c == '?') sentence_start = true;
    if (c == ' ' || (p > 0 && q[p - 1] != ' ')) continue;
    size_t e = p;
    while (e < q.size() && std::string_view(" ,.;:!?").find(q[e]) == std::string_view::npos) ++e;
    bool capital = c >= 'A' && c <= 'Z' && !(e - p == 1 && c == 'I');
    if (capital && !sentence_start) out.push_back({static_cast<uint32_t>(p), static_cast<uint32_t>(e)});
    sentence_start = false;
  }
  return out;
}

void score_quote_tone(const model::ToneModel& model, const Document&, QuoteRecord* rec) {
  thread_local model::ToneScratch scratch;
  model::ToneInput in;
  in.text = rec->text();
  in.cue_lemma = rec->cue().lemma();
  in.masked = entity_ranges(in.text);
  model::ToneOutput out = model.score(in, scratch);
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
