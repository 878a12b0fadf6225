// The direct JSON writer against protobuf's own printer, byte for byte: on
// synthetic records full of characters that need escaping and awkward
// floats, on our samples, and (label shared) on every PolNeAR dev article.
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <cstring>
#include <random>
#include <utility>

#include "gold.hpp"
#include "json_writer.hpp"
#include "pipeline.hpp"
#include "../test_env.hpp"
#include "tone_model.hpp"

namespace quotient::test {
namespace {

template <typename Message>
std::string protobuf_json(const Message& m) {
  google::protobuf::util::JsonPrintOptions o;
  o.preserve_proto_field_names = true;
  o.always_print_primitive_fields = true;
  std::string s;
  BOOST_REQUIRE(google::protobuf::util::MessageToJsonString(m, &s, o).ok());
  return s;
}

template <typename Message>
std::string direct_json(const Message& m) {
  std::string s;
  append_json(s, m);
  return s;
}

// Strings drawn from pieces that exercise every escaping rule.
std::string awkward_string(std::mt19937& rng) {
  static const char* const pieces[] = {
      "a", " ", "\"", "\\", "<", ">", "&", "'", "\n", "\t", "\r", "\b", "\f", "\x01", "\x1f", "\x7f",
      "é", "’", "“", "—", "\xC2\x85", "\xC2\xAD", "\xD8\x80", "\xE2\x80\x8B", "\xE2\x80\xA8",
      "\xE2\x80\xAE", "\xE2\x81\xA0", "\xEF\xBB\xBF", "\xEF\xBF\xB9", "\xF0\x9F\x98\x80",
      "\xF3\xA0\x80\x81", "\xF0\x9D\x85\xB3", "中文", "Łódź", "/"};
  std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1), len(0, 12);
  std::string s;
  for (size_t n = len(rng); n-- > 0;) s += pieces[pick(rng)];
  return s;
}

// Fixed awkward values (subnormals among them: protobuf prints those with
// nine digits when strtof reports ERANGE), uniform values, and any bit
// pattern (every exponent, infinities, NaN).
float awkward_float(std::mt19937& rng) {
  static const float fixed[] = {0.0f, -0.0f, 1.0f, 0.1f, 0.8f, 1e-7f, 6.34087655e-06f, 123456789.0f, -0.25f,
                                1.89595682e-42f, FLT_TRUE_MIN, FLT_MIN, -FLT_MIN, FLT_MAX, 3.40282e38f,
                                1.17549e-38f, 9.99999e-39f};
  switch (std::uniform_int_distribution<int>(0, 2)(rng)) {
    case 0: return fixed[std::uniform_int_distribution<size_t>(0, std::size(fixed) - 1)(rng)];
    case 1: return std::uniform_real_distribution<float>(-2.0f, 2.0f)(rng);
    default: {
      uint32_t bits = static_cast<uint32_t>(rng());
      float f;
      std::memcpy(&f, &bits, sizeof f);
      return f;
    }
  }
}

DocumentResult synthetic_result(std::mt19937& rng) {
  DocumentResult r;
  r.set_doc_id(awkward_string(rng));
  r.set_status(static_cast<DocumentResult::Status>(rng() % 3));
  r.set_source(awkward_string(rng));
  r.set_source_offset(rng());
  for (int d = rng() % 3; d-- > 0;) {
    Diagnostic* diag = r.add_diagnostics();
    diag->set_severity(static_cast<Diagnostic::Severity>(rng() % 3));
    diag->set_code(awkward_string(rng));
    diag->set_message(awkward_string(rng));
    diag->set_offset((static_cast<uint64_t>(rng()) << 32) | rng());
  }
  for (int k = rng() % 4; k-- > 0;) {
    QuoteRecord* q = r.add_quotes();
    q->set_doc_id(r.doc_id());
    q->set_index(rng());
    q->set_text(awkward_string(rng));
    if (rng() % 4) { q->mutable_span()->set_begin(rng()); q->mutable_span()->set_end(rng()); }
    q->set_kind(static_cast<QuoteRecord::Kind>(rng() % 6));
    if (rng() % 2) {
      Speaker* s = q->mutable_speaker();
      s->set_name(awkward_string(rng));
      s->set_mention(awkward_string(rng));
      if (rng() % 2) s->mutable_mention_span()->set_end(rng());
      s->set_type(static_cast<Speaker::Type>(rng() % 5));
    }
    if (rng() % 2) q->mutable_cue()->set_text(awkward_string(rng));
    q->set_confidence(awkward_float(rng));
    if (rng() % 2) {
      Tone* t = q->mutable_tone();
      t->set_label(awkward_string(rng));
      t->set_coop(awkward_float(rng));
      for (int c = rng() % 4; c-- > 0;) {
        ClassScore* cs = t->add_scores();
        cs->set_label(awkward_string(rng));
        cs->set_probability(awkward_float(rng));
      }
      for (int e = rng() % 3; e-- > 0;) {
        Evidence* ev = t->add_evidence();
        ev->set_feature(awkward_string(rng));
        ev->set_weight(awkward_float(rng));
      }
    }
    q->set_rule(awkward_string(rng));
    q->set_depth(rng() % 3);
    q->set_paragraphs(rng() % 5);
  }
  return r;
}

void expect_same(const DocumentResult& r) {
  BOOST_TEST(direct_json(r) == protobuf_json(r));
  for (const QuoteRecord& q : r.quotes()) BOOST_TEST(direct_json(q) == protobuf_json(q));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json)

// Floats alone, many of them: every exponent, the ranges the tone model
// writes, round numbers, and neighbours of values with short forms.
BOOST_AUTO_TEST_CASE(floats_print_as_protobuf_prints_them) {
  std::mt19937 rng(5);
  QuoteRecord q;
  for (int i = 0; i < 200000; ++i) {
    float f;
    uint32_t bits = static_cast<uint32_t>(rng());
    switch (i % 4) {
      case 0: std::memcpy(&f, &bits, sizeof f); break;
      case 1: f = std::uniform_real_distribution<float>(0.0f, 1.0f)(rng); break;
      case 2: f = static_cast<float>(static_cast<int>(bits % 2000000) - 1000000) / std::pow(10.0f, static_cast<float>(bits % 12)); break;
      default: f = std::nextafter(static_cast<float>(bits % 100000) / 1000.0f, (bits & 1) ? 1e9f : -1e9f);
    }
    q.set_confidence(f);
    BOOST_TEST_CONTEXT("float " << f) { BOOST_TEST(direct_json(q) == protobuf_json(q)); }
  }
}

// The definition protobuf's printer follows (SimpleFtoa): "%.6g", or "%.9g"
// when six digits do not read back; against the writer's exact integer
// path, on every 509th float from 1e-25 to 1e8 (both signs) and on each
// float next to a six-digit decimal in the ranges the tone model writes.
BOOST_AUTO_TEST_CASE(floats_follow_simple_ftoa_densely) {
  auto reference = [](float f) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", static_cast<double>(f));
    if (std::strtof(buf, nullptr) != f) std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(f));
    return std::string(buf);
  };
  auto written = [](float f) {
    QuoteRecord q;
    q.set_confidence(f);
    std::string line;
    append_json(line, q);
    size_t at = line.find("\"confidence\":") + 13;
    return line.substr(at, line.find(',', at) - at);
  };
  size_t checked = 0, failures = 0;
  auto check = [&](float f) {
    ++checked;
    if (written(f) != reference(f) && ++failures <= 10) BOOST_ERROR("float " << reference(f) << " prints as " << written(f));
  };
  uint32_t lo = 0, hi = 0;
  float a = 1e-25f, b = 1e8f;
  std::memcpy(&lo, &a, sizeof lo);
  std::memcpy(&hi, &b, sizeof hi);
  for (uint32_t bits = lo; bits < hi; bits += 509) {
    float f;
    std::memcpy(&f, &bits, sizeof f);
    check(f);
    check(-f);
  }
  for (int i = 1; i < 200000; ++i) {
    float f = static_cast<float>(i) / 1e6f;
    check(std::nextafter(f, 0.0f));
    check(f);
    check(std::nextafter(f, 1.0f));
  }
  BOOST_TEST(failures == 0u);
  BOOST_TEST(checked > 2000000u);
}

