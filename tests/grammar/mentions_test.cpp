// Tests for match_mention(), is_stopword() and is_function_word() (grammar/match.cpp and the
// mention rules in mention_def.hpp): pronouns, role phrases, groups, titled
// names, organisations, plain names and words that never start a name.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "mention.hpp"
#include "test_util.hpp"

namespace qg = quotient::grammar;
using qg::Mention;
using qg::testing::slice;
using qg::testing::Tokenized;
using Type = Mention::Type;
using Gender = Mention::Gender;

namespace {

// The mention that starts at the first token of `text`.
std::optional<Mention> mention_of(const Tokenized& t, size_t i = 0) {
  BOOST_TEST_REQUIRE(i < t.tokens.size());
  return qg::match_mention(t.text, t.tokens, i);
}

// Requires a mention at the start of `text`, written `written`, with the
// given type and name part; returns it for further checks.
Mention expect_mention(const std::string& text, Type type, const std::string& written,
                       const std::string& name) {
  Tokenized t(text);
  std::optional<Mention> m = mention_of(t);
  if (!m) {
    BOOST_ERROR("no mention in: " << text);
    return Mention{};
  }
  BOOST_TEST(m->type == type, "type " << m->type << ", in: " << text);
  BOOST_TEST(slice(text, m->range) == written);
  BOOST_TEST(slice(text, m->name) == name);
  return *m;
}

void expect_no_mention(const std::string& text, size_t i = 0) {
  Tokenized t(text);
  std::optional<Mention> m = mention_of(t, i);
  BOOST_TEST(!m.has_value(), "unexpected mention '" << (m ? slice(text, m->range) : "")
                                                     << "' in: " << text);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mentions)

// --- titles, initials, possessives (found on PolNeAR) -------------------------------

// A plural possessive inside a name, before another capitalised word; a role
// noun ("farmers") does not end the name there.
BOOST_AUTO_TEST_CASE(plural_possessive_inside_a_name) {
  expect_mention("The Norlandic Farmers’ Federation said", Type::kOrganization,
                 "The Norlandic Farmers’ Federation", "Norlandic Farmers’ Federation");
  expect_mention("Veterans' Affairs Minister Ann Cole said", Type::kPerson, "Veterans' Affairs Minister Ann Cole",
                 "Ann Cole");
  // Not before a person's name. Before a role noun, a role's plural
  // possessive is a modifier of the role phrase ("the drivers’ union").
  expect_mention("The farmers’ leaders said", Type::kGroup, "The farmers’ leaders", "The farmers’ leaders");
  expect_mention("The farmers’ fields flooded", Type::kGroup, "The farmers", "The farmers");
  expect_mention("Liberals’ Anna Berg said", Type::kPerson, "Liberals", "Liberals");
}

BOOST_AUTO_TEST_CASE(surname_that_is_also_a_title) {
  expect_mention("Mr King added.", Type::kPerson, "Mr King", "King");
  expect_mention("Mr. King added.", Type::kPerson, "Mr. King", "King");
}

// A month that is also a surname ends a name or follows an honorific, but
// not before a day number or a modal's verb, and never starts a plain name.
BOOST_AUTO_TEST_CASE(surname_that_is_also_a_month) {
  expect_mention("Theresa May said", Type::kPerson, "Theresa May", "Theresa May");
  expect_mention("Mrs May said", Type::kPerson, "Mrs May", "May");
  expect_mention("Yin Myint May, 60, said", Type::kPerson, "Yin Myint May", "Yin Myint May");
  expect_mention("Ana Ruiz May 5 said", Type::kPerson, "Ana Ruiz", "Ana Ruiz");
  expect_mention("Reyes May be Aligning", Type::kPerson, "Reyes", "Reyes");
  expect_no_mention("May said");
}

// A month that is also a given name starts a name before a capitalised
// word, and stands inside one ("the Lok Jan Morcha"); a date ("Jan. 5",
// "June 2024") or a preposition before it ("In June Carter said") keeps it
// a month.
BOOST_AUTO_TEST_CASE(given_name_that_is_also_a_month) {
  expect_mention("Jan Egeland said", Type::kPerson, "Jan Egeland", "Jan Egeland");
  expect_mention("April Ryan asked", Type::kPerson, "April Ryan", "April Ryan");
  expect_mention("The Lok Jan Morcha said", Type::kOrganization, "The Lok Jan Morcha", "Lok Jan Morcha");
  expect_no_mention("Jan. 5 was cold");
  expect_no_mention("June 2024 was cold");
  expect_no_mention("June saw a rise");
  expect_no_mention("In June Carter said", 1);
  expect_no_mention("Since April Ruiz has said", 1);
}

// Up to two name particles between name words.
BOOST_AUTO_TEST_CASE(two_name_particles) {
  expect_mention("Lena van der Berg said", Type::kPerson, "Lena van der Berg", "Lena van der Berg");
  expect_mention("Ana de la Cruz said", Type::kPerson, "Ana de la Cruz", "Ana de la Cruz");
  expect_mention("Lena van der de Berg said", Type::kPerson, "Lena", "Lena");
}

BOOST_AUTO_TEST_CASE(stacked_titles_and_initials) {
  expect_mention("Chairman Rep. Jason Chaffetz said.", Type::kPerson, "Chairman Rep. Jason Chaffetz",
                 "Jason Chaffetz");
  expect_mention("Donald J. Trump said.", Type::kPerson, "Donald J. Trump", "Donald J. Trump");
  expect_mention("Rep. G.K. Butterfield said.", Type::kPerson, "Rep. G.K. Butterfield", "G.K. Butterfield");
}

// A role noun modifies a later role noun ("the Republican presidential
// candidate"), but no verb is read into the phrase.
BOOST_AUTO_TEST_CASE(role_noun_as_modifier) {
  expect_mention("the Republican presidential candidate said.", Type::kRole,
                 "the Republican presidential candidate", "the Republican presidential candidate");
  expect_mention("the presumptive Republican nominee said.", Type::kRole,
                 "the presumptive Republican nominee", "the presumptive Republican nominee");
  expect_mention("a Carrier executive tells employees.", Type::kRole, "a Carrier executive",
                 "a Carrier executive");
  expect_mention("the official met officials.", Type::kRole, "the official", "the official");
  expect_mention("Republican Party officials said.", Type::kGroup, "Republican Party officials",
                 "Republican Party officials");
}

// "a statement published by X" takes a participle, but not a speech verb:
// "the man asked in the video" is "the man" asking.
BOOST_AUTO_TEST_CASE(role_tail_stops_at_a_cue) {
  expect_mention("a statement published by the ministry said.", Type::kRole,
                 "a statement published by the ministry", "a statement published by the ministry");
  expect_mention("the man asked in the video.", Type::kRole, "the man", "the man");
}

// A role's tail may hold one nested "of" phrase; a past form after its noun
// ends it when a particle, function word or name follows ("walked out"), not
// when a noun does ("armed forces").
BOOST_AUTO_TEST_CASE(role_tail_nested_of) {
  expect_mention("Delegates from a coalition of small island states walked out.", Type::kGroup,
                 "Delegates from a coalition of small island states", "Delegates from a coalition of small island states");
  expect_mention("The chief of the national armed forces said.", Type::kRole, "The chief of the national armed forces",
                 "The chief of the national armed forces");
}

// Two names joined by "and" after the role's preposition, the second a
// single word: not "of Britain and Emmanuel Macron" (two speakers).
BOOST_AUTO_TEST_CASE(role_tail_two_names) {
  expect_mention("The prime minister of Britain and Emmanuel Macron said.", Type::kRole,
                 "The prime minister of Britain", "The prime minister of Britain");
  expect_mention("The governments of Amaria and Kelt agreed.", Type::kGroup, "The governments of Amaria and Kelt",
                 "The governments of Amaria and Kelt");
  // Not a second clause: "and the mayor".
  expect_mention("the minister of Finance and the mayor met.", Type::kRole, "the minister of Finance",
                 "the minister of Finance");
}

// "of the Senate health committee": lower-case modifiers between a name and
// the role noun that ends the tail.
BOOST_AUTO_TEST_CASE(role_tail_name_then_modified_role) {
  expect_mention("the chairman of the Senate health committee warned.", Type::kRole,
                 "the chairman of the Senate health committee", "the chairman of the Senate health committee");
  expect_mention("a spokesman for the State Department said.", Type::kRole,
                 "a spokesman for the State Department", "a spokesman for the State Department");
  expect_mention("a spokesman for the Senate said.", Type::kRole, "a spokesman for the Senate",
                 "a spokesman for the Senate");
}

// Capitalised descriptors before a title: "Democratic Sen. Ana Ruiz".
BOOST_AUTO_TEST_CASE(descriptors_before_a_title) {
  expect_mention("Democratic Sen. Ana Ruiz said.", Type::kPerson, "Democratic Sen. Ana Ruiz", "Ana Ruiz");
  expect_mention("Ohio Gov. Dev Patel said.", Type::kPerson, "Ohio Gov. Dev Patel", "Dev Patel");
}

// A role phrase's tail never takes a speech verb: "mother of three replied".
BOOST_AUTO_TEST_CASE(role_tail_word_is_no_cue) {
  expect_mention("the mother of three replied.", Type::kRole, "the mother of three", "the mother of three");
}

BOOST_AUTO_TEST_CASE(possessive_name_as_determiner) {
  expect_mention("Obama's former campaign strategist said.", Type::kRole,
                 "Obama's former campaign strategist", "Obama's former campaign strategist");
  expect_mention("a narrator in the Clinton ad said.", Type::kRole, "a narrator in the Clinton ad",
                 "a narrator in the Clinton ad");
}

// --- pronouns -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(pronouns_with_gender) {
  Mention he = expect_mention("He said so.", Type::kPronoun, "He", "He");
  BOOST_TEST(he.gender == Gender::kMale);
  BOOST_TEST(he.tokens == 1u);
  BOOST_TEST(!he.titled);
  BOOST_TEST(expect_mention("she said so.", Type::kPronoun, "she", "she").gender == Gender::kFemale);
  BOOST_TEST(expect_mention("It said so.", Type::kPronoun, "It", "It").gender == Gender::kNeuter);
  BOOST_TEST(expect_mention("They said so.", Type::kPronoun, "They", "They").gender ==
             Gender::kPlural);
}

