#pragma once
// Plain value types for an ingested document and its text layer.
//
// One coordinate system: every Span is a byte range into Document::text,
// the document's full decoded UTF-8 text (for a text file, the whole file
// decoded; for HTML, the visible text of the page in document order; for a
// JSON Lines record, its "text" field).  Cleanup never edits `text`; it
// records RemovedSpans, and paragraphs and sentences cover only what is
// kept.  `source_map` maps text offsets back to byte offsets in the
// original file, so every sentence can cite the bytes it came from.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace trigon::model {

struct Span {
  uint32_t begin = 0;  // byte offset into Document::text, inclusive
  uint32_t end = 0;    // exclusive; begin <= end
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// One piece of the text -> original-file byte map.  Text bytes
// [text_begin, text_begin + text_length) came from original bytes
// [source_begin, source_begin + source_length).  `exact` is true when the
// piece is a byte-for-byte copy (then both lengths are equal and offsets map
// one to one); false for transcoded or entity-decoded pieces, which map as a
// unit.  An empty map means the identity (text == original file bytes).
struct SourcePiece {
  uint32_t text_begin = 0;
  uint32_t text_length = 0;
  uint64_t source_begin = 0;
  uint64_t source_length = 0;
  bool exact = true;
};

// Why a span of text is not part of the article.
enum class RemovalReason {
  kFrontMatter,       // title:/date: header block of a text file
  kDuplicate,         // a repeat of earlier text in the same document
  kAdPlaceholder,     // "ad1 webp" and similar aggregator slots
  kImagePlaceholder,  // "![]()", "[image]"
  kCaption,           // photo credit or caption line
  kRecommendations,   // "recommended articles" / related stories block
  kCommentSection,    // blog comment footers, comment threads
  kEndnotes,          // numbered endnote / reference list
  kBoilerplate,       // copyright, "download the PDF", image notices
  kNavigation,        // HTML nav/header/footer/aside/menus
  kMarkup,            // HTML script/style/template content (not text)
};

const char* RemovalReasonName(RemovalReason reason);

struct RemovedSpan {
  Span span;
  RemovalReason reason = RemovalReason::kBoilerplate;
  std::string detail;  // e.g. "repeat of bytes 120..2400", "<aside class=related>"
};

struct Paragraph {
  Span span;
  std::string lang;    // "en", "zh-Hans", "zh-Hant", "ja", "ko", "ru", "und"...
  std::string script;  // ISO 15924: "Latn", "Hans", "Hant", "Jpan", "Kore", "Cyrl", "Zyyy"
};

struct Sentence {
  uint32_t index = 0;      // 0-based, in document order
  uint32_t paragraph = 0;  // index of the paragraph where it starts
  Span span;               // may cross a paragraph break (a sentence broken
                           // over blank lines is joined)
  std::string lang;
  std::string normalized;  // matching form (NFKC, casefold, Hant->Hans)
};

struct Document {
  std::string id;           // ContentHashHex(text): stable, content-derived
  std::string source_path;  // file path; "file.jsonl:LINE" for JSON Lines
  std::string format;       // "text", "html", "jsonl"
  std::string encoding;     // detected encoding of the original bytes
  uint64_t source_bytes = 0;
  std::string external_id;  // "id" of a JSON Lines record
  std::string title;
  std::string url;
  std::string source;       // outlet / feed name if known
  std::string declared_lang;  // from metadata, if any

  std::optional<std::string> date;  // YYYY-MM-DD publication date
  std::string date_basis;  // how it was found: "front_matter", "jsonl",
                           // "html_meta:<name>", "text:<format>"; empty if none
  std::string date_text;   // the matched text, for provenance

  std::string text;
  std::string raw;  // original bytes when they differ from `text` (HTML);
                    // empty otherwise
  std::vector<SourcePiece> source_map;

  std::vector<RemovedSpan> removed;
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
};

// Maps a text offset to the original-file byte offset using `source_map`
// (identity when the map is empty).  Inexact pieces map to their start.
uint64_t SourceOffset(const Document& doc, uint32_t text_offset);

}  // namespace trigon::model