BOOST_AUTO_TEST_CASE(matches_protobuf_on_synthetic_records) {
  std::mt19937 rng(20241018);
  for (int i = 0; i < 3000; ++i) expect_same(synthetic_result(rng));
}

// Plain ASCII is copied eight or sixteen bytes at a time: each byte that needs care
// (controls, DEL, '"', '\\', '<', '>', UTF-8), at every offset of a long
// plain run and next to another, prints as protobuf prints it.
BOOST_AUTO_TEST_CASE(special_bytes_at_every_offset_of_a_plain_run) {
  const std::string specials[] = {"\x01", "\x1f", "\x7f", "\"", "\\", "<", ">", "\n", "é", "’", "\xC2\xAD"};
  const std::string plain = "The minister said it was a plain run of text, 0-9 & ~{}|.";
  QuoteRecord q;
  for (const std::string& special : specials)
    for (size_t at = 0; at <= 40; ++at)
      for (size_t tail : {size_t{0}, size_t{3}, size_t{17}}) {
        std::string text = plain.substr(0, at) + special + plain.substr(0, tail) + special;
        q.set_text(text);
        BOOST_TEST_CONTEXT("special " << static_cast<int>(static_cast<unsigned char>(special[0])) << " at " << at) {
          BOOST_TEST(direct_json(q) == protobuf_json(q));
        }
      }
}

