// Records and I/O: the pipeline's document checks, protobuf round trips, the
// writers' formats and atomic files, the readers' inputs and their errors.
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/json_util.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "gold.hpp"
#include "pipeline.hpp"
#include "readers.hpp"
#include "tone_model.hpp"
#include "../test_env.hpp"
#include "utf8.hpp"
#include "writers.hpp"

namespace quotient::test {
namespace fs = std::filesystem;
namespace {

DocumentResult analyze_text(const std::string& text, const std::string& id = "d") {
  Document doc;
  doc.set_id(id);
  doc.set_text(text);
  return Analyzer(PipelineConfig{}, nullptr).analyze(doc);
}

std::string scratch(const std::string& name) {
  fs::path dir = fs::path(scratch_dir()) / "records_test";
  fs::create_directories(dir);
  return (dir / name).string();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::string first_code(const DocumentResult& r) {
  return r.diagnostics_size() ? r.diagnostics(0).code() : "";
}

const char* const kArticle =
    "Ms Lind said the vote was “a turning point”.\n\n“We will not stop,” she added.\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(records)

BOOST_AUTO_TEST_CASE(document_checks_name_the_byte) {
  DocumentResult bad = analyze_text(std::string("caf\xC3\xA9 ok \xC3(", 11));
  BOOST_TEST((bad.status() == DocumentResult::FAILED));
  BOOST_TEST(first_code(bad) == "invalid_utf8");
  BOOST_TEST(bad.diagnostics(0).offset() == 9u);
  DocumentResult nul = analyze_text(std::string("abc\0def", 7));
  BOOST_TEST(first_code(nul) == "binary");
  BOOST_TEST(nul.diagnostics(0).offset() == 3u);
  DocumentResult empty = analyze_text(" \n\t");
  BOOST_TEST((empty.status() == DocumentResult::SKIPPED));
  BOOST_TEST(first_code(empty) == "empty");
}

BOOST_AUTO_TEST_CASE(utf8_validator) {
  BOOST_TEST(find_invalid_utf8("plain ascii") == std::string_view::npos);
  BOOST_TEST(find_invalid_utf8("“curly” ’") == std::string_view::npos);
  BOOST_TEST(find_invalid_utf8("\xC0\xAF") == 0u);           // overlong
  BOOST_TEST(find_invalid_utf8("ab\xED\xA0\x80") == 2u);     // surrogate
  BOOST_TEST(find_invalid_utf8("abcdefgh\xF4\x90\x80\x80") == 8u);  // > U+10FFFF
  BOOST_TEST(find_invalid_utf8("\xE2\x80") == 0u);            // truncated
}

// valid_utf8() keeps valid text as it is and replaces each stray byte.
BOOST_AUTO_TEST_CASE(valid_utf8_replaces_each_stray_byte) {
  BOOST_TEST(valid_utf8("“curly” é") == "“curly” é");
  BOOST_TEST(valid_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  BOOST_TEST(valid_utf8("\xE2\x80x\xC3\xA9") == "\xEF\xBF\xBD\xEF\xBF\xBDx\xC3\xA9");  // truncated, then é
  BOOST_TEST(find_invalid_utf8(valid_utf8("\xED\xA0\x80\xF4\x90\x80\x80")) == std::string_view::npos);
}

// find_invalid_utf8() skips ASCII 16 or 8 bytes at a time: a bad or a good
// multi-byte sequence at every offset, and a truncated one at the very end.
BOOST_AUTO_TEST_CASE(utf8_validator_at_every_offset) {
  for (size_t n = 0; n <= 40; ++n) {
    std::string lead(n, 'a');
    BOOST_TEST(find_invalid_utf8(lead + "\xFF" + lead) == n, "offset " << n);
    BOOST_TEST(find_invalid_utf8(lead + "\xC3\xA9" + lead + "\xE2\x80\x9D" + lead) == std::string_view::npos);
    BOOST_TEST(find_invalid_utf8(lead + "\xC3\xA9" + lead + "\x80") == 2 * n + 2);  // stray continuation
    BOOST_TEST(find_invalid_utf8(lead + "\xF0\x9F\x98") == n);                       // truncated at the end
  }
}

BOOST_AUTO_TEST_CASE(spans_index_the_untouched_text) {
  DocumentResult r = analyze_text(kArticle);
  BOOST_REQUIRE(r.quotes_size() == 2);
  for (const QuoteRecord& q : r.quotes()) {
    BOOST_TEST(std::string(kArticle).substr(q.span().begin(), q.span().end() - q.span().begin()) == q.text());
    const Span& m = q.speaker().mention_span();
    BOOST_TEST(std::string(kArticle).substr(m.begin(), m.end() - m.begin()) == q.speaker().mention());
  }
  BOOST_TEST(r.quotes(1).speaker().name() == "Lind");
}

// Limits (issue 7): a cap on quotes per document, with a warning that says
// where the analysed text ends.
BOOST_AUTO_TEST_CASE(quotes_over_the_cap_are_left_out_with_a_warning) {
  std::string text;
  for (int i = 0; i < 5; ++i) text += "Mr Okafor said: “part " + std::to_string(i) + ".” ";
  PipelineConfig config;
  config.max_quotes = 3;
  Document doc;
  doc.set_id("cap");
  doc.set_text(text);
  DocumentResult r = Analyzer(config, nullptr).analyze(doc);
  BOOST_TEST((r.status() == DocumentResult::OK));
  BOOST_REQUIRE(r.quotes_size() == 3);
  BOOST_TEST(r.quotes(2).text() == "part 2.");
  BOOST_TEST(r.quotes(2).speaker().name() == "Okafor");
  BOOST_REQUIRE(r.diagnostics_size() == 1);
  BOOST_TEST(r.diagnostics(0).code() == "too_many_quotes");
  BOOST_TEST(r.diagnostics(0).offset() == text.find("“part 3"));
  config.max_quotes = 5;  // at the cap: everything, no warning
  DocumentResult all = Analyzer(config, nullptr).analyze(doc);
  BOOST_TEST(all.quotes_size() == 5);
  BOOST_TEST(all.diagnostics_size() == 0);
}

// A document longer than segment_bytes is attributed in parts cut at line
// breaks outside quotes; records keep document offsets and quote indices,
// and a quote running over a cut point stays whole.
BOOST_AUTO_TEST_CASE(long_documents_are_attributed_in_parts) {
  std::string text;
  for (int i = 0; i < 12; ++i)
    text += "Ms Varga said the plan was “step " + std::to_string(i) + "”.\n\nThe weather was mild.\n\n";
  text += "“A quote that runs\n\n“over two paragraphs,” said Tom Reyes.\n";
  Document doc;
  doc.set_id("long");
  doc.set_text(text);
  DocumentResult whole = Analyzer(PipelineConfig{}, nullptr).analyze(doc);
  PipelineConfig config;
  config.segment_bytes = 120;
  DocumentResult parts = Analyzer(config, nullptr).analyze(doc);
  BOOST_REQUIRE(whole.quotes_size() == 13);
  BOOST_REQUIRE(parts.quotes_size() == 13);
  for (int i = 0; i < 13; ++i) {
    const QuoteRecord &a = whole.quotes(i), &b = parts.quotes(i);
    BOOST_TEST(b.index() == static_cast<uint32_t>(i));
    BOOST_TEST(b.text() == a.text());
    BOOST_TEST(b.span().begin() == a.span().begin());
    BOOST_TEST(b.speaker().name() == a.speaker().name());
    BOOST_TEST(b.speaker().mention_span().begin() == a.speaker().mention_span().begin());
    BOOST_TEST(b.cue().span().begin() == a.cue().span().begin());
    BOOST_TEST(text.substr(b.span().begin(), b.span().end() - b.span().begin()) == b.text());
  }
  BOOST_TEST(parts.quotes(12).text() == "A quote that runs\n\n“over two paragraphs,");
  BOOST_TEST(parts.quotes(12).paragraphs() == 2u);
  BOOST_TEST(parts.quotes(12).speaker().name() == "Tom Reyes");
  BOOST_TEST(whole.diagnostics_size() == 0);
  BOOST_REQUIRE(parts.diagnostics_size() == 1);
  BOOST_TEST(parts.diagnostics(0).code() == "segmented");
}

BOOST_AUTO_TEST_CASE(protobuf_round_trips) {
  DocumentResult r = analyze_text(kArticle);
  std::string bytes = r.SerializeAsString();
  DocumentResult back;
  BOOST_REQUIRE(back.ParseFromString(bytes));
  BOOST_TEST(back.SerializeAsString() == bytes);
  std::string json;
  google::protobuf::util::JsonPrintOptions opt;
  opt.preserve_proto_field_names = true;
  BOOST_REQUIRE(google::protobuf::util::MessageToJsonString(r, &json, opt).ok());
  BOOST_TEST(json.find("\"doc_id\"") != std::string::npos);
  DocumentResult from_json;
  BOOST_REQUIRE(google::protobuf::util::JsonStringToMessage(json, &from_json).ok());
  BOOST_TEST(from_json.SerializeAsString() == bytes);
}

BOOST_AUTO_TEST_CASE(pb_stream_is_length_delimited_and_truncation_is_detected) {
  std::string path = scratch("stream.pb");
  auto out = OutputFile::open(path);
  RecordWriter w(Format::kPb, out.get());
  w.write(analyze_text(kArticle, "a"));
  w.write(analyze_text("No quotes here.", "b"));
  w.finish();
  BOOST_REQUIRE(out->commit());
  std::string bytes = read_file(path);
  google::protobuf::io::ArrayInputStream raw(bytes.data(), static_cast<int>(bytes.size()));
  google::protobuf::io::CodedInputStream in(&raw);
  std::vector<std::string> ids;
  uint32_t size;
  while (in.ReadVarint32(&size)) {
    auto limit = in.PushLimit(static_cast<int>(size));
    DocumentResult r;
    BOOST_REQUIRE(r.ParseFromCodedStream(&in));
    in.PopLimit(limit);
    ids.push_back(r.doc_id());
  }
  BOOST_TEST(ids == (std::vector<std::string>{"a", "b"}), boost::test_tools::per_element());
  // A truncated stream: the last message cannot be parsed in full.
  std::string cut = bytes.substr(0, bytes.size() - 3);
  google::protobuf::io::ArrayInputStream raw2(cut.data(), static_cast<int>(cut.size()));
  google::protobuf::io::CodedInputStream in2(&raw2);
  BOOST_REQUIRE(in2.ReadVarint32(&size));
  DocumentResult first;
  auto limit = in2.PushLimit(static_cast<int>(size));
  BOOST_TEST(first.ParseFromCodedStream(&in2));
  in2.PopLimit(limit);
  BOOST_REQUIRE(in2.ReadVarint32(&size));
  std::string rest;
  BOOST_TEST(!in2.ReadString(&rest, static_cast<int>(size)));
}

BOOST_AUTO_TEST_CASE(jsonl_one_record_per_quote_with_fixed_schema) {
  std::string path = scratch("quotes.jsonl");
  auto out = OutputFile::open(path);
  RecordWriter w(Format::kJsonl, out.get());
  w.write(analyze_text(kArticle));
  w.finish();
  BOOST_REQUIRE(out->commit());
  std::string text = read_file(path);
  BOOST_TEST(std::count(text.begin(), text.end(), '\n') == 2);
  BOOST_TEST(text.find("\"index\":0") != std::string::npos);  // defaults are printed
  QuoteRecord q;
  BOOST_TEST(google::protobuf::util::JsonStringToMessage(text.substr(0, text.find('\n')), &q).ok());
  BOOST_TEST(q.text() == "a turning point");
}

BOOST_AUTO_TEST_CASE(tsv_escapes_and_table_aligns) {
  std::string tsv = scratch("q.tsv"), table = scratch("q.table");
  for (auto [path, fmt] : {std::pair{tsv, Format::kTsv}, std::pair{table, Format::kTable}}) {
    auto out = OutputFile::open(path);
    RecordWriter w(fmt, out.get());
    w.write(analyze_text("“Line one\n\n“line\ttwo,” said Ola Berg.\n"));
    w.finish();
    BOOST_REQUIRE(out->commit());
  }
  std::string t = read_file(tsv);
  BOOST_TEST(t.find("Line one\\n\\n“line\\ttwo,") != std::string::npos);
  BOOST_TEST(std::count(t.begin(), t.end(), '\n') == 2);  // header + one row
  std::string tb = read_file(table);
  BOOST_TEST(tb.find("Ola Berg") != std::string::npos);
  BOOST_TEST(tb.substr(0, 3) == "doc");
}

BOOST_AUTO_TEST_CASE(output_file_appears_only_when_committed) {
  std::string path = scratch("atomic.jsonl");
  fs::remove(path);
  {
    auto out = OutputFile::open(path);
    out->write("partial\n");
    BOOST_TEST(!fs::exists(path));
  }  // destroyed without commit: no file, no temporary
  BOOST_TEST(!fs::exists(path));
  for (const auto& e : fs::directory_iterator(fs::path(path).parent_path()))
    BOOST_TEST(e.path().filename().string().find("atomic.jsonl.tmp") == std::string::npos);
  auto bad = OutputFile::open("/nonexistent-dir/out.jsonl");
  BOOST_TEST(!bad->ok());
  BOOST_TEST(bad->error().find("/nonexistent-dir/out.jsonl") != std::string::npos);
}

// A heap result analysed into again and again (analyze_cli's reused result)
// takes its records' Span, Speaker and Cue (and tone parts) from the earlier
// documents' records: each must come out as a fresh result's, whatever it
// held before. The fresh one is on an arena, which takes no spares, so it
// does not share the pool it is checked against; with and without tone.
BOOST_AUTO_TEST_CASE(a_reused_result_gives_what_a_fresh_one_gives) {
  const std::vector<std::string> texts = {
      kArticle,
      "The so-called “plan” was never written down.\n",  // a scare quote: no speaker, no cue
      "“Prices fell in the spring,” the harbour master told reporters on Friday.\n",
      "“Not yet,” said Dr Okafor. “Ask me next week,” he added, “or the week after.”\n",
      "",
  };
  auto tone = model::ToneModel::load(source_dir() + "/model/tone.qtm");
  BOOST_REQUIRE(tone.ok());
  const model::ToneModel* shipped = &tone.value();
  for (const model::ToneModel* model : {static_cast<const model::ToneModel*>(nullptr), shipped}) {
    Analyzer analyzer(PipelineConfig{}, model);
    DocumentResult reused;
    for (size_t i : {0, 1, 2, 3, 1, 0, 4, 3, 2, 3}) {
      Document doc;
      doc.set_id("doc" + std::to_string(i));
      doc.set_text(texts[i]);
      analyzer.analyze(doc, &reused);
      google::protobuf::Arena arena;
      DocumentResult* fresh = google::protobuf::Arena::CreateMessage<DocumentResult>(&arena);
      analyzer.analyze(doc, fresh);
      BOOST_TEST_CONTEXT("document " << i << (model ? " with tone" : "")) {
        BOOST_TEST(reused.SerializeAsString() == fresh->SerializeAsString());
      }
    }
  }
}

// TextFacts only skip a check whose answer the caller knows: text known to
// be valid UTF-8 gives the same result; unknown text is still checked.
BOOST_AUTO_TEST_CASE(text_facts_change_no_result) {
  Analyzer analyzer(PipelineConfig{}, nullptr);
  Document doc;
  doc.set_id("d");
  doc.set_text(kArticle);
  DocumentResult known;
  analyzer.analyze(doc, &known, TextFacts{true});
  BOOST_TEST(known.SerializeAsString() == analyzer.analyze(doc).SerializeAsString());
  doc.set_text("Ms Lind said \xff“no”.");
  BOOST_TEST(first_code(analyzer.analyze(doc)) == "invalid_utf8");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(readers)

std::vector<InputItem> read_all(const std::vector<std::string>& inputs, ReaderConfig config = {}) {
  InputReader reader(inputs, config);
  std::vector<InputItem> items;
  InputItem item;
  while (reader.next(&item)) items.push_back(item);
  return items;
}

BOOST_AUTO_TEST_CASE(jsonl_bad_line_is_reported_and_the_rest_read) {
  std::string path = scratch("docs.jsonl");
  write_file(path,
             "{\"id\": \"one\", \"text\": \"A “quote”.\", \"outlet\": \"Gazette\"}\n"
             "{\"id\": \"two\", \"text\": broken\n"
             "\n"
             "{\"text\": \"no id\", \"extra\": 1}\n");
  std::vector<InputItem> items = read_all({path});
  BOOST_REQUIRE(items.size() == 3u);
  BOOST_TEST(items[0].doc.id() == "one");
  BOOST_TEST(items[0].doc.outlet() == "Gazette");
  BOOST_REQUIRE(items[1].failure.has_value());
  BOOST_TEST(first_code(*items[1].failure) == "malformed_jsonl");
  BOOST_TEST(items[1].line == 2u);
  BOOST_TEST(items[1].failure->diagnostics(0).message().find("line 2") != std::string::npos);
  BOOST_TEST(items[1].failure->source_offset() == items[1].offset);
  BOOST_TEST(items[2].doc.id() == "docs:4");  // a missing id: file stem and line
}

BOOST_AUTO_TEST_CASE(text_files_directories_and_missing_files) {
  fs::path dir = fs::path(scratch("corpus"));
  fs::create_directories(dir / "sub");
  write_file((dir / "b.txt").string(), "Second.");
  write_file((dir / "sub" / "a.txt").string(), "First.");
  write_file((dir / "skip.bin").string(), "ignored");
  std::vector<InputItem> items = read_all({dir.string(), scratch("missing.txt")});
  BOOST_REQUIRE(items.size() == 3u);
  BOOST_TEST(items[0].doc.id() == "b");
  BOOST_TEST(items[1].doc.id() == "a");
  BOOST_REQUIRE(items[2].failure.has_value());
  BOOST_TEST(first_code(*items[2].failure) == "io_error");
}

BOOST_AUTO_TEST_CASE(oversized_documents_are_skipped_unread) {
  std::string path = scratch("big.txt");
  write_file(path, std::string(5000, 'x'));
  ReaderConfig config;
  config.max_document_bytes = 1000;
  std::vector<InputItem> items = read_all({path}, config);
  BOOST_REQUIRE(items.size() == 1u);
  BOOST_REQUIRE(items[0].failure.has_value());
  BOOST_TEST((items[0].failure->status() == DocumentResult::SKIPPED));
  BOOST_TEST(first_code(*items[0].failure) == "too_large");
}

BOOST_AUTO_TEST_SUITE_END()

// Locality (issue 5): attribution reads in full only the sentences near a
// quote (read_sentences). --indirect reads every sentence and adds INDIRECT
// records after the quotes' ones, which it leaves alone; so the quote
// records of the two runs must be the same, field for field. A pronoun or
// frame window widened elsewhere without widening the near window shows
// here. Our samples always; every PolNeAR dev and train article when
// ../shared is present.
BOOST_AUTO_TEST_SUITE(locality)

BOOST_AUTO_TEST_CASE(sentences_far_from_quotes_change_no_record) {
  std::vector<std::string> paths;
  for (const char* name : {"city-council", "climate-summit", "trade-talks"})
    paths.push_back(source_dir() + "/data/samples/" + name + ".txt");
  for (const char* split : {"dev", "train"}) {
    fs::path dir = fs::path(shared_dir()) / "corpus/polnear" / split / "text";
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) paths.push_back(e.path().string());
  }
  PipelineConfig with_indirect;
  with_indirect.indirect = true;
  Analyzer quotes(PipelineConfig{}, nullptr), all(with_indirect, nullptr);
  size_t records = 0;
  for (const std::string& path : paths) {
    Document doc;
    doc.set_id(fs::path(path).stem().string());
    doc.set_text(read_file(path));
    DocumentResult a = quotes.analyze(doc), b = all.analyze(doc);
    int n = 0;
    for (const QuoteRecord& q : b.quotes())
      if (q.kind() != QuoteRecord::INDIRECT) {
        BOOST_TEST_CONTEXT(path << " record " << n) {
          BOOST_REQUIRE(n < a.quotes_size());
          BOOST_TEST(a.quotes(n).SerializeAsString() == q.SerializeAsString());
        }
        ++n;
      }
    BOOST_TEST(n == a.quotes_size());
    records += static_cast<size_t>(n);
  }
  BOOST_TEST(records > 20u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace quotient::test
