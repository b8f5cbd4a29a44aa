#pragma once
// Minimal UTF-8 primitives used on already-validated text, plus the one
// validator that runs at the ingest boundary.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trigon::utf8 {

// Returns the byte offset of the first invalid sequence (including
// overlongs, surrogates and truncation at the end), or nullopt if valid.
std::optional<size_t> FindInvalid(std::string_view bytes);

// `bytes` with each byte of an invalid sequence replaced by `replacement`
// (U+FFFD by default, as HTML5 decoders do); valid input comes back
// unchanged.  Linear: each scan stops at the next invalid byte.
std::string ReplaceInvalid(std::string_view bytes,
                           std::string_view replacement = "\xEF\xBF\xBD");

// Decodes the code point starting at `pos` and advances `pos`.
// REQUIRES: `s` is valid UTF-8 and pos < s.size().
char32_t Next(std::string_view s, size_t& pos);

// Appends the UTF-8 encoding of `cp` (a valid scalar value).
void Append(char32_t cp, std::string& out);

// Number of bytes of the sequence whose lead byte is `lead` (1 for
// continuation or invalid bytes, so loops always advance).
inline size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

inline bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2FA1F) || (c >= 0xF900 && c <= 0xFAFF);
}

}  // namespace trigon::utf8
