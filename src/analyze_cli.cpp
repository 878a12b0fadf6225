#include "analyze_cli.hpp"

#include <unistd.h>

#include <cstdio>
#include <boost/program_options.hpp>
#include <google/protobuf/arena.h>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "cli_args.hpp"
#include "db_sink.hpp"
#include "json_writer.hpp"
#include "pipeline.hpp"
#include "readers.hpp"
#include "run_stats.hpp"
#include "tone_model.hpp"
#include "writers.hpp"

namespace quotient::cli {
namespace po = boost::program_options;
namespace {

// A batch is the unit of work of one worker: small enough that the batches
// in flight (2 per thread + 2) keep memory flat, large enough to amortise
// the hand-over.
constexpr size_t kBatchDocuments = 128;
constexpr size_t kBatchBytes = size_t{1} << 20;
// Room reserved for a batch's rendered JSON records: about twice
// kBatchBytes, what they take for news text, so most batches never grow it.
constexpr size_t kRecordBytes = 2 * kBatchBytes;
// The first block of a batch's result arena: about what the results of
// kBatchBytes of news text take, so that most batches need no other.
constexpr size_t kArenaBlockBytes = size_t{4} << 20;

const char* const kUsage = R"(Usage: quotient analyze [OPTIONS] [INPUT...]

Finds quoted speech in news text, attributes each quote to its speaker and
scores its tone. Writes one record per quote.

Inputs (default: standard input):
  FILE.txt        one document; its id is the file name without extension
  FILE.jsonl      one document per line: {"id": ..., "text": ..., "outlet":
                  ..., "date": "YYYY-MM-DD", "title": ..., "url": ...}
  FILE.gz, .zst   gzip or zstd, decoded on the fly; the extension before it
                  decides: docs.jsonl.gz is JSONL, article.txt.zst is text
  DIRECTORY       every .txt and .jsonl file below it (also .gz, .zst), in
                  path order
  -               standard input (JSONL if it starts with '{', else text)

Examples:
  quotient analyze data/samples/*.txt               # table on a terminal
  quotient analyze -f jsonl -o quotes.jsonl news.jsonl
  quotient analyze -f jsonl archive/2024/*.jsonl.zst > quotes.jsonl
  cat dump.jsonl | quotient analyze -f pb > results.pb
  quotient analyze -f tsv article.txt | cut -f6,15  # speaker, quote

Many workers: each of N workers gets the same file list and its own index,
  quotient analyze -q --shard 0/4 -f jsonl -o part-0.jsonl archive/
  ... --shard 3/4 ... -o part-3.jsonl archive/
and together they read every file exactly once. In Hadoop Streaming or
Spark's RDD.pipe(), run it as a mapper over JSONL on standard input:
  quotient analyze -q --input-format jsonl -f jsonl -

Dashboards: --db writes every document and quote into a database that
Grafana, Metabase or Superset read (tables documents, quotes, sides; views
speakers, tone_by_speaker, tone_by_month, tone_by_outlet, tone_by_side):
  quotient analyze -q --db quotes.sqlite news.jsonl
  quotient analyze -q --db postgresql://quotient@dbhost/news archive/
Re-running on the same documents replaces their rows; an interrupted run
keeps every committed transaction whole, so running it again completes it.
With --db and neither -f nor -o, no records are written elsewhere.

Options)";

const char* const kExitCodes = R"(
Formats (-f):
  table    aligned columns for reading (the default on a terminal)
  jsonl    one QuoteRecord per line, proto3 JSON (the default otherwise)
  results  one DocumentResult per line: every document with its status and
           diagnostics, quotes nested (use this to account for every input)
  pb       length-delimited DocumentResult protobuf stream (proto/quote.proto)
  tsv      one quote per line with a header

Exit status: 0 done (failed or skipped documents are reported on stderr and
in -f results, and do not stop the run); 1 with --strict, when any document
failed or was skipped; 2 usage error; 3 output could not be written; 4 the
tone model could not be loaded.
With --db, exit status 3 also means the database could not be opened or
written (the transactions committed before stay whole).
)";

struct Options {
  std::vector<std::string> inputs;
  std::string format = "auto", output, model, input_format = "auto", shard, db;
  unsigned threads = 0;
  size_t db_batch = DbSinkConfig().commit_every;
  bool records = true;  // write records to -o/stdout (false: --db alone)
  size_t max_doc_bytes = size_t{64} << 20;
  size_t max_quotes = PipelineConfig().max_quotes;
  bool no_tone = false, strict = false, quiet = false, verbose = false, indirect = false;
};

po::options_description describe(Options& o) {
  po::options_description d(kUsage);
  d.add_options()
    ("help,h", "show this help")
    ("format,f", po::value(&o.format), "table | jsonl | results | pb | tsv (default: table on a terminal, else jsonl)")
    ("output,o", po::value(&o.output), "write here instead of standard output; the file appears only when complete")
    ("threads,j", po::value(&o.threads), "worker threads (default: all cores); output order is input order")
    ("model,m", po::value(&o.model), "tone model file (default: the shipped model next to the binary)")
    ("no-tone", po::bool_switch(&o.no_tone), "skip tone scoring")
    ("indirect", po::bool_switch(&o.indirect), "also report speech without quote marks (\"X said that ...\") as INDIRECT records")
    ("input-format", po::value(&o.input_format), "auto | text | jsonl: how to read inputs (default: by extension)")
    ("max-doc-bytes", po::value(&o.max_doc_bytes), "skip documents larger than this (default: 67108864)")
    ("max-quotes", po::value(&o.max_quotes), "analyse at most this many quotes per document; the text from the next one on is left out with a too_many_quotes warning (default: 10000)")
    ("shard", po::value(&o.shard), "I/N: read only the input files whose 0-based index in the sorted file list (after directory expansion) is I modulo N; N workers with I = 0..N-1 share a file list")
    ("db", po::value(&o.db), "also write into this database: FILE.sqlite (created if absent) or postgresql://user@host/dbname; alone (no -f, no -o) it replaces the record output")
    ("db-batch", po::value(&o.db_batch), "documents per database transaction (default: 1000)")
    ("strict", po::bool_switch(&o.strict), "exit 1 if any document failed or was skipped")
    ("quiet,q", po::bool_switch(&o.quiet), "no progress and no summary on stderr")
    ("verbose,v", po::bool_switch(&o.verbose), "also report recoverable problems (unclosed quotes) on stderr");
  return d;
}

// Parses argv into o; returns -1 to go on, else the exit code.
int parse(int argc, char** argv, Options& o) {
  if (int rc = parse_verb_args(argc, argv, "analyze", describe(o), &o.inputs, kExitCodes); rc >= 0)
    return rc;
  if (o.inputs.empty()) o.inputs.push_back("-");
  o.records = o.db.empty() || o.format != "auto" || !o.output.empty();
  if (o.output.empty()) o.output = "-";
  if (o.format == "auto") o.format = (o.output == "-" && ::isatty(1)) ? "table" : "jsonl";
  return -1;
}

// Parses "I/N" (0 <= I < N) into the reader's shard; false if malformed.
bool parse_shard(const std::string& text, ReaderConfig* rc) {
  unsigned long index = 0, count = 0;
  char slash = 0, rest = 0;
  if (std::sscanf(text.c_str(), "%lu%c%lu%c", &index, &slash, &count, &rest) != 3 || slash != '/' ||
      text.find_first_not_of("0123456789/") != std::string::npos || count == 0 || index >= count)
    return false;
  rc->shard_index = index;
  rc->shard_count = count;
  return true;
}

// The reader's settings from the options; an error message, or "".
std::string reader_config(const Options& o, ReaderConfig* rc) {
  rc->max_document_bytes = o.max_doc_bytes;
  if (o.input_format == "text") rc->format = ReaderConfig::Format::kText;
  else if (o.input_format == "jsonl") rc->format = ReaderConfig::Format::kJsonl;
  else if (o.input_format != "auto") return "unknown input format '" + o.input_format + "' (auto, text, jsonl)";
  if (o.shard.empty()) return "";
  if (!parse_shard(o.shard, rc)) return "--shard wants I/N with 0 <= I < N, not '" + o.shard + "'";
  for (const std::string& in : o.inputs)
    if (in == "-") return "--shard splits a list of files; standard input cannot be sharded";
  return "";
}

void report(const DocumentResult& r, const InputItem& item, bool verbose) {
  for (const Diagnostic& d : r.diagnostics()) {
    if (d.severity() != Diagnostic::ERROR && !verbose) continue;
    const char* sev = d.severity() == Diagnostic::ERROR ? "error" : d.severity() == Diagnostic::WARNING ? "warning" : "note";
    std::string where = item.source;
    if (item.line) where += ":" + std::to_string(item.line);
    uint64_t offset = item.failure ? d.offset() : item.offset + d.offset();
    std::cerr << "quotient: " << where << ": byte " << offset << ": " << sev << ": " << d.message()
              << " [" << d.code() << ", document " << r.doc_id() << "]\n";
  }
}

// The database of --db with its schema in place; null after printing why not.
std::unique_ptr<DbSink> open_db(const Options& o) {
  DbSinkConfig config;
  config.commit_every = o.db_batch;
  std::string error;
  std::unique_ptr<DbSink> db = DbSink::open(o.db, config, &error);
  if (db && !db->begin()) error = db->error(), db.reset();
  if (!db) std::cerr << "quotient analyze: cannot open the database: " << error << "\n";
  return db;
}

// A run of consecutive inputs, analysed by one worker. Batches are reused:
// items keep their buffers from one batch to the next.
struct Batch {
  std::vector<InputItem> items;  // the first `count` are this batch's
  size_t count = 0;
  // One per item, on `arena`: a batch's records, spans, speakers and tones
  // are carved from one block and let go at once when the batch is reused,
  // instead of a malloc and a free each.
  std::vector<DocumentResult*> results;
  std::unique_ptr<char[]> arena_block;  // the arena's first block, kept across resets (never zero-filled)
  std::unique_ptr<google::protobuf::Arena> arena;
  std::string records;  // the records, already rendered (JSON formats only)
  // When set, `results` hold only each document's id, status and
  // diagnostics (what report() reads), and `stats` the batch's counts: the
  // records themselves went no further than `records` (see analyze_batch).
  bool summaries = false;
  RunStats stats;
};

// Empties b.arena (making it on first use) and b.results.
void reset_arena(Batch& b) {
  b.results.clear();
  if (b.arena) {
    b.arena->Reset();  // keeps arena_block
    return;
  }
  // Not zero-filled: only the pages a batch's records use get touched.
  b.arena_block.reset(new char[kArenaBlockBytes]);
  google::protobuf::ArenaOptions options;
  options.initial_block = b.arena_block.get();
  options.initial_block_size = kArenaBlockBytes;
  options.max_block_size = kArenaBlockBytes;
  b.arena = std::make_unique<google::protobuf::Arena>(options);
}

// Reads the next batch (unparsed: JSON is parsed on the workers); false when
// the input is exhausted (the batch may still hold items).
bool fill(InputReader& reader, Batch* b) {
  b->count = 0;
  size_t bytes = 0;
  while (b->count < kBatchDocuments && bytes < kBatchBytes) {
    if (b->count == b->items.size()) b->items.emplace_back();
    InputItem& item = b->items[b->count];
    if (!reader.next_unparsed(&item)) return false;
    bytes += item.raw.size() + item.doc.text().size();
    ++b->count;
  }
  return true;
}

// The records of one document as RecordWriter writes them in the JSON
// formats (one QuoteRecord, or one DocumentResult, per line), so workers
// can render them in parallel.
void render_json(Format format, const DocumentResult& r, std::string* out) {
  if (format == Format::kResults) {
    append_json(*out, r);
    *out += '\n';
    return;
  }
  for (const QuoteRecord& q : r.quotes()) {
    append_json(*out, q);
    *out += '\n';
  }
}

// This thread's result for documents whose records are only rendered: on
// the heap and reused, it keeps its records, their sub-messages and their
// strings' buffers from one document to the next (Analyzer::analyze), where
// a result on the batch's arena allocates every string of every record
// again, with a destructor registered for each.
DocumentResult& reused_result() {
  thread_local DocumentResult r;
  return r;
}

// What report() reads of r: its id, status and diagnostics.
void summarize(const DocumentResult& r, DocumentResult* summary) {
  summary->set_doc_id(r.doc_id());
  summary->set_status(r.status());
  *summary->mutable_diagnostics() = r.diagnostics();
}

// What a worker does with a batch: parse, analyse, render. With
// `summaries` (JSON records and no database: nothing else reads the
// records), each document is analysed into reused_result() and the batch
// keeps its summary and counts.
void analyze_batch(const Analyzer& analyzer, std::optional<Format> render, bool summaries, Batch& b) {
  reset_arena(b);
  b.records.clear();
  b.summaries = summaries;
  b.stats = RunStats();
  // A batch's records take about its input's size again: room for that at
  // once, not a string doubling its way there in every batch's first use.
  if (render) b.records.reserve(kRecordBytes);
  for (size_t i = 0; i < b.count; ++i) {
    InputItem& item = b.items[i];
    parse_pending(&item);
    b.results.push_back(google::protobuf::Arena::CreateMessage<DocumentResult>(b.arena.get()));
    DocumentResult& r = summaries ? reused_result() : *b.results.back();
    if (item.failure) r = *item.failure;
    else analyzer.analyze(item.doc, &r, TextFacts{item.valid_utf8});
    r.set_source(item.source);
    r.set_source_offset(item.offset);
    if (render) render_json(*render, r, &b.records);
    if (!summaries) continue;
    b.stats.add(r);
    summarize(r, b.results.back());
  }
}

// Adds a batch's counts to the run's.
void add_counts(RunStats* run, const RunStats& batch) {
  run->documents += batch.documents;
  run->ok += batch.ok;
  run->skipped += batch.skipped;
  run->failed += batch.failed;
  run->quotes += batch.quotes;
  run->speech += batch.speech;
  run->attributed += batch.attributed;
  run->warnings += batch.warnings;
}

}  // namespace

int analyze_main(int argc, char** argv) {
  Options o;
  if (int rc = parse(argc, argv, o); rc >= 0) return rc;
  std::optional<Format> format = parse_format(o.format);
  if (!format) {
    std::cerr << "quotient analyze: unknown format '" << o.format << "' (table, jsonl, results, pb, tsv)\n";
    return 2;
  }
  ReaderConfig rc;
  if (std::string err = reader_config(o, &rc); !err.empty()) {
    std::cerr << "quotient analyze: " << err << "\n";
    return 2;
  }
  PipelineConfig pc;
  pc.max_document_bytes = o.max_doc_bytes;
  pc.max_quotes = o.max_quotes;
  pc.tone = !o.no_tone;
  pc.indirect = o.indirect;
  if (std::string err = pc.validate(); !err.empty()) {
    std::cerr << "quotient analyze: " << err << "\n";
    return 2;
  }
  std::optional<model::ToneModel> tone;
  if (pc.tone) {
    auto loaded = model::ToneModel::load(o.model.empty() ? model::ToneModel::default_path() : o.model);
    if (!loaded) {
      std::cerr << "quotient analyze: " << loaded.status().to_string()
                << "\n(use --model FILE, or --no-tone to skip tone scoring)\n";
      return 4;
    }
    tone.emplace(std::move(loaded).value());
  }
  unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  Analyzer analyzer(pc, tone ? &*tone : nullptr);
  InputReader reader(o.inputs, rc);
  if (std::string err = DbSinkConfig{o.db_batch}.validate(); !err.empty()) {
    std::cerr << "quotient analyze: --db-batch: " << err << "\n";
    return 2;
  }
  std::unique_ptr<OutputFile> out = OutputFile::open(o.output);
  if (!out->ok()) {
    std::cerr << "quotient analyze: " << out->error() << "\n";
    return 3;
  }
  std::unique_ptr<DbSink> db;
  if (!o.db.empty() && !(db = open_db(o))) return 3;
  std::optional<RecordWriter> writer;  // none with --db alone
  if (o.records) writer.emplace(*format, out.get());
  RunStats stats;
  Progress progress(!o.quiet && ::isatty(2));
  // Workers parse, analyse and render; this thread reads, writes and counts.
  // -j1 does it all on this thread.
  std::optional<Format> render;
  if (writer && (*format == Format::kJsonl || *format == Format::kResults)) render = format;
  bool summaries = render && !db;
  OrderedWorkers<Batch> pool(threads > 1 ? threads : 0,
                             [&](Batch& b) { analyze_batch(analyzer, render, summaries, b); },
                             threads > 1 ? 2 * size_t{threads} + 2 : 1);
  std::vector<Batch> spare;
  bool more = true;
  while ((more || !pool.empty()) && out->ok()) {
    if (more && !pool.full()) {
      Batch b;
      if (!spare.empty()) b = std::move(spare.back()), spare.pop_back();
      more = fill(reader, &b);
      if (b.count) pool.push(std::move(b));
      continue;
    }
    Batch b = pool.pop();
    if (render) out->write(b.records);
    if (b.summaries) add_counts(&stats, b.stats);
    for (size_t i = 0; i < b.count; ++i) {
      const DocumentResult& r = *b.results[i];
      if (!b.summaries) stats.add(r);
      report(r, b.items[i], o.verbose);
      if (writer && !render) writer->write(r);
      if (db && !db->write(r, DocumentMeta::of(b.items[i].doc, b.items[i].source))) {
        std::cerr << "quotient analyze: cannot write the database: " << db->error() << "\n";
        return 3;
      }
    }
    spare.push_back(std::move(b));
    progress.update(stats.documents, reader.bytes_read(), reader.bytes_total());
  }
  if (writer) writer->finish();
  progress.clear();
  if (db && !db->finish()) {
    std::cerr << "quotient analyze: cannot write the database: " << db->error() << "\n";
    return 3;
  }
  if (!out->commit()) {
    std::cerr << "quotient analyze: " << out->error() << "\n";
    return 3;
  }
  if (!o.quiet) std::cerr << "quotient: " << stats.summary() << "\n";
  if (o.strict && (stats.failed || stats.skipped)) return 1;
  return 0;
}

}  // namespace quotient::cli
