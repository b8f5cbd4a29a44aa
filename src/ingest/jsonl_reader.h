#pragma once
// JSON Lines: one JSON object per line, each becoming one raw record.
//
// Fields read (all optional except "text"):
//   "text"    string, required and non-empty: the document's text
//   "id"      string or integer (integers are kept in decimal)
//   "url", "date", "title", "lang", "source"   strings
// A null value counts as absent; other fields are ignored.  Lines end in
// "\n" or "\r\n"; blank lines (only spaces and tabs) are skipped; a UTF-8
// byte-order mark before the first line is ignored.
//
// Errors are per line and never stop the stream: a line that is not valid
// UTF-8, is not JSON, is not an object, lacks "text", or has a field of the
// wrong type yields an error naming "PATH:LINE" and the problem; a line
// longer than max_line_bytes yields ResourceExhausted without being parsed.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace trigon::ingest {

struct RawRecord {
  std::string id;
  std::string url;
  std::string date;
  std::string title;
  std::string text;
  std::string lang;
  std::string source;
};

struct JsonLineRecord {
  uint64_t line = 0;    // 1-based line number
  uint64_t offset = 0;  // byte offset of the line in the input
  uint64_t length = 0;  // bytes of the line, without its terminator
  Result<RawRecord> record;
};

struct JsonLinesOptions {
  // Lines longer than this are refused with ResourceExhausted.
  // Default 64 MiB.
  uint64_t max_line_bytes = 64ull << 20;
};

// Calls `sink` once per non-blank line of `bytes`, in order, with the parsed
// record or an error.  `path` only names the input in error messages.
// One parser is reused across lines; peak memory is a few times the
// longest line.  Thread-safe (each call has its own parser); `sink` is
// called inline, in line order.
void ReadJsonLines(std::string_view bytes, std::string_view path,
                   const std::function<void(JsonLineRecord)>& sink,
                   const JsonLinesOptions& options = {});

}  // namespace trigon::ingest
