// The tone verbs: flags, file reading and printing over model/ (see tone_cli.hpp).
#include "tone_cli.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "model/datasets.hpp"
#include "model/lexicon.hpp"
#include "model/metrics.hpp"
#include "model/tone_model.hpp"
#include "model/trainer.hpp"
#include "json_writer.hpp"
#include "utf8.hpp"

namespace quotient::cli {
namespace {

namespace po = boost::program_options;
using model::ErrorCode;
using model::Status;

constexpr int kExitOk = 0, kExitData = 1, kExitUsage = 2, kExitIo = 3, kExitModel = 4;  // as analyze

int exit_code_of(const Status& s) {
  switch (s.code) {
    case ErrorCode::kOk: return kExitOk;
    case ErrorCode::kIo: return kExitIo;
    case ErrorCode::kInvalidArgument: return kExitUsage;
    default: return kExitData;
  }
}

int fail(const std::string& verb, const Status& s) {
  std::cerr << "quotient " << verb << ": " << s.to_string() << '\n';
  return exit_code_of(s);
}

int usage_error(const std::string& verb, const std::string& msg) {
  std::cerr << "quotient " << verb << ": " << msg << "\nTry 'quotient " << verb << " --help'.\n";
  return kExitUsage;
}

// Parses argv; returns -1 to continue, or an exit code (help printed / usage error).
int parse(int argc, char** argv, const po::options_description& opts, const po::positional_options_description& pos,
          po::variables_map& vm, const std::string& verb, const char* help) {
  try {
    po::store(po::command_line_parser(argc, argv).options(opts).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(verb, e.what());
  }
  if (vm.count("help")) {
    std::cout << help << '\n' << opts << '\n';
    return kExitOk;
  }
  return -1;
}

// The contents of a JSON string literal for s (quotes stripped), escaped as
// the record writer escapes (json_writer.hpp).
std::string json_escape(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out.substr(1, out.size() - 2);
}

// Appends v as std::printf("%.4f") writes it, without printf: v · 10^4 is
// exact in a double (a float's 24-bit mantissa times 10^4 < 2^14 fits in 53
// bits), so rounding it to an integer in the current rounding mode (ties to
// even, as printf rounds) gives printf's digits. The sign is v's own, as
// printf's ("-0.0000" for a small negative v). NaN, infinities and huge
// values go to snprintf, into the 32 bytes the old number() gave them.
void append_fixed4(std::string& out, float v) {
  const double x = std::fabs(static_cast<double>(v) * 10000.0);
  if (!(x < 1e15)) {
    char b[32];
    std::snprintf(b, sizeof b, "%.4f", static_cast<double>(v));
    out += b;
    return;
  }
  auto q = static_cast<uint64_t>(std::nearbyint(x));
  char digits[24];  // q's digits, at least five (a zero before the point), right-aligned
  char* p = digits + sizeof digits;
  for (int k = 0; k < 5 || q != 0; ++k, q /= 10) {
    if (k == 4) *--p = '.';
    *--p = static_cast<char>('0' + q % 10);
  }
  if (std::signbit(v)) out += '-';
  out.append(p, static_cast<size_t>(digits + sizeof digits - p));
}

// Appends the JSON line of one scored text (class names unescaped, as before).
void append_json(const model::ToneOutput& o, std::string& s) {
  s += "{\"label\":\"";
  s += o.label;
  s += "\",\"scores\":{";
  for (size_t i = 0; i < o.scores.size(); ++i) {
    s += i ? ",\"" : "\"";
    s += o.scores[i].first;
    s += "\":";
    append_fixed4(s, o.scores[i].second);
  }
  s += "},\"coop\":";
  append_fixed4(s, o.coop);
  s += ",\"evidence\":[";
  for (size_t i = 0; i < o.evidence.size(); ++i) {
    s += i ? ",{\"feature\":" : "{\"feature\":";
    append_json_string(s, o.evidence[i].feature);
    s += ",\"label\":\"";
    s += o.evidence[i].label;
    s += "\",\"weight\":";
    append_fixed4(s, o.evidence[i].weight);
    s += '}';
  }
  s += "]}";
}

model::Result<model::ToneModel> load_model(const po::variables_map& vm) {
  std::string path = vm.count("model") ? vm["model"].as<std::string>() : model::ToneModel::default_path();
  return model::ToneModel::load(path);
}

Status score_text(const model::ToneModel& m, const model::ToneInput& in, model::ToneScratch& scratch,
                  model::ToneOutput& res, std::string& out) {
  m.score(in, scratch, res);
  out.clear();
  append_json(res, out);
  return {};
}

// Scores one input line (plain text or a JSON object with "text" and
// optional "cue") into `out`. An error carries the byte offset of the fault
// within the line when there is one. `res` is reused across lines (its
// strings and vectors keep their memory).
Status score_line(const std::string& line, const std::string& cue, const model::ToneModel& m,
                  model::ToneScratch& scratch, model::ToneOutput& res, std::string& out) {
  if (size_t bad = find_invalid_utf8(line); bad != std::string_view::npos) {
    Status s = model::make_error(ErrorCode::kBadData, "invalid UTF-8");
    s.offset = bad;
    return s;
  }
  model::ToneInput in;
  in.text = line;
  in.cue_lemma = cue;
  if (line.empty() || line[0] != '{') return score_text(m, in, scratch, res, out);
  auto text = model::json_string_member(line, "text");
  if (!text) return text.status();
  in.text = text.value();
  auto line_cue = model::json_string_member(line, "cue");
  if (line_cue) in.cue_lemma = line_cue.value();
  return score_text(m, in, scratch, res, out);
}

// Scores every line of `in`. A line that cannot be scored (invalid UTF-8,
// bad JSON, no "text") is named on standard error with its line and byte
// offset and printed as {"error":…,"line":N,"byte":B}, so that output line i
// is always input line i and one bad line does not stop the others. Returns
// the number of such lines, or -1 on a read error (reported).
int64_t score_stream(std::istream& in, const std::string& name, const std::string& cue, const model::ToneModel& m) {
  model::ToneScratch scratch;
  model::ToneOutput res;
  std::string line, out;
  uint64_t line_no = 0, offset = 0;
  int64_t failed = 0;
  while (std::getline(in, line)) {
    ++line_no;
    uint64_t start = offset;
    offset += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    Status s = score_line(line, cue, m, scratch, res, out);
    if (!s.ok()) {
      uint64_t at = start + s.offset.value_or(0);
      std::cerr << "quotient tone: " << name << ":" << line_no << ": byte " << at << ": " << s.message << '\n';
      out = "{\"error\":";
      append_json_string(out, s.message);
      out += ",\"line\":" + std::to_string(line_no) + ",\"byte\":" + std::to_string(at) + "}";
      ++failed;
    }
    std::cout << out << '\n';
  }
  if (in.bad()) {
    fail("tone", model::make_error(ErrorCode::kIo, "read error", name));
    return -1;
  }
  return failed;
}

constexpr const char* kToneHelp =
    "Usage: quotient tone [--model FILE] [--cue LEMMA] [INPUT...]\n"
    "Scores the diplomatic tone of free text: one text per input line (or a JSONL\n"
    "object with \"text\" and optional \"cue\"), one JSON line out per input line\n"
    "with label, scores per class, coop in [-1,1] and the evidence features.\n"
    "INPUT defaults to standard input ('-').\n\n"
    "A line that cannot be scored (invalid UTF-8, bad JSON, no \"text\") is named\n"
    "on stderr with its file, line and byte offset, and printed in its place as\n"
    "{\"error\":\"...\",\"line\":N,\"byte\":B}; the other lines are still scored.\n"
    "Exit status: 0 all lines scored, 1 some could not be, 2 usage, 3 I/O error,\n"
    "4 the model could not be loaded.\n\n"
    "Example:\n"
    "  echo 'The exercises were not conducive to peace.' | quotient tone --cue say\n"
    "  {\"label\":\"critical\",\"scores\":{...},\"coop\":-0.21,\"evidence\":[{\"feature\":\"not \\\"conducive\\\" ...\"}]}\n";

}  // namespace

int tone_main(int argc, char** argv) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")
      ("model", po::value<std::string>(), "model file (default: the shipped tone.qtm next to the binary)")
      ("cue", po::value<std::string>()->default_value(""), "cue lemma for every plain-text line, e.g. warn")
      ("input", po::value<std::vector<std::string>>(), "input files; '-' is stdin");
  po::positional_options_description pos;
  pos.add("input", -1);
  po::variables_map vm;
  if (int rc = parse(argc, argv, opts, pos, vm, "tone", kToneHelp); rc >= 0) return rc;
  auto m = load_model(vm);
  if (!m) {
    fail("tone", m.status());
    return kExitModel;
  }
  std::vector<std::string> inputs = vm.count("input") ? vm["input"].as<std::vector<std::string>>()
                                                      : std::vector<std::string>{"-"};
  std::string cue = vm["cue"].as<std::string>();
  int64_t failed = 0;
  for (const auto& path : inputs) {
    int64_t n = 0;
    if (path == "-") {
      n = score_stream(std::cin, "<stdin>", cue, m.value());
    } else {
      std::ifstream f(path, std::ios::binary);
      if (!f) return fail("tone", model::make_error(ErrorCode::kIo, "cannot open input", path));
      n = score_stream(f, path, cue, m.value());
    }
    if (n < 0) return kExitIo;
    failed += n;
  }
  if (failed > 0) {
    std::cerr << "quotient tone: " << failed << " line" << (failed == 1 ? "" : "s")
              << " could not be scored (printed as {\"error\":…})\n";
    return kExitData;
  }
  return kExitOk;
}

}  // namespace quotient::cli

