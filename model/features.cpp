#include "features.hpp"

#include <algorithm>
#include <cstring>

#include "hash.hpp"
#include "weight_table.hpp"

namespace quotient::model {
namespace {

enum ScopeBits : uint8_t { kScopeNeg = 1, kScopeContrast = 2, kScopeIntens = 4 };

// Dense row layout.
constexpr float kCountCap = 3.0f;

// Writes features into the room buf.features made for them (see
// FeatureList). The hashing
// parameters, the prefetch target and the write position are locals of
// extract_features(): read through `spec` and `buf`, or pushed with
// push_back(), they were reloaded at every feature, since each store into a
// Feature may alias them.
class HashedFeatures {
 public:
  HashedFeatures(const HashSpec& spec, FeatureBuffers& buf, Feature* next)
      : next_(next),
        row_mask_(spec.num_buckets() - 1),
        sign_mask_(spec.signed_hashing ? 0x80000000u : 0u),
        prefetch_base_(buf.prefetch_base),
        prefetch_slot_bytes_(buf.prefetch_slot_bytes),
        prefetch_shift_(buf.prefetch_shift) {
    std::memcpy(&scale_bits_, &spec.hashed_scale, sizeof scale_bits_);
  }

  inline __attribute__((always_inline)) void push(uint64_t h, FeatureKind kind, uint32_t tok) {
    const auto row = static_cast<uint32_t>(h) & row_mask_;
    // The sign as a bit flip, not a branch: bit 63 is a coin toss per feature,
    // which no branch predictor can learn.
    const uint32_t bits = scale_bits_ ^ (static_cast<uint32_t>(h >> 63) << 31 & sign_mask_);
    float value;
    std::memcpy(&value, &bits, sizeof bits);
    *next_++ = Feature{row, value, kind, tok};
    if (prefetch_base_)
      __builtin_prefetch(prefetch_base_ + size_t{table_home(row, prefetch_shift_)} * prefetch_slot_bytes_);
  }
  // Appends a dense feature (no hashing, nothing to prefetch).
  void push_dense(uint32_t row, float value, uint32_t j) { *next_++ = Feature{row, value, FeatureKind::kDense, j}; }
  Feature* next() const { return next_; }