// Every pair of ASCII bytes, at the start, across the boundary and at the
// end of a word, in strings long enough to be read a word at a time and in
// short ones gathered into a word: a special byte right after another (where a
// borrow of the word test could raise a false alarm) prints as protobuf
// prints it.
BOOST_AUTO_TEST_CASE(every_pair_of_ascii_bytes_at_word_edges) {
  // (before, after) the pair: short strings; the pair across the first
  // word's end; its first byte ending the first word and its second in the
  // tail word that overlaps it; both in the tail word.
  // The same at the edges of sixteen-byte chunks: the pair across the
  // first chunk's end, at the end of a short last chunk, and right after it.
  const std::pair<std::string, std::string> frames[] = {
      {"", ""}, {"min", ""}, {"ministe", ""}, {"said th", "xy"}, {"said the ", ""},
      {"the minister sa", "id it plainly"}, {"the minister said it", ""}, {"the minister sai", "d"}};
  QuoteRecord q;
  size_t checked = 0, failures = 0;
  for (int a = 0; a < 128; ++a)
    for (int b = 0; b < 128; ++b)
      for (const auto& [before, after] : frames) {
        q.set_text(before + static_cast<char>(a) + static_cast<char>(b) + after);
        ++checked;
        if (direct_json(q) != protobuf_json(q) && ++failures <= 10)
          BOOST_ERROR("bytes " << a << ", " << b << " after \"" << before << "\"");
      }
  BOOST_TEST(failures == 0u);
  BOOST_TEST(checked == 128u * 128u * std::size(frames));
}

// The writer makes room for a record from an estimate of its size and grows
// when escapes make it longer: strings that escape to three to six times
// their bytes (controls, '<', U+0085, U+E0001), written after text already
// in the output, print as protobuf prints them and leave that text as it was.
BOOST_AUTO_TEST_CASE(escape_heavy_records_grow_the_output_and_keep_its_text) {
  auto repeat = [](const std::string& piece, size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += piece;
    return s;
  };
  const std::string heavy[] = {std::string(300, '\x01'), std::string(257, '<'), repeat("\xC2\x85", 200),
                               repeat("\xF3\xA0\x80\x81", 100), repeat("a\x1f", 150)};
  DocumentResult r;
  for (const std::string& h : heavy) {
    QuoteRecord* q = r.add_quotes();
    q->set_doc_id(h);
    q->set_text(h);
    q->mutable_speaker()->set_name(h);
    q->mutable_tone()->add_evidence()->set_feature(h);
  }
  for (const QuoteRecord& q : r.quotes()) {
    std::string out = "earlier record\n";
    append_json(out, q);
    BOOST_TEST(out == "earlier record\n" + protobuf_json(q));
  }
  std::string out = "x";
  append_json(out, r);
  BOOST_TEST(out == "x" + protobuf_json(r));
  std::string s = "y";
  append_json_string(s, heavy[0]);
  BOOST_TEST(s.size() == 1 + 2 + 6 * heavy[0].size());
  BOOST_TEST(s.substr(0, 9) == "y\"\\u0001\\");
}

