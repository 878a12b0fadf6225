// entities.hpp — document-level entity resolution for speaker mentions.
//
//   EntityResolver r(text, mentions, claimed_subjects);
//   ResolvedSpeaker s = r.resolve(i, recent_speakers);
//   // "Mr Lammy" -> {"David Lammy", kPerson}; "It" -> {"Foreign Office", kOrganization}
//
// Names: the fullest form of a person's name in the document that contains
// every word of the mention ("Mr Ding" -> "Ding Xuexiang", surname first or
// last). Office titles: "the minister" is the person last written with
// that title ("Fisheries Minister Ingrid Solberg"); "the Rovers manager" the
// one titled with that organisation and a role of its kind ("Rovers boss
// Gary Holt"). Pronouns: the most recent compatible entity within a few
// sentences.
// Documents that speak ("the statement") resolve to the body that issued
// them where the text says so ("a statement by X", or a statement mentioned
// in a sentence whose speaker is X).
#ifndef QUOTIENT_SRC_ENTITIES_HPP_
#define QUOTIENT_SRC_ENTITIES_HPP_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "ast.hpp"
#include "attribution.hpp"

namespace quotient {

// A he or a she (a pronoun's or a name's gender), not it, they or unknown.
inline bool he_or_she(grammar::Mention::Gender g) {
  return g == grammar::Mention::Gender::kMale || g == grammar::Mention::Gender::kFemale;
}

// Calls f(word, last) for each run of non-space bytes of s, in order;
// `last`: no word follows it.
template <typename F>
void each_word(std::string_view s, F f) {
  size_t p = s.find_first_not_of(' ');
  while (p != std::string_view::npos) {
    size_t e = std::min(s.find(' ', p), s.size());
    size_t next = s.find_first_not_of(' ', e);
    f(s.substr(p, e - p), next == std::string_view::npos);
    p = next;
  }
}

// Sentences a pronoun looks back over for its antecedent. The attribution's
// locality window (attribution_sentence.cpp) is derived from it.
inline constexpr size_t kPronounWindow = 3;

// A mention with where it is: sentence index and first token in it.
struct MentionRef {
  grammar::Mention mention;
  size_t sentence = 0;
  size_t token = 0;
  bool in_headline = false;  // its sentence is in title case ("Warren Hammers Wells Fargo")
  int antecedent = -1;       // for kRelative: the mention "who" refers to
  bool near_quote = true;    // its sentence is near a quote (read in full whatever the mode)
};

struct ResolvedSpeaker {
  std::string name;  // canonical; empty when a pronoun found no antecedent
  SpeakerType type = SpeakerType::kUnknown;
};

// The words of a name or role, views into the text: a few, held inline
// (one allocation per name was a measurable share of resolving a document).
using NameWords = boost::container::small_vector<std::string_view, 6>;

// A speaker already attributed earlier in the document.
struct RecentSpeaker {
  std::string name;
  SpeakerType type = SpeakerType::kUnknown;
  size_t sentence = 0;
  grammar::Mention::Gender gender = grammar::Mention::Gender::kUnknown;
  bool asked = false;  // the quote was a question ("…?" or the cue "asked")
};

class EntityResolver {
 public:
  // `claimed` lists (sentence, mention) pairs that are subjects of speech
  // cues: they tie a statement mentioned in the same sentence to its issuer.
  // `speaking` lists further mentions that are subjects of a speech cue
  // without a quote ("The minister insisted that …").
  EntityResolver(std::string_view text, const std::vector<MentionRef>& mentions,
                 const std::vector<std::pair<size_t, int>>& claimed, const std::vector<int>& speaking = {});
  ~EntityResolver();  // hands its per-mention buffers on to the thread's next resolver

  // Resolves mention `i`; `recent` holds earlier speakers, oldest first.
  ResolvedSpeaker resolve(size_t i, const std::vector<RecentSpeaker>& recent) const;

  // Gender of mention i: from its honorific ("Mr"), its role noun
  // ("spokeswoman") or, for a pronoun, the pronoun itself.
  grammar::Mention::Gender gender(size_t i) const;

