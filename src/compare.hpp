// compare.hpp — tone compared across groups of quotes: by speaker, side,
// outlet, document or period, or two of these at once.
//
//   CompareConfig config;
//   config.keys = {GroupKey::kSide};
//   auto sides = load_sides("sides.tsv");          // name<TAB>side per line
//   if (!sides) { ... sides.status().to_string() ... }
//   Comparer comparer(config, &sides.value());
//   comparer.add(result, &doc_info);               // every DocumentResult
//   Comparison c = comparer.finish();              // groups, intervals, p-value
//
// Only SPEECH quotes with a tone label count. Per group: the number of
// quotes, the mean cooperation score (Tone.coop) with a percentile bootstrap
// interval, the share of each tone label, the evidence features with the
// largest summed weight, and the most constructive and most critical quote.
// With exactly two groups, the difference of their means and a two-sided
// permutation-test p-value. All resampling uses our own generator seeded
// from `CompareConfig::seed` and the group's key, so a run is reproducible
// on any platform and a group's interval does not depend on the others.
//
// Record inputs (QuoteRecord JSONL, DocumentResult JSONL, the pb stream) are
// parsed here too; running the pipeline on documents is the caller's job.
// Nothing here prints or exits: problems are Status values with file and line.
#ifndef QUOTIENT_SRC_COMPARE_HPP_
#define QUOTIENT_SRC_COMPARE_HPP_

#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/status.hpp"
#include "quote.pb.h"

namespace quotient::compare {

using model::Result;
using model::Status;

// What a quote is grouped by. The periods need Document.date (YYYY-MM-DD).
enum class GroupKey { kSpeaker, kSide, kOutlet, kDocument, kDay, kWeek, kMonth };

// "speaker" → kSpeaker, …; nullopt for an unknown name.
std::optional<GroupKey> parse_group_key(const std::string& name);
const char* group_key_name(GroupKey key);
bool is_period(GroupKey key);

// The period of an ISO date ("2024-10-18", also with a time after it):
// "2024-10-18" (day), "2024-W42" (ISO week), "2024-10" (month). Empty when
// `date` is not a valid date or `key` is not a period.
std::string period_of(const std::string& date, GroupKey key);

// A speaker → side mapping, from a two-column TSV file (name<TAB>side). A
// quote's side is that of its speaker's canonical name, else of its mention,
// matched exactly (case-sensitive). Sides keep the file's order.
struct SideMap {
  std::unordered_map<std::string, std::string> side_of;  // speaker → side
  std::vector<std::string> sides;                         // distinct sides, file order

  // The side of a speaker (name first, then mention); nullptr if neither is listed.
  const std::string* find(const Speaker& speaker) const;
};

// Parses sides-file text. Blank lines and lines starting with '#' are
// skipped; a trailing '\r' is ignored. Errors (with `path` and the 1-based
// line): no tab, more than two columns, an empty name or side, a name given
// two different sides.
Result<SideMap> parse_sides(const std::string& text, const std::string& path);
Result<SideMap> load_sides(const std::string& path);

// What the comparison knows about a document besides its quotes.
struct DocInfo {
  std::string outlet, date;
};

struct CompareConfig {
  std::vector<GroupKey> keys = {GroupKey::kSpeaker};  // one or two
  uint64_t seed = 20241018;        // for the bootstrap and the permutations
  size_t bootstrap = 2000;         // bootstrap resamples per group (0: no interval)
  size_t permutations = 10000;     // permutations for the two-group test (0: no test)
  size_t top_evidence = 5;         // evidence features kept per group
  double confidence = 0.95;        // interval coverage, in (0, 1)

  // Empty when usable, else what is wrong.
  std::string validate() const;
};

// A quote as the comparison reports it.
struct QuoteRef {
  std::string doc_id, text, speaker;
  uint32_t index = 0;
  double coop = 0;
};

struct EvidenceSum {
  std::string feature, label;  // the feature and the class it pushes towards
  double weight = 0;           // summed over the group's quotes
  size_t quotes = 0;           // quotes it appears in
};

struct GroupStats {
  std::vector<std::string> key;   // one value per CompareConfig::keys entry
  size_t quotes = 0;
  double mean_coop = 0;
  double ci_low = 0, ci_high = 0;  // bootstrap interval (= mean without resamples)
  std::vector<double> label_shares;  // parallel to Comparison::labels; sums to 1
  std::vector<EvidenceSum> evidence; // strongest first
  QuoteRef most_constructive, most_critical;

