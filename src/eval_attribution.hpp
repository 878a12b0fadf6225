// eval_attribution.hpp — scores quote attribution against PolNeAR-style brat
// standoff (issue 4): direct quotes, their speakers and cues, and reported
// speech (INDIRECT records) against every gold Content span.
//
//   Analyzer analyzer(PipelineConfig{}, nullptr);  // no tone needed
//   EvalConfig config;
//   config.collect_errors = true;
//   auto report = evaluate_split("../shared/corpus/polnear/dev", analyzer, config);
//   if (!report) { ... report.status().to_string() ... }
//   Metrics m = report.value().tally.metrics();      // m.quote.f1(), m.speaker ...
//
// The pieces are public so tests can check each one on a hand-made example:
//   parse_brat()          .ann text -> attributions with UTF-8 *byte* fragments
//   find_quote_segments() top-level double-quoted inner spans of a text
//   gold_quotes()         the segments inside gold Content, with Source and Cue
//   score_document()      one DocumentResult against one GoldDocument
//
// Definitions (the issue's, made exact):
// - A gold quote is the inner text of a top-level quote-marked segment (" ''
//   or “ ”; a quote left open at a paragraph's end continues when the next
//   paragraph opens with a double mark) whose bytes are covered at least
//   kGoldCoverage by the union of gold Content fragments. Its Source and Cue
//   come from the attribution whose Content overlaps it most (ties: the
//   smaller Content, i.e. the innermost attribution).
//   NYT archive texts write double quotes as two apostrophes (''…''): those
//   count as straight double marks.
// - A prediction is a SPEECH record not opened by a single mark (SPEECH in
//   single marks, ‘…’ in headlines, is outside the gold's universe: counted
//   in Tally::single_marked, not scored). A prediction matches a gold quote when
//   their overlap is >= kMatchGold of the gold span and >= kMatchPredicted of
//   the predicted span; matching is greedy one-to-one, largest overlap first.
// - Speaker correct: speaker.mention_span shares >= 1 byte with a gold Source
//   fragment. Cue correct: cue.span shares >= 1 byte with a gold Cue fragment.
// - INDIRECT: a record and a gold Content correspond when their overlap is
//   >= kIndirectOverlap of the shorter of the two (not one-to-one).
//
// Library code: nothing here prints. Malformed .ann lines and offsets outside
// the text are counted as problems and skipped; only unreadable directories
// and files are errors.
#ifndef QUOTIENT_SRC_EVAL_ATTRIBUTION_HPP_
#define QUOTIENT_SRC_EVAL_ATTRIBUTION_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.hpp"
#include "pipeline.hpp"
#include "quote.pb.h"

namespace quotient::eval {

inline constexpr double kGoldCoverage = 0.9;
inline constexpr double kMatchGold = 0.8;
inline constexpr double kMatchPredicted = 0.5;
inline constexpr double kIndirectOverlap = 0.5;

// A half-open byte range [begin, end) into a document's UTF-8 text.
struct ByteRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end > begin ? end - begin : 0; }
};
using Fragments = std::vector<ByteRange>;  // a brat span: one or more pieces

// Bytes shared by a and b (0 when disjoint).
uint32_t overlap(ByteRange a, ByteRange b);
// Bytes of `r` shared with any fragment (fragments assumed disjoint).
uint32_t overlap(ByteRange r, const Fragments& fragments);

// Maps code-point offsets (brat's unit) to byte offsets of a UTF-8 text.
//   CodePointIndex idx("a\u00e9b");  idx.byte_offset(2) == 3; idx.byte_offset(3) == 4
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  // Byte offset of code point `cp`; cp == number of code points gives the
  // text's size. nullopt past the end.
  std::optional<uint32_t> byte_offset(uint64_t cp) const;

 private:
  std::vector<uint32_t> bytes_;  // byte offset per code point, plus the end
};

// A data problem found while reading gold files: counted, reported, skipped.
struct Problem {
  std::string document;
  uint64_t line = 0;  // 1-based line in the .ann file; 0 when not about a line
  std::string code;   // "bad_line", "bad_offset", "missing_ref", "text_mismatch"
  std::string message;
};

// One brat event (E line): any role may be empty. Roles with a number suffix
// (Content2, Source2) add fragments to their role.
struct GoldAttribution {
  Fragments source, cue, content;
};

struct ParsedAnnotations {
  std::vector<GoldAttribution> attributions;
  std::vector<Problem> problems;
};

// Parses brat standoff `ann` whose offsets are code points of `text`.
// T lines of any label are read (labels other than the E roles are unused);
// lines that are neither T, E nor comments (continuations of a T text that
// held a line break) are ignored. Never fails: problems are returned.
ParsedAnnotations parse_brat(std::string_view ann, std::string_view text,
                             const std::string& document = {});

enum class SourceClass : uint8_t { kName, kNominal, kPronoun };
inline constexpr int kSourceClasses = 3;
const char* source_class_name(SourceClass c);  // "name", "nominal", "pronoun"

// Pronoun when the whole text is one of he she they it we I him her them us
// his its their (any case); name when it starts with a capital letter and its
// first word is not a determiner (The, A, An, This, His, Her, Their, ...);
// nominal otherwise ("the official", "The campaign", "sources").
SourceClass classify_source(std::string_view source_text);

