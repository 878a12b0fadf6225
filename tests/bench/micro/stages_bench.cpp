// Google Benchmark micro-suite: one benchmark per pipeline stage, so a
// regression shows where it happened. Bytes/s is over the document text
// (for tone: over the quotes' text; for JSON writing: over the JSON written).
//
//   cmake --build build --target stages_bench && build/tests/bench/micro/stages_bench
//   QUOTIENT_BENCH_JSONL=build/bench/corpus-50.jsonl build/tests/bench/micro/stages_bench
//
// Input: the first 2 MB of the JSONL file named by QUOTIENT_BENCH_JSONL (for
// example the PolNeAR-derived corpus tests/bench/make_corpus.py writes), else
// the articles in data/samples/.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "attribution.hpp"
#include "grammar.hpp"
#include "json_writer.hpp"
#include "pipeline.hpp"
#include "readers.hpp"
#include "tone_model.hpp"

namespace quotient::bench {
namespace {
namespace fs = std::filesystem;

constexpr size_t kMaxCorpusBytes = size_t{2} << 20;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The documents to run on, and the same documents as JSONL lines.
struct Corpus {
  std::vector<Document> docs;
  std::vector<std::string> lines;
  size_t bytes = 0;        // of document text
  size_t line_bytes = 0;   // of JSONL

  void add(Document doc) {
    std::string line = "{\"id\":";
    append_json_string(line, doc.id());
    line += ",\"text\":";
    append_json_string(line, doc.text());
    line += "}";
    bytes += doc.text().size();
    line_bytes += line.size();
    lines.push_back(std::move(line));
    docs.push_back(std::move(doc));
  }
};

Corpus load_corpus() {
  Corpus c;
  if (const char* jsonl = std::getenv("QUOTIENT_BENCH_JSONL")) {
    InputReader reader({jsonl}, ReaderConfig{ReaderConfig::Format::kJsonl});
    InputItem item;
    while (c.bytes < kMaxCorpusBytes && reader.next(&item))
      if (!item.failure) c.add(item.doc);
  } else {
    std::vector<fs::path> paths;
    for (const auto& e : fs::directory_iterator(fs::path(QUOTIENT_SOURCE_DIR) / "data" / "samples"))
      if (e.path().extension() == ".txt") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths) {
      Document d;
      d.set_id(p.stem().string());
      d.set_text(read_file(p));
      c.add(std::move(d));
    }
  }
  if (c.docs.empty()) {
    std::cerr << "stages_bench: no input documents\n";
    std::exit(2);
  }
  return c;
}

const Corpus& corpus() {
  static const Corpus c = load_corpus();
  return c;
}

std::vector<grammar::QuoteScan> scans() {
  std::vector<grammar::QuoteScan> out;
  for (const Document& d : corpus().docs) out.push_back(grammar::scan_quotes(d.text()));
  return out;
}

const model::ToneModel& tone_model() {
  static const model::ToneModel m = [] {
    auto loaded = model::ToneModel::load(QUOTIENT_TONE_MODEL);
    if (!loaded) {
      std::cerr << "stages_bench: " << loaded.status().to_string() << "\n";
      std::exit(2);
    }
    return std::move(loaded).value();
  }();
  return m;
}

// The records of the corpus, analysed once (with tone).
const std::vector<DocumentResult>& results() {
  static const std::vector<DocumentResult> out = [] {
    Analyzer analyzer(PipelineConfig{}, &tone_model());
    std::vector<DocumentResult> r;
    for (const Document& d : corpus().docs) r.push_back(analyzer.analyze(d));
    return r;
  }();
  return out;
}

void BM_QuoteScan(benchmark::State& state) {
  for (auto _ : state)
    for (const Document& d : corpus().docs) benchmark::DoNotOptimize(grammar::scan_quotes(d.text()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().bytes));
}
BENCHMARK(BM_QuoteScan)->Unit(benchmark::kMillisecond);

void BM_SentenceSplit(benchmark::State& state) {
  std::vector<grammar::QuoteScan> s = scans();
  for (auto _ : state)
    for (size_t i = 0; i < s.size(); ++i)
      benchmark::DoNotOptimize(grammar::split_sentences(corpus().docs[i].text(), s[i]));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().bytes));
}
BENCHMARK(BM_SentenceSplit)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  std::vector<grammar::QuoteScan> s = scans();
  std::vector<std::vector<grammar::Sentence>> sentences;
  for (size_t i = 0; i < s.size(); ++i) sentences.push_back(grammar::split_sentences(corpus().docs[i].text(), s[i]));
  for (auto _ : state)
    for (size_t i = 0; i < s.size(); ++i)
      for (const grammar::Sentence& sent : sentences[i])
        benchmark::DoNotOptimize(grammar::tokenize(corpus().docs[i].text(), sent.range, s[i]));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().bytes));
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

// attribute(): sentences, tokens, cues, mentions, frames and entity resolution.
void BM_Attribution(benchmark::State& state) {
  std::vector<grammar::QuoteScan> s = scans();
  for (auto _ : state)
    for (size_t i = 0; i < s.size(); ++i)
      benchmark::DoNotOptimize(attribute(corpus().docs[i].text(), s[i], false));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().bytes));
}
BENCHMARK(BM_Attribution)->Unit(benchmark::kMillisecond);

// Tone features and scoring of every speech quote's text.
void BM_ToneScore(benchmark::State& state) {
  std::vector<model::ToneInput> inputs;
  size_t bytes = 0;
  for (const DocumentResult& r : results())
    for (const QuoteRecord& q : r.quotes())
      if (q.kind() == QuoteRecord::SPEECH) {
        inputs.push_back({q.text(), q.cue().lemma(), {}});
        bytes += q.text().size();
      }
  model::ToneScratch scratch;
  const model::ToneModel& m = tone_model();
  for (auto _ : state)
    for (const model::ToneInput& in : inputs) benchmark::DoNotOptimize(m.score(in, scratch));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["quotes"] = static_cast<double>(inputs.size());
}
BENCHMARK(BM_ToneScore)->Unit(benchmark::kMillisecond);

// The whole Analyzer on a document (quotes, attribution, tone, records).
void BM_AnalyzeDocument(benchmark::State& state) {
  Analyzer analyzer(PipelineConfig{}, &tone_model());
  for (auto _ : state)
    for (const Document& d : corpus().docs) benchmark::DoNotOptimize(analyzer.analyze(d));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().bytes));
}
BENCHMARK(BM_AnalyzeDocument)->Unit(benchmark::kMillisecond);

void BM_JsonWrite(benchmark::State& state) {
  std::string out;
  size_t bytes = 0;
  for (auto _ : state) {
    out.clear();
    for (const DocumentResult& r : results())
      for (const QuoteRecord& q : r.quotes()) append_json(out, q), out += '\n';
    bytes += out.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_JsonWrite)->Unit(benchmark::kMillisecond);

void BM_JsonlRead(benchmark::State& state) {
  Document doc;
  JsonError error;
  for (auto _ : state)
    for (const std::string& line : corpus().lines) benchmark::DoNotOptimize(parse_document_json(line, &doc, &error));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().line_bytes));
}
BENCHMARK(BM_JsonlRead)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace quotient::bench

BENCHMARK_MAIN();