 private:
  Feature* next_;
  uint32_t row_mask_, sign_mask_, scale_bits_ = 0;
  const char* prefetch_base_;
  uint32_t prefetch_slot_bytes_, prefetch_shift_;
};

// The most features a quote of n tokens can have: six per word (unigram or
// negated, bigram, prefix, contrast, intensified, final clause), the cue and
// every dense row.
size_t max_features(size_t n) { return 6 * n + 1 + kNumDense; }

// Marks negation, contrast and intensifier scope per token; counts negators;
// lists the words the lexicon knows (buf.known); returns the number of words.
int mark_scopes(const Lexicon& lex, FeatureBuffers& buf) {
  // Locals: the byte stores into buf.scope may alias anything, so fields read
  // through buf would be reloaded at every token.
  const Token* toks = buf.tokens.tokens.data();
  const size_t n = buf.tokens.tokens.size();
  uint8_t* scope = buf.scope.data();
  const TokenInfo** infos = buf.info.data();
  bool neg = false, contrast = false, intens = false;
  int words = 0, negators = 0;
  buf.known.clear();
  for (size_t i = 0; i < n; ++i) {
    uint8_t s = 0;
    if (!(toks[i].flags & kTokWord)) {
      neg = intens = false;
      if (toks[i].flags & kTokSentenceEnd) contrast = false;
      scope[i] = 0;
      infos[i] = nullptr;
      continue;
    }
    if (neg) s |= kScopeNeg;
    if (contrast) s |= kScopeContrast;
    if (intens) s |= kScopeIntens;
    scope[i] = s;
    ++words;
    const TokenInfo* info = infos[i] = lex.lookup(toks[i].hash);
    if (!info) { intens = false; continue; }  // no roles
    buf.known.push_back(static_cast<uint32_t>(i));
    uint8_t roles = info->roles;
    if (roles & kRoleNegator) { neg = true; ++negators; }
    if (roles & kRoleContrast) { contrast = true; neg = false; }
    intens = (roles & kRoleIntensifier) != 0;
  }
  buf.dense[kDenseNegators] += static_cast<float>(negators);
  return words;
}

// Index of the first token of the final clause when the quote has more than
// one clause, else the token count (no final-clause features). A clause ends
// at clause punctuation, before a contrast word (but, however, ...) or a
// clause opener (that, because, ...); trailing punctuation is skipped.
uint32_t final_clause_start(const FeatureBuffers& buf) {
  const auto& toks = buf.tokens.tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  constexpr uint8_t opener = kRoleContrast | kRoleClause;
  uint32_t i = n;
  while (i > 0 && !(toks[i - 1].flags & kTokWord)) --i;  // trailing punctuation
  for (; i > 0; --i) {
    const Token& t = toks[i - 1];
    bool boundary = (t.flags & kTokWord) ? (buf.info[i - 1] && (buf.info[i - 1]->roles & opener))
                                         : (t.flags & (kTokClauseEnd | kTokSentenceEnd)) != 0;
    if (boundary) break;
  }
  if (i == 0) return n;
  for (uint32_t j = 0; j + 1 < i; ++j)  // some word must precede the boundary
    if (toks[j].flags & kTokWord) return i;
  return n;
}

void emit_final_clause(HashedFeatures& out, const FeatureBuffers& buf) {
  const Token* toks = buf.tokens.tokens.data();  // locals: the pushes may alias buf
  const uint8_t* scope = buf.scope.data();
  const auto n = static_cast<uint32_t>(buf.tokens.tokens.size());
  for (uint32_t i = buf.final_clause; i < n; ++i)
    if (toks[i].flags & kTokWord)
      out.push(feature_key((scope[i] & kScopeNeg) ? 'o' : 'l', toks[i].hash), FeatureKind::kFinalClause, i);
}

void emit_token_features(HashedFeatures& out, const FeatureBuffers& buf) {
  static const uint64_t start = fnv1a64("<s>");
  const Token* toks = buf.tokens.tokens.data();  // locals: the pushes may alias buf
  const uint8_t* scope = buf.scope.data();
  const auto n = static_cast<uint32_t>(buf.tokens.tokens.size());
  uint64_t prev = start;  // token hash of the previous word in the clause
  for (uint32_t i = 0; i < n; ++i) {
    const uint64_t h = toks[i].hash;
    if (!(toks[i].flags & kTokWord)) {
      if (toks[i].flags & kTokExclaimQuestion) out.push(feature_key('u', h), FeatureKind::kUnigram, i);
      prev = start;
      continue;
    }
    const uint8_t s = scope[i];
    if (s & kScopeNeg) out.push(feature_key('n', h), FeatureKind::kNegated, i);
    else out.push(feature_key('u', h), FeatureKind::kUnigram, i);
    out.push(bigram_key(prev, h), FeatureKind::kBigram, i);
    if (toks[i].norm_size > kPrefixBytes) out.push(feature_key((s & kScopeNeg) ? 'm' : 'p', toks[i].prefix_hash), FeatureKind::kPrefix, i);
    if (s & kScopeContrast) out.push(feature_key('c', h), FeatureKind::kContrast, i);
    if (s & kScopeIntens) out.push(feature_key('i', h), FeatureKind::kIntensified, i);
    prev = h;
  }
}

void add_dense(int j, float v, int entry, FeatureBuffers& buf) {
  buf.dense_rows |= uint32_t{1} << j;
  buf.dense[j] = std::min(buf.dense[j] + v, kCountCap);
  if (buf.dense_entry[j] < 0) buf.dense_entry[j] = entry;
}

// Longest lexicon entry starting at token i, or -1.
int match_at(const Lexicon& lex, const FeatureBuffers& buf, size_t i) {
  const TokenInfo* info = buf.info[i];
  if (!info) return -1;
  const auto& toks = buf.tokens.tokens;
  for (int e : info->entries) {
    const auto& want = lex.entry(e).tokens;
    if (i + want.size() > toks.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < want.size() && ok; ++k)
      ok = (toks[i + k].flags & kTokWord) && toks[i + k].hash == want[k];
    if (ok) return e;
  }
  return -1;
}

// Longest lexicon entries left to right, a matched phrase's tokens consumed.
// Only words the lexicon knows (buf.known) can begin an entry.
void match_lexicon(const Lexicon& lex, FeatureBuffers& buf) {
  float coop = 0;
  size_t next = 0;  // first token not consumed by a match
  for (uint32_t i : buf.known) {
    if (i < next) continue;
    int e = match_at(lex, buf, i);
    if (e < 0) continue;
    const LexiconEntry& en = lex.entry(e);
    bool negated = buf.scope[i] & kScopeNeg;
    add_dense((negated ? kDenseNeg : kDenseLex) + en.cls, 1.0f, e, buf);
    if ((buf.scope[i] & kScopeIntens) && !negated) add_dense(kDenseInt + en.cls, 1.0f, e, buf);
    if (i >= buf.final_clause && !negated) add_dense(kDenseLast + en.cls, 1.0f, e, buf);
    coop += negated ? -0.5f * en.coop : en.coop;
    next = i + en.tokens.size();
  }
  buf.dense[kDenseCoop] = std::clamp(coop, -2.0f, 2.0f);
}

void cue_features(std::string_view cue, const Lexicon& lex, HashedFeatures& out, FeatureBuffers& buf) {
  buf.cue.clear();
  for (char ch : cue) buf.cue += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  if (buf.cue.empty()) return;
  uint64_t t = fnv1a64(buf.cue);
  out.push(feature_key('q', t), FeatureKind::kCue, 0);
  const TokenInfo* info = lex.lookup(t);
  if (!info) return;
  for (int e : info->entries)
    if (lex.entry(e).tokens.size() == 1) return add_dense(kDenseCue + lex.entry(e).cls, 1.0f, e, buf);
}

}  // namespace

const std::vector<std::string>& dense_feature_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const char* p : {"lex:", "lexneg:", "lexint:", "cue:"})
      for (auto c : kRegisterClassNames) v.push_back(p + std::string(c));
    v.insert(v.end(), {"lex:coop", "negators", "short"});
    for (auto c : kRegisterClassNames) v.push_back("lexfinal:" + std::string(c));
    return v;
  }();
  return names;
}

