// Fuzzes ingest::ParseFrontMatter on valid UTF-8 text.
//
// Invariants: the header span starts at 0, ends at a line boundary inside
// the text; keys are lowercase ASCII (letter, then letters, digits, _ - .);
// values hold no line break; a fenced header starts with
// "---"; Get() returns the first field with the key.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "ingest/front_matter.h"

namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text =
      trigon::fuzz::MakeValidUtf8(trigon::fuzz::AsView(data, size));
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.erase(0, 3);  // REQUIRES
  const auto fm = trigon::ingest::ParseFrontMatter(text);
  if (!fm) return 0;
  TRIGON_FUZZ_CHECK(fm->span.begin == 0);
  TRIGON_FUZZ_CHECK(fm->span.end <= text.size());
  TRIGON_FUZZ_CHECK(fm->span.end == text.size() ||
                    (fm->span.end > 0 && text[fm->span.end - 1] == '\n'));
  if (fm->fenced) TRIGON_FUZZ_CHECK(text.rfind("---", 0) == 0);
  if (!fm->fenced) TRIGON_FUZZ_CHECK(!fm->fields.empty());
  for (const auto& f : fm->fields) {
    TRIGON_FUZZ_CHECK(!f.key.empty() && IsLower(f.key[0]));
    for (char c : f.key) {
      TRIGON_FUZZ_CHECK(IsLower(c) || IsDigit(c) || c == '_' || c == '-' ||
                        c == '.');
    }
    TRIGON_FUZZ_CHECK(f.value.find('\n') == std::string::npos);
    TRIGON_FUZZ_CHECK(trigon::fuzz::IsValidUtf8(f.value));
    // Get() returns the first field with this key.
    for (const auto& g : fm->fields) {
      if (g.key == f.key) {
        TRIGON_FUZZ_CHECK(fm->Get(f.key) == g.value);
        break;
      }
    }
  }
  // The header is a prefix: parsing it alone finds the same fields.
  if (fm->span.end < text.size()) {
    const auto again = trigon::ingest::ParseFrontMatter(
        std::string_view(text).substr(0, fm->span.end));
    TRIGON_FUZZ_CHECK(again.has_value());
    TRIGON_FUZZ_CHECK(again->fields.size() == fm->fields.size());
  }
  return 0;
}
