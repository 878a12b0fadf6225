// lexicon.hpp — the diplomatic-register lexicon and the function-word roles
// (negators, contrast markers, intensifiers) the feature extractor needs.
//
// The lexicon is text we wrote (data/tone/register_lexicon.tsv), compiled into
// the library with quotient_embed(), so no data directory is needed at run
// time. Format, one entry a line, '#' starts a comment line:
//   <class>\t<coop>\t<phrase>
// class is one of constructive, pragmatic, neutral, critical; coop is the
// phrase's prior cooperation score in [-1, 1]; phrase is one or more words,
// tokenized like quote text (so "co-operation" and "cooperation" match).
//
//   const Lexicon& lex = Lexicon::builtin();
//   const TokenInfo* info = lex.lookup(fnv1a64("constructive"));
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hash.hpp"
#include "status.hpp"

namespace quotient::model {

// The four register classes, in this fixed order (also the default model order).
inline constexpr int kRegisterClasses = 4;
inline constexpr std::string_view kRegisterClassNames[kRegisterClasses] = {
    "constructive", "pragmatic", "neutral", "critical"};

// Index of a register class name, or -1.
int register_class_index(std::string_view name);

struct LexiconEntry {
  std::vector<uint64_t> tokens;  // fnv1a64 of each normalized token
  std::string phrase;            // as written in the lexicon
  int cls = 0;                   // register class index
  float coop = 0;                // prior coop in [-1, 1]
};

enum TokenRole : uint8_t {
  kRoleNegator = 1,     // not, no, never, n't, without, ...
  kRoleContrast = 2,    // but, however, yet, ...
  kRoleIntensifier = 4, // very, deeply, firmly, ...
  kRoleClause = 8,      // that, because, while, ...: starts a (sub)clause
};

// What the lexicon knows about one token: its roles and the entries that
// start with it (longest first).
struct TokenInfo {
  uint8_t roles = 0;
  std::vector<int> entries;
};

class Lexicon {
 public:
  // Parses lexicon text. `name` is used in error messages (file name).
  static Result<Lexicon> parse(std::string_view text, std::string_view name);
  // The compiled-in lexicon (data/tone/register_lexicon.tsv). Parsed once,
  // thread-safe; it is validated by the unit tests, so it cannot fail here.
  static const Lexicon& builtin();

  // Info for a token hash, or nullptr when the token is unknown.
  const TokenInfo* lookup(uint64_t token_hash) const {
    uint32_t bit = static_cast<uint32_t>(token_hash >> 48);  // cheap reject of unknown tokens
    if (!(filter_[bit >> 6] >> (bit & 63) & 1)) return nullptr;
    for (size_t i = mix64(token_hash) & slot_mask_;; i = (i + 1) & slot_mask_) {  // linear probing
      const auto& [h, info] = slots_[i];
      if (h == token_hash && info >= 0) return &infos_[static_cast<size_t>(info)];
      if (info < 0) return nullptr;
    }
  }
  const LexiconEntry& entry(int i) const { return entries_[static_cast<size_t>(i)]; }
  size_t size() const { return entries_.size(); }
  // FNV-1a 64 of the lexicon text; recorded in model files.
  uint64_t text_hash() const { return text_hash_; }

 private:
  void add_roles();
  std::vector<LexiconEntry> entries_;
  std::unordered_map<uint64_t, TokenInfo> index_;
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(1024, 0);  // 65536-bit presence filter on hash >> 48
  // index_ flattened for lookup(): an open-addressing table of (token hash,
  // position in infos_, -1 = empty), at most half full.
  std::vector<TokenInfo> infos_;
  std::vector<std::pair<uint64_t, int32_t>> slots_;
  size_t slot_mask_ = 0;
  void build_filter();
  uint64_t text_hash_ = 0;
};

}  // namespace quotient::model