namespace quotient::cli {
namespace {

constexpr const char* kShared = "../shared/tone/";

// Training inputs and settings shared by `train` and `eval tone --cv`.
void add_training_options(po::options_description& opts) {
  opts.add_options()
      ("newsmtsc", po::value<std::string>()->default_value(std::string(kShared) + "newsmtsc/train.jsonl"), "NewsMTSC train JSONL")
      ("nyt", po::value<std::string>()->default_value(std::string(kShared) + "vader/nyt_editorial_train.tsv"), "NYT editorial ratings TSV")
      ("pragmatic", po::value<std::string>()->default_value("data/tone/pragmatic_train.tsv"), "our own pragmatic training TSV")
      ("vader", po::value<std::string>()->default_value(std::string(kShared) + "vader/vader_lexicon.txt"), "VADER lexicon (weak supervision; '' to skip)")
      ("afinn", po::value<std::string>()->default_value(std::string(kShared) + "afinn/AFINN-en-165.txt"), "AFINN-165 (weak supervision; '' to skip)")
      ("cameo", po::value<std::string>()->default_value(std::string(kShared) + "cameo/verbs_goldstein.tsv"), "CAMEO verbs with Goldstein weights (weak supervision; '' to skip)")
      ("seed", po::value<uint64_t>(), "shuffling seed")
      ("epochs", po::value<uint32_t>(), "passes over the data")
      ("learning-rate", po::value<float>(), "AdaGrad base step")
      ("l2", po::value<float>(), "L2 penalty per example")
      ("dense-l2-scale", po::value<float>(), "L2 multiplier for the dense lexicon rows (pulled to their prior)")
      ("bucket-bits", po::value<uint32_t>(), "log2 of the hashed feature buckets (18..20)")
      ("prior-strength", po::value<float>(), "lexicon prior on the weak words' unigram rows (0 = off)")
      ("average-from", po::value<uint32_t>(), "average the iterates of epochs N..epochs (0 = last iterate)")
      ("source-weight", po::value<std::vector<std::string>>(), "NAME=W example weight per source, e.g. pragmatic=3");
}

model::TrainPaths training_paths(const po::variables_map& vm) {
  return {vm["newsmtsc"].as<std::string>(), vm["nyt"].as<std::string>(), vm["pragmatic"].as<std::string>(),
          vm["vader"].as<std::string>(),    vm["afinn"].as<std::string>(), vm["cameo"].as<std::string>()};
}

model::TrainSettings training_settings(const po::variables_map& vm) {
  model::TrainSettings s;
  if (vm.count("seed")) s.seed = vm["seed"].as<uint64_t>();
  if (vm.count("epochs")) s.epochs = vm["epochs"].as<uint32_t>();
  if (vm.count("learning-rate")) s.learning_rate = vm["learning-rate"].as<float>();
  if (vm.count("l2")) s.l2 = vm["l2"].as<float>();
  if (vm.count("dense-l2-scale")) s.dense_l2_scale = vm["dense-l2-scale"].as<float>();
  if (vm.count("bucket-bits")) s.bucket_bits = vm["bucket-bits"].as<uint32_t>();
  if (vm.count("prior-strength")) s.prior_strength = vm["prior-strength"].as<float>();
  if (vm.count("average-from")) s.average_from = vm["average-from"].as<uint32_t>();
  if (vm.count("source-weight"))
    for (const auto& kv : vm["source-weight"].as<std::vector<std::string>>()) {
      size_t eq = kv.find('=');
      if (eq != std::string::npos) s.source_weights[kv.substr(0, eq)] = std::strtof(kv.c_str() + eq + 1, nullptr);
    }
  return s;
}

constexpr const char* kTrainHelp =
    "Usage: quotient train [--out FILE] [data flags]\n"
    "Rebuilds the tone model from NewsMTSC, the NYT editorial ratings, our own\n"
    "pragmatic file and (as weak supervision) the VADER/AFINN/CAMEO lexicons.\n"
    "Deterministic: the same inputs and settings give a byte-identical file.\n"
    "Default paths assume the repository root as working directory, with the\n"
    "shared data at ../shared.\n\n"
    "Example:\n"
    "  cd quotient && build/quotient train --out model/tone.qtm\n";

}  // namespace

int train_main(int argc, char** argv) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")
      ("out", po::value<std::string>()->default_value("model/tone.qtm"), "model file to write");
  add_training_options(opts);
  po::variables_map vm;
  if (int rc = parse(argc, argv, opts, {}, vm, "train", kTrainHelp); rc >= 0) return rc;
  auto set = model::load_training_set(training_paths(vm));
  if (!set) return fail("train", set.status());
  auto m = model::train_model(set.value(), training_settings(vm));
  if (!m) return fail("train", m.status());
  std::string out = vm["out"].as<std::string>();
  if (Status s = m.value().save(out); !s.ok()) return fail("train", s);
  std::cerr << "quotient train: " << set.value().examples.size() << " examples -> " << out << '\n';
  return kExitOk;
}

