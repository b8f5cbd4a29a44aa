// Fuzzes coding::Coder::CodeSentence with the project's dictionaries
// (data/dict, compiled once): normalisation, matching, actor and trigger
// pairing and date resolution on arbitrary sentences.
//
// Layout: byte 0: bits 0-1 = lang ("en", "zh-Hans", "zh-Hant", "und"),
// bit 2 = trace, bit 3 = a document date (bytes 1-2 pick it), bit 4 = the
// text up to the first '\n' is the previous sentence; the rest (made valid
// UTF-8) is the sentence.
//
// Invariants (event_checks.h): codes, roots and quad classes agree;
// evidence spans lie inside the sentence on code point boundaries and
// their text is the bytes they cover; dates are YYYY[-MM[-DD]] with a
// basis.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "coding/coder.h"
#include "coding/trigon_dictionary.h"
#include "event_checks.h"
#include "fuzz_util.h"

namespace {

const trigon::coding::Coder& GetCoder() {
  static const std::unique_ptr<trigon::coding::Coder> coder = [] {
    auto dicts = trigon::coding::LoadTrigonDictionaries(
        std::string(TRIGON_SOURCE_DIR) + "/data/dict");
    if (!dicts.ok())
      std::fprintf(stderr, "%s\n", dicts.status().message().c_str());
    TRIGON_FUZZ_CHECK(dicts.ok());
    auto c = trigon::coding::Coder::Create(*dicts);
    if (!c.ok()) std::fprintf(stderr, "%s\n", c.status().message().c_str());
    TRIGON_FUZZ_CHECK(c.ok());
    return std::move(c).value();
  }();
  return *coder;
}

}  // namespace

// Loads the slow static state (OpenCC dictionaries: seconds under ASan)
// before fuzzing starts, so that it never counts against -timeout.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)GetCoder();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const trigon::coding::Coder& coder = GetCoder();
  trigon::fuzz::Input in(data, size);
  const uint8_t flags = in.Byte();
  const uint8_t d1 = in.Byte();
  const uint8_t d2 = in.Byte();
  const std::string all = trigon::fuzz::MakeValidUtf8(in.Rest());
  std::string_view text = all;
  std::string_view previous;
  if (flags & 16) {
    const size_t nl = text.find('\n');
    if (nl != std::string_view::npos) {
      previous = text.substr(0, nl);
      text.remove_prefix(nl + 1);
    }
  }
  static constexpr const char* kLangs[] = {"en", "zh-Hans", "zh-Hant", "und"};
  trigon::coding::SentenceInput input;
  input.text = text;
  input.lang = kLangs[flags & 3];
  input.want_trace = (flags & 4) != 0;
  input.previous_sentence = previous;
  input.sentence_offset = d1 * 7u;
  if (flags & 8) {
    char date[16];
    std::snprintf(date, sizeof(date), "%04d-%02d-%02d", 1990 + d1 % 60,
                  1 + d2 % 12, 1 + d2 % 28);
    input.document_date = date;
  }
  const trigon::coding::SentenceResult r = coder.CodeSentence(input);
  trigon::fuzz::CheckEvents(r, input);
  for (const auto& a : r.trace.actors) {
    TRIGON_FUZZ_CHECK(a.span.begin <= a.span.end && a.span.end <= text.size());
  }
  return 0;
}
