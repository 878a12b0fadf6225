// Attribution frames, document-level resolution and quote kinds, each on a
// sentence of our own written in the style of news copy.
#include <boost/test/unit_test.hpp>

#include "attribution.hpp"
#include "grammar.hpp"

namespace quotient {
namespace {

// What the tests look at, for the quote whose inner text is `quote`.
struct Seen {
  std::string name, mention, cue, rule;
  QuoteKind kind = QuoteKind::kSpeech;
  SpeakerType type = SpeakerType::kUnknown;
  bool found = false;
};

Seen attribution_of(const std::string& text, const std::string& quote, int nth = 0) {
  grammar::QuoteScan scan = grammar::scan_quotes(text);
  std::vector<Attribution> all = attribute(text, scan);
  Seen s;
  for (size_t i = 0; i < scan.quotes.size(); ++i) {
    const grammar::Range& r = scan.quotes[i].inner;
    if (text.substr(r.begin, r.size()) != quote || nth-- > 0) continue;
    const Attribution& a = all[i];
    s.found = true;
    s.name = a.name;
    s.kind = a.kind;
    s.type = a.type;
    s.rule = a.rule;
    if (a.mention) s.mention = text.substr(a.mention->begin, a.mention->size());
    if (a.cue) s.cue = text.substr(a.cue->range.begin, a.cue->range.size());
    break;
  }
  BOOST_REQUIRE_MESSAGE(s.found, "quote not found: " << quote);
  return s;
}

#define EXPECT_SPEAKER(text, quote, want_name, want_mention, want_cue)  \
  do {                                                                \
    Seen s_ = attribution_of(text, quote);                            \
    BOOST_TEST(s_.name == (want_name));                               \
    BOOST_TEST(s_.mention == (want_mention));                         \
    BOOST_TEST(s_.cue == (want_cue));                                 \
    BOOST_TEST((s_.kind == QuoteKind::kSpeech));                      \
  } while (0)

}  // namespace

BOOST_AUTO_TEST_SUITE(frames)

BOOST_AUTO_TEST_CASE(dismissed_branded_labelled_as) {
  std::string t =
      "Rival envoy Omar Haddad dismissed the plan as “a wish list”. The union branded the offer as "
      "“an insult”. Critics labelled the bill as “reckless”.";
  Seen a = attribution_of(t, "a wish list");
  BOOST_TEST(a.name == "Omar Haddad");
  BOOST_TEST(a.cue == "dismissed");
  BOOST_TEST(attribution_of(t, "an insult").cue == "branded");
  BOOST_TEST(attribution_of(t, "reckless").cue == "labelled");
}

BOOST_AUTO_TEST_CASE(a_bank_speaks) {
  std::string t = "In its quarterly report, the bank said lending had “stalled”.";
  Seen s = attribution_of(t, "stalled");
  BOOST_TEST(s.mention == "the bank");
  BOOST_TEST((s.kind == QuoteKind::kSpeech));
}

BOOST_AUTO_TEST_CASE(participle_skips_a_relative_clause_and_a_time_phrase) {
  std::string t =
      "The Dutch Embassy in Lima on Tuesday rejected an article that accused its staff of spying, calling "
      "the claims “absurd”.";
  Seen s = attribution_of(t, "absurd");
  BOOST_TEST(s.mention == "The Dutch Embassy in Lima");
  BOOST_TEST(s.cue == "calling");
}

BOOST_AUTO_TEST_CASE(in_a_statement_after_the_verb_belongs_to_the_verb) {
  std::string t = "The union said in a statement that the offer was “an insult”.";
  Seen s = attribution_of(t, "an insult");
  BOOST_TEST(s.mention == "The union");
  BOOST_TEST(s.cue == "said");
  // Before the clause it still introduces the speaker after it.
  Seen front = attribution_of("In a statement, the union called the offer “an insult”.", "an insult");
  BOOST_TEST(front.mention == "the union");
}

BOOST_AUTO_TEST_CASE(according_to_names_its_source_before_the_comma) {
  std::string t =
      "According to a memo sent to member airlines, the regulator believes the fee is “a hidden tax”.";
  Seen s = attribution_of(t, "a hidden tax");
  BOOST_TEST(s.mention == "a memo");
  BOOST_TEST(s.name != "member");
}

BOOST_AUTO_TEST_CASE(possessive_body_nouns_speak) {
  std::string t = "Her employer has said the charges are “baseless”.";
  Seen s = attribution_of(t, "baseless");
  BOOST_TEST((s.kind == QuoteKind::kSpeech));
  BOOST_TEST(s.mention == "Her employer");
}

BOOST_AUTO_TEST_CASE(post_quote_speaker_cue) {
  EXPECT_SPEAKER("“The bridge will reopen in May,” Maria Costa said.", "The bridge will reopen in May,",
                 "Maria Costa", "Maria Costa", "said");
}

BOOST_AUTO_TEST_CASE(post_quote_cue_speaker) {
  EXPECT_SPEAKER("\"We have no comment,\" said Peter Lindqvist, the club's chairman.",
                 "We have no comment,", "Peter Lindqvist", "Peter Lindqvist", "said");
}

// A long description after an inverted cue: four modifiers, or a year.
BOOST_AUTO_TEST_CASE(post_quote_long_description) {
  EXPECT_SPEAKER("“The ferry schedule was never published anywhere,” said a former senior harbour authority "
                 "official.",
                 "The ferry schedule was never published anywhere,", "former senior harbour authority official",
                 "a former senior harbour authority official", "said");
  EXPECT_SPEAKER("“Nobody told us the depot would close,” said a 2019 campaign veteran.",
                 "Nobody told us the depot would close,", "2019 campaign veteran", "a 2019 campaign veteran",
                 "said");
}

// The quote stands in a clause that goes on; an inverted cue closes the
// sentence.
BOOST_AUTO_TEST_CASE(later_inverted_cue) {
  EXPECT_SPEAKER("“The numbers simply do not add up” for the harbour plan, said Ana Ruiz, a council economist.",
                 "The numbers simply do not add up", "Ana Ruiz", "Ana Ruiz", "said");
}

// Plural groups and common speaker nouns of the lexicon.
BOOST_AUTO_TEST_CASE(post_quote_lexicon_nouns) {
  EXPECT_SPEAKER("“The rules keep changing on small landlords,” wrote one commenter.",
                 "The rules keep changing on small landlords,", "one commenter", "one commenter", "wrote");
  EXPECT_SPEAKER("“The bus never comes before nine on Sundays,” a young boy shouted.",
                 "The bus never comes before nine on Sundays,", "young boy", "a young boy", "shouted");
  EXPECT_SPEAKER("“We were never shown the budget for the stadium,” two investors said.",
                 "We were never shown the budget for the stadium,", "two investors", "two investors", "said");
}

// "a Twitter comment": a cue word after "a NAME" is a noun, not a verb
// with that name for subject.
BOOST_AUTO_TEST_CASE(cue_noun_after_indefinite_article) {
  EXPECT_SPEAKER("Ana Ruiz posted a Twitter comment of her own, saying, “The council has failed every tenant.”",
                 "The council has failed every tenant.", "Ana Ruiz", "Ana Ruiz", "saying");
}

// "was asked by X": the agent of a passive question asks it.
BOOST_AUTO_TEST_CASE(passive_question_agent) {
  EXPECT_SPEAKER("Ruiz was asked by host Tom Bale, who backs the plan, “Will the sea wall survive the winter?”",
                 "Will the sea wall survive the winter?", "Tom Bale", "Tom Bale", "asked");
}

// An unlisted -ed verb after "an angry NAME", as after the bare name.
BOOST_AUTO_TEST_CASE(post_quote_described_name_unlisted_verb) {
  EXPECT_SPEAKER("“The harbour will stay open to every boat that pays,” an irritated Okafor retorted.",
                 "The harbour will stay open to every boat that pays,", "Okafor", "Okafor", "retorted");
  EXPECT_SPEAKER("“The harbour will stay open to every boat that pays,” a tired Okafor snapped.",
                 "The harbour will stay open to every boat that pays,", "Okafor", "Okafor", "snapped");
}

// Two speakers joined by "and" before the cue are one source.
BOOST_AUTO_TEST_CASE(post_quote_joined_speakers) {
  Seen s = attribution_of("“The tunnel was never tested against a real flood,” engineers Ana Ruiz and Tom Bale wrote.",
                          "The tunnel was never tested against a real flood,");
  BOOST_TEST((s.kind == QuoteKind::kSpeech));
  BOOST_TEST(s.mention == "Tom Bale");
  BOOST_TEST(s.cue == "wrote");
}

// A mention after "After", "During", "Despite" … is no clause subject.
BOOST_AUTO_TEST_CASE(clause_subject_past_opening_preposition) {
  Seen s = attribution_of("After the Lisbon summit, Ruiz branded the deal “a costly mistake for every farmer”.",
                          "a costly mistake for every farmer");
  BOOST_TEST(s.mention == "Ruiz");
}

// "told X:" — X listens; a weekday may stand between subject and verb.
BOOST_AUTO_TEST_CASE(told_listener_is_no_speaker) {
  EXPECT_SPEAKER("Okafor later Tuesday told Channel Nine: “The ferry will run again by spring.”",
                 "The ferry will run again by spring.", "Okafor", "Okafor", "told");
}

// A digest line: a headline, a dash, then the quoted writer's name and a colon.
BOOST_AUTO_TEST_CASE(name_before_colon) {
  EXPECT_SPEAKER("HARBOUR FEES ARE RISING AGAIN - Ana Ruiz: “The port has raised its fees three times this year.”",
                 "The port has raised its fees three times this year.", "Ana Ruiz", "Ana Ruiz", ":");
}

BOOST_AUTO_TEST_CASE(post_quote_appositive) {
  EXPECT_SPEAKER("“Rents are rising,” Jane Okafor, a spokeswoman for the housing agency, said.",
                 "Rents are rising,", "Jane Okafor", "Jane Okafor", "said");
}

BOOST_AUTO_TEST_CASE(post_quote_lowercase_title) {
  EXPECT_SPEAKER("\"The fund is there,\" state Sen. Mary Alder wrote on Twitter.", "The fund is there,",
                 "Mary Alder", "Sen. Mary Alder", "wrote on Twitter");
}

BOOST_AUTO_TEST_CASE(pre_cue_that) {
  EXPECT_SPEAKER("Mr Alvarez said on Monday that the plan was “dead on arrival”.", "dead on arrival",
                 "Alvarez", "Mr Alvarez", "said");
}

BOOST_AUTO_TEST_CASE(colon_introduction) {
  EXPECT_SPEAKER("The mayor told reporters: “We will rebuild.”", "We will rebuild.", "mayor",
                 "The mayor", "told reporters");
}

BOOST_AUTO_TEST_CASE(colon_at_paragraph_end) {
  EXPECT_SPEAKER("Dr. Amal Haddad, who runs the clinic, told the board:\n\n“We need the money now.”",
                 "We need the money now.", "Amal Haddad", "Dr. Amal Haddad", "told");
}

BOOST_AUTO_TEST_CASE(described_as) {
  EXPECT_SPEAKER("The drills, which Admiral Jon Berg described as “reckless”, ended on Sunday.",
                 "reckless", "Jon Berg", "Admiral Jon Berg", "described");
}

BOOST_AUTO_TEST_CASE(according_to) {
  EXPECT_SPEAKER("According to the Harbour Authority, the port was “operating normally”.",
                 "operating normally", "Harbour Authority", "the Harbour Authority", "According to");
}

BOOST_AUTO_TEST_CASE(participle_shares_subject) {
  std::string t = "A ministry spokesman said the talks were “useful”, adding: “More work is needed.”";
  Seen s = attribution_of(t, "More work is needed.");
  BOOST_TEST(s.mention == "A ministry spokesman");
  BOOST_TEST(s.cue == "adding");
}

BOOST_AUTO_TEST_CASE(and_shares_subject) {
  std::string t = "Ms Berger said Austria was “ready to help” and also stressed the need for “calm”.";
  Seen s = attribution_of(t, "calm");
  BOOST_TEST(s.mention == "Ms Berger");
  BOOST_TEST(s.cue == "stressed");
}

BOOST_AUTO_TEST_CASE(interrupted_quote_both_halves) {
  std::string t = "“We tried,” he said, “but the money ran out.”";
  Seen a = attribution_of(t, "We tried,"), b = attribution_of(t, "but the money ran out.");
  BOOST_TEST(a.mention == "he");
  BOOST_TEST(b.mention == "he");
}

BOOST_AUTO_TEST_CASE(paragraph_continues_speaker) {
  std::string t =
      "“The schools are full,” said Omar Reyes, the district superintendent. “We are out of room.”\n\n"
      "“Next year will be worse.”";
  BOOST_TEST(attribution_of(t, "We are out of room.").name == "Omar Reyes");
  Seen s = attribution_of(t, "Next year will be worse.");
  BOOST_TEST(s.name == "Omar Reyes");
  BOOST_TEST(s.rule == "continuation");
  BOOST_TEST(s.cue == "said");  // the statement goes on under the same verb
}

BOOST_AUTO_TEST_CASE(statement_continues_into_next_sentence) {
  std::string t =
      "The union said it would strike in June. Its demands include “a fair wage for every driver”.";
  Seen s = attribution_of(t, "a fair wage for every driver");
  BOOST_TEST(s.mention == "The union");
  BOOST_TEST(s.rule == "continuation");
}

BOOST_AUTO_TEST_CASE(stacked_appositives) {
  EXPECT_SPEAKER("“The levy is unlawful,” Rosa Delgado, the state attorney general, one of six "
                 "officials who sued, said on Monday.",
                 "The levy is unlawful,", "Rosa Delgado", "Rosa Delgado", "said");
}

BOOST_AUTO_TEST_CASE(long_appositive) {
  EXPECT_SPEAKER("''We can afford it,'' Martin K. Osei, director of the independent Harbour Budget "
                 "Institute and a lecturer at the City School of Economics in Leeds, said.",
                 "We can afford it,", "Martin K. Osei", "Martin K. Osei", "said");
}

BOOST_AUTO_TEST_CASE(clause_subject_outranks_previous_statement) {
  std::string t =
      "Ms Reyes said the budget was balanced. In a speech on Friday, the council branded her plan "
      "“a fantasy”.";
  Seen s = attribution_of(t, "a fantasy");
  BOOST_TEST(s.mention == "the council");
  BOOST_TEST(s.rule == "clause_subject");
}

BOOST_AUTO_TEST_CASE(clause_subject_is_not_an_object) {
  std::string t =
      "Ms Reyes said the budget was balanced. A letter from the council described the cuts in "
      "detail, calling for “shared sacrifice”.";
  BOOST_TEST(attribution_of(t, "shared sacrifice").mention != "the council");
}

BOOST_AUTO_TEST_CASE(post_cue_speaker_before_relative_clause) {
  EXPECT_SPEAKER("“We lost the room,” said a party strategist who asked not to be named.",
                 "We lost the room,", "party strategist", "a party strategist", "said");
}

// A speech-like quote with no cue and no statement before it: the subject
// of its clause ("Ruiz thanked the crews for “…”").
BOOST_AUTO_TEST_CASE(clause_subject_without_previous_statement) {
  std::string t =
      "Mayor Ana Ruiz thanked the road crews for “keeping this city moving through a long, hard "
      "winter.”";
  Seen s = attribution_of(t, "keeping this city moving through a long, hard winter.");
  BOOST_TEST(s.mention == "Mayor Ana Ruiz");
  BOOST_TEST(s.rule == "clause_subject");
}

// A possessive before a cue word is a determiner ("Doyle's remarks were
// “…”"), unless the noun introduces a that-clause ("Doyle's claim that “…”").
BOOST_AUTO_TEST_CASE(possessive_is_no_subject) {
  std::string t = "Ruth Amsel told the radio station that Mr Doyle's comments were “beneath the office”.";
  BOOST_TEST(attribution_of(t, "beneath the office").mention == "Ruth Amsel");
  t = "Ruth Amsel dismissed Mr Doyle's claim that the port was “losing money every day”.";
  BOOST_TEST(attribution_of(t, "losing money every day").mention == "Mr Doyle's");
}

// “…?” NAME asked … — the sentence splitter ends the sentence after a
// quote-final mark when the cue's clause runs on; the next sentence's
// post-quote frame still attributes the quote.
BOOST_AUTO_TEST_CASE(post_quote_frame_in_the_next_sentence) {
  std::string t =
      "The hall was full.\n\n“Who is going to pay for this?” Councillor Dana Pryce asked the "
      "planning committee during its evening session.";
  Seen s = attribution_of(t, "Who is going to pay for this?");
  BOOST_TEST(s.mention == "Councillor Dana Pryce");
  BOOST_TEST(s.cue == "asked");
  // Not when that sentence opens something new.
  t = "Pryce spoke first. “We are broke.” Hale added: “We are not.”";
  BOOST_TEST(attribution_of(t, "We are broke.").mention != "Hale");
  t = "Pryce spoke first. “We are broke.” Hale said that the figures were wrong.";
  BOOST_TEST(attribution_of(t, "We are broke.").mention != "Hale");
  t = "Pryce spoke first. “We are broke.” Hale replied, “We are not.”";
  BOOST_TEST(attribution_of(t, "We are broke.").mention != "Hale");
}

// "according to" after a quote names its outermost source, over a
// post-quote speaker (before it, see statement_by_names_its_issuer).
BOOST_AUTO_TEST_CASE(according_to_is_the_outer_source) {
  std::string t = "“We will not back down,” the minister said, according to the Harbour Gazette.";
  Seen s = attribution_of(t, "We will not back down,");
  BOOST_TEST(s.mention == "the Harbour Gazette");
  BOOST_TEST(s.cue == "according to");
  t = "The plant was “running at a loss for years,” according to a report by the auditors.";
  BOOST_TEST(attribution_of(t, "running at a loss for years,").mention == "a report by the auditors");
}

// NYT archive style: a nested single quote closing with the double one
// (''... 'no.''') leaves a stray mark before the post-quote speaker.
BOOST_AUTO_TEST_CASE(post_quote_after_nested_close) {
  std::string t =
      "The talks ended late.\n\n''I asked again, and she said, 'not this year.''' Mr. Okonkwo said.";
  Seen s = attribution_of(t, "I asked again, and she said, 'not this year.");
  BOOST_TEST(s.mention == "Mr. Okonkwo");
  BOOST_TEST(s.cue == "said");
}

// A parenthetical cue later in the sentence: “Q” for the party, she said.
BOOST_AUTO_TEST_CASE(later_cue_in_the_sentence) {
  std::string t =
      "Ms Ferrand spoke next.\n\n“This is a turning point” for the whole region, Ms Ferrand said.";
  Seen s = attribution_of(t, "This is a turning point");
  BOOST_TEST(s.mention == "Ms Ferrand");
  BOOST_TEST(s.rule == "later_cue");
  // Not a verb that opens a new clause ("he said that …").
  t = "Costs were “out of control” last year, and Ms Ferrand said that was new.";
  BOOST_TEST(attribution_of(t, "out of control").rule != "later_cue");
}

// Right after a whole quoted utterance, an -ed verb the lexicon does not
// list is a cue: “Q,” Kessler snapped. | “Q,” grumbled Ada Kessler.
BOOST_AUTO_TEST_CASE(unlisted_verb_after_an_utterance) {
  std::string t = "The vote was close.\n\n“Nobody asked us,” Ada Kessler snapped on Tuesday.";
  Seen s = attribution_of(t, "Nobody asked us,");
  BOOST_TEST(s.mention == "Ada Kessler");
  BOOST_TEST(s.cue == "snapped");
  t = "The vote was close.\n\n“Nobody asked us,” grumbled Ada Kessler, a farmer.";
  BOOST_TEST(attribution_of(t, "Nobody asked us,").mention == "Ada Kessler");
  // Not after a fragment, nor for a verb that runs on in the next sentence.
  t = "Officials debated a “temporary levy” Ada Kessler opposed on principle.";
  BOOST_TEST(attribution_of(t, "temporary levy").mention != "Ada Kessler");
  t = "Mr Brandt warned of “a long winter.” Ada Kessler struggled to reply.";
  BOOST_TEST(attribution_of(t, "a long winter.").mention != "Ada Kessler");
}

// An inverted cue, then descriptors before a name: "said former Ohio
// congresswoman Ruth Abel", "said pollster Dev Anand, who …".
BOOST_AUTO_TEST_CASE(post_cue_descriptors_before_a_name) {
  std::string t = "The count went on.\n\n“It is far from over,” said former Ohio congresswoman Ruth Abel.";
  Seen s = attribution_of(t, "It is far from over,");
  BOOST_TEST(s.mention == "Ohio congresswoman Ruth Abel");
  BOOST_TEST(s.name == "Ruth Abel");
  t = "The count went on.\n\n“It is far from over,” said veteran pollster Dev Anand, who ran the survey.";
  BOOST_TEST(attribution_of(t, "It is far from over,").mention == "Dev Anand");
  t = "The count went on.\n\n“It is far from over,” said the elder Mr. Anand, smiling.";
  BOOST_TEST(attribution_of(t, "It is far from over,").mention == "Mr. Anand");
  t = "The count went on.\n\n“It is far from over,” said 7/7 survivor Dev Anand.";
  BOOST_TEST(attribution_of(t, "It is far from over,").mention == "Dev Anand");
  t = "The count went on.\n\n“It is far from over,” suggests that Ruth Abel was right.";
  BOOST_TEST(attribution_of(t, "It is far from over,").mention != "Ruth Abel");
}

// "wrote Ana Ruiz for the Coast Herald": the person, not the outlet after her.
BOOST_AUTO_TEST_CASE(post_cue_person_before_outlet) {
  std::string t = "The poll moved.\n\n“Nothing is settled,” wrote Ana Ruiz for the Coast Herald.";
  BOOST_TEST(attribution_of(t, "Nothing is settled,").mention == "Ana Ruiz");
}

// A mention after a preposition is an object, and a cue word after it a
// noun: "rated 40% of Labour claims as “…”" is not Labour's speech.
BOOST_AUTO_TEST_CASE(object_of_preposition_is_no_subject) {
  std::string t = "The Fact Desk rated 40% of Labour claims as “mostly false” last year.";
  BOOST_TEST(attribution_of(t, "mostly false").mention != "Labour");
  t = "Lena Park of the Coast Herald wrote that the council was “out of its depth”.";
  BOOST_TEST(attribution_of(t, "out of its depth").mention == "Lena Park");
}

// "Smiling, the mayor boomed “…”": an opening participle is no subject.
BOOST_AUTO_TEST_CASE(clause_subject_after_an_opening_participle) {
  std::string t = "Smiling broadly, the mayor then dismissed the plan as “a fairy tale, start to finish.”";
  BOOST_TEST(attribution_of(t, "a fairy tale, start to finish.").mention == "the mayor");
  t = "Smiling broadly, the mayor was blunt: “It is a fairy tale.”";
  BOOST_TEST(attribution_of(t, "It is a fairy tale.").mention == "the mayor");
}

// Role nouns of campaign and court copy: "campaign manager", "the judge",
// "the email".
BOOST_AUTO_TEST_CASE(more_role_nouns) {
  std::string t = "“We need a plan,” the campaign manager, Ida Brandt, said on Sunday.";
  BOOST_TEST(attribution_of(t, "We need a plan,").mention == "Ida Brandt");
  t = "“The motion is denied,” the judge said.";
  BOOST_TEST(attribution_of(t, "The motion is denied,").mention == "the judge");
  t = "“Donate before midnight,” the email said.";
  BOOST_TEST(attribution_of(t, "Donate before midnight,").mention == "the email");
}

// “…”¶¶- Ana Vidal. — a byline paragraph under a quoted paragraph; and an
// appositive name whose closing comma is missing.
BOOST_AUTO_TEST_CASE(byline_paragraph_and_open_appositive) {
  std::string t = "The debate ran late.\n\n\"We will fund every school.\"\n\n- Ana Vidal.\n\nShe won.";
  Seen s = attribution_of(t, "We will fund every school.");
  BOOST_TEST(s.mention == "Ana Vidal");
  BOOST_TEST(s.rule == "dash");
  t = "The debate ran late.\n\n“We were never asked,” a neighbour, Ana Vidal told reporters.";
  BOOST_TEST(attribution_of(t, "We were never asked,").mention == "Ana Vidal");
}

// A clause opened by a conjunction after the quote is no post-quote frame:
// "Pryce called it “a farce” when Hale said …" stays with Pryce.
BOOST_AUTO_TEST_CASE(conjunction_after_quote_opens_a_new_clause) {
  std::string t = "Dana Pryce said the plan was “a farce” when Ivo Hale said it would pass.";
  BOOST_TEST(attribution_of(t, "a farce").mention == "Dana Pryce");
  t = "Dana Pryce called the plan “a farce” but Ivo Hale said it would pass.";
  BOOST_TEST(attribution_of(t, "a farce").mention == "Dana Pryce");
}

// "X laughed and said": the subject of the verb "and" joins, even when the
// lexicon does not list that verb; not an object ("sit Putin down and tell").
BOOST_AUTO_TEST_CASE(and_joins_an_unlisted_verb) {
  std::string t = "Asked about the polls on Monday, Ida Brandt laughed and said, “We will see.”";
  BOOST_TEST(attribution_of(t, "We will see.").mention == "Ida Brandt");
  t = "Ida Brandt says she would call Omar Haddad in and tell him “the deal is off”.";
  BOOST_TEST(attribution_of(t, "the deal is off").mention != "Omar Haddad");
}

// “…?” Hale pressed. “…” — the second quote goes on with the speaker the
// sentence between them names.
BOOST_AUTO_TEST_CASE(continuation_across_the_naming_sentence) {
  std::string t = "The panel met.\n\n“Where is the money?” Ivo Hale pressed. “Nobody can tell me.”";
  BOOST_TEST(attribution_of(t, "Nobody can tell me.").mention == "Ivo Hale");
}

// "my father often said": a possessive determiner and an adverb without -ly.
BOOST_AUTO_TEST_CASE(my_father_often_said) {
  std::string t = "The farm was sold.\n\n“Land is the only thing that lasts,” my father often said.";
  BOOST_TEST(attribution_of(t, "Land is the only thing that lasts,").mention == "my father");
}

// "With X worried, Y is rolling out a message: “…”": the colon's clause
// subject, not the object of a capitalised "With".
BOOST_AUTO_TEST_CASE(colon_clause_subject_after_opening_with) {
  std::string t =
      "With Labour leaders worried about turnout, Mayor Ida Brandt is trying a new message: “Vote for "
      "the city.”";
  BOOST_TEST(attribution_of(t, "Vote for the city.").mention == "Mayor Ida Brandt");
}

// "she released a statement saying “…”": the object of a verb before a
// participle is not its subject; "footage of Vane saying" still is.
BOOST_AUTO_TEST_CASE(participle_after_an_object) {
  std::string t = "Late on Friday, Ms Vane released a statement saying “the talks are over”.";
  BOOST_TEST(attribution_of(t, "the talks are over").mention == "Ms Vane");
  t = "The clip shows footage of Ms Vane saying “the talks are over”.";
  BOOST_TEST(attribution_of(t, "the talks are over").mention == "Ms Vane");
}

// "at one point calling the mayor a “…”": the participle's object is not an
// inverted speaker.
BOOST_AUTO_TEST_CASE(participle_object_is_no_speaker) {
  std::string t = "Ida Brandt spoke for an hour, at one point calling the mayor a “coward” twice.";
  BOOST_TEST(attribution_of(t, "coward").mention == "Ida Brandt");
}

BOOST_AUTO_TEST_CASE(infinitive_is_no_cue) {
  std::string t = "Ms Park had said it was time to speak “plainly” about costs.";
  Seen s = attribution_of(t, "plainly");
  BOOST_TEST(s.mention == "Ms Park");
  BOOST_TEST(s.cue == "said");
}

// A capitalised cue word inside a name is no cue: "Hope", "Read" are names
// between a title and a surname.
BOOST_AUTO_TEST_CASE(cue_word_inside_a_name) {
  std::string t = "The board met on Monday. “We will appeal,” club spokeswoman Hope Varga said.";
  Seen s = attribution_of(t, "We will appeal,");
  BOOST_TEST(s.name == "Hope Varga");
  BOOST_TEST(s.cue == "said");
}

// Documents that speak after a quote: "the suit says", "the note reads".
BOOST_AUTO_TEST_CASE(post_quote_document_nouns) {
  std::string t = "The hearing was short. “The firing broke the law,” the suit says. “Pay up,” the note reads.";
  BOOST_TEST(attribution_of(t, "The firing broke the law,").mention == "the suit");
  BOOST_TEST(attribution_of(t, "Pay up,").mention == "the note");
}

// "…, who answered": after a comma and a short lower-case phrase, "who"
// refers to the mention before the phrase.
BOOST_AUTO_TEST_CASE(relative_pronoun_after_a_phrase) {
  std::string t = "The ranchers met on Monday. Omar Bundy spoke to Ana Ruiz on camera, who answered: “We will not leave.”";
  Seen s = attribution_of(t, "We will not leave.");
  BOOST_TEST(s.mention == "who");
  BOOST_TEST(s.name == "Ana Ruiz");
}

// Three lower-case descriptor words between an outlet and the name.
BOOST_AUTO_TEST_CASE(post_quote_three_descriptor_words) {
  std::string t = "The vote was close. “We will win in the fall,” Acme's senior communications adviser Jo Lindqvist said.";
  BOOST_TEST(attribution_of(t, "We will win in the fall,").name == "Jo Lindqvist");
}

// The object of "to" or "on" before a participle or a colon is a listener or
// a venue, not the speaker (the object of "of" may still be: "footage of X
// saying").
BOOST_AUTO_TEST_CASE(object_of_to_or_on_is_no_speaker) {
  std::string t = "The board met on Monday. Late on Friday the campaign sent a text message to supporters saying: “We need you now.”";
  BOOST_TEST(attribution_of(t, "We need you now.").mention == "the campaign");
  t = "The board met on Monday. The mayor spoke briefly on Radio Lux: “We will rebuild.”";
  BOOST_TEST(attribution_of(t, "We will rebuild.").mention == "The mayor");
}

// After a quote, a mention after a preposition is its object; the inverted
// cue after the comma names the speaker.
BOOST_AUTO_TEST_CASE(post_quote_object_of_preposition_is_no_speaker) {
  std::string t = "The vote was close. The treaty signals “a new era” for the Union, said Marta Kolar, a deputy.";
  BOOST_TEST(attribution_of(t, "a new era").name == "Marta Kolar");
}

// People described by what they did at an event speak after a quote too.
BOOST_AUTO_TEST_CASE(post_quote_event_roles) {
  std::string t = "The rally was loud. “You are a fraud,” a heckler shouted. “He had it coming,” the assailant told police.";
  BOOST_TEST(attribution_of(t, "You are a fraud,").mention == "a heckler");
  BOOST_TEST(attribution_of(t, "He had it coming,").mention == "the assailant");
}

// "X said in a statement that “…”": the "that" after "in a statement" opens
// the reported clause; the verb's subject speaks.
BOOST_AUTO_TEST_CASE(statement_phrase_then_that) {
  std::string t = "Lena Ortiz, the union's treasurer, said in a statement that the deal “falls far short”.";
  Seen s = attribution_of(t, "falls far short");
  BOOST_TEST(s.mention == "Lena Ortiz");
  BOOST_TEST(s.name == "Lena Ortiz");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(resolution)

BOOST_AUTO_TEST_CASE(a_titled_persons_of_names_a_place) {
  std::string t = "Sen. Ruth Abbot of Ohio said the bill was “dead”. Abbot said it was “finished”.";
  BOOST_TEST(attribution_of(t, "dead").name == "Ruth Abbot");
  BOOST_TEST(attribution_of(t, "finished").name == "Ruth Abbot");
  // A body keeps its "of".
  BOOST_TEST(attribution_of("The Bank of Ireland said rates were “stable”.", "stable").name == "Bank of Ireland");
}

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

BOOST_AUTO_TEST_CASE(which_after_a_phrase_does_not_make_a_person_a_body) {
  std::string t =
      "Priya Sexton spoke on Monday. Sexton said the plan, which was drafted last year, would fail, "
      "adding: “It cannot work.”";
  Seen s = attribution_of(t, "It cannot work.");
  BOOST_TEST(s.name == "Priya Sexton");
  BOOST_TEST((s.type == SpeakerType::kPerson));
}

BOOST_AUTO_TEST_CASE(a_word_after_a_closing_quote_opens_a_sentence) {
  std::string t = "Rivera said: “The country is ready.” Optimism runs high that a “new era of trade” is near.";
  BOOST_TEST(attribution_of(t, "new era of trade").name != "Optimism");
}

BOOST_AUTO_TEST_CASE(a_name_that_takes_which_is_a_body) {
  std::string t =
      "The ministry declined to comment. Farmers Ireland, which speaks for growers, met officials on Monday. "
      "It said the levy was “unfair”.";
  Seen s = attribution_of(t, "unfair");
  BOOST_TEST(s.name == "Farmers Ireland");
  BOOST_TEST(s.mention == "It");
}

BOOST_AUTO_TEST_CASE(a_report_released_by_a_body_speaks_for_it) {
  std::string t =
      "The council rejected a report on housing. The report, published on Friday by the Tenants Alliance, "
      "said rents had become “impossible”.";
  Seen s = attribution_of(t, "impossible");
  BOOST_TEST(s.name == "Tenants Alliance");
  // A text the speaker rejects is not the speaker's own.
  Seen r = attribution_of("The council rejected a report that called rents “impossible”. The report said "
                          "tenants were “desperate”.", "desperate");
  BOOST_TEST(r.name == "report");
}

BOOST_AUTO_TEST_CASE(the_statement_is_the_last_statement_not_the_last_text) {
  std::string t =
      "The union said in a statement that the offer was “an insult”. The company released a report on "
      "Monday. The statement also called the talks “a charade”.";
  BOOST_TEST(attribution_of(t, "a charade").name == "union");
}

BOOST_AUTO_TEST_CASE(the_office_is_the_person_last_titled_with_it) {
  std::string t =
      "Transport Secretary Anna Pryce opened the bridge on Monday. Engineers praised the design. "
      "The secretary said the project was “a model”. The prime minister said it was “late”.";
  Seen s = attribution_of(t, "a model");
  BOOST_TEST(s.name == "Anna Pryce");
  BOOST_TEST(s.mention == "The secretary");
  BOOST_TEST((s.type == SpeakerType::kPerson));
  // Another office is not hers; it stays a role.
  Seen other = attribution_of(t, "late");
  BOOST_TEST(other.name == "prime minister");
  BOOST_TEST((other.type == SpeakerType::kRole));
}

BOOST_AUTO_TEST_CASE(an_indefinite_office_is_nobody_in_particular) {
  std::string t = "Health Minister Ravi Sen arrived. A minister said the plan was “costly”.";
  BOOST_TEST(attribution_of(t, "costly").name == "minister");
}

BOOST_AUTO_TEST_CASE(pronoun_after_a_speaking_office_holder) {
  // The last person named is a man who spoke before; "she" is the minister,
  // subject of the sentence before the quote.
  std::string t =
      "“We are ready,” said Labour Minister Carla Mendes.\n\n"
      "“It will cost jobs,” said Piet Vos, an analyst.\n\n"
      "The minister argued that the reform could wait. “There is no rush,” she said.";
  Seen s = attribution_of(t, "There is no rush,");
  BOOST_TEST(s.name == "Carla Mendes");
  BOOST_TEST(s.mention == "she");
}

BOOST_AUTO_TEST_CASE(title_and_surname_to_full_name) {
  std::string t =
      "Helen Marsh arrived in Oslo on Tuesday. Later, Ms Marsh said the visit was “overdue”.";
  Seen s = attribution_of(t, "overdue");
  BOOST_TEST(s.name == "Helen Marsh");
  BOOST_TEST(s.mention == "Ms Marsh");
  BOOST_TEST((s.type == SpeakerType::kPerson));
}

BOOST_AUTO_TEST_CASE(family_name_first) {
  std::string t = "She met Park Jiwoo, the trade envoy. Mr Park said both sides were “close”.";
  BOOST_TEST(attribution_of(t, "close").name == "Park Jiwoo");
}

BOOST_AUTO_TEST_CASE(pronoun_to_last_named_person) {
  std::string t =
      "The deal followed a visit by Tomas Ruiz in May. That trip went well, with Mr Ruiz meeting "
      "the prime minister. He later stressed the need for “patience”.";
  Seen s = attribution_of(t, "patience");
  BOOST_TEST(s.mention == "He");
  BOOST_TEST(s.name == "Tomas Ruiz");
}

BOOST_AUTO_TEST_CASE(pronoun_to_speaker_of_previous_sentence) {
  std::string t =
      "A Treasury spokeswoman said the minister had been “fully briefed”. Asked about tax, she said "
      "that was “a matter for the budget”.";
  Seen s = attribution_of(t, "a matter for the budget");
  BOOST_TEST(s.mention == "she");
  BOOST_TEST(s.name == "Treasury spokeswoman");
}

// A pronoun inside a clause that its antecedent reports: the reporting
// subject is the source (PolNeAR marks the outermost one).
BOOST_AUTO_TEST_CASE(pronoun_in_clause_reported_by_its_antecedent) {
  std::string t =
      "Ms Vale said the plan was “sound”. Later, Nora Blythe said she recalled thinking “this will "
      "not last”.";
  Seen s = attribution_of(t, "this will not last");
  BOOST_TEST(s.mention == "Nora Blythe");
  BOOST_TEST(s.name == "Nora Blythe");
  t = "Omar Haddad told reporters on Monday that he had warned of “a slow collapse”.";
  BOOST_TEST(attribution_of(t, "a slow collapse").mention == "Omar Haddad");
}

// Another speaker inside a clause that a speech verb reports: the reporting
// subject is the source, with its own name.
BOOST_AUTO_TEST_CASE(speaker_in_reported_clause_to_reporting_subject) {
  std::string t = "Rep. Amara Diallo said the mayor had called the budget “a disgrace”.";
  Seen s = attribution_of(t, "a disgrace");
  BOOST_TEST(s.mention == "Rep. Amara Diallo");
  BOOST_TEST(s.name == "Amara Diallo");
}

// A pronoun that is itself the subject of the cue stays the mention.
BOOST_AUTO_TEST_CASE(pronoun_direct_speaker_keeps_its_mention) {
  std::string t = "Nora Blythe chaired the inquiry. Later, she said the report was “long overdue”.";
  Seen s = attribution_of(t, "long overdue");
  BOOST_TEST(s.mention == "she");
  BOOST_TEST(s.name == "Nora Blythe");
  // A second cue of the same person, not reporting the first: still "she".
  t = "Nora Blythe said the talks had ended on Monday, though she said “the door is open”.";
  s = attribution_of(t, "the door is open");
  BOOST_TEST(s.mention == "she");
  BOOST_TEST(s.name == "Nora Blythe");
  t = "The tariffs, which she called “a tax on families”, were dropped after Nora Blythe objected.";
  BOOST_TEST(attribution_of(t, "a tax on families").mention == "she");
}

// "X condemned what he called “…”": the naming is the subject's.
BOOST_AUTO_TEST_CASE(what_pronoun_called_to_clause_subject) {
  std::string t = "Lena Ortiz attacked what she called “a reckless gamble” with public money.";
  Seen s = attribution_of(t, "a reckless gamble");
  BOOST_TEST(s.mention == "Lena Ortiz");
  BOOST_TEST(s.name == "Lena Ortiz");
  t = "The union denounced what it calls the “quiet sell-off” of the port.";
  BOOST_TEST(attribution_of(t, "quiet sell-off").mention == "The union");
}

// A name after a preposition ("in New York") is mostly a place: no antecedent
// for "she".
BOOST_AUTO_TEST_CASE(pronoun_skips_a_place_after_a_preposition) {
  std::string t = "Marta Lind grew up in New Harbour. Later she said the city was “too loud for anyone”.";
  Seen s = attribution_of(t, "too loud for anyone");
  BOOST_TEST(s.mention == "she");
  BOOST_TEST(s.name == "Marta Lind");
}

BOOST_AUTO_TEST_CASE(it_to_the_body_that_spoke) {
  std::string t =
      "The Water Board said supplies were “stable”. It added that repairs were “on schedule”.";
  Seen s = attribution_of(t, "on schedule");
  BOOST_TEST(s.mention == "It");
  BOOST_TEST(s.name == "Water Board");
  BOOST_TEST((s.type == SpeakerType::kOrganization));
}

BOOST_AUTO_TEST_CASE(statement_to_its_issuer) {
  std::string t =
      "In a statement issued on Friday, the Rail Office said fares would “rise modestly”. The "
      "statement said the change was “unavoidable”.";
  Seen s = attribution_of(t, "unavoidable");
  BOOST_TEST(s.mention == "The statement");
  BOOST_TEST(s.name == "Rail Office");
}

BOOST_AUTO_TEST_CASE(statement_by_names_its_issuer) {
  std::string t =
      "According to a statement by the Port Authority, Mr Osei said ships were “moving again”. The "
      "statement called the strike “regrettable”.";
  BOOST_TEST(attribution_of(t, "moving again").mention == "Mr Osei");
  BOOST_TEST(attribution_of(t, "regrettable").name == "Port Authority");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(kinds)

// A title-case quote after "author of", "told", "with" names a work or a show.
BOOST_AUTO_TEST_CASE(title_after_of_told_with) {
  std::string text =
      "“Nobody reads the footnotes,” said Tom Bale, the author of “Harbour Lights and Hidden Costs,” a study "
      "of port finances. Ruiz told “Morning Tide Radio” that she would run.";
  BOOST_TEST((attribution_of(text, "Harbour Lights and Hidden Costs,").kind == QuoteKind::kTitle));
  BOOST_TEST((attribution_of(text, "Morning Tide Radio").kind == QuoteKind::kTitle));
}

// A headline with its byline in a digest: a title, even after a statement.
BOOST_AUTO_TEST_CASE(headline_with_byline) {
  std::string text =
      "“The pier will be rebuilt,” Mayor Ana Ruiz said.\n\nHARBOUR WATCH—“Fishing fleet returns to the old "
      "pier after ten years” by Tribune's Tom Bale: the boats came back on Monday.";
  Seen s = attribution_of(text, "Fishing fleet returns to the old pier after ten years");
  BOOST_TEST((s.kind == QuoteKind::kTitle));
}

BOOST_AUTO_TEST_CASE(title_has_no_speaker) {
  std::string t = "The museum is showing the documentary 'Rivers of Salt', which opens on Friday.";
  Seen s = attribution_of(t, "Rivers of Salt");
  BOOST_TEST((s.kind == QuoteKind::kTitle));
  BOOST_TEST(s.mention.empty());
}

// Small words do not count against a title: "Face of the Nation".
BOOST_AUTO_TEST_CASE(title_with_small_words) {
  std::string t = "Ms Okafor spoke on KTV's “Face of the Nation.”";
  BOOST_TEST((attribution_of(t, "Face of the Nation.").kind == QuoteKind::kTitle));
}

// A short quote after "as" or "a" in a speaker's clause is a
// characterisation ("Vane admires the plan as a “bold stroke”"), not a
// scare quote; in a plain noun phrase it stays one.
BOOST_AUTO_TEST_CASE(characterisation_after_as) {
  Seen s = attribution_of("Ms Vane admires the plan as a “bold stroke”.", "bold stroke");
  BOOST_TEST((s.kind == QuoteKind::kSpeech));
  BOOST_TEST(s.mention == "Ms Vane");
  BOOST_TEST((attribution_of("Ms Vane joined the “reform” caucus.", "reform").kind == QuoteKind::kScare));
}

BOOST_AUTO_TEST_CASE(headline_scare_quote) {
  std::string t = "Talks end in ‘productive’ mood\n\nThe weather was fine.";
  Seen s = attribution_of(t, "productive");
  BOOST_TEST((s.kind == QuoteKind::kScare));
  BOOST_TEST(s.mention.empty());
}

BOOST_AUTO_TEST_CASE(one_word_quote_with_cue_is_speech) {
  std::string t = "The Foreign Office described the meeting as “cordial”.";
  Seen s = attribution_of(t, "cordial");
  BOOST_TEST((s.kind == QuoteKind::kSpeech));
  BOOST_TEST(s.name == "Foreign Office");
}

BOOST_AUTO_TEST_CASE(nested_quote_is_embedded) {
  std::string t = "“They keep saying ‘trust us’ and nothing happens,” said Ana Vidal.";
  BOOST_TEST((attribution_of(t, "trust us").kind == QuoteKind::kEmbedded));
  BOOST_TEST(attribution_of(t, "They keep saying ‘trust us’ and nothing happens,").name == "Ana Vidal");
}

BOOST_AUTO_TEST_CASE(long_unattributed_quote_is_speech_without_speaker) {
  std::string t = "“Nobody knows what happens next. We will wait and see.”";
  Seen s = attribution_of(t, "Nobody knows what happens next. We will wait and see.");
  BOOST_TEST((s.kind == QuoteKind::kSpeech));
  BOOST_TEST(s.mention.empty());
}

// A title noun spelled like a verb ("report", "show") before a quote that
// opens in lower case: quoted words, not a title.
BOOST_AUTO_TEST_CASE(lower_case_quote_after_title_noun_is_no_title) {
  std::string t = "The marchers came out to show that “they will not be silenced by anyone.”";
  BOOST_TEST((attribution_of(t, "they will not be silenced by anyone.").kind == QuoteKind::kSpeech));
  t = "The new documentary “Salt and Iron” opens on Friday.";
  BOOST_TEST((attribution_of(t, "Salt and Iron").kind == QuoteKind::kTitle));
}

// A name-like quote with no clause subject does not continue the statement
// before it: the previous speaker did not coin the project's name.
BOOST_AUTO_TEST_CASE(scare_quote_does_not_continue_statement) {
  std::string t = "“We will finish the road by May,” Jo Park said. The “Green Mile” project has cost millions.";
  BOOST_TEST((attribution_of(t, "Green Mile").kind == QuoteKind::kScare));
}

// …unless its sentence points back at the statement's list ("These
// included …") right after a quote a cue attributed.
BOOST_AUTO_TEST_CASE(list_sentence_continues_the_statement) {
  std::string t = "The ministry said the talks covered “practical co-operation” on ports. These included shipping, "
                  "customs and “fair and open trade” across the region.";
  Seen s = attribution_of(t, "fair and open trade");
  BOOST_TEST((s.kind == QuoteKind::kSpeech));
  BOOST_TEST(s.mention == "The ministry");
}

// A short quote that opens its sentence and ends in a comma is an utterance
// even when the words after it are no frame the rules read; a title-case
// run there is a name.
BOOST_AUTO_TEST_CASE(sentence_opening_utterance_with_comma) {
  std::string t = "The hall was restless. “Count every ballot,” came shouts from the back.";
  BOOST_TEST((attribution_of(t, "Count every ballot,").kind == QuoteKind::kSpeech));
  t = "The hall was restless. “Harbour Nights,” the old series, returns tonight.";
  BOOST_TEST((attribution_of(t, "Harbour Nights,").kind != QuoteKind::kSpeech));
}

// The clause subject is the one of the clause the quote stands in, when a
// later clause opens with its own subject.
BOOST_AUTO_TEST_CASE(clause_subject_of_the_quotes_clause) {
  std::string t = "Lena Park backed the budget on Monday, while Omar Reyes dismissed it as “a costly stunt”.";
  BOOST_TEST(attribution_of(t, "a costly stunt").name == "Omar Reyes");
  t = "Lena Park, who chairs the panel, dismissed the budget as “a costly stunt”.";
  BOOST_TEST(attribution_of(t, "a costly stunt").name == "Lena Park");
}

// A one-word "name" opening its sentence that the document never writes
// capitalised after another word is a capitalised common word, no subject.
BOOST_AUTO_TEST_CASE(sentence_initial_common_word_is_no_subject) {
  std::string t = "The harbour office was quiet. Optimism ran through the hall as traders hailed “a new dawn” again.";
  Seen s = attribution_of(t, "a new dawn");
  BOOST_TEST(s.mention != "Optimism");
  t = "The council heard from Vera Sexton. Sexton wants “fewer parking spaces” downtown.";
  BOOST_TEST(attribution_of(t, "fewer parking spaces").mention == "Sexton");
}

// A quoted phrase no frame attributes, in a sentence whose speech cue has a
// subject, is that subject's wording.
BOOST_AUTO_TEST_CASE(quoted_phrase_goes_to_the_sentences_speaker) {
  std::string t = "The talks ended late. A “new era of trade” is coming, the minister said on Monday to reporters in Oslo.";
  Seen s = attribution_of(t, "new era of trade");
  BOOST_TEST((s.kind == QuoteKind::kSpeech));
  BOOST_TEST(s.mention == "the minister");
  BOOST_TEST(s.cue == "said");
}

// A quoted phrase of several lower-case words in a clause whose subject is
// a speaker is that speaker's wording; a title-case run stays a name.
BOOST_AUTO_TEST_CASE(quoted_phrase_goes_to_clause_subject) {
  std::string t = "The harbour office was quiet. Councillor Ada Lind wants “fewer parking spaces” downtown.";
  Seen s = attribution_of(t, "fewer parking spaces");
  BOOST_TEST((s.kind == QuoteKind::kSpeech));
  BOOST_TEST(s.name == "Ada Lind");
  t = "The harbour office was quiet. Councillor Ada Lind watches “Night Court Live” every week.";
  BOOST_TEST((attribution_of(t, "Night Court Live").kind == QuoteKind::kScare));
}

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