namespace {

bool has_pragmatic(const std::vector<model::Example>& ex) {
  for (const auto& e : ex)
    if (e.label == 1) return true;
  return false;
}

// Confusion over the 4 register classes, or 3 (pragmatic as neutral) when `three`.
model::Confusion make_confusion(bool three) {
  if (three) return model::Confusion(model::three_class_names());
  std::vector<std::string> names(std::begin(model::kRegisterClassNames), std::end(model::kRegisterClassNames));
  return model::Confusion(names);
}

void score_into(const model::ToneModel& m, const std::vector<model::Example>& ex, const std::vector<size_t>& idx,
                bool three, model::Confusion& c) {
  model::ToneScratch scratch;
  for (size_t i : idx) {
    int pred = model::register_class_index(m.score({ex[i].text, ex[i].cue, ex[i].masked, false}, scratch).label);
    c.add(three ? model::to_three_class(ex[i].label) : ex[i].label, three ? model::to_three_class(pred) : pred);
  }
}

// K-fold CV: for fold f, train on the training set (minus any source that is
// this very file) plus the other folds of `ex`, and score fold f. Folds are
// contiguous blocks (model::cv_fold), so the sentences of one document stay in
// one fold. Held-out examples take the name of the training source they
// replace, so that source's weight applies to them as in `quotient train`.
int cross_validate(const po::variables_map& vm, const std::string& path, std::vector<model::Example> ex,
                   uint32_t k, bool three) {
  auto set = model::load_training_set(training_paths(vm));
  if (!set) return fail("eval tone", set.status());
  auto fp = model::file_fingerprint(path);
  if (!fp) return fail("eval tone", fp.status());
  std::string same_source;
  for (const auto& src : set.value().sources)
    if (src.fnv1a64 == fp.value()) same_source = src.name;
  std::vector<model::Example> base;
  for (const auto& src_ex : set.value().examples)
    if (src_ex.source != same_source) base.push_back(src_ex);
  if (!same_source.empty())
    for (auto& e : ex) e.source = same_source;
  model::Confusion pooled = make_confusion(three);
  for (uint32_t f = 0; f < k; ++f) {
    model::TrainingSet fold{base, set.value().sources};
    std::vector<size_t> test;
    for (size_t i = 0; i < ex.size(); ++i)
      (model::cv_fold(i, ex.size(), k) == f ? test.push_back(i) : fold.examples.push_back(ex[i]));
    auto m = model::train_model(fold, training_settings(vm));
    if (!m) return fail("eval tone", m.status());
    model::Confusion c = make_confusion(three);
    score_into(m.value(), ex, test, three, c);
    std::printf("%s fold %u/%u: weighted_f1=%.4f macro_f1=%.4f accuracy=%.4f\n", path.c_str(), f + 1, k,
                c.weighted_f1(), c.macro_f1(), c.accuracy());
    pooled.merge(c);
  }
  std::printf("%s %u-fold cross-validation (pooled):\n%s", path.c_str(), k, pooled.report().c_str());
  return kExitOk;
}

constexpr const char* kEvalHelp =
    "Usage: quotient eval tone [--model FILE] [--format F] [--cv K] FILE...\n"
    "Accuracy, macro-F1, weighted-F1 and the confusion matrix of the tone model on\n"
    "labelled files: NewsMTSC JSONL, the NYT editorial TSV (id, rating, text) or a\n"
    "simple label<TAB>text TSV. Scored in 3 classes (pragmatic counted as neutral)\n"
    "unless the file has pragmatic gold labels. --cv K retrains K times (training\n"
    "flags as for 'quotient train') and scores each held-out fold.\n\n"
    "Examples:\n"
    "  quotient eval tone ../shared/tone/newsmtsc/devtest_mt.jsonl\n"
    "  quotient eval tone --cv 5 ../shared/tone/vader/nyt_editorial_train.tsv\n";

}  // namespace

