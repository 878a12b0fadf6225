// `quotient compare`: flags and inputs (the renderings are in compare_render.cpp
// and compare_html.cpp; the statistics in compare.hpp).
#include "compare_cli.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/util/json_util.h>

#include "cli_args.hpp"
#include "compare_text.hpp"
#include "json_writer.hpp"
#include "pipeline.hpp"
#include "readers.hpp"
#include "tone_model.hpp"
#include "writers.hpp"

namespace quotient::cli {
namespace po = boost::program_options;
using compare::Comparison;
using compare::GroupStats;

// --- The verb ------------------------------------------------------------------

namespace {

constexpr int kExitOk = 0, kExitInput = 1, kExitUsage = 2, kExitOutput = 3, kExitModel = 4;

const char* const kUsage = R"(Usage: quotient compare [OPTIONS] [INPUT...]

Compares the tone of quoted speech across groups: speakers, sides, outlets,
documents or periods, or two of these at once (a table). Per group: quotes,
mean cooperation score (coop) with a bootstrap interval, the share of each
tone label, the evidence that drove it, and the most constructive and most
critical quote. With exactly two groups, their difference and a permutation
test p-value. Only SPEECH quotes with a tone label count.

Inputs (default: standard input):
  quote records   FILE.jsonl from 'quotient analyze -f jsonl' (QuoteRecord per
                  line) or '-f results' (DocumentResult per line)
  FILE.pb         the length-delimited stream from 'quotient analyze -f pb'
  documents       .txt, document .jsonl, .gz/.zst, directories: analyzed here
                  with the tone model first (as 'quotient analyze' would)
A .jsonl file's first line decides what it holds; standard input is sniffed
the same way (JSON lines, a pb stream, or else one text document).

Records carry only a doc_id: for --by outlet and the periods, give the
documents with --docs (their "outlet" and "date" are joined by id).

Examples:
  quotient analyze -f jsonl -o quotes.jsonl corpus/
  quotient compare --by speaker quotes.jsonl
  printf 'Foreign Office\tUK\nDing Xuexiang\tChina\n' > sides.tsv
  quotient compare --by side --sides sides.tsv article.txt
  quotient compare --by speaker,month --docs corpus.jsonl quotes.jsonl
  quotient compare --by side --sides sides.tsv -f html -o report.html quotes.jsonl
  quotient analyze -f pb corpus/ | quotient compare --by outlet -f csv

Options)";

const char* const kEpilogue = R"(
Keys (--by): speaker (canonical name), side (needs --sides: a TSV file of
  'speaker<TAB>side' lines, matched against the speaker's name or mention,
  exactly; '#' starts a comment line), outlet, document, day, week (ISO
  8601, 2024-W42), month. Two keys, comma-separated, make a table.
Formats (-f): table (default on a terminal), csv, json (default otherwise),
  html (a self-contained report with charts; no scripts, nothing fetched).
Results are reproducible: the same input and --seed give the same intervals
  and p-value on every machine.

Exit status: 0 done; 1 an input, --sides or --docs file could not be read;
2 usage error; 3 the output could not be written; 4 the tone model (needed
only for document inputs) could not be loaded.
)";

struct Options {
  std::vector<std::string> inputs, docs;
  std::string by = "speaker", sides, format = "auto", output = "-", model, input_format = "auto", title;
  uint64_t seed = compare::CompareConfig{}.seed;
  size_t bootstrap = 2000, permutations = 10000, top_evidence = 5;
  bool quiet = false;
};

