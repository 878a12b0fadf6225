// Pass 1, reading: each sentence's tokens, speech cues and speaker mentions,
// and the token helpers the other stages share.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "attribution_stages.hpp"
#include "bytes.hpp"
#include "grammar.hpp"
#include "lexicon.hpp"

namespace quotient::attribution_detail {
namespace {

using grammar::CueMatch;
using grammar::Mention;
using grammar::Token;

// A whole line that does not end like a sentence (., ! or ?, perhaps
// inside closing marks): a headline's or a heading's shape.
bool bare_line(const Doc& d, grammar::Range r) {
  if (r.begin > 0 && d.text[r.begin - 1] != '\n') return false;
  if (r.end < d.text.size() && d.text[r.end] != '\n' && d.text[r.end] != '\r') return false;
  size_t e = r.end;
  while (e > r.begin && (d.text[e - 1] == '"' || d.text[e - 1] == '\'' || d.text[e - 1] == ' ')) --e;
  if (e >= r.begin + 3 && d.text.compare(e - 3, 2, "\xE2\x80") == 0 &&
      (d.text[e - 1] == '\x9D' || d.text[e - 1] == '\x99'))
    e -= 3;
  return e > r.begin && d.text[e - 1] != '.' && d.text[e - 1] != '!' && d.text[e - 1] != '?';
}

// Four or more words, nearly all capitalised. `relaxed`: a title's small
// words and numbers do not count ("Council Demands Ceasefire in Koro
// Valley, Adopting Resolution 2841 by 13 Votes to None").
bool title_case_words(const Doc& d, const std::vector<Token>& toks, bool relaxed) {
  size_t words = 0, caps = 0, lower = 0;
  for (const Token& t : toks) {
    if (t.kind != Token::Kind::kWord) continue;
    unsigned char c = d.text[t.range.begin];
    if (relaxed && c >= '0' && c <= '9') continue;
    ++words;
    if ((c >= 'A' && c <= 'Z') || c >= 0xC3)
      ++caps;
    else if (relaxed && small_title_word(word(d, t)))
      --words;
    else if (++lower * 5 > toks.size())  // words <= toks.size(): more than a fifth are not capitalised
      return false;
  }
  return words >= 4 && caps * 10 >= words * 8;
}

// A headline: title_case_words(), relaxed on a bare line (bare_line()) that
// holds a quote. A sentence in running text is read word for word ("Helen
// Marsh arrived in Oslo on Tuesday." is no headline), and so is a caption
// ("Mark Drakeford at the Senedd in Cardiff on Tuesday"), which quotes no
// one. The relaxed reading is tried only after the strict one failed, which
// most sentences do at once.
bool title_case_sentence(const Doc& d, const std::vector<Token>& toks, grammar::Range range) {
  if (title_case_words(d, toks, false)) return true;
  return bare_line(d, range) &&
         std::any_of(toks.begin(), toks.end(), [](const Token& t) { return t.kind == Token::Kind::kQuote; }) &&
         title_case_words(d, toks, true);
}

// "officials who said", "the agency, which reported": the relative pronoun
// stands next to the verb and refers to the mention before it.
std::optional<Mention> relative_pronoun(const Doc& d, const SentenceView& sv, size_t i, int* antecedent) {
  // A cheap first test: most tokens of a sentence come here.
  const grammar::Range r = sv.toks[i].range;
  if (r.size() < 3 || (d.text[r.begin] != 'w' && d.text[r.begin] != 't')) return std::nullopt;
  std::string_view w = word(d, sv.toks[i]);
  if (w != "who" && w != "which" && w != "that") return std::nullopt;
  size_t k = i;
  bool comma = k > 0 && is_punct(d, sv.toks[k - 1], ',');
  if (comma) --k;
  if (k == 0) return std::nullopt;
  *antecedent = sv.mention_end_at[k - 1];
  // "one Democrat familiar with the talks, who added": after a comma, the
  // nearest mention before a short phrase of lower-case words.
  for (size_t j = k - 1; comma && *antecedent < 0 && j > 0 && k - j < 8 && is_lower_word(d, sv.toks[j]); --j)
    *antecedent = sv.mention_end_at[j - 1];
  if (*antecedent < 0) return std::nullopt;
  // "Marek Halden, the defense minister of Sorvia, who", "Maren Holt,
  // conductor who said": the name the role stands in apposition to.
  // "Tom Brannigan, an analyst at Ostler & Finch, who", "Ana Ruiz of Pike &
  // Vale, who": a firm joined by "&" to the role or the "NAME of" before it
  // is where the person works; "who" is the person.
  if (w == "who") {
    size_t t = d.mentions[*antecedent].token;
    while (t >= 2 && word(d, sv.toks[t - 1]) == "&" && sv.mention_end_at[t - 2] >= 0) {
      int before = sv.mention_end_at[t - 2];
      const Mention& b = d.mentions[before].mention;
      bool person_of = b.type == Mention::Type::kPerson &&
                       d.text.substr(b.range.begin, b.range.size()).find(" of ") != std::string_view::npos;
      if (b.type == Mention::Type::kRole || person_of) {
        *antecedent = before;
        break;
      }
      t = d.mentions[before].token;
    }
  }
  const Mention& a = d.mentions[*antecedent].mention;
  if (a.type == Mention::Type::kRole) {
    size_t t = d.mentions[*antecedent].token;
    int name = t >= 2 && is_punct(d, sv.toks[t - 1], ',') ? sv.mention_end_at[t - 2] : -1;
    if (name >= 0 && d.mentions[name].mention.type == Mention::Type::kPerson) *antecedent = name;
  }
  Mention m;
  m.range = m.name = sv.toks[i].range;
  m.type = Mention::Type::kRelative;
  m.gender = d.mentions[*antecedent].mention.gender;
  return m;
}

// "the water utility, Aguas Limpias, whose former director …": a name
// whose board, chairman or members follow ", whose" (token i is the comma)
// is a body's, not a person's (data/lexicon/whose_body_nouns.txt).
bool whose_body_follows(const Doc& d, const SentenceView& sv, size_t i) {
  if (i + 2 >= sv.toks.size() || !is_punct(d, sv.toks[i], ',') || word(d, sv.toks[i + 1]) != "whose") return false;
  static const std::vector<std::vector<std::string>>& nouns = grammar::Lexicon::builtin().whose_body_nouns;
  size_t k = i + 2;
  if (one_of(word(d, sv.toks[k]), {"former", "new", "own", "founding"}) && k + 1 < sv.toks.size()) ++k;
  return std::any_of(nouns.begin(), nouns.end(), [&](const std::vector<std::string>& phrase) {
    if (k + phrase.size() > sv.toks.size()) return false;
    for (size_t w = 0; w < phrase.size(); ++w)
      if (word(d, sv.toks[k + w]) != phrase[w]) return false;
    return true;
  });
}

// "Meridian Sensing, a Brisbane-based engineering firm, said", "X, a
// charity that …": the body mention at token i, after the comma that
// follows a name, describes that name in apposition: it opens with "a"/"an"
// and the description ends at token `after` (not "Lewis, a former
// government cybersecurity expert"), with no list going on ("names Robin
// Castle, a consulting firm, and the council").
bool body_in_apposition(const Doc& d, const SentenceView& sv, size_t i, size_t after) {
  size_t n = sv.toks.size();
  if (!one_of(word(d, sv.toks[i]), {"a", "an"})) return false;
  if (after >= n) return true;
  if (after + 1 < n && is_punct(d, sv.toks[after], ',') && one_of(word(d, sv.toks[after + 1]), {"and", "or"}))
    return false;
  return sv.toks[after].kind == Token::Kind::kPunct || one_of(word(d, sv.toks[after]), {"that", "which"});
}

// Sentences a pronoun in a quote's sentence, or in the sentence before it,
// looks back over (entities.hpp kPronounWindow).
constexpr size_t kNearSentences = kPronounWindow + 1;
// Sentences after a quote's that its frames read: a post-quote frame cut off
// by the splitter ("“…” ¶ - Name."), a byline paragraph, the sentence that
// names the speaker of a run of quotes. src.locality fails when too small.
constexpr size_t kAfterSentences = 2;

bool upperish(unsigned char c) { return (c >= 'A' && c <= 'Z') || c >= 0x80; }

bool is_space_at(std::string_view t, size_t p) {
  return t[p] == ' ' || (t[p] == '\xC2' && p + 1 < t.size() && t[p + 1] == '\xA0');
}

// A word of one to eight bytes packed into one integer (first byte highest).
uint64_t packed(std::string_view w) {
  uint64_t k = 0;
  for (char c : w) k = k << 8 | static_cast<unsigned char>(c);
  return k;
}

// A set of words of one to eight bytes: each packed into an integer and held
// in a small open-addressed table, so a look-up is a multiply and one or two
// integer compares, not string compares (the sentence pre-check below asks
// it about short lower-case words). Longer words cannot be held.
class PackedWords {
 public:
  explicit PackedWords(const std::vector<std::string>& words) {
    size_t stored = 0;
    for (const std::string& w : words) {
      if (w.empty() || w.size() > 8) continue;
      // At most half the slots, so every probe meets an empty one.
      if (++stored > kSlots / 2) throw std::length_error("PackedWords: more than 32 words");
      min_ = std::min(min_, w.size());
      max_ = std::max(max_, w.size());
      size_t i = slot(packed(w));
      while (slots_[i] != 0 && slots_[i] != packed(w)) i = (i + 1) % kSlots;
      slots_[i] = packed(w);
    }
  }
  bool contains(std::string_view w) const {
    if (w.size() < min_ || w.size() > max_) return false;
    uint64_t k = packed(w);
    for (size_t i = slot(k); slots_[i] != 0; i = (i + 1) % kSlots)
      if (slots_[i] == k) return true;
    return false;
  }

