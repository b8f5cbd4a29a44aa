#pragma once
// Turning the bytes of an input file into valid UTF-8, with a map back to
// the original bytes.
//
// Detection, in order:
//   1. Empty input is an error.
//   2. A byte-order mark decides: EF BB BF (UTF-8; stripped), FF FE / FE FF
//      (UTF-16LE / BE), FF FE 00 00 / 00 00 FE FF (UTF-32LE / BE).
//   3. UTF-16 without a BOM, recognised by its zero bytes: in the first
//      64 KiB, at least 1 code unit in 32 has a zero high byte (ASCII
//      letters, digits, spaces and newlines do) while zero low bytes are at
//      most 1/8 as many.  The file must then convert cleanly.
//   4. A NUL byte anywhere else means binary content.
//   5. Valid UTF-8 is taken as is (source_map empty: the identity).
//   6. Invalid UTF-8 that is mostly UTF-8 (at least 4 valid multi-byte
//      sequences per invalid one) is damaged UTF-8: an error.
//   7. Otherwise the legacy Chinese encodings are tried with ICU converters
//      in stop-on-error mode: GB18030 (a superset of GBK and GB2312), Big5
//      (ICU's windows-950, Big5 with the Microsoft extensions), and
//      Big5-HKSCS only when windows-950 fails.  GB18030 and Big5 accept most
//      of each other's byte pairs, so every clean conversion is scored by
//      the share of its double-byte characters that fall in the common
//      block of that encoding: GB2312 punctuation and level-1 hanzi
//      (A1A1-A3FE, B0A1-D7F9) for GB18030; Big5 punctuation and frequent
//      hanzi (A140-A3FE, A440-C67E) for Big5.  These blocks hold the ~3,700
//      (GB2312) and ~5,400 (Big5) characters that make up almost all of
//      ordinary news text, so real text scores near 1 in its own encoding
//      and far lower in the other.  The highest score wins (ties: GB18030),
//      provided it is at least 0.5; otherwise the input is reported as
//      invalid UTF-8 at its first invalid byte.
// ICU's charset detector (ucsdet) is not used: on short texts it confuses
// the CJK encodings and it gives no reason we could report.
//
// After decoding, text with a U+0000, or with other C0 control characters
// (except TAB, LF, VT, FF, CR) making up more than 1% of its bytes, is
// binary content.  A few stray controls in a long text are kept.
//
// Not supported (reported as invalid UTF-8): Windows-1252 / Latin-1, Shift_JIS,
// EUC-KR and other legacy encodings; UTF-16 without a BOM and with almost no
// ASCII.  Declared charsets (<meta charset>) are not consulted.

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/document.h"

namespace trigon::ingest {

struct DecodedText {
  std::string text;      // valid UTF-8
  std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE",
                         // "UTF-32BE", "GB18030", "Big5", "Big5-HKSCS"
  // Text -> original byte offsets.  Empty when text == the input bytes.
  // A stripped UTF-8 BOM gives one exact piece starting at byte 3.
  // Transcoded text has one piece per character (exact for ASCII bytes
  // copied unchanged, merged into runs; inexact otherwise), so any text
  // offset maps back to the bytes of its character.
  std::vector<model::SourcePiece> source_map;
};

// Decodes `bytes` to UTF-8 as described above.  `path_for_errors` only
// prefixes error messages.
// Errors (all InvalidArgument, messages start with "PATH: "):
//   "empty file"; "binary content at byte N (...)";
//   "invalid UTF-8 at byte N (...)"; "invalid UTF-16LE at byte N (...)" etc.;
// ResourceExhausted if the decoded text would exceed 4 GiB (the limit of
// model::Span offsets).
// Thread-safe (ICU converters are opened per call).
Result<DecodedText> DecodeToUtf8(std::string_view bytes,
                                 std::string_view path_for_errors);

}  // namespace trigon::ingest
