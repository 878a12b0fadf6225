// The direct JSONL document parser against protobuf's JSON parser (which the
// reader used before): the same Document on every line both accept, a
// rejection with the right byte offset where the line is not JSON, and the
// reader's handling of long and malformed lines in a file.
#include <google/protobuf/util/json_util.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <random>

#include "../test_env.hpp"
#include "readers.hpp"

namespace quotient::test {
namespace fs = std::filesystem;
namespace {

struct Parsed {
  bool ok = false;
  Document doc;
  JsonError error;
};

Parsed direct(const std::string& line) {
  Parsed p;
  p.ok = parse_document_json(line, &p.doc, &p.error);
  return p;
}

Parsed protobuf(const std::string& line) {
  Parsed p;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  p.ok = google::protobuf::util::JsonStringToMessage(line, &p.doc, options).ok();
  return p;
}

// Both parsers accept the line and agree on every field.
void expect_same_document(const std::string& line) {
  Parsed a = direct(line), b = protobuf(line);
  BOOST_TEST_CONTEXT("line: " << line) {
    BOOST_TEST(b.ok);
    BOOST_TEST(a.ok, "direct parser: " << a.error.message << " at " << a.error.offset);
    if (a.ok && b.ok) BOOST_TEST(a.doc.SerializeAsString() == b.doc.SerializeAsString());
  }
}

// Both reject the line; the direct parser says where.
void expect_both_reject(const std::string& line, size_t offset) {
  Parsed a = direct(line), b = protobuf(line);
  BOOST_TEST_CONTEXT("line: " << line) {
    BOOST_TEST(!b.ok);
    BOOST_TEST(!a.ok);
    BOOST_TEST(a.error.offset == offset, a.error.message << " at " << a.error.offset);
    BOOST_TEST(!a.error.message.empty());
  }
}

// A JSON string literal for s, escaped the way JSON writers do (Python's
// json.dumps with ensure_ascii, or raw UTF-8), chosen by the generator.
std::string literal(const std::u32string& s, std::mt19937& rng) {
  std::string out = "\"";
  auto hex4 = [&](uint32_t u) {
    static const char* digits[] = {"0123456789abcdef", "0123456789ABCDEF"};
    const char* d = digits[rng() % 2];
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += d[(u >> shift) & 0xF];
  };
  for (char32_t c : s) {
    bool escape = rng() % 3 == 0;
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += escape ? "\\u000a" : "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '/' && escape) out += "\\/";
    else if (c < 0x20) hex4(c);
    else if (c >= 0x10000 && escape) hex4(0xD800 + ((c - 0x10000) >> 10)), hex4(0xDC00 + ((c - 0x10000) & 0x3FF));
    else if (c >= 0x80 && escape) hex4(c);
    else if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) out += {static_cast<char>(0xC0 | c >> 6), static_cast<char>(0x80 | (c & 0x3F))};
    else if (c < 0x10000)
      out += {static_cast<char>(0xE0 | c >> 12), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
              static_cast<char>(0x80 | (c & 0x3F))};
    else
      out += {static_cast<char>(0xF0 | c >> 18), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
              static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
  }
  return out + "\"";
}

std::u32string random_text(std::mt19937& rng) {
  static const char32_t pieces[] = {'a', 'Z', ' ', '.', '"', '\\', '/', '\n', '\t', 0x01, 0x1F, 0x7F,
                                    0xE9, 0xA0, 0x2019, 0x201C, 0x201D, 0xFEFF, 0x4E2D, 0x1F600, 0x10FFFF, 0};
  std::u32string s;
  for (size_t n = rng() % 24; n-- > 0;) s += pieces[rng() % std::size(pieces)];
  return s;
}

// A value for an unknown member: any JSON, nested a little.
std::string random_value(std::mt19937& rng, int depth = 0) {
  switch (rng() % (depth < 3 ? 9 : 6)) {
    case 0: return "null";
    case 1: return rng() % 2 ? "true" : "false";
    case 2: return std::to_string(static_cast<int>(rng() % 2000) - 1000);
    case 3: return "-12.5e-3";
    case 4: return "1E+300";
    case 5: return literal(random_text(rng), rng);
    case 6: return "[]";
    case 7: return "[" + random_value(rng, depth + 1) + ", " + random_value(rng, depth + 1) + "]";
    default: return "{\"k\" : " + random_value(rng, depth + 1) + ",\"l\":{}}";
  }
}

std::string random_document(std::mt19937& rng) {
  static const char* keys[] = {"id", "text", "outlet", "date", "title", "url", "extra", "Text", "ID", "meta"};
  std::string line = rng() % 4 ? "{" : " \t{ ";
  size_t members = rng() % 7;
  for (size_t m = 0; m < members; ++m) {
    const char* key = keys[rng() % std::size(keys)];
    bool known = std::islower(static_cast<unsigned char>(key[0])) && std::string(key) != "extra" &&
                 std::string(key) != "meta";
    line += m ? (rng() % 2 ? "," : " , ") : "";
    line += std::string("\"") + key + "\"" + (rng() % 2 ? ":" : " : ");
    line += known ? (rng() % 8 ? literal(random_text(rng), rng) : "null") : random_value(rng);
  }
  return line + (rng() % 4 ? "}" : " }\r");
}

std::string scratch(const std::string& name) {
  fs::path dir = fs::path(scratch_dir()) / "readers_test";
  fs::create_directories(dir);
  return (dir / name).string();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::vector<InputItem> read_all(const std::string& path, ReaderConfig config = {}) {
  InputReader reader({path}, config);
  std::vector<InputItem> items;
  InputItem item;
  while (reader.next(&item)) items.push_back(item);
  return items;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jsonl_parser)

BOOST_AUTO_TEST_CASE(agrees_with_protobuf_on_hand_written_lines) {
  for (const char* line : {
           R"({"id":"a","text":"x"})",
           R"({"id":"a","text":"x","outlet":"o","date":"2016-01-02","title":"t","url":"http://x/y"})",
           R"(  {"id" : "ws" }  )",
           "{\"id\":\"cr\"}\r",
           R"({})",
           R"({"id":null,"text":"t"})",
           R"({"text":"a","text":"b"})",
           R"({"text":"\ud83d\ude00 \u00e9 \/ \b\f\n\r\t \" \\"})",
           R"({"text":"\uD83D\uDE00\u0041\u20AC"})",
           R"({"text":"\u0000 NUL stays"})",
           "{\"text\":\"raw\ttab and \x01 control\"}",
           "{\"text\":\"del \x7f and \xE2\x80\x9Cquotes\xE2\x80\x9D\"}",
           R"({"x":{"y":[1,2,{"z":null}],"w":-1.5e3},"id":"k"})",
           R"({"x":[[[[[]]]]],"y":123456789012345678901234567890,"z":-0.0e+0,"id":"n"})",
           R"({"ID":"upper case keys are unknown","Text":"t"})",
           R"({"\u0069d":"escaped key"})",
           // escaped quotes before, after and next to the closing one
           R"({"text":"\"a\" \\\"b\"\n\"\\","id":"\"q\""})",
       })
    expect_same_document(line);
}

