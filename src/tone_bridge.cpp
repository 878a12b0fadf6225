#include "tone_bridge.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
// when it is capitalised ("I" alone is not) and no sentence starts with it:
// no sentence end lies between the previous word start and it (a sentence
// end that is itself a word start, as in "a . B", does not count), and there
// is a previous word start.
#if defined(__SSE2__)

namespace {

// Bit i of each mask: byte i of a 64-byte block is a space, a word end, a
// sentence end, a capital A-Z. Bytes past `n` read as zero (in no class).
struct EntityMasks {
  uint64_t space = 0, word_end = 0, sentence_end = 0, capital = 0;
};

EntityMasks entity_masks(const char* p, size_t n) {
  alignas(16) char tail[64];
  if (n < 64) {
    std::memset(tail, 0, sizeof tail);
    std::memcpy(tail, p, n);
    p = tail;
  }
  EntityMasks m;
  for (size_t j = 0; j < 4; ++j) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * j));
    auto eq = [&b](char c) { return _mm_cmpeq_epi8(b, _mm_set1_epi8(c)); };
    const __m128i space = eq(' ');
    const __m128i end = _mm_or_si128(_mm_or_si128(eq('.'), eq('!')), eq('?'));
    const __m128i word_end = _mm_or_si128(_mm_or_si128(space, end), _mm_or_si128(_mm_or_si128(eq(','), eq(';')), eq(':')));
    // 'A' <= b <= 'Z' as (b - 'A') < 26 unsigned: a signed compare once the top bits are flipped.
    const __m128i off = _mm_xor_si128(_mm_sub_epi8(b, _mm_set1_epi8('A')), _mm_set1_epi8(static_cast<char>(0x80)));
    const __m128i capital = _mm_cmplt_epi8(off, _mm_set1_epi8(static_cast<char>(26 ^ 0x80)));
    const size_t shift = 16 * j;
    m.space |= uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(space))} << shift;
    m.word_end |= uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(word_end))} << shift;
    m.sentence_end |= uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(end))} << shift;
    m.capital |= uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(capital))} << shift;
  }
  return m;
}

}  // namespace

// 64 bytes at a time: the word starts, capitals and sentence ends of a block
// as bit masks; only the capitalised word starts (about two a quote) are
// looked at one by one.
void entity_ranges(std::string_view q, std::vector<std::pair<uint32_t, uint32_t>>& out) {
  out.clear();
  bool space_before = true;  // the byte before the block is a space (or the block starts the quote)
  bool sentence = true;      // a sentence end since the last word start (or no word start yet)
  for (size_t base = 0; base < q.size(); base += 64) {
    const size_t n = std::min<size_t>(64, q.size() - base);
    const EntityMasks m = entity_masks(q.data() + base, n);
    const uint64_t valid = n == 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
    const uint64_t starts = ~m.space & valid & (m.space << 1 | uint64_t{space_before});
    const uint64_t ends = m.sentence_end & ~starts;
    for (uint64_t caps = starts & m.capital; caps != 0; caps &= caps - 1) {
      const int i = __builtin_ctzll(caps);
      const uint64_t before = (uint64_t{1} << i) - 1;
      const uint64_t earlier = starts & before;
      bool sentence_start;
      if (earlier != 0) {
        const int last = 63 - __builtin_clzll(earlier);
        sentence_start = (ends & before & ~((uint64_t{2} << last) - 1)) != 0;
      } else {
        sentence_start = sentence || (ends & before) != 0;
      }
      if (sentence_start) continue;
      const size_t p = base + static_cast<size_t>(i);
      size_t e = p + 1;
      while (e < q.size() && !(entity_byte(q[e]) & kWordEnd)) ++e;
      if (e - p == 1 && q[p] == 'I') continue;
      out.push_back({static_cast<uint32_t>(p), static_cast<uint32_t>(e)});
    }
    if (starts != 0) sentence = (ends >> (63 - __builtin_clzll(starts)) >> 1) != 0;
    else sentence = sentence || ends != 0;
    space_before = m.space >> 63;
  }
}

#else

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

#endif  // __SSE2__

namespace {

// Gives `items` n elements; those it had keep their values (the caller sets
// every field), and one removed on the heap keeps its memory for reuse.
template <typename M>
void fit_size(google::protobuf::RepeatedPtrField<M>* items, size_t n) {
  const int want = static_cast<int>(n);
  while (items->size() > want) items->RemoveLast();
  // Room for every element at once: one arena block, not one per doubling.
  if (items->size() < want) items->Reserve(want);
  while (items->size() < want) items->Add();
}

}  // namespace

const model::ToneOutput& score_quote(const model::ToneModel& model, std::string_view text,
                                     std::string_view cue_lemma) {
  thread_local model::ToneScratch scratch;
  thread_local model::ToneInput in;   // reused: its mask vector keeps its memory
  thread_local model::ToneOutput out;  // reused: its strings keep their memory
  in.text = text;
  in.cue_lemma = cue_lemma;
  entity_ranges(in.text, in.masked);
  model.score(in, scratch, out);
  return out;
}

// In a reused Tone a label, nearly always one of the model's few class
// names, is copied only when it differs (a compare costs a fraction of a
// copy); a new one holds none to compare. A Tone on the heap
// is a reused one (Analyzer lends them): its strings are assigned through
// mutable_*(), a std::string assign into the buffer each holds, half the
// instructions of set_*() (ArenaStringPtr::Set and a general replace). One on
// an arena is new: set_*() makes each string at once, where mutable_*()
// would make an empty one first.
void fill_tone(const model::ToneOutput& out, Tone* tone) {
  const bool reused = tone->GetArena() == nullptr;
  if (!reused || tone->label() != out.label) {
    if (reused) *tone->mutable_label() = out.label;
    else tone->set_label(out.label);
  }
  tone->set_coop(out.coop);
  fit_size(tone->mutable_scores(), out.scores.size());
  for (size_t i = 0; i < out.scores.size(); ++i) {
    ClassScore* s = tone->mutable_scores(static_cast<int>(i));
    if (!reused || s->label() != out.scores[i].first) {
      if (reused) *s->mutable_label() = out.scores[i].first;
      else s->set_label(out.scores[i].first);
    }
    s->set_probability(out.scores[i].second);
  }
  fit_size(tone->mutable_evidence(), out.evidence.size());
  for (size_t i = 0; i < out.evidence.size(); ++i) {
    const model::ToneEvidence& e = out.evidence[i];
    Evidence* ev = tone->mutable_evidence(static_cast<int>(i));
    if (reused) *ev->mutable_feature() = e.feature;
    else ev->set_feature(e.feature);
    if (!reused || ev->label() != e.label) {
      if (reused) *ev->mutable_label() = e.label;
      else ev->set_label(e.label);
    }
    ev->set_weight(e.weight);
  }
}

}  // namespace quotient
