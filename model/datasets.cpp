#include "datasets.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "hash.hpp"
#include "lexicon.hpp"

namespace quotient::model {
namespace {

using Examples = std::vector<Example>;
using LineFn = std::string (*)(std::string_view line, const std::string& source, Examples& out);

Status line_error(ErrorCode code, const std::string& path, uint64_t line, std::string msg) {
  Status s = make_error(code, std::move(msg), path);
  s.line = line;
  return s;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> parts;
  size_t pos = 0;
  for (size_t tab; (tab = line.find('\t', pos)) != std::string_view::npos; pos = tab + 1)
    parts.push_back(line.substr(pos, tab - pos));
  parts.push_back(line.substr(pos));
  return parts;
}

bool parse_float(std::string_view s, float& out) {
  std::string tmp(s);
  char* end = nullptr;
  out = std::strtof(tmp.c_str(), &end);
  return end != tmp.c_str() && *end == '\0' && std::isfinite(out);
}

bool parse_json(std::string_view line, google::protobuf::Struct& obj) {
  google::protobuf::util::JsonParseOptions opt;
  opt.ignore_unknown_fields = true;
  return google::protobuf::util::JsonStringToMessage(std::string(line), &obj, opt).ok();
}

// Byte offset of code point `cp` in `s` (NewsMTSC offsets are code points).
size_t byte_of_codepoint(std::string_view s, size_t cp) {
  size_t i = 0;
  for (size_t n = 0; i < s.size() && n < cp; ++n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

std::string newsmtsc_line(std::string_view line, const std::string& source, Examples& out) {
  google::protobuf::Struct obj;
  if (!parse_json(line, obj)) return "invalid JSON";
  const auto& f = obj.fields();
  auto s = f.find("sentence_normalized"), t = f.find("targets");
  if (s == f.end() || t == f.end()) return "missing sentence_normalized or targets";
  Example ex;
  ex.text = s->second.string_value();
  double pol = -1;
  for (const auto& tv : t->second.list_value().values()) {
    const auto& tf = tv.struct_value().fields();
    double p = tf.count("polarity") ? tf.at("polarity").number_value() : -1;
    if (pol >= 0 && p != pol) return "";  // targets disagree: skip the sentence
    pol = p;
    size_t b = byte_of_codepoint(ex.text, static_cast<size_t>(tf.count("from") ? tf.at("from").number_value() : 0));
    size_t e = byte_of_codepoint(ex.text, static_cast<size_t>(tf.count("to") ? tf.at("to").number_value() : 0));
    if (e > b) ex.masked.emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
  }
  if (pol != 2.0 && pol != 4.0 && pol != 6.0) return "polarity must be 2.0, 4.0 or 6.0";
  ex.label = pol == 2.0 ? 3 : pol == 4.0 ? 2 : 0;
  ex.coop = default_coop(ex.label);
  ex.source = source;
  out.push_back(std::move(ex));
  return "";
}

std::string nyt_line(std::string_view line, const std::string& source, Examples& out) {
  auto p = split_tabs(line);
  float r;
  if (p.size() != 3 || !parse_float(p[1], r)) return "expected id\\trating\\tsentence";
  Example ex;
  ex.text = std::string(p[2]);
  ex.label = r > kNytNeutralBand ? 0 : r < -kNytNeutralBand ? 3 : 2;
  ex.coop = std::clamp(r / 5.0f, -0.8f, 0.8f);
  ex.source = source;
  out.push_back(std::move(ex));
  return "";
}

std::string labels_line(std::string_view line, const std::string& source, Examples& out) {
  if (line.empty() || line[0] == '#') return "";
  auto p = split_tabs(line);
  if (p.size() < 2 || p.size() > 3) return "expected label\\ttext[\\tcue]";
  Example ex;
  ex.label = register_class_index(p[0]);
  if (ex.label < 0) return "unknown label '" + std::string(p[0]) + "'";
  ex.text = std::string(p[1]);
  if (p.size() == 3) ex.cue = std::string(p[2]);
  ex.coop = default_coop(ex.label);
  ex.source = source;
  out.push_back(std::move(ex));
  return "";
}

// A weak-supervision word: polar enough words become one-word examples.
void weak_word(std::string_view word, float valence, float min_abs, float coop_scale, const std::string& source,
               Examples& out) {
  if (std::fabs(valence) < min_abs || word.find(' ') != std::string_view::npos) return;
  Example ex;
  ex.text = std::string(word);
  ex.label = valence > 0 ? 0 : 3;
  ex.coop = std::clamp(valence * coop_scale, -0.8f, 0.8f);
  ex.source = source;
  ex.word_only = true;
  out.push_back(std::move(ex));
}

std::string vader_line(std::string_view line, const std::string& source, Examples& out) {
  auto p = split_tabs(line);
  float v;
  if (p.size() < 2 || !parse_float(p[1], v)) return "expected token\\tvalence";
  weak_word(p[0], v, 1.5f, 0.1f, source, out);
  return "";
}

std::string afinn_line(std::string_view line, const std::string& source, Examples& out) {
  size_t tab = line.rfind('\t');
  float v;
  if (tab == std::string_view::npos || !parse_float(line.substr(tab + 1), v)) return "expected term\\tvalence";
  weak_word(line.substr(0, tab), v, 2.0f, 0.1f, source, out);
  return "";
}

// CAMEO verb table: verb \t code \t goldstein ...; polar verbs become cue-only examples.
// Only verbs whose code is a verbal event (GDELT's quad classes 1 and 3,
// roots 01-05 and 09-13): a cue verb reports speech, and a material code is
// another sense of the word ("add" 060, material cooperation +6, made every
// "he added" constructive; "concede" 080, "issue" 060, "blast" 190).
bool verbal_cameo_code(std::string_view code) {
  if (code.size() < 2 || !std::isdigit(static_cast<unsigned char>(code[0])) ||
      !std::isdigit(static_cast<unsigned char>(code[1])))
    return false;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  return (root >= 1 && root <= 5) || (root >= 9 && root <= 13);
}

std::string cameo_line(std::string_view line, const std::string& source, Examples& out) {
  auto p = split_tabs(line);
  float g;
  if (p.size() < 3) return "expected verb\\tcode\\tgoldstein";
  if (!parse_float(p[2], g)) return p[0] == "verb" ? "" : "bad goldstein weight";
  if (std::fabs(g) < 3.0f || p[0].find(' ') != std::string_view::npos || !verbal_cameo_code(p[1])) return "";
  Example ex;
  ex.cue = std::string(p[0]);
  ex.label = g > 0 ? 0 : 3;
  ex.coop = std::clamp(g / 10.0f, -1.0f, 1.0f);
  ex.source = source;
  ex.word_only = true;
  out.push_back(std::move(ex));
  return "";
}

LineFn reader_for(DataFormat f) {
  switch (f) {
    case DataFormat::kNewsMtsc: return newsmtsc_line;
    case DataFormat::kNyt: return nyt_line;
    case DataFormat::kVader: return vader_line;
    case DataFormat::kAfinn: return afinn_line;
    case DataFormat::kCameo: return cameo_line;
    default: return labels_line;
  }
}

}  // namespace

Result<DataFormat> parse_format(std::string_view name) {
  static const std::pair<std::string_view, DataFormat> kNames[] = {
      {"auto", DataFormat::kAuto},   {"newsmtsc", DataFormat::kNewsMtsc}, {"nyt", DataFormat::kNyt},
      {"labels", DataFormat::kLabels}, {"vader", DataFormat::kVader},     {"afinn", DataFormat::kAfinn},
      {"cameo", DataFormat::kCameo}};
  for (auto [n, f] : kNames)
    if (n == name) return f;
  return make_error(ErrorCode::kInvalidArgument, "unknown format '" + std::string(name) +
                                                     "' (auto, newsmtsc, nyt, labels, vader, afinn, cameo)");
}

DataFormat detect_format(const std::string& path, std::string_view first_line) {
  if (!first_line.empty() && first_line[0] == '{') return DataFormat::kNewsMtsc;
  auto p = split_tabs(first_line);
  float r;
  if (p.size() == 3 && parse_float(p[1], r)) return DataFormat::kNyt;
  (void)path;
  return DataFormat::kLabels;
}

Result<std::vector<Example>> read_examples(const std::string& path, DataFormat format, const std::string& source) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot open file", path);
  Examples out;
  std::string line;
  uint64_t line_no = 0;
  LineFn fn = nullptr;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (!fn) fn = reader_for(format == DataFormat::kAuto ? detect_format(path, line) : format);
    std::string err = fn(line, source, out);
    if (!err.empty()) return line_error(ErrorCode::kBadData, path, line_no, err);
  }
  if (in.bad()) return make_error(ErrorCode::kIo, "read error", path);
  return out;
}

float default_coop(int label) {
  static constexpr float kCoop[kRegisterClasses] = {0.35f, 0.1f, 0.0f, -0.3f};
  return label >= 0 && label < kRegisterClasses ? kCoop[label] : 0.0f;
}

Result<uint64_t> file_fingerprint(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot open file", path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return fnv1a64(ss.str());
}

Result<std::string> json_string_member(std::string_view line, std::string_view key) {
  google::protobuf::Struct obj;
  if (!parse_json(line, obj)) return make_error(ErrorCode::kParse, "invalid JSON object");
  auto it = obj.fields().find(std::string(key));
  if (it == obj.fields().end() || it->second.kind_case() != google::protobuf::Value::kStringValue)
    return make_error(ErrorCode::kBadData, "missing string member \"" + std::string(key) + "\"");
  return it->second.string_value();
}

}  // namespace quotient::model