BOOST_AUTO_TEST_CASE(pronoun_is_a_whole_word) {
  Tokenized t("Heathrow said the runway was shut.");
  std::optional<Mention> m = mention_of(t);
  BOOST_TEST_REQUIRE(m.has_value());
  BOOST_TEST(m->type != Type::kPronoun);
  BOOST_TEST(slice(t.text, m->range) == "Heathrow");
}

// The pronoun rule is tried only where may_start_pronoun() lets it: at
// every pronoun, as written in any case the rule takes, and not at words
// whose first bytes no pronoun has.
BOOST_AUTO_TEST_CASE(pronoun_prefilter_admits_every_pronoun) {
  namespace qp = qg::parser;
  for (std::string w : {"he", "He", "she", "She", "it", "It", "they", "They", "we", "We", "i", "I",
                        "he\xE2\x80\x99s", "they'd", "I,"}) {
    std::string text = w + " said so.";
    const char *first = text.data(), *last = text.data() + text.size();
    BOOST_TEST_INFO("word " << w);
    BOOST_TEST(qp::may_start_pronoun(first, last));
    qg::Mention::Gender gender{};
    BOOST_TEST(qp::x3::parse(first, last, qp::pronoun_rule(), gender));
  }
  for (std::string w : {"Zed", "a", "Officials", "x", ""}) {
    BOOST_TEST_INFO("word " << w);
    BOOST_TEST(!qp::may_start_pronoun(w.data(), w.data() + w.size()));
  }
}

