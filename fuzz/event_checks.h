#pragma once
// Invariants of the events coding::Coder::CodeSentence returns, shared by
// coder_fuzzer and dictionary_fuzzer.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coding/coder.h"
#include "fuzz_util.h"
#include "model/event.h"

namespace trigon::fuzz {

inline bool IsDateOrPartial(const std::string& s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

inline void CheckEvidence(const model::Evidence& e, std::string_view sentence,
                          bool required) {
  TRIGON_FUZZ_CHECK(e.span.begin <= e.span.end);
  TRIGON_FUZZ_CHECK(e.span.end <= sentence.size());
  if (required) TRIGON_FUZZ_CHECK(!e.span.empty());
  if (!e.span.empty()) {
    TRIGON_FUZZ_CHECK(OnBoundary(sentence, e.span.begin));
    TRIGON_FUZZ_CHECK(OnBoundary(sentence, e.span.end));
    TRIGON_FUZZ_CHECK(e.text == sentence.substr(e.span.begin, e.span.size()));
  }
}

inline void CheckEvents(const coding::SentenceResult& r,
                        const coding::SentenceInput& in) {
  for (const model::Event& e : r.events) {
    TRIGON_FUZZ_CHECK(e.code.size() >= 2 && e.code.size() <= 4);
    TRIGON_FUZZ_CHECK(e.root == model::RootCode(e.code));
    TRIGON_FUZZ_CHECK(e.quad_class == model::QuadClassGdelt(e.root));
    TRIGON_FUZZ_CHECK(e.quad_class >= 1 && e.quad_class <= 4);
    TRIGON_FUZZ_CHECK(e.sentence_offset == in.sentence_offset);
    TRIGON_FUZZ_CHECK(e.mentions >= 1);
    CheckEvidence(e.trigger, in.text, /*required=*/true);
    CheckEvidence(e.source_evidence, in.text, /*required=*/false);
    CheckEvidence(e.target_evidence, in.text, /*required=*/false);
    if (e.date) {
      TRIGON_FUZZ_CHECK(IsDateOrPartial(*e.date));
      TRIGON_FUZZ_CHECK(e.date_basis != model::DateBasis::kNone);
    } else {
      TRIGON_FUZZ_CHECK(e.date_basis == model::DateBasis::kNone);
    }
  }
}

}  // namespace trigon::fuzz
