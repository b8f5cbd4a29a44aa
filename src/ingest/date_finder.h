#pragma once
// Recognising calendar dates: in metadata values (front matter, HTML meta
// tags, JSON Lines fields) and in the opening paragraphs of a text, where
// the first full date is taken as the publication date.
//
// Formats (the name in ParsedDate::format in brackets):
//   2025-03-17, 2025-3-7              [ISO-8601]
//   2025/03/17                        [YYYY/MM/DD]
//   2025<nian>03<yue>17<ri>           [YYYY<nian>MM<yue>DD<ri>, i.e. the
//                                      CJK characters U+5E74 U+6708 U+65E5]
//     with optional spaces (ASCII, U+3000, U+00A0) around the numbers, as in
//     "2025 <nian> 3 <yue> 17 <ri>", and a time after it ignored
//   10/29/2025                        [MM/DD/YYYY]  (US order)
//   29/10/2025                        [DD/MM/YYYY]  (only when the first
//                                      number is over 12)
//   March 17, 2025; Mar. 17 2025;     [Month D, YYYY]
//     March 17th, 2025
//   17 March 2025; 17 Mar. 2025       [D Month YYYY]
// Digits may be ASCII or full-width (U+FF10..U+FF19).  Month names are
// English, full or abbreviated (Jan .. Dec, Sept), any case.
// Values only (ParseDateValue):
//   Tue, 21 Mar 2023 09:00:00 GMT     [RFC-2822]
//   20230321                          [YYYYMMDD]
//   2023-03-21T09:00:00Z              [ISO-8601]  (date as written: no time
//                                      zone conversion)
// Partial dates ("2<yue>12<ri>", "March 2025") are never returned.  Every
// date is checked against the calendar (no February 30) and the year range.
// Scanners are hand-written over UTF-8 (no std::regex); they run in time
// linear in the input.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace trigon::ingest {

struct ParsedDate {
  int year = 0;
  int month = 0;       // 1..12
  int day = 0;         // 1..31
  std::string iso;     // "YYYY-MM-DD"
  std::string format;  // the pattern's name, listed above
};

struct DateSearchOptions {
  // Dates with years outside [min_year, max_year] are skipped.
  // Defaults: 1900 and 2100.
  int min_year = 1900;
  int max_year = 2100;
};

struct FoundDate {
  // The date's bytes in the searched text (no label, no time).
  model::Span span;
  ParsedDate date;
};

// Parses a metadata value that should hold one date.  Leading and trailing
// whitespace is ignored; the date must start the value, and may be followed
// only by a time or other non-alphanumeric text (not, e.g., "2023-03-21abc").
// Years must be within the DateSearchOptions defaults.
std::optional<ParsedDate> ParseDateValue(std::string_view value);

// Returns the first full date (year, month and day) found in `text` within
// `search_spans`, searched in the order given and from left to right within
// each span, or nullopt.  A date must lie wholly inside one span.  The caller
// passes the first few kept paragraphs, so a date in a caption or a later
// paragraph cannot win over an earlier one.
// REQUIRES: `text` is valid UTF-8.  Spans reaching past the end of `text`
// are clipped.
std::optional<FoundDate> FindDateInText(
    std::string_view text, const std::vector<model::Span>& search_spans,
    const DateSearchOptions& options = {});

}  // namespace trigon::ingest