// --- roles and groups ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(role_with_capitalised_modifiers) {
  Mention m = expect_mention("A Downing Street spokeswoman said it was false.", Type::kRole,
                             "A Downing Street spokeswoman", "A Downing Street spokeswoman");
  BOOST_TEST(m.tokens == 4u);
  BOOST_TEST(!m.titled);
}

BOOST_AUTO_TEST_CASE(the_official) {
  expect_mention("The official said nothing.", Type::kRole, "The official", "The official");
  expect_mention("the official said nothing.", Type::kRole, "the official", "the official");
}

BOOST_AUTO_TEST_CASE(role_with_lower_case_modifiers) {
  // "administration" and "government" are org nouns, but here they modify
  // the role noun that follows.
  expect_mention("a senior administration official said talks went well.", Type::kRole,
                 "a senior administration official", "a senior administration official");
  expect_mention("a government spokesman said talks went well.", Type::kRole,
                 "a government spokesman", "a government spokesman");
}

// Four modifiers, and a year or a count among them.
BOOST_AUTO_TEST_CASE(role_with_four_modifiers_or_a_number) {
  expect_mention("a former senior border patrol agent said the fence failed.", Type::kRole,
                 "a former senior border patrol agent", "a former senior border patrol agent");
  expect_mention("a 2019 campaign veteran said the fence failed.", Type::kRole,
                 "a 2019 campaign veteran", "a 2019 campaign veteran");
  expect_mention("a 2021 report by the council found gaps.", Type::kRole,
                 "a 2021 report by the council", "a 2021 report by the council");
}

BOOST_AUTO_TEST_CASE(role_with_one_lower_case_modifier) {
  expect_mention("a senior official said talks went well.", Type::kRole, "a senior official",
                 "a senior official");
}

BOOST_AUTO_TEST_CASE(plural_role_is_a_group) {
  Mention m = expect_mention("officials said little.", Type::kGroup, "officials", "officials");
  BOOST_TEST(m.gender == Gender::kPlural);
  expect_mention("Downing Street officials said little.", Type::kGroup,
                 "Downing Street officials", "Downing Street officials");
}

