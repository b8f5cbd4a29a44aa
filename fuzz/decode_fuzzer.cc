// Fuzzes ingest::DecodeToUtf8 (encoding detection and transcoding).
//
// Invariants: success gives valid UTF-8 with a known encoding name and a
// source map that tiles the text and stays inside the input (exact pieces
// are byte copies); an empty map only when text == input; input that is
// already clean UTF-8 (no BOM, no C0 controls) decodes to itself; errors
// name the path.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "ingest/decode.h"

namespace {

bool KnownEncoding(std::string_view e) {
  static constexpr std::string_view kNames[] = {
      "UTF-8",    "UTF-16LE", "UTF-16BE", "UTF-32LE",
      "UTF-32BE", "GB18030",  "Big5",     "Big5-HKSCS"};
  return std::find(std::begin(kNames), std::end(kNames), e) != std::end(kNames);
}

bool HasC0Control(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' &&
        c != '\r') {
      return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using trigon::fuzz::CheckSourceMap;
  const std::string_view bytes = trigon::fuzz::AsView(data, size);
  auto result = trigon::ingest::DecodeToUtf8(bytes, "fuzz.txt");
  if (!result.ok()) {
    TRIGON_FUZZ_CHECK(result.status().message().rfind("fuzz.txt: ", 0) == 0);
    // Plain UTF-8 without a BOM and without control characters is never
    // refused.
    const bool clean_utf8 = size > 0 && trigon::fuzz::IsValidUtf8(bytes) &&
                            !HasC0Control(bytes) &&
                            bytes.substr(0, 3) != "\xEF\xBB\xBF";
    TRIGON_FUZZ_CHECK(!clean_utf8);
    return 0;
  }
  const trigon::ingest::DecodedText& d = *result;
  TRIGON_FUZZ_CHECK(size > 0);
  TRIGON_FUZZ_CHECK(KnownEncoding(d.encoding));
  TRIGON_FUZZ_CHECK(trigon::fuzz::IsValidUtf8(d.text));
  TRIGON_FUZZ_CHECK(d.text.find('\0') == std::string::npos);
  if (d.source_map.empty()) {
    TRIGON_FUZZ_CHECK(d.text == bytes);
  } else {
    CheckSourceMap(d.source_map, d.text, size, &bytes, /*tiles=*/true);
  }
  if (trigon::fuzz::IsValidUtf8(bytes) && !HasC0Control(bytes) &&
      bytes.substr(0, 3) != "\xEF\xBB\xBF") {
    TRIGON_FUZZ_CHECK(d.encoding == "UTF-8");
    TRIGON_FUZZ_CHECK(d.text == bytes);
  }
  return 0;
}
