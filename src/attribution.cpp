// attribute(): sentence frames, then document-level resolution.
//
// Pass 1 reads each sentence once (attribution_sentence.cpp): tokens, cues
// and mentions, and for each quote the frame that attributes it, a Claim
// naming a mention (attribution_frames.cpp). Pass 2, here, walks the document
// in order: decides each quote's kind (attribution_kinds.cpp), lets a
// cue-less quote continue the statement before it, and turns each claimed
// mention into a canonical entity: pronouns to the most recent compatible
// entity, "Mr Lammy" to the fullest name in the document, "the statement" to
// the body that issued it. Reported speech without quotes comes last
// (attribution_indirect.cpp).
#include "attribution.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "attribution_stages.hpp"
#include "entities.hpp"
#include "grammar.hpp"
#include "lexicon.hpp"

namespace quotient {
namespace {

// Words after a name in a sentence that only tells how the person reacted
// ("paused.", "nodded slowly.", "took a breath."), its full stop included.
constexpr size_t kMaxReactionWords = 4;
// Sentences between an interview's answer and the last quoted answer before
// it: the question, and a line of scene-setting before the first one.
constexpr size_t kMaxTurnGap = 3;

using namespace attribution_detail;
using grammar::Mention;
using grammar::Token;

// The word (ASCII letters: std::isalpha in the "C" locale, which no one
// changes, without a call per byte) that ends before byte `end` of text
// (skipping spaces), and its start in *begin.
std::string_view word_before(std::string_view text, size_t end, size_t* begin) {
  auto letter = [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t b = end;
  while (b > 0 && letter(text[b - 1])) --b;
  *begin = b;
  return text.substr(b, end - b);
}

// "the Centre for Urban Mobility Studies", "the Institute for Fiscal
// Studies": after a body's head noun and "for", capitalised words are the
// rest of the body's name, not a person a later he or she stands for (the
// heads: data/lexicon/body_for_heads.txt).
void body_names_after_for(Doc& d) {
  static const grammar::WordList heads(grammar::Lexicon::builtin().body_for_heads);
  for (MentionRef& r : d.mentions) {
    Mention& m = r.mention;
    if (m.type != Mention::Type::kPerson || m.titled) continue;
    size_t at = 0;
    if (word_before(d.text, m.range.begin, &at) != "for") continue;
    if (!heads.contains(word_before(d.text, at, &at))) continue;
    m.type = Mention::Type::kOrganization;
    m.gender = Mention::Gender::kNeuter;
  }
}

class Finisher {
 public:
  Finisher(Doc& d) : d_(d), resolver_(d.text, d.mentions, claimed_subjects(d), statement_subjects(d)) {}

  std::vector<Attribution> run(bool indirect) {
    std::vector<Attribution> out(d_.scan.quotes.size());
    speakers_.reserve(out.size());  // one per quote at most, moved again and again while it grew
    collect_titles();
    for (size_t qi = 0; qi < out.size(); ++qi) {
      out[qi].quote = qi;
      finish_one(qi, out);
    }
    for (size_t qi = 0; qi < out.size(); ++qi)
      if (!out[qi].mention && out[qi].kind != QuoteKind::kEmbedded && pull_quote(qi)) echo_speaker(qi, out);
    if (indirect)
      for (size_t si = 0; si < d_.sentences.size(); ++si) reported_speech(si, out);
    return out;
  }

 private:
  static std::vector<std::pair<size_t, int>> claimed_subjects(const Doc& d) {
    std::vector<std::pair<size_t, int>> out;
    for (size_t qi = 0; qi < d.claims.size(); ++qi)
      if (d.claims[qi].mention >= 0) out.push_back({d.quote_sentence[qi], d.claims[qi].mention});
    return out;
  }

  static std::vector<int> statement_subjects(const Doc& d) {
    std::vector<int> out;
    for (const Claim& c : d.statements)
      if (c.mention >= 0) out.push_back(c.mention);
    return out;
  }

  // A mention of `name` in the quote's own sentence, written before the
  // quote ("Reid has gone after Trump as a “…”"), to point at instead of
  // the one where the statement began.
  std::optional<grammar::Range> local_mention(size_t qi, const std::string& name) {
    size_t s = d_.quote_sentence[qi];
    uint32_t quote_begin = d_.scan.quotes[qi].outer.begin;
    size_t begin = first_mention_of(s);
    for (size_t m = begin; m < d_.mentions.size() && m < begin + kMaxLookback; ++m) {
      const MentionRef& r = d_.mentions[m];
      if (r.sentence != s || r.mention.range.begin > quote_begin) break;
      if (r.mention.type == Mention::Type::kPronoun) continue;
      if (resolver_.resolve(m, speakers_).name == name) return r.mention.range;
    }
    return std::nullopt;
  }

  // True when the speech verb whose last token is end-1 reports the clause
  // starting at token `clause`: nothing between them but "that", commas and
  // adverbs ("said she", "said, however, that she"), or a short complement
  // ending in "that" ("told reporters on Monday that he", "said in a
  // statement that officers"). Not "which he called", nor "said …, though
  // he said".
  bool reports_clause(const SentenceView& sv, size_t end, size_t clause) const {
    if (end > clause) return false;
    if (clause - end > 6) return false;
    bool plain = true;
    for (size_t k = end; k < clause; ++k) {
      const Token& t = sv.toks[k];
      // "said in a statement that": a phrase of the verb's, not a cue of its own.
      bool phrase = sv.cue_at[k] && sv.cue_at[k]->form == grammar::CueMatch::Form::kPreposition;
      if (t.kind == Token::Kind::kQuote || (sv.cue_at[k] && !phrase)) return false;
      bool light = is_punct(d_, t, ',') || (t.kind == Token::Kind::kWord && skippable(word(d_, t)));
      if (t.kind == Token::Kind::kPunct && !is_punct(d_, t, ',')) return false;
      plain = plain && (light || word(d_, t) == "that");
    }
    return plain || word(d_, sv.toks[clause - 1]) == "that";
  }

  // A pronoun may stand for mention m: a he/she for a person or role, an
  // it/they for a body, a group or a role.
  bool pronoun_fits(size_t pronoun, size_t m) const {
    Mention::Gender g = d_.mentions[pronoun].mention.gender;
    Mention::Type t = d_.mentions[m].mention.type;
    if (t == Mention::Type::kPronoun || t == Mention::Type::kRelative) return false;
    if (he_or_she(g)) {
      Mention::Gender mg = resolver_.gender(m);
      bool fits = mg == Mention::Gender::kUnknown || mg == g;
      return fits && (t == Mention::Type::kPerson || t == Mention::Type::kRole);
    }
    return t != Mention::Type::kPerson || g == Mention::Gender::kUnknown;
  }

  // "Ban condemned what he called a “…”", "the group denounced what it
  // calls “…”": the naming belongs to the clause's subject, whom PolNeAR
  // marks as the source.
  int subject_of_what_clause(size_t i) const {
    const MentionRef& self = d_.mentions[i];
    const SentenceView& sv = d_.sentences[self.sentence];
    if (self.mention.type != Mention::Type::kPronoun || self.token == 0) return -1;
    if (word(d_, sv.toks[self.token - 1]) != "what") return -1;
    std::optional<Claim> s = subject_claim(d_, sv, self.token - 1);
    if (!s || !pronoun_fits(i, static_cast<size_t>(s->mention))) return -1;
    return s->mention;
  }

  // The subject of a speech verb that reports the clause of mention i
  // ("Trump said he had asked his people to “look into” it": Trump, not he;
  // "Israel said Clinton called on members to be “…”": Israel): PolNeAR's
  // source is the outermost one.
  // *outer_cue: the speech verb of the subject found, when a verb reports
  // the clause (not for "what he called").
  int reporting_subject(size_t i, std::optional<grammar::CueMatch>* outer_cue) const {
    const MentionRef& self = d_.mentions[i];
    const SentenceView& sv = d_.sentences[self.sentence];
    if (int subject = subject_of_what_clause(i); subject >= 0) return subject;
    int found = -1;
    size_t outer_token = self.token;
    size_t floor = self.token > kMaxCueDistance ? self.token - kMaxCueDistance : 0;
    for (size_t k = self.token; k-- > floor;) {
      if (sv.toks[k].kind == Token::Kind::kQuote) break;
      if (!sv.cue_at[k] || sv.cue_at[k]->form == grammar::CueMatch::Form::kColon) continue;
      grammar::CueMatch cue = *sv.cue_at[k];
      if (cue.needs_as) continue;  // "described X as …" reports no clause
      size_t clause = found >= 0 ? outer_token : self.token;
      if (!reports_clause(sv, k + cue.tokens, clause)) continue;
      int m = speaker_of_cue(d_, sv, k, self.token, &cue);
      if (m < 0 || static_cast<size_t>(m) == i || d_.mentions[m].token >= self.token) continue;
      found = m;
      *outer_cue = cue;
      outer_token = d_.mentions[m].token;
      k = std::min(k, d_.mentions[m].token + 1);  // and further out: "X said he told ..."
    }
    return found;
  }

  // Returns the mention the speaker's name came from (whose gender is the
  // speaker's), or -1 when the claim inherits another quote's speaker.
  int set_speaker(Attribution& a, const Claim& c, const std::vector<Attribution>& out) {
    a.cue = c.cue;
    a.rule = c.rule;
    a.confidence = c.confidence;
    if (c.inherit >= 0) {
      const Attribution& from = out[c.inherit];
      a.mention = from.mention;
      a.name = from.name;
      a.type = from.type;
      if (!a.name.empty() && d_.quote_sentence[c.inherit] != d_.quote_sentence[a.quote])
        if (auto local = local_mention(a.quote, a.name)) a.mention = local;
      return -1;
    }
    size_t i = static_cast<size_t>(c.mention);
    a.mention = d_.mentions[i].mention.range;
    ResolvedSpeaker r = resolver_.resolve(i, speakers_);
    std::optional<grammar::CueMatch> outer_cue;
    int outer = reporting_subject(i, &outer_cue);
    if (outer < 0) {
      if (int j = present_tense_speaker(a, i, r.name, out); j >= 0) {
        a.name = out[static_cast<size_t>(j)].name;
        a.type = out[static_cast<size_t>(j)].type;
        return static_cast<int>(i);  // the pronoun's gender is theirs
      }
      a.name = std::move(r.name);
      a.type = r.type;
      return static_cast<int>(i);
    }
    // A pronoun names the outer subject itself ("Trump said he …"): keep
    // what it resolved to; another speaker is replaced by the outer one.
    a.mention = d_.mentions[outer].mention.range;
    if (outer_cue) {
      if (a.cue) a.tone_lemma = a.cue->lemma;
      a.cue = outer_cue;
    }
    Mention::Type t = d_.mentions[i].mention.type;
    bool same = t == Mention::Type::kPronoun || t == Mention::Type::kRelative;
    // "Ms. Beltrán, who has led Mexico's push, later added that she …": an
    // outer subject whose honorific gives the pronoun's gender is the he or
    // she.
    Mention::Gender pg = d_.mentions[i].mention.gender;
    const Mention& om = d_.mentions[outer].mention;
    if (t == Mention::Type::kPronoun && om.titled && pg == om.gender && pg != Mention::Gender::kUnknown) same = false;
    if (!same || r.name.empty()) r = resolver_.resolve(static_cast<size_t>(outer), speakers_);
    int named_by = !same || r.name.empty() ? outer : static_cast<int>(i);
    a.name = std::move(r.name);
    a.type = r.type;
    return named_by;
  }

  // True when the cue is a verb's third-person present ("says", "adds",
  // "recalls"), not its past or its base form.
  bool present_cue(const std::optional<grammar::CueMatch>& cue) const {
    if (!cue || cue->form != grammar::CueMatch::Form::kFinite) return false;
    std::string_view w = d_.text.substr(cue->range.begin, cue->range.size());
    w = w.substr(0, w.find(' '));
    std::string_view l = cue->lemma.substr(0, cue->lemma.find(' '));
    if (l.empty() || w.size() <= l.size() || !std::equal(l.begin(), l.end(), w.begin(),
                                                          [](char x, char y) { return x == (y | 0x20); }))
      return false;
    std::string_view tail = w.substr(l.size());
    return tail == "s" || tail == "es";
  }

  // "“…,” Munro says. … Keane had not written to him in years. ¶ “…,” he
  // says.": a feature keeps the people it interviews in the present ("says")
  // and those it tells about in the past ("called"). A he or she with a
  // present cue whose antecedent was only ever quoted in the past goes to
  // the last person of that gender (or of none known) quoted in the
  // present. Returns the index in `out` of that speaker's quote, or -1.
  int present_tense_speaker(const Attribution& a, size_t pronoun, const std::string& name,
                            const std::vector<Attribution>& out) const {
    const Mention& m = d_.mentions[pronoun].mention;
    if (m.type != Mention::Type::kPronoun || !he_or_she(m.gender) || name.empty() || !present_cue(a.cue))
      return -1;
    int other = -1;
    bool quoted = false;
    for (size_t j = a.quote > kMaxLookback ? a.quote - kMaxLookback : 0; j < a.quote && j < out.size(); ++j) {
      if (out[j].kind != QuoteKind::kSpeech || out[j].name.empty() || !out[j].cue) continue;
      if (out[j].name == name) {
        if (present_cue(out[j].cue)) return -1;
        quoted = true;
      } else if (present_cue(out[j].cue) && out[j].type == SpeakerType::kPerson &&
                 (genders_[j] == m.gender || genders_[j] == Mention::Gender::kUnknown)) {
        other = static_cast<int>(j);
      }
    }
    return quoted ? other : -1;
  }

  // “…?” ¶ Hannity pressed. ¶ “…”: the quote's speaker is named in sentence
  // si, which stands between it and the quote that goes on.
  bool attributed_in(const Attribution& a, size_t si) const {
    return a.mention && si < d_.sentences.size() && d_.sentences[si].sentence.range.contains(a.mention->begin);
  }

  // “…,” he said. ¶ Asked whether …, he shrugged. ¶ “…”: sentence si has no
  // quote and no statement of its own (that one goes on, continue_statement),
  // and a he or she in it is of the gender of quote pj's speaker: the same
  // person, between two of their quotes.
  bool speaker_goes_on_in(size_t si, size_t pj, const std::vector<Attribution>& out) const {
    Mention::Gender g = genders_[pj];
    if (d_.statements[si].mention >= 0 || has_quote(d_.sentences[si])) return false;
    if (out[pj].type == SpeakerType::kPerson && epithet_opens(si)) return true;
    if (!he_or_she(g)) return false;
    for (size_t m = first_mention_of(si); m < d_.mentions.size() && d_.mentions[m].sentence == si; ++m)
      if (d_.mentions[m].mention.type == Mention::Type::kPronoun && d_.mentions[m].mention.gender == g) return true;
    return false;
  }

  // "The Pole, who …, then chose his words more carefully.", "The
  // 23-year-old shrugged.": an epithet for someone already named opens
  // sentence si (a nationality noun or an age after "The"), alone (a comma
  // or a verb-like word follows: not "The German economy shrank", "The
  // 100-year-old building"), and the sentence names no one else.
  bool epithet_opens(size_t si) const {
    const SentenceView& sv = d_.sentences[si];
    if (sv.toks.size() < 3 || word(d_, sv.toks[0]) != "The") return false;
    static const grammar::WordList demonyms(grammar::Lexicon::builtin().demonyms);
    std::string_view w = word(d_, sv.toks[1]);
    constexpr std::string_view kAge = "-year-old";
    if (!demonyms.contains(w) &&
        !(w.size() > kAge.size() && w.substr(w.size() - kAge.size()) == kAge && w[0] >= '0' && w[0] <= '9'))
      return false;
    std::string_view next = word(d_, sv.toks[2]);
    bool alone = is_punct(d_, sv.toks[2], ',') ||
                 (is_lower_word(d_, sv.toks[2]) &&
                  (one_of(next, {"was", "is", "has", "had", "then", "also", "later", "still", "just", "did", "does"}) ||
                   (next.size() > 3 && next.substr(next.size() - 2) == "ed")));
    if (!alone) return false;
    for (size_t m = first_mention_of(si); m < d_.mentions.size() && d_.mentions[m].sentence == si; ++m)
      if (d_.mentions[m].mention.type == Mention::Type::kPerson) return false;
    return true;
  }

  // The first of d_.mentions in sentence si or after it.
  size_t first_mention_of(size_t si) const {
    auto first = std::lower_bound(d_.mentions.begin(), d_.mentions.end(), si,
                                  [](const MentionRef& r, size_t sent) { return r.sentence < sent; });
    return static_cast<size_t>(first - d_.mentions.begin());
  }

  static bool has_quote(const SentenceView& sv) {
    return std::any_of(sv.toks.begin(), sv.toks.end(), [](const Token& t) { return t.kind == Token::Kind::kQuote; });
  }

  // "You felt he went down easily?¶¶“I didn’t say that. You did.”": a
  // paragraph that a quote opens, after a paragraph of one unquoted question
  // (an interview laid out as question and answer).
  bool answer_after_question(size_t s) const {
    if (s < 2) return false;
    const SentenceView& sv = d_.sentences[s];
    const SentenceView& q = d_.sentences[s - 1];
    if (sv.toks.empty() || sv.toks[0].kind != Token::Kind::kQuote || q.toks.empty() || has_quote(q) ||
        !is_punct(d_, q.toks.back(), '?'))
      return false;
    if (q.sentence.paragraph == sv.sentence.paragraph ||
        d_.sentences[s - 2].sentence.paragraph == q.sentence.paragraph)
      return false;
    // An interviewer's: this question or one a few sentences back asks
    // "you" ("You felt he went down easily?" … "But did he?"), not the
    // writer's own ("But will the council listen?").
    for (size_t k = s; k-- > 0 && s - k <= 6;)
      if (!has_quote(d_.sentences[k]) && asks_you(d_.sentences[k])) return true;
    return false;
  }

  bool asks_you(const SentenceView& sv) const {
    if (sv.toks.empty() || !is_punct(d_, sv.toks.back(), '?')) return false;
    for (const Token& t : sv.toks)
      if (t.kind == Token::Kind::kWord && one_of(word(d_, t), {"you", "You", "your", "Your", "you're", "You're"}))
        return true;
    return false;
  }

  // The most recent attributed speech quote in this or the previous sentence
  // (or the one before, when the previous sentence names its speaker or goes
  // on with them).
  int continuation_source(size_t qi, const std::vector<Attribution>& out) const {
    size_t s = d_.quote_sentence[qi];
    size_t floor = qi > kMaxLookback ? qi - kMaxLookback : 0;
    // An interview's answer after the interviewer's question: the last
    // speaker a few sentences back still answers.
    size_t reach = answer_after_question(s) ? kMaxTurnGap : 1;
    for (size_t pj = qi; pj-- > floor;) {
      if (d_.quote_sentence[pj] == SIZE_MAX) continue;
      bool recent = d_.quote_sentence[pj] + reach >= s || attributed_in(out[pj], s - 1) ||
                    (d_.quote_sentence[pj] + 2 == s && speaker_goes_on_in(s - 1, pj, out));
      if (!recent) return -1;
      if (out[pj].kind == QuoteKind::kSpeech && out[pj].mention) return asker_again(qi, pj, out);
    }
    return -1;
  }

  // Quote k asks: its words end in a question mark.
  bool question(size_t k) const {
    std::string_view w = d_.text.substr(d_.scan.quotes[k].inner.begin, d_.scan.quotes[k].inner.size());
    return !w.empty() && w.back() == '?';
  }
  static bool reply_cue(const Attribution& a) {
    return a.cue && one_of(a.cue->lemma, {"reply", "answer", "respond", "retort"});
  }

  // “Does any member allow it?” Esparza asked. ¶ “Not in that sense,” Lund
  // replied. ¶ “In what sense, then?”: a question with no cue after a reply
  // goes on with who asked, not with who replied; and the answer after that
  // question (“Where?” ¶ “In the face.”) goes back to who replied. The quote
  // the cue-less quote qi continues: the one before pj so found, or pj.
  int asker_again(size_t qi, size_t pj, const std::vector<Attribution>& out) const {
    if (!question(qi) && question(pj) && !d_.claims[pj].cue) {  // an answer to a cue-less question
      for (size_t pk = pj; pk-- > 0 && pk + kMaxLookback > pj;) {
        if (out[pk].kind != QuoteKind::kSpeech || !out[pk].mention) continue;
        return reply_cue(out[pk]) && out[pk].name != out[pj].name ? static_cast<int>(pk) : static_cast<int>(pj);
      }
      return static_cast<int>(pj);
    }
    if (!question(qi) || !reply_cue(out[pj])) return static_cast<int>(pj);
    for (size_t pk = pj; pk-- > 0 && pk + kMaxLookback > pj;) {
      if (out[pk].kind != QuoteKind::kSpeech || !out[pk].mention) continue;
      bool asked = question(pk) || (out[pk].cue && out[pk].cue->lemma == "ask");
      return asked && out[pk].name != out[pj].name ? static_cast<int>(pk) : static_cast<int>(pj);
    }
    return static_cast<int>(pj);
  }

  // A cue-less quote continues the statement of the previous sentence: its
  // last attributed quote, or its speech cue with a subject. `speech`: the
  // quote reads as speech (not a scare quote), which a person named at the
  // start of the sentence before may have said.
  bool continue_statement(size_t qi, const std::vector<Attribution>& out, bool speech, Claim* c) const {
    int from = continuation_source(qi, out);
    if (from >= 0) {  // the same statement goes on: same speaker, same cue
      *c = Claim{};
      c->inherit = from;
      c->cue = out[from].cue;
      c->rule = "continuation";
      c->confidence = 0.5f;
      return true;
    }
    size_t s = d_.quote_sentence[qi];
    if (s == 0) return false;
    if (d_.statements[s - 1].mention >= 0) {
      *c = d_.statements[s - 1];
      c->cue.reset();
      return true;
    }
    int subject = opening_person(s - 1, speech);
    if (subject < 0) return false;
    *c = Claim{};
    c->mention = subject;
    c->rule = "previous_subject";
    c->confidence = 0.4f;
    return true;
  }

  // “…” after "She laughs." or "He took a long time to answer.": the he or
  // she that sentence si (without a quote) opens with, or -1. Also a
  // person's name, after an introduction ("Asked whether …, Ruiz paused."),
  // when a verb follows it and no other mention comes after it in the
  // sentence (not "Ruiz met the mayor."), when `named` allows it.
  int opening_person(size_t si, bool named) const {
    const SentenceView& sv = d_.sentences[si];
    size_t start = past_introduction(d_, sv);
    if (start == 0) start = past_opening_participle(sv);
    if (has_quote(sv) || start >= sv.toks.size()) return -1;
    int m = sv.mention_start_at[start];
    if (m < 0) return -1;
    const Mention& mention = d_.mentions[m].mention;
    if (mention.type == Mention::Type::kPronoun) return he_or_she(mention.gender) ? m : -1;
    size_t after = start + mention.tokens;
    bool alone = static_cast<size_t>(m) + 1 >= d_.mentions.size() || d_.mentions[m + 1].sentence != si;
    // A short clause about the person ("Ruiz paused.", "Ruiz nodded
    // slowly."): a longer one is mostly about something else they did.
    bool brief = sv.toks.size() <= after + kMaxReactionWords;
    if (!named || mention.type != Mention::Type::kPerson || !alone || !brief || after >= sv.toks.size() ||
        !is_lower_word(d_, sv.toks[after]))
      return -1;
    // A name of unknown kind that smiles or shrugs is a person ("Asked
    // whether …, Wiratmoko smiled.").
    SpeakerType type = resolver_.resolve(static_cast<size_t>(m), speakers_).type;
    bool human = type == SpeakerType::kUnknown &&
                 one_of(word(d_, sv.toks[after]), {"smiled", "laughed", "shrugged", "paused", "nodded", "sighed", "grinned",
                                                   "frowned", "winced", "hesitated", "chuckled"});
    return type == SpeakerType::kPerson || human ? m : -1;
  }

  // "Asked whether …, Ruiz paused.", "Pressed on …, she": the token after
  // the comma that closes an opening participle's clause, or 0.
  size_t past_opening_participle(const SentenceView& sv) const {
    if (sv.toks.empty() || sv.toks[0].kind != Token::Kind::kWord) return 0;
    std::string_view w = word(d_, sv.toks[0]);
    if (!std::isupper(static_cast<unsigned char>(w[0])) || !participle_like(w, {"ed", "ing"})) return 0;
    return after_opening_comma(d_, sv);
  }

  // "the statement said X raised “pragmatic co-operation” …. These included
  // … “secure growth”": a short quote continues the statement only when its
  // sentence opens by pointing back at the one before ("These", "Those"),
  // whose quote a speech cue attributed.
  bool goes_on_from_previous(size_t qi, const Claim& c, const std::vector<Attribution>& out) const {
    if (c.inherit < 0) return false;
    size_t from = static_cast<size_t>(c.inherit);
    size_t s = d_.quote_sentence[qi];
    if (d_.quote_sentence[from] + 1 != s || !out[from].cue) return false;
    const SentenceView& sv = d_.sentences[s];
    return !sv.toks.empty() && one_of(word(d_, sv.toks[0]), {"These", "Those"});
  }

  // "Trump admires Putin as a “strong leader,”", "branded it an “outrage”":
  // a short quote after "as" or an indefinite article in a clause whose
  // subject is a speaker is that speaker's characterisation, not a scare
  // quote.
  bool predicate_quote(const SentenceView& sv, size_t q) const {
    if (q == 0 || sv.toks[q - 1].kind != Token::Kind::kWord) return false;
    return one_of(word(d_, sv.toks[q - 1]), {"as", "a", "an"});
  }

  // A relative pronoun after the quote token q in its sentence: its verb
  // speaks in a relative clause the quote is no part of. But a quote that
  // opens its sentence may be the words of people a comma and "who" follow:
  // "“Not again” was the reaction of residents, who said …".
  bool relative_after(const SentenceView& sv, int m, size_t q) const {
    const MentionRef& r = d_.mentions[static_cast<size_t>(m)];
    if (r.mention.type != Mention::Type::kRelative || r.token <= q) return false;
    return !(q == 0 && is_punct(d_, sv.toks[r.token - 1], ',') && word(d_, sv.toks[r.token]) == "who");
  }

  void finish_one(size_t qi, std::vector<Attribution>& out) {
    const grammar::Quote& quote = d_.scan.quotes[qi];
    Attribution& a = out[qi];
    if (quote.depth > 0 || d_.quote_sentence[qi] == SIZE_MAX) {
      a.kind = QuoteKind::kEmbedded;
      return;
    }
    const SentenceView& sv = d_.sentences[d_.quote_sentence[qi]];
    std::string_view inner = d_.text.substr(quote.inner.begin, quote.inner.size());
    size_t q = d_.quote_token[qi];
    Claim c = d_.claims[qi];
    if (clear_title_[qi]) {
      a.kind = QuoteKind::kTitle;
      return;
    }
    if (nickname(d_, sv, q)) {
      a.kind = QuoteKind::kScare;
      return;
    }
    if (named_before(inner)) {
      a.kind = QuoteKind::kTitle;
      titles_.insert(without_final_stops(inner));
      return;
    }
    if (c.mention < 0 && c.inherit < 0 && c.cue) {  // “Q,” muttered one: speech, a cue, no name
      a.kind = QuoteKind::kSpeech;
      a.mention = c.unnamed;
      a.cue = c.cue;
      a.rule = c.rule;
      a.confidence = c.confidence;
      return;
    }
    if (c.mention < 0 && c.inherit < 0 && pull_quote(qi)) {  // run() gives it the words' speaker
      a.kind = kind_without_claim(d_, sv, q, inner);
      if (a.kind == QuoteKind::kTitle) titles_.insert(without_final_stops(inner));
      return;
    }
    if (c.mention < 0 && c.inherit < 0) {
      QuoteKind k = kind_without_claim(d_, sv, q, inner);
      if (k == QuoteKind::kTitle) titles_.insert(without_final_stops(inner));
      // A clause subject in the quote's own sentence outranks the statement
      // before it: "Smith said …. Jones branded it “a farce”."
      std::optional<Claim> s = k == QuoteKind::kTitle ? std::nullopt : subject_claim(d_, sv, q);
      bool continues = k != QuoteKind::kTitle && continue_statement(qi, out, k == QuoteKind::kSpeech, &c);
      bool characterised = k == QuoteKind::kScare && (predicate_quote(sv, q) || quoted_phrase(inner));
      size_t si = d_.quote_sentence[qi];
      if (s && (continues || k == QuoteKind::kSpeech || characterised)) {
        c = *s;
      } else if (k == QuoteKind::kScare && !s && quoted_phrase(inner) && d_.statements[si].mention >= 0 &&
                 !relative_after(sv, d_.statements[si].mention, q)) {
        // "A “new era of trade” is coming, the minister said on Monday …": a
        // quoted phrase in a sentence whose speech cue (one no frame could
        // tie to the quote) has a subject is that speaker's; not a relative
        // clause's after it ("“…” is the motto of a mayor who rarely speaks",
        // "The “smart motorway” programme was halted by the government,
        // which said …").
        c = d_.statements[si];
        c.rule = "sentence_statement";
      } else if (!continues || (k == QuoteKind::kScare && !goes_on_from_previous(qi, c, out))) {
        a.kind = k;
        return;
      }
    }
    a.kind = QuoteKind::kSpeech;
    // "Ruiz said residents had asked “…”": the gender is Ruiz's, whose name
    // the quote takes, not that of "residents", the clause's subject.
    int named_by = set_speaker(a, c, out);
    Mention::Gender g = named_by >= 0 ? resolver_.gender(static_cast<size_t>(named_by))
                        : c.inherit >= 0 ? genders_[c.inherit] : Mention::Gender::kUnknown;
    genders_[qi] = g;
    std::string_view words = d_.text.substr(quote.inner.begin, quote.inner.size());
    bool asked = (a.cue && a.cue->lemma == "ask") || (!words.empty() && words.back() == '?');
    speakers_.push_back({a.name, a.type, d_.quote_sentence[qi], g, asked});
  }

  // A headline's or crosshead's quote: "‘I still set a place for him’" as a
  // paragraph of its own, or "‘He never got to come home’: Man jailed …" —
  // a phrase that opens a one-sentence paragraph of at most kMaxPullQuote
  // bytes without a final stop. It continues no one's statement; it
  // repeats words someone says in the story.
  static constexpr size_t kMaxPullQuote = 200;
  bool pull_quote(size_t qi) const {
    const grammar::Quote& quote = d_.scan.quotes[qi];
    size_t s = d_.quote_sentence[qi];
    if (quote.depth > 0 || s == SIZE_MAX || d_.quote_token[qi] != 0 || d_.claims[qi].cue ||
        d_.statements[s].mention >= 0)  // "“…”: Unions condemn pension reform" has its speaker
      return false;
    const SentenceView& sv = d_.sentences[s];
    // The quote ends its sentence or a colon follows: not a term in a
    // headline ("“Buy now, pay later” firms face crackdown").
    size_t q = d_.quote_token[qi];
    if (q + 1 < sv.toks.size() && !is_punct(d_, sv.toks[q + 1], ':')) return false;
    uint32_t paragraph = sv.sentence.paragraph;
    if ((s > 0 && d_.sentences[s - 1].sentence.paragraph == paragraph) ||
        (s + 1 < d_.sentences.size() && d_.sentences[s + 1].sentence.paragraph == paragraph) ||
        sv.sentence.range.size() > kMaxPullQuote)
      return false;
    std::string_view inner = d_.text.substr(quote.inner.begin, quote.inner.size());
    // Three to twelve words that end in a letter or digit: a phrase, not a
    // sentence the paragraph quotes whole.
    auto spaces = std::count(inner.begin(), inner.end(), ' ');
    if (spaces < 2 || spaces > 11 || !std::isalnum(static_cast<unsigned char>(inner.back()))) return false;
    const Token& last = sv.toks.back();
    return !(is_punct(d_, last, '.') || is_punct(d_, last, '!') || is_punct(d_, last, '?'));
  }

  // A pull quote's words as they would stand inside a story's sentence:
  // for a phrase of five words or more, the headline's capital folded
  // ("‘It came over the Chimney like a train’" in "… and it came over the
  // Chimney like a train,"); empty otherwise (a short slogan, "‘Cost of
  // living crisis’", is anyone's words).
  static std::string folded_words(std::string_view words) {
    auto first = static_cast<unsigned char>(words.empty() ? 0 : words[0]);
    if (first < 'A' || first > 'Z' || std::count(words.begin(), words.end(), ' ') < 4) return {};
    std::string folded(words);
    folded[0] = static_cast<char>(first + ('a' - 'A'));
    return folded;
  }

  // Does a story's quote hold a pull quote's words, as written or folded
  // (then only where a word starts)? A short phrase folds only when the
  // story quotes just those words ("‘Bumpy but manageable’: Central bank
  // holds …" and "… the outlook as “bumpy but manageable”").
  static bool holds_words(std::string_view quote, std::string_view words, std::string_view folded) {
    if (quote.find(words) != std::string_view::npos) return true;
    quote = without_final_stops(quote);
    if (!words.empty() && quote.size() == words.size() && words[0] >= 'A' && words[0] <= 'Z' &&
        quote[0] == words[0] + ('a' - 'A') && quote.substr(1) == words.substr(1))
      return true;
    if (folded.empty()) return false;
    for (size_t p = quote.find(folded); p != std::string_view::npos; p = quote.find(folded, p + 1))
      if (p == 0 || !std::isalnum(static_cast<unsigned char>(quote[p - 1]))) return true;
    return false;
  }

  // The speaker of the first speech quote after pull quote qi (else the
  // first before it) that holds its words, with rule "echo" and no cue.
  void echo_speaker(size_t qi, std::vector<Attribution>& out) const {
    if (out[qi].kind == QuoteKind::kTitle) return;
    const grammar::Quote& quote = d_.scan.quotes[qi];
    std::string_view words = without_final_stops(d_.text.substr(quote.inner.begin, quote.inner.size()));
    const std::string folded = folded_words(words);
    // The story's quotes after it first (a crosshead heads what follows),
    // then those before; kMaxLookback each way, so that a document of many
    // pull-quote-like paragraphs stays linear.
    size_t n = out.size(), after = std::min(n - 1 - qi, kMaxLookback), before = std::min(qi, kMaxLookback);
    for (size_t step = 1; step <= after + before; ++step) {
      size_t pj = step <= after ? qi + step : qi - (step - after);
      const grammar::Quote& other = d_.scan.quotes[pj];
      if (pj == qi || other.depth > 0 || out[pj].kind != QuoteKind::kSpeech || !out[pj].mention ||
          out[pj].name.empty())
        continue;
      if (!holds_words(d_.text.substr(other.inner.begin, other.inner.size()), words, folded)) continue;
      Attribution& a = out[qi];
      a.kind = QuoteKind::kSpeech;
      a.mention = out[pj].mention;
      a.name = out[pj].name;
      a.type = out[pj].type;
      a.cue.reset();
      a.rule = "echo";
      a.confidence = 0.5f;
      return;
    }
  }

  // A name the document quotes as a title is a title wherever it is quoted,
  // before that too: the headline's "Halvern unveils “Lumen” headset" and
  // "The headset, called “Lumen,” …" in the story.
  // Marks them in clear_title_.
  // So is a quote that repeats a heading of the document (heading_lines(),
  // read at the first quote that may be one).
  void collect_titles() {
    clear_title_.assign(d_.scan.quotes.size(), false);
    std::optional<std::unordered_set<std::string_view>> headings;
    for (size_t qi = 0; qi < d_.scan.quotes.size(); ++qi) {
      const grammar::Quote& quote = d_.scan.quotes[qi];
      if (quote.depth > 0 || d_.quote_sentence[qi] == SIZE_MAX) continue;
      std::string_view inner = d_.text.substr(quote.inner.begin, quote.inner.size());
      // Not a heading's words that someone says ("We Will Rebuild," she said).
      bool heading = false;
      if (!d_.claims[qi].cue && heading_like(inner)) {
        if (!headings) headings = heading_lines(d_);
        heading = !headings->empty() && headings->count(without_final_stops(inner)) > 0;
      }
      const SentenceView& sv = d_.sentences[d_.quote_sentence[qi]];
      if (heading || clearly_title(d_, sv, d_.quote_token[qi], inner) || listed_after_title(sv, d_.quote_token[qi], inner)) {
        titles_.insert(without_final_stops(inner));
        clear_title_[qi] = true;
      }
    }
  }

  // “The Crown” and “Wolf Hall.”, “A”, “B” or “C”: a name (name_like())
  // joined by "and", "or" or a comma to a title right before it in its
  // sentence is one too.
  // American style puts the comma inside the marks: “Hamlet,” “King Lear”.
  bool listed_after_title(const SentenceView& sv, size_t q, std::string_view inner) const {
    if (q == 0 || !name_like(without_final_stops(inner))) return false;
    size_t before = q - 1;
    const Token& joiner = sv.toks[before];
    if (is_punct(d_, joiner, ',') || one_of(word(d_, joiner), {"and", "or"})) {
      if (before == 0) return false;
      --before;
    }
    const Token& t = sv.toks[before];
    if (t.kind != Token::Kind::kQuote || !clear_title_[static_cast<size_t>(t.quote)]) return false;
    const grammar::Quote& title = d_.scan.quotes[static_cast<size_t>(t.quote)];
    return before < q - 1 || (title.inner.size() > 0 && d_.text[title.inner.end - 1] == ',');
  }

  // “Salt Year” again, after “Salt Year,” her first album: a title the
  // document names is a title wherever it is quoted.
  bool named_before(std::string_view inner) const {
    return titles_.count(without_final_stops(inner)) > 0;
  }

  // Reported speech in a sentence without quotes, as one kIndirect entry.
  void reported_speech(size_t si, std::vector<Attribution>& out) {
    const SentenceView& sv = d_.sentences[si];
    if (sv.toks.empty() || has_quote(sv)) return;
    std::optional<IndirectFrame> f = indirect_frame(d_, sv);
    if (!f) return;
    Attribution a;
    a.kind = QuoteKind::kIndirect;
    a.content = f->content;
    set_speaker(a, f->claim, out);
    speakers_.push_back({a.name, a.type, si, resolver_.gender(static_cast<size_t>(f->claim.mention))});
    out.push_back(std::move(a));
  }

  Doc& d_;
  EntityResolver resolver_;
  std::vector<Mention::Gender> genders_ = std::vector<Mention::Gender>(d_.scan.quotes.size());
  std::vector<RecentSpeaker> speakers_;
  std::unordered_set<std::string_view> titles_;  // the words of the titles so far
  std::vector<bool> clear_title_;         // per quote: clearly_title()
};

}  // namespace

std::vector<Attribution> attribute(std::string_view text, const grammar::QuoteScan& scan,
                                   bool indirect) {
  Doc d(text, scan);
  read_sentences(d, grammar::split_sentences(text, scan), indirect);
  d.statements.resize(d.sentences.size());
  body_names_after_for(d);
  for (size_t si = 0; si < d.sentences.size(); ++si) claim_sentence(d, si);
  return Finisher(d).run(indirect);
}

}  // namespace quotient
