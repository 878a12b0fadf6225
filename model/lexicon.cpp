#include "lexicon.hpp"

#include <algorithm>
#include <cmath>

#include "hash.hpp"
#include "tokenizer.hpp"

namespace quotient::data {
extern const std::string_view tone_register_lexicon;
}

namespace quotient::model {
namespace {

constexpr std::string_view kNegators[] = {"not", "no", "never", "n't", "without", "nor", "neither",
                                          "cannot", "none", "nothing", "nobody", "hardly", "barely",
                                          "lack", "lacks", "lacking", "lacked"};
constexpr std::string_view kContrast[] = {"but", "however", "yet", "nevertheless", "nonetheless",
                                          "although", "though", "whereas"};
// Words that open a new clause without punctuation ("... very clear that
// China continues to ..."); with contrast words and clause punctuation they
// delimit the final clause (features.hpp).
constexpr std::string_view kClauseOpeners[] = {"that", "because", "while", "which", "since", "unless", "whether"};
constexpr std::string_view kIntensifiers[] = {
    "very", "deeply", "strongly", "firmly", "extremely", "highly", "gravely", "seriously",
    "absolutely", "totally", "completely", "utterly", "so", "really", "particularly",
    "especially", "truly", "fully", "greatly", "most", "profoundly", "resolutely", "entirely"};

Status line_error(std::string_view name, size_t line, std::string msg) {
  Status s = make_error(ErrorCode::kBadData, std::move(msg), std::string(name));
  s.line = line;
  return s;
}

// Parses one non-comment line into `e`; returns an error message or "".
std::string parse_line(std::string_view line, LexiconEntry& e, TokenBuffer& buf) {
  size_t t1 = line.find('\t');
  size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
  if (t2 == std::string_view::npos) return "expected <class>\\t<coop>\\t<phrase>";
  e.cls = register_class_index(line.substr(0, t1));
  if (e.cls < 0) return "unknown class '" + std::string(line.substr(0, t1)) + "'";
  std::string coop(line.substr(t1 + 1, t2 - t1 - 1));
  char* end = nullptr;
  e.coop = std::strtof(coop.c_str(), &end);
  if (end == coop.c_str() || *end != '\0' || !(std::fabs(e.coop) <= 1.0f)) return "bad coop '" + coop + "'";
  e.phrase = std::string(line.substr(t2 + 1));
  tokenize(e.phrase, {}, buf);
  for (const Token& t : buf.tokens)
    if (t.flags & kTokWord) e.tokens.push_back(fnv1a64(buf.norm(t)));
  return e.tokens.empty() ? "empty phrase" : "";
}

}  // namespace

int register_class_index(std::string_view name) {
  for (int i = 0; i < kRegisterClasses; ++i)
    if (kRegisterClassNames[i] == name) return i;
  return -1;
}

Result<Lexicon> Lexicon::parse(std::string_view text, std::string_view name) {
  Lexicon lex;
  lex.text_hash_ = fnv1a64(text);
  TokenBuffer buf;
  size_t line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    LexiconEntry e;
    std::string err = parse_line(line, e, buf);
    if (!err.empty()) return line_error(name, line_no, err);
    lex.entries_.push_back(std::move(e));
  }
  for (size_t i = 0; i < lex.entries_.size(); ++i)
    lex.index_[lex.entries_[i].tokens[0]].entries.push_back(static_cast<int>(i));
  for (auto& [h, info] : lex.index_)
    std::stable_sort(info.entries.begin(), info.entries.end(), [&](int a, int b) {
      return lex.entry(a).tokens.size() > lex.entry(b).tokens.size();
    });
  lex.add_roles();
  return lex;
}

void Lexicon::add_roles() {
  for (auto w : kNegators) index_[fnv1a64(w)].roles |= kRoleNegator;
  for (auto w : kContrast) index_[fnv1a64(w)].roles |= kRoleContrast;
  for (auto w : kIntensifiers) index_[fnv1a64(w)].roles |= kRoleIntensifier;
  for (auto w : kClauseOpeners) index_[fnv1a64(w)].roles |= kRoleClause;
  build_filter();
}

void Lexicon::build_filter() {
  size_t n = 16;
  while (n < 2 * index_.size()) n *= 2;
  slots_.assign(n, {0, -1});
  slot_mask_ = n - 1;
  infos_.clear();
  for (const auto& [h, info] : index_) {
    auto bit = static_cast<uint32_t>(h >> 48);
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
    size_t i = mix64(h) & slot_mask_;
    while (slots_[i].second >= 0) i = (i + 1) & slot_mask_;
    slots_[i] = {h, static_cast<int32_t>(infos_.size())};
    infos_.push_back(info);
  }
}

const Lexicon& Lexicon::builtin() {
  static const Lexicon lex = [] {
    auto r = parse(data::tone_register_lexicon, "data/tone/register_lexicon.tsv");
    if (r.ok()) return std::move(r).value();
    Lexicon empty;  // unreachable when the unit tests pass
    empty.add_roles();
    return empty;
  }();
  return lex;
}

}  // namespace quotient::model