po::options_description describe(Options& o) {
  po::options_description d(kUsage);
  d.add_options()
    ("help,h", "show this help")
    ("by,b", po::value(&o.by), "KEY or KEY,KEY: speaker | side | outlet | document | day | week | month (default: speaker)")
    ("sides,s", po::value(&o.sides), "TSV file 'speaker<TAB>side' for --by side")
    ("docs,d", po::value(&o.docs), "documents (.jsonl, also .gz/.zst; repeatable) whose outlet and date are joined to records by id")
    ("format,f", po::value(&o.format), "table | csv | json | html (default: table on a terminal, else json)")
    ("output,o", po::value(&o.output), "write here instead of standard output; the file appears only when complete")
    ("seed", po::value(&o.seed), "seed for the bootstrap and the permutations (default: 20241018)")
    ("bootstrap", po::value(&o.bootstrap), "bootstrap resamples per group (default: 2000; 0: no interval)")
    ("permutations", po::value(&o.permutations), "permutations for the two-group test (default: 10000; 0: no test)")
    ("top-evidence", po::value(&o.top_evidence), "evidence features listed per group (default: 5)")
    ("input-format", po::value(&o.input_format), "auto | records | pb | documents (default: auto)")
    ("model,m", po::value(&o.model), "tone model for document inputs (default: the shipped model)")
    ("title", po::value(&o.title), "title of the HTML report")
    ("quiet,q", po::bool_switch(&o.quiet), "no summary and no per-line problems on stderr");
  return d;
}

int usage(const std::string& message) {
  std::cerr << "quotient compare: " << message << "\nTry 'quotient compare --help'.\n";
  return kExitUsage;
}

// The configuration from the options; an error message, or "".
std::string make_config(const Options& o, compare::CompareConfig* c) {
  c->keys.clear();
  std::stringstream by(o.by);
  for (std::string part; std::getline(by, part, ',');) {
    std::optional<compare::GroupKey> k = compare::parse_group_key(part);
    if (!k) return "unknown key '" + part + "' (speaker, side, outlet, document, day, week, month)";
    c->keys.push_back(*k);
  }
  c->seed = o.seed;
  c->bootstrap = o.bootstrap;
  c->permutations = o.permutations;
  c->top_evidence = o.top_evidence;
  if (std::string err = c->validate(); !err.empty()) return err;
  bool side = std::find(c->keys.begin(), c->keys.end(), compare::GroupKey::kSide) != c->keys.end();
  if (side && o.sides.empty()) return "--by side needs --sides FILE";
  if (!side && !o.sides.empty()) return "--sides is for --by side";
  if (o.input_format != "auto" && o.input_format != "records" && o.input_format != "pb" && o.input_format != "documents")
    return "unknown input format '" + o.input_format + "' (auto, records, pb, documents)";
  return "";
}

