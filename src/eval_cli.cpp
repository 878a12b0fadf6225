#include "eval_cli.hpp"

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli_args.hpp"
#include "eval_attribution.hpp"

namespace quotient::cli {
namespace po = boost::program_options;
namespace {

const char* const kUsage = R"(Usage: quotient eval attribution [OPTIONS] [DIR...]

Scores quote attribution on PolNeAR-style brat directories: each DIR holds
text/NAME.txt and attributions/NAME_ANNOTATOR.ann (the lexicographically
first annotator is used). Default DIR: ../shared/corpus/polnear/dev.

What is scored (direct quotes):
  gold        each double-quoted segment (" “ ” or the NYT's '') inside a gold
              Content span, with that attribution's Source and Cue
  prediction  each SPEECH record of `quotient analyze` in double marks (no
              tone scoring; SPEECH in single marks is counted, not scored)
  quote       P/R/F1; a match covers >= 80% of the gold and >= 50% of the
              predicted span, greedy one-to-one
  speaker     accuracy over matched quotes with a gold Source: the record's
              mention shares a byte with the Source; split by the Source's
              form: name ("Donald Trump"), nominal ("the official"), pronoun
  pair        quote and speaker both right; P over predicted quotes with a
              speaker, R over gold quotes with a Source
  cue         accuracy over matched quotes with a gold Cue
  indirect    INDIRECT records against every gold Content span (P/R)

Examples:
  quotient eval attribution ../shared/corpus/polnear/dev ../shared/corpus/polnear/train
  quotient eval attribution --errors --limit 10 | less -S
  quotient eval attribution --errors | grep '^speaker' | grep pronoun
  quotient eval attribution --json ../shared/corpus/polnear/dev > dev.json

Error lines (--errors, before the table), tab-separated:
  KIND  DOC@BYTE  SOURCE-FORM  “QUOTE”  pred=MENTION@BYTE [NAME] (RULE)
  gold=SOURCE@BYTE  ...BEFORE⟦…⟧AFTER...
  KIND is missed (with the kind of record found there, if any), spurious,
  speaker (wrong or no speaker) or cue (wrong or no cue).

Options)";

const char* const kExitCodes = R"(
Exit status: 0 done; 2 usage error; 3 a directory or file could not be read.
)";

constexpr const char* kDefaultDir = "../shared/corpus/polnear/dev";
constexpr size_t kQuoteClip = 60;

struct Options {
  std::vector<std::string> dirs;
  size_t limit = 0;
  unsigned threads = 0;
  bool errors = false, json = false;
};

po::options_description describe(Options& o) {
  po::options_description d(kUsage);
  d.add_options()
    ("help,h", "show this help")
    ("errors,e", po::bool_switch(&o.errors), "list every miss: missed, spurious, wrong speaker, wrong cue")
    ("limit,n", po::value(&o.limit), "evaluate only the first N documents of each DIR (default: all)")
    ("json", po::bool_switch(&o.json), "print one JSON object instead of the table (errors included with --errors)")
    ("threads,j", po::value(&o.threads), "analysis threads (default: all cores)");
  return d;
}

// Parses argv into o; returns -1 to go on, else the exit code.
int parse(int argc, char** argv, Options& o) {
  if (int rc = parse_verb_args(argc, argv, "eval attribution", describe(o), &o.dirs, kExitCodes); rc >= 0)
    return rc;
  if (o.dirs.empty()) o.dirs.push_back(kDefaultDir);
  return -1;
}

// ------------------------------------------------------------ text ---

// Newlines and tabs as visible single characters, so a record stays one line.
std::string one_line(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\u00B6";
    else if (c == '\t' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

std::string clip(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\u2026";
}

std::string error_line(const eval::ErrorEntry& e) {
  std::ostringstream s;
  s << eval::error_kind_name(e.kind);
  if (!e.predicted_kind.empty()) s << "(" << e.predicted_kind << ")";
  s << '\t' << e.document << '@' << e.span.begin << '\t'
    << (e.source_class ? eval::source_class_name(*e.source_class) : "-") << '\t'
    << "\u201C" << one_line(clip(e.quote, kQuoteClip)) << "\u201D\t"
    << "pred=" << (e.predicted_speaker.empty() ? "(none)" : one_line(e.predicted_speaker));
  if (e.predicted_mention_at) s << '@' << *e.predicted_mention_at;
  if (!e.predicted_name.empty() && e.predicted_name != e.predicted_speaker) s << " [" << one_line(e.predicted_name) << ']';
  if (!e.rule.empty()) s << " (" << e.rule << ")";
  if (e.kind == eval::ErrorEntry::Kind::kWrongCue)
    s << " cue=" << (e.predicted_cue.empty() ? "(none)" : one_line(e.predicted_cue)) << " gold_cue=" << one_line(e.gold_cue);
  s << "\tgold=" << (e.gold_source.empty() ? "(none)" : one_line(e.gold_source));
  if (e.gold_source_at) s << '@' << *e.gold_source_at;
  s << '\t'
    << one_line(e.before) << "\u27E6\u2026\u27E7" << one_line(e.after);
  return s.str();
}

// ----------------------------------------------------------- table ---

std::string fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string ratio(const eval::Ratio& r) {
  return fixed(r.value()) + " (" + std::to_string(r.hits) + "/" + std::to_string(r.total) + ")";
}

std::string short_name(const std::string& dir) {
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  size_t slash = d.find_last_of('/');
  return slash == std::string::npos ? d : d.substr(slash + 1);
}

using Row = std::pair<std::string, std::vector<std::string>>;

std::vector<Row> table_rows(const std::vector<eval::SplitReport>& reports) {
  std::vector<Row> rows;
  auto row = [&](const std::string& label, auto cell) {
    Row r{label, {}};
    for (const eval::SplitReport& rep : reports) r.second.push_back(cell(rep.tally, rep.tally.metrics(), rep));
    rows.push_back(std::move(r));
  };
  using T = const eval::Tally&;
  using M = const eval::Metrics&;
  using R = const eval::SplitReport&;
  row("documents", [](T t, M, R) { return std::to_string(t.documents); });
  row("gold quotes", [](T t, M, R) { return std::to_string(t.gold_quotes); });
  row("predictions (SPEECH)", [](T t, M, R) { return std::to_string(t.predictions); });
  row("  in single marks", [](T t, M, R) { return std::to_string(t.single_marked) + " (not scored)"; });
  row("quote precision", [](T, M m, R) { return ratio(m.quote.precision); });
  row("quote recall", [](T, M m, R) { return ratio(m.quote.recall); });
  row("quote F1", [](T, M m, R) { return fixed(m.quote.f1()); });
  row("speaker accuracy", [](T, M m, R) { return ratio(m.speaker); });
  for (int c = 0; c < eval::kSourceClasses; ++c)
    row(std::string("  ") + eval::source_class_name(eval::SourceClass(c)), [c](T, M m, R) { return ratio(m.speaker_by_class[c]); });
  row("pair precision", [](T, M m, R) { return ratio(m.pair.precision); });
  row("pair recall", [](T, M m, R) { return ratio(m.pair.recall); });
  row("pair F1", [](T, M m, R) { return fixed(m.pair.f1()); });
  row("cue accuracy", [](T, M m, R) { return ratio(m.cue); });
  row("indirect precision", [](T, M m, R) { return ratio(m.indirect.precision); });
  row("indirect recall", [](T, M m, R) { return ratio(m.indirect.recall); });
  row("gold file problems", [](T t, M, R) { return std::to_string(t.problems); });
  row("seconds", [](T, M, R r) { return fixed(r.seconds); });
  return rows;
}

// Label column, then one column per split; no padding after the last one.
void print_row(const std::string& label, const std::vector<std::string>& cells, const std::vector<size_t>& width) {
  std::string line = label + std::string(label.size() < 22 ? 22 - label.size() : 1, ' ');
  for (size_t i = 0; i < cells.size(); ++i) {
    line += "  " + cells[i];
    if (i + 1 < cells.size()) line += std::string(width[i] - cells[i].size(), ' ');
  }
  std::cout << line << '\n';
}

void print_table(const std::vector<eval::SplitReport>& reports) {
  std::vector<Row> rows = table_rows(reports);
  std::vector<std::string> header;
  header.reserve(reports.size());
  for (const eval::SplitReport& r : reports) header.push_back(short_name(r.dir));
  std::vector<size_t> width;
  width.reserve(header.size());
  for (const std::string& h : header) width.push_back(h.size());
  for (const Row& r : rows)
    for (size_t i = 0; i < r.second.size(); ++i) width[i] = std::max(width[i], r.second[i].size());
  print_row("split", header, width);
  for (const Row& r : rows) print_row(r.first, r.second, width);
}

// ------------------------------------------------------------ json ---

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else out += c;
  }
  return out + "\"";
}

std::string json_ratio(const eval::Ratio& r) {
  return "{\"value\":" + fixed(r.value()) + ",\"hits\":" + std::to_string(r.hits) + ",\"total\":" + std::to_string(r.total) + "}";
}

std::string json_pr(const eval::PrecisionRecall& pr) {
  return "{\"precision\":" + json_ratio(pr.precision) + ",\"recall\":" + json_ratio(pr.recall) + ",\"f1\":" + fixed(pr.f1()) + "}";
}

std::string json_error(const eval::ErrorEntry& e) {
  std::ostringstream s;
  s << "{\"kind\":" << json_string(eval::error_kind_name(e.kind)) << ",\"document\":" << json_string(e.document)
    << ",\"begin\":" << e.span.begin << ",\"end\":" << e.span.end << ",\"quote\":" << json_string(e.quote)
    << ",\"before\":" << json_string(e.before) << ",\"after\":" << json_string(e.after)
    << ",\"predicted_kind\":" << json_string(e.predicted_kind) << ",\"predicted_speaker\":" << json_string(e.predicted_speaker)
    << ",\"predicted_name\":" << json_string(e.predicted_name)
    << ",\"predicted_mention_at\":" << (e.predicted_mention_at ? std::to_string(*e.predicted_mention_at) : "null")
    << ",\"gold_source_at\":" << (e.gold_source_at ? std::to_string(*e.gold_source_at) : "null")
    << ",\"predicted_cue\":" << json_string(e.predicted_cue) << ",\"rule\":" << json_string(e.rule)
    << ",\"gold_source\":" << json_string(e.gold_source) << ",\"gold_cue\":" << json_string(e.gold_cue)
    << ",\"source_class\":" << json_string(e.source_class ? eval::source_class_name(*e.source_class) : "") << "}";
  return s.str();
}

std::string json_report(const eval::SplitReport& r, bool errors) {
  const eval::Tally& t = r.tally;
  eval::Metrics m = t.metrics();
  std::ostringstream s;
  s << "{\"dir\":" << json_string(r.dir) << ",\"documents\":" << t.documents << ",\"gold_quotes\":" << t.gold_quotes
    << ",\"predictions\":" << t.predictions << ",\"single_marked\":" << t.single_marked << ",\"matched\":" << t.matched << ",\"quote\":" << json_pr(m.quote)
    << ",\"speaker\":{\"all\":" << json_ratio(m.speaker);
  for (int c = 0; c < eval::kSourceClasses; ++c)
    s << ",\"" << eval::source_class_name(eval::SourceClass(c)) << "\":" << json_ratio(m.speaker_by_class[c]);
  s << "},\"pair\":" << json_pr(m.pair) << ",\"cue\":" << json_ratio(m.cue) << ",\"indirect\":" << json_pr(m.indirect)
    << ",\"problems\":" << t.problems << ",\"seconds\":" << fixed(r.seconds);
  if (errors) {
    s << ",\"errors\":[";
    for (size_t i = 0; i < r.errors.size(); ++i) s << (i ? ",\n" : "\n") << json_error(r.errors[i]);
    s << "]";
  }
  s << "}";
  return s.str();
}

void report_problems(const eval::SplitReport& r) {
  if (r.problems.empty()) return;
  std::cerr << "quotient eval attribution: " << r.dir << ": " << r.problems.size()
            << " annotation problem(s) skipped, e.g. " << r.problems[0].document << ".ann:" << r.problems[0].line
            << ": " << r.problems[0].message << " [" << r.problems[0].code << "]\n";
}

}  // namespace