BOOST_AUTO_TEST_CASE(role_with_for_phrase) {
  Mention m = expect_mention("a spokeswoman for the agency said it was reviewing the case.",
                             Type::kRole, "a spokeswoman for the agency",
                             "a spokeswoman for the agency");
  BOOST_TEST(m.tokens == 5u);
}

BOOST_AUTO_TEST_CASE(both_sides_is_a_group) {
  Mention m = expect_mention("Both sides said the meeting was useful.", Type::kGroup,
                             "Both sides", "Both sides");
  BOOST_TEST(m.gender == Gender::kPlural);
}

// --- titled names ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(sir_keir_starmer) {
  Mention m = expect_mention("Sir Keir Starmer said he disagreed.", Type::kPerson,
                             "Sir Keir Starmer", "Keir Starmer");
  BOOST_TEST(m.titled);
  BOOST_TEST(m.gender == Gender::kMale);
  BOOST_TEST(m.tokens == 3u);
}

BOOST_AUTO_TEST_CASE(mr_surname) {
  Mention m = expect_mention("Mr Lammy said he was hopeful.", Type::kPerson, "Mr Lammy", "Lammy");
  BOOST_TEST(m.titled);
  BOOST_TEST(m.gender == Gender::kMale);
}

BOOST_AUTO_TEST_CASE(gender_from_honorific) {
  BOOST_TEST(expect_mention("Mrs Abernathy said no.", Type::kPerson, "Mrs Abernathy", "Abernathy")
                 .gender == Gender::kFemale);
  BOOST_TEST(expect_mention("Dame Ruth Abernathy said no.", Type::kPerson, "Dame Ruth Abernathy",
                            "Ruth Abernathy")
                 .gender == Gender::kFemale);
  BOOST_TEST(expect_mention("Ms Okafor said no.", Type::kPerson, "Ms Okafor", "Okafor").gender ==
             Gender::kFemale);
}

BOOST_AUTO_TEST_CASE(office_title_before_name) {
  Mention m = expect_mention("President Xi Jinping said the visit was welcome.", Type::kPerson,
                             "President Xi Jinping", "Xi Jinping");
  BOOST_TEST(m.titled);
  BOOST_TEST(m.gender == Gender::kUnknown);
}

BOOST_AUTO_TEST_CASE(lower_case_office_title) {
  Mention m = expect_mention("foreign minister Wang Yi said the talks were candid.",
                             Type::kPerson, "foreign minister Wang Yi", "Wang Yi");
  BOOST_TEST(m.titled);
  BOOST_TEST(m.tokens == 4u);
}

BOOST_AUTO_TEST_CASE(abbreviated_title_with_period) {
  Mention m = expect_mention("Dr. Ruth Abernathy said the data were clear.", Type::kPerson,
                             "Dr. Ruth Abernathy", "Ruth Abernathy");
  BOOST_TEST(m.titled);
  BOOST_TEST(m.gender == Gender::kUnknown);
}

// --- organisations and plain names ------------------------------------------

BOOST_AUTO_TEST_CASE(the_foreign_office_is_an_organization) {
  Tokenized t("the Foreign Office said it had summoned the envoy.");
  std::optional<Mention> m = mention_of(t);
  BOOST_TEST_REQUIRE(m.has_value());
  BOOST_TEST(m->type == Type::kOrganization);
  BOOST_TEST(slice(t.text, m->range) == "the Foreign Office");
  BOOST_TEST(m->tokens == 3u);
  BOOST_TEST(!m->titled);
}

BOOST_AUTO_TEST_CASE(the_capitalised_body) {
  expect_mention("The Kremlin Press Service said nothing.", Type::kOrganization,
                 "The Kremlin Press Service", "Kremlin Press Service");
}

BOOST_AUTO_TEST_CASE(plain_name) {
  Mention m = expect_mention("David Lammy said the relationship mattered.", Type::kPerson,
                             "David Lammy", "David Lammy");
  BOOST_TEST(!m.titled);
  BOOST_TEST(m.tokens == 2u);
  BOOST_TEST(m.gender == Gender::kUnknown);
}

BOOST_AUTO_TEST_CASE(name_with_particle) {
  expect_mention("Ursula von Hartmann said no.", Type::kPerson, "Ursula von Hartmann",
                 "Ursula von Hartmann");
}

BOOST_AUTO_TEST_CASE(name_stops_before_stopword) {
  expect_mention("David Lammy Thursday said it.", Type::kPerson, "David Lammy", "David Lammy");
}