 private:
  static constexpr size_t kSlots = 64;  // a power of two, well above the list's size
  static size_t slot(uint64_t k) { return static_cast<size_t>((k * 0x9E3779B97F4A7C15ull) >> 58); }
  std::array<uint64_t, kSlots> slots_{};
  size_t min_ = 9, max_ = 0;
};

// The grammar's name particles ("Ludwig van Beethoven"):
// data/lexicon/name_particles.txt, lower-case words of at most eight bytes.
// Built at start-up, not on first use: no guard to test per call.
const PackedWords kNameParticles(grammar::Lexicon::builtin().name_particles);

bool name_particle(std::string_view w) { return !w.empty() && w[0] >= 'a' && kNameParticles.contains(w); }

// "The", "But", "Monday": capitalised words that never start a name or
// stand in one (grammar: cap_word is !stop >> upper ...).
bool stopword_chunk(std::string_view chunk) {
  static const std::unordered_set<std::string_view> words(grammar::Lexicon::builtin().stopwords.begin(),
                                                          grammar::Lexicon::builtin().stopwords.end());
  static const size_t longest = [] {
    size_t n = 0;
    for (std::string_view w : words) n = std::max(n, w.size());
    return n;
  }();
  return chunk.size() <= longest && words.count(chunk) > 0;
}

// Can a sentence far from every quote change a record? Only through
// document-wide entity resolution (entities.cpp): a person's name of two or
// more words (the fullest form of a name, and how often it is written) or a
// document mention with "by" or "from" ("a statement by X", "a communiqué
// from X" name an issuer). The first needs two name words, the second
// starting a space-separated chunk with a capital and the first inside the
// chunk before it (or before one or two particles), that chunk not being a
// stop word; the second needs " by " or " from ".
// False only when neither can occur. Byte by byte; may_name_entities()
// below gives the same answer faster.
bool may_name_entities_bytes(std::string_view s) {
  if (s.find(" by ") != std::string_view::npos || s.find(" from ") != std::string_view::npos) return true;
  // Chunks: runs between spaces (' ' or NBSP). prev/prev2: does the chunk
  // before (before that) hold a capital-like byte; particle: is the chunk
  // before a name particle; prev3, particle2: the same one chunk further back.
  bool prev = false, prev2 = false, prev3 = false, particle = false, particle2 = false;
  for (size_t p = 0; p < s.size();) {
    if (is_space_at(s, p)) {
      p += s[p] == ' ' ? 1 : 2;
      continue;
    }
    size_t b = p;
    bool caps = false;
    for (; p < s.size() && s[p] != ' '; ++p) {
      auto c = static_cast<unsigned char>(s[p]);
      if (c == 0xC2 && p + 1 < s.size() && s[p + 1] == '\xA0') break;
      caps |= upperish(c);
    }
    if (b > 0 && upperish(static_cast<unsigned char>(s[b])) &&
        (prev || (particle && prev2) || (particle && particle2 && prev3)))
      return true;
    prev3 = prev2;
    prev2 = prev;
    particle2 = particle;
    // A name word is a capitalised word that is not a stop word; a chunk
    // that is a stop word as a whole holds none.
    prev = caps && !stopword_chunk(s.substr(b, p - b));
    particle = name_particle(s.substr(b, p - b));
  }
  return false;
}

// The chunk of s (split at ' ' only) that ends right before the spaces
// before position b, as [*begin, *end); false when there is none.
bool chunk_before(std::string_view s, size_t b, size_t* begin, size_t* end) {
  size_t e = b;
  while (e > 0 && s[e - 1] == ' ') --e;
  if (e == 0) return false;
  size_t p = e;
  while (p > 0 && s[p - 1] != ' ') --p;
  *begin = p;
  *end = e;
  return true;
}

// A name word as may_name_entities_bytes() counts one: a chunk holding a
// capital-like byte that is not a stop word as a whole.
bool name_chunk(std::string_view chunk) {
  bool caps = false;
  for (char c : chunk) caps |= upperish(static_cast<unsigned char>(c));
  return caps && !stopword_chunk(chunk);
}

// may_name_entities_bytes(), eight bytes at a time: " by " and " from " are
// found from their 'b' and 'f'; only a chunk that starts with a capital-like byte right after a
// space can answer yes otherwise, and those are found by word masks; the
// chunk or two before each is then looked at. A text with a 0xC2 byte (maybe a no-break space, which also
// splits chunks) goes byte by byte.
bool may_name_entities(std::string_view s) {
  using namespace grammar::bytes;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return may_name_entities_bytes(s);  // the masks below take byte 0 as the lowest
#endif
  auto equal_bytes = [](uint64_t w, unsigned char c) {  // exact per byte: the sums cannot carry into the next byte
    uint64_t v = w ^ (kOnes * c);
    return ~(((v & ~kHighs) + ~kHighs) | v) & kHighs;
  };
  auto capital_like = [](uint64_t w) {  // A..Z or >= 0x80, exact per byte
    uint64_t x = w & ~kHighs;
    return (((x + kOnes * (0x80 - 'A')) & ~(x + kOnes * (0x80 - 'Z' - 1))) | w) & kHighs;
  };
  uint64_t space_carry = 0;  // the high bit of byte 0 when the byte before the word is a space
  for (size_t p = 0; p < s.size(); p += 8) {
    size_t n = std::min<size_t>(8, s.size() - p);
    uint64_t w = n == 8 ? load8(s.data() + p) : load_1_to_8(s.data() + p, n);
    if (has_byte(w, 0xC2)) return may_name_entities_bytes(s);
    // " by " and " from " (found from their 'b' and 'f', rarer than spaces).
    for (uint64_t bs = equal_bytes(w, 'b'); bs != 0; bs &= bs - 1) {
      size_t b = p + static_cast<size_t>(__builtin_ctzll(bs)) / 8;
      if (b > 0 && b + 2 < s.size() && s[b - 1] == ' ' && s[b + 1] == 'y' && s[b + 2] == ' ') return true;
    }
    for (uint64_t fs = equal_bytes(w, 'f'); fs != 0; fs &= fs - 1) {
      size_t f = p + static_cast<size_t>(__builtin_ctzll(fs)) / 8;
      if (f > 0 && s[f - 1] == ' ' && s.compare(f, 5, "from ") == 0) return true;
    }
    uint64_t sp = equal_bytes(w, ' ');
    // Bytes past the end are zeros: neither spaces nor capital-like.
    for (uint64_t starts = ((sp << 8) | space_carry) & capital_like(w); starts != 0; starts &= starts - 1) {
      size_t b = p + static_cast<size_t>(__builtin_ctzll(starts)) / 8;
      size_t pb = 0, pe = 0;
      if (!chunk_before(s, b, &pb, &pe)) continue;
      std::string_view before = s.substr(pb, pe - pb);
      if (name_chunk(before)) return true;
      size_t qb = 0, qe = 0;
      if (!name_particle(before) || !chunk_before(s, pb, &qb, &qe)) continue;
      std::string_view before2 = s.substr(qb, qe - qb);
      if (name_chunk(before2)) return true;
      size_t rb = 0, re = 0;  // "van der Berg": two particles
      if (name_particle(before2) && chunk_before(s, qb, &rb, &re) && name_chunk(s.substr(rb, re - rb))) return true;
    }
    space_carry = sp >> 56;
  }
  return false;
}

// SentenceViews of this thread's earlier documents, kept for the memory of
// their per-token vectors: allocating and freeing four of them for every
// sentence read cost more than filling them.
std::vector<SentenceView>& spare_views() {
  thread_local std::vector<SentenceView> spare;
  return spare;
}

// At most this many views are kept, none with room for more tokens than
// kMaxSpareTokens: memory stays bounded after a huge document.
constexpr size_t kMaxSpareViews = 4096, kMaxSpareTokens = 4096;

// A view of sentence s with empty vectors (a spare one when there is one).
SentenceView new_view(const grammar::Sentence& s) {
  std::vector<SentenceView>& spare = spare_views();
  SentenceView sv;
  if (!spare.empty()) {
    sv = std::move(spare.back());
    spare.pop_back();
  }
  sv.sentence = s;
  sv.toks.clear();
  sv.cue_at.clear();
  sv.mention_end_at.clear();
  sv.mention_start_at.clear();
  sv.after_dateline = 0;
  return sv;
}

// The (emptied) sentence and mention lists of this thread's last Doc, for
// their capacity: the next Doc starts with them instead of allocating.
std::vector<SentenceView>& spare_sentence_list() {
  thread_local std::vector<SentenceView> list;
  return list;
}
std::vector<MentionRef>& spare_mention_list() {
  thread_local std::vector<MentionRef> list;
  return list;
}

}  // namespace

Doc::~Doc() {
  std::vector<SentenceView>& spare = spare_views();
  for (SentenceView& sv : sentences)
    if (spare.size() < kMaxSpareViews && sv.toks.capacity() <= kMaxSpareTokens) spare.push_back(std::move(sv));
  sentences.clear();
  mentions.clear();
  if (sentences.capacity() <= kMaxSpareViews) spare_sentence_list() = std::move(sentences);
  if (mentions.capacity() <= 8 * kMaxSpareViews) spare_mention_list() = std::move(mentions);
}

Doc::Doc(std::string_view t, const grammar::QuoteScan& s)
    : text(t),
      scan(s),
      sentences(std::move(spare_sentence_list())),  // empty, with room
      mentions(std::move(spare_mention_list())),
      claims(s.quotes.size()),
      quote_sentence(s.quotes.size(), SIZE_MAX),
      quote_token(s.quotes.size(), 0) {}

bool is_dash(const Doc& d, const Token& t) {
  if (t.kind != Token::Kind::kPunct) return false;
  std::string_view w = word(d, t);
  return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94" || w == "\xE2\x80\x95";
}

bool is_lower_word(const Doc& d, const Token& t) {
  return t.kind == Token::Kind::kWord && std::islower(static_cast<unsigned char>(d.text[t.range.begin]));
}

bool capitalised(const Doc& d, const Token& t) {
  return t.kind == Token::Kind::kWord && std::isupper(static_cast<unsigned char>(d.text[t.range.begin]));
}

bool weekday(std::string_view w) {
  return one_of(w, {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"});
}

bool time_phrase_at(const Doc& d, const SentenceView& sv, size_t j) {
  static const grammar::WordList spans(grammar::Lexicon::builtin().time_spans);
  if (j + 1 >= sv.toks.size() || !one_of(word(d, sv.toks[j]), {"on", "last", "this", "next", "earlier", "late"}))
    return false;
  std::string_view w = word(d, sv.toks[j + 1]);
  return weekday(w) || spans.contains(w);
}

bool skippable(std::string_view w) {
  static const grammar::WordList auxiliaries(grammar::Lexicon::builtin().auxiliaries);
  if (w.size() > 4 && w.substr(w.size() - 2) == "ly" && w[0] >= 'a' && w[0] <= 'z') return true;
  auto ends = [&](std::string_view e) { return w.size() > e.size() && w.substr(w.size() - e.size()) == e; };
  if (ends("n't") || ends("n\xE2\x80\x99t")) return true;  // didn't, hasn't
  return auxiliaries.contains(w);
}

namespace {

// A live blog's time stamp opening a paragraph: "17:51 –", "9.05am -",
// "14:02 GMT —". Returns the token after its dash, or 0.
size_t timestamp_end(const Doc& d, const std::vector<Token>& toks) {
  for (size_t k = 0; k < toks.size() && k < 6; ++k) {
    if (k > 0 && is_dash(d, toks[k])) return k + 1;
    std::string_view t = word(d, toks[k]);
    bool suffixed = t.size() > 2 && one_of(t.substr(t.size() - 2), {"am", "pm"});  // "9.05am"
    std::string_view clock = suffixed ? t.substr(0, t.size() - 2) : t;
    bool digits = !clock.empty() && clock.find_first_not_of("0123456789:.") == std::string_view::npos;
    bool ok = k == 0 ? digits && t[0] >= '0' && t[0] <= '9'
                     : digits || one_of(t, {"am", "pm", "GMT", "BST", "CET", "ET", "UTC"});
    if (!ok) return 0;
  }
  return 0;
}

// "WASHINGTON — …", "BUSAN, South Korea — …", "OSLO (Wire) - …": a dateline
// opening a paragraph names a place, not a speaker: words in capitals, then
// after a comma or inside parentheses capitalised words or a date ("BONN,
// June 14 —"), then a dash. A time stamp stands for one too.
// Returns the token after the dash, or 0 ("NATO Secretary General Mark
// Rutte - speaking in Brussels - said" is no dateline).
size_t dateline_end(const Doc& d, const std::vector<Token>& toks) {
  if (toks.empty()) return 0;
  size_t at = toks[0].range.begin;
  if (at > 0 && d.text[at - 1] != '\n') return 0;  // not the paragraph's first sentence
  if (size_t stamp = timestamp_end(d, toks)) return stamp;
  if (toks[0].kind != Token::Kind::kWord) return 0;
  auto all_caps = [&](std::string_view w) {
    size_t letters = 0;
    for (char c : w) {
      if (c >= 'a' && c <= 'z') return false;
      letters += c >= 'A' && c <= 'Z';
    }
    return letters >= 2;
  };
  if (!all_caps(d.text.substr(at, toks[0].range.size()))) return 0;
  bool region = false;  // after a comma or inside parentheses
  for (size_t k = 1; k < toks.size() && k < 10; ++k) {
    std::string_view t = d.text.substr(toks[k].range.begin, toks[k].range.size());
    if (t == "\xE2\x80\x94" || t == "\xE2\x80\x93" || t == "-" || t == "--") return k + 1;
    if (t == "," || t == "(") {
      region = true;
      continue;
    }
    if (t == "." || t == ")") continue;
    bool capitalised = toks[k].kind == Token::Kind::kWord && !t.empty() && t[0] >= 'A' && t[0] <= 'Z';
    bool day = toks[k].kind == Token::Kind::kWord && !t.empty() && t.size() <= 2 && t[0] >= '0' && t[0] <= '9';
    if (!(region ? capitalised || day : all_caps(t))) return 0;
  }
  return 0;
}


// The speech cue at token i, if any. Inside a sentence that is not a
// headline, a capitalised cue word between a word and a capitalised word is
// part of a name: "spokeswoman Hope Hicks said", "chief executive Ian Read".
// grammar::may_match_cue(), and of punctuation only ':' (match_cue's kColon):
// cheap enough to test at the call, before the call, for every token.
bool may_cue(const Doc& d, const Token& t) {
  return t.kind == Token::Kind::kPunct ? d.text[t.range.begin] == ':' : grammar::may_match_cue(t);
}

// "a group called Fair Pensions says", "an account called @PensionTruth":
// "called" after "a"/"an" and a lower-case noun, before a name, names the
// noun; no one calls anything there.
bool naming_called(const Doc& d, const std::vector<Token>& toks, size_t i) {
  if (i < 2 || i + 1 >= toks.size() || word(d, toks[i]) != "called" || !is_lower_word(d, toks[i - 1]) ||
      !one_of(word(d, toks[i - 2]), {"a", "an", "A", "An"}))
    return false;
  if (!capitalised(d, toks[i + 1]) && word(d, toks[i + 1]) != "@") return false;
  // The name's run of capitalised words (or a handle's) must not end in a
  // possessive or a quote: "A spokesman called Johnson's remarks “…”", "An
  // aide called Mr Obi “a liar”" call something that.
  size_t k = i + 1;
  for (; k < toks.size() && k < i + 6 && (capitalised(d, toks[k]) || word(d, toks[k]) == "@"); ++k)
    if (possessive(word(d, toks[k]))) return false;
  return k >= toks.size() || (toks[k].kind != Token::Kind::kQuote && !possessive(word(d, toks[k])));
}

std::optional<CueMatch> cue_at_token(const Doc& d, const std::vector<Token>& toks, size_t i, bool headline) {
  if (!may_cue(d, toks[i])) return std::nullopt;
  bool in_name = !headline && i > 0 && i + 1 < toks.size() && capitalised(d, toks[i]) &&
                 toks[i - 1].kind == Token::Kind::kWord && capitalised(d, toks[i + 1]);
  if (in_name || naming_called(d, toks, i)) return std::nullopt;
  return grammar::match_cue(d.text, toks, i);
}

// A bare capitalised word (no title, no gender, one token).
bool bare_word_name(const Mention& m) {
  return m.type == Mention::Type::kPerson && !m.titled && m.gender == Mention::Gender::kUnknown && m.tokens == 1;
}

// Does `word` stand anywhere in the document but in `joined` ("first and
// second")? ("Trump and Ryan" after "Trump said", "Smith and Jones" after
// John Smith and Ann Jones: two people.)
bool stands_alone(const Doc& d, std::string_view word, std::string_view joined) {
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  std::string_view t = d.text;
  for (size_t at = t.find(word); at != std::string_view::npos; at = t.find(word, at + 1)) {
    size_t end = at + word.size();
    if ((at > 0 && alnum(t[at - 1])) || (end < t.size() && alnum(t[end]))) continue;
    // Inside the joined name, as its first or its last word.
    if (t.substr(at, joined.size()) == joined || (end >= joined.size() && t.substr(end - joined.size(), joined.size()) == joined))
      continue;
    return true;
  }
  return false;
}

// Does the document write `name` before a role noun and a name, as a body
// its people belong to ("Fire and Emergency deputy national commander
// Wiremu Hollis")? Not "Russia and Ukraine agreed on Monday".
bool heads_a_role(const Doc& d, std::string_view name) {
  // A person's role noun, or a one-word title in lower case ("commander").
  // (WordList keeps views: the words live in `words`.)
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out;
    for (const grammar::RoleNoun& r : grammar::Lexicon::builtin().roles)
      if (r.type == grammar::RoleNoun::Type::kRole) out.push_back(r.noun);
    for (const grammar::Honorific& h : grammar::Lexicon::builtin().honorifics)
      if (h.title.find(' ') == std::string::npos) {
        std::string lower = h.title;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.push_back(lower);
      }
    return out;
  }();
  static const grammar::WordList roles(words);
  std::string_view t = d.text;
  for (size_t at = t.find(name); at != std::string_view::npos; at = t.find(name, at + 1)) {
    size_t p = at + name.size();
    std::string_view last_word;
    for (int words = 0; words < 3 && p < t.size() && t[p] == ' '; ++words) {
      size_t b = p + 1, e = b;
      while (e < t.size() && ((t[e] >= 'a' && t[e] <= 'z') || t[e] == '-')) ++e;
      if (e == b) break;
      last_word = t.substr(b, e - b);
      p = e;
    }
    if (!last_word.empty() && p + 1 < t.size() && t[p] == ' ' && t[p + 1] >= 'A' && t[p + 1] <= 'Z' &&
        roles.contains(last_word))
      return true;
  }
  return false;
}

// "In a statement, Fire and Emergency said", "Johnson & Johnson said": two
// bare capitalised words joined by "&", or by "and" in a name the document
// also writes before a role and a name (mention m at token i, the other
// ending right before the joiner), are one body's name when neither stands
// alone anywhere else in the document.
// Looked at for the document's first kMaxBodyJoins such pairs only, so
// that its cost stays linear.
constexpr size_t kMaxBodyJoins = 16;
bool joins_body_name(Doc& d, const SentenceView& sv, size_t i, const Mention& m) {
  if (i < 2 || !bare_word_name(m)) return false;
  std::string_view joiner = word(d, sv.toks[i - 1]);
  if (joiner != "and" && joiner != "&") return false;
  int a = sv.mention_end_at[i - 2];
  if (a < 0) return false;
  const MentionRef& before = d.mentions[static_cast<size_t>(a)];
  if (before.token != i - 2 || before.sentence != d.sentences.size() || !bare_word_name(before.mention) ||
      d.body_joins_tried++ >= kMaxBodyJoins)
    return false;
  std::string_view first = word(d, sv.toks[i - 2]), second = word(d, sv.toks[i]);
  // As written between the two words ("Fire and Emergency"; not across a
  // line break).
  std::string_view joined = d.text.substr(sv.toks[i - 2].range.begin, sv.toks[i].range.end - sv.toks[i - 2].range.begin);
  if (joined.size() != first.size() + joiner.size() + second.size() + 2) return false;
  if (joiner == "and" && !heads_a_role(d, joined)) return false;
  return !stands_alone(d, first, joined) && !stands_alone(d, second, joined);
}

// "Council Demands ‘Immediate’ Ceasefire", "Minister Says Talks Were
// ‘Constructive’": in a title-case headline every word is capitalised, so a
// name runs on over the verb; it ends before the last finite cue it holds
// ("Drudge Report Says Clinton ‘Lied’": "Report" is part of the name). Not
// right after a cue that has this name for its speaker ("According to Paul
// Sperry of Counter Jihad"). A title left without its name ("Minister Says
// Talks …" read as a titled name) is the office's role.
void cut_before_headline_cue(const Doc& d, const SentenceView& sv, size_t i, Mention& m) {
  for (size_t j = i >= 2 ? i - 2 : 0; j < i; ++j)
    if (sv.cue_at[j] && j + sv.cue_at[j]->tokens == i) return;
  size_t cut = 0;
  for (size_t k = i + 1; k < i + m.tokens && k < sv.toks.size(); ++k)
    if (const auto& cue = sv.cue_at[k]; cue && cue->form == CueMatch::Form::kFinite) cut = k;
  if (cut == 0) return;
  // Not "Being Called …", "Once Mocked …": one word left that starts no name.
  if (cut == i + 1 && (grammar::is_stopword(word(d, sv.toks[i])) || participle_like(word(d, sv.toks[i]), {"ing"})))
    return;
  uint32_t end = sv.toks[cut - 1].range.end;
  m.tokens = static_cast<uint16_t>(cut - i);
  m.range.end = std::min(m.range.end, end);
  if (m.name.begin >= end) {
    m.name = m.range;
    m.type = Mention::Type::kRole;
    m.titled = false;
    m.gender = Mention::Gender::kUnknown;
  }
  m.name.end = std::min(m.name.end, end);
}

// "“…,” said health officials", "Prices to ‘soar’, warns energy regulator":
// after an inverted finite cue, one or two lower-case words that are no
// stop or function words and no mention, then a bare (no determiner) role, group or role-named body mention
// at token i that ends its clause, are that mention's modifiers (a headline drops the
// article). The token the mention then starts at, or i.
size_t bare_role_start(const Doc& d, const SentenceView& sv, size_t i, const Mention& m) {
  // A body named by its role noun only ("regulator"), not by a name.
  bool role_like = m.type == Mention::Type::kRole || m.type == Mention::Type::kGroup ||
                   (m.type == Mention::Type::kOrganization && is_lower_word(d, sv.toks[i]));
  if (!role_like || m.titled || i < 2) return i;
  // Cheap tests first (this runs for every role mention): a finite cue that
  // ends one or two tokens before, and the clause closing after the mention.
  size_t cue_end = 0;
  for (size_t c = i > 5 ? i - 5 : 0; c + 1 < i; ++c)
    if (const auto& cue = sv.cue_at[c]; cue && cue->form == CueMatch::Form::kFinite &&
                                        (c + cue->tokens == i - 1 || c + cue->tokens == i - 2))
      cue_end = c + cue->tokens;
  if (cue_end == 0) return i;
  size_t end = i + m.tokens, n = sv.toks.size();
  if (end < n && !is_punct(d, sv.toks[end], ',') && !is_punct(d, sv.toks[end], '.') &&
      !is_punct(d, sv.toks[end], ';'))
    return i;
  auto modifier = [&](size_t k) {  // not "said later officials", "said privately senior officials"
    std::string_view w = word(d, sv.toks[k]);
    return is_lower_word(d, sv.toks[k]) && !sv.cue_at[k] && sv.mention_end_at[k] < 0 && !grammar::is_stopword(w) &&
           !grammar::is_function_word(w) && !(w.size() > 3 && w.substr(w.size() - 2) == "ly") &&
           !one_of(w, {"later", "again", "yesterday", "today", "tonight", "also", "then", "now", "afterwards",
                       "earlier", "recently", "once"});
  };
  for (size_t k = cue_end; k < i; ++k)
    if (!modifier(k)) return i;
  return grammar::is_determiner(word(d, sv.toks[i])) ? i : cue_end;
}

// read_sentence(); with `mentions_only` (a sentence far from every quote),
// cues are matched only where a mention was found, to see whether a cue at
// that token keeps it from being one (as in the full reading), and cue_at
// stays empty.
void read_sentence(Doc& d, const grammar::Sentence& s, bool mentions_only) {
  SentenceView sv = new_view(s);
  grammar::tokenize(d.text, s.range, d.scan, &sv.toks);
  size_t n = sv.toks.size();
  sv.cue_at.resize(n);
  sv.mention_end_at.assign(n, -1);
  sv.mention_start_at.assign(n, -1);
  size_t si = d.sentences.size();
  bool headline = title_case_sentence(d, sv.toks, s.range);
  for (size_t i = 0; i < n; ++i) {
    if (sv.toks[i].kind == Token::Kind::kQuote) {
      d.quote_sentence[sv.toks[i].quote] = si;
      d.quote_token[sv.toks[i].quote] = i;
      continue;
    }
    if (!mentions_only && may_cue(d, sv.toks[i])) sv.cue_at[i] = cue_at_token(d, sv.toks, i, headline);
  }
  auto cue_blocks = [&](size_t i) {  // a cue here (not "according to") is no mention
    if (mentions_only && sv.toks[i].kind != Token::Kind::kQuote && may_cue(d, sv.toks[i]))
      sv.cue_at[i] = cue_at_token(d, sv.toks, i, headline);
    return sv.cue_at[i] && sv.cue_at[i]->form != CueMatch::Form::kPreposition;
  };
  sv.after_dateline = dateline_end(d, sv.toks);
  for (size_t i = sv.after_dateline; i < n; ++i) {
    if (!mentions_only && cue_blocks(i)) continue;
    std::optional<Mention> m;
    if (grammar::may_match_mention(sv.toks[i])) m = grammar::match_mention(d.text, sv.toks, i);
    int antecedent = -1;
    if (!m) m = relative_pronoun(d, sv, i, &antecedent);
    if (!m || (mentions_only && cue_blocks(i))) continue;
    // "Universities Australia, which represents the sector": a name that
    // takes "which" is a body, not a person (no title or honorific says so).
    // Only the mention right before ", which": the relative's look-back past
    // lower-case words ("Sexton said the plan, which …") may cross a verb.
    size_t before = i > 0 && is_punct(d, sv.toks[i - 1], ',') ? i - 1 : i;
    if (antecedent >= 0 && word(d, sv.toks[i]) == "which" && before > 0 &&
        sv.mention_end_at[before - 1] == antecedent) {
      Mention& a = d.mentions[static_cast<size_t>(antecedent)].mention;
      if (a.type == Mention::Type::kPerson && !a.titled && a.gender == Mention::Gender::kUnknown) {
        a.type = Mention::Type::kOrganization;
        a.gender = m->gender = Mention::Gender::kNeuter;
      }
    }
    if (headline && !mentions_only) cut_before_headline_cue(d, sv, i, *m);
    size_t last = i + std::max<size_t>(m->tokens, 1) - 1;
    if (m->type == Mention::Type::kOrganization && before > 0 && before < i && sv.mention_end_at[before - 1] >= 0 &&
        body_in_apposition(d, sv, i, last + 1)) {
      Mention& a = d.mentions[static_cast<size_t>(sv.mention_end_at[before - 1])].mention;
      if (a.type == Mention::Type::kPerson && !a.titled && a.gender == Mention::Gender::kUnknown) {
        a.type = Mention::Type::kOrganization;
        a.gender = Mention::Gender::kNeuter;
      }
    }
    if (m->type == Mention::Type::kPerson && !m->titled && m->gender == Mention::Gender::kUnknown &&
        whose_body_follows(d, sv, last + 1)) {
      m->type = Mention::Type::kOrganization;
      m->gender = Mention::Gender::kNeuter;
    }
    if (joins_body_name(d, sv, i, *m)) {
      // "Fire and Emergency": one body, the mention before "and" grown to it.
      int a = sv.mention_end_at[i - 2];
      grammar::Mention& body = d.mentions[static_cast<size_t>(a)].mention;
      body.range.end = m->range.end;
      body.name.end = m->name.end;
      body.tokens = static_cast<uint16_t>(body.tokens + 1 + m->tokens);
      body.type = Mention::Type::kOrganization;
      body.gender = Mention::Gender::kNeuter;
      sv.mention_end_at[i - 2] = -1;
      sv.mention_end_at[i] = a;
      continue;
    }
    if (size_t from = bare_role_start(d, sv, i, *m); from < i) {
      // "said health officials", "says competition watchdog": the role's
      // modifiers after an inverted cue, with no article (a headline's).
      m->tokens = static_cast<uint16_t>(m->tokens + (i - from));
      m->range.begin = m->name.begin = sv.toks[from].range.begin;
      i = from;
    }
    int idx = static_cast<int>(d.mentions.size());
    d.mentions.push_back({*m, si, i, headline, antecedent});
    sv.mention_start_at[i] = idx;
    sv.mention_end_at[std::min(last, n - 1)] = idx;
    i = last;
  }
  d.sentences.push_back(std::move(sv));
}

}  // namespace

void read_sentence(Doc& d, const grammar::Sentence& s) { read_sentence(d, s, false); }

void read_sentences(Doc& d, const std::vector<grammar::Sentence>& sentences, bool all) {
  d.sentences.reserve(sentences.size());
  // A sentence read holds about six mentions (78k in 13k sentences of the
  // bench corpus): growing the vector from empty cost more than filling it.
  // A guess too low costs one more move.
  d.mentions.reserve(d.mentions.size() + 6 * sentences.size());
  // Sentences near a top-level quote (both lists are in text order); with
  // `all`, every sentence is read in full, and only these are marked near.
  // Bytes, not vector<bool> bits, kept by the thread: an allocation per
  // document and bit arithmetic per sentence showed in the profile.
  thread_local std::vector<unsigned char> near;
  near.assign(sentences.size(), 0);
  {
    auto q = d.scan.quotes.begin();
    for (size_t si = 0; si < sentences.size(); ++si) {
      const grammar::Range r = sentences[si].range;
      while (q != d.scan.quotes.end() && (q->depth != 0 || q->outer.end <= r.begin)) ++q;
      if (q == d.scan.quotes.end() || q->outer.begin >= r.end) continue;
      size_t last = std::min(sentences.size() - 1, si + kAfterSentences);
      for (size_t k = si >= kNearSentences ? si - kNearSentences : 0; k <= last; ++k) near[k] = 1;
    }
  }
  for (size_t si = 0; si < sentences.size(); ++si) {
    const grammar::Sentence& s = sentences[si];
    if (all || near[si] || may_name_entities(d.text.substr(s.range.begin, s.range.size()))) {
      size_t first_mention = d.mentions.size();
      read_sentence(d, s, !all && !near[si]);
      for (size_t m = first_mention; m < d.mentions.size(); ++m) d.mentions[m].near_quote = near[si] != 0;
      if (all || near[si]) continue;
      // Only its mentions are looked at again: the tokens can go.
      SentenceView& sv = d.sentences.back();
      sv.toks.clear();
      sv.cue_at.clear();
      sv.mention_end_at.clear();
      sv.mention_start_at.clear();
      continue;
    }
    d.sentences.push_back(new_view(s));
  }
}

}  // namespace quotient::attribution_detail
