#include "gold.hpp"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace quotient::test {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<GoldQuote> read_gold(const std::string& path) {
  std::vector<GoldQuote> out;
  std::istringstream lines(read_file(path));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    GoldQuote g;
    auto status = google::protobuf::util::JsonStringToMessage(line, &g);
    if (!status.ok()) throw std::runtime_error(path + ": " + std::string(status.message()));
    out.push_back(std::move(g));
  }
  return out;
}

namespace {

std::string ascii_lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool among(const std::string& name, const GoldQuote& g) {
  return name == g.speaker() || std::find(g.aliases().begin(), g.aliases().end(), name) != g.aliases().end();
}

}  // namespace

GoldScore score_against_gold(const std::vector<GoldQuote>& gold, const DocumentResult& r) {
  GoldScore s;
  int next = 0;
  for (const GoldQuote& g : gold) {
    ++s.quotes;
    int at = -1;
    for (int i = next; i < r.quotes_size() && at < 0; ++i)
      if (r.quotes(i).text() == g.quote()) at = i;
    if (at < 0) {
      s.misses.push_back("missing quote: " + g.quote());
      continue;
    }
    next = at + 1;
    ++s.found;
    const QuoteRecord& q = r.quotes(at);
    const std::string& name = q.speaker().name();
    if (g.kind() == "title") {
      ++s.titles;
      if (q.kind() == QuoteRecord::TITLE && !q.has_speaker()) ++s.titles_ok;
      else s.misses.push_back("not a speakerless title: " + g.quote());
    }
    if (!g.speaker().empty() && (!g.has_speaker_required() || g.speaker_required())) {
      ++s.speakers_required;
      if (among(name, g)) ++s.speakers_ok;
      else s.misses.push_back("speaker '" + name + "' for “" + g.quote() + "” (gold: " + g.speaker() + ")");
    }
    // An EMBEDDED quote is the outer speaker's (quote.proto): its own cue,
    // like its speaker, is the gold's note, not something quotient reports.
    if (!g.cue().empty() && g.kind() != "embedded") {
      ++s.cues;
      // "told" in the gold matches our multi-word cue "told reporters"; case
      // is no part of a cue ("According to" opening a sentence).
      std::string cue = ascii_lower(q.cue().text()), want = ascii_lower(g.cue());
      if (cue == want || cue.rfind(want + " ", 0) == 0) ++s.cues_ok;
      else s.misses.push_back("cue '" + q.cue().text() + "' for “" + g.quote() + "” (gold: " + g.cue() + ")");
    }
    if (g.kind() == "speech" && g.tone_size() > 0) {
      ++s.tones;
      const std::string& label = q.tone().label();
      if (std::find(g.tone().begin(), g.tone().end(), label) != g.tone().end()) ++s.tones_ok;
      else s.misses.push_back("tone '" + label + "' for “" + g.quote() + "”");
    }
  }
  return s;
}

std::string GoldScore::report() const {
  std::ostringstream o;
  o << "quotes " << found << "/" << quotes << ", speakers " << speakers_ok << "/" << speakers_required
    << ", titles " << titles_ok << "/" << titles << ", cues " << cues_ok << "/" << cues << ", tones "
    << tones_ok << "/" << tones;
  for (const std::string& m : misses) o << "\n  " << m;
  return o.str();
}

}  // namespace quotient::test
