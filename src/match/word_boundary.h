#pragma once
// INTERNAL to src/match (see pattern_set.h): what a "word character" is for
// the boundary rule of Latin-script literals.  Shared by the compiled matcher
// and the test-only reference matcher so both agree by construction.

#include <cstddef>
#include <string_view>

#include "base/utf8.h"

namespace trigon::match::internal {

// ASCII letters and digits, Latin-1 and Latin Extended-A/B letters, IPA,
// Greek and Cyrillic.  Han, kana, punctuation, symbols and spaces are not
// word characters, so Han literals never need a boundary.
inline bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  return (c >= 0x250 && c <= 0x2AF) || (c >= 0x370 && c <= 0x3FF) ||
         (c >= 0x400 && c <= 0x52F);
}

// The code point that ends just before byte `pos` is a word character.
// REQUIRES: `s` is valid UTF-8 and `pos` is a code point boundary.
inline bool WordCharBefore(std::string_view s, size_t pos) {
  if (pos == 0) return false;
  size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  return IsWordChar(utf8::Next(s, start));
}

// The code point that starts at byte `pos` is a word character.
inline bool WordCharAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  return IsWordChar(utf8::Next(s, pos));
}

// Advances `pos` past a run of word characters.
inline size_t SkipWordChars(std::string_view s, size_t pos) {
  while (pos < s.size()) {
    size_t next = pos;
    if (!IsWordChar(utf8::Next(s, next))) break;
    pos = next;
  }
  return pos;
}

// First and last code points of a non-empty valid UTF-8 string.
inline char32_t FirstCodePoint(std::string_view s) {
  size_t pos = 0;
  return utf8::Next(s, pos);
}
inline char32_t LastCodePoint(std::string_view s) {
  size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  return utf8::Next(s, start);
}

}  // namespace trigon::match::internal
