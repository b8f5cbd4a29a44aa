#pragma once
// Cleanup: splits the kept text of a Document into paragraphs and records
// the text that is not the article as RemovedSpans.
//
// Cleanup never edits Document::text.  It reads the text and the spans a
// reader already removed (front matter, HTML navigation), finds noise in
// what is left, appends one RemovedSpan per noisy run (with a reason and a
// `detail` that justifies it) and fills Document::paragraphs with the kept
// blocks.  Afterwards every byte of the text is inside a paragraph, inside a
// RemovedSpan, or whitespace.
//
// What it removes, in the order it looks (each stage sees only the text
// that the earlier ones kept):
//   kCommentSection   blog comment footers ("沒有留言:", "Post a Comment",
//                     "3 comments") and everything after them, when the
//                     footer is in the second half of the kept text (there
//                     is at least as much before it as after); earlier, only
//                     the line itself;
//   kRecommendations  "推荐阅读" / "Related stories" blocks: in the second
//                     half, from the heading to the end (or to a comment
//                     footer); earlier, the heading and the link-title lines
//                     under it; single "Read more: ..." lines;
//   kEndnotes         an "Endnotes" / "注釋" / "References" heading followed
//                     by "[1]", "1." items (in-text markers stay);
//   kAdPlaceholder    "ad1 webp", "广告", "ADVERTISEMENT" lines;
//   kImagePlaceholder "![alt](url)", "[image]", "[圖片]", "(图片)";
//   kCaption          credit lines ("AFP/Scanpix", "Photo: ...",
//                     "圖片來源：...", "（图/新华社）") and a caption line
//                     next to a credit line that ends with a date;
//   kBoilerplate      disclaimer paragraphs, copyright and image-copyright
//                     notices, "Download the PDF", "Share this:";
//   kDuplicate        later copies of text repeated within the document
//                     (see CleanupOptions for the thresholds).
// Only whole lines are taken by the pattern stages, except the inline
// placeholders and bracketed credits, which are removed where they stand.
//
// Paragraphs are blocks of kept lines separated by one or more blank lines
// (a block with single newlines is one paragraph).  A removed span inside a
// block splits it.  Paragraph spans are trimmed of whitespace (ASCII and
// Unicode spaces, including U+3000 and U+FEFF).

#include <array>
#include <cstddef>
#include <cstdint>

#include "model/document.h"

namespace trigon::ingest {

struct CleanupOptions {
  // Shortest repeated run removed as kDuplicate, counted in bytes of the
  // later copy's non-whitespace text (copies are compared with all
  // whitespace ignored, so a repeat re-wrapped with different line breaks
  // still matches).  Default 48: 16 CJK characters or 8-10 English words,
  // so a repeated headline of ~20 CJK characters (60 bytes) or of ~10
  // English words is caught, while names, dates and stock phrases are not.
  uint32_t min_duplicate_bytes = 48;

  // Repeats at least this long (non-whitespace bytes) are removed wherever
  // they start and end, e.g. a pasted block that begins mid-line.  Shorter
  // repeats (from min_duplicate_bytes up) are removed only when the later
  // copy is one or more whole lines (a repeated title, a pull quote), since
  // a short repeat inside running text is usually a quotation or parallel
  // wording.  Default 200: about 67 CJK characters or 35 English words,
  // longer than any headline or pull quote.
  uint32_t min_unaligned_duplicate_bytes = 200;

  // Earlier occurrences of a window (the first min_duplicate_bytes of a
  // possible repeat) examined when looking for the longest earlier copy,
  // like zlib's max_chain.  Bounds the work per position, which keeps the
  // search near-linear on repetitive text.  Default 32.
  uint32_t max_duplicate_candidates = 32;

  // Repeats are searched in the first this many bytes of the text only
  // (both copies must lie there), which bounds the search's memory at
  // about 50 bytes per code point searched.  Default 4 MiB, far more than
  // any news article; CleanupStats::duplicate_search_truncated tells when
  // a text was longer.
  uint32_t max_duplicate_search_bytes = 4u << 20;
};

// Number of model::RemovalReason values (kMarkup is the last one; keep this
// in step with model/document.h).
inline constexpr size_t kRemovalReasonCount =
    static_cast<size_t>(model::RemovalReason::kMarkup) + 1;

// What one CleanDocument call did.  Only the spans it added are counted;
// spans that were already in doc.removed are not.
struct CleanupStats {
  std::array<uint32_t, kRemovalReasonCount> spans{};  // new spans per reason
  std::array<uint64_t, kRemovalReasonCount> bytes{};  // their bytes per reason
  uint64_t bytes_removed = 0;                         // bytes in all new spans
  uint64_t bytes_kept = 0;                            // bytes inside paragraphs
  uint32_t paragraphs = 0;
  // The text was longer than CleanupOptions::max_duplicate_search_bytes and
  // its tail was not searched for repeats.
  bool duplicate_search_truncated = false;

  uint32_t spans_for(model::RemovalReason reason) const {
    return spans[static_cast<size_t>(reason)];
  }
  uint64_t bytes_for(model::RemovalReason reason) const {
    return bytes[static_cast<size_t>(reason)];
  }
};

// Splits the kept text of `doc` into paragraphs and records what is not the
// article.
//
// Reads doc.text and doc.removed.  The spans already in doc.removed are kept
// as they are and never reported again (they are only clamped to the text
// and, if two overlap, the later one is trimmed).  New spans are appended;
// afterwards doc.removed is sorted by position and no two spans share a
// byte (an empty span, such as the HTML extractor's marker for a <script>,
// may lie inside a new one).  doc.paragraphs is replaced by the kept blocks, in
// order, with lang and script left empty (the pipeline fills them).  doc.text
// and all other fields are unchanged.
//
// Total on any input: text that is not valid UTF-8 is handled byte-wise
// (invalid bytes count as ordinary characters), and a text longer than
// UINT32_MAX bytes (which a Span cannot address; readers refuse such files)
// leaves `doc` unchanged and returns empty stats.  Runs in time roughly
// linear in the text size.  Thread-safe for distinct documents.
CleanupStats CleanDocument(model::Document& doc,
                           const CleanupOptions& options = {});

}  // namespace trigon::ingest
