// Tests for Lexicon (grammar/lexicon.cpp): the builtin lexicon parses every
// file of data/lexicon/ with plausible counts, and Lexicon::parse reads the
// file formats (tabs, flags, multi-word forms, comments, CRLF).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace qg = quotient::grammar;
using qg::CueEntry;
using qg::Honorific;
using qg::Lexicon;
using qg::LexiconTexts;
using qg::Mention;
using qg::RoleNoun;
using Strings = std::vector<std::string>;

namespace {

const CueEntry* find_cue(const Lexicon& lex, const std::string& lemma) {
  for (const CueEntry& c : lex.cues)
    if (c.lemma == lemma) return &c;
  return nullptr;
}

const Honorific* find_honorific(const Lexicon& lex, const std::string& title) {
  for (const Honorific& h : lex.honorifics)
    if (h.title == title) return &h;
  return nullptr;
}

const RoleNoun* find_role(const Lexicon& lex, const std::string& noun) {
  for (const RoleNoun& r : lex.roles)
    if (r.noun == noun) return &r;
  return nullptr;
}

bool contains(const Strings& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

size_t words_in(const std::string& s) { return 1 + std::count(s.begin(), s.end(), ' '); }

// No tab, CR or surrounding space left in a parsed field.
bool clean(const std::string& s) {
  return !s.empty() && s.find_first_of("\t\r\n") == std::string::npos && s.front() != ' ' &&
         s.back() != ' ';
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lexicon)

BOOST_AUTO_TEST_CASE(builtin_counts) {
  const Lexicon& lex = Lexicon::builtin();
  BOOST_TEST(lex.cues.size() > 80u);
  BOOST_TEST(lex.honorifics.size() > 80u);
  BOOST_TEST(lex.roles.size() > 100u);
  BOOST_TEST(lex.stopwords.size() > 100u);
  BOOST_TEST(lex.abbreviations.size() > 40u);
}

// data/lexicon/subordinators.txt: the words that open a clause after a quote.
BOOST_AUTO_TEST_CASE(builtin_subordinators) {
  const std::vector<std::string>& words = Lexicon::builtin().subordinators;
  BOOST_TEST(words.size() > 20u);
  for (const char* w : {"when", "but", "though", "which"})
    BOOST_TEST((std::find(words.begin(), words.end(), w) != words.end()), w);
  for (const std::string& w : words) BOOST_TEST(clean(w), "'" << w << "'");
}

// data/lexicon/time_spans.txt and issuing.txt: the nouns of a time phrase
// ("last week") and the verbs of issuing a text ("released a statement").
BOOST_AUTO_TEST_CASE(builtin_time_spans_and_issuing_verbs) {
  const Lexicon& lex = Lexicon::builtin();
  for (const char* w : {"week", "morning"})
    BOOST_TEST((std::find(lex.time_spans.begin(), lex.time_spans.end(), w) != lex.time_spans.end()), w);
  for (const char* w : {"released", "published", "signed"})
    BOOST_TEST((std::find(lex.issuing.begin(), lex.issuing.end(), w) != lex.issuing.end()), w);
  for (const std::string& w : lex.time_spans) BOOST_TEST(clean(w), "'" << w << "'");
  for (const std::string& w : lex.issuing) BOOST_TEST(clean(w), "'" << w << "'");
}

// data/lexicon/body_for_heads.txt: the heads of "the Institute for Fiscal
// Studies"; each also ends a body's name (org_heads.txt), so the two files
// cannot drift apart.
BOOST_AUTO_TEST_CASE(builtin_body_for_heads_are_org_heads) {
  const Lexicon& lex = Lexicon::builtin();
  BOOST_TEST(lex.body_for_heads.size() > 20u);
  for (const char* w : {"Centre", "Institute", "Partnership"}) BOOST_TEST(contains(lex.body_for_heads, w), w);
  for (const char* w : {"Street", "House", "Parliament"}) BOOST_TEST(!contains(lex.body_for_heads, w), w);
  for (const std::string& w : lex.body_for_heads) {
    BOOST_TEST(clean(w), "'" << w << "'");
    BOOST_TEST(contains(lex.org_heads, w), w << " is not in org_heads.txt");
  }
}

// data/lexicon/whose_body_nouns.txt: "NAME, whose board …"; one phrase a
// line.
BOOST_AUTO_TEST_CASE(builtin_whose_body_nouns) {
  const std::vector<Strings>& phrases = Lexicon::builtin().whose_body_nouns;
  BOOST_TEST(phrases.size() > 10u);
  BOOST_TEST((std::find(phrases.begin(), phrases.end(), Strings{"chief", "executive"}) != phrases.end()));
  BOOST_TEST((std::find(phrases.begin(), phrases.end(), Strings{"board"}) != phrases.end()));
  for (const Strings& phrase : phrases)
    for (const std::string& w : phrase) BOOST_TEST(clean(w), "'" << w << "'");
}

// data/lexicon/opinion_nouns.txt: "That is the advice of NAME".
BOOST_AUTO_TEST_CASE(builtin_opinion_nouns) {
  const Strings& words = Lexicon::builtin().opinion_nouns;
  BOOST_TEST(words.size() > 10u);
  for (const char* w : {"advice", "verdict", "plea"}) BOOST_TEST(contains(words, w), w);
  BOOST_TEST(!contains(words, "home"));
  for (const std::string& w : words) BOOST_TEST(clean(w), "'" << w << "'");
}

// data/lexicon/name_particles.txt: "Ludwig van Beethoven". The sentence
// pre-check packs each into one integer: lower-case, at most eight bytes,
// at most 32 of them (half its table's slots).
BOOST_AUTO_TEST_CASE(builtin_name_particles) {
  const Strings& words = Lexicon::builtin().name_particles;
  BOOST_TEST(words.size() <= 32u);
  for (const char* w : {"van", "de", "bin", "binti", "a/l", "of"}) BOOST_TEST(contains(words, w), w);
  BOOST_TEST(!contains(words, "and"));
  for (const std::string& w : words) {
    BOOST_TEST(clean(w), "'" << w << "'");
    BOOST_TEST((w.size() <= 8 && w[0] >= 'a' && w[0] <= 'z'), "'" << w << "'");
  }
}

// data/lexicon/thing_nouns.txt: the “Safe Streets” scheme.
BOOST_AUTO_TEST_CASE(builtin_thing_nouns) {
  const Strings& words = Lexicon::builtin().thing_nouns;
  for (const char* w : {"campaign", "scheme", "page"}) BOOST_TEST(contains(words, w), w);
  BOOST_TEST(!contains(words, "demand"));
  for (const std::string& w : words) BOOST_TEST(clean(w), "'" << w << "'");
}

// data/lexicon/role_kinds.txt: "the Rovers manager" may be "Rovers boss
// NAME", not "Rovers defender NAME". Lower case, one word each (entities.cpp
// keeps a line's bit in 64).
BOOST_AUTO_TEST_CASE(builtin_role_kinds) {
  const std::vector<Strings>& kinds = Lexicon::builtin().role_kinds;
  BOOST_TEST((kinds.size() >= 5u && kinds.size() <= 64u));
  auto of_a_kind = [&](const char* a, const char* b) {
    return std::any_of(kinds.begin(), kinds.end(), [&](const Strings& k) { return contains(k, a) && contains(k, b); });
  };
  BOOST_TEST(of_a_kind("boss", "manager"));
  BOOST_TEST(of_a_kind("leader", "chief"));
  BOOST_TEST(!of_a_kind("manager", "defender"));
  for (const Strings& k : kinds) {
    BOOST_TEST(k.size() >= 2u);
    for (const std::string& w : k) {
      bool lower = std::none_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      BOOST_TEST((clean(w) && words_in(w) == 1 && lower), "'" << w << "'");
    }
  }
}

// data/lexicon/demonyms.txt: capitalised single words, none whose plural is
// the same as the singular.
BOOST_AUTO_TEST_CASE(builtin_demonyms) {
  const Strings& words = Lexicon::builtin().demonyms;
  for (const char* w : {"Pole", "Swede", "Scot", "Brazilian"}) BOOST_TEST(contains(words, w), w);
  for (const char* w : {"Swiss", "Japanese", "Chinese", "Portuguese"}) BOOST_TEST(!contains(words, w), w);
  for (const std::string& w : words) BOOST_TEST((clean(w) && w[0] >= 'A' && w[0] <= 'Z' && words_in(w) == 1), "'" << w << "'");
}

// data/lexicon/perception_verbs.txt: every form of each verb, lower case,
// and no speech verb ("told him saying" is no perception).
BOOST_AUTO_TEST_CASE(builtin_perception_verbs) {
  const Strings& verbs = Lexicon::builtin().perception_verbs;
  for (const char* w : {"show", "showed", "shown", "heard", "saw", "caught", "captured", "filmed", "recorded"})
    BOOST_TEST(contains(verbs, w), w);
  for (const char* w : {"told", "said", "asked", "quoted"}) BOOST_TEST(!contains(verbs, w), w);
  for (const std::string& w : verbs) {
    bool lower = std::none_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    BOOST_TEST((clean(w) && lower), "'" << w << "'");
  }
}

BOOST_AUTO_TEST_CASE(builtin_is_one_instance) {
  BOOST_TEST(&Lexicon::builtin() == &Lexicon::builtin());
}

BOOST_AUTO_TEST_CASE(builtin_cue_entries) {
  const Lexicon& lex = Lexicon::builtin();
  const CueEntry* say = find_cue(lex, "say");
  BOOST_TEST_REQUIRE(say != nullptr);
  BOOST_TEST(say->forms == (Strings{"say", "says", "said", "saying"}));
  BOOST_TEST(!say->needs_as);
  BOOST_TEST(!say->speaker_follows);

  const CueEntry* describe = find_cue(lex, "describe");
  BOOST_TEST_REQUIRE(describe != nullptr);
  BOOST_TEST(describe->needs_as);
  BOOST_TEST(!describe->speaker_follows);
  BOOST_TEST(contains(describe->forms, "described"));

  const CueEntry* according = find_cue(lex, "according to");
  BOOST_TEST_REQUIRE(according != nullptr);
  BOOST_TEST(according->speaker_follows);
  BOOST_TEST(!according->needs_as);
  BOOST_TEST(according->forms == Strings{"according to"});

  const CueEntry* point_out = find_cue(lex, "point out");
  BOOST_TEST_REQUIRE(point_out != nullptr);
  BOOST_TEST(point_out->forms ==
             (Strings{"point out", "points out", "pointed out", "pointing out"}));
}

BOOST_AUTO_TEST_CASE(builtin_cues_are_well_formed) {
  std::map<std::string, std::string> owner;  // form -> lemma
  for (const CueEntry& c : Lexicon::builtin().cues) {
    BOOST_TEST(clean(c.lemma), "lemma '" << c.lemma << "'");
    BOOST_TEST(!c.forms.empty(), "no forms for " << c.lemma);
    BOOST_TEST(!(c.needs_as && c.speaker_follows), c.lemma);
    for (const std::string& f : c.forms) {
      BOOST_TEST(clean(f), "form '" << f << "' of " << c.lemma);
      // "told reporters" is a form of "tell": a form has at least the lemma's words.
      BOOST_TEST(words_in(f) >= words_in(c.lemma), "form '" << f << "' of " << c.lemma);
      auto [it, fresh] = owner.emplace(f, c.lemma);
      BOOST_TEST((fresh || it->second == c.lemma),
                 "form '" << f << "' in both " << it->second << " and " << c.lemma);
    }
  }
}

BOOST_AUTO_TEST_CASE(builtin_honorifics_roles_and_words) {
  const Lexicon& lex = Lexicon::builtin();
  const Honorific* sir = find_honorific(lex, "Sir");
  BOOST_TEST_REQUIRE(sir != nullptr);
  BOOST_TEST(sir->gender == Mention::Gender::kMale);
  const Honorific* dame = find_honorific(lex, "Dame");
  BOOST_TEST_REQUIRE(dame != nullptr);
  BOOST_TEST(dame->gender == Mention::Gender::kFemale);
  const Honorific* president = find_honorific(lex, "President");
  BOOST_TEST_REQUIRE(president != nullptr);
  BOOST_TEST(president->gender == Mention::Gender::kUnknown);
  BOOST_TEST(find_honorific(lex, "Foreign Minister") != nullptr);
  for (const Honorific& h : lex.honorifics) BOOST_TEST(clean(h.title), "'" << h.title << "'");

  const RoleNoun* spokeswoman = find_role(lex, "spokeswoman");
  BOOST_TEST_REQUIRE(spokeswoman != nullptr);
  BOOST_TEST(spokeswoman->type == RoleNoun::Type::kRole);
  const RoleNoun* officials = find_role(lex, "officials");
  BOOST_TEST_REQUIRE(officials != nullptr);
  BOOST_TEST(officials->type == RoleNoun::Type::kGroup);
  const RoleNoun* statement = find_role(lex, "statement");
  BOOST_TEST_REQUIRE(statement != nullptr);
  BOOST_TEST(statement->type == RoleNoun::Type::kDoc);
  const RoleNoun* office = find_role(lex, "office");
  BOOST_TEST_REQUIRE(office != nullptr);
  BOOST_TEST(office->type == RoleNoun::Type::kOrg);
  for (const RoleNoun& r : lex.roles) BOOST_TEST(clean(r.noun), "'" << r.noun << "'");

  BOOST_TEST(contains(lex.stopwords, "Thursday"));
  BOOST_TEST(contains(lex.stopwords, "The"));
  for (const char* a : {"Mr", "Dr", "Sen", "Jan", "No", "U.S"})
    BOOST_TEST(contains(lex.abbreviations, a), a);
  for (const std::string& a : lex.abbreviations) BOOST_TEST(a.back() != '.', a);
}

BOOST_AUTO_TEST_CASE(parse_inline_text) {
  LexiconTexts t;
  t.cues =
      "# cues\n"
      "\n"
      "say\tsay says said\n"
      "point out\tpoint out pointed out\n"
      "describe\tdescribe described\tas\n"
      "according to\taccording to\tprep\r\n";
  t.honorifics = "# honorifics\nMr\tm\nDame\tf\nPresident\t-\nMx\n";
  t.roles = "spokeswoman\trole\nofficials\tgroup\nministry\torg\nstatement\tdoc\naide\nhead\trole\tof\n";
  t.stopwords = "The A\n# comment\nThursday\n";
  t.abbreviations = "Mr Dr\nU.S\n";
  t.thing_nouns = "scheme  plan\n";
  t.role_kinds = "boss manager\n# comment\nspokesman  spokeswoman\n";
  t.whose_body_nouns = "board\nchief executive\n";
  t.perception_verbs = "show showed\n# comment\nheard\n";
  Lexicon lex = Lexicon::parse(t);
  BOOST_TEST_REQUIRE(lex.cues.size() == 4u);
  BOOST_TEST(lex.cues[0].lemma == "say");
  BOOST_TEST(lex.cues[0].forms == (Strings{"say", "says", "said"}));
  BOOST_TEST(lex.cues[1].forms == (Strings{"point out", "pointed out"}));
  BOOST_TEST(lex.cues[2].needs_as);
  BOOST_TEST(!lex.cues[2].speaker_follows);
  BOOST_TEST(lex.cues[3].lemma == "according to");
  BOOST_TEST(lex.cues[3].speaker_follows);
  BOOST_TEST(lex.cues[3].forms == Strings{"according to"});

  BOOST_TEST_REQUIRE(lex.honorifics.size() == 4u);
  BOOST_TEST(lex.honorifics[0].gender == Mention::Gender::kMale);
  BOOST_TEST(lex.honorifics[1].gender == Mention::Gender::kFemale);
  BOOST_TEST(lex.honorifics[2].gender == Mention::Gender::kUnknown);
  BOOST_TEST(lex.honorifics[3].title == "Mx");
  BOOST_TEST(lex.honorifics[3].gender == Mention::Gender::kUnknown);

  BOOST_TEST_REQUIRE(lex.roles.size() == 6u);
  BOOST_TEST(lex.roles[0].type == RoleNoun::Type::kRole);
  BOOST_TEST(lex.roles[1].type == RoleNoun::Type::kGroup);
  BOOST_TEST(lex.roles[2].type == RoleNoun::Type::kOrg);
  BOOST_TEST(lex.roles[3].type == RoleNoun::Type::kDoc);
  BOOST_TEST(lex.roles[4].noun == "aide");
  BOOST_TEST(lex.roles[4].type == RoleNoun::Type::kRole);
  BOOST_TEST(!lex.roles[4].before_of);
  BOOST_TEST(lex.roles[5].noun == "head");
  BOOST_TEST(lex.roles[5].before_of);

  BOOST_TEST(lex.stopwords == (Strings{"The", "A", "Thursday"}));
  BOOST_TEST(lex.abbreviations == (Strings{"Mr", "Dr", "U.S"}));
  // Each text lands in its own list, and the ones left empty stay empty.
  BOOST_TEST(lex.thing_nouns == (Strings{"scheme", "plan"}));
  BOOST_TEST(lex.role_kinds == (std::vector<Strings>{{"boss", "manager"}, {"spokesman", "spokeswoman"}}));
  BOOST_TEST(lex.whose_body_nouns == (std::vector<Strings>{{"board"}, {"chief", "executive"}}));
  BOOST_TEST(lex.perception_verbs == (Strings{"show", "showed", "heard"}));
  BOOST_TEST(lex.descriptors.empty());
  BOOST_TEST(lex.name_particles.empty());
}

// An entry is matched as written, in lower case, capitalised and in title
// case, each part after a space or hyphen capitalised.
BOOST_AUTO_TEST_CASE(case_variants_include_title_case) {
  BOOST_TEST(qg::case_variants("secretary-general") ==
             (Strings{"secretary-general", "secretary-general", "Secretary-general", "Secretary-General"}));
  BOOST_TEST(qg::case_variants("Foreign minister") ==
             (Strings{"Foreign minister", "foreign minister", "Foreign minister", "Foreign Minister"}));
}

BOOST_AUTO_TEST_CASE(parse_empty_and_comment_only) {
  LexiconTexts t;
  t.honorifics = "# nothing\n";
  t.roles = "\n\n";
  t.abbreviations = "# a\n# b";
  Lexicon lex = Lexicon::parse(t);
  BOOST_TEST(lex.cues.empty());
  BOOST_TEST(lex.honorifics.empty());
  BOOST_TEST(lex.roles.empty());
  BOOST_TEST(lex.stopwords.empty());
  BOOST_TEST(lex.abbreviations.empty());
}

BOOST_AUTO_TEST_CASE(parse_windows_line_endings) {
  LexiconTexts t;
  t.cues = "say\tsay said\r\n";
  t.honorifics = "Mr\tm\r\n";
  t.roles = "aide\trole\r\n";
  t.stopwords = "The\r\n";
  t.abbreviations = "Mr\r\n";
  Lexicon lex = Lexicon::parse(t);
  BOOST_TEST_REQUIRE(lex.cues.size() == 1u);
  BOOST_TEST(lex.cues[0].forms == (Strings{"say", "said"}));
  BOOST_TEST_REQUIRE(lex.honorifics.size() == 1u);
  BOOST_TEST(lex.honorifics[0].gender == Mention::Gender::kMale);
  BOOST_TEST_REQUIRE(lex.roles.size() == 1u);
  BOOST_TEST(lex.roles[0].type == RoleNoun::Type::kRole);
  BOOST_TEST(lex.stopwords == Strings{"The"});
  BOOST_TEST(lex.abbreviations == Strings{"Mr"});
}

BOOST_AUTO_TEST_SUITE_END()