// Found by fuzz_pb_reader: proto3 enums are open, so a parsed record may hold
// a value the .proto does not name; protobuf prints its number.
BOOST_AUTO_TEST_CASE(unknown_enum_values_print_as_numbers) {
  DocumentResult r;
  r.set_status(static_cast<DocumentResult::Status>(7));
  r.add_diagnostics()->set_severity(static_cast<Diagnostic::Severity>(65));
  QuoteRecord* q = r.add_quotes();
  q->set_kind(static_cast<QuoteRecord::Kind>(-3));
  q->mutable_speaker()->set_type(static_cast<Speaker::Type>(1000000));
  expect_same(r);
  BOOST_TEST(direct_json(r).find("\"severity\":65") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(matches_protobuf_on_our_samples) {
  auto tone = model::ToneModel::load(source_dir() + "/model/tone.qtm");
  BOOST_REQUIRE(tone.ok());
  Analyzer analyzer(PipelineConfig{}, &tone.value());
  for (const auto& e : std::filesystem::directory_iterator(source_dir() + "/data/samples")) {
    if (e.path().extension() != ".txt") continue;
    Document doc;
    doc.set_id(e.path().stem().string());
    doc.set_text(read_file(e.path().string()));
    expect_same(analyzer.analyze(doc));
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(json_polnear, *boost::unit_test::precondition(shared_present))

BOOST_AUTO_TEST_CASE(matches_protobuf_on_every_dev_article) {
  auto tone = model::ToneModel::load(source_dir() + "/model/tone.qtm");
  BOOST_REQUIRE(tone.ok());
  Analyzer analyzer(PipelineConfig{}, &tone.value());
  size_t records = 0;
  for (const auto& e : std::filesystem::directory_iterator(shared_dir() + "/corpus/polnear/dev/text")) {
    Document doc;
    doc.set_id(e.path().stem().string());
    doc.set_text(read_file(e.path().string()));
    DocumentResult r = analyzer.analyze(doc);
    records += r.quotes_size();
    expect_same(r);
  }
  BOOST_TEST(records > 500u);
}

// The writer's callers pass valid UTF-8 (documents are validated first), but
// a stray byte (a file name, a bad line in the tone verb) must still give
// valid JSON: each byte that is not part of valid UTF-8 is written as
// \ufffd, at any offset of a plain run, and valid text around it is kept.
BOOST_AUTO_TEST_CASE(invalid_utf8_is_written_as_replacement_characters) {
  const std::string bad[] = {"\xFF", "\xC3", "\xE2\x80", "\xED\xA0\x80", "\xC0\xAF", "\x80"};
  const std::string plain = "The minister said it was a plain run of text.";
  for (const std::string& b : bad)
    for (size_t at = 0; at <= 20; ++at) {
      std::string s = plain.substr(0, at) + b + "é" + plain.substr(0, 17 - at % 3);
      std::string out;
      append_json_string(out, s);
      std::string expected = "\"" + plain.substr(0, at);
      for (size_t i = 0; i < b.size(); ++i) expected += "\\ufffd";
      expected += "é" + plain.substr(0, 17 - at % 3) + "\"";
      BOOST_TEST(out == expected, "bytes " << static_cast<int>(static_cast<unsigned char>(b[0])) << " at " << at);
      google::protobuf::Value v;
      BOOST_TEST(google::protobuf::util::JsonStringToMessage(out, &v).ok());
    }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace quotient::test
