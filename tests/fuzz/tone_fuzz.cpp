// Fuzz target: `quotient tone` on arbitrary bytes.
//
// Every input is read the way the verb reads it (src/tone_cli.cpp,
// score_stream): split at '\n', a trailing '\r' dropped; a line starting with
// '{' is a JSON object whose "text" (and optional "cue") is scored, any other
// line is the text itself; each is scored with the shipped model through the
// public API (model::json_string_member, ToneModel::score), invalid UTF-8
// included (the verb refuses such a line first; the model must still cope
// with any bytes). Checks: a JSON
// line that cannot be read is refused with a Status (code and message); a
// score has one finite probability per class in [0, 1] summing to 1, the
// label is the most probable class, coop is finite in [-1, 1], at most 5
// evidence features each with a finite positive weight for the label; and
// scoring again with a fresh scratch gives the same output (no state leaks
// between calls through ToneScratch).
//
// An input whose first byte is 0x7F also runs the whole verb,
// cli::tone_main, on the remaining bytes (as a file): it prints one line per
// input line, each valid JSON: the label, the scores and coop, or for a line
// it cannot score (bad JSON, invalid UTF-8) an error with the line and byte
// offset; it exits 0 when every line was scored, else 1. tone_main loads its model on
// every call, so the verb gets a small valid model cut from the shipped one
// (small_model.hpp, 64 weight rows, in a memfd): the shipped 4 MB model took
// 0.3-0.6 s a call under ASan and held the target at ~24 execs/s.
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.hpp"
#include "model/datasets.hpp"
#include "model/tone_model.hpp"
#include "small_model.hpp"
#include "tone_cli.hpp"

