// Model file safety: round trip, and refusal of damaged or foreign files.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/model_file.hpp"
#include "model/weight_table.hpp"
#include "model/tone_model.hpp"

namespace qm = quotient::model;

namespace {

std::string source_dir() {
  const char* s = std::getenv("QUOTIENT_SOURCE_DIR");
  return s ? s : ".";
}
std::string tmp_dir() {
  const char* s = std::getenv("QUOTIENT_TEST_TMP");
  return s ? s : "/tmp";
}
std::string shipped_bytes() {
  std::ifstream f(source_dir() + "/model/tone.qtm", std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
qm::ErrorCode code_of(const std::string& bytes) {
  auto r = qm::ToneModel::from_bytes(bytes, "test.qtm");
  return r.ok() ? qm::ErrorCode::kOk : r.status().code;
}
quotient::ToneModelFile parsed(const std::string& bytes) {
  quotient::ToneModelFile f;
  f.ParseFromString(bytes);
  return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(model_file)

BOOST_AUTO_TEST_CASE(packed_table_finds_rows_within_a_127th_of_the_row_max) {
  const uint32_t buckets = 1u << 20, dense = 3, stride = 5;
  std::vector<std::vector<float>> values;
  std::vector<qm::WeightTable::Row> rows;
  for (uint32_t i = 0; i < 3000; ++i) {  // rows spread over the buckets, magnitudes 1e-3 .. 3
    float m = std::pow(10.0f, -3.0f + 3.5f * static_cast<float>(i % 97) / 96.0f);
    values.push_back({m, -m / 3, m / 7, -m, 0.0f});
  }
  values.push_back({1.5f, -0.25f, 0.0f, 2.0f, -0.125f});  // a dense row, kept exact
  for (uint32_t i = 0; i < 3000; ++i) rows.push_back({(i * 2654435761u) % buckets, values[i].data()});
  rows.push_back({buckets + 1, values.back().data()});
  qm::WeightTable t = qm::WeightTable::build(buckets, dense, stride, rows);
  for (uint32_t i = 0; i < 3000; ++i) {
    const uint8_t* s = t.find(rows[i].index);
    BOOST_REQUIRE(s != nullptr);
    for (uint32_t j = 0; j < stride; ++j)
      BOOST_TEST(std::fabs(t.weight(s, j) - values[i][j]) <= std::fabs(values[i][0]) / 127.0f);
  }
  BOOST_TEST(t.find(7) == nullptr);  // bucket 7 holds no row: weight 0
  for (uint32_t j = 0; j < stride; ++j) BOOST_TEST(t.dense_row(1)[j] == values.back()[j]);
  BOOST_TEST(t.dense_row(0)[0] == 0.0f);
  BOOST_TEST(t.bytes() < 128u * 1024u);  // 3000 rows, not 2^20
}

BOOST_AUTO_TEST_CASE(save_load_rescore_round_trip) {
  auto m = qm::ToneModel::load(source_dir() + "/model/tone.qtm");
  BOOST_REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.status().to_string()));
  std::string path = tmp_dir() + "/roundtrip.qtm";
  BOOST_REQUIRE(m.value().save(path).ok());
  auto again = qm::ToneModel::load(path);
  BOOST_REQUIRE_MESSAGE(again.ok(), (again.ok() ? std::string() : again.status().to_string()));
  BOOST_TEST(again.value().serialize() == m.value().serialize());
  qm::ToneScratch s1, s2;
  for (const char* text : {"We firmly oppose this.", "A frank and pragmatic exchange.", "The meeting took place."}) {
    auto a = m.value().score({text, "say", {}}, s1), b = again.value().score({text, "say", {}}, s2);
    BOOST_TEST(a.label == b.label);
    BOOST_TEST(a.coop == b.coop);
    for (size_t k = 0; k < a.scores.size(); ++k) BOOST_TEST(a.scores[k].second == b.scores[k].second);
  }
}

BOOST_AUTO_TEST_CASE(missing_file_is_io_error) {
  auto r = qm::ToneModel::load(tmp_dir() + "/does-not-exist.qtm");
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST((r.status().code == qm::ErrorCode::kIo));
  BOOST_TEST(r.status().to_string().find("does-not-exist.qtm") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(truncated_files_are_refused) {
  std::string bytes = shipped_bytes();
  BOOST_REQUIRE(bytes.size() > 1000u);
  for (size_t n : {size_t{0}, size_t{1}, size_t{7}, size_t{100}, bytes.size() / 2, bytes.size() - 1}) {
    auto r = qm::ToneModel::from_bytes(bytes.substr(0, n), "cut.qtm");
    BOOST_TEST(!r.ok(), "truncated to " << n << " bytes was accepted");
    if (!r.ok()) BOOST_TEST(r.status().to_string().find("cut.qtm") == 0u);
  }
}

BOOST_AUTO_TEST_CASE(bit_flips_are_refused_or_harmless) {
  std::string bytes = shipped_bytes();
  auto ref = qm::ToneModel::from_bytes(bytes, "ok.qtm");
  BOOST_REQUIRE(ref.ok());
  int refused = 0, tried = 0;
  for (size_t pos = 0; pos < bytes.size(); pos += pos < 256 ? 1 : bytes.size() / 97) {
    std::string damaged = bytes;
    damaged[pos] = static_cast<char>(damaged[pos] ^ (1 << (pos % 8)));
    ++tried;
    refused += code_of(damaged) != qm::ErrorCode::kOk;
  }
  BOOST_TEST_MESSAGE(refused << " of " << tried << " single-bit flips refused");
  BOOST_TEST(refused > tried / 2);
}

BOOST_AUTO_TEST_CASE(garbage_is_a_parse_error) {
  BOOST_TEST((code_of(std::string(4096, '\xff')) == qm::ErrorCode::kParse));
  BOOST_TEST((code_of("hello, I am not a model") != qm::ErrorCode::kOk));
}

BOOST_AUTO_TEST_CASE(a_file_not_beginning_with_its_version_is_refused_at_byte_0) {
  for (std::string bytes : {std::string(4096, '\0'), std::string("\x0a\x02hi"), std::string()}) {
    auto r = qm::ToneModel::from_bytes(bytes, "head.qtm");
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.status().code == qm::ErrorCode::kParse));
    BOOST_TEST((r.status().offset == std::optional<uint64_t>(0)));
    BOOST_TEST(r.status().message.find("format_version") != std::string::npos);
  }
  // The shipped model passes the check: its first byte is the version's tag.
  BOOST_TEST(shipped_bytes().front() == '\x08');
}

BOOST_AUTO_TEST_CASE(wrong_version_and_fingerprint) {
  quotient::ToneModelFile f = parsed(shipped_bytes());
  f.set_format_version(2);
  auto r = qm::ToneModel::from_bytes(f.SerializeAsString(), "v2.qtm");
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST((r.status().code == qm::ErrorCode::kVersion));
  BOOST_TEST(r.status().message.find("format_version 2") != std::string::npos);

  f = parsed(shipped_bytes());
  f.mutable_features()->set_bucket_bits(19);
  BOOST_TEST((code_of(f.SerializeAsString()) == qm::ErrorCode::kFingerprint));

  f = parsed(shipped_bytes());
  f.mutable_rows(0)->set_values(0, 42.0f);
  BOOST_TEST((code_of(f.SerializeAsString()) == qm::ErrorCode::kFingerprint));

  f = parsed(shipped_bytes());
  f.mutable_self_tests(0)->set_expected_label("critical");
  f.mutable_self_tests(0)->set_expected_coop(-0.9f);
  BOOST_TEST((code_of(f.SerializeAsString()) == qm::ErrorCode::kSelfTest));
}

BOOST_AUTO_TEST_CASE(huge_bucket_counts_do_not_allocate) {
  quotient::ToneModelFile f = parsed(shipped_bytes());
  f.mutable_features()->set_bucket_bits(31);
  f.set_feature_fingerprint(qm::fingerprint_of(f));
  BOOST_TEST((code_of(f.SerializeAsString()) == qm::ErrorCode::kFingerprint));
}

BOOST_AUTO_TEST_SUITE_END()
