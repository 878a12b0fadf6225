// Compressed inputs: .gz and .zst files read like their plain content (the
// extension before the suffix decides the format), and corrupt or truncated
// compressed data becomes a failure naming the file and the compressed byte,
// after which reading goes on with the next input.
#include <zlib.h>
#include <zstd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "readers.hpp"
#include "../test_env.hpp"

namespace quotient::test {
namespace fs = std::filesystem;
namespace {

std::string scratch(const std::string& name) {
  fs::path dir = fs::path(scratch_dir()) / "compressed_test";
  fs::create_directories(dir);
  return (dir / name).string();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// One gzip member holding `text`.
std::string gzip(const std::string& text) {
  z_stream z{};
  BOOST_REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, text.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  BOOST_REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// One zstd frame holding `text`.
std::string zstd(const std::string& text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3);
  BOOST_REQUIRE(!ZSTD_isError(n));
  out.resize(n);
  return out;
}

std::vector<InputItem> read_all(const std::vector<std::string>& inputs) {
  InputReader reader(inputs, ReaderConfig{});
  std::vector<InputItem> items;
  InputItem item;
  while (reader.next(&item)) items.push_back(item);
  return items;
}

const std::string kJsonl =
    "{\"id\": \"one\", \"text\": \"Mr Bo said it was “fine”.\"}\n"
    "{\"id\": \"two\", \"text\": \"“Yes,” said Ann Lee.\"}\n";

// `lines` JSONL documents, long enough to span many 64 KiB read chunks.
std::string many_documents(int lines) {
  std::string out;
  for (int i = 0; i < lines; ++i)
    out += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"Ms Rowe said the plan was “sound” on day " +
           std::to_string(i) + ".\"}\n";
  return out;
}

const std::string& message(const InputItem& item) { return item.failure->diagnostics(0).message(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(compressed)

BOOST_AUTO_TEST_CASE(gzip_jsonl_is_read_as_jsonl) {
  std::string path = scratch("docs.jsonl.gz");
  write_file(path, gzip(kJsonl));
  std::vector<InputItem> items = read_all({path});
  BOOST_REQUIRE(items.size() == 2u);
  BOOST_TEST(!items[0].failure.has_value());
  BOOST_TEST(items[0].doc.id() == "one");
  BOOST_TEST(items[1].doc.text() == "“Yes,” said Ann Lee.");
  BOOST_TEST(items[1].line == 2u);
  BOOST_TEST(items[1].offset == kJsonl.find("{\"id\": \"two\""));  // offsets in decoded bytes
}

BOOST_AUTO_TEST_CASE(zstd_text_is_one_document_named_by_its_stem) {
  std::string path = scratch("article.txt.zst");
  write_file(path, zstd("Ms Rowe said the plan was “sound”.\n"));
  std::vector<InputItem> items = read_all({path});
  BOOST_REQUIRE(items.size() == 1u);
  BOOST_TEST(!items[0].failure.has_value());
  BOOST_TEST(items[0].doc.id() == "article");
  BOOST_TEST(items[0].doc.text() == "Ms Rowe said the plan was “sound”.\n");
}

BOOST_AUTO_TEST_CASE(large_streams_of_several_members_and_frames) {
  std::string text = many_documents(20000);  // about 1.5 MB decoded
  std::string gz = scratch("big.jsonl.gz"), zst = scratch("big.jsonl.zst"), plain = scratch("big.jsonl");
  write_file(gz, gzip(text) + gzip(text));  // concatenated members, as `cat a.gz b.gz`
  write_file(zst, zstd(text) + zstd(text));
  write_file(plain, text);
  InputReader reader({gz, zst, plain}, ReaderConfig{});
  InputItem item;
  size_t docs = 0, failures = 0;
  while (reader.next(&item)) (item.failure ? failures : docs) += 1;
  BOOST_TEST(failures == 0u);
  BOOST_TEST(docs == 100000u);
  // Progress counts the bytes of the files as stored: compressed, and plain.
  BOOST_TEST(reader.bytes_read() == fs::file_size(gz) + fs::file_size(zst) + text.size());
  BOOST_TEST(reader.bytes_total() == reader.bytes_read());
}

BOOST_AUTO_TEST_CASE(truncated_gzip_is_a_failure_and_the_next_input_is_read) {
  std::string text = many_documents(20000);
  std::string gz = gzip(text);
  std::string cut = scratch("cut.jsonl.gz"), next = scratch("next.jsonl.gz");
  write_file(cut, gz.substr(0, gz.size() / 2));
  write_file(next, gzip(kJsonl));
  std::vector<InputItem> items = read_all({cut, next});
  BOOST_REQUIRE(items.size() >= 3u);
  size_t complete = items.size() - 3;  // the documents decoded before the cut
  BOOST_TEST(complete > 1000u);
  for (size_t i = 0; i < complete; ++i) BOOST_TEST(!items[i].failure.has_value());
  const InputItem& bad = items[complete];
  BOOST_REQUIRE(bad.failure.has_value());
  BOOST_TEST(bad.failure->diagnostics(0).code() == "corrupt_input");
  BOOST_TEST(bad.failure->source() == cut);
  BOOST_TEST(bad.failure->source_offset() == gz.size() / 2);  // the compressed byte
  BOOST_TEST(bad.failure->doc_id() == "cut");
  BOOST_TEST(message(bad).find("truncated gzip") != std::string::npos);
  BOOST_TEST(message(bad).find("compressed byte " + std::to_string(gz.size() / 2)) != std::string::npos);
  BOOST_TEST(items[complete + 1].doc.id() == "one");
  BOOST_TEST(items[complete + 2].doc.id() == "two");
}

BOOST_AUTO_TEST_CASE(truncated_zstd_text_is_a_failure_and_the_next_input_is_read) {
  std::string zst = zstd(many_documents(2000));
  std::string cut = scratch("cut.txt.zst"), next = scratch("next.txt");
  write_file(cut, zst.substr(0, zst.size() - 7));
  write_file(next, "Plain text after it.");
  std::vector<InputItem> items = read_all({cut, next});
  BOOST_REQUIRE(items.size() == 2u);
  BOOST_REQUIRE(items[0].failure.has_value());
  BOOST_TEST(items[0].failure->doc_id() == "cut");
  BOOST_TEST(items[0].failure->source_offset() == zst.size() - 7);
  BOOST_TEST(message(items[0]).find("truncated zstd") != std::string::npos);
  BOOST_TEST(!items[1].failure.has_value());
  BOOST_TEST(items[1].doc.text() == "Plain text after it.");
}

BOOST_AUTO_TEST_CASE(corrupt_data_names_the_compressed_byte) {
  std::string gz = gzip(many_documents(200)), zst = zstd(many_documents(200));
  for (size_t i = 40; i < 60; ++i) gz[i] = static_cast<char>(gz[i] ^ 0x5a);
  std::string bad_gz = scratch("bad.jsonl.gz"), bad_zst = scratch("bad.jsonl.zst");
  write_file(bad_gz, gz);
  write_file(bad_zst, "not zstd at all");
  std::vector<InputItem> items = read_all({bad_gz, bad_zst});
  BOOST_REQUIRE(!items.empty());
  const InputItem& gz_failure = items[items.size() - 2];
  BOOST_REQUIRE(gz_failure.failure.has_value());
  BOOST_TEST(message(gz_failure).find("corrupt gzip data at compressed byte") != std::string::npos);
  BOOST_TEST(gz_failure.failure->source_offset() >= 40u);
  BOOST_TEST(gz_failure.failure->source_offset() <= gz.size());
  const InputItem& zst_failure = items.back();
  BOOST_REQUIRE(zst_failure.failure.has_value());
  BOOST_TEST(zst_failure.failure->source() == bad_zst);
  BOOST_TEST(message(zst_failure).find("corrupt zstd data at compressed byte 0") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(directories_pick_up_compressed_text_and_jsonl) {
  fs::path dir = fs::path(scratch("corpus"));
  fs::remove_all(dir);
  fs::create_directories(dir);
  write_file((dir / "a.txt.gz").string(), gzip("First."));
  write_file((dir / "b.jsonl.zst").string(), zstd(kJsonl));
  write_file((dir / "c.txt.zst").string(), zstd("Third."));
  write_file((dir / "d.jsonl.gz").string(), gzip(kJsonl));
  write_file((dir / "e.gz").string(), gzip("no content extension: ignored"));
  write_file((dir / "f.csv.zst").string(), zstd("ignored"));
  std::vector<std::string> files = expand_inputs({dir.string()});
  BOOST_REQUIRE(files.size() == 4u);
  BOOST_TEST(fs::path(files[0]).filename() == "a.txt.gz");
  BOOST_TEST(fs::path(files[3]).filename() == "d.jsonl.gz");
  std::vector<InputItem> items = read_all({dir.string()});
  BOOST_REQUIRE(items.size() == 6u);
  BOOST_TEST(items[0].doc.id() == "a");
  BOOST_TEST(items[0].doc.text() == "First.");
  BOOST_TEST(items[3].doc.id() == "c");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace quotient::test