BOOST_AUTO_TEST_CASE(agrees_with_protobuf_on_generated_documents) {
  std::mt19937 rng(20241129);
  for (int i = 0; i < 5000; ++i) expect_same_document(random_document(rng));
}

BOOST_AUTO_TEST_CASE(nesting_limit_as_protobuf) {
  auto nested = [](int n) {
    std::string s = "{\"x\":";
    for (int k = 0; k < n; ++k) s += "{\"a\":";
    s += "1";
    for (int k = 0; k < n; ++k) s += "}";
    return s + ",\"id\":\"n\"}";
  };
  expect_same_document(nested(99));  // 100 objects with the document's own
  expect_both_reject(nested(100), 5 + 99 * 5);
  std::string arrays = "{\"x\":" + std::string(20000, '[') + std::string(20000, ']') + ",\"id\":\"deep\"}";
  expect_same_document(arrays);  // arrays nest freely, without recursion
}

BOOST_AUTO_TEST_CASE(rejects_what_protobuf_rejects_and_says_where) {
  expect_both_reject(R"({"id":1})", 6);
  expect_both_reject(R"({"id":true})", 6);
  expect_both_reject(R"({"text":["a"]})", 8);
  expect_both_reject(R"({"text":"\ud83d"})", 9);
  expect_both_reject(R"({"text":"\ude00x"})", 9);
  expect_both_reject(R"({"text":"\ud83d\u0041"})", 9);
  expect_both_reject(R"({"text":"\ud800\ud800"})", 9);
  expect_both_reject(R"({"x":"\u12"})", 6);
  expect_both_reject(R"({"x":01})", 5);
  expect_both_reject(R"({"x":.5})", 5);
  expect_both_reject(R"({"x":-})", 5);
  expect_both_reject(R"({"x":1e})", 5);
  expect_both_reject(R"({"x":--1})", 5);
  expect_both_reject(R"({"x":1e5000})", 5);
  expect_both_reject(R"({"x":tru})", 5);
  expect_both_reject(R"({"x":NaN})", 5);
  expect_both_reject(R"({"id":"a"} x)", 11);
  expect_both_reject(R"({"id":"a"}{"id":"b"})", 10);
  expect_both_reject(R"([1])", 0);
  expect_both_reject(R"("str")", 0);
  expect_both_reject(R"({"id":"a")", 9);
  expect_both_reject(R"({"id":"a)", 6);
  expect_both_reject(R"({,})", 1);
  expect_both_reject(R"({"a" "b"})", 5);
  expect_both_reject(R"({"a":})", 5);
  expect_both_reject("{\"text\":\"bad \xFF\"}", 13);
  expect_both_reject("{\"text\":\"overlong \xC0\xAF\"}", 18);
  expect_both_reject("{\"text\":\"surrogate \xED\xA0\x80\"}", 19);
  expect_both_reject("{\"x\":\"bad \xFF in an unknown member\"}", 10);
  expect_both_reject("", 0);
}