bool has_suffix(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Reads every input into the comparer, reporting problems on stderr.
class Run {
 public:
  Run(const Options& o, compare::Comparer* comparer) : o_(o), comparer_(comparer) {}

  // Loads --docs; false (after a message) when one cannot be read.
  bool load_docs();
  // Reads one input; an exit code other than kExitOk stops the run.
  int read(const std::string& input);
  std::string summary() const;

 private:
  int read_records(std::istream& in, const std::string& name, bool pb);
  int read_documents(const std::string& input);
  int analyze(const Document& doc);
  int read_stdin();
  const compare::DocInfo* info(const std::string& doc_id) const;
  void problem(const compare::Status& s);

  const Options& o_;
  compare::Comparer* comparer_;
  std::unordered_map<std::string, compare::DocInfo> docs_;
  std::optional<model::ToneModel> model_;
  std::unique_ptr<Analyzer> analyzer_;
  size_t documents_ = 0, records_ = 0, problems_ = 0;
};

void Run::problem(const compare::Status& s) {
  ++problems_;
  if (!o_.quiet) std::cerr << "quotient compare: " << s.to_string() << "\n";
}

bool Run::load_docs() {
  InputReader reader(o_.docs, ReaderConfig{ReaderConfig::Format::kJsonl});
  InputItem item;
  bool ok = true;
  while (reader.next(&item)) {
    if (item.failure) {
      std::cerr << "quotient compare: --docs " << item.source << (item.line ? ":" + std::to_string(item.line) : "") << ": "
                << (item.failure->diagnostics().empty() ? "unreadable" : item.failure->diagnostics(0).message()) << "\n";
      ok = ok && item.failure->status() == DocumentResult::SKIPPED;
      continue;
    }
    docs_[item.doc.id()] = {item.doc.outlet(), item.doc.date()};
  }
  return ok;
}

const compare::DocInfo* Run::info(const std::string& doc_id) const {
  auto it = docs_.find(doc_id);
  return it == docs_.end() ? nullptr : &it->second;
}

int Run::read_records(std::istream& in, const std::string& name, bool pb) {
  auto sink = [&](const DocumentResult& r) {
    ++records_;
    comparer_->add(r, info(r.doc_id()));
  };
  compare::Status s = pb ? compare::read_record_pb(in, name, sink)
                         : compare::read_record_jsonl(in, name, sink, [&](const compare::Status& p) { problem(p); });
  if (s.ok()) return kExitOk;
  std::cerr << "quotient compare: " << s.to_string() << "\n";
  return kExitInput;
}

int Run::analyze(const Document& doc) {
  if (!analyzer_) {
    auto loaded = model::ToneModel::load(o_.model.empty() ? model::ToneModel::default_path() : o_.model);
    if (!loaded) {
      std::cerr << "quotient compare: " << loaded.status().to_string() << "\n(documents need the tone model: use --model FILE)\n";
      return kExitModel;
    }
    model_.emplace(std::move(loaded).value());
    analyzer_ = std::make_unique<Analyzer>(PipelineConfig{}, &*model_);
  }
  ++documents_;
  DocumentResult r = analyzer_->analyze(doc);
  for (const Diagnostic& d : r.diagnostics())
    if (d.severity() == Diagnostic::ERROR && !o_.quiet)
      std::cerr << "quotient compare: document " << doc.id() << ": byte " << d.offset() << ": " << d.message() << "\n";
  compare::DocInfo own{doc.outlet(), doc.date()};
  if (const compare::DocInfo* joined = info(doc.id())) {
    if (own.outlet.empty()) own.outlet = joined->outlet;
    if (own.date.empty()) own.date = joined->date;
  }
  comparer_->add(r, &own);
  return kExitOk;
}

int Run::read_documents(const std::string& input) {
  InputReader reader({input}, ReaderConfig{});
  InputItem item;
  while (reader.next(&item)) {
    if (item.failure) {
      ++problems_;
      std::cerr << "quotient compare: " << item.source << (item.line ? ":" + std::to_string(item.line) : "") << ": "
                << (item.failure->diagnostics().empty() ? "unreadable" : item.failure->diagnostics(0).message()) << "\n";
      continue;
    }
    if (int rc = analyze(item.doc); rc != kExitOk) return rc;
  }
  return kExitOk;
}

// A length-delimited stream whose first message parses (sniffing stdin).
bool looks_like_pb(const std::string& bytes) {
  std::istringstream in(bytes.substr(0, std::min<size_t>(bytes.size(), 1 << 20)));
  google::protobuf::io::IstreamInputStream raw(&in);
  google::protobuf::io::CodedInputStream coded(&raw);
  uint32_t size = 0;
  if (bytes.empty() || !coded.ReadVarint32(&size) || size == 0 || size > bytes.size()) return false;
  if (static_cast<unsigned char>(bytes[coded.CurrentPosition()]) != 0x0A) return false;  // field 1, doc_id
  DocumentResult r;
  auto limit = coded.PushLimit(static_cast<int>(size));
  return r.ParseFromCodedStream(&coded) && !r.doc_id().empty() && (coded.PopLimit(limit), true);
}

int Run::read_stdin() {
  std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  size_t first = bytes.find_first_not_of(" \t\r\n");
  std::istringstream in(bytes);
  if (o_.input_format == "pb" || (o_.input_format == "auto" && first != std::string::npos && bytes[first] != '{' && looks_like_pb(bytes)))
    return read_records(in, "-", true);
  bool jsonl = first != std::string::npos && bytes[first] == '{';
  std::string line;
  if (jsonl) std::getline(std::istringstream(bytes.substr(first)), line);
  bool documents = o_.input_format == "documents" ||
                   (o_.input_format == "auto" && (!jsonl || compare::sniff_jsonl_line(line) == compare::LineKind::kDocument));
  if (!documents) return read_records(in, "-", false);
  if (!jsonl) {
    Document doc;
    doc.set_id("stdin");
    doc.set_text(bytes);
    return analyze(doc);
  }
  uint64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Document doc;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    if (!google::protobuf::util::JsonStringToMessage(line, &doc, options).ok()) {
      compare::Status s = model::make_error(model::ErrorCode::kParse, "not a document JSON line", "-");
      s.line = line_no;
      problem(s);
      continue;
    }
    if (int rc = analyze(doc); rc != kExitOk) return rc;
  }
  return kExitOk;
}

