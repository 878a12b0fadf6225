// Fuzz target: quotient::Analyzer::analyze on a Document whose text is the
// input bytes, with the shipped tone model (model/tone.qtm, or the file named
// by $QUOTIENT_TONE_MODEL). Checks every record's span text equals its text
// (and the same for mentions and cues), tone scores sum to 1, and the direct
// JSON writer prints what protobuf prints.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "model/tone_model.hpp"
#include "pipeline.hpp"
#include "record_checks.hpp"

namespace {

std::unique_ptr<quotient::model::ToneModel> g_model;
std::unique_ptr<quotient::Analyzer> g_analyzer;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using namespace quotient;
  fuzz::quiet_protobuf();
  const char* env = std::getenv("QUOTIENT_TONE_MODEL");
  std::string path = env && *env ? env : fuzz::source_dir() + "/model/tone.qtm";
  auto loaded = model::ToneModel::load(path);
  if (!loaded) {
    std::fprintf(stderr, "analyze_fuzz: %s\n", loaded.status().to_string().c_str());
    std::exit(1);
  }
  g_model = std::make_unique<model::ToneModel>(std::move(loaded).value());
  g_analyzer = std::make_unique<Analyzer>(PipelineConfig{}, g_model.get());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotient;
  Document doc;
  doc.set_id("fuzz");
  doc.set_text(std::string(reinterpret_cast<const char*>(data), size));
  DocumentResult r = g_analyzer->analyze(doc);
  FUZZ_CHECK(r.doc_id() == "fuzz");
  if (r.status() != DocumentResult::OK) FUZZ_CHECK(r.quotes_size() == 0 && r.diagnostics_size() >= 1);
  fuzz::check_result_against_text(r, doc.text());
  fuzz::check_json_matches_protobuf(r);
  return 0;
}