namespace {

namespace qm = quotient::model;
using quotient::fuzz::fail;

std::unique_ptr<qm::ToneModel> g_model;
std::string g_verb_model_path;  // /proc/self/fd/N: the small model, for tone_main

bool same(const qm::ToneOutput& a, const qm::ToneOutput& b) {
  if (a.label != b.label || a.coop != b.coop || a.scores != b.scores || a.evidence.size() != b.evidence.size())
    return false;
  for (size_t i = 0; i < a.evidence.size(); ++i)
    if (a.evidence[i].feature != b.evidence[i].feature || a.evidence[i].weight != b.evidence[i].weight) return false;
  return true;
}

void check_output(const qm::ToneOutput& out) {
  const std::vector<std::string>& classes = g_model->class_names();
  FUZZ_CHECK(out.scores.size() == classes.size());
  float sum = 0, best = -1;
  for (size_t j = 0; j < out.scores.size(); ++j) {
    float p = out.scores[j].second;
    FUZZ_CHECK(out.scores[j].first == classes[j]);
    FUZZ_CHECK(std::isfinite(p) && p >= 0 && p <= 1);
    sum += p;
    best = std::max(best, p);
  }
  FUZZ_CHECK(std::fabs(sum - 1.0f) < 1e-3f);
  auto label = std::find_if(out.scores.begin(), out.scores.end(), [&](const auto& s) { return s.first == out.label; });
  FUZZ_CHECK(label != out.scores.end() && label->second == best);
  FUZZ_CHECK(std::isfinite(out.coop) && out.coop >= -1 && out.coop <= 1);
  FUZZ_CHECK(out.evidence.size() <= 5);
  for (const qm::ToneEvidence& e : out.evidence) {
    FUZZ_CHECK(!e.feature.empty() && e.label == out.label);
    FUZZ_CHECK(std::isfinite(e.weight) && e.weight > 0);
  }
}

// One line as score_stream sees it.
void score_line(std::string_view line, qm::ToneScratch& scratch) {
  std::string text(line), cue;
  if (!line.empty() && line[0] == '{') {
    auto t = qm::json_string_member(line, "text");
    if (!t) {
      FUZZ_CHECK(t.status().code != qm::ErrorCode::kOk && !t.status().message.empty());
      return;
    }
    text = t.value();
    if (auto c = qm::json_string_member(line, "cue"); c) cue = c.value();
  }
  qm::ToneOutput out = g_model->score({text, cue, {}}, scratch);
  check_output(out);
  qm::ToneScratch fresh;
  FUZZ_CHECK(same(out, g_model->score({text, cue, {}}, fresh)));
}

// The lines std::getline yields: a final line without '\n' counts, an
// empty input has none.
std::vector<std::string_view> lines_of(std::string_view bytes) {
  std::vector<std::string_view> lines;
  while (!bytes.empty()) {
    size_t nl = bytes.find('\n');
    std::string_view line = bytes.substr(0, nl);
    bytes.remove_prefix(nl == std::string_view::npos ? bytes.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
  }
  return lines;
}

// An anonymous in-memory file holding `bytes`, or -1.
int memory_file(const char* name, std::string_view bytes) {
  int fd = ::memfd_create(name, MFD_CLOEXEC);
  if (fd >= 0 && ::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::string read_all(int fd) {
  std::string s;
  char buf[1 << 14];
  ::lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) s.append(buf, static_cast<size_t>(n));
  return s;
}

// Runs `quotient tone --model M /proc/self/fd/N` with standard output
// captured; returns the exit code and fills *printed.
int run_tone_verb(std::string_view input, std::string* printed) {
  int in = memory_file("tone-in", input), out = memory_file("tone-out", "");
  if (in < 0 || out < 0) fail("memfd_create", __FILE__, __LINE__);
  std::string path = "/proc/self/fd/" + std::to_string(in);
  std::vector<std::string> args = {"tone", "--model", g_verb_model_path, path};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::cout.flush();
  int saved = ::dup(1);
  ::dup2(out, 1);
  int rc = quotient::cli::tone_main(static_cast<int>(args.size()), argv.data());
  std::cout.flush();
  ::dup2(saved, 1);
  ::close(saved);
  *printed = read_all(out);
  ::close(in);
  ::close(out);
  return rc;
}

// A line the verb printed: a score, or (for a line it could not score) an
// error with the line number and byte offset. Both must be valid JSON.
bool check_printed_line(std::string_view line, uint64_t line_no) {
  google::protobuf::Struct s;
  FUZZ_CHECK(google::protobuf::util::JsonStringToMessage(std::string(line), &s).ok());  // valid JSON (UTF-8)
  const auto& f = s.fields();
  if (f.count("error")) {
    FUZZ_CHECK(f.at("error").has_string_value() && !f.at("error").string_value().empty());
    FUZZ_CHECK(f.count("line") && f.at("line").number_value() == static_cast<double>(line_no));
    FUZZ_CHECK(f.count("byte") && f.at("byte").number_value() >= 0);
    return false;
  }
  FUZZ_CHECK(f.count("label") && f.at("label").has_string_value());
  FUZZ_CHECK(f.count("scores") && f.at("scores").struct_value().fields_size() ==
                                      static_cast<int>(g_model->class_names().size()));
  FUZZ_CHECK(f.count("coop") && std::fabs(f.at("coop").number_value()) <= 1);
  FUZZ_CHECK(f.count("evidence") && f.at("evidence").has_list_value());
  return true;
}

// Every input line has its output line, bad lines included; the exit code
// is 1 exactly when some line was printed as an error.
void check_tone_verb(std::string_view input) {
  std::string printed;
  int rc = run_tone_verb(input, &printed);
  FUZZ_CHECK(rc == 0 || rc == 1);
  std::vector<std::string_view> out_lines = lines_of(printed);
  FUZZ_CHECK(out_lines.size() == lines_of(input).size());
  FUZZ_CHECK(printed.empty() || printed.back() == '\n');
  bool all_scored = true;
  for (size_t i = 0; i < out_lines.size(); ++i) all_scored &= check_printed_line(out_lines[i], i + 1);
  FUZZ_CHECK(all_scored == (rc == 0));
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  quotient::fuzz::quiet_protobuf();
  const char* env = std::getenv("QUOTIENT_TONE_MODEL");
  std::string path = env && *env ? env : quotient::fuzz::source_dir() + "/model/tone.qtm";
  auto loaded = qm::ToneModel::load(path);
  if (!loaded) {
    std::fprintf(stderr, "tone_fuzz: %s\n", loaded.status().to_string().c_str());
    std::exit(1);
  }
  g_model = std::make_unique<qm::ToneModel>(std::move(loaded).value());
  int fd = memory_file("tone-model", quotient::fuzz::small_model(*g_model->impl().file, 64));
  if (fd < 0) fail("memfd_create", __FILE__, __LINE__);
  g_verb_model_path = "/proc/self/fd/" + std::to_string(fd);  // stays open
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  bool whole_verb = !bytes.empty() && bytes[0] == '\x7f';
  if (whole_verb) bytes.remove_prefix(1);
  qm::ToneScratch scratch;
  for (std::string_view line : lines_of(bytes)) score_line(line, scratch);
  if (whole_verb) check_tone_verb(bytes);
  return 0;
}
