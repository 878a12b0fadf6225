// make_seeds — writes the fuzz targets' seed corpora from our own data:
//
//   make_seeds SOURCE_DIR OUT_DIR
//
// OUT_DIR/<target>/ gets, for the text targets (grammar, attribution,
// analyze), every data/samples/*.txt, each of its paragraphs and the string
// literals of the grammar and attribution tests; for jsonl_reader, JSONL
// files of those texts with good, bad and blank lines; for pb_reader, the
// length-delimited DocumentResult streams of the analyzed samples; for
// model, small valid model files cut from model/tone.qtm (no weight rows, or
// a few) behind the target's mode byte; for tone, the sentences of
// data/tone/*.tsv (our own training sentences and register phrases) as plain
// lines and as {"text","cue"} JSONL lines, a few also behind the 0x7F byte
// that runs the whole verb, and the sample texts. Nothing is committed: the build
// regenerates the seeds (tests/fuzz/CMakeLists.txt).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "json_writer.hpp"
#include "model/model_file.hpp"
#include "model/tone_model.hpp"
#include "pipeline.hpp"
#include "small_model.hpp"
#include "writers.hpp"

namespace fs = std::filesystem;
namespace qm = quotient::model;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void write_seed(const fs::path& dir, const std::string& name, const std::string& bytes) {
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& suffix) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) out.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads the C++ string literal whose opening quote is at src[i]; returns the
// index after its closing quote.
size_t read_literal(const std::string& src, size_t i, std::string* out) {
  for (++i; i < src.size() && src[i] != '"' && src[i] != '\n'; ++i) {
    if (src[i] != '\\' || i + 1 >= src.size()) {
      out->push_back(src[i]);
      continue;
    }
    char c = src[++i];
    if (c == 'n') out->push_back('\n');
    else if (c == 't') out->push_back('\t');
    else if (c == 'r') out->push_back('\r');
    else if (c == 'x') {
      int v = 0;
      while (i + 1 < src.size() && hex_value(src[i + 1]) >= 0) v = v * 16 + hex_value(src[++i]);
      out->push_back(static_cast<char>(v));
    } else {
      out->push_back(c);
    }
  }
  return i + 1;
}

// String literals with a space in them: the sentences the tests use.
std::vector<std::string> test_sentences(const fs::path& file) {
  std::string src = read_file(file);
  std::vector<std::string> out;
  for (size_t i = 0; i < src.size();) {
    if (src[i] != '"' || (i > 0 && (src[i - 1] == '\'' || src[i - 1] == 'R'))) {
      ++i;
      continue;
    }
    std::string lit;
    i = read_literal(src, i, &lit);
    if (lit.size() >= 8 && lit.find(' ') != std::string::npos) out.push_back(lit);
  }
  return out;
}

std::string jsonl_line(const std::string& id, const std::string& text) {
  std::string line = "{\"id\":";
  quotient::append_json_string(line, id);
  line += ",\"text\":";
  quotient::append_json_string(line, text);
  line += ",\"outlet\":\"Gazette\",\"date\":\"2026-11-29\",\"title\":\"Talks\",\"url\":\"https://example.org/a\"}\n";
  return line;
}

void text_seeds(const fs::path& src, const fs::path& out, std::vector<std::pair<std::string, std::string>>* docs) {
  std::set<std::string> texts;
  for (const fs::path& p : files_in(src / "data/samples", ".txt")) {
    std::string text = read_file(p);
    docs->emplace_back(p.stem().string(), text);
    texts.insert(text);
    for (const std::string& para : paragraphs(text)) texts.insert(para);
  }
  for (const char* dir : {"tests/grammar", "tests/src"})
    for (const fs::path& p : files_in(src / dir, "_test.cpp"))
      for (const std::string& s : test_sentences(p)) texts.insert(s);
  size_t n = 0;
  for (const std::string& t : texts) {
    std::string name = "seed-" + std::to_string(n++);
    for (const char* target : {"grammar", "attribution", "analyze"}) write_seed(out / target, name, t);
  }
  std::cout << "make_seeds: " << texts.size() << " texts\n";
}

void jsonl_seeds(const fs::path& out, const std::vector<std::pair<std::string, std::string>>& docs) {
  std::string all;
  for (const auto& [id, text] : docs) {
    write_seed(out / "jsonl_reader", id + ".jsonl", jsonl_line(id, text));
    size_t k = 0;
    for (const std::string& para : paragraphs(text)) all += jsonl_line(id + "-" + std::to_string(k++), para);
  }
  write_seed(out / "jsonl_reader", "paragraphs.jsonl", all);
  write_seed(out / "jsonl_reader", "mixed.jsonl",
             "{\"id\": \"one\", \"text\": \"A “quote”.\", \"outlet\": \"Gazette\"}\n"
             "{\"id\": \"two\", \"text\": broken\n"
             "\n  \t\r\n"
             "{\"text\": \"no id \\u201cescaped\\u201d \\ud83d\\ude00\", \"extra\": [1, {\"a\": null}]}\n"
             "[1, 2]\n"
             "{\"id\": 3, \"text\": \"number id\"}\r\n"
             "{\"id\": \"last\", \"text\": \"no newline at the end\"}");
}