BOOST_AUTO_TEST_CASE(non_latin_names) {
  expect_mention("Étienne Marchand said the deal was fair.", Type::kPerson, "Étienne Marchand",
                 "Étienne Marchand");
  expect_mention("Øystein Berg said the deal was fair.", Type::kPerson, "Øystein Berg",
                 "Øystein Berg");
}

// --- no mention ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(stopwords_do_not_start_names) {
  expect_no_mention("The talks were long.");
  expect_no_mention("Thursday was quiet.");
  expect_no_mention("However the vote passed.");
}

BOOST_AUTO_TEST_CASE(lower_case_words_and_punctuation) {
  expect_no_mention("talks were long.");
  expect_no_mention("“Yes,” he said.");                 // a quote token
  expect_no_mention("Yes, he said.", 1);                // ","
}

BOOST_AUTO_TEST_CASE(mention_stops_at_a_quote) {
  Tokenized t("Mr Lammy “Foreign Secretary” said.");
  std::optional<Mention> m = mention_of(t);
  BOOST_TEST_REQUIRE(m.has_value());
  BOOST_TEST(slice(t.text, m->range) == "Mr Lammy");
}

BOOST_AUTO_TEST_CASE(is_stopword_whole_words) {
  BOOST_TEST(qg::is_stopword("The"));
  BOOST_TEST(qg::is_stopword("Thursday"));
  BOOST_TEST(qg::is_stopword("According"));
  BOOST_TEST(!qg::is_stopword("Theresa"));
  BOOST_TEST(!qg::is_stopword("Lammy"));
  BOOST_TEST(!qg::is_stopword("Th"));
  BOOST_TEST(!qg::is_stopword(""));
}

BOOST_AUTO_TEST_CASE(is_function_word_whole_words) {
  BOOST_TEST(qg::is_function_word("to"));
  BOOST_TEST(qg::is_function_word("during"));
  BOOST_TEST(!qg::is_function_word("town"));
  BOOST_TEST(!qg::is_function_word("health"));
  BOOST_TEST(!qg::is_function_word(""));
}

BOOST_AUTO_TEST_SUITE_END()

// Regressions: each case below once exposed a grammar bug, now fixed.
BOOST_AUTO_TEST_SUITE(mentions)

// Regression (was a bug): a capitalised plural role noun at the start of a sentence is eaten by
// the role rule's `repeat(0, 3)[cap_word >> sp]` (no backtracking), then read
// as a plain name: kPerson "Officials", gender unknown.
BOOST_AUTO_TEST_CASE(sentence_initial_plural_role_is_a_group) {
  Mention m = expect_mention("Officials said little.", Type::kGroup, "Officials", "Officials");
  BOOST_TEST(m.gender == Gender::kPlural);
  expect_mention("Critics said little.", Type::kGroup, "Critics", "Critics");
  expect_mention("Analysts said little.", Type::kGroup, "Analysts", "Analysts");
}

// Regression (was a bug): "Office" is an org noun in roles.txt, so the role rule matches first
// and the name keeps the article: "the Foreign Office" (gender unknown),
// unlike "the White House" (the_org rule: name "White House", neuter).
BOOST_AUTO_TEST_CASE(the_foreign_office_name_drops_article) {
  Mention m = expect_mention("the Foreign Office said it had summoned the envoy.",
                             Type::kOrganization, "the Foreign Office", "Foreign Office");
  BOOST_TEST(m.gender == Gender::kNeuter);
  expect_mention("The Home Office said nothing.", Type::kOrganization, "The Home Office",
                 "Home Office");
}

// Regression (was a bug): a capitalised person's role after "The" ("The Prime
// Minister", "The Opposition Leader") was read as a body's name by the_org
// rule, which only gave way to one-word roles ("The Minister"); a role noun
// of a person (roles.txt "role") keeps it a role, one of a body ("office",
// above) does not.
BOOST_AUTO_TEST_CASE(capitalised_person_roles_stay_roles) {
  for (const char* text : {"The Prime Minister said nothing.", "The Opposition Leader said nothing.",
                           "The Foreign Secretary said nothing.", "The Minister said nothing."}) {
    Tokenized t(text);
    std::optional<Mention> m = mention_of(t);
    BOOST_TEST_REQUIRE(m.has_value(), text);
    BOOST_TEST(m->type == Type::kRole, text);
  }
  // A body's name that runs past the role stays the body's.
  expect_mention("The Prime Minister's Office said nothing.", Type::kOrganization, "The Prime Minister's Office",
                 "Prime Minister's Office");
}

