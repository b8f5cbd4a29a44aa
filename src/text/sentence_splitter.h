#pragma once
// Rule-based sentence boundaries for English and Chinese news text.
//
//   std::vector<SentenceBoundary> s =
//       text::SplitSentences(doc.text, doc.paragraphs);
//
// Boundaries are chosen on the stored text; the text itself is never
// changed.  Every sentence span is trimmed of whitespace and non-empty, and
// every non-whitespace byte of every paragraph lies in exactly one sentence.
//
// Rules inside a paragraph (or a group of joined paragraphs):
//  * Chinese: a sentence ends after the ideographic full stop U+3002, the
//    full-width ! ? ; (U+FF01, U+FF1F, U+FF1B) and the half-width stop
//    U+FF61, and, when the character before them is CJK, after ASCII
//    . ! ? ; and the ellipsis U+2026 as well; runs such as "?!" or a double
//    ellipsis stay together.  A comma (U+FF0C, ASCII ',', the enumeration
//    comma U+3001) never ends a sentence.
//  * English: a sentence ends after . ! ? U+2026 or ... when what follows is
//    the end of the text, or whitespace and then an uppercase letter, a
//    digit, an opening quote or bracket, or a CJK character (a CJK
//    character may also follow directly).  Not after the abbreviations
//    Mr. Mrs. Ms. Dr. Prof. Gen. Lt. Col. Capt. Maj. Sgt. Adm. Cmdr. Sen.
//    Rep. Gov. Pres. St. vs. e.g. i.e. p. pp. fig. vol. or a single capital
//    initial ("J. Smith"), nor after No. before a digit; after Jr. Sr. Inc.
//    Ltd. Co. Corp. etc., month abbreviations (Jan. ... Dec., Sept.) and
//    initialisms (U.S. U.K. U.N. E.U. D.C. p.m.) only when the next word is
//    a common sentence opener (The, He, It, But, Then, ...).  Decimals (3.5,
//    $1.5) never split because no space follows '.'.  A semicolon does not
//    end an English sentence.
//  * Both: closing quotes and brackets (U+201D U+2019 " ' ) ] U+300D
//    U+300F U+FF09 U+3011 U+300B U+3009 U+00BB ...) right after the
//    terminator stay with the sentence (He said "no." ends after the
//    quote), and so do footnote markers such as [1] or [2][3].
//    In CJK text a footnote marker followed by whitespace also ends a
//    sentence (translations often lose the period before it).
//  * A newline inside a paragraph is a space for English and nothing for
//    Chinese: it is never a boundary by itself.
//  * Mixed lines: each terminator is judged by its own rule, so a Chinese
//    sentence with an English title in it splits at U+3002 and an English
//    sentence quoting Chinese splits at ". ".
//
// Joining broken paragraphs.  Reposted blog text often breaks one sentence
// over several "paragraphs".  Paragraph P is joined with the next one, N,
// when all of these hold:
//  1. P and N have the same primary language subtag ("zh-Hant" and
//     "zh-Hans" are both "zh"); "und" or an empty lang never joins;
//  2. only whitespace lies between them (text that ingest removed, such as
//     boilerplate, between the two prevents joining);
//  3. P does not end with terminal punctuation or a footnote marker
//     (looking past closing quotes), and either
//     a. P ends with a comma, enumeration comma, colon, dash or opening
//        bracket (, U+FF0C U+3001 : U+FF1A U+2014 U+2013 - U+300C U+201C
//        ( ...): always join; or
//     b. P ends without punctuation, and
//        - for Chinese, Japanese and Korean: P is not heading-like.  A
//          "short line" has at most 12 non-space characters and no comma,
//          colon or terminator inside.  P is heading-like when it does not
//          itself continue an earlier joined paragraph and either P is a
//          short line (a 4-character section heading "Reality check", an
//          11-character pull title; but not "However, this" with a comma),
//          or N is a short line ending without punctuation (a title
//          followed by a date line such as "2025 <year> 3 <month> 17 <day>");
//        - for other languages: N starts (after opening quotes and
//          brackets) with a lowercase letter.  A title such as "Why the
//          'Reverse Nixon' Strategy Will Fail: The Illusion of Decoupling"
//          followed by "AFP/Scanpix" is not joined.
// A joined sentence's span crosses the paragraph break; its `paragraph` is
// the paragraph where it starts.  Known limitation: a long pull quote
// without final punctuation (over 12 CJK characters) is joined to the
// sentence after it, and a sentence whose final period was lost runs on
// into the next paragraph.

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace trigon::text {

struct SentenceSplitOptions {
  // A sentence longer than this many bytes is cut into pieces of at most
  // this size, at the last whitespace before the limit, or else at the last
  // code point boundary; every piece is flagged `truncated`.  Each piece
  // holds at least one code point even if the limit is smaller than that.
  // Default 4096.
  uint32_t max_sentence_bytes = 4096;
};

struct SentenceBoundary {
  model::Span span;        // byte range into doc_text, trimmed, non-empty
  uint32_t paragraph = 0;  // index into `paragraphs` of the span's start
  bool truncated = false;  // cut by max_sentence_bytes
};

// Splits the paragraphs of `doc_text` into sentences, in document order.
//
// `paragraphs` are byte ranges into doc_text with `lang` set (as produced by
// ingest).  Paragraphs that are malformed (begin > end, past the end of
// doc_text, or overlapping or before the previous paragraph) are skipped.
// Pure function; thread-safe.
// REQUIRES: doc_text is valid UTF-8 and paragraph spans start and end on
// code point boundaries.
std::vector<SentenceBoundary> SplitSentences(
    std::string_view doc_text, const std::vector<model::Paragraph>& paragraphs,
    const SentenceSplitOptions& options = {});

}  // namespace trigon::text