// Where protobuf's parser is laxer than RFC 8259, the direct parser is not:
// these lines are not JSON, and protobuf accepts them (or, for "\x", drops
// the backslash silently).
BOOST_AUTO_TEST_CASE(stricter_than_protobuf_where_protobuf_is_not_json) {
  for (auto [line, offset] : std::vector<std::pair<std::string, size_t>>{
           {R"({'id':'a'})", 1},
           {R"({id:"a"})", 1},
           {R"({"id":"a",})", 10},
           {R"({"x":[1,2,]})", 10},
           {R"({"x":1.})", 5},
           {R"({"text":"a\x"})", 10},
       }) {
    BOOST_TEST_CONTEXT("line: " << line) {
      BOOST_TEST(protobuf(line).ok);
      Parsed p = direct(line);
      BOOST_TEST(!p.ok);
      BOOST_TEST(p.error.offset == offset, p.error.message << " at " << p.error.offset);
    }
  }
}

// Strings are read in chunks of sixteen bytes: an ill-formed UTF-8 byte, a
// quote, a backslash or a character of two to four bytes at every offset of
// a chunk is found where it is; a string that nothing closes is unterminated
// even when a byte in it is ill-formed, as it was when runs were checked
// after their end was found.
BOOST_AUTO_TEST_CASE(string_bytes_at_every_offset_of_a_chunk) {
  const std::string plain = "The minister said it plainly, twice over, at the door.";
  for (size_t at = 0; at <= 40; ++at) {
    std::string head = R"({"text":")" + plain.substr(0, at);
    BOOST_TEST_CONTEXT("at " << at) {
      Parsed bad = direct(head + "\xFF and on\"}");
      BOOST_TEST(!bad.ok);
      BOOST_TEST(bad.error.offset == head.size());
      BOOST_TEST(bad.error.message == "invalid UTF-8 in a string");
      Parsed open = direct(head + "\xFF and on");
      BOOST_TEST(open.error.message == "unterminated string");
      BOOST_TEST(open.error.offset == 8u);
      Parsed escaped = direct(head + "\\\" \xE2\x80\x99\xF0\x9F\x98\x80 \u00e9\"}");
      BOOST_TEST(escaped.ok);
      BOOST_TEST(escaped.doc.text() == plain.substr(0, at) + "\" \xE2\x80\x99\xF0\x9F\x98\x80 \xC3\xA9");
      Parsed cut = direct(head + "\xE2\x80\"}");  // a sequence cut short by the quote
      BOOST_TEST(cut.error.offset == head.size());
    }
  }
}