void commit_or_exit(quotient::OutputFile& out) {
  if (out.commit()) return;
  std::cerr << "make_seeds: " << out.error() << '\n';
  std::exit(1);
}

void pb_seeds(const fs::path& src, const fs::path& out, const std::vector<std::pair<std::string, std::string>>& docs) {
  auto model = qm::ToneModel::load((src / "model/tone.qtm").string());
  if (!model) {
    std::cerr << "make_seeds: " << model.status().to_string() << '\n';
    std::exit(1);
  }
  quotient::Analyzer analyzer(quotient::PipelineConfig{}, &model.value());
  fs::create_directories(out / "pb_reader");
  auto all = quotient::OutputFile::open((out / "pb_reader" / "all.pb").string());
  quotient::RecordWriter all_writer(quotient::Format::kPb, all.get());
  std::vector<std::pair<std::string, std::string>> inputs = docs;
  inputs.emplace_back("bad-utf8", "caf\xC3\xA9 \xC3(");
  inputs.emplace_back("empty", " \n");
  for (const auto& [id, text] : inputs) {
    quotient::Document doc;
    doc.set_id(id);
    doc.set_text(text);
    quotient::DocumentResult r = analyzer.analyze(doc);
    auto one = quotient::OutputFile::open((out / "pb_reader" / (id + ".pb")).string());
    quotient::RecordWriter w(quotient::Format::kPb, one.get());
    w.write(r);
    w.finish();
    all_writer.write(r);
    commit_or_exit(*one);
  }
  all_writer.finish();
  commit_or_exit(*all);
}

void model_seeds(const fs::path& src, const fs::path& out) {
  quotient::ToneModelFile f;
  if (!f.ParseFromString(read_file(src / "model/tone.qtm"))) {
    std::cerr << "make_seeds: cannot parse model/tone.qtm\n";
    std::exit(1);
  }
  for (int rows : {0, 3, 24}) {
    std::string bytes = quotient::fuzz::small_model(f, rows);
    if (auto m = qm::ToneModel::from_bytes(bytes, "seed"); !m) {
      std::cerr << "make_seeds: small model: " << m.status().to_string() << '\n';
      std::exit(1);
    }
    write_seed(out / "model", "rows-" + std::to_string(rows), std::string(1, '\0') + bytes);
    write_seed(out / "model", "rows-" + std::to_string(rows) + "-fixed", std::string(1, '\1') + bytes);
  }
}

// The tab-separated fields of the non-comment lines of a data/tone file.
std::vector<std::vector<std::string>> tsv_rows(const fs::path& p) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_file(p));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    for (size_t pos = 0;;) {
      size_t tab = line.find('\t', pos);
      fields.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

// `quotient tone` input: plain lines, and JSONL lines with "text" and "cue",
// 16 sentences a seed; every fourth seed again behind 0x7F (the whole verb).
void tone_seeds(const fs::path& src, const fs::path& out,
                const std::vector<std::pair<std::string, std::string>>& docs) {
  std::vector<std::pair<std::string, std::string>> sentences;  // text, cue
  for (const auto& row : tsv_rows(src / "data/tone/pragmatic_train.tsv"))
    if (row.size() >= 2) sentences.emplace_back(row[1], row.size() >= 3 ? row[2] : "");
  for (const auto& row : tsv_rows(src / "data/tone/register_lexicon.tsv"))
    if (row.size() >= 3) sentences.emplace_back(row[2], "");
  size_t n = 0;
  for (size_t i = 0; i < sentences.size(); i += 16, ++n) {
    std::string plain, jsonl;
    for (size_t j = i; j < std::min(i + 16, sentences.size()); ++j) {
      plain += sentences[j].first + "\n";
      jsonl += "{\"text\":";
      quotient::append_json_string(jsonl, sentences[j].first);
      jsonl += ",\"cue\":";
      quotient::append_json_string(jsonl, sentences[j].second);
      jsonl += "}\n";
    }
    write_seed(out / "tone", "plain-" + std::to_string(n), plain);
    write_seed(out / "tone", "jsonl-" + std::to_string(n), jsonl);
    if (n % 4 == 0) write_seed(out / "tone", "verb-" + std::to_string(n), "\x7f" + jsonl);
  }
  for (const auto& [id, text] : docs) write_seed(out / "tone", "sample-" + id, text);
  write_seed(out / "tone", "verb-mixed",
             "\x7f" "plain text\r\n{\"text\":\"escaped \\u201cquote\\u201d\",\"cue\":\"warn\"}\n\n{\"cue\":\"x\"}");
  std::cout << "make_seeds: " << sentences.size() << " tone sentences\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_seeds SOURCE_DIR OUT_DIR\n";
    return 2;
  }
  fs::path src = argv[1], out = argv[2];
  std::vector<std::pair<std::string, std::string>> docs;
  text_seeds(src, out, &docs);
  jsonl_seeds(out, docs);
  pb_seeds(src, out, docs);
  model_seeds(src, out);
  tone_seeds(src, out, docs);
  return 0;
}