  std::string label() const;  // key values joined with " · "
};

// Difference of mean coop between exactly two groups: first − second.
struct Difference {
  std::string first, second;  // GroupStats::label() of each
  double diff = 0;
  double p_value = 1;         // two-sided; (hits + 1) / (permutations + 1)
  size_t permutations = 0;
};

struct Comparison {
  CompareConfig config;
  std::vector<std::string> labels;   // tone labels, the model's class order
  std::vector<GroupStats> groups;    // sides in file order, periods in time order, else most quotes first
  std::optional<Difference> difference;  // when there are exactly two groups and permutations > 0
  size_t quotes_read = 0;      // every quote record seen
  size_t quotes_counted = 0;   // those in some group
  // Quotes not counted, by reason: "not speech", "no tone", "no speaker",
  // "speaker not in sides file", "no outlet", "no date", "bad date".
  std::map<std::string, size_t> excluded;
  // For --by side: speakers found in no line of the sides file, with counts.
  std::map<std::string, size_t> unmatched_speakers;
};

// Accumulates quotes, then computes the statistics. Not thread-safe.
class Comparer {
 public:
  // `sides` must outlive the Comparer; required when keys include kSide.
  explicit Comparer(CompareConfig config, const SideMap* sides = nullptr);
  ~Comparer();
  Comparer(const Comparer&) = delete;
  Comparer& operator=(const Comparer&) = delete;

  // One quote of a document; `doc` may be null (outlet and date unknown).
  void add(const QuoteRecord& quote, const DocInfo* doc);
  // Every quote of a result.
  void add(const DocumentResult& result, const DocInfo* doc);

  Comparison finish() const;

 private:
  struct Group;
  std::optional<std::string> key_value(GroupKey key, const QuoteRecord& q, const DocInfo* doc,
                                       std::string* reason);
  void note_labels(const Tone& tone);

  CompareConfig config_;
  const SideMap* sides_;
  std::map<std::vector<std::string>, Group> groups_;
  Comparison totals_;
};

// Statistics, exposed for tests.
double mean(const std::vector<double>& values);
// Percentile bootstrap interval of the mean: `resamples` resamples drawn
// with the generator seeded by `seed`. {mean, mean} when resamples == 0 or
// values.size() < 2. Precondition: !values.empty().
std::pair<double, double> bootstrap_interval(const std::vector<double>& values, size_t resamples,
                                             double confidence, uint64_t seed);
// Two-sided permutation test of mean(a) − mean(b): (hits + 1) / (permutations + 1).
double permutation_p_value(const std::vector<double>& a, const std::vector<double>& b,
                           size_t permutations, uint64_t seed);

// --- Record inputs -------------------------------------------------------

// What a JSONL line holds, decided by which message it parses as.
enum class LineKind { kQuoteRecord, kDocumentResult, kDocument, kUnknown };
LineKind sniff_jsonl_line(const std::string& line);

// Calls `sink` with each DocumentResult read from `in`: QuoteRecord JSONL
// lines become single-quote results with their doc_id, DocumentResult lines
// are passed whole. A malformed line is reported through `problem` (path,
// line, message) and skipped. Returns an error only when reading fails.
using ResultSink = std::function<void(const DocumentResult&)>;
using ProblemSink = std::function<void(const Status&)>;
Status read_record_jsonl(std::istream& in, const std::string& path, const ResultSink& sink,
                         const ProblemSink& problem);
// The length-delimited DocumentResult stream (`quotient analyze -f pb`).
// A truncated or corrupt message is an error with its byte offset.
Status read_record_pb(std::istream& in, const std::string& path, const ResultSink& sink);

}  // namespace quotient::compare

#endif  // QUOTIENT_SRC_COMPARE_HPP_