// Regression (was a bug): `upper` in mention_def.hpp is ASCII or Latin-1 (C3 80..9E) only:
// "Łukasz Nowak" and "Mr Čapek" give no mention, "Sergey Лавров" stops at
// "Sergey".
BOOST_AUTO_TEST_CASE(names_beyond_latin1) {
  // Capitals outside Latin-1 (Ł, Č, Cyrillic) start names too.
  expect_mention("Łukasz Nowak said the deal was fair.", Type::kPerson, "Łukasz Nowak",
                 "Łukasz Nowak");
  expect_mention("Mr Čapek said the deal was fair.", Type::kPerson, "Mr Čapek", "Čapek");
  expect_mention("Sergey Лавров said the deal was fair.", Type::kPerson, "Sergey Лавров",
                 "Sergey Лавров");
}

// The prefilters in front of titled_name, the_title and the_org let through
// every place where those rules match: a title after "then-" or
// "former"/"acting", after capitalised words, and titles after any determiner.
BOOST_AUTO_TEST_CASE(titles_the_prefilters_let_through) {
  expect_mention("Democratic then-Sen. Ana Ruiz said.", Type::kPerson, "Democratic then-Sen. Ana Ruiz", "Ana Ruiz");
  expect_mention("then-President Lin Okafor said.", Type::kPerson, "then-President Lin Okafor", "Lin Okafor");
  expect_mention("Ohio former Gov. Dev Patel said.", Type::kPerson, "Ohio former Gov. Dev Patel", "Dev Patel");
  expect_mention("Acting Gov. Dev Patel said.", Type::kPerson, "Acting Gov. Dev Patel", "Dev Patel");
  expect_mention("The Daily Ledger said.", Type::kOrganization, "The Daily Ledger", "Daily Ledger");
  Tokenized t("Ohio said Gov. Dev Patel left.");  // a lower-case word before the title
  std::optional<Mention> m = mention_of(t);
  BOOST_TEST_REQUIRE(m.has_value());
  BOOST_TEST(!m->titled);
}

// may_hold_title() in front of the_title lets through a title right after the
// determiner, after "then-", "former" or "acting", and after extra spaces.
BOOST_AUTO_TEST_CASE(the_title_prefilter_lets_titles_through) {
  for (const char* text : {"the Pope said.", "The former Pope said.", "his then-Queen said.",
                           "the  acting Baroness said.", "our\xC2\xA0Queen said."}) {
    Tokenized t(text);
    std::optional<Mention> m = mention_of(t);
    BOOST_TEST_REQUIRE(m.has_value(), text);
    BOOST_TEST(m->titled, text);
    BOOST_TEST(slice(t.text, m->range) == std::string(text).substr(0, std::string(text).find(" said")));
  }
  expect_no_mention("the papers said.");
}

// A name word's body (mention_def.hpp's word_body) takes joiners between
// word characters (' . & - ’), not at its end, and at most 30 units (a
// byte of a UTF-8 letter counts one) after the capital.
BOOST_AUTO_TEST_CASE(word_body_joiners_and_bound) {
  expect_mention("Anne-Lise O'Hara said.", Type::kPerson, "Anne-Lise O'Hara", "Anne-Lise O'Hara");
  expect_mention("Jo D\xE2\x80\x99Souza said.", Type::kPerson, "Jo D\xE2\x80\x99Souza",
                 "Jo D\xE2\x80\x99Souza");
  expect_mention("Ola Smith- said.", Type::kPerson, "Ola Smith", "Ola Smith");
  expect_mention("Zo\xC3\xAB Brandt said.", Type::kPerson, "Zo\xC3\xAB Brandt", "Zo\xC3\xAB Brandt");
  std::string long_word = "K" + std::string(40, 'a');
  expect_mention(long_word + " said.", Type::kPerson, long_word.substr(0, 31), long_word.substr(0, 31));
}

// my/our/your open a role phrase (mention_def.hpp's determiners), so the role
// prefilter takes them as determiners too.
BOOST_AUTO_TEST_CASE(possessive_pronoun_opens_a_role_phrase) {
  expect_mention("our spokesman said.", Type::kRole, "our spokesman", "our spokesman");
  expect_mention("My lawyer said.", Type::kRole, "My lawyer", "My lawyer");
  expect_mention("your senior press officer replied.", Type::kRole, "your senior press officer",
                 "your senior press officer");
}

