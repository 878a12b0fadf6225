#include "lexicon.hpp"

namespace quotient::data {
extern const std::string_view cues_txt;
extern const std::string_view honorifics_txt;
extern const std::string_view roles_txt;
extern const std::string_view stopwords_txt;
extern const std::string_view abbreviations_txt;
extern const std::string_view descriptors_txt;
extern const std::string_view auxiliaries_txt;
extern const std::string_view title_nouns_txt;
extern const std::string_view org_heads_txt;
extern const std::string_view subordinators_txt;
extern const std::string_view time_spans_txt;
extern const std::string_view issuing_txt;
extern const std::string_view vouching_txt;
extern const std::string_view body_for_heads_txt;
extern const std::string_view opinion_nouns_txt;
extern const std::string_view name_particles_txt;
extern const std::string_view thing_nouns_txt;
extern const std::string_view whose_body_nouns_txt;
extern const std::string_view perception_verbs_txt;
extern const std::string_view demonyms_txt;
extern const std::string_view role_kinds_txt;
}  // namespace quotient::data

namespace quotient::grammar {
namespace {

// Calls f(line) for each line that is neither blank nor a '#' comment.
template <typename F>
void for_each_line(std::string_view text, F f) {
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    f(line);
  }
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    size_t p = s.find(sep);
    out.push_back(s.substr(0, p));
    if (p == std::string_view::npos) return out;
    s = s.substr(p + 1);
  }
}

// Splits "say says said" into forms; multi-word forms are written with
// single spaces, so they are rebuilt from the lemma's word count.
std::vector<std::string> cue_forms(std::string_view lemma, std::string_view forms) {
  size_t words = 1;
  for (char c : lemma) words += c == ' ';
  std::vector<std::string> out;
  std::vector<std::string_view> parts = split(forms, ' ');
  for (size_t i = 0; i + words <= parts.size(); i += words) {
    std::string form(parts[i]);
    for (size_t k = 1; k < words; ++k) form.append(" ").append(parts[i + k]);
    out.push_back(std::move(form));
  }
  return out;
}

void parse_cues(std::string_view text, std::vector<CueEntry>& out) {
  for_each_line(text, [&](std::string_view line) {
    std::vector<std::string_view> cols = split(line, '\t');
    if (cols.size() < 2) return;
    CueEntry entry;
    entry.lemma = std::string(cols[0]);
    entry.forms = cue_forms(cols[0], cols[1]);
    if (cols.size() > 2) {
      entry.needs_as = cols[2] == "as";
      entry.speaker_follows = cols[2] == "prep";
      if (cols[2].substr(0, 6) == "lemma=") entry.lemma = std::string(cols[2].substr(6));
    }
    out.push_back(std::move(entry));
  });
}

Mention::Gender gender_of(std::string_view g) {
  if (g == "m") return Mention::Gender::kMale;
  if (g == "f") return Mention::Gender::kFemale;
  return Mention::Gender::kUnknown;
}

RoleNoun::Type role_type_of(std::string_view t) {
  if (t == "group") return RoleNoun::Type::kGroup;
  if (t == "org") return RoleNoun::Type::kOrg;
  if (t == "doc") return RoleNoun::Type::kDoc;
  return RoleNoun::Type::kRole;
}

void parse_words(std::string_view text, std::vector<std::string>& out) {
  for_each_line(text, [&](std::string_view line) {
    for (std::string_view w : split(line, ' '))
      if (!w.empty()) out.emplace_back(w);
  });
}

// One phrase per line, its words separated by spaces.
void parse_phrases(std::string_view text, std::vector<std::vector<std::string>>& out) {
  for_each_line(text, [&](std::string_view line) {
    std::vector<std::string> phrase;
    parse_words(line, phrase);
    if (!phrase.empty()) out.push_back(std::move(phrase));
  });
}

}  // namespace

Lexicon Lexicon::parse(const LexiconTexts& t) {
  Lexicon lex;
  parse_cues(t.cues, lex.cues);
  for_each_line(t.honorifics, [&](std::string_view line) {
    std::vector<std::string_view> cols = split(line, '\t');
    lex.honorifics.push_back({std::string(cols[0]), gender_of(cols.size() > 1 ? cols[1] : "-")});
  });
  for_each_line(t.roles, [&](std::string_view line) {
    std::vector<std::string_view> cols = split(line, '\t');
    lex.roles.push_back(
        {std::string(cols[0]), role_type_of(cols.size() > 1 ? cols[1] : "role"), cols.size() > 2 && cols[2] == "of"});
  });
  parse_words(t.stopwords, lex.stopwords);
  parse_words(t.abbreviations, lex.abbreviations);
  parse_words(t.descriptors, lex.descriptors);
  parse_words(t.auxiliaries, lex.auxiliaries);
  parse_words(t.title_nouns, lex.title_nouns);
  parse_words(t.org_heads, lex.org_heads);
  parse_words(t.subordinators, lex.subordinators);
  parse_words(t.time_spans, lex.time_spans);
  parse_words(t.issuing, lex.issuing);
  parse_phrases(t.vouching, lex.vouching);
  parse_words(t.body_for_heads, lex.body_for_heads);
  parse_words(t.opinion_nouns, lex.opinion_nouns);
  parse_words(t.name_particles, lex.name_particles);
  parse_words(t.thing_nouns, lex.thing_nouns);
  parse_phrases(t.whose_body_nouns, lex.whose_body_nouns);
  parse_phrases(t.role_kinds, lex.role_kinds);
  parse_words(t.perception_verbs, lex.perception_verbs);
  parse_words(t.demonyms, lex.demonyms);
  return lex;
}

const Lexicon& Lexicon::builtin() {
  static const Lexicon lex = [] {
    LexiconTexts t;
    t.cues = data::cues_txt;
    t.honorifics = data::honorifics_txt;
    t.roles = data::roles_txt;
    t.stopwords = data::stopwords_txt;
    t.abbreviations = data::abbreviations_txt;
    t.descriptors = data::descriptors_txt;
    t.auxiliaries = data::auxiliaries_txt;
    t.title_nouns = data::title_nouns_txt;
    t.org_heads = data::org_heads_txt;
    t.subordinators = data::subordinators_txt;
    t.time_spans = data::time_spans_txt;
    t.issuing = data::issuing_txt;
    t.vouching = data::vouching_txt;
    t.body_for_heads = data::body_for_heads_txt;
    t.opinion_nouns = data::opinion_nouns_txt;
    t.name_particles = data::name_particles_txt;
    t.thing_nouns = data::thing_nouns_txt;
    t.whose_body_nouns = data::whose_body_nouns_txt;
    t.role_kinds = data::role_kinds_txt;
    t.perception_verbs = data::perception_verbs_txt;
    t.demonyms = data::demonyms_txt;
    return parse(t);
  }();
  return lex;
}

}  // namespace quotient::grammar
