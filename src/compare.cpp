#include "compare.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace quotient::compare {
namespace {

using model::ErrorCode;
using model::make_error;

// --- A small, portable generator (splitmix64) --------------------------

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n) for n < 2^32 (multiply-shift; bias below 2^-32 · n).
  size_t below(size_t n) { return static_cast<size_t>(((next() >> 32) * n) >> 32); }

 private:
  uint64_t state_;
};

uint64_t fnv1a(const std::vector<std::string>& parts) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (const std::string& p : parts) {
    for (unsigned char c : p) h = (h ^ c) * 0x100000001B3ull;
    h = (h ^ 0x1F) * 0x100000001B3ull;  // separator
  }
  return h;
}

// Linear-interpolated quantile of sorted values, q in [0, 1].
double quantile(const std::vector<double>& sorted, double q) {
  double pos = q * static_cast<double>(sorted.size() - 1);
  size_t lo = static_cast<size_t>(std::floor(pos));
  size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

// --- Dates -----------------------------------------------------------------

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

struct Ymd {
  long y;
  unsigned m, d;
};

std::optional<Ymd> parse_date(const std::string& s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  Ymd v{std::stol(s.substr(0, 4)), static_cast<unsigned>(std::stoul(s.substr(5, 2))),
        static_cast<unsigned>(std::stoul(s.substr(8, 2)))};
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (v.m < 1 || v.m > 12 || v.d < 1) return std::nullopt;
  if (v.d > kDays[v.m - 1] + (v.m == 2 && leap(v.y))) return std::nullopt;
  return v;
}

// "YYYY-Www": the ISO 8601 week (Monday first; week 1 holds the first Thursday).
std::string iso_week(const Ymd& v) {
  long days = days_from_civil(v.y, v.m, v.d);
  long weekday = ((days % 7) + 7 + 3) % 7;        // 0 = Monday (1970-01-01 was a Thursday)
  long thursday = days - weekday + 3;             // the Thursday of this week decides the year
  long year = v.y;
  if (thursday < days_from_civil(year, 1, 1)) --year;
  else if (thursday >= days_from_civil(year + 1, 1, 1)) ++year;
  long week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04ld-W%02ld", year, week);
  return buf;
}

// --- Sides file --------------------------------------------------------

Status line_error(const std::string& path, uint64_t line, std::string message) {
  Status s = make_error(ErrorCode::kBadData, std::move(message), path);
  s.line = line;
  return s;
}

// Parses one non-blank sides line into *map; an error Status on a bad line.
Status add_side_line(const std::string& line, const std::string& path, uint64_t line_no, SideMap* map) {
  size_t tab = line.find('\t');
  if (tab == std::string::npos)
    return line_error(path, line_no, "expected 'speaker<TAB>side', found no tab");
  if (line.find('\t', tab + 1) != std::string::npos)
    return line_error(path, line_no, "expected two columns 'speaker<TAB>side', found more");
  std::string name = line.substr(0, tab), side = line.substr(tab + 1);
  if (name.empty()) return line_error(path, line_no, "empty speaker name");
  if (side.empty()) return line_error(path, line_no, "empty side for '" + name + "'");
  auto [it, inserted] = map->side_of.emplace(name, side);
  if (!inserted && it->second != side)
    return line_error(path, line_no, "'" + name + "' is already on side '" + it->second + "'");
  if (std::find(map->sides.begin(), map->sides.end(), side) == map->sides.end()) map->sides.push_back(side);
  return {};
}

// --- Records -----------------------------------------------------------

template <class Message>
bool parse_json(const std::string& line, Message* m, bool ignore_unknown) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = ignore_unknown;
  return google::protobuf::util::JsonStringToMessage(line, m, options).ok();
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

// --- Keys ----------------------------------------------------------------

std::optional<GroupKey> parse_group_key(const std::string& name) {
  static const std::pair<const char*, GroupKey> kKeys[] = {
      {"speaker", GroupKey::kSpeaker}, {"side", GroupKey::kSide},   {"outlet", GroupKey::kOutlet},
      {"document", GroupKey::kDocument}, {"day", GroupKey::kDay}, {"week", GroupKey::kWeek},
      {"month", GroupKey::kMonth}};
  for (const auto& [n, k] : kKeys)
    if (name == n) return k;
  return std::nullopt;
}

const char* group_key_name(GroupKey key) {
  switch (key) {
    case GroupKey::kSpeaker: return "speaker";
    case GroupKey::kSide: return "side";
    case GroupKey::kOutlet: return "outlet";
    case GroupKey::kDocument: return "document";
    case GroupKey::kDay: return "day";
    case GroupKey::kWeek: return "week";
    case GroupKey::kMonth: return "month";
  }
  return "?";
}

bool is_period(GroupKey key) {
  return key == GroupKey::kDay || key == GroupKey::kWeek || key == GroupKey::kMonth;
}

std::string period_of(const std::string& date, GroupKey key) {
  std::optional<Ymd> v = parse_date(date);
  if (!v || !is_period(key)) return "";
  if (key == GroupKey::kDay) return date.substr(0, 10);
  if (key == GroupKey::kMonth) return date.substr(0, 7);
  return iso_week(*v);
}

// --- Sides ---------------------------------------------------------------

const std::string* SideMap::find(const Speaker& speaker) const {
  for (const std::string* s : {&speaker.name(), &speaker.mention()}) {
    if (s->empty()) continue;
    auto it = side_of.find(*s);
    if (it != side_of.end()) return &it->second;
  }
  return nullptr;
}

Result<SideMap> parse_sides(const std::string& text, const std::string& path) {
  SideMap map;
  std::istringstream in(text);
  std::string line;
  for (uint64_t line_no = 1; std::getline(in, line); ++line_no) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (blank(line) || line[0] == '#') continue;
    if (Status s = add_side_line(line, path, line_no, &map); !s.ok()) return s;
  }
  if (map.side_of.empty()) return make_error(ErrorCode::kBadData, "no 'speaker<TAB>side' lines", path);
  return map;
}