int Run::read(const std::string& input) {
  if (input == "-") return read_stdin();
  struct stat st {};
  bool dir = ::stat(input.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
  bool pb = o_.input_format == "pb" || (o_.input_format == "auto" && has_suffix(input, ".pb"));
  bool jsonl = has_suffix(input, ".jsonl") || has_suffix(input, ".ndjson");
  if (o_.input_format == "documents" || dir || (o_.input_format == "auto" && !pb && !jsonl)) return read_documents(input);
  std::ifstream in(input, std::ios::binary);
  if (!in) {
    std::cerr << "quotient compare: " << input << ": cannot open\n";
    return kExitInput;
  }
  if (!pb && o_.input_format == "auto") {
    std::string line;
    while (std::getline(in, line) && line.find_first_not_of(" \t\r") == std::string::npos) {}
    if (compare::sniff_jsonl_line(line) == compare::LineKind::kDocument) return read_documents(input);
    in.clear();
    in.seekg(0);
  }
  return read_records(in, input, pb);
}

std::string Run::summary() const {
  std::string s = documents_ ? std::to_string(documents_) + " documents analyzed" : std::to_string(records_) + " record lines read";
  if (problems_) s += ", " + std::to_string(problems_) + " problems";
  return s;
}

std::string render(const std::string& format, const Comparison& c, const std::string& title) {
  if (format == "table") return render_table(c);
  if (format == "csv") return render_csv(c);
  if (format == "html") return render_html(c, title);
  return render_json(c);
}

}  // namespace

int compare_main(int argc, char** argv) {
  Options o;
  if (int rc = parse_verb_args(argc, argv, "compare", describe(o), &o.inputs, kEpilogue); rc >= 0) return rc;
  if (o.inputs.empty()) o.inputs.push_back("-");
  if (o.format == "auto") o.format = (o.output == "-" && ::isatty(1)) ? "table" : "json";
  if (o.format != "table" && o.format != "csv" && o.format != "json" && o.format != "html")
    return usage("unknown format '" + o.format + "' (table, csv, json, html)");
  compare::CompareConfig config;
  if (std::string err = make_config(o, &config); !err.empty()) return usage(err);
  std::optional<compare::SideMap> sides;
  if (!o.sides.empty()) {
    auto loaded = compare::load_sides(o.sides);
    if (!loaded) {
      std::cerr << "quotient compare: " << loaded.status().to_string() << "\n";
      return kExitInput;
    }
    sides = std::move(loaded).value();
  }
  compare::Comparer comparer(config, sides ? &*sides : nullptr);
  Run run(o, &comparer);
  if (!o.docs.empty() && !run.load_docs()) return kExitInput;
  for (const std::string& input : o.inputs)
    if (int rc = run.read(input); rc != kExitOk) return rc;
  Comparison c = comparer.finish();
  std::unique_ptr<OutputFile> out = OutputFile::open(o.output);
  std::string title = o.title.empty() ? "Tone by " + text::key_title(c) : o.title;
  out->write(render(o.format, c, title));
  if (!out->commit()) {
    std::cerr << "quotient compare: " << out->error() << "\n";
    return kExitOutput;
  }
  if (!o.quiet && o.format != "table")
    std::cerr << "quotient compare: " << run.summary() << "; " << c.quotes_counted << " of " << c.quotes_read
              << " quotes counted in " << c.groups.size() << " groups\n";
  return kExitOk;
}

}  // namespace quotient::cli

