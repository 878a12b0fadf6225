// tokenizer.hpp — byte-level tokenizer for tone features.
//
// Splits UTF-8 text into lower-cased word tokens and punctuation marks:
//   "We’ve NOT been 100% sure—Mr X said" with X masked ->
//   we 've not been <num> sure — <ent> said
// Rules (documented because the model's weights depend on them; bump
// kExtractorVersion in features.hpp when any of them changes):
//   * ASCII letters are lower-cased; other UTF-8 bytes are kept as letters,
//     except U+2018/2019 (apostrophes), U+201C/201D (quote marks, skipped),
//     U+2013/2014 (dashes) and U+2026 (ellipsis), which are clause punctuation.
//   * Inside a word, ’ and ' become ', hyphens are dropped ("co-operation" ->
//     "cooperation"), and "." / "," between digits are kept.
//   * Clitics split off: "don't" -> do n't; "we've" -> we 've ('s 've 're 'll 'd 'm).
//   * A token starting with a digit becomes "<num>".
//   * Each masked [begin, end) byte range becomes one "<ent>" token.
//   * , ; : ( ) – — … end a clause; . ! ? end a sentence (both end scopes).
// Each token also carries the FNV-1a 64 hash of its normalized form (hash.hpp)
// and of that form's prefix_bytes() prefix, computed while the word is scanned
// (one pass over the bytes for an all-ASCII word).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quotient::model {

enum TokenFlags : uint8_t {
  kTokWord = 1,         // a word, <num> or <ent>
  kTokClauseEnd = 2,    // clause punctuation
  kTokSentenceEnd = 4,  // sentence punctuation (also a clause end)
  kTokEntity = 8,       // a masked entity
  kTokExclaimQuestion = 16,  // "!" or "?" (a unigram feature of its own)
  kTokInSource = 32,    // the normalized form is the source bytes themselves
  kTokFixedForm = 64,   // the normalized form is in kFixedForms ("<num>", "<ent>", "-", "...")
};

// The normalized forms that are neither source bytes nor a word's own:
// tokens of these point into this string instead of copying it to
// TokenBuffer::chars.
inline constexpr std::string_view kFixedForms = "<num><ent>-...";

// One token: where it came from and its normalized form (in TokenBuffer::chars,
// or, with kTokInSource, the source text itself, which needs no copy, or,
// with kTokFixedForm, kFixedForms).
struct Token {
  uint64_t hash = 0;         // fnv1a64 of the normalized form
  uint64_t prefix_hash = 0;  // fnv1a64 of its first prefix_bytes() bytes (= hash when it is that short)
  uint32_t begin = 0;       // source byte offset, inclusive
  uint32_t end = 0;         // source byte offset, exclusive
  uint32_t norm_begin = 0;  // offset of the normalized form in chars (or in the source)
  uint32_t norm_size = 0;
  uint8_t flags = 0;
};

// Words longer than this also get a feature for their first kPrefixBytes
// bytes (a crude stem: "criticised", "criticism" -> "critic*"), cut back to
// the last whole UTF-8 character (prefix_bytes()).
inline constexpr uint32_t kPrefixBytes = 6;

// Bytes of `w`'s prefix feature: kPrefixBytes, less any bytes of a character
// that kPrefixBytes would cut; w.size() when w is not longer than kPrefixBytes.
inline size_t prefix_bytes(std::string_view w) {
  if (w.size() <= kPrefixBytes) return w.size();
  size_t k = kPrefixBytes;
  while (k > 0 && (static_cast<unsigned char>(w[k]) & 0xC0) == 0x80) --k;
  return k;
}

// Reusable output of tokenize(); keep one per thread to avoid allocations.
struct TokenBuffer {
  std::vector<Token> tokens;
  std::string chars;  // normalized forms, back to back
  std::vector<std::pair<uint32_t, uint32_t>> masked;  // sorted copy of masks
  std::string word;   // scratch for the word being normalized
  std::string_view source;  // the text last tokenized (not owned)

  // The normalized form of `t`. Precondition: the text passed to tokenize()
  // is still alive (already-normal words are views into it).
  std::string_view norm(const Token& t) const {
    const std::string_view from = (t.flags & kTokInSource) ? source : (t.flags & kTokFixedForm) ? kFixedForms : chars;
    return from.substr(t.norm_begin, t.norm_size);
  }
  void clear() {
    tokens.clear();
    chars.clear();
    masked.clear();
  }
};

// Tokenizes `text` into `out` (cleared first). Masked ranges outside the text
// or with end <= begin are ignored; overlapping ones are merged. `out` keeps a
// view of `text`: it must outlive the use of out.norm().
void tokenize(std::string_view text,
              const std::vector<std::pair<uint32_t, uint32_t>>& masked,
              TokenBuffer& out);

}  // namespace quotient::model