Result<SideMap> load_sides(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot open sides file", path);
  std::ostringstream text;
  text << in.rdbuf();
  return parse_sides(text.str(), path);
}

// --- Config ----------------------------------------------------------------

std::string CompareConfig::validate() const {
  if (keys.empty() || keys.size() > 2) return "group by one or two keys";
  if (keys.size() == 2 && keys[0] == keys[1]) return "the two grouping keys must differ";
  if (!(confidence > 0 && confidence < 1)) return "the interval's confidence must be in (0, 1)";
  if (bootstrap > 1000000 || permutations > 10000000) return "too many resamples";
  return "";
}

std::string GroupStats::label() const {
  std::string s;
  for (size_t i = 0; i < key.size(); ++i) s += (i ? " \xC2\xB7 " : "") + key[i];
  return s;
}

// --- Statistics --------------------------------------------------------------

double mean(const std::vector<double>& values) {
  double sum = 0;
  for (double v : values) sum += v;
  return values.empty() ? 0 : sum / static_cast<double>(values.size());
}

std::pair<double, double> bootstrap_interval(const std::vector<double>& values, size_t resamples,
                                             double confidence, uint64_t seed) {
  double m = mean(values);
  if (resamples == 0 || values.size() < 2) return {m, m};
  Rng rng(seed);
  std::vector<double> means(resamples);
  for (double& out : means) {
    double sum = 0;
    for (size_t i = 0; i < values.size(); ++i) sum += values[rng.below(values.size())];
    out = sum / static_cast<double>(values.size());
  }
  std::sort(means.begin(), means.end());
  double tail = (1 - confidence) / 2;
  return {quantile(means, tail), quantile(means, 1 - tail)};
}

double permutation_p_value(const std::vector<double>& a, const std::vector<double>& b,
                           size_t permutations, uint64_t seed) {
  if (a.empty() || b.empty() || permutations == 0) return 1;
  std::vector<double> pool(a);
  pool.insert(pool.end(), b.begin(), b.end());
  double observed = std::fabs(mean(a) - mean(b)), total = 0;
  for (double v : pool) total += v;
  const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  Rng rng(seed);
  size_t hits = 0;
  for (size_t p = 0; p < permutations; ++p) {
    double sum_a = 0;  // partial Fisher–Yates: the first |a| slots are group a
    for (size_t i = 0; i < a.size(); ++i) {
      std::swap(pool[i], pool[i + rng.below(pool.size() - i)]);
      sum_a += pool[i];
    }
    double d = std::fabs(sum_a / na - (total - sum_a) / nb);
    hits += d >= observed - 1e-12;
  }
  return static_cast<double>(hits + 1) / static_cast<double>(permutations + 1);
}

// --- Comparer ----------------------------------------------------------------

struct Comparer::Group {
  std::vector<double> coop;
  std::map<std::string, size_t> labels;
  std::map<std::pair<std::string, std::string>, EvidenceSum> evidence;
  QuoteRef best, worst;
  size_t order = 0;  // first appearance, for ties
};

Comparer::Comparer(CompareConfig config, const SideMap* sides) : config_(std::move(config)), sides_(sides) {
  totals_.config = config_;
}

Comparer::~Comparer() = default;

