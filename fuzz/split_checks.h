#pragma once
// Invariants of text::SplitSentences, shared by text_fuzzer and
// cleanup_fuzzer (which splits the paragraphs cleanup produced).

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "model/document.h"
#include "text/sentence_splitter.h"

namespace trigon::fuzz {

// REQUIRES: `paragraphs` well formed (sorted, disjoint, inside `text`, on
// code point boundaries), as SplitSentences then uses all of them.
inline void CheckSentences(std::string_view text,
                           const std::vector<model::Paragraph>& paragraphs,
                           const std::vector<text::SentenceBoundary>& out,
                           uint32_t max_sentence_bytes) {
  std::vector<uint8_t> in_paragraph(text.size(), 0);
  for (const auto& p : paragraphs) {
    std::fill(in_paragraph.begin() + p.span.begin,
              in_paragraph.begin() + p.span.end, 1);
  }
  std::vector<uint8_t> in_sentence(text.size(), 0);
  uint32_t last_end = 0;
  for (const auto& s : out) {
    TRIGON_FUZZ_CHECK(s.span.begin < s.span.end);  // non-empty
    TRIGON_FUZZ_CHECK(s.span.end <= text.size());
    TRIGON_FUZZ_CHECK(s.span.begin >= last_end);  // ordered, disjoint
    last_end = s.span.end;
    TRIGON_FUZZ_CHECK(OnBoundary(text, s.span.begin));
    TRIGON_FUZZ_CHECK(OnBoundary(text, s.span.end));
    TRIGON_FUZZ_CHECK(!IsAsciiSpace(text[s.span.begin]));  // trimmed
    TRIGON_FUZZ_CHECK(!IsAsciiSpace(text[s.span.end - 1]));
    // A piece holds at least one code point (up to 4 bytes).
    TRIGON_FUZZ_CHECK(s.span.size() <=
                      std::max<uint32_t>(max_sentence_bytes, 4));
    TRIGON_FUZZ_CHECK(s.paragraph < paragraphs.size());
    const model::Span p = paragraphs[s.paragraph].span;
    TRIGON_FUZZ_CHECK(s.span.begin >= p.begin && s.span.begin < p.end);
    for (uint32_t i = s.span.begin; i < s.span.end; ++i) {
      in_sentence[i] = 1;
      // A sentence crosses paragraph breaks only over whitespace.
      if (!in_paragraph[i]) {
        TRIGON_FUZZ_CHECK(!IsAsciiGraphic(static_cast<unsigned char>(text[i])));
      }
    }
  }
  // Every visible ASCII byte of every paragraph is in a sentence.
  for (size_t i = 0; i < text.size(); ++i) {
    if (in_paragraph[i] &&
        IsAsciiGraphic(static_cast<unsigned char>(text[i]))) {
      TRIGON_FUZZ_CHECK(in_sentence[i]);
    }
  }
}

}  // namespace trigon::fuzz
