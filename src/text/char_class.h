#pragma once
// INTERNAL to src/text: small code point classes shared by the normaliser,
// the sentence splitter and the near-duplicate shingler.  Hand-written from
// Unicode 15 property lists so hot loops need no ICU call.

#include "base/utf8.h"

namespace trigon::text::internal {

// Unicode White_Space (PropList.txt).
inline bool IsWhiteSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char32_t c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char32_t c) { return c >= 'a' && c <= 'z'; }

inline bool IsKana(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
         (c >= 0xFF66 && c <= 0xFF9F);
}

inline bool IsHangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318F);
}

// Characters of text written without spaces between words: Han, kana,
// Hangul.
inline bool IsCjkLetter(char32_t c) {
  return utf8::IsHan(c) || IsKana(c) || IsHangul(c);
}

// CJK Symbols and Punctuation, and Halfwidth and Fullwidth Forms
// (U+3002 ideographic full stop, corner brackets, full-width comma and
// exclamation mark, ...): punctuation that only occurs in CJK text.
inline bool IsCjkPunctuation(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF65);
}

}  // namespace trigon::text::internal