std::optional<std::string> Comparer::key_value(GroupKey key, const QuoteRecord& q, const DocInfo* doc,
                                               std::string* reason) {
  switch (key) {
    case GroupKey::kSpeaker:
      if (q.speaker().name().empty()) return *reason = "no speaker", std::nullopt;
      return q.speaker().name();
    case GroupKey::kSide: {
      const std::string* side = sides_ ? sides_->find(q.speaker()) : nullptr;
      if (side) return *side;
      if (!q.speaker().name().empty()) ++totals_.unmatched_speakers[q.speaker().name()];
      return *reason = q.speaker().name().empty() ? "no speaker" : "speaker not in sides file", std::nullopt;
    }
    case GroupKey::kOutlet:
      if (!doc || doc->outlet.empty()) return *reason = "no outlet", std::nullopt;
      return doc->outlet;
    case GroupKey::kDocument: return q.doc_id();
    default: break;
  }
  if (!doc || doc->date.empty()) return *reason = "no date", std::nullopt;
  std::string period = period_of(doc->date, key);
  if (period.empty()) return *reason = "bad date", std::nullopt;
  return period;
}

void Comparer::note_labels(const Tone& tone) {
  std::vector<std::string>& labels = totals_.labels;
  for (const ClassScore& s : tone.scores())
    if (std::find(labels.begin(), labels.end(), s.label()) == labels.end()) labels.push_back(s.label());
  if (std::find(labels.begin(), labels.end(), tone.label()) == labels.end()) labels.push_back(tone.label());
}

void Comparer::add(const QuoteRecord& q, const DocInfo* doc) {
  ++totals_.quotes_read;
  if (q.kind() != QuoteRecord::SPEECH) return void(++totals_.excluded["not speech"]);
  if (q.tone().label().empty()) return void(++totals_.excluded["no tone"]);
  std::vector<std::string> key;
  std::string reason;
  for (GroupKey k : config_.keys) {
    std::optional<std::string> v = key_value(k, q, doc, &reason);
    if (!v) return void(++totals_.excluded[reason]);
    key.push_back(std::move(*v));
  }
  note_labels(q.tone());
  ++totals_.quotes_counted;
  bool fresh = !groups_.count(key);
  Group& g = groups_[key];
  if (fresh) g.order = groups_.size();
  QuoteRef ref{q.doc_id(), q.text(), q.speaker().name(), q.index(), q.tone().coop()};
  if (g.coop.empty() || ref.coop > g.best.coop) g.best = ref;
  if (g.coop.empty() || ref.coop < g.worst.coop) g.worst = ref;
  g.coop.push_back(q.tone().coop());
  ++g.labels[q.tone().label()];
  for (const Evidence& e : q.tone().evidence()) {
    EvidenceSum& sum = g.evidence[{e.feature(), e.label()}];
    sum.feature = e.feature();
    sum.label = e.label();
    sum.weight += e.weight();
    ++sum.quotes;
  }
}

void Comparer::add(const DocumentResult& result, const DocInfo* doc) {
  for (const QuoteRecord& q : result.quotes()) add(q, doc);
}

namespace {

std::vector<EvidenceSum> top_evidence(const std::map<std::pair<std::string, std::string>, EvidenceSum>& all,
                                      size_t k) {
  std::vector<EvidenceSum> v;
  v.reserve(all.size());
  for (const auto& [key, e] : all) v.push_back(e);
  std::stable_sort(v.begin(), v.end(), [](const EvidenceSum& a, const EvidenceSum& b) { return a.weight > b.weight; });
  if (v.size() > k) v.resize(k);
  return v;
}

// Rank of a key value for ordering groups: sides by the file, else 0.
size_t side_rank(const SideMap* sides, const std::string& side) {
  if (!sides) return 0;
  auto it = std::find(sides->sides.begin(), sides->sides.end(), side);
  return static_cast<size_t>(it - sides->sides.begin());
}

}  // namespace