void extract_features(const FeatureInput& in, const HashSpec& spec, const Lexicon& lex, FeatureBuffers& buf) {
  static const std::vector<std::pair<uint32_t, uint32_t>> kNoMasks;
  tokenize(in.text, in.masked ? *in.masked : kNoMasks, buf.tokens);
  const auto& toks = buf.tokens.tokens;
  buf.scope.resize(toks.size());  // mark_scopes() writes every entry of both
  buf.info.resize(toks.size());
  buf.dense.fill(0.0f);
  buf.dense_entry.fill(-1);
  buf.dense_rows = 0;
  const int words = mark_scopes(lex, buf);
  buf.final_clause = final_clause_start(buf);
  Feature* const first = buf.features.room(max_features(toks.size()));
  HashedFeatures hashed(spec, buf, first);
  emit_token_features(hashed, buf);
  emit_final_clause(hashed, buf);
  match_lexicon(lex, buf);
  cue_features(in.cue_lemma, lex, hashed, buf);
  buf.dense[kDenseNegators] = std::min(buf.dense[kDenseNegators], kCountCap);
  buf.dense[kDenseShort] = words <= 3 ? 1.0f : 0.0f;
  // The rows set above and those add_dense() touched, in row order.
  uint32_t rows = buf.dense_rows | 1u << kDenseCoop | 1u << kDenseNegators | 1u << kDenseShort;
  for (; rows != 0; rows &= rows - 1) {
    const auto j = static_cast<uint32_t>(__builtin_ctz(rows));
    if (buf.dense[j] != 0.0f) hashed.push_dense(spec.num_buckets() + j, buf.dense[j], j);
  }
  buf.features.set_size(static_cast<size_t>(hashed.next() - first));
}

namespace {

void append_dense_name(uint32_t j, const FeatureBuffers& buf, const Lexicon& lex, std::string& out) {
  const std::string& base = dense_feature_names()[j];
  int e = buf.dense_entry[j];
  if (e < 0) { out += base; return; }
  const std::string& phrase = lex.entry(e).phrase;
  bool negated = base.rfind("lexneg:", 0) == 0;
  out += negated ? "not \"" : "\"";
  out += phrase;
  out += "\" (";
  out += base;
  out += ')';
}

}  // namespace

void append_feature_name(const Feature& f, const FeatureBuffers& buf, const Lexicon& lex, std::string& out) {
  auto tok = [&](uint32_t i) { return buf.tokens.norm(buf.tokens.tokens[i]); };
  auto wrap = [&](const char* op, std::string_view w) {
    out += op;
    out += '(';
    out += w;
    out += ')';
  };
  switch (f.kind) {
    case FeatureKind::kUnigram: out += tok(f.token); return;
    case FeatureKind::kNegated: return wrap("NOT", tok(f.token));
    case FeatureKind::kPrefix: {
      bool neg = buf.scope[f.token] & kScopeNeg;
      if (neg) out += "NOT(";
      out += tok(f.token).substr(0, prefix_bytes(tok(f.token)));
      out += '*';
      if (neg) out += ')';
      return;
    }
    case FeatureKind::kBigram: {
      uint32_t i = f.token;
      bool first = i == 0 || !(buf.tokens.tokens[i - 1].flags & kTokWord);
      out += first ? std::string_view("<s>") : tok(i - 1);
      out += ' ';
      out += tok(i);
      return;
    }
    case FeatureKind::kContrast: return wrap("BUT", tok(f.token));
    case FeatureKind::kFinalClause:
      if (buf.scope[f.token] & kScopeNeg) {
        out += "FINAL(NOT(";
        out += tok(f.token);
        out += "))";
        return;
      }
      return wrap("FINAL", tok(f.token));
    case FeatureKind::kIntensified: return wrap("VERY", tok(f.token));
    case FeatureKind::kCue: out += "cue:"; out += buf.cue; return;
    case FeatureKind::kDense: return append_dense_name(f.token, buf, lex, out);
  }
}

std::string feature_name(const Feature& f, const FeatureBuffers& buf, const Lexicon& lex) {
  std::string out;
  append_feature_name(f, buf, lex, out);
  return out;
}

}  // namespace quotient::model
