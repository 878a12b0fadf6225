// Fuzz target: the whole attribution, quotient::attribute(text, scan), on
// arbitrary bytes. Checks one attribution per quote, in scan order, with every
// mention and cue inside the text, a finite confidence in [0, 1], and no
// speaker for scare quotes and titles (proto/quote.proto's contract).
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "attribution.hpp"
#include "fuzz_util.hpp"
#include "grammar.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotient;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  grammar::QuoteScan scan = grammar::scan_quotes(text);
  fuzz::check_scan(text, scan);
  std::vector<Attribution> out = attribute(text, scan);
  FUZZ_CHECK(out.size() == scan.quotes.size());
  for (size_t i = 0; i < out.size(); ++i) {
    const Attribution& a = out[i];
    FUZZ_CHECK(a.quote == i);
    FUZZ_CHECK(std::isfinite(a.confidence) && a.confidence >= 0 && a.confidence <= 1);
    if (a.mention) FUZZ_CHECK(fuzz::within(*a.mention, size));
    if (a.cue) FUZZ_CHECK(fuzz::within(a.cue->range, size));
    if (a.kind == QuoteKind::kScare || a.kind == QuoteKind::kTitle) FUZZ_CHECK(!a.mention);
  }
  return 0;
}
