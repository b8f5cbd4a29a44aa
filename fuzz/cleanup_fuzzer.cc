// Fuzzes ingest::CleanDocument, then splits the paragraphs it produced with
// text::SplitSentences.  The text is made valid UTF-8 first.
//
// Layout: byte 0: bits 0-1 = number of pre-existing removed spans (two
// uint16 each, snapped to code point boundaries), bit 2 = small duplicate
// thresholds and search window (exercises the truncation path); the rest is
// the text.
//
// Invariants: text unchanged; removed spans sorted, inside the text and
// disjoint, pre-existing ones kept (unless nested in another); paragraphs
// ordered, disjoint, non-empty, trimmed, on code point boundaries and clear of
// removed spans; every visible ASCII byte is in a paragraph or a removed span;
// the stats add up; sentence invariants (split_checks.h) on the result.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "ingest/cleanup.h"
#include "split_checks.h"
#include "text/sentence_splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using trigon::model::RemovalReason;
  using trigon::model::RemovedSpan;
  using trigon::model::Span;
  trigon::fuzz::Input in(data, size);
  const uint8_t flags = in.Byte();
  std::vector<std::pair<uint16_t, uint16_t>> raw_spans;
  for (int i = 0; i < (flags & 3); ++i) {
    const uint16_t a = in.U16();
    raw_spans.emplace_back(a, in.U16());
  }
  trigon::model::Document doc;
  doc.text = trigon::fuzz::MakeValidUtf8(in.Rest());
  const std::string original = doc.text;
  const auto snap = [&](uint32_t x) {
    x = std::min<uint32_t>(x, static_cast<uint32_t>(doc.text.size()));
    while (!trigon::fuzz::OnBoundary(doc.text, x)) ++x;
    return x;
  };
  for (auto [a, b] : raw_spans) {
    const uint32_t lo = snap(std::min(a, b));
    const uint32_t hi = snap(std::max(a, b));
    // Empty spans as the HTML extractor's <script> markers, others as a
    // reader's front matter or navigation.
    doc.removed.push_back(RemovedSpan{
        {lo, hi},
        lo == hi ? RemovalReason::kMarkup : RemovalReason::kNavigation,
        "fuzz"});
  }
  const size_t preexisting = doc.removed.size();

  trigon::ingest::CleanupOptions options;
  if (flags & 4) {
    options.min_duplicate_bytes = 8;
    options.min_unaligned_duplicate_bytes = 16;
    options.max_duplicate_candidates = 4;
    options.max_duplicate_search_bytes = 64;
  }
  const trigon::ingest::CleanupStats stats =
      trigon::ingest::CleanDocument(doc, options);

  TRIGON_FUZZ_CHECK(doc.text == original);
  const size_t n = doc.text.size();
  uint32_t new_spans = 0;
  uint64_t new_bytes = 0;
  for (size_t r = 0; r < trigon::ingest::kRemovalReasonCount; ++r) {
    new_spans += stats.spans[r];
    new_bytes += stats.bytes[r];
  }
  TRIGON_FUZZ_CHECK(stats.bytes_removed == new_bytes);
  trigon::fuzz::CheckSortedDisjoint(
      doc.removed, n, [](const RemovedSpan& r) { return r.span; });
  // Prior spans are kept, except one wholly inside an earlier one (dropped
  // by the overlap trimming, cleanup.cc NormalizePriorSpans).
  size_t fuzz_spans = 0;
  for (const auto& r : doc.removed) fuzz_spans += r.detail == "fuzz";
  TRIGON_FUZZ_CHECK(doc.removed.size() == fuzz_spans + new_spans);
  TRIGON_FUZZ_CHECK(fuzz_spans <= preexisting);
  TRIGON_FUZZ_CHECK(preexisting == 0 || fuzz_spans >= 1);
  if (flags & 4) {
    TRIGON_FUZZ_CHECK(stats.duplicate_search_truncated ==
                      (n > options.max_duplicate_search_bytes));
  }

  std::vector<uint8_t> covered(n, 0);  // 1 = removed, 2 = paragraph
  for (const auto& r : doc.removed) {
    std::fill(covered.begin() + r.span.begin, covered.begin() + r.span.end, 1);
  }
  TRIGON_FUZZ_CHECK(stats.paragraphs == doc.paragraphs.size());
  uint64_t kept = 0;
  uint32_t last_end = 0;
  for (const auto& p : doc.paragraphs) {
    const Span s = p.span;
    TRIGON_FUZZ_CHECK(s.begin < s.end && s.end <= n);
    TRIGON_FUZZ_CHECK(s.begin >= last_end);
    last_end = s.end;
    TRIGON_FUZZ_CHECK(trigon::fuzz::OnBoundary(doc.text, s.begin));
    TRIGON_FUZZ_CHECK(trigon::fuzz::OnBoundary(doc.text, s.end));
    TRIGON_FUZZ_CHECK(!trigon::fuzz::IsAsciiSpace(doc.text[s.begin]));
    TRIGON_FUZZ_CHECK(!trigon::fuzz::IsAsciiSpace(doc.text[s.end - 1]));
    for (uint32_t i = s.begin; i < s.end; ++i) {
      TRIGON_FUZZ_CHECK(covered[i] == 0);  // not inside a removed span
      covered[i] = 2;
    }
    kept += s.size();
  }
  TRIGON_FUZZ_CHECK(stats.bytes_kept == kept);
  for (size_t i = 0; i < n; ++i) {
    if (trigon::fuzz::IsAsciiGraphic(static_cast<unsigned char>(doc.text[i]))) {
      TRIGON_FUZZ_CHECK(covered[i] != 0);
    }
  }

  trigon::text::SentenceSplitOptions split;
  split.max_sentence_bytes = (flags & 8) ? 16 : 4096;
  const auto sentences =
      trigon::text::SplitSentences(doc.text, doc.paragraphs, split);
  trigon::fuzz::CheckSentences(doc.text, doc.paragraphs, sentences,
                               split.max_sentence_bytes);
  return 0;
}
