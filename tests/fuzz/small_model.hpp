// small_model.hpp — a small valid tone model cut from a full one, shared by
// make_seeds (the model target's seeds) and the tone target (the model the
// whole verb loads on every call: the shipped 4 MB model would cost ~0.3 s
// of parsing and table building per input under ASan).
//
//   std::string bytes = quotient::fuzz::small_model(file, 24);  // or exits
#ifndef QUOTIENT_TESTS_FUZZ_SMALL_MODEL_HPP_
#define QUOTIENT_TESTS_FUZZ_SMALL_MODEL_HPP_

#include <cstdlib>
#include <iostream>
#include <string>

#include "model/model_file.hpp"
#include "model/tone_model.hpp"

namespace quotient::fuzz {

// The serialized ToneModelFile keeping the first `rows` weight rows of `f`
// and two of its self-tests, their expectations rescored with those rows
// (so the result passes every load check). Exits on failure.
inline std::string small_model(ToneModelFile f, int rows) {
  namespace qm = quotient::model;
  while (f.rows_size() > rows) f.mutable_rows()->RemoveLast();
  while (f.self_tests_size() > 2) f.mutable_self_tests()->RemoveLast();
  f.set_weights_fnv1a64(qm::weights_checksum(f));
  auto unchecked = qm::model_from_file(f, "small", false);
  if (!unchecked) {
    std::cerr << "small_model: " << unchecked.status().to_string() << '\n';
    std::exit(1);
  }
  qm::ToneScratch scratch;
  for (SelfTest& t : *f.mutable_self_tests()) {
    qm::ToneOutput out = unchecked.value().score({t.text(), t.cue_lemma(), {}}, scratch);
    t.set_expected_label(out.label);
    t.set_expected_coop(out.coop);
    t.clear_expected_scores();
    for (const auto& score : out.scores) t.add_expected_scores(score.second);
  }
  return f.SerializeAsString();
}

}  // namespace quotient::fuzz

#endif  // QUOTIENT_TESTS_FUZZ_SMALL_MODEL_HPP_