Comparison Comparer::finish() const {
  Comparison c = totals_;
  for (const auto& [key, g] : groups_) {
    GroupStats s;
    s.key = key;
    s.quotes = g.coop.size();
    s.mean_coop = mean(g.coop);
    std::tie(s.ci_low, s.ci_high) =
        bootstrap_interval(g.coop, config_.bootstrap, config_.confidence, config_.seed ^ fnv1a(key));
    for (const std::string& l : c.labels) {
      auto it = g.labels.find(l);
      s.label_shares.push_back(it == g.labels.end() ? 0 : static_cast<double>(it->second) / s.quotes);
    }
    s.evidence = top_evidence(g.evidence, config_.top_evidence);
    s.most_constructive = g.best;
    s.most_critical = g.worst;
    c.groups.push_back(std::move(s));
  }
  // Order: per key, sides by file order and periods by time (map order);
  // the other keys by most quotes first. Ties keep the key's sort order.
  std::map<std::string, size_t> count_of[2];
  for (const GroupStats& s : c.groups)
    for (size_t i = 0; i < s.key.size(); ++i) count_of[i][s.key[i]] += s.quotes;
  auto rank = [&](const GroupStats& s, size_t i) -> long {
    GroupKey k = config_.keys[i];
    if (k == GroupKey::kSide) return static_cast<long>(side_rank(sides_, s.key[i]));
    if (is_period(k)) return 0;
    return -static_cast<long>(count_of[i].at(s.key[i]));
  };
  std::stable_sort(c.groups.begin(), c.groups.end(), [&](const GroupStats& a, const GroupStats& b) {
    for (size_t i = 0; i < a.key.size(); ++i) {
      long ra = rank(a, i), rb = rank(b, i);
      if (ra != rb) return ra < rb;
      if (a.key[i] != b.key[i]) return a.key[i] < b.key[i];
    }
    return false;
  });
  if (c.groups.size() == 2 && config_.permutations > 0) {
    const GroupStats &a = c.groups[0], &b = c.groups[1];
    Difference d{a.label(), b.label(), a.mean_coop - b.mean_coop, 1, config_.permutations};
    d.p_value = permutation_p_value(groups_.at(a.key).coop, groups_.at(b.key).coop, config_.permutations,
                                    config_.seed ^ 0x5045524Dull);
    c.difference = d;
  }
  return c;
}

// --- Record inputs -------------------------------------------------------

LineKind sniff_jsonl_line(const std::string& line) {
  DocumentResult r;
  if (parse_json(line, &r, false)) return LineKind::kDocumentResult;
  QuoteRecord q;
  if (parse_json(line, &q, false)) return LineKind::kQuoteRecord;
  Document d;
  if (parse_json(line, &d, true) && !d.id().empty()) return LineKind::kDocument;
  return LineKind::kUnknown;
}

namespace {

// A JSONL record line as a DocumentResult (a QuoteRecord line becomes a
// result holding that one quote); false when it is neither. Strict parses
// first; unknown fields (from a newer writer) are tolerated after that.
bool parse_record_line(const std::string& line, DocumentResult* r) {
  r->Clear();
  if (parse_json(line, r->add_quotes(), false)) return r->set_doc_id(r->quotes(0).doc_id()), true;
  r->Clear();
  if (parse_json(line, r, false)) return true;
  r->Clear();
  bool result = line.find("\"quotes\"") != std::string::npos || line.find("\"status\"") != std::string::npos;
  if (result) return parse_json(line, r, true) && !r->doc_id().empty();
  if (!parse_json(line, r->add_quotes(), true) || r->quotes(0).doc_id().empty()) return false;
  r->set_doc_id(r->quotes(0).doc_id());
  return true;
}

}  // namespace

Status read_record_jsonl(std::istream& in, const std::string& path, const ResultSink& sink,
                         const ProblemSink& problem) {
  std::string line;
  DocumentResult r;
  for (uint64_t line_no = 1; std::getline(in, line); ++line_no) {
    if (blank(line)) continue;
    if (parse_record_line(line, &r)) sink(r);
    else problem(line_error(path, line_no, "not a QuoteRecord or DocumentResult JSON line"));
  }
  if (in.bad()) return make_error(ErrorCode::kIo, "read error", path);
  return {};
}

Status read_record_pb(std::istream& in, const std::string& path, const ResultSink& sink) {
  google::protobuf::io::IstreamInputStream raw(&in);
  DocumentResult r;
  for (;;) {
    const void* data = nullptr;
    int size = 0;
    if (!raw.Next(&data, &size)) break;  // end of stream
    raw.BackUp(size);
    uint64_t offset = static_cast<uint64_t>(raw.ByteCount());
    google::protobuf::io::CodedInputStream coded(&raw);  // one per message: no total-size limit
    uint32_t length = 0;
    bool ok = coded.ReadVarint32(&length) && length <= static_cast<uint32_t>(INT32_MAX);
    if (ok) {
      int start = coded.CurrentPosition();
      auto limit = coded.PushLimit(static_cast<int>(length));
      ok = r.ParseFromCodedStream(&coded) && coded.CurrentPosition() - start == static_cast<int>(length);
      coded.PopLimit(limit);
    }
    if (!ok) {
      Status s = make_error(ErrorCode::kParse, "corrupt or truncated DocumentResult", path);
      s.offset = offset;
      return s;
    }
    sink(r);
  }
  if (in.bad()) return make_error(ErrorCode::kIo, "read error", path);
  return {};
}

}  // namespace quotient::compare
