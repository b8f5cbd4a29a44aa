#pragma once
// Shared helpers for the libFuzzer targets in fuzz/ (not part of any
// library).  Fuzzers check invariants with TRIGON_FUZZ_CHECK, which prints
// the failed condition and aborts, so libFuzzer saves the input as a crash.
// (The library itself never aborts; fuzz targets are tools, and exempt.)

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "model/document.h"

#define TRIGON_FUZZ_CHECK(cond)                                         \
  do {                                                                  \
    if (!(cond)) {                                                      \
      std::fprintf(stderr, "%s:%d: invariant violated: %s\n", __FILE__, \
                   __LINE__, #cond);                                    \
      std::abort();                                                     \
    }                                                                   \
  } while (0)

namespace trigon::fuzz {

inline std::string_view AsView(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// `bytes` with every byte that does not start a valid UTF-8 sequence
// replaced by '?', so mutated inputs stay useful for parsers that REQUIRE
// valid UTF-8.  Linear: each FindInvalid call scans only up to the next
// invalid byte.
inline std::string MakeValidUtf8(std::string_view bytes) {
  return utf8::ReplaceInvalid(bytes, "?");
}

// Known open bug, skipped by the HTML-reading fuzzers until the fix lands
// (docs/fuzzing.md, "Findings"; reproducer in fuzz/regressions/open/html/):
// gumbo 0.10.1 overflows an int on a numeric character reference with many
// digits ("&#x88888888;") and emits invalid UTF-8 (google/gumbo-parser
// issue 356), which ExtractHtml passes on.  True when `html` holds "&#"
// followed by at least 8 hex or 10 decimal digits.  Set kSkipGumboIssue356
// to false once src/ingest/html_extract.cc repairs gumbo's output.
inline constexpr bool kSkipGumboIssue356 = false;
inline bool HasHugeNumericCharRef(std::string_view html) {
  for (size_t i = html.find("&#"); i != std::string_view::npos;
       i = html.find("&#", i + 2)) {
    size_t k = i + 2;
    const bool hex = k < html.size() && (html[k] == 'x' || html[k] == 'X');
    if (hex) ++k;
    size_t digits = 0;
    while (k < html.size()) {
      const char c = html[k];
      const bool dec = c >= '0' && c <= '9';
      const bool hexd = dec || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!(hex ? hexd : dec)) break;
      ++digits;
      ++k;
    }
    if (digits >= (hex ? 8u : 10u)) return true;
  }
  return false;
}

inline bool IsValidUtf8(std::string_view s) {
  return !utf8::FindInvalid(s).has_value();
}

inline bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// True when `offset` is the start of a code point of `text` or its end.
inline bool OnBoundary(std::string_view text, size_t offset) {
  return offset == text.size() ||
         (offset < text.size() &&
          !IsContinuation(static_cast<unsigned char>(text[offset])));
}

inline bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

// Printable ASCII other than space: bytes every "kept text" invariant
// (cleanup, sentence splitting) must account for.
inline bool IsAsciiGraphic(unsigned char c) { return c > 0x20 && c < 0x7F; }

// Checks a text -> source byte map (model::SourcePiece list): pieces in
// increasing text order, non-overlapping, inside the text; source ranges
// inside the source; exact pieces are byte-for-byte copies of `source` when
// it is given.  With `tiles`, the pieces must also cover the whole text
// without gaps; with `monotone`, source ranges must be in text order too
// (not so for HTML: the HTML5 parser moves misplaced table text, "foster
// parenting", ahead of the table, so its text precedes earlier source).
inline void CheckSourceMap(const std::vector<model::SourcePiece>& map,
                           std::string_view text, uint64_t source_size,
                           const std::string_view* source, bool tiles,
                           bool monotone = true) {
  uint64_t text_pos = 0;
  uint64_t source_pos = 0;
  for (const model::SourcePiece& p : map) {
    TRIGON_FUZZ_CHECK(p.text_begin >= text_pos);
    if (tiles) TRIGON_FUZZ_CHECK(p.text_begin == text_pos);
    const uint64_t text_end = uint64_t{p.text_begin} + p.text_length;
    TRIGON_FUZZ_CHECK(text_end <= text.size());
    if (monotone) TRIGON_FUZZ_CHECK(p.source_begin >= source_pos);
    const uint64_t source_end = p.source_begin + p.source_length;
    TRIGON_FUZZ_CHECK(source_end <= source_size);
    if (p.exact) {
      TRIGON_FUZZ_CHECK(p.text_length == p.source_length);
      if (source != nullptr) {
        TRIGON_FUZZ_CHECK(text.substr(p.text_begin, p.text_length) ==
                          source->substr(p.source_begin, p.source_length));
      }
    }
    text_pos = text_end;
    source_pos = p.source_begin;
  }
  if (tiles && !map.empty()) TRIGON_FUZZ_CHECK(text_pos == text.size());
}

// Spans sorted by begin, inside [0, size], begin <= end, and no two
// non-empty spans sharing a byte (an empty marker span may sit anywhere).
template <typename T, typename GetSpan>
void CheckSortedDisjoint(const std::vector<T>& items, size_t size,
                         GetSpan get_span) {
  uint32_t last_begin = 0;
  uint32_t last_end = 0;  // end of the last non-empty span
  for (const T& item : items) {
    const model::Span s = get_span(item);
    TRIGON_FUZZ_CHECK(s.begin <= s.end);
    TRIGON_FUZZ_CHECK(s.end <= size);
    TRIGON_FUZZ_CHECK(s.begin >= last_begin);
    if (!s.empty()) {
      TRIGON_FUZZ_CHECK(s.begin >= last_end);
      last_end = s.end;
    }
    last_begin = s.begin;
  }
}

// A little-endian cursor over the fuzz input, for targets that take a few
// control bytes before their payload.
class Input {
 public:
  Input(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  uint8_t Byte() { return size_ > 0 ? (--size_, *data_++) : 0; }
  uint16_t U16() {
    const uint16_t lo = Byte();
    return static_cast<uint16_t>(lo | (Byte() << 8));
  }
  std::string_view Rest() const { return AsView(data_, size_); }

 private:
  const uint8_t* data_;
  size_t size_;
};

}  // namespace trigon::fuzz
