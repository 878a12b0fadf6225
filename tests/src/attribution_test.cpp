// Attribution frames, document-level resolution and quote kinds, each on a
// sentence of our own written in the style of news copy.
#include <ostream>
#include <string_view>
#include <vector>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "attribution.hpp"
#include "grammar.hpp"

namespace quotient {
namespace {

// What the tests look at, for the quote whose inner text is `quote`.
struct Seen {
  std::string name, mention, cue, rule, tone_lemma;
  QuoteKind kind = QuoteKind::kSpeech;
  SpeakerType type = SpeakerType::kUnknown;
  bool found = false;
};

Seen attribution_of(const std::string& text, const std::string& quote) {
  grammar::QuoteScan scan = grammar::scan_quotes(text);
  std::vector<Attribution> all = attribute(text, scan);
  Seen s;
  for (size_t i = 0; i < scan.quotes.size(); ++i) {
    const grammar::Range& r = scan.quotes[i].inner;
    if (text.substr(r.begin, r.size()) != quote) continue;
    const Attribution& a = all[i];
    s.found = true;
    s.name = a.name;
    s.kind = a.kind;
    s.type = a.type;
    s.rule = a.rule;
    s.tone_lemma = a.tone_lemma;
    if (a.mention) s.mention = text.substr(a.mention->begin, a.mention->size());
    if (a.cue) s.cue = text.substr(a.cue->range.begin, a.cue->range.size());
    break;
  }
  BOOST_REQUIRE_MESSAGE(s.found, "quote not found: " << quote);
  return s;
}

std::string_view kind_name(QuoteKind k) {
  switch (k) {
    case QuoteKind::kSpeech: return "speech";
    case QuoteKind::kScare: return "scare";
    case QuoteKind::kTitle: return "title";
    case QuoteKind::kEmbedded: return "embedded";
    case QuoteKind::kIndirect: return "indirect";
  }
  return "?";
}

std::string_view type_name(SpeakerType t) {
  switch (t) {
    case SpeakerType::kUnknown: return "unknown";
    case SpeakerType::kPerson: return "person";
    case SpeakerType::kOrganization: return "organization";
    case SpeakerType::kGroup: return "group";
    case SpeakerType::kRole: return "role";
  }
  return "?";
}

// One field of a quote's attribution: name, mention, cue, rule, tone_lemma,
// kind (speech, scare, title, …) or type (person, role, …); "" where there is
// none.
std::string field_of(const Seen& s, std::string_view field) {
  if (field == "name") return s.name;
  if (field == "mention") return s.mention;
  if (field == "cue") return s.cue;
  if (field == "rule") return s.rule;
  if (field == "tone_lemma") return s.tone_lemma;
  if (field == "kind") return std::string(kind_name(s.kind));
  if (field == "type") return std::string(type_name(s.type));
  BOOST_FAIL("no such field: " << field);
  return {};
}

// The table cases: a text, and for some of its quotes what their
// attribution must (or, kNot, must not) have.
inline constexpr bool kNot = true;
struct Check {
  const char* field;
  const char* want;
  bool negated = false;
};
struct QuoteChecks {
  const char* quote;
  std::vector<Check> checks;
};
struct Case {
  const char* label;
  const char* text;
  std::vector<QuoteChecks> quotes;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.label; }

// Each row is a test case of its own (BOOST_DATA_TEST_CASE names the row by
// its label on failure).
void check_case(const Case& c) {
  for (const QuoteChecks& q : c.quotes) {
    Seen s = attribution_of(c.text, q.quote);
    for (const Check& k : q.checks) {
      BOOST_TEST_CONTEXT("“" << q.quote << "” " << k.field) {
        if (k.negated) BOOST_TEST(field_of(s, k.field) != k.want);
        else BOOST_TEST(field_of(s, k.field) == k.want);
      }
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(frames)

const Case kFrames[] = {
    {"dismissed_branded_labelled_as",
     "Rival envoy Omar Haddad dismissed the plan as “a wish list”. The union branded the offer as "
     "“an insult”. Critics labelled the bill as “reckless”.",
     {{"a wish list", {{"name", "Omar Haddad"}, {"cue", "dismissed"}}},
      {"an insult", {{"cue", "branded"}}},
      {"reckless", {{"cue", "labelled"}}}}},
    // Set 18: "bills itself as"; what a thing its owner made says of itself
    // with such a verb ("Corbie Theatre’s show bills itself as", the show a
    // title or a noun), its owner says; "Bill" before a name is the name.
    {"bills_itself_as",
     "Corbie Theatre’s ‘Tidewrack’ bills itself as ‘a journey under the firth’. Lowrie Company’s show describes "
     "itself as ‘a quiet riot’. “We will see,” Bill Hanlon said as the doors opened.",
     {{"a journey under the firth", {{"name", "Corbie Theatre"}, {"cue", "bills"}}},
      {"a quiet riot", {{"name", "Lowrie Company"}, {"cue", "describes"}}},
      {"We will see,", {{"name", "Bill Hanlon"}, {"cue", "said"}}}}},
    // Not a person's relatives, nor a passive with its agent.
    {"bills_itself_as_not_for_people_or_a_passive",
     "Ms Hale's children describe her as “fearless”. The company's bonds were billed as “a safe bet” by brokers.",
     {{"fearless", {{"name", "Hale", kNot}}}, {"a safe bet", {{"name", "company", kNot}}}}},
    // Set 19: a relative clause without commas between a speaker after the
    // quote and the verb ("“…,” a sociologist who has studied estates for
    // two decades said."); a cue inside a relative clause set off by commas
    // does not govern a quote after words that follow it ("described X,
    // which residents remember, as “…”"), but one right after the clause
    // it does ("X, who joked of the museum, “…”").
    {"relative_clause_between_speaker_and_cue",
     "Officials spoke first. “This law will not make anyone a better neighbour,” a sociologist who has studied "
     "public housing for two decades said.",
     {{"This law will not make anyone a better neighbour,", {{"name", "sociologist"}, {"cue", "said"}}}}},
    // Its verb may have an object ("told Reuters"); words that do not end in
    // a comma are no utterance, and a relative clause after them is none of
    // theirs.
    {"relative_clause_then_verb_and_object",
     "Officials spoke first. “We were scared,” a neighbour who asked not to be named told Reuters.",
     {{"We were scared,", {{"name", "neighbour"}, {"cue", "told"}}}}},
    {"relative_clause_after_a_predicate_quote",
     "Officials spoke first. “We will rebuild” is the motto of a mayor who rarely speaks.",
     {{"We will rebuild", {{"name", ""}, {"cue", ""}}}}},
    // A relative clause whose verb is the last word before its comma speaks
    // the quote after it: "Ms Ong, who said, quietly, “…”".
    {"cue_ends_a_relative_clause",
     "Ms Ong, who said, quietly, “I am tired,” left early.",
     {{"I am tired,", {{"name", "Ong"}, {"cue", "said"}}}}},
    // A participle phrase between the subject and the cue ("Protesters
    // marching through the streets chanted"): the subject speaks, not the
    // object at the phrase's end. Not past a subject of its own ("what he
    // called"), nor an -ed form, often a finite verb.
    {"subject_before_a_participle_phrase",
     "The city imposed a curfew. Protesters marching through the streets chanted \"What curfew?\" on Friday. "
     "Officials speaking at the briefing said the plan was \"on track.\" Residents living near the plant said the "
     "smell was \"unbearable.\"",
     {{"What curfew?", {{"name", "Protesters"}, {"cue", "chanted"}}},
      {"on track.", {{"name", "Officials"}, {"cue", "said"}}},
      {"unbearable.", {{"name", "Residents"}, {"cue", "said"}}}}},
    {"subject_before_a_participle_phrase_not_past_a_subject",
     "Cllr Ana Ruiz tabled a motion calling on the minister to withdraw what he called the “indefensible” "
     "decision. Former Rovers defender turned pundit Steve Kinnear said the fee was \"madness\".",
     {{"indefensible", {{"name", "motion", kNot}}}, {"madness", {{"name", "Steve Kinnear"}}}}},
    // A nickname between a first and a last name is part of the name, no
    // one's words, and the name reads on past it to the cue ("Del." is a
    // delegate's title, not a sentence's end); the person in apposition to
    // a role is the speaker.
    {"nickname_inside_a_name",
     "The rally began at noon. \"Scott! Scott!\" Scott's niece, state Del. Marcia \"Cia\" Price (D-Newport "
     "News), shouted to the crowd. Earvin \"Magic\" Johnson said it was \"great.\"",
     {{"Scott! Scott!", {{"cue", "shouted"}, {"name", "Price"}}},
      {"Cia", {{"kind", "scare"}, {"name", ""}}},
      {"Magic", {{"kind", "scare"}}},
      {"great.", {{"name", "Johnson"}}}}},
    // Set 20: "hails", "termed … an", "the opposition accused …", "the
    // former Kilbrannan boss said:"; a person of a body before a relative
    // clause speaks, not the body, also past a parenthesis.
    {"set20_cues_and_speakers",
     "Baird hails City ‘character’ as ten men snatch a draw.\n\nIt was late. Ana Ruiz termed the package an "
     "\"eyewash\". The opposition accused the government of waking up \"three days too late\". Asked about "
     "the referee, the former Kilbrannan boss said: “I will speak to the right people.” Ana Ruiz of the Green "
     "Party (GP), who visited the camps, called it \"a sham\".",
     {{"character", {{"name", "Baird"}, {"cue", "hails"}}},
      {"eyewash", {{"name", "Ana Ruiz"}, {"cue", "termed"}}},
      {"three days too late", {{"mention", "The opposition"}, {"cue", "accused"}}},
      {"I will speak to the right people.", {{"mention", "the former Kilbrannan boss"}, {"cue", "said"}}},
      {"a sham", {{"name", "Ana Ruiz"}, {"cue", "called"}}}}},
    // An interview laid out as question and answer: a quote that opens the
    // paragraph after an unquoted question is the last speaker's answer.
    {"answer_after_an_unquoted_question",
     "“I am proud of them,” Gregor Baird said.\n\nThere was a brief exchange about the penalty.\n\nYou felt he "
     "went down easily?\n\n“I didn’t say that. You did.”\n\nBut did he?\n\n“Ask him.”",
     {{"I didn’t say that. You did.", {{"name", "Gregor Baird"}}}, {"Ask him.", {{"name", "Gregor Baird"}}}}},
    {"no_answer_without_a_question",
     "“I am proud of them,” Gregor Baird said.\n\nThere was a brief exchange about the penalty.\n\nThe "
     "crowd went home.\n\n“Ask him.”",
     {{"Ask him.", {{"name", "Gregor Baird", kNot}}}}},
    // A one-word name with a person's role in apposition is a person's: a
    // later she can be hers ("Among the volunteers was Marisol, a nurse").
    {"one_word_name_with_a_role_in_apposition",
     "“It works,” said Dr. Priya Raghunathan, who led the study.\n\nAmong the volunteers was Marisol, a "
     "29-year-old nurse from Columbus.\n\n“By the second week I knew the routine,” she said.",
     {{"By the second week I knew the routine,", {{"name", "Marisol"}}}}},
    {"cue_in_a_closed_relative_clause",
     "Mr Rajan Menon described the “kampung spirit”, which older residents remember from their villages, as “a "
     "fine thing to legislate”. Stevie Wonder, who joked of the museum, “I haven't seen it yet.”",
     {{"a fine thing to legislate", {{"name", "Rajan Menon"}, {"cue", "described"}}},
      {"I haven't seen it yet.", {{"cue", "joked"}}}}},
    // Set 20: the initials of an office written before stand for its holder
    // ("the PM", "The CM's message"); not a body's ("The BBC"). "Chief
    // Minister" and "Shri" are titles.
    {"initials_of_an_office_are_its_holder",
     "Bhopal, Aug 26 (PTI) Madhya Pradesh Chief Minister Harishankar Dubey visited the camps. The CM's message "
     "was blunt: \"No excuses.\"\n\nPrime Minister Keir Starmer spoke later. The PM said it was \"fine\". The "
     "BBC said it was \"late\". Shri Dubey said it was \"over\".",
     {{"No excuses.", {{"name", "Harishankar Dubey"}}},
      {"fine", {{"name", "Keir Starmer"}}},
      {"late", {{"name", "BBC"}}},
      {"over", {{"name", "Harishankar Dubey"}}}}},
    // "The Minister", "The President": a capitalised office is a role that
    // links to its holder, not an organisation called "Minister".
    {"capitalised_office_is_its_holder",
     "Foreign Minister Ana Lindqvist spoke first. The Minister stressed that the port was “open to all”. "
     "President Ellen Marsh arrived later. The President said the deal was “done”.",
     {{"open to all", {{"name", "Ana Lindqvist"}, {"type", "person"}, {"cue", "stressed"}}},
      {"done", {{"name", "Ellen Marsh"}, {"type", "person"}}}}},
    // "with X V-ing": X is the participle's subject, also as a bare compound
    // ("union leaders") whose first noun is no verb; courts rule.
    {"with_a_compound_subject_and_ruling_that",
     "Talks broke up late on Tuesday, with union leaders accusing management of “playing games”. The court "
     "struck down the law, ruling that it was “incompatible with privacy”.",
     {{"playing games", {{"mention", "union leaders"}, {"cue", "accusing"}}},
      {"incompatible with privacy", {{"mention", "The court"}, {"cue", "ruling"}}}}},
    // Where the rules below must not fire: another cue between a source and
    // "close to"; "D-Day" is no party and state; a plural possessive before
    // a person's name; a commissioned report does not speak for whoever
    // commissioned it; the issuer is the sentence's subject, not a mention
    // inside its relative clause.
    {"where_the_new_rules_stop",
     "A diplomat close to the talks met the envoy, who said the deal was “dead”. John Smith, D-Day "
     "veteran, said the film was “false”. The Liberals’ Anna Berg said the plan was “reckless”.\n\nThe "
     "ministry commissioned a report from Acme Consulting. The report said rents were “impossible”.\n\n"
     "The committee, which the union criticised, released a report. The report said fees were “too high”.",
     {{"dead", {{"name", "envoy"}}},
      {"false", {{"name", "John Smith"}}},
      {"reckless", {{"name", "Anna Berg"}}},
      {"impossible", {{"name", "ministry", kNot}}},
      {"too high", {{"name", "committee"}}}}},
    // A US party and state after a name ("R-Texas") is no speaker.
    {"party_and_state_after_a_name",
     "The bill passed.\n\nSen. Roy Calder, R-Texas, who led the holdouts, called the deal “a down payment”. "
     "Roy Calder, R-Texas, said it was “not a victory”. “We owe them a budget,” said Sen. Paul Ashby, D-Ore.",
     {{"a down payment", {{"name", "Roy Calder"}, {"cue", "called"}}},
      {"not a victory", {{"name", "Roy Calder"}, {"cue", "said"}}},
      {"We owe them a budget,", {{"name", "Paul Ashby"}, {"mention", "Sen. Paul Ashby, D-Ore."}}}}},
    // "NAME of PLACE": the place is not part of a person's name.
    {"person_of_a_place",
     "The talks stalled.\n\nThe coalition’s lead negotiator, Tevita Fonua of Tonga, called the text “a blank "
     "cheque”. “We came in good faith,” Fonua said.",
     {{"a blank cheque", {{"name", "Tevita Fonua"}}},
      {"We came in good faith,", {{"name", "Tevita Fonua"}}}}},
    // A dateline with a date, and a role's prepositional tail that stops
    // before the verb ("from the islands walked out").
    {"dateline_with_a_date_and_a_tail_before_the_verb",
     "Islands walk out\n\nBONN, June 14 — Delegates from the islands walked out, saying “stalling”.",
     {{"stalling", {{"mention", "Delegates from the islands"}, {"cue", "saying"}}}}},
    // The subject a participle shares is the first mention after the dateline.
    {"dateline_then_the_subject_of_a_participle",
     "Islands walk out\n\nGENEVA, May 3 — Delegates from a group of small island states walked out of the "
     "talks on Thursday, accusing rich nations of “stalling”.",
     {{"stalling", {{"mention", "Delegates from a group of small island states"}, {"cue", "accusing"}}}}},
    // An anonymous source and the phrase that vouches for it, before the cue.
    {"source_close_to_or_familiar_with",
     "A source close to the harbour board said the plan was “dead”. Officials familiar with the talks said "
     "the mood was “grim”. A person with knowledge of the bid said it was “too low”.",
     {{"dead", {{"mention", "A source"}, {"cue", "said"}}},
      {"grim", {{"mention", "Officials"}, {"cue", "said"}}},
      {"too low", {{"mention", "A person"}, {"cue", "said"}}}}},
    // "said ROLE, NAME": the name in apposition; "NAME, ROLE, who": the name.
    {"name_in_apposition_to_a_role",
     "“Our members are angry,” said the union’s president, Ola Strand. The claim was made by Marek Halden, "
     "the transport minister of Norland, who described the strike as “blackmail”.",
     {{"Our members are angry,", {{"name", "Ola Strand"}, {"mention", "Ola Strand"}, {"cue", "said"}}},
      {"blackmail", {{"name", "Marek Halden"}, {"cue", "described"}}}}},
    // A time phrase between the subject and its cue.
    {"time_phrase_before_the_cue", "Ms Tran last week said the deal was “very close”. The embassy this morning "
     "described the claims as “absurd”.",
     {{"very close", {{"mention", "Ms Tran"}, {"cue", "said"}}},
      {"absurd", {{"mention", "The embassy"}, {"cue", "described"}}}}},
    {"a_bank_speaks", "In its quarterly report, the bank said lending had “stalled”.",
     {{"stalled", {{"mention", "the bank"}, {"kind", "speech"}}}}},
    {"participle_skips_a_relative_clause_and_a_time_phrase",
     "The Dutch Embassy in Lima on Tuesday rejected an article that accused its staff of spying, calling "
     "the claims “absurd”.",
     {{"absurd", {{"mention", "The Dutch Embassy in Lima"}, {"cue", "calling"}}}}},
    {"in_a_statement_after_the_verb_belongs_to_the_verb_1",
     "The union said in a statement that the offer was “an insult”.",
     {{"an insult", {{"mention", "The union"}, {"cue", "said"}}}}},
    {"in_a_statement_after_the_verb_belongs_to_the_verb_2", "In a statement, the union called the offer “an insult”.",
     // Before the clause it still introduces the speaker after it.
     {{"an insult", {{"mention", "the union"}}}}},
    {"according_to_names_its_source_before_the_comma",
     "According to a memo sent to member airlines, the regulator believes the fee is “a hidden tax”.",
     {{"a hidden tax", {{"mention", "a memo"}, {"name", "member", kNot}}}}},
    {"possessive_body_nouns_speak", "Her employer has said the charges are “baseless”.",
     {{"baseless", {{"kind", "speech"}, {"mention", "Her employer"}}}}},
    {"post_quote_speaker_cue", "“The bridge will reopen in May,” Maria Costa said.",
     {{"The bridge will reopen in May,", {{"name", "Maria Costa"}, {"mention", "Maria Costa"}, {"cue", "said"},
        {"kind", "speech"}}}}},
    {"post_quote_cue_speaker", "\"We have no comment,\" said Peter Lindqvist, the club's chairman.",
     {{"We have no comment,", {{"name", "Peter Lindqvist"}, {"mention", "Peter Lindqvist"}, {"cue", "said"},
        {"kind", "speech"}}}}},
    // A long description after an inverted cue: four modifiers, or a year.
    {"post_quote_long_description_1",
     "“The ferry schedule was never published anywhere,” said a former senior harbour authority "
     "official.",
     {{"The ferry schedule was never published anywhere,", {{"name", "former senior harbour authority official"},
        {"mention", "a former senior harbour authority official"}, {"cue", "said"}, {"kind", "speech"}}}}},
    {"post_quote_long_description_2", "“Nobody told us the depot would close,” said a 2019 campaign veteran.",
     {{"Nobody told us the depot would close,", {{"name", "2019 campaign veteran"},
        {"mention", "a 2019 campaign veteran"}, {"cue", "said"}, {"kind", "speech"}}}}},
    // The quote stands in a clause that goes on; an inverted cue closes the
    // sentence.
    {"later_inverted_cue",
     "“The numbers simply do not add up” for the harbour plan, said Ana Ruiz, a council economist.",
     {{"The numbers simply do not add up", {{"name", "Ana Ruiz"}, {"mention", "Ana Ruiz"}, {"cue", "said"},
        {"kind", "speech"}}}}},
    // Plural groups and common speaker nouns of the lexicon.
    {"post_quote_lexicon_nouns_1", "“The rules keep changing on small landlords,” wrote one commenter.",
     {{"The rules keep changing on small landlords,", {{"name", "one commenter"}, {"mention", "one commenter"},
        {"cue", "wrote"}, {"kind", "speech"}}}}},
    {"post_quote_lexicon_nouns_2", "“The bus never comes before nine on Sundays,” a young boy shouted.",
     {{"The bus never comes before nine on Sundays,", {{"name", "young boy"}, {"mention", "a young boy"},
        {"cue", "shouted"}, {"kind", "speech"}}}}},
    {"post_quote_lexicon_nouns_3", "“We were never shown the budget for the stadium,” two investors said.",
     {{"We were never shown the budget for the stadium,", {{"name", "two investors"}, {"mention", "two investors"},
        {"cue", "said"}, {"kind", "speech"}}}}},
    // "a Twitter comment": a cue word after "a NAME" is a noun, not a verb
    // with that name for subject.
    {"cue_noun_after_indefinite_article",
     "Ana Ruiz posted a Twitter comment of her own, saying, “The council has failed every tenant.”",
     {{"The council has failed every tenant.", {{"name", "Ana Ruiz"}, {"mention", "Ana Ruiz"}, {"cue", "saying"},
        {"kind", "speech"}}}}},
    // "was asked by X": the agent of a passive question asks it.
    {"passive_question_agent",
     "Ruiz was asked by host Tom Bale, who backs the plan, “Will the sea wall survive the winter?”",
     {{"Will the sea wall survive the winter?", {{"name", "Tom Bale"}, {"mention", "Tom Bale"}, {"cue", "asked"},
        {"kind", "speech"}}}}},
    // "was called “…” by X": the agent after the quote of a passive speech
    // verb speaks, for a second quote coordinated with the first too; not the
    // object of "by" after an active verb.
    {"passive_agent_after_the_quote",
     "The revival was called “a triumph” by the Harbour Gazette, and “a bore” by one local critic.",
     {{"a triumph", {{"name", "Harbour Gazette"}, {"cue", "called"}}}, {"a bore", {{"cue", "called"}}}}},
    {"active_verb_before_by_after_the_quote",
     "Mayor Ana Ruiz called the revival “a triumph” by any measure.",
     {{"a triumph", {{"name", "Ana Ruiz"}, {"cue", "called"}}}}},
    // An unlisted -ed verb after "an angry NAME", as after the bare name.
    {"post_quote_described_name_unlisted_verb_1",
     "“The harbour will stay open to every boat that pays,” an irritated Okafor retorted.",
     {{"The harbour will stay open to every boat that pays,", {{"name", "Okafor"}, {"mention", "Okafor"},
        {"cue", "retorted"}, {"kind", "speech"}}}}},
    {"post_quote_described_name_unlisted_verb_2",
     "“The harbour will stay open to every boat that pays,” a tired Okafor snapped.",
     {{"The harbour will stay open to every boat that pays,", {{"name", "Okafor"}, {"mention", "Okafor"},
        {"cue", "snapped"}, {"kind", "speech"}}}}},
    // "muttered" is a speech verb before a that-clause too, not only after
    // a quote (data/lexicon/cues.txt).
    {"muttered_that",
     "Okafor muttered that the ferry was “a floating disgrace”.",
     {{"a floating disgrace", {{"name", "Okafor"}, {"cue", "muttered"}}}}},
    // "pressed:" before a quote is its cue (the past form only: "press" and
    // "presses" are mostly about newspapers); "pressed ahead" in another
    // sentence takes nothing from that sentence's own cue.
    {"pressed_colon",
     "Okafor was not satisfied and pressed: “Who pays for the second bridge?” "
     "The union pressed ahead with the ballot. Mayor Ana Ruiz said the offer was “fair and final”.",
     {{"Who pays for the second bridge?", {{"name", "Okafor"}, {"cue", "pressed"}}},
      {"fair and final", {{"name", "Ana Ruiz"}, {"cue", "said"}}}}},
    // "the deputy" (a sheriff's deputy) is a role speaker; "Deputy" before an
    // office stays part of the named holder's title, and "The deputies" in the
    // sentence before does not take a named speaker's quote.
    {"deputy_is_a_role",
     "A deputy stopped at the gate. “Nobody drives past this point tonight,” the deputy told the crowd.",
     {{"Nobody drives past this point tonight,", {{"mention", "the deputy"}, {"type", "role"}, {"cue", "told"}}}}},
    {"deputy_before_an_office_is_no_speaker",
     "Deputy Mayor Ana Ruiz visited the shelter. “We have beds for everyone,” said Deputy Mayor Ana Ruiz. "
     "The deputies were stretched thin. “We need more hands,” Sheriff Tom Bale said.",
     {{"We have beds for everyone,", {{"name", "Ana Ruiz"}, {"type", "person"}}},
      {"We need more hands,", {{"name", "Tom Bale"}, {"mention", "deputies", kNot}}}}},
    // Two speakers joined by "and" before the cue are one source.
    {"post_quote_joined_speakers",
     "“The tunnel was never tested against a real flood,” engineers Ana Ruiz and Tom Bale wrote.",
     {{"The tunnel was never tested against a real flood,", {{"kind", "speech"}, {"mention", "Tom Bale"},
        {"cue", "wrote"}}}}},
    // A mention after "After", "During", "Despite" … is no clause subject.
    {"clause_subject_past_opening_preposition",
     "After the Lisbon summit, Ruiz branded the deal “a costly mistake for every farmer”.",
     {{"a costly mistake for every farmer", {{"mention", "Ruiz"}}}}},
    // "told X:" — X listens; a weekday may stand between subject and verb.
    {"told_listener_is_no_speaker", "Okafor later Tuesday told Channel Nine: “The ferry will run again by spring.”",
     {{"The ferry will run again by spring.", {{"name", "Okafor"}, {"mention", "Okafor"}, {"cue", "told"},
        {"kind", "speech"}}}}},
    // A digest line: a headline, a dash, then the quoted writer's name and a colon.
    {"name_before_colon",
     "HARBOUR FEES ARE RISING AGAIN - Ana Ruiz: “The port has raised its fees three times this year.”",
     {{"The port has raised its fees three times this year.", {{"name", "Ana Ruiz"}, {"mention", "Ana Ruiz"},
        {"cue", ":"}, {"kind", "speech"}}}}},
    {"post_quote_appositive", "“Rents are rising,” Jane Okafor, a spokeswoman for the housing agency, said.",
     {{"Rents are rising,", {{"name", "Jane Okafor"}, {"mention", "Jane Okafor"}, {"cue", "said"}, {"kind", "speech"}}}}},
    {"post_quote_lowercase_title", "\"The fund is there,\" state Sen. Mary Alder wrote on Twitter.",
     {{"The fund is there,", {{"name", "Mary Alder"}, {"mention", "Sen. Mary Alder"}, {"cue", "wrote on Twitter"},
        {"kind", "speech"}}}}},
    {"pre_cue_that", "Mr Alvarez said on Monday that the plan was “dead on arrival”.",
     {{"dead on arrival", {{"name", "Alvarez"}, {"mention", "Mr Alvarez"}, {"cue", "said"}, {"kind", "speech"}}}}},
    {"colon_introduction", "The mayor told reporters: “We will rebuild.”",
     {{"We will rebuild.", {{"name", "mayor"}, {"mention", "The mayor"}, {"cue", "told reporters"}, {"kind", "speech"}}}}},
    {"colon_at_paragraph_end", "Dr. Amal Haddad, who runs the clinic, told the board:\n\n“We need the money now.”",
     {{"We need the money now.", {{"name", "Amal Haddad"}, {"mention", "Dr. Amal Haddad"}, {"cue", "told"},
        {"kind", "speech"}}}}},
    {"described_as", "The drills, which Admiral Jon Berg described as “reckless”, ended on Sunday.",
     {{"reckless", {{"name", "Jon Berg"}, {"mention", "Admiral Jon Berg"}, {"cue", "described"}, {"kind", "speech"}}}}},
    {"according_to", "According to the Harbour Authority, the port was “operating normally”.",
     {{"operating normally", {{"name", "Harbour Authority"}, {"mention", "the Harbour Authority"},
        {"cue", "According to"}, {"kind", "speech"}}}}},
    {"participle_shares_subject", "A ministry spokesman said the talks were “useful”, adding: “More work is needed.”",
     {{"More work is needed.", {{"mention", "A ministry spokesman"}, {"cue", "adding"}}}}},
    {"and_shares_subject", "Ms Berger said Austria was “ready to help” and also stressed the need for “calm”.",
     {{"calm", {{"mention", "Ms Berger"}, {"cue", "stressed"}}}}},
    {"interrupted_quote_both_halves", "“We tried,” he said, “but the money ran out.”",
     {{"We tried,", {{"mention", "he"}}},
      {"but the money ran out.", {{"mention", "he"}}}}},
    {"paragraph_continues_speaker",
     "“The schools are full,” said Omar Reyes, the district superintendent. “We are out of room.”\n\n"
     "“Next year will be worse.”",
     {{"We are out of room.", {{"name", "Omar Reyes"}}},
      {"Next year will be worse.", {{"name", "Omar Reyes"}, {"rule", "continuation"}, {"cue", "said"}}}}},  // the statement goes on under the same verb
    {"statement_continues_into_next_sentence",
     "The union said it would strike in June. Its demands include “a fair wage for every driver”.",
     {{"a fair wage for every driver", {{"mention", "The union"}, {"rule", "continuation"}}}}},
    {"stacked_appositives",
     "“The levy is unlawful,” Rosa Delgado, the state attorney general, one of six "
     "officials who sued, said on Monday.",
     {{"The levy is unlawful,", {{"name", "Rosa Delgado"}, {"mention", "Rosa Delgado"}, {"cue", "said"},
        {"kind", "speech"}}}}},
    // "“…,” the union's general secretary, NAME, told a rally": after a
    // possessive, lower-case words run to the role they describe; a verb
    // phrase still ends the walk ("the union's members voted").
    {"possessed_role_after_a_quote_1",
     "“We were ready to compromise,” the union's general secretary, Ray Dolan, told a rally.",
     {{"We were ready to compromise,", {{"name", "Ray Dolan"}, {"cue", "told"}}}}},
    {"possessed_role_after_a_quote_2", "“We were ready,” the union’s general secretary said.",
     {{"We were ready,", {{"mention", "the union’s general secretary"}, {"cue", "said"}, {"rule", "post_speaker_cue"}}}}},
    {"possessed_role_after_a_quote_3", "“We were ready,” the union's weary members walked out, and Ms Lind said so.",
     {{"We were ready,", {{"rule", "post_speaker_cue", kNot}}}}},
    {"long_appositive",
     "''We can afford it,'' Martin K. Osei, director of the independent Harbour Budget "
     "Institute and a lecturer at the City School of Economics in Leeds, said.",
     {{"We can afford it,", {{"name", "Martin K. Osei"}, {"mention", "Martin K. Osei"}, {"cue", "said"},
        {"kind", "speech"}}}}},
    {"clause_subject_outranks_previous_statement",
     "Ms Reyes said the budget was balanced. In a speech on Friday, the council branded her plan "
     "“a fantasy”.",
     {{"a fantasy", {{"mention", "the council"}, {"rule", "clause_subject"}}}}},
    {"clause_subject_is_not_an_object",
     "Ms Reyes said the budget was balanced. A letter from the council described the cuts in "
     "detail, calling for “shared sacrifice”.",
     {{"shared sacrifice", {{"mention", "the council", kNot}}}}},
    {"post_cue_speaker_before_relative_clause",
     "“We lost the room,” said a party strategist who asked not to be named.",
     {{"We lost the room,", {{"name", "party strategist"}, {"mention", "a party strategist"}, {"cue", "said"},
        {"kind", "speech"}}}}},
    // A speech-like quote with no cue and no statement before it: the subject
    // of its clause ("Ruiz thanked the crews for “…”").
    {"clause_subject_without_previous_statement",
     "Mayor Ana Ruiz thanked the road crews for “keeping this city moving through a long, hard "
     "winter.”",
     {{"keeping this city moving through a long, hard winter.", {{"mention", "Mayor Ana Ruiz"},
        {"rule", "clause_subject"}}}}},
    // A possessive before a cue word is a determiner ("Doyle's remarks were
    // “…”"), unless the noun introduces a that-clause ("Doyle's claim that “…”").
    {"possessive_is_no_subject_1",
     "Ruth Amsel told the radio station that Mr Doyle's comments were “beneath the office”.",
     {{"beneath the office", {{"mention", "Ruth Amsel"}}}}},
    {"possessive_is_no_subject_2",
     "Ruth Amsel dismissed Mr Doyle's claim that the port was “losing money every day”.",
     {{"losing money every day", {{"mention", "Mr Doyle's"}}}}},
    // “…?” NAME asked … — the sentence splitter ends the sentence after a
    // quote-final mark when the cue's clause runs on; the next sentence's
    // post-quote frame still attributes the quote.
    {"post_quote_frame_in_the_next_sentence_1",
     "The hall was full.\n\n“Who is going to pay for this?” Councillor Dana Pryce asked the "
     "planning committee during its evening session.",
     {{"Who is going to pay for this?", {{"mention", "Councillor Dana Pryce"}, {"cue", "asked"}}}}},
    {"post_quote_frame_in_the_next_sentence_2", "Pryce spoke first. “We are broke.” Hale added: “We are not.”",
     // Not when that sentence opens something new.
     {{"We are broke.", {{"mention", "Hale", kNot}}}}},
    {"post_quote_frame_in_the_next_sentence_3",
     "Pryce spoke first. “We are broke.” Hale said that the figures were wrong.",
     {{"We are broke.", {{"mention", "Hale", kNot}}}}},
    {"post_quote_frame_in_the_next_sentence_4", "Pryce spoke first. “We are broke.” Hale replied, “We are not.”",
     {{"We are broke.", {{"mention", "Hale", kNot}}}}},
    // "according to" after a quote names its outermost source, over a
    // post-quote speaker (before it, see statement_by_names_its_issuer).
    {"according_to_is_the_outer_source_1",
     "“We will not back down,” the minister said, according to the Harbour Gazette.",
     {{"We will not back down,", {{"mention", "the Harbour Gazette"}, {"cue", "according to"}}}}},
    {"according_to_is_the_outer_source_2",
     "The plant was “running at a loss for years,” according to a report by the auditors.",
     {{"running at a loss for years,", {{"mention", "a report by the auditors"}}}}},
    // NYT archive style: a nested single quote closing with the double one
    // (''... 'no.''') leaves a stray mark before the post-quote speaker.
    {"post_quote_after_nested_close",
     "The talks ended late.\n\n''I asked again, and she said, 'not this year.''' Mr. Okonkwo said.",
     {{"I asked again, and she said, 'not this year.", {{"mention", "Mr. Okonkwo"}, {"cue", "said"}}}}},
    // A parenthetical cue later in the sentence: “Q” for the party, she said.
    // A headline drops the article: after an inverted cue, lower-case
    // modifiers belong to the bare role, group or body noun that closes the
    // clause; not a preposition before a determiner ("shouted to the crowd").
    {"bare_role_after_inverted_cue",
     "Orbis ‘abused’ app store dominance, says competition watchdog\n\n"
     "\"The risk is low,\" said health officials. \"We will appeal,\" said defence lawyers. "
     "\"Go home,\" he shouted to the crowd.",
     {{"abused", {{"mention", "competition watchdog"}, {"cue", "says"}}},
      {"The risk is low,", {{"mention", "health officials"}}},
      {"We will appeal,", {{"mention", "defence lawyers"}}},
      {"Go home,", {{"mention", "to the crowd", kNot}}}}},
    // A title-case headline capitalises its verb too: the name before it ends
    // there, and a title left without a name is the office's role.
    {"title_case_headline_cue",
     "Council Demands ‘Immediate and Unconditional’ End to Fighting\n\nMinister Says Talks Were ‘Constructive’\n\n"
     "Foreign Minister Wang Yi Says Talks Were ‘Fruitful’",
     {{"Immediate and Unconditional", {{"mention", "Council"}, {"cue", "Demands"}}},
      {"Constructive", {{"mention", "Minister"}, {"type", "role"}}},
      {"Fruitful", {{"name", "Wang Yi"}, {"cue", "Says"}}}}},
    {"later_cue_in_the_sentence_1",
     "Ms Ferrand spoke next.\n\n“This is a turning point” for the whole region, Ms Ferrand said.",
     {{"This is a turning point", {{"mention", "Ms Ferrand"}, {"rule", "later_cue"}}}}},
    {"later_cue_in_the_sentence_2", "Costs were “out of control” last year, and Ms Ferrand said that was new.",
     // Not a verb that opens a new clause ("he said that …").
     {{"out of control", {{"rule", "later_cue", kNot}}}}},
    // Right after a whole quoted utterance, an -ed verb the lexicon does not
    // list is a cue: “Q,” Kessler snapped. | “Q,” grumbled Ada Kessler.
    {"unlisted_verb_after_an_utterance_1",
     "The vote was close.\n\n“Nobody asked us,” Ada Kessler snapped on Tuesday.",
     {{"Nobody asked us,", {{"mention", "Ada Kessler"}, {"cue", "snapped"}}}}},
    {"unlisted_verb_after_an_utterance_2",
     "The vote was close.\n\n“Nobody asked us,” grumbled Ada Kessler, a farmer.",
     {{"Nobody asked us,", {{"mention", "Ada Kessler"}}}}},
    {"unlisted_verb_after_an_utterance_3", "Officials debated a “temporary levy” Ada Kessler opposed on principle.",
     // Not after a fragment, nor for a verb that runs on in the next sentence.
     {{"temporary levy", {{"mention", "Ada Kessler", kNot}}}}},
    {"unlisted_verb_after_an_utterance_4", "Mr Brandt warned of “a long winter.” Ada Kessler struggled to reply.",
     {{"a long winter.", {{"mention", "Ada Kessler", kNot}}}}},
    // An inverted cue, then descriptors before a name: "said former Ohio
    // congresswoman Ruth Abel", "said pollster Dev Anand, who …".
    {"post_cue_descriptors_before_a_name_1",
     "The count went on.\n\n“It is far from over,” said former Ohio congresswoman Ruth Abel.",
     {{"It is far from over,", {{"mention", "Ohio congresswoman Ruth Abel"}, {"name", "Ruth Abel"}}}}},
    {"post_cue_descriptors_before_a_name_2",
     "The count went on.\n\n“It is far from over,” said veteran pollster Dev Anand, who ran the survey.",
     {{"It is far from over,", {{"mention", "Dev Anand"}}}}},
    {"post_cue_descriptors_before_a_name_3",
     "The count went on.\n\n“It is far from over,” said the elder Mr. Anand, smiling.",
     {{"It is far from over,", {{"mention", "Mr. Anand"}}}}},
    {"post_cue_descriptors_before_a_name_4",
     "The count went on.\n\n“It is far from over,” said 7/7 survivor Dev Anand.",
     {{"It is far from over,", {{"mention", "Dev Anand"}}}}},
    {"post_cue_descriptors_before_a_name_5",
     "The count went on.\n\n“It is far from over,” suggests that Ruth Abel was right.",
     {{"It is far from over,", {{"mention", "Ruth Abel", kNot}}}}},
    // "wrote Ana Ruiz for the Coast Herald": the person, not the outlet after her.
    {"post_cue_person_before_outlet", "The poll moved.\n\n“Nothing is settled,” wrote Ana Ruiz for the Coast Herald.",
     {{"Nothing is settled,", {{"mention", "Ana Ruiz"}}}}},
    // A mention after a preposition is an object, and a cue word after it a
    // noun: "rated 40% of Labour claims as “…”" is not Labour's speech.
    {"object_of_preposition_is_no_subject_1", "The Fact Desk rated 40% of Labour claims as “mostly false” last year.",
     {{"mostly false", {{"mention", "Labour", kNot}}}}},
    {"object_of_preposition_is_no_subject_2",
     "Lena Park of the Coast Herald wrote that the council was “out of its depth”.",
     {{"out of its depth", {{"mention", "Lena Park"}}}}},
    // "Smiling, the mayor boomed “…”": an opening participle is no subject.
    {"clause_subject_after_an_opening_participle_1",
     "Smiling broadly, the mayor then dismissed the plan as “a fairy tale, start to finish.”",
     {{"a fairy tale, start to finish.", {{"mention", "the mayor"}}}}},
    {"clause_subject_after_an_opening_participle_2", "Smiling broadly, the mayor was blunt: “It is a fairy tale.”",
     {{"It is a fairy tale.", {{"mention", "the mayor"}}}}},
    // Role nouns of campaign and court copy: "campaign manager", "the judge",
    // "the email".
    {"more_role_nouns_1", "“We need a plan,” the campaign manager, Ida Brandt, said on Sunday.",
     {{"We need a plan,", {{"mention", "Ida Brandt"}}}}},
    {"more_role_nouns_2", "“The motion is denied,” the judge said.",
     {{"The motion is denied,", {{"mention", "the judge"}}}}},
    {"more_role_nouns_3", "“Donate before midnight,” the email said.",
     {{"Donate before midnight,", {{"mention", "the email"}}}}},
    // “…”¶¶- Ana Vidal. — a byline paragraph under a quoted paragraph; and an
    // appositive name whose closing comma is missing.
    {"byline_paragraph_and_open_appositive_1",
     "The debate ran late.\n\n\"We will fund every school.\"\n\n- Ana Vidal.\n\nShe won.",
     {{"We will fund every school.", {{"mention", "Ana Vidal"}, {"rule", "dash"}, {"cue", "-"}}}}},
    // The dash is the cue of "“…” ― NAME" (PolNeAR's gold marks it so); not
    // a dash that closes an aside ("warnings - meaning "…" - across the
    // south Midlands,").
    {"dash_before_a_name_is_the_cue",
     "“I am so proud of this city.” ― Carla Sanchez\n\nThe agency issued warnings - meaning \"danger to life\" - "
     "across Wessex and the south Midlands, and said levels were high.",
     {{"I am so proud of this city.", {{"name", "Carla Sanchez"}, {"cue", "―"}}},
      {"danger to life", {{"name", "Midlands", kNot}, {"rule", "dash", kNot}}}}},
    {"byline_paragraph_and_open_appositive_2",
     "The debate ran late.\n\n“We were never asked,” a neighbour, Ana Vidal told reporters.",
     {{"We were never asked,", {{"mention", "Ana Vidal"}}}}},
    // A clause opened by a conjunction after the quote is no post-quote frame:
    // "Pryce called it “a farce” when Hale said …" stays with Pryce.
    {"conjunction_after_quote_opens_a_new_clause_1",
     "Dana Pryce said the plan was “a farce” when Ivo Hale said it would pass.",
     {{"a farce", {{"mention", "Dana Pryce"}}}}},
    {"conjunction_after_quote_opens_a_new_clause_2",
     "Dana Pryce called the plan “a farce” but Ivo Hale said it would pass.",
     {{"a farce", {{"mention", "Dana Pryce"}}}}},
    // "X laughed and said": the subject of the verb "and" joins, even when the
    // lexicon does not list that verb; not an object ("sit Putin down and tell").
    {"and_joins_an_unlisted_verb_1", "Asked about the polls on Monday, Ida Brandt laughed and said, “We will see.”",
     {{"We will see.", {{"mention", "Ida Brandt"}}}}},
    {"and_joins_an_unlisted_verb_2", "Ida Brandt says she would call Omar Haddad in and tell him “the deal is off”.",
     {{"the deal is off", {{"mention", "Omar Haddad", kNot}}}}},
    // “…?” Hale pressed. “…” — the second quote goes on with the speaker the
    // sentence between them names.
    {"continuation_across_the_naming_sentence",
     "The panel met.\n\n“Where is the money?” Ivo Hale pressed. “Nobody can tell me.”",
     {{"Nobody can tell me.", {{"mention", "Ivo Hale"}}}}},
    // "my father often said": a possessive determiner and an adverb without -ly.
    {"my_father_often_said", "The farm was sold.\n\n“Land is the only thing that lasts,” my father often said.",
     {{"Land is the only thing that lasts,", {{"mention", "my father"}}}}},
    // "With X worried, Y is rolling out a message: “…”": the colon's clause
    // subject, not the object of a capitalised "With".
    {"colon_clause_subject_after_opening_with",
     "With Labour leaders worried about turnout, Mayor Ida Brandt is trying a new message: “Vote for "
     "the city.”",
     {{"Vote for the city.", {{"mention", "Mayor Ida Brandt"}}}}},
    // "she released a statement saying “…”": the object of a verb before a
    // participle is not its subject; "footage of Vane saying" still is.
    {"participle_after_an_object_1", "Late on Friday, Ms Vane released a statement saying “the talks are over”.",
     {{"the talks are over", {{"mention", "Ms Vane"}}}}},
    // "Footage showed Mr Reddy laughing and saying “…”": the object of a verb
    // of perception before a speech participle speaks; the footage only
    // shows it. (An object pronoun, "showed him saying", is no mention yet.)
    {"perceived_speaker_1", "Bodycam footage recorded the officer telling him to “stay in the car”.",
     {{"stay in the car", {{"mention", "the officer"}, {"cue", "telling"}}}}},
    {"perceived_speaker_2", "The video shows Mr Reddy laughing and saying “no hands”.",
     {{"no hands", {{"name", "Reddy"}, {"cue", "saying"}}}}},
    {"perceived_speaker_3", "Neighbours heard Ms Vane telling the bailiffs to “get off my land”.",
     {{"get off my land", {{"name", "Vane"}}}}},
    {"participle_after_an_object_2", "The clip shows footage of Ms Vane saying “the talks are over”.",
     {{"the talks are over", {{"mention", "Ms Vane"}}}}},
    // "at one point calling the mayor a “…”": the participle's object is not an
    // inverted speaker.
    {"participle_object_is_no_speaker",
     "Ida Brandt spoke for an hour, at one point calling the mayor a “coward” twice.",
     {{"coward", {{"mention", "Ida Brandt"}}}}},
    {"infinitive_is_no_cue", "Ms Park had said it was time to speak “plainly” about costs.",
     {{"plainly", {{"mention", "Ms Park"}, {"cue", "said"}}}}},
    // A capitalised cue word inside a name is no cue: "Hope", "Read" are names
    // between a title and a surname.
    {"cue_word_inside_a_name", "The board met on Monday. “We will appeal,” club spokeswoman Hope Varga said.",
     {{"We will appeal,", {{"name", "Hope Varga"}, {"cue", "said"}}}}},
    // Documents that speak after a quote: "the suit says", "the note reads".
    {"post_quote_document_nouns",
     "The hearing was short. “The firing broke the law,” the suit says. “Pay up,” the note reads.",
     {{"The firing broke the law,", {{"mention", "the suit"}}},
      {"Pay up,", {{"mention", "the note"}}}}},
    // "…, who answered": after a comma and a short lower-case phrase, "who"
    // refers to the mention before the phrase.
    {"relative_pronoun_after_a_phrase",
     "The ranchers met on Monday. Omar Bundy spoke to Ana Ruiz on camera, who answered: “We will not leave.”",
     {{"We will not leave.", {{"mention", "who"}, {"name", "Ana Ruiz"}}}}},
    // Three lower-case descriptor words between an outlet and the name.
    {"post_quote_three_descriptor_words",
     "The vote was close. “We will win in the fall,” Acme's senior communications adviser Jo Lindqvist said.",
     {{"We will win in the fall,", {{"name", "Jo Lindqvist"}}}}},
    // The object of "to" or "on" before a participle or a colon is a listener or
    // a venue, not the speaker (the object of "of" may still be: "footage of X
    // saying").
    {"object_of_to_or_on_is_no_speaker_1",
     "The board met on Monday. Late on Friday the campaign sent a text message to supporters saying: “We need you now.”",
     {{"We need you now.", {{"mention", "the campaign"}}}}},
    {"object_of_to_or_on_is_no_speaker_2",
     "The board met on Monday. The mayor spoke briefly on Radio Lux: “We will rebuild.”",
     {{"We will rebuild.", {{"mention", "The mayor"}}}}},
    // After a quote, a mention after a preposition is its object; the inverted
    // cue after the comma names the speaker.
    {"post_quote_object_of_preposition_is_no_speaker",
     "The vote was close. The treaty signals “a new era” for the Union, said Marta Kolar, a deputy.",
     {{"a new era", {{"name", "Marta Kolar"}}}}},
    // People described by what they did at an event speak after a quote too.
    {"post_quote_event_roles",
     "The rally was loud. “You are a fraud,” a heckler shouted. “He had it coming,” the assailant told police.",
     {{"You are a fraud,", {{"mention", "a heckler"}}},
      {"He had it coming,", {{"mention", "the assailant"}}}}},
    // "X said in a statement that “…”": the "that" after "in a statement" opens
    // the reported clause; the verb's subject speaks.
    {"statement_phrase_then_that",
     "Lena Ortiz, the union's treasurer, said in a statement that the deal “falls far short”.",
     {{"falls far short", {{"mention", "Lena Ortiz"}, {"name", "Lena Ortiz"}}}}},
    // A capitalised role or group noun that ends a firm's name does not
    // speak: the name it ends does; at the start of a sentence it still may.
    {"capitalised_noun_ends_a_name",
     "Analyst Ben Okafor of Hartley Ridge Partners called the merger “a bold bet”. The Partners said the fund "
     "was “closed to new money”.",
     {{"a bold bet", {{"name", "Partners", kNot}, {"mention", "Partners", kNot}, {"cue", "called"}}},
      {"closed to new money", {{"mention", "The Partners"}}}}},
    // "the force" is a police force, a body that speaks; "the use of force"
    // is not a speaker.
    {"the_force_said",
     "Officers were “keeping an open mind” about the cause, the force said. The use of force was “excessive”, "
     "a judge found.",
     {{"keeping an open mind", {{"name", "force"}, {"cue", "said"}}},
      {"excessive", {{"name", "force", kNot}}}}},
    // Set 13: "termed X “…”" is a speech verb like "called" (the noun "term"
    // is not); a presidency is a body that issues readouts.
    {"termed_and_a_presidency",
     "The tenants' groups termed the new rents “daylight robbery”. In the short term, Mr Ito said, costs "
     "would be “painful”.\n\nAccording to a readout released by the Norland presidency, the call lasted an "
     "hour. The two leaders “agreed to stay in close touch”, the readout said.",
     {{"daylight robbery", {{"mention", "The tenants' groups"}, {"cue", "termed"}}},
      {"painful", {{"name", "Ito"}, {"cue", "said"}}},
      {"agreed to stay in close touch", {{"name", "Norland presidency"}, {"cue", "said"}}}}},
    // "X quoted Y as saying", "Y was quoted by X as saying": the cue is
    // "quoted" and Y speaks, unless X is a text ("An early post"); a
    // "saying" not after "as" keeps its own cue.
    {"quoted_as_saying",
     "The Daily Ledger quoted a senior aide as saying the plan was “finished”. Ms Rook was quoted by the "
     "state agency as saying the vote was “a formality”. The mayor quoted the figures, saying they were "
     "“alarming”. An early post quoted Mayor Ana Ruiz as saying the vote was “settled”.",
     {{"finished", {{"cue", "quoted"}, {"mention", "a senior aide"}}},
      {"settled", {{"mention", "An early post"}, {"cue", "quoted"}}},
      {"a formality", {{"name", "Rook"}, {"cue", "quoted"}}},
      {"alarming", {{"name", "mayor"}, {"cue", "saying"}}}}},
    // "of the Centre for Road Safety Studies": the words after a body's head
    // noun and "for" are the body's name, no person for "he" or for the cue;
    // a name after "for" elsewhere is still a person.
    {"body_name_after_centre_for",
     "Road expert Dr. Omar Latif of the Centre for Road Safety Studies said the plan was late. “The data are "
     "clear,” he told this newspaper. “It works,” Ms. Ines Varga of the Institute for Rural Affairs said.\n\n"
     "Crowds in Leeds queued for Anna Berg on Sunday. “I am moved,” she told the rally.",
     {{"The data are clear,", {{"name", "Omar Latif"}, {"cue", "told"}}},
      {"It works,", {{"name", "Ines Varga"}, {"cue", "said"}}},
      {"I am moved,", {{"name", "Anna Berg"}}}}},
    // The heads come from data/lexicon/body_for_heads.txt ("Partnership",
    // "Academy"). "Parliament" ends a body's name (org_heads.txt) but takes
    // no "for" inside one: the name after it is a person's.
    {"body_for_heads_lexicon_1",
     "Tom Reyes of the Partnership for Northern Rail said the line was late. “The money is gone,” he "
     "told this newspaper. Ines Varga of the Academy for Applied Songwriting said the course was full. "
     "“We turn people away,” she said.",
     {{"The money is gone,", {{"name", "Tom Reyes"}, {"cue", "told"}}},
      {"We turn people away,", {{"name", "Ines Varga"}, {"cue", "said"}}}}},
    // "NAME in/at/from PLACE said": the person, role or group before the
    // place speaks (a role or group phrase often takes the place along
    // itself), not the place; a place after no mention stays out of it.
    {"person_before_a_place_speaks",
     "Ana Ruiz in Leeds said the plan was “a good start”. A spokesman at the Treasury said it was “under "
     "review”. Officials from Kyiv said the talks were “useful”. Kim Lee of Oxfam visited. Later, in Leeds "
     "Mayor Tom Hart said the vote was “close”.",
     {{"a good start", {{"name", "Ana Ruiz"}, {"cue", "said"}}},
      {"under review", {{"mention", "A spokesman at the Treasury"}}},
      {"useful", {{"mention", "Officials from Kyiv"}}},
      {"close", {{"name", "Tom Hart"}}}}},
    {"person_before_a_place_speaks_not_an_object",
     "A letter to Ana Ruiz from the Treasury said the grant was “final”. Protesters outside the home of Tom "
     "Hale in Leeds said the law was “cruel”.",
     {{"final", {{"name", "Ana Ruiz", kNot}}}, {"cruel", {{"name", "Tom Hale", kNot}}}}},
    {"body_for_heads_lexicon_2",
     "A rally outside Parliament for Anna Berg drew crowds on Sunday. “I am moved,” she told them.",
     {{"I am moved,", {{"name", "Anna Berg"}, {"type", "person"}}}}},
    // "The line, from NAME …" names the quote that is the paragraph before
    // it (set 17); "The plant, from …" does not.
    {"named_by_the_noun_from_in_the_next_paragraph",
     "Mr Ruiz spoke last.\n\n“We think the worst is behind us.”\n\nThe line, from Ann Ode in the final minutes of "
     "the call, did little.",
     {{"We think the worst is behind us.", {{"name", "Ann Ode"}}}}},
    {"not_named_by_another_noun_from",
     "“Prices will rise.”\n\nThe plant, from Ann Ode's point of view, was a loss.",
     {{"Prices will rise.", {{"name", "Ann Ode", kNot}}}}},
    // A firm named with "&" stays whole in a role's tail.
    {"ampersand_name_in_a_role_tail",
     "Analysts at Hollis & Brandt called it “a company paying today for growth”. A spokesman for Procter & Gamble "
     "said the plan was “on track”.",
     {{"a company paying today for growth", {{"mention", "Analysts at Hollis & Brandt"}}},
      {"on track", {{"mention", "A spokesman for Procter & Gamble"}}}}},
    // A he or she after a sentence whose subject spoke goes to that subject,
    // even when a person of the pronoun's gender is named after it (set 27;
    // PolNeAR: "Tarar said selling Trump … has been a challenge. “…,” he
    // said"); not when the subject asked ("Hannity asked Trump how high …").
    {"pronoun_after_a_speaking_subject",
     "Its National Coordinator, Dr Efua Quansah-Lamptey, said the count had put Madam Frimpong's share within a "
     "point.\n\n“We have no reason to doubt the outcome,” she said.\n\nCommissioner Lee Tan asked Mr Harris how "
     "high the wall would be.\n\n“I think the height could be 35 feet,” he said.",
     {{"We have no reason to doubt the outcome,", {{"name", "Efua Quansah-Lamptey"}}},
      {"I think the height could be 35 feet,", {{"name", "Lee Tan", kNot}}}}},
    // Set 27: "in charge of" joins a role's tail ("charge" is also a speech
    // verb); "Watch" ends a body's name.
    {"role_in_charge_of_and_watch_bodies",
     "The Deputy Chairperson of the EC in charge of Operations, Mr Samuel Tetteh Nortey, described them as "
     "“baseless”. The Ghana Citizens' Election Watch said voting had been “largely peaceful”.",
     {{"baseless", {{"name", "Samuel Tetteh Nortey"}}},
      {"largely peaceful", {{"name", "Ghana Citizens' Election Watch"}, {"type", "organization"}}}}},
    // Set 27: a lone quote in the first person singular after a body spoke
    // is not the body's when the next paragraph introduces a person; after
    // a person spoke it goes on with them.
    {"first_person_quote_after_a_body",
     "The ship’s operator, Brakel Shipping, said in a statement that it was “deeply relieved”.\n\n“We do not yet "
     "know why the engine stopped. I am not going to speculate.”\n\nPieter van der Linde, Brakel’s chief "
     "executive, had flown in from Rotterdam. Van der Linde said the company would “co-operate fully”.\n\nJo "
     "Hale said the crew were “safe”.\n\n“I was on the first boat out.”\n\nTom Reyes, a fisherman, watched "
     "from the pier.",
     {{"We do not yet know why the engine stopped. I am not going to speculate.", {{"name", "Pieter van der Linde"}}},
      {"I was on the first boat out.", {{"name", "Jo Hale"}}}}},
    // A review of this session's rules found these readings; each keeps
    // the earlier answer now.
    {"review_headlines_and_captions",
     "Drudge Report Says Clinton ‘Lied’\n\nMark Drakeford at the Senedd in Cardiff on Tuesday\n\n“We will not be "
     "rushed,” Drakeford said.",
     {{"Lied", {{"mention", "Drudge Report"}, {"cue", "Says"}}},
      {"We will not be rushed,", {{"name", "Mark Drakeford"}}}}},
    {"review_lone_quote_mid_paragraph",
     "Smith said the plan was working. “Every indicator is up.” John Brown, an economist at HSBC, said the figures "
     "were misleading.",
     {{"Every indicator is up.", {{"name", "John Brown", kNot}}}}},
    {"review_pronoun_after_named_defendant",
     "Prosecutor Ngozi Eze said the defendant, Mr Bello, had lied repeatedly.\n\n“I told the truth,” he said.",
     {{"I told the truth,", {{"name", "Bello"}}}}},
    {"review_ampersand_then_and",
     "“Nothing to add,” said a spokesman for Smith & Jones and Partners.",
     {{"Nothing to add,", {{"mention", "Partners", kNot}}}}},
    {"review_titles_not_speech",
     "The skipper said the trawler was “Going Down Fast”. Then, as the company’s chief executive would later "
     "report, “We Had No Idea.” A report from Kabul said the talks were “stalled”.",
     {{"Going Down Fast", {{"kind", "speech"}}},
      {"We Had No Idea.", {{"kind", "speech"}}},
      {"stalled", {{"name", "Kabul", kNot}}}}},
    {"review_answer_after_a_cue_less_question",
     "“What happened next?” the prosecutor asked.\n\n“He hit me,” the witness replied.\n\n“Where?”\n\n“In "
     "the face.”",
     {{"Where?", {{"name", "prosecutor"}}}, {"In the face.", {{"name", "witness"}}}}},
    {"review_it_after_a_product",
     "Apple said its streaming service would raise prices. “We are investing in content,” it said.",
     {{"We are investing in content,", {{"name", "streaming service", kNot}}}}},
    // Set 28: a pronoun in the reported clause of a subject whose honorific
    // gives its gender is that subject, not a possessor between them.
    {"pronoun_of_an_honorific_subject",
     "Ms. Beltrán, who has led Mexico's push, later added that she had found him \"frank.\"\n\nIn Mexico City, "
     "Sen. Ramiro Gómez called the agreement \"a press release\".",
     {{"frank.", {{"mention", "Ms. Beltrán"}, {"name", "Mexico City", kNot}}}}},
    // Set 28: the name a person is "known as" is no one's words, and the
    // comma inside its marks closes the appositive before the verb.
    {"known_as_nickname",
     "Almeida, a former union leader who has been known since the 1980s simply as \"Tião,\" told reporters that "
     "Brasília would not sign a deal \"written for the big mining companies.\"",
     {{"Tião,", {{"kind", "scare"}}},
      {"written for the big mining companies.", {{"name", "Almeida"}, {"cue", "told reporters"}}}}},
    // Set 28: a later cue closed by "on condition of anonymity"; a passive
    // verb of telling and an opening "Asked whether …" state nothing, and a
    // name that smiles is a person; "NAME, whose son X, 23, is …, told".
    {"anonymity_passive_whose",
     "The Philippines, which buys most of its rice from Vietnam, had been given “less than a day’s notice”, a "
     "Philippine official said on condition of anonymity because the talks were closed.\n\nAsked whether Jakarta "
     "had been warned of the move in advance, Wiratmoko smiled. “We read about it in the newspapers, like "
     "everybody else.”\n\nIn Ísafjörður, Sólveig Ásgeirsdóttir, whose son Birkir, 23, is the youngest of the "
     "crew, told the broadcaster: “I will believe it when I can put my arms around him.”",
     {{"less than a day’s notice", {{"mention", "a Philippine official"}, {"cue", "said"}}},
      {"We read about it in the newspapers, like everybody else.", {{"name", "Wiratmoko"}}},
      {"I will believe it when I can put my arms around him.", {{"name", "Sólveig Ásgeirsdóttir"}}}}},
    // Set 27: a vessel's name after "ship" is a title, like a work's.
    {"ship_name_is_a_title",
     "Cargo ship ‘Kestrel Dawn’ runs aground off Kerry\n\nThe tanker “Northern Star” was towed clear.",
     {{"Kestrel Dawn", {{"kind", "title"}}}, {"Northern Star", {{"kind", "title"}}}}},
    // Set 27: a short headline quote takes the speaker of the story's quote
    // of just those words, its capital folded.
    {"short_headline_quote_echoes_the_story",
     "‘Bumpy but manageable’: Central bank holds rate at 2.75pc\n\nThe bank kept its rate unchanged, with governor "
     "Datuk Seri Nurul Ain Abdul Rashid describing the outlook as “bumpy but manageable”.",
     {{"Bumpy but manageable", {{"name", "Nurul Ain Abdul Rashid"}, {"rule", "echo"}}}}},
    // Set 27: a lone quote, then the paragraph goes on with a person it
    // introduces there, who speaks: that person said it. A name the story
    // used before goes on with its own statement instead.
    {"speaker_introduced_after_the_quote",
     "A police officer said security had been “beefed up”.\n\n“We the old people only want water in the taps.” "
     "Opanin Kwame Boadu, 72, has voted in every election since 1979 and says he will vote “if God spares me”."
     "\n\nMs Alawee spoke first.\n\n“We are not terrorists.” Ms Alawee, a teacher, said she was tired.",
     {{"We the old people only want water in the taps.", {{"name", "Kwame Boadu"}}},
      {"We are not terrorists.", {{"rule", "speaker_after", kNot}}}}},
    // Set 27: services and firms known by their trade speak.
    {"emergency_services_speak",
     "None of the fuel had leaked “as of the last overflight”, according to the coastguard. The fire brigade "
     "called it “a miracle”. The shipowner said it would “co-operate fully”.",
     {{"as of the last overflight", {{"mention", "the coastguard"}, {"cue", "according to"}}},
      {"a miracle", {{"mention", "The fire brigade"}}},
      {"co-operate fully", {{"mention", "The shipowner"}}}}},
    // Set 27: Malaysian names — an honour before the name ("Datuk Seri"),
    // "binti" and "a/l" inside it, a constituency in brackets after it.
    {"malaysian_names",
     "The bank held rates, with governor Datuk Seri Nurul Ain Abdul Rashid describing the outlook as “bumpy but "
     "manageable”. Opposition lawmaker Ravindran a/l Muthusamy (Sungai Lebar) called the rollout “a leap in the "
     "dark”.\n\n“We are not protected,” he said.\n\nSiti Hajar binti Mohd Yusof, 46, said prices rose “just in "
     "case”.",
     {{"bumpy but manageable", {{"name", "Nurul Ain Abdul Rashid"}}},
      {"a leap in the dark", {{"name", "Ravindran a/l Muthusamy"}}},
      {"We are not protected,", {{"name", "Ravindran a/l Muthusamy"}}},
      {"just in case", {{"name", "Siti Hajar binti Mohd Yusof"}}}}},
    // Set 26: a team named with an en dash speaks as one body.
    {"en_dash_compound_name",
     "Hollvik–Sarto said in a statement that it would not contest the fine and “fully accepts the decision”.",
     {{"fully accepts the decision", {{"name", "Hollvik–Sarto"}}}}},
    // Set 26: in a question-and-answer exchange, who replies is not who just
    // asked, and a cue-less question after a reply goes on with the asker.
    {"reply_is_not_the_asker",
     "Joris van der Brugge won the stage.\n\n“Did you look back at all?” asked a reporter from the broadcaster "
     "Radio Kempen.\n\n“Once, at the flamme rouge,” he replied.\n\nCommissioner Raúl Esparza pressed the "
     "lawyer, Martin Greaves-Lund.\n\n“Does any member allow an outside audit?” Esparza asked.\n\n“Not in the "
     "sense you mean, no,” Greaves-Lund replied.\n\n“In what sense, then?”\n\n“In the sense that auditors see "
     "reports,” Greaves-Lund said.",
     {{"Once, at the flamme rouge,", {{"name", "Joris van der Brugge"}, {"cue", "replied"}}},
      {"In what sense, then?", {{"name", "Raúl Esparza"}}},
      {"In the sense that auditors see reports,", {{"name", "Martin Greaves-Lund"}}}}},
    // Set 26: "That warning came from NAME", "The words were those of NAME";
    // not "The plant was that of NAME" (no noun of saying).
    {"named_by_that_noun_came_from_or_were_those_of",
     "Smaller firms raised a worry.\n\n“One audit would cost more than our revenue.”\n\nThat warning came from "
     "Tomasz Wierzbicki, founder of Kestrel Labs. He said the test was “a moving target”.\n\n“The dust will "
     "settle on the school.”\n\nThe words were those of Fiona Dunbar-Reid, who chairs the community "
     "council.\n\n“Keep out.”\n\nThe plant was that of Omar Latif, who runs the ward.",
     {{"One audit would cost more than our revenue.", {{"name", "Tomasz Wierzbicki"}}},
      {"a moving target", {{"name", "Tomasz Wierzbicki"}}},
      {"The dust will settle on the school.", {{"name", "Fiona Dunbar-Reid"}, {"rule", "named_next_paragraph"}}},
      {"Keep out.", {{"name", "Omar Latif", kNot}}}}},
    // "The words were those of NAME" also names the last quote of a longer
    // sentence that ends its paragraph; "That is the view of" does not.
    {"named_by_the_words_were_those_of_after_a_sentence",
     "Plans would turn the village into “a dust bowl with a postcode”, an inquiry heard.\n\nThe words were "
     "those of Fiona Dunbar-Reid, who chairs the council.\n\nThe firm called the plan “modest”.\n\nThat is "
     "the view of Omar Latif, who runs the ward.",
     {{"a dust bowl with a postcode", {{"name", "Fiona Dunbar-Reid"}, {"rule", "named_next_paragraph"}}},
      {"modest", {{"name", "Omar Latif", kNot}}}}},
    // A quote that is its whole paragraph, then "That is the advice of
    // NAME": NAME speaks, with no cue; not "That was the end of …".
    {"named_in_the_next_paragraph",
     "Dr Ines Varga spoke at the clinic.\n\n“Drink water and rest.”\n\nThat is the advice of Dr Omar Latif, "
     "who runs the ward.\n\n“Stay home,” Varga said.\n\n“Do not panic.”\n\nThat was the end of the meeting.",
     {{"Drink water and rest.", {{"name", "Omar Latif"}, {"cue", ""}}},
      {"Do not panic.", {{"rule", "named_next_paragraph", kNot}}}}},
    // Only a noun of opinion or saying names the speaker: not "the home of".
    {"named_in_the_next_paragraph_2",
     "Dr Ines Varga spoke at the clinic.\n\n“Keep out.”\n\nThat is the home of Dr Omar Latif, who runs the ward.",
     {{"Keep out.", {{"rule", "named_next_paragraph", kNot}, {"name", "Omar Latif", kNot}}}}},
    // The nouns come from data/lexicon/opinion_nouns.txt ("verdict", "plea");
    // a noun of place ("site") names no speaker.
    {"named_in_the_next_paragraph_opinion_nouns_1",
     "The council met on Tuesday.\n\n“Build the bridge first.”\n\nThat was the plea of Mayor Ana Ruiz, who "
     "chairs it.\n\n“The budget is gone.”\n\nThis is the blunt verdict of Tom Reyes, who audits it.",
     {{"Build the bridge first.", {{"name", "Ana Ruiz"}, {"rule", "named_next_paragraph"}}},
      {"The budget is gone.", {{"name", "Tom Reyes"}, {"rule", "named_next_paragraph"}}}}},
    // A lower-case word of data/lexicon/name_particles.txt ("van", "bin")
    // stands inside a name; one not in it ("und") ends the name.
    {"name_particles_lexicon",
     "Port director Lena van Dijk said the harbour was “closed for good”. Imam Yusuf bin Rashid called the "
     "decision “a betrayal”. Anna Berg und Tom Reyes said the ferry was “late again”.",
     {{"closed for good", {{"name", "Lena van Dijk"}, {"cue", "said"}}},
      {"a betrayal", {{"name", "Yusuf bin Rashid"}, {"cue", "called"}}},
      {"late again", {{"mention", "Tom Reyes"}, {"name", "Anna Berg und Tom Reyes", kNot}}}}},
    // Two particles in a row: "van der", "de la". The full name is only in a
    // sentence far from every quote, which the pre-check must still read.
    {"name_particles_two_in_a_row",
     "Lena van der Berg has run the port for a decade. The harbour opened in 1902. Its cranes are new. Ships "
     "call daily. Trade grew last year.\n\nThe board met on Monday.\n\n“We are full,” Berg said. Ana de la "
     "Cruz called the plan “a start”.",
     {{"We are full,", {{"name", "Lena van der Berg"}, {"mention", "Berg"}}},
      {"a start", {{"name", "Ana de la Cruz"}, {"cue", "called"}}}}},
    // A month that is also a surname names a person after a name word or an
    // honorific; not before a day number, not as a modal in a headline, and
    // not at a name's start ("In May Ms Lee": Ms Lee).
    {"surname_months",
     "Theresa May said the deal was “good”. “We will deliver,” Mrs May said. Ana Ruiz May 5 said it was "
     "“late”. In May Ms Lee said it was “fine”.",
     {{"good", {{"name", "Theresa May"}, {"cue", "said"}}},
      {"We will deliver,", {{"name", "Theresa May"}, {"mention", "Mrs May"}}},
      {"late", {{"name", "Ana Ruiz May", kNot}}},
      {"fine", {{"mention", "Ms Lee"}}}}},
    {"surname_months_not_a_modal",
     "Rivals and Reyes May be Aligning on Trade\n\n“We talk,” Reyes said.",
     {{"We talk,", {{"name", "Reyes May", kNot}}}}},
    // Set 18: "So says NAME" (its cue too), "The NOUN came not from X but
    // from NAME", "The NOUN belongs to NAME"; not "The warning came from the
    // north" nor a "from" after "not".
    {"named_in_the_next_paragraph_so_says",
     "The council met on Tuesday.\n\n“Build the bridge first.”\n\nSo says Mayor Ana Ruiz, who chairs it.",
     {{"Build the bridge first.", {{"name", "Ana Ruiz"}, {"cue", "says"}, {"rule", "named_next_paragraph"}}}}},
    {"named_in_the_next_paragraph_came_from",
     "The council met on Tuesday.\n\n“The budget is gone.”\n\nThe warning came not from a councillor but from "
     "Tom Reyes, who audits it.\n\n“Rates will rise.”\n\nThe warning came not from Tom Reyes, who audits it.",
     {{"The budget is gone.", {{"name", "Tom Reyes"}, {"rule", "named_next_paragraph"}}},
      {"Rates will rise.", {{"rule", "named_next_paragraph", kNot}}}}},
    {"named_in_the_next_paragraph_came_as",
     "The council met on Tuesday.\n\n“The budget is gone.”\n\nThe warning came as figures from the Treasury "
     "showed a deficit.",
     {{"The budget is gone.", {{"rule", "named_next_paragraph", kNot}, {"name", "Treasury", kNot}}}}},
    {"named_in_the_next_paragraph_belongs_to",
     "The council met on Tuesday.\n\n“The budget is gone.”\n\nThe line belongs to Tom Reyes, who has audited "
     "it since 2004.",
     {{"The budget is gone.", {{"name", "Tom Reyes"}, {"cue", ""}, {"rule", "named_next_paragraph"}}}}},
    {"named_in_the_next_paragraph_opinion_nouns_2",
     "The council met on Tuesday.\n\n“Build the bridge first.”\n\nThat was the site of Mayor Ana Ruiz's "
     "first rally, held in May.",
     {{"Build the bridge first.", {{"rule", "named_next_paragraph", kNot}, {"name", "Ana Ruiz", kNot}}}}},
    // “…,” he began: "began" after a whole utterance and its speaker, as an
    // unlisted -ed verb there; not when it runs on ("began to reply") or
    // after a fragment.
    {"began_after_an_utterance_1",
     "Mayor Ana Ruiz took the lectern. “This harbour has waited forty years,” she began, to loud applause.",
     {{"This harbour has waited forty years,", {{"name", "Ana Ruiz"}, {"cue", "began"}}}}},
    {"began_after_an_utterance_2",
     "Mr Brandt warned of “a long winter.” Ada Kessler began to reply. The “harbour levy” began in 2019.",
     {{"a long winter.", {{"mention", "Ada Kessler", kNot}, {"cue", "began", kNot}}},
      {"harbour levy", {{"cue", "began", kNot}}}}},
    // "Would the council, she asked, agree that …": a speech cue set off by
    // commas before the clause's verb frames it; its subject speaks. Not a
    // relative clause (", who spoke,"), nor before a participle.
    {"parenthetical_cue_before_the_verb_1",
     "Ada Kessler stood up. Would the council, she asked, confirm that the levy was “gone for good”?",
     {{"gone for good", {{"name", "Ada Kessler"}, {"cue", "asked"}}}}},
    {"parenthetical_cue_before_the_verb_2",
     "The two ministers, who spoke, confirmed that the levy was “gone for good”.",
     {{"gone for good", {{"mention", "The two ministers"}, {"cue", "confirmed"}}}}},
    {"parenthetical_cue_before_the_verb_3",
     "The levy is gone, Ada Kessler said, adding, “Nobody will miss it.”",
     {{"Nobody will miss it.", {{"name", "Ada Kessler"}, {"cue", "adding"}}}}},
    // "NAME rose to say", "stood up to say": a verb of rising shares its
    // subject with the infinitive cue; not "refused to say" or "got to say".
    {"rising_to_speak_1",
     "Ada Kessler, the member for Lowmoor, rose to say the levy was “a tax on the poor”.",
     {{"a tax on the poor", {{"cue", "say"}, {"mention", "Ada Kessler"}}}}},
    {"rising_to_speak_2",
     "Ada Kessler refused to say whether the levy was “a tax on the poor”. Tom Bale never got to say "
     "“goodbye”.",
     {{"a tax on the poor", {{"cue", "say", kNot}}}, {"goodbye", {{"cue", "say", kNot}}}}},
    // “…,” muttered one. | “…,” another added.: speech with its cue and the
    // words "one"/"another" as the speaker's mention, with no name; not when
    // the clause runs on ("said one of the wardens" names a group).
    {"anonymous_one_1",
     "The wardens were not amused. “Cheap,” muttered one. “Very cheap,” another added.",
     {{"Cheap,", {{"cue", "muttered"}, {"mention", "one"}, {"name", ""}, {"kind", "speech"}}},
      {"Very cheap,", {{"cue", "added"}, {"mention", "another"}, {"name", ""}}}}},
    // Set 19: a headline's "‘…’: NAME" (Straits Times, Indian papers): the
    // name that ends the line after the colon speaks; not a colon before
    // more words ("‘…’: Haziq's bill passes").
    {"headline_quote_colon_name",
     "Economy ‘on track’: Mr Haziq\n\nTalks ‘stalled’: Haziq’s bill waits\n\nMr Haziq spoke on Tuesday.",
     {{"on track", {{"mention", "Mr Haziq"}, {"cue", ":"}, {"rule", "colon_after"}}},
      {"stalled", {{"rule", "colon_after", kNot}}}}},
    // Not a name or a title before the colon: "Booker Prize ‘Orbital’:
    // Samantha Harvey" names the novel's author, not its speaker; a cry
    // still speaks.
    {"colon_after_not_after_a_name",
     "Booker Prize 2024 ‘Orbital’: Samantha Harvey\n\nStrike ‘The Long Goodbye’: Mr Haziq\n\n"
     "Noise ‘Shame!’: Mr Haziq\n\nMr Haziq spoke on Tuesday.",
     {{"Orbital", {{"name", ""}, {"rule", "colon_after", kNot}}},
      {"The Long Goodbye", {{"rule", "colon_after", kNot}}},
      {"Shame!", {{"rule", "colon_after"}}}}},
    // An outlook is a text that speaks: "a trend the council’s latest outlook
    // describes as “…”" has its cue, not "demand" (a noun) before it.
    {"outlook_is_a_text",
     "According to the council, demand for storage has grown by 7% a year, a trend the council’s latest outlook "
     "describes as “structural, not cyclical.”",
     {{"structural, not cyclical.", {{"cue", "describes"}}}}},
    // Set 19: "one of them" (or us) is one of a crowd no one names too.
    {"anonymous_one_of_them",
     "The mayor and her deputy left together. “We will see you in court,” one of them told reporters as they got "
     "into a car.",
     {{"We will see you in court,", {{"cue", "told reporters"}, {"mention", "one of them"}, {"name", ""},
                                     {"kind", "speech"}}}}},
    {"anonymous_said_one_of_them",
     "The mayor and her deputy left together. “We will see you in court,” said one of them. “Not today,” one of "
     "us muttered.",
     {{"We will see you in court,", {{"cue", "said"}, {"mention", "one of them"}, {"name", ""}}},
      {"Not today,", {{"cue", "muttered"}, {"mention", "one of us"}}}}},
    {"anonymous_one_2",
     "The wardens were not amused. “Cheap,” said one of the wardens, Ada Kessler.",
     {{"Cheap,", {{"rule", "anonymous", kNot}}}}},
    // "NAME's answer – that … “…” –", "pointed to NAME's closing remark that
    // …": the possessor of a noun of saying before "that" said it; not
    // without "that" ("NAME's remark about X was “…”").
    {"possessor_of_a_saying_noun_1",
     "Ada Kessler’s answer – that the levy was “a living tax” – pleased nobody.",
     {{"a living tax", {{"name", "Ada Kessler"}}}}},
    {"possessor_of_a_saying_noun_2",
     "The clerk declined to comment but pointed to Ada Kessler's closing remark that the plan was “dead”.",
     {{"dead", {{"name", "Ada Kessler"}, {"cue", "remark"}}}}},
    {"possessor_of_a_saying_noun_3",
     "Ada Kessler’s remark about the levy was “no comment at all”.",
     {{"no comment at all", {{"name", "Ada Kessler", kNot}}}}},
    // "NAME remembers the day well: “…”": a verb of memory before a colon
    // is the quote's cue, not the bare colon.
    {"remembers_before_a_colon", "Ewan Falk remembers the day well: “It rained for a week.”",
     {{"It rained for a week.", {{"cue", "remembers"}, {"name", "Ewan Falk"}}}}},
    // "struck a confident note: “…”": a cue word heading a noun phrase
    // before the colon is a noun, and the colon the cue; an inflected verb
    // there stays the cue ("the heckler yelled:", "issued a stern warning:").
    {"noun_before_a_colon_1", "Chief executive Ada Kessler struck a confident note: “We are moving decisively.”",
     {{"We are moving decisively.", {{"cue", ":"}, {"name", "Ada Kessler"}}}}},
    {"noun_before_a_colon_2", "Asked about the levy, Ms Kessler gave a blunt reply: “No.”",
     {{"No.", {{"cue", ":"}, {"name", "Kessler"}}}}},
    {"noun_before_a_colon_3", "Ms Kessler issued a stern warning: “Pay now.”",
     {{"Pay now.", {{"cue", "issued"}, {"name", "Kessler"}}}}},
    {"noun_before_a_colon_4", "Ms Kessler was halfway through when the heckler yelled: “Resign!”",
     {{"Resign!", {{"cue", "yelled"}, {"mention", "the heckler"}}}}},
    // Set 18: a sentence that opens with someone's words quotes them, past
    // any clause between: "Her verdict …:" (the last she), "NAME's answer
    // was “…”", "NAME had a one-line answer for … when reporters caught him
    // in Quebec City:" (the noun far from the colon is a noun too); a
    // speech verb before the noun phrase stays the cue ("said the answer
    // was:").
    {"words_of_a_possessor_1",
     "Ruth Okafor tunes pianos. She starts at dawn. Her verdict on the grand, delivered on the morning I visit: "
     "“A good piano with a bad childhood.”",
     {{"A good piano with a bad childhood.", {{"name", "Ruth Okafor"}, {"cue", ":"}}}}},
    {"words_of_a_possessor_2", "Why cut the scene? Ms Okafor's answer was “Because it was true.” Go and see it.",
     {{"Because it was true.", {{"name", "Okafor"}, {"rule", "possessor_of_words"}}}}},
    {"words_of_a_possessor_3",
     "The premier had a one-line answer for the marchers when reporters caught him in Quebec City: “We can pay.”",
     {{"We can pay.", {{"mention", "The premier"}, {"cue", ":"}}}}},
    {"words_of_a_possessor_4", "Mr Lund said the answer was simple: “Pay now.”",
     {{"Pay now.", {{"name", "Lund"}, {"cue", "said"}}}}},
    // After "was" only an utterance quoted whole, with its capital: "The
    // government's response was “inadequate”" describes the response.
    {"words_of_a_possessor_5", "Ministers met on Monday. The government's response was “inadequate and late”.",
     {{"inadequate and late", {{"rule", "possessor_of_words", kNot}}}}},
    // "with opposition MPs accusing": after "with" or a determiner, the
    // lower-case word before a mention is its modifier, not a verb whose
    // object the mention is; "officials called" keeps its subject.
    {"modifier_after_with_is_no_verb_1", "The bill passed, with opposition MPs accusing ministers of “cowardice”.",
     {{"cowardice", {{"cue", "accusing"}, {"name", "MPs"}}}}},
    {"modifier_after_with_is_no_verb_2", "The council released the figures and officials called them “grim”.",
     {{"grim", {{"cue", "called"}, {"name", "officials"}}}}},
    // A time phrase between the subject and its cue is skipped whole ("on
    // Monday", not "Monday" alone, which left the object to speak), and an
    // age set off by commas before another appositive.
    {"time_phrase_and_age_before_the_cue",
     "China on Monday urged the United States to \"stop playing with fire\". Mr Ruiz on Monday said it was "
     "\"shocked\". Kirby, 60, of Virginia, told CNN the sale was \"routine.\"",
     {{"stop playing with fire", {{"name", "China"}, {"cue", "urged"}}},
      {"shocked", {{"name", "Ruiz"}, {"cue", "said"}}},
      {"routine.", {{"name", "Kirby"}, {"cue", "told"}}}}},
    // Set 21's constructions, each on a sentence of our own. A headline's or
    // crosshead's quote takes the speaker of the story's quote that holds
    // its words; "her son … he died" does not make her a he; a security
    // guard speaks; ", and said" joins the main clause, not the nearest
    // verb; "which it said" is the body that spoke in the sentence; a
    // transcript records the speaker's words and cites no one else.
    {"set21_echo_and_gender",
     "‘We never got to say goodbye’: Family mourns\n\nThe family spoke to reporters.\n\n‘Not a day goes "
     "by’\n\nHis mother, Rosa Lind, said her son had been out before he died.\n\n“We never got to say goodbye. "
     "Not a day goes by,” she said.",
     {{"We never got to say goodbye", {{"name", "Rosa Lind"}, {"rule", "echo"}}},
      {"Not a day goes by", {{"name", "Rosa Lind"}, {"rule", "echo"}}},
      {"We never got to say goodbye. Not a day goes by,", {{"name", "Rosa Lind"}, {"cue", "said"}}}}},
    {"set21_roles_clauses_and_records",
     "A security guard described him as “aggressive and loud”. The ministry accused the US of \"bullying\" "
     "after Washington added 14 firms to a blacklist, and said it would take \"all necessary measures\". In a "
     "statement, Veridane said its board had approved a buyback, which it said reflected \"confidence\". \"We "
     "are building for the next ten years,\" Dana Whitlock said, according to a transcript of the call.",
     {{"aggressive and loud", {{"mention", "A security guard"}, {"cue", "described"}}},
      {"all necessary measures", {{"mention", "The ministry"}}},
      {"confidence", {{"name", "Veridane"}}},
      {"We are building for the next ten years,", {{"name", "Dana Whitlock"}, {"cue", "said"}}}}},
    // The second review of this session's rules: ", and said" after a
    // fronted clause joins the main clause; a bare role after a newer
    // unnamed one of the same role is that one; a headline with its own cue
    // keeps its speaker; a headline's term is no pull quote; a video
    // statement is a source, not a record; a report a ministry said would
    // be published is a title.
    {"second_review_of_session_rules",
     "After the minister announced the cuts, union leader Jane Porter called a strike, and said the government "
     "had \"declared war on nurses\". Kremlin spokesman Dmitry Peskov said Moscow was \"open to dialogue\". In "
     "Washington, a State Department spokesman rejected the offer. \"We have heard this before,\" the spokesman "
     "said.\n\n\"We will never surrender,\" according to a video statement released by Hamas on Tuesday.\n\n"
     "\"Lessons Learned,\" a report the ministry said would be published in June, will set out the failures.",
     {{"declared war on nurses", {{"name", "Jane Porter"}}},
      {"We have heard this before,", {{"name", "Dmitry Peskov", kNot}}},
      {"We will never surrender,", {{"name", "Hamas"}}},
      {"Lessons Learned,", {{"kind", "title"}}}}},
    {"headlines_with_a_cue_or_a_term",
     "\"Reckless and irresponsible\": Unions condemn pension reform\n\n\"Buy now, pay later\" firms face "
     "crackdown\n\n\"Buy now, pay later products can be a trap,\" said minister Tulip Siddiq.",
     {{"Reckless and irresponsible", {{"name", "Unions"}}}, {"Buy now, pay later", {{"kind", "scare"}}}}},
    // A month that is a given name keeps its place in the speaker's name.
    {"given_names_that_are_months",
     "Jan Egeland said the camps were “full”. April Ryan said it was “absurd”. In June Carter said it was “over”.",
     {{"full", {{"name", "Jan Egeland"}}}, {"absurd", {{"name", "April Ryan"}}}, {"over", {{"name", "Carter"}}}}},
    // The second review of set 19's and 20's rules, each finding on its own
    // sentence. A headline's quote with nothing before it is speech, also in
    // title case (only after a name or a number is it a name: "Booker Prize
    // 2024 ‘Orbital’").
    {"colon_after_a_headline_quote_alone",
     "‘Disgraceful’: Mr Haziq\n\n‘We Will Fight On’: Mr Haziq\n\nMr Haziq spoke on Tuesday.",
     {{"Disgraceful", {{"name", "Haziq"}, {"cue", ":"}, {"rule", "colon_after"}}},
      {"We Will Fight On", {{"name", "Haziq"}, {"rule", "colon_after"}}}}},
    // "Del." after a comma is Delaware before a sentence's opening word, a
    // delegate's title before a name.
    {"delaware_or_a_delegate",
     "The rally was in Dover, Del. The “plan is dead,” said Ana Ruiz. Among the sponsors are Sen. Ana Ruiz, Del. "
     "Tom Hall and Rep. Lee Park. \"It is long overdue,\" Hall said.",
     {{"plan is dead,", {{"name", "Ana Ruiz"}, {"cue", "said"}}},
      {"It is long overdue,", {{"name", "Tom Hall"}, {"type", "person"}}}}},
    // Only offices are roles after an honorific: Ms Judge and Ms Bishop are
    // people called Judge and Bishop.
    {"surnames_that_are_titles_stay_names",
     "Ms Judge said: “The ruling is wrong.” Ms Bishop said: “I agree.” Madam Speaker said: “Order.” “I am "
     "honoured,” said Mr President-elect, smiling.",
     {{"The ruling is wrong.", {{"type", "person"}, {"name", "Judge"}}},
      {"I agree.", {{"type", "person"}, {"name", "Bishop"}}},
      {"Order.", {{"type", "role"}}},
      {"I am honoured,", {{"type", "role"}}}}},
    // The initials of a minister's or president's office stand for its
    // holder, not initials that are an office word themselves ("US
    // Senator"), nor a deputy's office.
    {"initials_of_an_office",
     "US Senator Lindsey Graham backed the measure on Tuesday. \"The sanctions will take effect,\" the US said. "
     "Chief Minister Hari Dubey visited the camp, joined later by Deputy Chief Minister Ravi Nair. \"Relief will "
     "reach everyone,\" the CM said.",
     {{"The sanctions will take effect,", {{"name", "US"}}},
      {"Relief will reach everyone,", {{"name", "Hari Dubey"}}}}},
    // A bare role stands for the person last titled with the same role word.
    {"bare_role_for_the_titled_person",
     "England skipper Harry Kane said the draw was \"frustrating\". \"We have to be better,\" the skipper said. "
     "Labour leader Ana Ruiz called it \"a mess\". \"We will fix it,\" the leader added.",
     {{"We have to be better,", {{"name", "Harry Kane"}}}, {"We will fix it,", {{"name", "Ana Ruiz"}}}}},
    // "hails from" is a birthplace; a participle phrase after a text that
    // speaks goes on to its cue; a writer's own question is no interview's.
    {"hails_from_leaflets_and_rhetorical_questions",
     "Ana Ruiz hails from the \"Rust Belt\" and still lives there. \"We will not be silenced,\" a leaflet "
     "circulated on Monday stated.\n\n\"We will not move,\" said Tom Hall, 54.\n\nBut will the council "
     "listen?\n\n\"We have heard the concerns.\" That was the only word from the town hall.",
     {{"Rust Belt", {{"kind", "scare"}}},
      {"We will not be silenced,", {{"mention", "a leaflet"}, {"cue", "stated"}}},
      {"We have heard the concerns.", {{"name", "Tom Hall", kNot}}}}},
    // A dash, lower-case words and a titled name.
    {"dash_before_a_lower_case_title",
     "“The vote is rigged,” — state Sen. Ana Ruiz, in a statement. Democrats dismissed the report as \"partisan "
     "theatre\" — unlike Sen. Ana Ruiz, who welcomed it. \"The vote is a sham,\" a spokesman, unlike Sen. Tom "
     "Hall, said.",
     {{"The vote is rigged,", {{"name", "Ana Ruiz"}, {"rule", "dash"}}},
      {"partisan theatre", {{"name", "Democrats"}, {"cue", "dismissed"}}},
      {"The vote is a sham,", {{"mention", "a spokesman"}}}}},
    // A verb set off by commas inside a relative clause speaks only when
    // the quote follows its aside; here the clause goes on ("was doomed").
    {"relative_clause_verb_past_an_aside",
     "Ana Ruiz called the plan, which critics said, privately, was doomed, “a bold bet”. Mr Hale, who said, "
     "quietly, “Enough,” left. The plan was criticised by Lee Park, who said, in a statement on Monday, that it "
     "was \"a disaster for renters\".",
     {{"a bold bet", {{"name", "Ana Ruiz"}, {"cue", "called"}}},
      {"Enough,", {{"name", "Hale"}, {"cue", "said"}}},
      {"a disaster for renters", {{"name", "Lee Park"}, {"cue", "said"}}}}},
    // A relative clause set off by a comma after the quote speaks for its
    // antecedent; one without a comma describes it.
    {"relative_clause_after_the_quote_with_a_comma",
     "“Not again” was the reaction of residents, who said the river had flooded twice. “Never again” is the "
     "motto of a mayor who rarely speaks. The \"smart motorway\" programme was halted by the government, which "
     "said the cost had tripled.",
     {{"Not again", {{"name", "residents"}, {"cue", "said"}}},
      {"Never again", {{"name", ""}}},
      {"smart motorway", {{"kind", "scare"}}}}},
    // "one of them" named right after it; a participle's object before the
    // cue is no subject ("representing the family"), a name after a
    // preposition's object is ("the plan Ana Ruiz said").
    {"one_of_them_named_and_participle_objects",
     "“We were never told,” said one of them, Ana Ruiz, a nurse. Lawyers representing the family said the "
     "ruling was “a travesty”. Residents opposing the plan Ana Ruiz said was \"reckless\" met on Monday.",
     {{"We were never told,", {{"name", "Ana Ruiz"}, {"cue", "said"}}},
      {"a travesty", {{"name", "Lawyers"}}},
      {"reckless", {{"name", "Ana Ruiz"}}}}},
    // After a title "He" is the Chinese surname, not the pronoun: the names
    // are whole, and a later "He" and "She" find their people.
    {"surname_he_after_a_title",
     "Vice Premier He Lifeng met Treasury Secretary Janet Yellen in Beijing on Friday. He, for his part, said "
     "the two sides should \"strengthen dialogue\". She said the talks were \"candid\". Mr He told reporters: "
     "\"We welcome the visit.\" China’s Vice Foreign Minister He Yafei called it \"a good start\".",
     {{"strengthen dialogue", {{"name", "He Lifeng"}, {"mention", "He"}}},
      {"candid", {{"name", "Janet Yellen"}}},
      {"We welcome the visit.", {{"name", "He Lifeng"}, {"mention", "Mr He"}}},
      {"a good start", {{"name", "He Yafei"}}}}},
    // A titled name after "the" is a person, not a body named "Prime
    // Minister Boris Johnson"; a name ending in a body's word stays a body.
    {"titled_name_after_a_determiner",
     "The Prime Minister Boris Johnson said the deal was \"oven-ready\". Earlier, the Foreign Secretary Dominic "
     "Raab told MPs it was \"a good deal\". The Chinese President Xi Jinping said it was \"a new era\". The "
     "Senator John Heinz History Center said it was \"closed\". Mr Johnson added: \"We are ready.\"",
     {{"oven-ready", {{"name", "Boris Johnson"}, {"type", "person"}}},
      {"a good deal", {{"name", "Dominic Raab"}, {"type", "person"}}},
      {"a new era", {{"name", "Xi Jinping"}, {"type", "person"}}},
      {"closed", {{"type", "organization"}}},
      {"We are ready.", {{"name", "Boris Johnson"}}}}},
    // A name particle capitalised at a sentence's start is the same word;
    // sports positions are roles before a name.
    {"capitalised_particle_and_sports_roles",
     "\"This is a historic day,\" said Ursula von der Leyen, president of the European Commission. Von der Leyen "
     "said the deal \"opens a new chapter\". Robert De Niro called it \"a farce\". De Niro said it was "
     "\"sad\". Quarterback Patrick Mahomes said they would \"bounce back\".",
     {{"opens a new chapter", {{"name", "Ursula von der Leyen"}}},
      {"sad", {{"name", "Robert De Niro"}}},
      {"bounce back", {{"name", "Patrick Mahomes"}}}}},
    // A past form after a speech verb's prepositional object is that
    // object's participle ("a video posted"); a body's possessive before a
    // person's role is part of the role; bands and clubs speak; "portrayed
    // X as a …" describes an object, no inverted speaker.
    {"participle_in_cue_phrase_and_possessive_roles",
     "Ms Ardern, 43, said in a video posted on Instagram that she had \"nothing left in the tank\". The minister "
     "said on Monday in a statement posted online that it was \"regrettable\". Residents in the area posted on "
     "Facebook that it was \"a disaster\". The deal collapsed when Bremen rejected two bids, with the German "
     "club's sporting director, Lukas Brandt, insisting the player was \"not for sale at any price\". The band "
     "said in a post shared with fans that the tour was \"cancelled for now\". Ryan, who has called the remarks "
     "\"racially toxic,\" portrayed his own party's nominee as a risk.",
     {{"nothing left in the tank", {{"name", "Ardern"}, {"cue", "said"}}},
      {"regrettable", {{"mention", "The minister"}, {"cue", "said"}}},
      {"a disaster", {{"mention", "Residents in the area"}, {"cue", "posted"}}},
      {"not for sale at any price", {{"name", "Lukas Brandt"}}},
      {"cancelled for now", {{"mention", "The band"}, {"type", "organization"}}},
      {"racially toxic,", {{"name", "Ryan"}}}}},
    // "according to BODY role NAME" names the person; post-nominals are no
    // part of a name.
    {"according_to_body_role_name_and_post_nominals",
     "According to Westpac chief economist Luci Ellis, a cut is \"still possible\". The man's barrister, Tom "
     "Reid SC, argued his client was \"deeply remorseful\". Labour's Jane Hale MP said it was \"a scandal\". "
     "According to Smith, the plan was \"dead\".",
     {{"still possible", {{"name", "Luci Ellis"}, {"rule", "according_to"}}},
      {"deeply remorseful", {{"name", "Tom Reid"}}},
      {"a scandal", {{"name", "Jane Hale"}}},
      {"dead", {{"name", "Smith"}}}}},
    // MP and MEP are titles before a name; "the MP" is its holder.
    {"member_of_parliament_titles",
     "Labour MP Diane Abbott said the record was \"mixed at best\". The MP later said it was \"a betrayal\". "
     "Conservative MEP Anna Berg called it \"a farce\".",
     {{"mixed at best", {{"name", "Diane Abbott"}}},
      {"a betrayal", {{"name", "Diane Abbott"}}},
      {"a farce", {{"name", "Anna Berg"}}}}},
    // Sports clubs are bodies; "CLUB boss NAME" opening a sentence is its
    // subject for a he after it; a paragraph quote after "The Pole, who …,
    // chose his words" goes on with the speaker before; whom someone told is
    // no epithet's person.
    {"sports_report_subjects_and_epithets",
     "Referee Daniel Pryce gave a penalty after Hexworth Rovers striker Kieran Dunne went down.\n\n"
     "Rovers boss Neil Garside was in no doubt that Pryce had got it right.\n\n"
     "\"He's through on goal,\" he said.\n\n"
     "Castlebridge manager Paweł Jankowski told BBC Sport it was \"a joke\".\n\n"
     "The 45-year-old said it was \"unfair to everyone\".\n\n"
     "The Pole, who has been fined twice this season, then chose his words more carefully.\n\n"
     "\"I'm not going to criticise the referee as a person.\"",
     {{"He's through on goal,", {{"name", "Neil Garside"}}},
      {"unfair to everyone", {{"name", "Paweł Jankowski"}}},
      {"I'm not going to criticise the referee as a person.", {{"name", "Paweł Jankowski"}, {"rule", "continuation"}}}}},
    // "NAME, who VERBS …, an appositive, said": the name before ", who"; an
    // aside right after "who" is the clause's own. "MP for PLACE, NAME,":
    // the name. "reminded MPs that" speaks, "reminded him of" does not, and
    // whom one reminds is never an inverted speaker.
    {"relative_clause_appositive_constituency_and_remind",
     "Sunil Khandelwal, who heads the Centre for Electoral Research, a Delhi-based think tank, said the DJM could "
     "\"decide the result in 20 seats.\" Labour MP for Thornbury Vale, Meera Chaudhry, asked whether pensioners "
     "had been \"frightened half to death\". He reminded MPs that the bands were set in 1991, \"when houses "
     "were cheap\". The schools reminded Ana Ruiz of \"a third-world country,\" she said. The NBC executive in "
     "charge of \"Today,\" reminded his staff about the rules.",
     {{"decide the result in 20 seats.", {{"name", "Sunil Khandelwal"}}},
      {"frightened half to death", {{"name", "Meera Chaudhry"}}},
      {"when houses were cheap", {{"cue", "reminded"}}},
      {"a third-world country,", {{"cue", "reminded", kNot}}},
      {"Today,", {{"rule", "post_cue_speaker", kNot}}}}},
    // Three capitalised words before a title; a full stop outside the marks
    // ends the sentence, so the next one's speaker is not the quote's;
    // "ordered officials to" reports an order.
    {"three_words_before_a_title_and_stop_outside_the_marks",
     "India's External Affairs Minister S. Jaishankar said ties were \"on a good trajectory\". The mayor met "
     "officials about the \"flood plan\". Samsung said profit was \"sharply lower\". South Korea's acting "
     "president, Choi Sang-mok, ordered officials to \"minimise the impact\".",
     {{"on a good trajectory", {{"name", "S. Jaishankar"}, {"mention", "India's External Affairs Minister S. Jaishankar"}}},
      {"flood plan", {{"name", "Samsung", kNot}}},
      {"minimise the impact", {{"name", "Choi Sang-mok"}, {"cue", "ordered"}}}}},
    // An Arabic article joined by a hyphen is part of a name, in either
    // case; a short form takes a full name written before it over a longer
    // one written after.
    {"arabic_articles_and_earlier_full_names",
     "Iraqi cleric Moqtada al-Sadr wrote on X that the vote was \"a farce\". Al-Sadr said it was \"rigged\". "
     "Saudi Crown Prince Mohammed bin Salman said the kingdom was \"committed to stability\". Prince Mohammed "
     "added that talks would \"continue\". Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, "
     "said talks were in \"a critical phase\".",
     {{"a farce", {{"name", "Moqtada al-Sadr"}, {"cue", "wrote"}}},
      {"rigged", {{"name", "Moqtada al-Sadr"}}},
      {"continue", {{"name", "Mohammed bin Salman"}}},
      {"a critical phase", {{"name", "Mohammed bin Abdulrahman Al Thani"}}}}},
    // A review's findings: venues named after a title stay bodies; an
    // unlisted verb's speaker before "as the crowd jeered"; "according to A
    // and B" is A; an epithet that is no epithet ("The German economy")
    // continues no one; "analysts speaking at … warned" keeps "warned"; the
    // exact case of a name's words first; a role before ", who"; club, role
    // and person after an inverted cue; "He" after a lower-case word is a
    // surname; MSP after a name is no role.
    {"review_of_session_rules",
     "\"We are at capacity,\" said the Queen Elizabeth Hospital. \"It is over,\" sighed Smith as the final "
     "whistle blew. \"The deal is dead,\" according to Mr Smith and his lawyer Tom Jones.\n\n"
     "Chancellor Olaf Scholz said growth was \"too weak\".\n\nThe German economy shrank by 0.3% in the last "
     "quarter.\n\n\"Exporters are suffering badly.\"\n\nAnalysts speaking at the forum warned that \"the "
     "bubble will burst\". Maria de Souza and Joao De Souza were arrested. \"I am innocent,\" De Souza said. The "
     "lawyer, who represents Jane Doe, a nurse, said it was \"unfair\". \"It was a good point,\" said Leyton "
     "Orient boss Richie Wellens. \"We oppose this,\" said Foreign Ministry spokesperson He Yadong. \"It is a "
     "mess,\" said Ruth Davidson MSP.",
     {{"We are at capacity,", {{"type", "organization"}}},
      {"It is over,", {{"name", "Smith"}}},
      {"The deal is dead,", {{"mention", "Mr Smith"}}},
      {"Exporters are suffering badly.", {{"name", "Olaf Scholz", kNot}}},
      {"the bubble will burst", {{"cue", "warned"}}},
      {"I am innocent,", {{"name", "Joao De Souza"}}},
      {"unfair", {{"mention", "The lawyer"}}},
      {"It was a good point,", {{"name", "Richie Wellens"}}},
      {"We oppose this,", {{"name", "He Yadong"}}},
      {"It is a mess,", {{"name", "Ruth Davidson"}, {"type", "person"}}}}},
    // Someone's words before a colon: the colon is the cue.
    {"possessor_of_words_with_a_colon",
     "Mr Ashcombe’s answer came without a pause: “I have read it. I suspect she has not.”",
     {{"I have read it. I suspect she has not.", {{"name", "Ashcombe"}, {"cue", ":"}, {"rule", "possessor_of_words"}}}}},
    // Set 23's constructions, each on a sentence of our own. A headline's
    // quote that opens with a capital echoes a story quote holding its words
    // mid-sentence; occupations of science, health and weather copy speak
    // (a forecaster, a coroner, an epidemiologist, a co-author); "under the
    // title" names a work, and so does a title-case appositive after
    // "guidance".
    {"set23_echo_case_occupations_and_titles",
     "‘The river rose like a wall’: Farmers count the cost\n\n"
     "The flood hit overnight.\n\n"
     "“I heard a roar and the river rose like a wall,” said Bill Tarrant, a farmer.\n\n"
     "A Weatherwise forecaster said the rain would bring “little relief” to the valley. The coroner said the "
     "death was “a tragedy”. An epidemiologist at the institute said the cases were “worrying”. Co-author "
     "Nadia Perrin said the data were “clear”. The paper appeared under the title “Floods and Farms, "
     "1990-2020,” last month. The council pointed to its guidance for landlords, “Damp and Mould: What to "
     "Do,” which it published in May.",
     {{"The river rose like a wall", {{"name", "Bill Tarrant"}, {"rule", "echo"}}},
      {"little relief", {{"mention", "A Weatherwise forecaster"}, {"cue", "said"}}},
      {"a tragedy", {{"mention", "The coroner"}}},
      {"worrying", {{"mention", "An epidemiologist at the institute"}}},
      {"clear", {{"name", "Nadia Perrin"}}},
      {"Floods and Farms, 1990-2020,", {{"kind", "title"}}},
      {"Damp and Mould: What to Do,", {{"kind", "title"}}}}},
    // Bodies whose names hold "and": capitalised modifiers joined by it
    // before a body's noun, a tail's name after "of", "for" or "for the",
    // and two bare words joined by it in a name also written before a role
    // and a name. Not a
    // person's role and a full name ("the prime minister of Britain and
    // Emmanuel Macron"), nor two words one of which stands alone elsewhere
    // (the surnames of people named before, or after).
    {"and_in_body_names",
     "The Food and Drug Administration said the drug was \"safe\". The Department of Health and Social Care "
     "said the risk was \"low\". A spokesman for the Centers for Disease Control and Prevention said it was "
     "\"watching\". Fire and Emergency spokesman Tom Reid arrived. In a statement, Fire and Emergency said crews were "
     "\"stretched\". Amazon and Google said the rules were \"unworkable\". It said the cause was "
     "\"unknown\". Tom Hale and Rita Ruiz met on Monday. Hale and Ruiz said the deal was \"close\". The prime "
     "minister of Britain and Emmanuel Macron said it was \"good\". Ortiz said it was \"late\". Later, Hale and "
     "Ortiz issued a statement calling it \"a step\".",
     {{"safe", {{"name", "Food and Drug Administration"}, {"type", "organization"}}},
      {"low", {{"name", "Department of Health and Social Care"}}},
      {"watching", {{"mention", "A spokesman for the Centers for Disease Control and Prevention"}}},
      {"stretched", {{"name", "Fire and Emergency"}, {"type", "organization"}}},
      {"unworkable", {{"name", "Amazon and Google", kNot}}},
      {"unknown", {{"name", "Fire and Emergency"}, {"mention", "It"}}},
      {"close", {{"name", "Rita Ruiz"}}},
      {"good", {{"name", "Emmanuel Macron"}}},
      {"a step", {{"name", "Hale and Ortiz", kNot}, {"type", "organization", kNot}}}}},
    // A role's tail stops before a title that heads a name: the governor
    // speaks, not the bank (held-out set 24's markets wrap).
    {"title_after_a_body_tail",
     "Bank of Japan Governor Kenji Morimoto said the bank would \"act\". The yen fell after Bank of England "
     "Governor Andrew Bailey said rates were \"restrictive\". A spokesman for the Prime Minister's Office said "
     "it was \"calm\".",
     {{"act", {{"name", "Kenji Morimoto"}, {"type", "person"}}},
      {"restrictive", {{"name", "Andrew Bailey"}}},
      {"calm", {{"mention", "A spokesman for the Prime Minister's Office"}}}}},
    // An appositive that names a title ("titled “…”") does not hide the
    // subject before it; "It" then is that document (held-out set 24).
    {"titled_appositive_before_a_cue",
     "The ten-page memo, titled “Ports: A Plan for Recovery” and dated 2 May, says the levy should be "
     "“phased in over two years”. It also warns against “any sudden change”.",
     {{"Ports: A Plan for Recovery", {{"kind", "title"}}},
      {"phased in over two years", {{"mention", "The ten-page memo"}, {"cue", "says"}}},
      {"any sudden change", {{"name", "ten-page memo"}, {"mention", "It"}}}}},
    // A society, alliance, league or authority heads a body's name and takes
    // its "for" or "of" tail, but not as the first part of a hyphenated word
    // ("centre-right"); "and" joins capitalised modifiers only ("The
    // ceasefire collapsed and Israeli officials said"); two bare words
    // joined by "&" are a firm.
    {"body_nouns_and_ampersands",
     "The Royal Society for the Protection of Birds said the decision was \"shocking\". The Alliance for Public "
     "Land said it was \"pleased\". The league said the ban was \"final\". Kestrel & Moss said the merger was "
     "\"on track\". The centre-right government said the plan was \"firm\". The ceasefire collapsed and "
     "Israeli officials said it was \"over\".",
     {{"shocking", {{"name", "Royal Society for the Protection of Birds"}}},
      {"pleased", {{"name", "Alliance for Public Land"}}},
      {"firm", {{"mention", "The centre-right government"}}},
      {"over", {{"mention", "Israeli officials"}}},
      {"final", {{"mention", "The league"}, {"type", "organization"}}},
      {"on track", {{"name", "Kestrel & Moss"}, {"type", "organization"}}}}},
    // Offices named with a postpositive "general" ("the attorney general",
    // "the director-general"), and a role noun after a role's possessive
    // ("the sheriff's office", "the paper's editorial board"), not only a
    // person's role noun.
    {"general_offices_and_possessed_bodies",
     "\"We will appeal,\" the attorney general told reporters. \"Smoking kills,\" the surgeon general warned. "
     "\"It is under review,\" the director-general said. \"The report is damning,\" the inspector general wrote. "
     "\"We will fight it,\" said the state's attorney general, Ana Ruiz. \"The inquiry goes on,\" the sheriff's "
     "office said. \"We stand by it,\" the paper's editorial board wrote. \"We are ready,\" the general said.",
     {{"We will appeal,", {{"mention", "the attorney general"}, {"cue", "told reporters"}}},
      {"Smoking kills,", {{"mention", "the surgeon general"}}},
      {"It is under review,", {{"mention", "the director-general"}}},
      {"The report is damning,", {{"mention", "the inspector general"}}},
      {"We will fight it,", {{"name", "Ana Ruiz"}}},
      {"The inquiry goes on,", {{"mention", "the sheriff's office"}, {"type", "organization"}}},
      {"We stand by it,", {{"mention", "the paper's editorial board"}}},
      {"We are ready,", {{"mention", "the general"}}}}},
    // "head" heads a role before "of" only; a hyphenated "general" office is
    // a title before a name.
    {"head_of_and_general_titles",
     "The head of the World Health Organization warned that the outbreak was \"far from over\". \"We are "
     "seeing a rise,\" Director-General Ana Ruiz told reporters. Tom Hale shook his head. \"Nobody asked us.\"",
     {{"far from over", {{"mention", "The head of the World Health Organization"}, {"cue", "warned"}}},
      {"We are seeing a rise,", {{"name", "Ana Ruiz"}}},
      {"Nobody asked us.", {{"name", "Tom Hale"}}}}},
    // A plural's bare apostrophe before a role noun modifies it; two
    // capitalised words after a lower-case tail are the holder's name; "of"
    // opens no name; a committee's "on" phrase ends like a field, not a
    // place; a person after a preposition of time is still a verb's object
    // before a participle (a text there speaks, above).
    {"review_of_the_role_rules",
     "“We had no choice,” the drivers’ union said on Friday. \"Markets have priced this in,\" head of research "
     "Guy Foster said. \"We are ready,\" the Inspector General of the Department of Justice said. The Senate "
     "Finance Committee on Capitol Hill said it was \"done\". The senator went after the governor calling his "
     "budget \"a fantasy\".",
     {{"We had no choice,", {{"mention", "the drivers’ union"}}},
      {"Markets have priced this in,", {{"name", "Guy Foster"}}},
      {"We are ready,", {{"name", "Inspector General of the Department of Justice"}}},
      {"done", {{"name", "Senate Finance Committee on Capitol Hill", kNot}}},
      {"a fantasy", {{"mention", "The senator"}}}}},
    // "call for" is a cue of its own, whose object is no inverted speaker;
    // a resolution is a text that speaks (held-out set 25).
    {"call_for_and_resolutions",
     "The resolution, which was drafted by France and Ghana over three weeks, calls for an \"immediate "
     "ceasefire\" in the valley. Ana Ruiz said she had not yet called for the governor's resignation because "
     "\"we need to focus on the people\".",
     {{"immediate ceasefire", {{"mention", "The resolution"}, {"cue", "calls for"}}},
      {"we need to focus on the people", {{"name", "governor", kNot}}}}},
    // Plurals of offices are groups: a coordination in the role's tail
    // stays inside it.
    {"plural_offices",
     "\"The door remains open,\" the presidents of Egypt and Qatar said in a joint statement. Police chiefs "
     "said the plan was \"unworkable\".",
     {{"The door remains open,", {{"mention", "the presidents of Egypt and Qatar"}, {"type", "group"}}},
      {"unworkable", {{"mention", "Police chiefs"}}}}},
    // A participle after the object of a preposition has that object as its
    // subject ("after the editorial telling him"); a place phrase with a
    // determiner may follow a described subject ("A document on the
    // campaign's website states"), not a name ("winning Ohio in the primary").
    {"participle_after_a_preposition_and_place_phrases",
     "Ruiz left only after the newspaper's editorial telling her to \"go home now\". A document on the "
     "campaign's website states that leave applies only if the marriage is \"recognized under state law\".",
     {{"go home now", {{"mention", "the newspaper's editorial"}, {"cue", "telling"}}},
      {"recognized under state law", {{"mention", "A document"}}}}},
};

BOOST_DATA_TEST_CASE(table, boost::unit_test::data::make(kFrames), c) { check_case(c); }

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(resolution)

const Case kResolution[] = {
    // "the" and a body's noun name the body last written with it in a
    // fuller name; not a description ("the California-based company"), nor
    // an acronym (a name of its own). A committee's name goes on past "on".
    // Not when the body that fits spoke in a subordinate clause only, when
    // two bodies fit or one was described with the noun, nor "the House"
    // for the "White House" (a capitalised noun must open the name).
    {"the_noun_left_alone_when_unsure",
     "Barclays cut its rates on Monday, days after the Bank of England held rates. \"We remain committed,\" the "
     "bank said. The GMB union said its members would strike. European Union rules are under review. \"Enough,\" "
     "the union said. The Foreign Ministry said it disagreed. The Defence Ministry said it agreed. \"We are "
     "concerned,\" the ministry said. The White House said it was \"pleased\". \"It passed,\" the House said.",
     {{"We remain committed,", {{"name", "bank"}}},
      {"Enough,", {{"name", "union"}}},
      {"We are concerned,", {{"name", "ministry"}}},
      {"It passed,", {{"name", "House"}}}}},
    {"the_capitalised_noun_names_the_body",
     "The Ministry of Foreign Affairs said it was \"firm\". \"It is final,\" the Ministry said. The Washington "
     "Post reported the plan on Monday. The Post said it was \"dead\".",
     {{"It is final,", {{"name", "Ministry of Foreign Affairs"}}}, {"dead", {{"name", "Washington Post"}}}}},
    {"the_noun_names_the_body_written_before",
     "The Foreign Ministry said it disagreed. \"We are concerned,\" the ministry said. The Bank of Canada held "
     "rates. \"Inflation is easing,\" the bank said. The California-based company said it would appeal. \"We "
     "disagree,\" the company said. The Junge SVP marched. \"No,\" the SVP said. The Joint Standing Committee on "
     "Foreign Affairs met on Monday. \"We need answers,\" the committee said.",
     {{"We are concerned,", {{"name", "Foreign Ministry"}, {"mention", "the ministry"}}},
      {"Inflation is easing,", {{"name", "Bank of Canada"}}},
      {"We disagree,", {{"name", "company"}}},
      {"No,", {{"name", "SVP"}}},
      {"We need answers,", {{"name", "Joint Standing Committee on Foreign Affairs"}}}}},
    // A capitalised person role before a first and last name, or leading
    // one, describes the person and is not part of the entity's name.
    {"role_word_before_a_name_1", "“We are ready,” Trust Spokeswoman Lena Ortiz said on Monday.",
     {{"We are ready,", {{"mention", "Trust Spokeswoman Lena Ortiz"}, {"name", "Lena Ortiz"}}}}},
    {"role_word_before_a_name_2", "Analyst Tom Reyes called the forecast “too rosy”. Reyes said it was “hopeful”.",
     {{"too rosy", {{"name", "Tom Reyes"}}}, {"hopeful", {{"name", "Tom Reyes"}}}}},
    {"role_word_before_a_name_3",
     "Harbour Police Chief Dana Webb spoke first. “Stay home,” Chief Webb said.",
     {{"Stay home,", {{"name", "Dana Webb"}}}}},
    {"role_word_before_a_name_4", "“It will pass,” Mary Judge said. “Give it time,” Dale Porter said.",
     // A surname that is also a role stays.
     {{"It will pass,", {{"name", "Mary Judge"}}}, {"Give it time,", {{"name", "Dale Porter"}}}}},
    // "NAME of FIRM": a first and last name before "of" is the person, even
    // when the firm's last word names a body; "Bank of Ireland" stays whole.
    {"person_of_a_firm",
     "“It is both,” said Priya Castellano of Harbridge Securities. The Bank of Ireland said rates were “stable”.",
     {{"It is both,", {{"name", "Priya Castellano"}}}, {"stable", {{"name", "Bank of Ireland"}}}}},
    // "who" after a firm joined by "&" to a role or to "NAME of": the person.
    {"who_after_a_firm_with_an_ampersand_1",
     "The call went on. That did not satisfy Tom Brannigan, an analyst at Ostler & Finch, who pressed: “Why now?”",
     {{"Why now?", {{"name", "Tom Brannigan"}}}}},
    {"who_after_a_firm_with_an_ampersand_2", "She met Ana Ruiz of Pike & Vale, who said the deal was “dead.”",
     {{"dead.", {{"name", "Ana Ruiz"}}}}},
    {"who_after_a_firm_with_an_ampersand_3", "Sales fell at Marks & Spencer, which called the quarter “tough.”",
     // "which" keeps the firm.
     {{"tough.", {{"mention", "which"}, {"type", "organization"}}}}},
    // British police ranks, written short, are honorifics.
    {"police_rank_before_a_name",
     "Det Insp Hollie Marsh said: “We need witnesses.” PC Jo Reid told the paper: “Call us.”",
     {{"We need witnesses.", {{"name", "Hollie Marsh"}}}, {"Call us.", {{"name", "Jo Reid"}}}}},
    {"a_titled_persons_of_names_a_place_1",
     "Sen. Ruth Abbot of Ohio said the bill was “dead”. Abbot said it was “finished”.",
     {{"dead", {{"name", "Ruth Abbot"}}},
      {"finished", {{"name", "Ruth Abbot"}}}}},
    {"a_titled_persons_of_names_a_place_2", "The Bank of Ireland said rates were “stable”.",
     // A body keeps its "of".
     {{"stable", {{"name", "Bank of Ireland"}}}}},
    {"which_after_a_phrase_does_not_make_a_person_a_body",
     "Priya Sexton spoke on Monday. Sexton said the plan, which was drafted last year, would fail, "
     "adding: “It cannot work.”",
     {{"It cannot work.", {{"name", "Priya Sexton"}, {"type", "person"}}}}},
    {"a_word_after_a_closing_quote_opens_a_sentence",
     "Rivera said: “The country is ready.” Optimism runs high that a “new era of trade” is near.",
     {{"new era of trade", {{"name", "Optimism", kNot}}}}},
    {"a_name_that_takes_which_is_a_body",
     "The ministry declined to comment. Farmers Ireland, which speaks for growers, met officials on Monday. "
     "It said the levy was “unfair”.",
     {{"unfair", {{"name", "Farmers Ireland"}, {"mention", "It"}}}}},
    {"a_report_released_by_a_body_speaks_for_it_1",
     "The council rejected a report on housing. The report, published on Friday by the Tenants Alliance, "
     "said rents had become “impossible”.",
     {{"impossible", {{"name", "Tenants Alliance"}}}}},
    {"a_report_released_by_a_body_speaks_for_it_2",
     "The council rejected a report that called rents “impossible”. The report said "
     "tenants were “desperate”.",
     // A text the speaker rejects is not the speaker's own.
     {{"desperate", {{"name", "report"}}}}},
    // The subject of a verb of issuing issued the text, and "It" after "The
    // statement said" is the statement, so its issuer.
    {"a_text_issued_without_a_speech_verb",
     "The dockers' union released a statement on Monday. The statement said the offer was “an insult”. It "
     "added that members were “ready to strike”.",
     {{"an insult", {{"name", "dockers' union"}, {"mention", "The statement"}}},
      {"ready to strike", {{"name", "dockers' union"}, {"mention", "It"}}}}},
    {"a_text_issued_without_a_speech_verb_2",
     "The governments of Amaria and Kelt issued a joint statement. A joint technical commission will meet "
     "by the end of June. The statement called the talks “frank”. It added that both sides were “hopeful”.",
     {{"frank", {{"name", "governments of Amaria and Kelt"}}},
      {"hopeful", {{"name", "governments of Amaria and Kelt"}, {"mention", "It"}}}}},
    // Any verb of issuing (data/lexicon/issuing.txt) names the issuer after "by".
    {"a_report_released_by_a_body_speaks_for_it_3",
     "A letter, signed on Friday by the Harbour Workers Union, called the plan “reckless”. The statement, "
     "put out by the Port Authority, described the strike as “regrettable”.",
     {{"reckless", {{"name", "Harbour Workers Union"}, {"mention", "A letter"}}},
      {"regrettable", {{"name", "Port Authority"}}}}},
    {"the_statement_is_the_last_statement_not_the_last_text",
     "The union said in a statement that the offer was “an insult”. The company released a report on "
     "Monday. The statement also called the talks “a charade”.",
     {{"a charade", {{"name", "union"}}}}},
    {"the_office_is_the_person_last_titled_with_it",
     "Transport Secretary Anna Pryce opened the bridge on Monday. Engineers praised the design. "
     "The secretary said the project was “a model”. The prime minister said it was “late”.",
     {{"a model", {{"name", "Anna Pryce"}, {"mention", "The secretary"}, {"type", "person"}}},
      // Another office is not hers; it stays a role.
      {"late", {{"name", "prime minister"}, {"type", "role"}}}}},
    {"an_indefinite_office_is_nobody_in_particular",
     "Health Minister Ravi Sen arrived. A minister said the plan was “costly”.",
     {{"costly", {{"name", "minister"}}}}},
    {"pronoun_after_a_speaking_office_holder",
     "“We are ready,” said Labour Minister Carla Mendes.\n\n"
     "“It will cost jobs,” said Piet Vos, an analyst.\n\n"
     "The minister argued that the reform could wait. “There is no rush,” she said.",
     // The last person named is a man who spoke before; "she" is the minister,
     // subject of the sentence before the quote.
     {{"There is no rush,", {{"name", "Carla Mendes"}, {"mention", "she"}}}}},
    {"title_and_surname_to_full_name",
     "Helen Marsh arrived in Oslo on Tuesday. Later, Ms Marsh said the visit was “overdue”.",
     {{"overdue", {{"name", "Helen Marsh"}, {"mention", "Ms Marsh"}, {"type", "person"}}}}},
    {"family_name_first", "She met Park Jiwoo, the trade envoy. Mr Park said both sides were “close”.",
     {{"close", {{"name", "Park Jiwoo"}}}}},
    {"pronoun_to_last_named_person",
     "The deal followed a visit by Tomas Ruiz in May. That trip went well, with Mr Ruiz meeting "
     "the prime minister. He later stressed the need for “patience”.",
     {{"patience", {{"mention", "He"}, {"name", "Tomas Ruiz"}}}}},
    {"pronoun_to_speaker_of_previous_sentence",
     "A Treasury spokeswoman said the minister had been “fully briefed”. Asked about tax, she said "
     "that was “a matter for the budget”.",
     {{"a matter for the budget", {{"mention", "she"}, {"name", "Treasury spokeswoman"}}}}},
    // A pronoun inside a clause that its antecedent reports: the reporting
    // subject is the source (PolNeAR marks the outermost one).
    {"pronoun_in_clause_reported_by_its_antecedent_1",
     "Ms Vale said the plan was “sound”. Later, Nora Blythe said she recalled thinking “this will "
     "not last”.",
     {{"this will not last", {{"mention", "Nora Blythe"}, {"name", "Nora Blythe"}}}}},
    {"pronoun_in_clause_reported_by_its_antecedent_2",
     "Omar Haddad told reporters on Monday that he had warned of “a slow collapse”.",
     {{"a slow collapse", {{"mention", "Omar Haddad"}, {"cue", "told reporters"}, {"tone_lemma", "warn"}}}}},
    // Another speaker inside a clause that a speech verb reports: the reporting
    // subject is the source, with its own name.
    {"speaker_in_reported_clause_to_reporting_subject_1",
     "Rep. Amara Diallo said the mayor had called the budget “a disgrace”.",
     {{"a disgrace",
       {{"mention", "Rep. Amara Diallo"}, {"name", "Amara Diallo"}, {"cue", "said"}, {"tone_lemma", "call"}}}}},
    // The source's own verb is the cue; the verb that introduces the quote
    // is what the tone model reads.
    {"speaker_in_reported_clause_to_reporting_subject_2",
     "The embassy said a letter from the council demanded “an immediate halt to the works”.",
     {{"an immediate halt to the works", {{"mention", "The embassy"}, {"cue", "said"}, {"tone_lemma", "demand"}}}}},
    // A pronoun that is itself the subject of the cue stays the mention.
    {"pronoun_direct_speaker_keeps_its_mention_1",
     "Nora Blythe chaired the inquiry. Later, she said the report was “long overdue”.",
     {{"long overdue", {{"mention", "she"}, {"name", "Nora Blythe"}}}}},
    {"pronoun_direct_speaker_keeps_its_mention_2",
     "Nora Blythe said the talks had ended on Monday, though she said “the door is open”.",
     // A second cue of the same person, not reporting the first: still "she".
     {{"the door is open", {{"mention", "she"}, {"name", "Nora Blythe"}}}}},
    {"pronoun_direct_speaker_keeps_its_mention_3",
     "The tariffs, which she called “a tax on families”, were dropped after Nora Blythe objected.",
     {{"a tax on families", {{"mention", "she"}}}}},
    // "X condemned what he called “…”": the naming is the subject's.
    {"what_pronoun_called_to_clause_subject_1",
     "Lena Ortiz attacked what she called “a reckless gamble” with public money.",
     {{"a reckless gamble", {{"mention", "Lena Ortiz"}, {"name", "Lena Ortiz"}, {"cue", "called"}, {"tone_lemma", ""}}}}},
    {"what_pronoun_called_to_clause_subject_2", "The union denounced what it calls the “quiet sell-off” of the port.",
     {{"quiet sell-off", {{"mention", "The union"}}}}},
    // A name after a preposition ("in New York") is mostly a place: no antecedent
    // for "she".
    {"pronoun_skips_a_place_after_a_preposition",
     "Marta Lind grew up in New Harbour. Later she said the city was “too loud for anyone”.",
     {{"too loud for anyone", {{"mention", "she"}, {"name", "Marta Lind"}}}}},
    {"it_to_the_body_that_spoke",
     "The Water Board said supplies were “stable”. It added that repairs were “on schedule”.",
     {{"on schedule", {{"mention", "It"}, {"name", "Water Board"}, {"type", "organization"}}}}},
    {"statement_to_its_issuer",
     "In a statement issued on Friday, the Rail Office said fares would “rise modestly”. The "
     "statement said the change was “unavoidable”.",
     {{"unavoidable", {{"mention", "The statement"}, {"name", "Rail Office"}}}}},
    {"statement_by_names_its_issuer",
     "According to a statement by the Port Authority, Mr Osei said ships were “moving again”. The "
     "statement called the strike “regrettable”.",
     {{"moving again", {{"mention", "Mr Osei"}}},
      {"regrettable", {{"name", "Port Authority"}}}}},
    // A role that opens its sentence is its subject, and an antecedent for
    // he or she; a role elsewhere is mostly a predicate.
    {"pronoun_to_a_role_that_opens_its_sentence_1",
     "Tomas Berg scored twice. A spokeswoman for the league has been in touch. The goal was checked, "
     "she said, and “the call stood”.",
     {{"the call stood", {{"mention", "she"}, {"name", "spokeswoman for the league"}}}}},
    {"pronoun_to_a_role_that_opens_its_sentence_2",
     "The museum's director said the hall would close. “We need a new roof,” he said.",
     {{"We need a new roof,", {{"mention", "he"}, {"name", "museum's director"}}}}},
    {"pronoun_skips_a_role_that_is_a_predicate",
     "Nora Blythe became the first woman to chair the board. “It took too long,” she said.",
     {{"It took too long,", {{"name", "Nora Blythe"}}}}},
    // "X, he said, had been …": a parenthetical cue interrupts X's clause; X
    // is not the one who speaks. After a clause that has ended ("After X
    // lost, she said, “…”") the name before is still an antecedent.
    {"pronoun_in_parenthetical_cue_skips_the_interrupted_subject_1",
     "Joel Hart spoke after the match. “We were tired,” he said. The Rovers, he said, had been “the "
     "better side”.",
     {{"the better side", {{"mention", "he"}, {"name", "Joel Hart"}}}}},
    {"pronoun_in_parenthetical_cue_skips_the_interrupted_subject_2",
     "The firm's lawyers filed a reply. The investors' claims, they wrote, were “built on rumour”.",
     {{"built on rumour", {{"mention", "they"}, {"name", "investors", kNot}}}}},
    {"pronoun_after_a_finished_clause_keeps_the_name_before",
     "After Ana Ruiz lost the vote, she said, “We will try again.”",
     {{"We will try again.", {{"name", "Ana Ruiz"}}}}},
    // “…,” he said. ¶ He shrugged. ¶ “…”: the speaker goes on through a
    // sentence whose he or she is them; not when that sentence has a speech
    // cue of its own.
    {"continuation_through_a_sentence_about_the_speaker",
     "Dieter Falk spoke first.\n\n“We lost,” Mr Falk said.\n\nAsked whether the club would appeal, he shrugged.\n\n“Appeal to "
     "whom? It is over.”",
     {{"Appeal to whom? It is over.", {{"name", "Dieter Falk"}, {"rule", "continuation"}}}}},
    {"no_continuation_through_a_sentence_about_someone_else",
     "Dieter Falk spoke first.\n\n“We lost,” Mr Falk said.\n\nAsked about the final, Mia Holm shrugged.\n\n“Appeal to whom? "
     "It is over.”",
     {{"Appeal to whom? It is over.", {{"name", "Dieter Falk", kNot}}}}},
    // "NAME, ROLE who said": the role stands in apposition to the name.
    {"relative_after_an_appositive_role_without_comma",
     "Ana Lindqvist, pianist who said music “belongs to all”, dies at 90",
     {{"belongs to all", {{"name", "Ana Lindqvist"}, {"cue", "said"}}}}},
    // Plural possessives inside a role: "the players’ union", "Rovers’ coach".
    {"plural_possessive_inside_a_role_1", "A spokesman for the players’ union said: “We stand by it.”",
     {{"We stand by it.", {{"mention", "A spokesman for the players’ union"}}}}},
    {"plural_possessive_inside_a_role_2", "Rovers' assistant coach said: “Stay compact.”",
     {{"Stay compact.", {{"mention", "Rovers' assistant coach"}}}}},
    // A live blog's time stamp opens the paragraph like a dateline.
    {"time_stamp_before_a_colon_quote", "Live coverage.\n\n17:51 – City captain: ‘This one is for the town’",
     {{"This one is for the town", {{"mention", "City captain"}, {"cue", ":"}}}}},
    {"time_stamp_with_am", "Live coverage.\n\n9.05am - The referee: “No penalty.”",
     {{"No penalty.", {{"mention", "The referee"}}}}},
    // A name's gender shown by a he or she that resolved to it: "she" does
    // not go back to a man who spoke as "he".
    {"she_skips_a_name_that_spoke_as_he",
     "Ana Lind sat down. “I am nervous,” she said. Her former partner Tom Berg was blunter. “It was over,” he "
     "said. The songs were written, she says, in “one long winter”.",
     {{"one long winter", {{"mention", "she"}, {"name", "Ana Lind"}}}}},
    // "NAME says he …" shows NAME's gender; a role with a name in apposition
    // ("The label's founder, Tom Berg,") is that name, not a sentence subject
    // of its own.
    {"she_skips_a_name_a_he_followed",
     "Ana Lind sat down. “I am nervous,” she said. The label's founder, Tom Berg, says he signed her at once. "
     "“Thirty seconds was enough,” Berg told me. She takes a long time to answer. “I miss the van.”",
     {{"I miss the van.", {{"mention", "She"}, {"name", "Ana Lind"}}}}},
    // The last speaker known to be a she, however far back, before no one.
    {"she_to_the_last_she_who_spoke_far_back",
     "Ana Lind sat down. “I am nervous,” she said. The tour starts in May. The venues are small. Tickets are "
     "cheap. The piano is hired in each town. “If ten people come, that is a good night,” she says.",
     {{"If ten people come, that is a good night,", {{"mention", "she"}, {"name", "Ana Lind"}}}}},
    // "I" outside quotes is the writer of a first-person piece: the byline.
    {"first_person_to_the_byline", "Interview\n\nBy Sara Quist\n\nTom Berg was late. “Do you miss it?” I ask.",
     {{"Do you miss it?", {{"mention", "I"}, {"name", "Sara Quist"}}}}},
    {"first_person_without_a_byline_is_no_one_quoted",
     "Tom Berg was late. “It was over,” he said. “Do you miss it?” I ask.",
     {{"Do you miss it?", {{"mention", "I"}, {"name", ""}}}}},
    // “…” after "She laughs.": the he or she the sentence before opens with.
    {"quote_after_a_sentence_about_a_he_or_she",
     "Ana Lind sat down. “I am nervous,” she said.\n\nI ask about the split. She laughs. “Bitter is a strong word.”",
     {{"Bitter is a strong word.", {{"mention", "She"}, {"name", "Ana Lind"}, {"rule", "previous_subject"}}}}},
    {"no_speaker_after_a_sentence_about_a_thing",
     "Ana Lind sat down. “I am nervous,” she said.\n\nI ask about the split. The room is quiet. “Bitter is a "
     "strong word.”",
     {{"Bitter is a strong word.", {{"rule", "previous_subject", kNot}}}}},
    // "Asked …, Ruiz paused. “…”": a named person who opens a sentence of
    // their own, with nobody else in it, speaks the quote after it.
    {"quote_after_a_sentence_about_a_named_person",
     "Flight director Ana Ruiz spoke first. The tanks were checked twice.\n\nAsked whether the launch would slip, "
     "Ruiz paused. “Possible, yes. Likely, no.”",
     {{"Possible, yes. Likely, no.", {{"name", "Ana Ruiz"}, {"rule", "previous_subject"}}}}},
    {"no_speaker_after_a_sentence_about_two_people",
     "Flight director Ana Ruiz spoke first. The tanks were checked twice.\n\nRuiz met the mayor on Monday. “The "
     "council will decide on the road.”",
     {{"The council will decide on the road.", {{"rule", "previous_subject", kNot}}}}},
    {"no_speaker_after_a_long_sentence_about_a_named_person",
     "Flight director Ana Ruiz spoke first. The tanks were checked twice.\n\nRuiz spent most of the morning "
     "walking the floor quietly. “The council will decide on the road.”",
     {{"The council will decide on the road.", {{"rule", "previous_subject", kNot}}}}},
    // "The 41-year-old": the person named in that sentence or the one before.
    {"age_epithet_is_the_person_named_before",
     "Coach Ana Ruiz won again on Sunday. The 41-year-old, who took over in May, said the team was “only getting "
     "started”.",
     {{"only getting started", {{"name", "Ana Ruiz"}}}}},
    {"age_epithet_with_no_one_named_before",
     "The fire started at noon. The 41-year-old, a father of two, said the smoke was “everywhere”.",
     {{"everywhere", {{"name", "41-year-old"}}}}},
    // The quote's gender is that of its speaker's mention, not of the
    // subject of the clause the speaker reports ("residents").
    {"gender_of_the_reporting_speaker",
     "Mehmet Clarke said residents had been asking “for years”. “It is bad,” he said.",
     {{"It is bad,", {{"name", "Mehmet Clarke"}}}}},
    {"gender_of_the_reporting_speaker_does_not_fit_she",
     "Mr Tom Hale said residents had been asking “for years”. “It is bad,” she said.",
     {{"It is bad,", {{"name", "Tom Hale", kNot}}}}},
    // A person named inside "reports that …" is what the sentence is about;
    // its subject is the he or she that answers, when the gender fits.
    {"a_person_in_a_that_clause_is_not_the_next_he",
     "Tom Ruiz was asked about reports that Sam Hale had been dropped. “That is a private matter,” he replied.",
     {{"That is a private matter,", {{"name", "Tom Ruiz"}}}}},
    {"a_person_in_a_that_clause_when_the_subject_is_a_she",
     "Ms Ana Ruiz was asked about reports that Sam Hale had been dropped. “That is a private matter,” he replied.",
     {{"That is a private matter,", {{"name", "Sam Hale"}}}}},
    // "Inspector NAME of ORGANISATION": the body is where the person serves.
    {"titled_name_of_a_body", "Inspector Wendy Agbaje of Merrowshire Police said phones were “a menace”.",
     {{"a menace", {{"name", "Wendy Agbaje"}}}}},
    // What follows "of" in a name is a place or a body: "Shares of Tarrin",
    // opening a sentence, is not the full name of "Tarrin".
    {"a_name_after_of_is_not_that_names_full_form",
     "Tarrin Labs cut its prices on Monday. Shares of Tarrin fell. According to Tarrin, the phone “will ship in "
     "June.”",
     {{"will ship in June.", {{"name", "Shares of Tarrin", kNot}, {"name", "Tarrin"}}}}},
    // "Labs", "Project", "Securities": the last word of a body's name.
    {"labs_is_a_body", "Tarrin Labs said the phone was “ready”.",
     {{"ready", {{"name", "Tarrin Labs"}, {"type", "organization"}}}}},
    {"a_first_name_before_of_still_names_the_person",
     "Lord Tomas Brenner of Kellmoor spoke first. Brenner said the bill was “a mistake”.",
     {{"a mistake", {{"name", "Tomas Brenner"}}}}},
    // "The Danish-born director": a birthplace epithet for the person last
    // named a few sentences back; with no one named it stays a role.
    {"origin_epithet_is_the_person_named_before",
     "Tomas Brenner was unapologetic. “It is long,” he said. “It is meant to be.” The Danish-born director, who "
     "ran a studio for years, said he had “no regrets”.",
     {{"no regrets", {{"name", "Tomas Brenner"}}}}},
    {"origin_epithet_with_no_one_named_before",
     "The fire started at noon. The Danish-born director, who lives nearby, said it was “terrifying”.",
     {{"terrifying", {{"name", "Danish-born director"}}}}},
    // "the Rovers manager": a definite role with an organisation word stands
    // for the person titled with that word and a role of its kind
    // (data/lexicon/role_kinds.txt), written before it with no honorific,
    // with a lower-case title or as a role in apposition.
    {"epithet_is_the_person_titled_with_its_organisation",
     "Rovers boss Gary Holt praised the deal on Monday. The fans were happy. “It is right for us,” the Rovers "
     "manager said.",
     {{"It is right for us,", {{"name", "Gary Holt"}, {"mention", "the Rovers manager"}, {"type", "person"}}}}},
    {"epithet_with_a_lower_case_title", "Labour leader Keir Starmer spoke first. The hall was full. “We will win,” "
     "the Labour leader said.",
     {{"We will win,", {{"name", "Keir Starmer"}}}}},
    {"epithet_with_a_title_in_apposition",
     "The Bremen sporting director, Lukas Brandt, met the press on Friday. The room was full. “He is ours,” the "
     "Bremen director said.",
     {{"He is ours,", {{"name", "Lukas Brandt"}}}}},
    // Two people titled with the organisation: the same role word decides,
    // then the subject of the sentence before; otherwise no one.
    {"epithet_prefers_the_same_role_word",
     "Rovers manager Gary Holt arrived early. Rovers coach Tom Reed followed him. The fans cheered. “We are "
     "ready,” the Rovers manager said.",
     {{"We are ready,", {{"name", "Gary Holt"}}}}},
    {"epithet_of_two_people_is_the_previous_subject",
     "Rovers boss Gary Holt arrived early. Rovers coach Tom Reed followed him. Holt shrugged off the question. “We "
     "are ready,” the Rovers manager said.",
     {{"We are ready,", {{"name", "Gary Holt"}}}}},
    {"epithet_of_two_people_and_nothing_decides",
     "Rovers boss Gary Holt arrived early. Rovers coach Tom Reed followed him. The fans cheered. “We are ready,” "
     "the Rovers manager said.",
     {{"We are ready,", {{"name", "Rovers manager"}, {"type", "role"}}}}},
    {"epithet_of_another_organisation",
     "Rovers boss Gary Holt arrived early. The fans cheered. “We are ready,” the City manager said.",
     {{"We are ready,", {{"name", "City manager"}}}}},
    {"epithet_of_a_role_of_another_kind",
     "Former Rovers defender Steve Kinnear arrived early. The fans cheered. “We are ready,” the Rovers manager "
     "said.",
     {{"We are ready,", {{"name", "Rovers manager"}}}}},
    {"epithet_with_no_one_titled_before",
     "Gary Holt arrived early. The fans cheered. “We are ready,” the Rovers manager said.",
     {{"We are ready,", {{"name", "Rovers manager"}}}}},
    // Irish and Scottish members' titles before a name ("Labour TD NAME",
    // "Green MSP NAME") are not part of it.
    {"member_title_td", "Labour TD Orla Breen told the Dáil the scheme was “a scandal”.",
     {{"a scandal", {{"name", "Orla Breen"}}}}},
    {"member_title_msp", "Green MSP Fergus Baird said the cuts were “a betrayal”.",
     {{"a betrayal", {{"name", "Fergus Baird"}}}}},
    // "the army" is a body that speaks (not the "it" after it, nor a
    // continuation); "The Salvation Army" keeps its full name.
    {"army_is_a_body_1", "The army said it had “pushed back” the attack.",
     {{"pushed back", {{"name", "army"}, {"type", "organization"}}}}},
    {"army_is_a_body_2", "“Our lines held,” the army said in a statement.",
     {{"Our lines held,", {{"name", "army"}, {"rule", "continuation", kNot}}}}},
    {"army_is_a_body_3", "The Salvation Army said demand was “unprecedented”.",
     {{"unprecedented", {{"name", "Salvation Army"}}}}},
    // A he/she with a present cue ("he says") whose nearest antecedent was
    // only quoted in the past goes to the man quoted in the present (a
    // feature's interviewee); not when the antecedent was quoted in the
    // present too, nor in a story told in the past.
    {"present_tense_keeps_the_interviewee_1",
     "“The pay was poor,” Ewan Falk says. Rory Dunn ran the yard and called the closure “a crime”. Dunn never "
     "came back. “I missed him,” he says.",
     {{"I missed him,", {{"name", "Ewan Falk"}}}}},
    {"present_tense_keeps_the_interviewee_2",
     "“The pay was poor,” Ewan Falk says. “It was a crime,” Rory Dunn says. Dunn never came back. “I missed "
     "him,” he says.",
     {{"I missed him,", {{"name", "Rory Dunn"}}}}},
    {"present_tense_keeps_the_interviewee_3",
     "“The pay was poor,” Ewan Falk said. Rory Dunn called the closure “a crime”. “I missed him,” he said.",
     {{"I missed him,", {{"name", "Rory Dunn"}}}}},
    // A title-case headline run into a name (a live blog's entries): the
    // name ends before a verb ("Blasts", "Would"), a verb that opens it is
    // no part of it ("Is Ortiz"), and a run of two names ("Lena Ortiz
    // Hints Kessler") or a name and one word more ("Lena Ortiz Apologizes")
    // is no fuller form of either name.
    {"a_headline_verb_ends_a_name",
     "Updates from our reporters as the night went on: Nina Brandt Blasts Dan Drudge Over Cuts\n\nBrandt said the cuts were “overdue”.",
     {{"overdue", {{"name", "Nina Brandt"}}}}},
    {"a_verb_that_opens_a_name_is_no_part_of_it",
     "Is Ortiz winning over voters? Lena Ortiz toured Leeds on Monday. Ortiz said the race was “wide open”.",
     {{"wide open", {{"name", "Lena Ortiz"}}}}},
    {"two_names_run_together_are_neither_full_name",
     "Updates from our reporters as the night went on: Lena Ortiz Hints Kessler Would Quit Early\n\nLena Ortiz and Paul Kessler met on Monday. "
     "Ortiz said the vote was “close”. Kessler said it was “not close at all”.",
     {{"close", {{"name", "Lena Ortiz"}}}, {"not close at all", {{"name", "Paul Kessler"}}}}},
    {"a_name_and_one_word_more_is_no_fuller_name",
     "Updates from our reporters as the night went on: Lena Ortiz Apologizes To Staff\n\nLena Ortiz spoke on Monday. Ortiz said she was “sorry”.",
     {{"sorry", {{"name", "Lena Ortiz"}}}}},
    {"a_suffix_after_a_name_is_the_persons",
     "Tom Hale Jr. opened the meeting. Tom Hale, his father, sat at the back. Hale said the fund was “healthy”.",
     {{"healthy", {{"name", "Tom Hale Jr"}}}}},
    // "Radio Kessel’s Mara Lind": a possessive before a name is whom the
    // person works for.
    {"a_possessor_before_a_name_is_not_the_name",
     "Radio Kessel’s Mara Lind said the vote was “a farce”. Lind added that it was “rigged”.",
     {{"a farce", {{"name", "Mara Lind"}}}, {"rigged", {{"name", "Mara Lind"}}}}},
    // A full name with three or more words after it is a headline too; a
    // surname of the document before "of" is the person, from a place.
    {"a_name_and_three_words_more_is_no_fuller_name",
     "Updates from our reporters as the night went on: Lena Ortiz Address Housing Crisis\n\nLena Ortiz spoke "
     "on Monday. Ortiz said rents were “out of reach”.",
     {{"out of reach", {{"name", "Lena Ortiz"}}}}},
    {"a_surname_of_a_place_is_the_person_named_in_full",
     "Ana Ruiz spoke at noon. Ruiz of Port Talbot said the plan was “a start”. Later, Ruiz said it was "
     "“not enough”.",
     {{"a start", {{"name", "Ana Ruiz"}}}, {"not enough", {{"name", "Ana Ruiz"}}}}},
    // A no-break space between a first and last name is a space.
    {"a_no_break_space_inside_a_name",
     "Ana\u00A0Ruiz opened the hearing. Ruiz said the review was “long overdue”.",
     {{"long overdue", {{"name", "Ana Ruiz"}, {"type", "person"}}}}},
    // ... and doubled, and inside a role's words.
    {"no_break_spaces_doubled_and_in_a_role",
     "Ana\u00A0Ruiz opened the hearing. Tom\u00A0\u00A0Hale sat down. “It is late,” Ana\u00A0Ruiz’s lawyer said. "
     "Ruiz said the review was “long overdue”. Hale called it “fair”.",
     {{"It is late,", {{"name", "Ana Ruiz’s lawyer"}}},
      {"long overdue", {{"name", "Ana Ruiz"}}},
      {"fair", {{"name", "Tom Hale"}}}}},
    // Local offices are roles too: the name starts after them.
    {"a_local_office_before_a_name",
     "Millbrook Alderman Tessa Quill said the budget was “thin”. Bay Supervisor Dan Oyelaran called it “fair”.",
     {{"thin", {{"name", "Tessa Quill"}}}, {"fair", {{"name", "Dan Oyelaran"}}}}},
    // "Said" and "Sang" are names as well as verb forms: no headline verb
    // ends "Edward Said" or "Kim Sang Woo".
    {"verb_forms_that_are_names",
     "Edward Said told the forum the plan was “a mirage”. Kim Sang Woo said the deal was “fair”. Mr Kim said it "
     "was “done”.",
     {{"a mirage", {{"name", "Edward Said"}}}, {"done", {{"name", "Kim Sang Woo"}}}}},
};

BOOST_DATA_TEST_CASE(table, boost::unit_test::data::make(kResolution), c) { check_case(c); }

BOOST_AUTO_TEST_CASE(a_dateline_is_no_speaker) {
  std::string t =
      "LAGOS — Unions walked out on Monday, with the chairman of the drivers union calling the deal “a fraud”.\n\n"
      "CAIRO, Egypt - Crowds gathered, calling the verdict “a scandal”.";
  BOOST_TEST(attribution_of(t, "a fraud").mention == "the chairman of the drivers union");
  Seen cairo = attribution_of(t, "a scandal");
  BOOST_TEST(cairo.found);
  BOOST_TEST(cairo.name != "CAIRO");
  // An acronym opening a sentence later in a story is no dateline.
  t = "The talks went on.\n\nNATO Secretary General Ida Lund - speaking in Brussels - said the allies were "
      "“united and ready”.";
  BOOST_TEST(attribution_of(t, "united and ready").name == "Ida Lund");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(kinds)

const Case kKinds[] = {
    // "titled" names a work whatever its case; a title-case quote with its
    // comma inside the marks before an appositive title noun; and a title
    // quoted again later in the document.
    {"title_after_titled", "The study, titled “Later Nights, Longer Days,” followed 300 pupils for a year.",
     {{"Later Nights, Longer Days,", {{"kind", "title"}}}}},
    {"title_before_an_appositive_with_the_comma_inside",
     "The record is “Salt Year,” her first album in a decade. The songs on “Salt Year” were written, she says, in "
     "one winter.",
     {{"Salt Year,", {{"kind", "title"}}}, {"Salt Year", {{"kind", "title"}}}}},
    // "the company’s environmental report, “…”": a title noun that the cue
    // grammar reads as a verb ("report") is a noun unless a mention stands
    // right before it.
    {"title_after_a_title_noun_read_as_a_cue",
     "It is set out in the company’s environmental report, “Air Quality and Dust Assessment”, which runs to 400 "
     "pages. The ministry reported “Good Progress” on Tuesday.",
     {{"Air Quality and Dust Assessment", {{"kind", "title"}}},
      {"Good Progress", {{"kind", "speech"}, {"name", "ministry"}}}}},
    // A text "from" a body speaks for it, as one "by" it does, when the
    // words after "from" are few.
    {"text_from_a_body_speaks_for_it",
     "According to a communiqué from the race jury, Smith rode “in the slipstream of a motorbike”. According to "
     "a statement by the ministry, the talks were “frank”.",
     {{"in the slipstream of a motorbike", {{"name", "race jury"}, {"cue", "According to"}}},
      {"frank", {{"name", "ministry"}}}}},
    // A work after "starred in" or "appeared in", and the names listed
    // after it with "and", "or" or a comma (inside the marks or not): titles;
    // words listed after a speech verb stay speech.
    {"titles_after_acting_verb_and_in_lists",
     "The actor, 54, starred in “The Crown” and “Wolf Hall.” She has appeared in \"Hamlet,\" \"King Lear\" "
     "and \"The Seagull,\" and said the part was \"a gift\". He said the plan was \"reckless\" and "
     "\"Dangerous,\" and called it \"A Disaster\".",
     {{"The Crown", {{"kind", "title"}}},
      {"Wolf Hall.", {{"kind", "title"}}},
      {"Hamlet,", {{"kind", "title"}}},
      {"King Lear", {{"kind", "title"}}},
      {"The Seagull,", {{"kind", "title"}}},
      {"a gift", {{"kind", "speech"}}},
      {"Dangerous,", {{"kind", "speech"}}},
      {"A Disaster", {{"kind", "speech"}}}}},
    // An operation's name after "codenamed", or after "named" when it closes
    // its sentence: a title, and so is its later mention; not a name in
    // mid-sentence after "named", nor a nickname.
    {"title_after_named_closing_its_sentence",
     "The inquiry has been named “Operation Beacon”. Anyone with information should quote “Operation Beacon”. "
     "The raid was codenamed “Night Owl” by officers. The boat was named “Sea Lark,” after his mother. "
     "Fans nicknamed him “The Hammer”.",
     {{"Operation Beacon", {{"kind", "title"}}},
      {"Night Owl", {{"kind", "title"}}},
      {"Sea Lark,", {{"kind", "title", kNot}}},
      {"The Hammer", {{"kind", "title", kNot}}}}},
    // Set 18: a quote that repeats a heading line of its document, capitalised
    // like a name, names what the line heads (a review page's shows); a
    // quote that is not a whole line, or a lower-case one, does not.
    {"title_repeats_a_heading",
     "Tidewrack\nSt Ninian’s Hall ★★★\n\nCorbie Theatre’s ‘Tidewrack’ bills itself as ‘a journey’.\n\n"
     "Who Killed the Weather?\n\n‘Who Killed the Weather?’ is a show for children. Critics found it ‘Tidewrack "
     "Lite’ at best.",
     {{"Tidewrack", {{"kind", "title"}}},
      {"Who Killed the Weather?", {{"kind", "title"}}},
      {"a journey", {{"kind", "title", kNot}}},
      {"Tidewrack Lite", {{"kind", "title", kNot}}}}},
    // A heading's words that someone is said to say are speech.
    {"heading_words_with_a_cue_are_speech",
     "We Will Rebuild\n\nThe mayor spoke at dawn. “We Will Rebuild,” she said.",
     {{"We Will Rebuild,", {{"kind", "speech"}, {"name", "mayor"}}}}},
    // A song after "singing" (not words ending in a stop, which are sung),
    // "a’" in a Gaelic title, and a name after "a 1951 booklet called".
    {"title_after_singing_and_a_dated_noun_called",
     "The cast closes by singing ‘Fear a’ Bhàta’ unaccompanied. The crowd was singing “We Shall Overcome.” "
     "She keeps a 1951 booklet called “The Tuner’s Ear,” its spine mended. The choir, singing “Amazing Grace,” "
     "marched on. Some of them sang “Senzeni Na?” as they left.",
     {{"Fear a’ Bhàta", {{"kind", "title"}}},
      {"We Shall Overcome.", {{"kind", "title", kNot}}},
      {"Amazing Grace,", {{"kind", "title"}}},
      {"Senzeni Na?", {{"kind", "title"}}},
      {"The Tuner’s Ear,", {{"kind", "title"}}}}},
    // Set 19: a survey, a study, a paper or a presentation is a work; a
    // list or a ranking a named thing.
    {"title_of_a_survey_a_presentation_a_list",
     "Mr Haziq cited “Quieter Homes, Kinder Blocks”, a 2025 survey commissioned by the ministry. The slide "
     "presentation, “Colder, Closer, Faster,” will be online. The firm was named to the “Top 50 Food Logistics "
     "Providers” list by a magazine.",
     {{"Quieter Homes, Kinder Blocks", {{"kind", "title"}}},
      {"Colder, Closer, Faster,", {{"kind", "title"}}},
      {"Top 50 Food Logistics Providers", {{"kind", "title"}}}}},
    // A title-case quote after "author of", "told", "with" names a work or a show.
    {"title_after_of_told_with",
     "“Nobody reads the footnotes,” said Tom Bale, the author of “Harbour Lights and Hidden Costs,” a study "
     "of port finances. Ruiz told “Morning Tide Radio” that she would run.",
     {{"Harbour Lights and Hidden Costs,", {{"kind", "title"}}},
      {"Morning Tide Radio", {{"kind", "title"}}}}},
    // A headline with its byline in a digest: a title, even after a statement.
    {"headline_with_byline",
     "“The pier will be rebuilt,” Mayor Ana Ruiz said.\n\nHARBOUR WATCH—“Fishing fleet returns to the old "
     "pier after ten years” by Tribune's Tom Bale: the boats came back on Monday.",
     {{"Fishing fleet returns to the old pier after ten years", {{"kind", "title"}}}}},
    {"title_has_no_speaker", "The museum is showing the documentary 'Rivers of Salt', which opens on Friday.",
     {{"Rivers of Salt", {{"kind", "title"}, {"mention", ""}}}}},
    // Small words do not count against a title: "Face of the Nation".
    {"title_with_small_words", "Ms Okafor spoke on KTV's “Face of the Nation.”",
     {{"Face of the Nation.", {{"kind", "title"}}}}},
    // A short quote after "as" or "a" in a speaker's clause is a
    // characterisation ("Vane admires the plan as a “bold stroke”"), not a
    // scare quote; in a plain noun phrase it stays one.
    {"characterisation_after_as_1", "Ms Vane admires the plan as a “bold stroke”.",
     {{"bold stroke", {{"kind", "speech"}, {"mention", "Ms Vane"}}}}},
    {"characterisation_after_as_2", "Ms Vane joined the “reform” caucus.",
     {{"reform", {{"kind", "scare"}}}}},
    {"headline_scare_quote", "Talks end in ‘productive’ mood\n\nThe weather was fine.",
     {{"productive", {{"kind", "scare"}, {"mention", ""}}}}},
    {"one_word_quote_with_cue_is_speech", "The Foreign Office described the meeting as “cordial”.",
     {{"cordial", {{"kind", "speech"}, {"name", "Foreign Office"}}}}},
    {"nested_quote_is_embedded", "“They keep saying ‘trust us’ and nothing happens,” said Ana Vidal.",
     {{"trust us", {{"kind", "embedded"}}},
      {"They keep saying ‘trust us’ and nothing happens,", {{"name", "Ana Vidal"}}}}},
    {"long_unattributed_quote_is_speech_without_speaker", "“Nobody knows what happens next. We will wait and see.”",
     {{"Nobody knows what happens next. We will wait and see.", {{"kind", "speech"}, {"mention", ""}}}}},
    // A title noun spelled like a verb ("report", "show") before a quote that
    // opens in lower case: quoted words, not a title.
    {"lower_case_quote_after_title_noun_is_no_title_1",
     "The marchers came out to show that “they will not be silenced by anyone.”",
     {{"they will not be silenced by anyone.", {{"kind", "speech"}}}}},
    {"lower_case_quote_after_title_noun_is_no_title_2", "The new documentary “Salt and Iron” opens on Friday.",
     {{"Salt and Iron", {{"kind", "title"}}}}},
    // A name-like quote with no clause subject does not continue the statement
    // before it: the previous speaker did not coin the project's name.
    {"scare_quote_does_not_continue_statement",
     "“We will finish the road by May,” Jo Park said. The “Green Mile” project has cost millions.",
     {{"Green Mile", {{"kind", "scare"}}}}},
    // …unless its sentence points back at the statement's list ("These
    // included …") right after a quote a cue attributed.
    {"list_sentence_continues_the_statement",
     "The ministry said the talks covered “practical co-operation” on ports. These included shipping, "
     "customs and “fair and open trade” across the region.",
     {{"fair and open trade", {{"kind", "speech"}, {"mention", "The ministry"}}}}},
    // A short quote that opens its sentence and ends in a comma is an utterance
    // even when the words after it are no frame the rules read; a title-case
    // run there is a name.
    {"sentence_opening_utterance_with_comma_1",
     "The hall was restless. “Count every ballot,” came shouts from the back.",
     {{"Count every ballot,", {{"kind", "speech"}}}}},
    {"sentence_opening_utterance_with_comma_2",
     "The hall was restless. “Harbour Nights,” the old series, returns tonight.",
     {{"Harbour Nights,", {{"kind", "speech", kNot}}}}},
    // The clause subject is the one of the clause the quote stands in, when a
    // later clause opens with its own subject.
    {"clause_subject_of_the_quotes_clause_1",
     "Lena Park backed the budget on Monday, while Omar Reyes dismissed it as “a costly stunt”.",
     {{"a costly stunt", {{"name", "Omar Reyes"}}}}},
    {"clause_subject_of_the_quotes_clause_2",
     "Lena Park, who chairs the panel, dismissed the budget as “a costly stunt”.",
     {{"a costly stunt", {{"name", "Lena Park"}}}}},
    // A one-word "name" opening its sentence that the document never writes
    // capitalised after another word is a capitalised common word, no subject.
    {"sentence_initial_common_word_is_no_subject_1",
     "The harbour office was quiet. Optimism ran through the hall as traders hailed “a new dawn” again.",
     {{"a new dawn", {{"mention", "Optimism", kNot}}}}},
    {"sentence_initial_common_word_is_no_subject_2",
     "The council heard from Vera Sexton. Sexton wants “fewer parking spaces” downtown.",
     {{"fewer parking spaces", {{"mention", "Sexton"}}}}},
    // A quoted phrase no frame attributes, in a sentence whose speech cue has a
    // subject, is that subject's wording.
    {"quoted_phrase_goes_to_the_sentences_speaker",
     "The talks ended late. A “new era of trade” is coming, the minister said on Monday to reporters in Oslo.",
     {{"new era of trade", {{"kind", "speech"}, {"mention", "the minister"}, {"cue", "said"}}}}},
    // A quoted phrase of several lower-case words in a clause whose subject is
    // a speaker is that speaker's wording; a title-case run stays a name.
    {"quoted_phrase_goes_to_clause_subject_1",
     "The harbour office was quiet. Councillor Ada Lind wants “fewer parking spaces” downtown.",
     {{"fewer parking spaces", {{"kind", "speech"}, {"name", "Ada Lind"}}}}},
    {"quoted_phrase_goes_to_clause_subject_2",
     "The harbour office was quiet. Councillor Ada Lind watches “Night Court Live” every week.",
     {{"Night Court Live", {{"kind", "scare"}}}}},
    // A capitalised quote after "called" as a participle (after a comma, or
    // a noun with its article) is a name; not where someone calls something.
    {"name_after_called_as_a_participle",
     "The phone, called “Nova,” goes on sale in May. A band called “Salt Lake” played at the launch.",
     {{"Nova,", {{"kind", "title"}}}, {"Salt Lake", {{"kind", "title"}}}}},
    {"no_name_after_called_with_a_subject",
     "Mayor Ana Ruiz called it “Orwellian” on Monday. Ruiz attacked what she called “Fake Friends” again.",
     {{"Orwellian", {{"kind", "title", kNot}}}, {"Fake Friends", {{"kind", "title", kNot}}}}},
    // A name the document quotes as a title is one wherever it is quoted,
    // before that too (a headline).
    {"title_named_later_is_a_title_in_the_headline",
     "Tarrin unveils “Nova” phone\n\nThe phone, called “Nova,” goes on sale in May.",
     {{"Nova", {{"kind", "title"}}}}},
    // A possessive name, then at most two lower-case modifiers, before a
    // title-case quote; not across a speech verb.
    {"title_after_possessive_and_modifiers",
     "Corran’s later, better-known “Bitter Salt” ends in exile. Ruiz’s team said “Night Falls” was over.",
     {{"Bitter Salt", {{"kind", "title"}}}, {"Night Falls", {{"kind", "title", kNot}}}}},
    // Set 13: a title-case quote between a possessive or determiner and a
    // noun that heads a named thing (data/lexicon/thing_nouns.txt: "scheme",
    // "page") is its name; other nouns ("demand") do not name.
    // Set 15: "disclosed" is a speech verb; a post's "version" and a social
    // media "account" are texts that speak.
    {"disclose_is_a_cue", "Tom Ardle disclosed that the firms had “no office and no staff”.",
     {{"no office and no staff", {{"cue", "disclosed"}, {"name", "Tom Ardle"}}}}},
    {"version_and_account_speak",
     "Another version says the vote was “rigged”. The post got no reply. The account wrote: “Do your own research.”",
     {{"rigged", {{"name", "Another version"}, {"cue", "says"}}},
      {"Do your own research.", {{"name", "account"}, {"cue", "wrote"}}}}},
    // "called" after "a"/"an" and a noun, before a name, names the noun
    // ("a group called Fair Pensions says"); "An official called the plan
    // “…”" is still a cue.
    {"naming_called_is_no_cue",
     "A group called Fair Pensions says the change was “snuck through”. An official called the plan “absurd”.",
     {{"snuck through", {{"name", "Fair Pensions"}, {"cue", "says"}}},
      {"absurd", {{"name", "official"}, {"cue", "called"}}}}},
    // "the director of press in the ministry, NAME, said": the body at the
    // end of a role's tail is no speaker before the name in apposition; a
    // name before an appositive role still is ("NAME, a spokeswoman for the
    // agency, said").
    {"name_after_a_role_ending_in_a_body",
     "The director of press in the ministry, Ada Bello, said the ministry “has nothing to hide”. Jane Smith, a "
     "spokeswoman for the agency, said the plan was “sound”.",
     {{"has nothing to hide", {{"name", "Ada Bello"}}}, {"sound", {{"name", "Jane Smith"}}}}},
    // "the utility, Aguas Limpias, whose former director …" is a body's name,
    // so a later "she" is not it; "Lena Brandt, whose son …" stays a person.
    {"name_whose_board_is_a_body",
     "Ana Ortega won the race. Her campaign targeted the utility, Aguas Limpias, whose former director was charged. "
     "“It was a piggy bank,” she said.",
     {{"It was a piggy bank,", {{"name", "Ana Ortega"}}}}},
    {"name_whose_son_stays_a_person",
     "The storm hit Ana Ortega's farm. Her neighbour, Lena Brandt, whose son was hurt, spoke first. “It was "
     "terrifying,” she said.",
     {{"It was terrifying,", {{"name", "Lena Brandt"}}}}},
    // Set 16: "governors" is a group that speaks; "blame" a speech verb.
    {"governors_accuse", "County governors have accused the Treasury of “strangling devolution”.",
     {{"strangling devolution", {{"name", "County governors"}, {"cue", "accused"}}}}},
    {"blame_is_a_cue", "Mr Mutua urged the governors to “cut costs” and blamed county assemblies for “bloated wage bills”.",
     {{"bloated wage bills", {{"name", "Mutua"}, {"cue", "blamed"}}}}},
    // A person named after the subject of a sentence (inside an adverbial
    // clause, "after Kallstrom handed in …", or as an object, "left Maple
    // Grove") is not the he or she of the next sentence when the person who
    // opens it (past "But") fits; one who opens the sentence is. A subject
    // of the other gender does not take it.
    {"pronoun_skips_a_person_in_an_adverbial_clause",
     "Lukas Brandt and Elias Kallstrom met on Monday. But Brandt softened his stance after Kallstrom handed in a "
     "request. “We did not want to keep him,” he said.",
     {{"We did not want to keep him,", {{"name", "Lukas Brandt"}}}}},
    {"pronoun_takes_the_subject_before_an_adverbial_clause",
     "Lukas Brandt and Elias Kallstrom met on Monday. Kallstrom met the coach after Brandt left. “I want to play,” "
     "he said.",
     {{"I want to play,", {{"name", "Elias Kallstrom"}}}}},
    {"pronoun_prefers_the_subject_to_an_object",
     "Lena Park, 41, a teacher at Hillcrest School, left Maple Grove with her son. She said the alert never came. "
     "“Nobody told us,” she said.",
     {{"Nobody told us,", {{"name", "Lena Park"}}}}},
    // A he or she opening the sentence before is its subject too: "She
    // learned the trade from her father, Amos Halloran. “…,” she says" is
    // hers, not the father's (whose gender nothing gave); a he skips no one.
    {"pronoun_prefers_a_pronoun_subject_to_a_person_after_it",
     "Ruth Okafor tunes pianos. She learned the trade from her uncle, Sam Adeyemi, who drove a van. “He made me "
     "listen,” she says.",
     {{"He made me listen,", {{"name", "Ruth Okafor"}}}}},
    {"pronoun_of_the_other_gender_keeps_the_person_after_a_pronoun_subject",
     "Ruth Okafor tunes pianos. She hired Sam Adeyemi, who drove a van. “I made her listen,” he "
     "says.",
     {{"I made her listen,", {{"name", "Sam Adeyemi"}}}}},
    // "Madam" is a woman's honorific (Singapore, Malaysia): her sentence's
    // subject, not a place named after it, is the next "she".
    {"madam_is_an_honorific",
     "Madam Chua Ah Lian, 68, a retiree who lives in a Bukit Serangoon block, said she had complained. “Nobody can "
     "do anything,” she said.",
     {{"Nobody can do anything,", {{"name", "Chua Ah Lian"}}}}},
    // An office alone after an honorific is an address to its holder, a
    // role ("Madam Speaker", "Mr President"); "Mr King" is a man's name. A
    // speaker at a rally is a person by function.
    {"office_alone_after_an_honorific_is_a_role",
     "The House met at noon. Madam Speaker said: “Order.” Mr President said: “Thank you.” Mr King said: "
     "“Fine.” A speaker at the rally said: “We won.”",
     {{"Order.", {{"type", "role"}, {"name", "Madam Speaker"}}},
      {"Thank you.", {{"type", "role"}}},
      {"Fine.", {{"type", "person"}, {"name", "King"}}},
      {"We won.", {{"type", "role"}, {"cue", "said"}}}}},
    {"pronoun_prefers_the_name_in_apposition_to_the_subject_role",
     "The Opposition Leader, Peter Hallinan, told ABC Radio National that the project had failed. “It is a "
     "disgrace,” he said.",
     {{"It is a disgrace,", {{"name", "Peter Hallinan"}}}}},
    // Set 17: a name with "a/an BODY" in apposition is a body's, so "It"
    // finds it; a singular they stands for a person's role that spoke just
    // before (through its relative "who … said"), before a body that spoke
    // earlier; "Officials said …. “…,” they said" keeps the group.
    {"name_with_a_body_in_apposition_is_a_body",
     "Halvern Tools, a Swedish engineering firm, said it had “met every milestone”. It blamed the delays on “changes”.",
     {{"met every milestone", {{"name", "Halvern Tools"}}}, {"changes", {{"name", "Halvern Tools"}}}}},
    {"name_with_a_body_as_a_modifier_in_apposition_stays_a_person",
     "James Lewis, a former government cybersecurity expert who studies China, said it was “likely”. It “was not”, "
     "he said.",
     {{"was not", {{"name", "James Lewis"}}}}},
    {"singular_they_for_a_role_that_spoke",
     "The firm said it was “on track”. A senior official, who spoke on condition of anonymity because they were not "
     "authorised to comment, said the money had run out. “Nobody wants to sign,” they said.",
     {{"Nobody wants to sign,", {{"name", "senior official"}}}}},
    {"they_for_a_group_that_spoke",
     "The firm said it was “on track”. Officials said the money had run out. “Nobody wants to sign,” they said.",
     {{"Nobody wants to sign,", {{"name", "Officials"}}}}},
    // "said in a statement that …": the phrase belongs to the verb, which
    // still reports the clause, so its subject is the source (set 17).
    {"reporting_verb_with_a_statement_phrase",
     "Police said in a statement that officers had found the pair “loading items” and that patrols would go on "
     "“around the clock.”",
     {{"loading items", {{"name", "Police"}, {"cue", "said"}}}, {"around the clock.", {{"name", "Police"}}}}},
    // An anonymous source with its vouching phrase, then a relative clause
    // whose own verb is a cue ("who asked not to be identified"), then the
    // speech verb: the source speaks, through "said" (set 17).
    {"vouched_source_before_a_relative_clause",
     "A person familiar with the board's deliberations, who asked not to be identified because they were private, "
     "said directors had discussed a sale “more than once” this year.",
     {{"more than once", {{"name", "person"}, {"cue", "said"}}}}},
    // Counter-cases of this session's rules, found in review: each came out
    // wrong until the rule was narrowed.
    {"review_subject_of_unknown_gender_loses_to_a_named_ms",
     "Taylor Morgan met Ms Lind on Monday. “It was chaos,” she said.", {{"It was chaos,", {{"name", "Lind"}}}}},
    {"review_name_in_apposition_beats_the_vouched_role",
     "A former adviser familiar with the negotiations, Tom Ellery, said the deal was “all but done.”",
     {{"all but done.", {{"name", "Tom Ellery"}}}}},
    {"review_headed_for_is_a_way_not_a_heading",
     "The economy is headed “for a hard landing next year,” the bank’s chief economist, Sara Holt, said.",
     {{"for a hard landing next year,", {{"kind", "speech"}, {"name", "Sara Holt"}}}}},
    {"review_title_case_answer_with_its_speaker_is_speech",
     "After the report was published on Monday, “Absolutely Not,” Ms Holt said. Ms Holt ordered a review, saying "
     "“Heads Will Roll” at the agency.",
     {{"Absolutely Not,", {{"kind", "speech"}, {"name", "Holt"}}}, {"Heads Will Roll", {{"kind", "speech"}}}}},
    // A title noun that a speech verb follows speaks: “…,” the paper said;
    // one that none follows names the quote before it.
    {"review_a_title_noun_with_a_cue_speaks",
     "Heads rolled at the agency. “Absolutely Not,” the paper said. “Salt Year,” her first album, sold well.",
     {{"Absolutely Not,", {{"kind", "speech"}, {"name", "paper"}, {"cue", "said"}}},
      {"Salt Year,", {{"kind", "title"}}}}},
    // A booklet's name in apposition is a title.
    {"booklet_name_in_apposition_is_a_title",
     "The party released a 24-page booklet, \"Doobta Narmadanchal\", with photographs of the villages.",
     {{"Doobta Narmadanchal", {{"kind", "title"}}}}},
    {"review_a_list_is_no_apposition",
     "The lawsuit names Robin Castle, a consulting firm, and the city council. “We deny every claim,” Castle said.",
     {{"We deny every claim,", {{"name", "Robin Castle"}, {"type", "person"}}}}},
    {"review_they_is_no_gendered_role",
     "The spokesman said the road would reopen. “We are working as fast as we can,” they said.",
     {{"We are working as fast as we can,", {{"name", "spokesman", kNot}}}}},
    {"review_they_is_the_body_that_spoke_last_without_a_singular_they",
     "An official said the deal was close, but the company said it had not been approached. “We have not seen any "
     "offer,” they said.",
     {{"We have not seen any offer,", {{"name", "company"}}}}},
    {"pronoun_skips_a_subject_of_the_other_gender",
     "Mr Ruiz met Ms Lind on Monday. “It went well,” she said.",
     {{"It went well,", {{"name", "Lind"}}}}},
    // "with ROLE, NAME, insisting": the absolute phrase's noun phrase speaks;
    // not a "with" phrase that ends before the clause ("In an interview with
    // CNN, Trump …, saying").
    {"with_phrase_subject_of_a_participle",
     "Bremen rejected two bids, with the club's sporting director, Lukas Brandt, insisting the player was “not for "
     "sale”.",
     {{"not for sale", {{"name", "Lukas Brandt"}, {"cue", "insisting"}}}}},
    {"with_phrase_that_ends_early_is_no_subject",
     "In an interview with CNN, Ana Ruiz questioned the plan, saying it could not “make deals”.",
     {{"make deals", {{"name", "Ana Ruiz"}}}}},
    // A capitalised title with a "for"/"of" field, then a name: the name is
    // the holder's ("Minister for Health Ana Ruiz"); not where no name
    // follows the field, nor a name after an honorific inside it.
    {"holder_named_after_a_titles_field",
     "Minister for Health Ana Ruiz said aid was “blocked”. Secretary of State John F. Kerry called it “a "
     "disgrace”. Controller of Budget Margaret Otieno said the funds were “released”.",
     {{"blocked", {{"name", "Ana Ruiz"}}},
      {"a disgrace", {{"name", "John F. Kerry"}}},
      {"released", {{"name", "Margaret Otieno"}}}}},
    {"holder_with_three_names_after_a_field",
     "Former Secretary of State Hillary Rodham Clinton said it was “over”. Minister for Health Mary Ann Lee called "
     "it “a relief”.",
     {{"over", {{"name", "Hillary Rodham Clinton"}}}, {"a relief", {{"name", "Mary Ann Lee"}}}}},
    // Set 19: an office with two tails ("Minister of State for National
    // Development NAME") and a field joined by "and" ("MEC for Cooperative
    // Governance and Traditional Affairs NAME", "Secretary of State for
    // Health and Social Care NAME") leave the holder's name; a surname that
    // is a field word stays ("Jim Justice").
    {"holder_after_two_tails_or_a_field_with_and",
     "Senior Minister of State for National Development Haziq Iskandar Osman said it was “fair”. Eastern Cape MEC "
     "for Cooperative Governance and Traditional Affairs Zolani Mthembu said it was “calm”. Secretary of State for "
     "Health and Social Care Wes Streeting said it was “late”. Governor Jim Justice said it was “fine”.",
     {{"fair", {{"name", "Haziq Iskandar Osman"}, {"cue", "said"}}},
      {"calm", {{"name", "Zolani Mthembu"}}},
      {"late", {{"name", "Wes Streeting"}}},
      {"fine", {{"name", "Jim Justice"}}}}},
    // A role may follow the field ("Energy Works Manager NAME").
    {"role_after_a_field",
     "Energy Works Manager Tom Hall said it was “ready”. Public Health Director Ana Ruiz said it was “done”.",
     {{"ready", {{"name", "Tom Hall"}}}, {"done", {{"name", "Ana Ruiz"}}}}},
    {"no_holder_without_a_name_after_the_field",
     "The President of the United States said aid was “blocked”. A former Secret Service agent for President Bill "
     "Clinton said it was “a disgrace”.",
     {{"blocked", {{"name", "President of the United States"}}},
      {"a disgrace", {{"name", "Bill Clinton", kNot}}}}},
    // A role written in title case at its hyphen ("Secretary-General") is
    // the role noun "secretary-general"; a field after it names its holder.
    {"title_case_hyphenated_role",
     "The Secretary-General of the league said fouls had “more than doubled”. Assistant Secretary-General for "
     "Political Affairs Helena Okoro said the truce was “fragile”.",
     {{"more than doubled", {{"name", "Secretary-General of the league"}}},
      {"fragile", {{"name", "Helena Okoro"}, {"cue", "said"}}}}},
    // From the review of sets 15 and 16's rules: a title in title case is
    // dropped from the name ("NATO Secretary-General NAME"); a field word
    // is no first name ("Minister of Foreign Affairs Lavrov"); a "with"
    // phrase after a verb is its companion, not an absolute phrase; "called"
    // before a possessive or a quote is the speech verb; a place and its
    // state ("from Sumter, South Carolina,") do not make the state speak; an
    // "account holder" is a person.
    {"title_case_title_is_no_part_of_the_name",
     "NATO Secretary-General Mark Rutte said the alliance was “ready”.",
     {{"ready", {{"name", "Mark Rutte"}}}}},
    {"field_word_is_no_first_name", "Minister of Foreign Affairs Lavrov said the talks were “useful”.",
     {{"useful", {{"name", "Affairs Lavrov", kNot}}}}},
    {"with_after_a_verb_is_no_absolute_phrase",
     "The mayor arrived with her deputy, Tom Reed, saying “We are ready.”",
     {{"We are ready.", {{"name", "mayor"}}}}},
    {"called_before_a_possessive_or_quote_is_a_cue",
     "A spokesman called Johnson's remarks “deeply irresponsible”. An aide called Trump “a liar”.",
     {{"deeply irresponsible", {{"cue", "called"}, {"name", "spokesman"}}},
      {"a liar", {{"cue", "called"}, {"name", "aide"}}}}},
    {"a_place_and_its_state_do_not_speak",
     "Dean Johnson, a salesman from Sumter, South Carolina, said the plan was “fine”.",
     {{"fine", {{"name", "South Carolina", kNot}}}}},
    {"account_holder_is_a_person", "The account holder said the charges were “a mistake”.",
     {{"a mistake", {{"name", "account holder"}}}}},
    {"name_before_campaign_or_page",
     "The council's “Safe Streets” scheme starts in May. Details are on the “Clean Air Now” page. The union's "
     "“Fair Pay Now” demand was rejected.",
     {{"Safe Streets", {{"kind", "title"}}},
      {"Clean Air Now", {{"kind", "title"}}},
      {"Fair Pay Now", {{"kind", "title", kNot}}}}},
    // Set 17: a thing's name after "a" and up to two capitalised or number
    // modifiers; a note "headed" a title; a title-case quote in apposition
    // to a noun phrase a title noun heads, however long the phrase.
    {"titles_after_modifiers_headed_and_in_apposition",
     "Residents were placed under a Level 3 “Go Now” order. Analysts wrote a note to clients headed “Smaller "
     "Appetites, Smaller Multiples,” and cut their target. An independent review into last year's floods on the "
     "North Coast, “Ten Minutes Too Late”, found that warnings came late. Labour's “Fair Deal” campaign began.",
     {{"Go Now", {{"kind", "title"}}},
      {"Smaller Appetites, Smaller Multiples,", {{"kind", "title"}}},
      {"Ten Minutes Too Late", {{"kind", "title"}}},
      {"Fair Deal", {{"kind", "title"}}}}},
    // A show between its network and a day is a title, not a nickname; a
    // participle after a title noun does not make the quote speech.
    {"shows_and_papers_described",
     "She told ABC \"This Week\" Sunday that she was running. Ruiz told Fox News \"Hannity\" Tuesday that the "
     "bill was dead. Trump called Biden \"Sleepy Joe\" Tuesday at a rally. The institute published “Cities After "
     "Coal,” a paper describing how towns adapt.",
     {{"This Week", {{"kind", "title"}}},
      {"Hannity", {{"kind", "title"}}},
      {"Sleepy Joe", {{"kind", "title", kNot}}},
      {"Cities After Coal,", {{"kind", "title"}}}}},
    // A name in apposition to a product's noun names the product.
    {"product_in_apposition",
     "Much of the money is going into \"Northstar,\" the AI assistant the firm launched in May. \"Disaster,\" "
     "the party said. \"Absolutely,\" the drug company said when asked about prices.",
     {{"Northstar,", {{"kind", "title"}}},
      {"Disaster,", {{"kind", "title", kNot}}},
      {"Absolutely,", {{"kind", "title", kNot}}}}},
    {"no_title_in_apposition_without_a_title_noun",
     "The minister, asked about the floods on the North Coast, “Ten Minutes Too Late”, said nothing.",
     {{"Ten Minutes Too Late", {{"kind", "title", kNot}}}}},
};

BOOST_DATA_TEST_CASE(table, boost::unit_test::data::make(kKinds), c) { check_case(c); }

BOOST_AUTO_TEST_SUITE_END()

}  // namespace quotient

namespace quotient {

BOOST_AUTO_TEST_SUITE(indirect)

// Reported speech without quote marks, with `indirect` on.
std::vector<std::pair<std::string, std::string>> indirect_of(const std::string& text) {
  grammar::QuoteScan scan = grammar::scan_quotes(text);
  std::vector<std::pair<std::string, std::string>> out;
  for (const Attribution& a : attribute(text, scan, true))
    if (a.kind == QuoteKind::kIndirect)
      out.push_back({text.substr(a.content.begin, a.content.size()), a.name});
  return out;
}

BOOST_AUTO_TEST_CASE(said_that) {
  auto r = indirect_of("The finance minister said that the budget would balance by 2027.");
  BOOST_REQUIRE(r.size() == 1u);
  BOOST_TEST(r[0].first == "the budget would balance by 2027");
  BOOST_TEST(r[0].second == "finance minister");
}

BOOST_AUTO_TEST_CASE(content_before_the_cue) {
  auto r = indirect_of("The bridge will reopen in the spring, Maria Costa said on Monday.");
  BOOST_REQUIRE(r.size() == 1u);
  BOOST_TEST(r[0].first == "The bridge will reopen in the spring");
  BOOST_TEST(r[0].second == "Maria Costa");
}

BOOST_AUTO_TEST_CASE(according_to) {
  auto r = indirect_of("According to the Harbour Authority, ships are moving again after the strike.");
  BOOST_REQUIRE(r.size() == 1u);
  BOOST_TEST(r[0].first == "ships are moving again after the strike");
  BOOST_TEST(r[0].second == "Harbour Authority");
}

BOOST_AUTO_TEST_CASE(off_by_default_and_not_for_quoted_sentences) {
  std::string t = "Mr Bo said the plan was “sound”. The mayor said the vote would go ahead.";
  grammar::QuoteScan scan = grammar::scan_quotes(t);
  BOOST_TEST(attribute(t, scan).size() == 1u);
  auto r = indirect_of(t);
  BOOST_REQUIRE(r.size() == 1u);
  BOOST_TEST(r[0].first == "the vote would go ahead");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace quotient