// Damaged lines: wherever the direct parser accepts, protobuf accepts too,
// with the same document; and every rejection points inside the line.
BOOST_AUTO_TEST_CASE(never_laxer_than_protobuf_on_damaged_lines) {
  std::mt19937 rng(7);
  static const char noise[] = {'{', '}', '[', ']', '"', '\\', ':', ',', 'u', '0', 'e', '-', '.', ' ', '\xE2', '\x80'};
  for (int i = 0; i < 20000; ++i) {
    std::string line = random_document(rng);
    for (int edits = 1 + rng() % 3; edits-- > 0 && !line.empty();) {
      size_t at = rng() % line.size();
      switch (rng() % 3) {
        case 0: line.erase(at, 1); break;
        case 1: line.insert(line.begin() + at, noise[rng() % std::size(noise)]); break;
        default: line[at] = noise[rng() % std::size(noise)];
      }
    }
    Parsed a = direct(line), b = protobuf(line);
    BOOST_TEST_CONTEXT("line: " << line) {
      if (a.ok) {
        BOOST_TEST(b.ok);
        if (b.ok) BOOST_TEST(a.doc.SerializeAsString() == b.doc.SerializeAsString());
      } else {
        BOOST_TEST(a.error.offset <= line.size());
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(jsonl_reader)

BOOST_AUTO_TEST_CASE(malformed_line_names_the_byte_in_the_file) {
  std::string path = scratch("bad.jsonl");
  std::string first = "{\"id\":\"one\",\"text\":\"fine\"}\n";
  write_file(path, first + "{\"id\":\"two\",\"text\":nope}\n{\"id\":\"three\",\"text\":\"ok\"}\n");
  std::vector<InputItem> items = read_all(path);
  BOOST_REQUIRE(items.size() == 3u);
  BOOST_REQUIRE(items[1].failure.has_value());
  const DocumentResult& f = *items[1].failure;
  BOOST_TEST(f.diagnostics(0).code() == "malformed_jsonl");
  BOOST_TEST(f.source_offset() == first.size());               // where the line starts
  BOOST_TEST(f.diagnostics(0).offset() == first.size() + 19);  // where "nope" starts
  BOOST_TEST(f.diagnostics(0).message().find("byte " + std::to_string(first.size() + 19)) != std::string::npos);
  BOOST_TEST(f.doc_id() == "bad:2");
  BOOST_TEST(items[2].doc.id() == "three");
}

BOOST_AUTO_TEST_CASE(long_line_is_skipped_unread_and_reading_goes_on) {
  std::string path = scratch("long.jsonl");
  std::string first = "{\"id\":\"a\",\"text\":\"A.\"}\n";
  std::string big = "{\"id\":\"big\",\"text\":\"" + std::string(300000, 'x') + "\"}\n";
  write_file(path, first + big + "{\"id\":\"b\",\"text\":\"B.\"}\n");
  ReaderConfig config;
  config.max_document_bytes = 1000;  // lines up to the limit + 4096 bytes are read
  InputReader reader({path}, config);
  InputItem item;
  std::vector<std::string> seen;
  while (reader.next_unparsed(&item)) {
    if (item.failure) {
      BOOST_TEST(item.failure->status() == DocumentResult::SKIPPED);
      BOOST_TEST(item.failure->diagnostics(0).code() == "too_large");
      BOOST_TEST(item.offset == first.size());  // the byte where the long line starts
      BOOST_TEST(item.line == 2u);
      BOOST_TEST(item.raw.capacity() < 300000u);  // never held whole
      seen.push_back("skipped");
      continue;
    }
    BOOST_TEST(item.pending);
    parse_pending(&item);
    BOOST_TEST(!item.pending);
    seen.push_back(item.doc.id());
  }
  BOOST_TEST(seen == (std::vector<std::string>{"a", "skipped", "b"}), boost::test_tools::per_element());
}

// valid_utf8 (Analyzer's TextFacts) is set only where the JSON parser
// checked the text: not on a failure, not on a .txt file read as it is.
BOOST_AUTO_TEST_CASE(only_parsed_json_text_is_marked_valid_utf8) {
  std::string jsonl = scratch("facts.jsonl"), text = scratch("facts.txt");
  write_file(jsonl, "{\"id\":\"a\",\"text\":\"caf\u00e9 \\u00e9\"}\n{\"id\":\"b\",\"text\":\"x\xff\"}\n"
                    "{\"id\":\"c\",\"text\":\"plain\"}\n");
  write_file(text, "A plain text file.\n");
  InputReader reader({jsonl, text}, ReaderConfig{});
  InputItem item;
  std::vector<bool> marked;
  while (reader.next(&item)) marked.push_back(item.valid_utf8);
  BOOST_TEST(marked == (std::vector<bool>{true, false, true, false}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unparsed_then_parsed_equals_parsed) {
  std::string path = scratch("mixed.jsonl");
  std::mt19937 rng(11);
  std::string content;
  for (int i = 0; i < 300; ++i) content += random_document(rng) + (i % 50 == 7 ? "\n{broken\n" : "\n");
  write_file(path, content);
  std::vector<InputItem> parsed = read_all(path);
  InputReader reader({path}, ReaderConfig{});
  InputItem item;
  size_t n = 0;
  while (reader.next_unparsed(&item)) {
    parse_pending(&item);
    BOOST_REQUIRE(n < parsed.size());
    BOOST_TEST(item.doc.SerializeAsString() == parsed[n].doc.SerializeAsString());
    BOOST_TEST(item.failure.has_value() == parsed[n].failure.has_value());
    BOOST_TEST(item.offset == parsed[n].offset);
    ++n;
  }
  BOOST_TEST(n == parsed.size());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace quotient::test
