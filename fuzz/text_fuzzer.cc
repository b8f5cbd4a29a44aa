// Fuzzes the text layer: text::Normalizer (offset map), text::DetectLanguage
// and text::SplitSentences.  The input is made valid UTF-8 first.
//
// Layout: byte 0: bits 0-1 pick the normaliser (default; no t2s; no NFKC
// and no t2s; no case folding, whitespace collapsing or t2s), bit 2 a small
// sentence limit (16 bytes), bits 3-4 the paragraph language (detected, "en",
// "zh-Hans", "und"); the rest is the text.  Paragraphs are its
// blank-line-separated blocks, trimmed of ASCII whitespace.
//
// Invariants: normalised text is valid UTF-8; offsets has one entry per
// byte plus one, is non-decreasing, ends at the input size and points at
// code point starts; collapsed output has no leading, trailing or double
// space; case-folded output has no ASCII capitals; pure-ASCII input
// normalises exactly to its lowercased, space-collapsed form with the
// matching offsets.  Language guesses are well formed.  Sentence
// invariants: split_checks.h.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "split_checks.h"
#include "text/normalizer.h"
#include "text/script_detector.h"
#include "text/sentence_splitter.h"

namespace {

using trigon::text::Normalizer;
using trigon::text::NormalizerOptions;

const Normalizer& GetNormalizer(int which) {
  static const std::vector<std::unique_ptr<Normalizer>> all = [] {
    std::vector<NormalizerOptions> variants(4);
    // OpenCC's dictionaries load slowly under ASan: only variant 0 uses t2s.
    variants[1].traditional_to_simplified = false;
    variants[2].nfkc = false;
    variants[2].traditional_to_simplified = false;
    variants[3].case_fold = false;
    variants[3].collapse_whitespace = false;
    variants[3].traditional_to_simplified = false;
    std::vector<std::unique_ptr<Normalizer>> out;
    for (const auto& o : variants) {
      auto n = Normalizer::Create(o);
      TRIGON_FUZZ_CHECK(n.ok());  // OpenCC data is installed (install-deps)
      out.push_back(std::move(n).value());
    }
    return out;
  }();
  return *all[which];
}

bool IsUnicodeAsciiSpace(char c) {  // ASCII White_Space
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
         c == '\r';
}

void CheckNormalized(const Normalizer& normalizer, std::string_view input) {
  const trigon::text::NormalizedText n = normalizer.Normalize(input);
  const NormalizerOptions& o = normalizer.options();
  TRIGON_FUZZ_CHECK(trigon::fuzz::IsValidUtf8(n.text));
  TRIGON_FUZZ_CHECK(n.offsets.size() == n.text.size() + 1);
  TRIGON_FUZZ_CHECK(n.offsets.back() == input.size());
  for (size_t i = 0; i < n.offsets.size(); ++i) {
    if (i > 0) TRIGON_FUZZ_CHECK(n.offsets[i - 1] <= n.offsets[i]);
    TRIGON_FUZZ_CHECK(trigon::fuzz::OnBoundary(input, n.offsets[i]));
  }
  if (o.collapse_whitespace && !n.text.empty()) {
    TRIGON_FUZZ_CHECK(n.text.front() != ' ' && n.text.back() != ' ');
    TRIGON_FUZZ_CHECK(n.text.find("  ") == std::string::npos);
    for (char c : n.text)
      TRIGON_FUZZ_CHECK(c == ' ' || !IsUnicodeAsciiSpace(c));
  }
  if (o.case_fold) {
    for (char c : n.text) TRIGON_FUZZ_CHECK(!(c >= 'A' && c <= 'Z'));
  }

  // Reference for pure ASCII input with the default options.
  bool ascii = true;
  for (unsigned char c : input) ascii &= c < 0x80;
  if (!ascii || !o.nfkc || !o.case_fold || !o.collapse_whitespace) return;
  std::string want;
  std::vector<uint32_t> want_offsets;
  size_t i = 0;
  while (i < input.size() && IsUnicodeAsciiSpace(input[i])) ++i;
  while (i < input.size()) {
    if (IsUnicodeAsciiSpace(input[i])) {
      const size_t run = i;
      while (i < input.size() && IsUnicodeAsciiSpace(input[i])) ++i;
      if (i == input.size()) break;  // trailing run dropped
      want.push_back(' ');
      want_offsets.push_back(static_cast<uint32_t>(run));
      continue;
    }
    const char c = input[i];
    want.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    want_offsets.push_back(static_cast<uint32_t>(i));
    ++i;
  }
  want_offsets.push_back(static_cast<uint32_t>(input.size()));
  TRIGON_FUZZ_CHECK(n.text == want);
  TRIGON_FUZZ_CHECK(n.offsets == want_offsets);
}

void CheckGuess(const trigon::text::LanguageGuess& g) {
  TRIGON_FUZZ_CHECK(!g.lang.empty());
  TRIGON_FUZZ_CHECK(g.script.size() == 4);
  TRIGON_FUZZ_CHECK(g.confidence >= 0.0 && g.confidence <= 1.0);
  if (g.script == "Zyyy") TRIGON_FUZZ_CHECK(g.lang == "und");
}

}  // namespace

// Loads the slow static state (OpenCC dictionaries: seconds under ASan)
// before fuzzing starts, so that it never counts against -timeout.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)GetNormalizer(0);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  trigon::fuzz::Input in(data, size);
  const uint8_t flags = in.Byte();
  const std::string text = trigon::fuzz::MakeValidUtf8(in.Rest());

  CheckNormalized(GetNormalizer(flags & 3), text);
  CheckGuess(trigon::text::DetectLanguage(text));

  // Paragraphs: blank-line-separated blocks, trimmed.
  std::vector<trigon::model::Paragraph> paragraphs;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    size_t b = pos;
    size_t e = end;
    while (b < e && trigon::fuzz::IsAsciiSpace(text[b])) ++b;
    while (e > b && trigon::fuzz::IsAsciiSpace(text[e - 1])) --e;
    if (b < e) {
      trigon::model::Paragraph p;
      p.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
      static constexpr const char* kLangs[] = {nullptr, "en", "zh-Hans", "und"};
      if (const char* lang = kLangs[(flags >> 3) & 3]) {
        p.lang = lang;
      } else {
        const auto g = trigon::text::DetectLanguage(
            std::string_view(text).substr(b, e - b));
        CheckGuess(g);
        p.lang = g.lang;
        p.script = g.script;
      }
      paragraphs.push_back(std::move(p));
    }
    pos = end + 2;
  }
  trigon::text::SentenceSplitOptions options;
  if (flags & 4) options.max_sentence_bytes = 16;
  const auto sentences =
      trigon::text::SplitSentences(text, paragraphs, options);
  trigon::fuzz::CheckSentences(text, paragraphs, sentences,
                               options.max_sentence_bytes);
  return 0;
}