// Inner spans of the top-level double-quoted segments of `text`, in order.
// Nested quotes are inside their parent's span, not listed; unclosed quotes
// that do not continue into the next paragraph are dropped.
std::vector<ByteRange> find_quote_segments(std::string_view text);

struct GoldQuote {
  ByteRange span;            // inner text, without the marks
  Fragments source, cue;     // from the best-covering attribution; may be empty
  std::string source_text;   // Source fragments joined by a space
  SourceClass source_class = SourceClass::kNominal;  // meaningful when source is set
};

std::vector<GoldQuote> gold_quotes(std::string_view text,
                                   const std::vector<GoldAttribution>& attributions);

struct GoldDocument {
  std::string name;  // file stem of text/NAME.txt
  std::string text;
  std::vector<GoldAttribution> attributions;
  std::vector<GoldQuote> quotes;
  std::vector<Problem> problems;
};

// Builds a GoldDocument from its text and .ann contents (no I/O).
GoldDocument make_gold_document(std::string name, std::string text, std::string_view ann);

// Numerator over denominator; value() is 0 when the denominator is 0.
struct Ratio {
  size_t hits = 0;
  size_t total = 0;
  double value() const { return total ? double(hits) / double(total) : 0.0; }
};
double f1(double precision, double recall);

struct PrecisionRecall {
  Ratio precision, recall;
  double f1() const { return eval::f1(precision.value(), recall.value()); }
};

struct Metrics {
  PrecisionRecall quote, pair, indirect;
  Ratio speaker;                          // over matched quotes with a gold Source
  Ratio speaker_by_class[kSourceClasses];  // indexed by SourceClass
  Ratio cue;                              // over matched quotes with a gold Cue
};

// Counts that add up across documents; metrics() turns them into ratios.
struct Tally {
  size_t documents = 0, gold_quotes = 0, predictions = 0, matched = 0;
  size_t speaker_total[kSourceClasses] = {}, speaker_correct[kSourceClasses] = {};
  size_t predicted_with_speaker = 0, gold_with_source = 0, pair_correct = 0;
  size_t cue_total = 0, cue_correct = 0;
  size_t indirect_predictions = 0, indirect_correct = 0;
  size_t gold_contents = 0, gold_contents_found = 0;
  size_t problems = 0;
  size_t single_marked = 0;  // SPEECH records in single marks: outside the gold's universe

  void add(const Tally& other);
  Metrics metrics() const;
};

// One thing to look at, for the --errors listing.
struct ErrorEntry {
  enum class Kind : uint8_t { kMissed, kSpurious, kWrongSpeaker, kWrongCue };
  Kind kind = Kind::kMissed;
  std::string document;
  ByteRange span;              // the gold span (missed) or the predicted span
  std::string quote;           // the quote's inner text, unclipped
  std::string before, after;   // up to kContextBytes of text around the quote
  std::string predicted_speaker;  // mention as written; empty when none
  std::string predicted_name;     // the record's canonical speaker name
  std::optional<uint32_t> predicted_mention_at;  // byte offset of the mention
  std::string predicted_cue;
  std::string rule;               // the record's attribution rule
  std::string predicted_kind;     // missed: kind of a record at that place, if any
  std::string gold_source;        // Source text; empty when none
  std::optional<uint32_t> gold_source_at;  // byte offset of the first Source fragment
  std::string gold_cue;
  std::optional<SourceClass> source_class;
};
const char* error_kind_name(ErrorEntry::Kind k);  // "missed", "spurious", ...
inline constexpr size_t kContextBytes = 40;

struct DocumentScore {
  Tally tally;
  std::vector<ErrorEntry> errors;  // filled when asked for
};

// Scores one analyzed document. Precondition: result was computed on gold.text.
DocumentScore score_document(const GoldDocument& gold, const DocumentResult& result,
                             bool collect_errors);

// One document of a split directory: DIR/text/NAME.txt and its chosen .ann.
struct SplitEntry {
  std::string name, text_path, ann_path;  // ann_path empty: no annotations file
};

// Lists DIR/text/*.txt (sorted by name) with, for each, the lexicographically
// first DIR/attributions/NAME_<annotator>.ann. Error kIo when DIR/text is
// unreadable.
model::Result<std::vector<SplitEntry>> list_split(const std::string& dir);

// Reads one entry's files. Error kIo when a file cannot be read.
model::Result<GoldDocument> load_gold_document(const SplitEntry& entry);

struct EvalConfig {
  size_t limit = 0;         // evaluate at most this many documents (0: all)
  unsigned threads = 0;     // analysis threads (0: all cores)
  bool collect_errors = false;
};

struct SplitReport {
  std::string dir;
  Tally tally;
  std::vector<ErrorEntry> errors;  // in document order, when collected
  std::vector<Problem> problems;
  double seconds = 0;              // wall time to read, analyze and score
};

// Reads, analyzes and scores a split directory. Thread-safe for distinct
// calls (the Analyzer is shared read-only).
model::Result<SplitReport> evaluate_split(const std::string& dir, const Analyzer& analyzer,
                                          const EvalConfig& config);

}  // namespace quotient::eval

#endif  // QUOTIENT_SRC_EVAL_ATTRIBUTION_HPP_