 private:
  ResolvedSpeaker named(size_t i) const;
  const NameWords& words_of_person(size_t i) const;
  const ResolvedSpeaker& named_person(size_t i) const;
  ResolvedSpeaker read_person(size_t i) const;
  bool replying(size_t i) const;
  bool asks_after(size_t m) const;
  ResolvedSpeaker pronoun(size_t i, const std::vector<RecentSpeaker>& recent) const;
  ResolvedSpeaker document(size_t i) const;
  std::string_view doc_noun(size_t i) const;
  int issuing_agent(size_t i) const;
  bool body_before_role(size_t b, size_t p) const;
  bool told(size_t i) const;
  bool after_preposition(size_t i) const;
  bool interrupted_by(size_t j, size_t pronoun) const;
  bool role_in_apposition(size_t j) const;
  bool named_in_apposition(size_t j) const;
  // take(j, s) -> bool; a template, not std::function: its lambdas capture
  // more than std::function holds without allocating. Defined in entities.cpp.
  template <typename Take>
  bool person_before(size_t i, Take take) const;
  void learn_genders();
  void link_titles();
  int holder_of_initials(size_t i, std::string_view initials) const;
  std::string_view title_of_person(size_t j) const;
  int epithet_holder(size_t i, const NameWords& role) const;
  int previous_subject(size_t i) const;
  int person_named_before(size_t i, size_t window = 1) const;
  int body_named_before(size_t i) const;
  int sentence_subject(size_t j) const;
  std::string fullest_name(const NameWords& words, size_t mention = SIZE_MAX) const;
  void mark_run_together();
  using WordIndex = std::vector<std::pair<size_t, size_t>>::const_iterator;
  std::pair<WordIndex, WordIndex> names_with(std::string_view word) const;
  bool surname(std::string_view word) const;

  std::string_view text_;
  const std::vector<MentionRef>& mentions_;
  // A full name's words: a range of full_name_words_ (one allocation per
  // distinct name showed in the profile; a small_vector here made FullName's
  // move throwing).
  struct FullName {
    size_t first = 0, size = 0;
    size_t count = 0;  // mentions written this way
    bool run_together = false;  // two names and a headline between ("Ted Cruz Hints Trump")
    size_t first_mention = 0;   // the mention that first wrote it
  };
  struct WordRange {
    const std::string_view* first;
    const std::string_view* last;
    const std::string_view* begin() const { return first; }
    const std::string_view* end() const { return last; }
    size_t size() const { return static_cast<size_t>(last - first); }
    std::string_view back() const { return *(last - 1); }  // a full name has two words or more
  };
  WordRange name_words(const FullName& f) const {
    return {full_name_words_.data() + f.first, full_name_words_.data() + f.first + f.size};
  }
  std::vector<FullName> full_names_;  // distinct multi-word person names
  std::vector<std::string_view> full_name_words_;
  // (hash of a word, index into full_names_) for every word of every full
  // name, sorted: by word hash, names in document order within a hash.
  std::vector<std::pair<size_t, size_t>> by_word_;
  std::vector<std::pair<size_t, ResolvedSpeaker>> issuers_;  // doc mention -> issuer, by mention
  // For a definite role mention ("the minister"): the person mention
  // written earlier with that office title, or -1.
  std::vector<int> title_of_;
  std::vector<bool> subject_;  // the mention is the subject of a speech cue
  std::string_view writer_;    // the byline's name ("By Tomas Reddy"), or ""
  size_t headline_end_ = 0;    // the end of a first line without a full stop (a headline), or 0
  std::unordered_map<std::string, grammar::Mention::Gender> learned_gender_;  // name -> the he/she after it
  // Facts of a person mention, each computed on first use: its
  // person_words(), which the full-name pass and named() both need, and
  // named()'s reading of it, which a pronoun asks for candidate after
  // candidate. Indexed by mention; the vectors are this thread's last
  // resolver's, for their memory (a document's worth of small vectors).
  // The capitalised office titles of the document ("Fisheries Minister
  // Solberg"), in document order, that link_titles() has read.
  struct Office {
    size_t first, count;  // the title's words in office_words, compared without ASCII case
    size_t mention, sentence;
  };
  // Buffers handed from one resolver of a thread to the next, for their
  // memory (allocating them per document showed in the profile).
  struct PersonCache {
    enum : uint8_t { kWords = 1, kNamed = 2 };
    std::vector<NameWords> words;
    std::vector<ResolvedSpeaker> named;
    std::vector<uint8_t> known;  // kWords | kNamed: which entries hold this document's value
    std::vector<Office> offices;
    std::vector<std::string_view> office_words;
  };
  mutable PersonCache person_;
  static PersonCache& spare_person_cache();
};

}  // namespace quotient

#endif  // QUOTIENT_SRC_ENTITIES_HPP_