// may_match_cue() and may_match_mention() only skip tokens where the
// matchers find nothing (callers skip the call on them).
BOOST_AUTO_TEST_CASE(skip_tests_never_skip_a_match) {
  Tokenized t("Yesterday the deputy spokeswoman for the ministry, who declined, told us: \"No.\" "
              "According to Mr. O'Neill and his aides, they'd said Ms Okafor’s plan was fine; "
              "it was, she added in a note, 46-year-old Zoë's idea.");
  size_t cues = 0, mentions = 0;
  for (size_t i = 0; i < t.tokens.size(); ++i) {
    BOOST_TEST_INFO("token " << t.word(i));
    if (!qg::may_match_cue(t.tokens[i])) BOOST_TEST(!qg::match_cue(t.text, t.tokens, i));
    BOOST_TEST_INFO("token " << t.word(i));
    if (!qg::may_match_mention(t.tokens[i])) BOOST_TEST(!qg::match_mention(t.text, t.tokens, i));
    cues += qg::match_cue(t.text, t.tokens, i).has_value();
    mentions += qg::match_mention(t.text, t.tokens, i).has_value();
  }
  BOOST_TEST(cues >= 4);  // told, ':', according to, said, added
  BOOST_TEST(mentions >= 6);
}

// scan_heads() only skips parses that would fail: wherever role_phrase_rule
// (titled_name_rule) matches, it says role_head (honorific). Its walk stops
// at a chunk that cannot come before the head: "economy," (punctuation
// after the word), "to" (a function word after a determiner).
BOOST_AUTO_TEST_CASE(head_scan_never_skips_a_parse) {
  namespace qp = qg::parser;
  for (std::string text : {
           "the party's deputy spokeswoman said, and Obama's former campaign strategist agreed.",
           "A Downing Street spokeswoman, the co-founder, a 2013 campaign veteran and 46-year-old Ana spoke.",
           "Wisconsin Gov. Jim Doyle, former Sen. Roy Calder and then-President Ola Berg met the Farmers' Union chairman.",
           "the U.S. trade representative and the  senior\xC2\xA0police officers of the city replied.",
           "the plan to cut the spokesman, the economy, officials said: Police Chief Rae left the Acting Mayor.",
           "The former Pope, the  acting Baroness and his then-Queen said so; the then- Queen, the former, the Pope."}) {
    size_t roles = 0, titled_names = 0, titles = 0;
    for (size_t b = 0; b < text.size(); ++b) {
      if (b > 0 && text[b - 1] != ' ') continue;  // where words start
      const char *first = text.data() + b, *last = text.data() + text.size();
      qp::HeadScan h = qp::scan_heads(first, last);
      BOOST_TEST_INFO("at: " << text.substr(b));
      qg::RoleNoun::Type role{};
      const char* it = first;
      if (qp::x3::parse(it, last, qp::role_phrase_rule(), role)) {
        ++roles;
        BOOST_TEST(h.role_head);
      }
      BOOST_TEST_INFO("at: " << text.substr(b));
      qp::TitledName titled;
      it = first;
      if (qp::x3::parse(it, last, qp::titled_name_rule(), titled)) {
        ++titled_names;
        BOOST_TEST(h.honorific);
      }
      it = first;
      if (qp::x3::parse(it, last, qp::the_title_rule())) {
        ++titles;
        BOOST_TEST_INFO("at: " << text.substr(b));
        BOOST_TEST((!h.determiner || *h.determiner));  // the_title opens with a determiner
      }
      if (!h.determiner) continue;
      BOOST_TEST_INFO("at: " << text.substr(b));
      BOOST_TEST(*h.determiner == qp::starts_with_determiner(first, last));
    }
    BOOST_TEST(roles + titled_names + titles >= 2, text);
  }
  auto role_head = [](std::string s) { return qp::scan_heads(s.data(), s.data() + s.size()).role_head; };
  BOOST_TEST(!role_head("the plan to the spokesman said"));
  BOOST_TEST(!role_head("the economy, spokesman said"));
  BOOST_TEST(role_head("the economy spokesman said"));
  BOOST_TEST(role_head("the party's spokesman said"));
}

