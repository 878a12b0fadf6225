// datasets.hpp — labelled tone examples and the readers for the formats we
// train and evaluate on.
//
// Formats (detect_format() picks one from the name and first line):
//   newsmtsc  JSONL: sentence_normalized, targets[{from,to,polarity}]; keeps
//             sentences whose targets agree (2.0 critical, 4.0 neutral,
//             6.0 constructive); target mentions are masked as <ent>.
//   nyt       TSV: id \t mean rating (-4..4) \t sentence; rating > 0.05 is
//             constructive, < -0.05 critical, else neutral (kNytNeutralBand,
//             Hutto & Gilbert 2014's neutral threshold); coop = rating / 5.
//   labels    TSV: label \t text [\t cue lemma]; '#' lines are comments.
//             Used for our own data/tone/pragmatic_train.tsv.
// Weak supervision (training only): single words from VADER / AFINN and
// CAMEO verbs with Goldstein weights (cue-only examples).
//
//   auto ex = read_examples("devtest_mt.jsonl", DataFormat::kAuto, "newsmtsc_dev");
//   if (!ex) return ex.status();
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "status.hpp"

namespace quotient::model {

// One labelled text. `label` indexes kRegisterClassNames (lexicon.hpp).
struct Example {
  std::string text;
  std::string cue;  // cue lemma, may be empty
  std::vector<std::pair<uint32_t, uint32_t>> masked;  // [begin, end) bytes to mask
  int label = 2;
  float coop = 0;   // target coop in [-1, 1]
  std::string source;
  // True for weak-supervision words (not quotes): the trainer drops their
  // quote-level dense features (the short-quote indicator).
  bool word_only = false;
};

enum class DataFormat { kAuto, kNewsMtsc, kNyt, kLabels, kVader, kAfinn, kCameo };

// Parses "newsmtsc", "nyt", "labels", "vader", "afinn", "cameo", "auto".
Result<DataFormat> parse_format(std::string_view name);
// Guesses the format of a labelled file from its extension and first line.
DataFormat detect_format(const std::string& path, std::string_view first_line);

// Reads a labelled file. Errors carry the path and 1-based line.
Result<std::vector<Example>> read_examples(const std::string& path, DataFormat format, const std::string& source);

// Half-width of the neutral band on the NYT mean rating: |rating| <= 0.05 is
// neutral. The convention of the VADER paper (Hutto & Gilbert 2014), whose
// 3-class NYT F1 the reference numbers come from; used for training
// and evaluation alike.
inline constexpr float kNytNeutralBand = 0.05f;

// Coop target given to a class when the data has no rating of its own.
float default_coop(int label);

// FNV-1a 64 of a file's bytes (data fingerprints); error when unreadable.
Result<uint64_t> file_fingerprint(const std::string& path);

// Value of the string member `key` of a one-line JSON object; kParse on bad
// JSON, kBadData when the member is missing or not a string.
Result<std::string> json_string_member(std::string_view line, std::string_view key);

}  // namespace quotient::model