int eval_attribution_main(int argc, char** argv) {
  Options o;
  if (int rc = parse(argc, argv, o); rc >= 0) return rc;
  PipelineConfig pc;
  pc.tone = false;
  pc.indirect = true;  // INDIRECT records are scored against every Content span
  Analyzer analyzer(pc, nullptr);
  eval::EvalConfig config;
  config.limit = o.limit;
  config.threads = o.threads;
  config.collect_errors = o.errors;
  std::vector<eval::SplitReport> reports;
  for (const std::string& dir : o.dirs) {
    auto report = eval::evaluate_split(dir, analyzer, config);
    if (!report) {
      std::cerr << "quotient eval attribution: " << report.status().to_string() << "\n";
      return 3;
    }
    report_problems(report.value());
    reports.push_back(std::move(report).value());
  }
  if (o.json) {
    std::cout << "{\"splits\":[";
    for (size_t i = 0; i < reports.size(); ++i) std::cout << (i ? ",\n" : "\n") << json_report(reports[i], o.errors);
    std::cout << "]}\n";
    return 0;
  }
  for (const eval::SplitReport& r : reports)
    for (const eval::ErrorEntry& e : r.errors) std::cout << error_line(e) << '\n';
  if (o.errors) std::cout << '\n';
  print_table(reports);
  return 0;
}

}  // namespace quotient::cli