int eval_tone_main(int argc, char** argv) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")
      ("model", po::value<std::string>(), "model file (default: the shipped one)")
      ("format", po::value<std::string>()->default_value("auto"), "auto, newsmtsc, nyt or labels")
      ("cv", po::value<uint32_t>()->default_value(0), "K-fold cross-validation (K >= 2) instead of the model")
      ("json", "print one JSON object per file instead of the report")
      ("file", po::value<std::vector<std::string>>(), "labelled files");
  add_training_options(opts);
  po::positional_options_description pos;
  pos.add("file", -1);
  po::variables_map vm;
  if (int rc = parse(argc, argv, opts, pos, vm, "eval tone", kEvalHelp); rc >= 0) return rc;
  if (!vm.count("file")) return usage_error("eval tone", "no labelled FILE given");
  auto format = model::parse_format(vm["format"].as<std::string>());
  if (!format) return fail("eval tone", format.status());
  uint32_t k = vm["cv"].as<uint32_t>();
  if (k == 1) return usage_error("eval tone", "--cv needs K >= 2");
  std::optional<model::Result<model::ToneModel>> m;
  for (const auto& path : vm["file"].as<std::vector<std::string>>()) {
    auto ex = model::read_examples(path, format.value(), "eval");
    if (!ex) return fail("eval tone", ex.status());
    bool three = !has_pragmatic(ex.value());
    if (k >= 2) {
      if (int rc = cross_validate(vm, path, ex.value(), k, three)) return rc;
      continue;
    }
    if (!m) m = load_model(vm);
    if (!*m) return fail("eval tone", m->status());
    model::Confusion c = make_confusion(three);
    std::vector<size_t> all(ex.value().size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    score_into(m->value(), ex.value(), all, three, c);
    if (vm.count("json")) std::printf("{\"file\":\"%s\",\"metrics\":%s}\n", json_escape(path).c_str(), c.json().c_str());
    else std::printf("%s:\n%s", path.c_str(), c.report().c_str());
  }
  return kExitOk;
}

}  // namespace quotient::cli