// stop_word_blocks_mention() only skips parses that would fail: where it
// says a stop word leaves no rule but the pronoun's, none of the others
// matches; and it does skip plain stop words ("But", "Monday").
BOOST_AUTO_TEST_CASE(stop_word_block_never_skips_a_parse) {
  namespace qp = qg::parser;
  size_t blocked = 0;
  for (std::string text : {
           "But Monday's meeting, In Washington, Mr Lee said. After Mrs Ng and Sir Ian spoke; For Acting Mayor Ola Berg, "
           "Then-President Xi Jinping and Former Sen. Jo Li met Their aides. When A. Smith and The Times wrote, "
           "It was Dr. Ng; Also Officials and Yesterday Police said. May Day came. Monday Club members, One spokesman.",
           "The\xC2\xA0" "Board, His deputy, Our spokesman and Some officials, Both sides, Many lawmakers: Such Democrats "
           "as Minister Rae. Under Secretary Jo Ng, Before Judge Ray, Among Republicans, This Week, That Minister."}) {
    for (size_t b = 0; b < text.size(); ++b) {
      if (b > 0 && text[b - 1] != ' ') continue;  // where words start
      const char *first = text.data() + b, *last = text.data() + text.size();
      if (!qp::stop_word_blocks_mention(first, last)) continue;
      ++blocked;
      BOOST_TEST_INFO("at: " << text.substr(b));
      BOOST_TEST(qp::starts_with_stopword(first, last));
      qg::RoleNoun::Type role{};
      qp::TitledName titled;
      qp::text_range name;
      const char* it = first;
      BOOST_TEST_INFO("at: " << text.substr(b));
      BOOST_TEST(!qp::x3::parse(it, last, qp::role_phrase_rule(), role));
      it = first;
      BOOST_TEST_INFO("at: " << text.substr(b));
      BOOST_TEST(!qp::x3::parse(it, last, qp::the_title_rule()));
      it = first;
      BOOST_TEST_INFO("at: " << text.substr(b));
      BOOST_TEST(!qp::x3::parse(it, last, qp::titled_name_rule(), titled));
      it = first;
      BOOST_TEST_INFO("at: " << text.substr(b));
      BOOST_TEST(!qp::x3::parse(it, last, qp::the_org_rule(), name));
      it = first;
      BOOST_TEST_INFO("at: " << text.substr(b));
      BOOST_TEST(!qp::x3::parse(it, last, qp::plain_name_rule(), name));
    }
  }
  BOOST_TEST(blocked >= 8);
  std::string but = "But Ana said", mr = "Mr Lee said", the = "The Times said";
  BOOST_TEST(qp::stop_word_blocks_mention(but.data(), but.data() + but.size()));
  BOOST_TEST(!qp::stop_word_blocks_mention(mr.data(), mr.data() + mr.size()));
  BOOST_TEST(!qp::stop_word_blocks_mention(the.data(), the.data() + the.size()));
}

// may_start_the_org() only skips parses that would fail: wherever
// the_org_rule matches, it says yes; it says no where no capital follows
// "the" and its one or two spaces.
BOOST_AUTO_TEST_CASE(the_org_prefilter_never_skips_a_parse) {
  namespace qp = qg::parser;
  size_t orgs = 0;
  for (std::string text : {"the Harbour Board said", "The  Élysée said", "the\xC2\xA0Ministry of Health",
                           "the \xC2\xA0Kremlin said", "the   Senate", "the new plan", "The 3 Boards", "the",
                           "thE Board", "the J. Paul Getty Trust", "the Łódź council", "then Board", "the “Board”",
                           "the Mr Smith", "the Monday Club"}) {
    qp::text_range name;
    const char *first = text.data(), *last = text.data() + text.size(), *it = first;
    bool parsed = qp::x3::parse(it, last, qp::the_org_rule(), name);
    orgs += parsed;
    BOOST_TEST_INFO("text: " << text);
    if (parsed) BOOST_TEST(qp::may_start_the_org(first, last));
  }
  BOOST_TEST(orgs >= 5);
  std::string plan = "the new plan", spaced = "the   Senate";
  BOOST_TEST(!qp::may_start_the_org(plan.data(), plan.data() + plan.size()));
  BOOST_TEST(!qp::may_start_the_org(spaced.data(), spaced.data() + spaced.size()));
}

// After a determiner, scan_heads() stops at a lower-case function word
// ("the new to spokesman") exactly where is_function_word() says one
// starts: a whole word of the list, or its run before a joiner ("to-day").
BOOST_AUTO_TEST_CASE(head_scan_stops_at_function_words) {
  namespace qp = qg::parser;
  std::vector<std::string> words(std::begin(qp::kFunctionWords), std::end(qp::kFunctionWords));
  for (std::string w : {"tow", "t", "into-it", "to-day", "an'", "ofthe", "whe", "couldn", "x", "9am", "a1"})
    words.push_back(w);
  // A function word that is also the first run of a role noun
  // ("under-secretary-general") may start a head: those are left out.
  std::set<std::string> role_runs;
  for (const qg::RoleNoun& r : qg::Lexicon::builtin().roles)
    role_runs.insert(r.noun.substr(0, r.noun.find_first_of(" -")));
  for (const std::string& w : words) {
    if (role_runs.count(w)) continue;
    std::string text = "the new " + w + " spokesman said";
    const char* at = text.data() + 8;
    bool function_word = qp::is_function_word(at, text.data() + text.size());
    BOOST_TEST_INFO("word: " << w);
    BOOST_TEST(qp::scan_heads(text.data(), text.data() + text.size()).role_head == !function_word);
  }
  BOOST_TEST(qp::is_function_word("to-day", "to-day" + 6));
  BOOST_TEST(!qp::is_function_word("tow", "tow" + 3));
}

BOOST_AUTO_TEST_SUITE_END()  // mentions

