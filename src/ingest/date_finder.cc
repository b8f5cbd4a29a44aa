// Date scanners.  Each pattern is a small hand-written matcher that starts
// at a candidate position (a digit not preceded by a digit, or a letter not
// preceded by a letter) and either returns the matched date with its end or
// fails; FindDateInText tries them at every candidate position in order.

#include "ingest/date_finder.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace trigon::ingest {
namespace {

// CJK date characters, in UTF-8.
constexpr std::string_view kNian = "\xE5\xB9\xB4";  // U+5E74 year
constexpr std::string_view kYue = "\xE6\x9C\x88";   // U+6708 month
constexpr std::string_view kRi = "\xE6\x97\xA5";    // U+65E5 day

constexpr std::string_view kFormatIso = "ISO-8601";
constexpr std::string_view kFormatSlashYmd = "YYYY/MM/DD";
constexpr std::string_view kFormatCjk =
    "YYYY\xE5\xB9\xB4MM\xE6\x9C\x88"
    "DD\xE6\x97\xA5";
constexpr std::string_view kFormatMdy = "MM/DD/YYYY";
constexpr std::string_view kFormatDmy = "DD/MM/YYYY";
constexpr std::string_view kFormatMonthFirst = "Month D, YYYY";
constexpr std::string_view kFormatDayFirst = "D Month YYYY";
constexpr std::string_view kFormatRfc2822 = "RFC-2822";
constexpr std::string_view kFormatCompact = "YYYYMMDD";

struct MonthName {
  std::string_view name;
  int month;
};
// Full names before abbreviations so the longest name matches.
constexpr std::array<MonthName, 25> kMonthNames = {{
    {"january", 1},   {"february", 2}, {"march", 3},     {"april", 4},
    {"may", 5},       {"june", 6},     {"july", 7},      {"august", 8},
    {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"sept", 9},      {"jan", 1},      {"feb", 2},       {"mar", 3},
    {"apr", 4},       {"jun", 6},      {"jul", 7},       {"aug", 8},
    {"sep", 9},       {"oct", 10},     {"nov", 11},      {"dec", 12},
    {"may", 5},
}};

constexpr std::array<std::string_view, 14> kWeekdays = {
    "monday",   "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",  "mon",       "tue",      "wed",
    "thu",      "fri",     "sat",       "sun"};

struct Match {
  size_t end = 0;
  int year = 0;
  int month = 0;
  int day = 0;
  std::string_view format;
};

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

// Full-width digit U+FF10..U+FF19 is EF BC 90..99.
bool IsFullWidthDigit(std::string_view s, size_t pos) {
  return pos + 2 < s.size() && static_cast<unsigned char>(s[pos]) == 0xEF &&
         static_cast<unsigned char>(s[pos + 1]) == 0xBC &&
         static_cast<unsigned char>(s[pos + 2]) >= 0x90 &&
         static_cast<unsigned char>(s[pos + 2]) <= 0x99;
}

// If a digit starts at pos, returns its value and sets *len; else -1.
int DigitAt(std::string_view s, size_t pos, size_t* len) {
  if (pos < s.size() && IsAsciiDigit(s[pos])) {
    *len = 1;
    return s[pos] - '0';
  }
  if (IsFullWidthDigit(s, pos)) {
    *len = 3;
    return static_cast<unsigned char>(s[pos + 2]) - 0x90;
  }
  return -1;
}

bool PrecededByDigit(std::string_view s, size_t pos) {
  if (pos >= 1 && IsAsciiDigit(s[pos - 1])) return true;
  return pos >= 3 && IsFullWidthDigit(s, pos - 3);
}

bool PrecededByLetter(std::string_view s, size_t pos) {
  return pos >= 1 && IsAsciiAlpha(s[pos - 1]);
}

// Reads min_digits..max_digits digits; fails if another digit follows.
bool ReadNumber(std::string_view s, size_t& pos, int min_digits, int max_digits,
                int& value) {
  size_t p = pos;
  int digits = 0;
  int v = 0;
  size_t len = 0;
  int d;
  while ((d = DigitAt(s, p, &len)) >= 0) {
    if (++digits > max_digits) return false;
    v = v * 10 + d;
    p += len;
  }
  if (digits < min_digits) return false;
  value = v;
  pos = p;
  return true;
}

// Skips ASCII spaces and tabs, U+00A0 and U+3000; returns how many.
int SkipSpaces(std::string_view s, size_t& pos) {
  int n = 0;
  for (;;) {
    if (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) {
      ++pos;
    } else if (s.substr(pos, 2) == "\xC2\xA0") {
      pos += 2;
    } else if (s.substr(pos, 3) == "\xE3\x80\x80") {
      pos += 3;
    } else {
      return n;
    }
    ++n;
  }
}

bool SkipLiteral(std::string_view s, size_t& pos, std::string_view lit) {
  if (s.substr(pos, lit.size()) != lit) return false;
  pos += lit.size();
  return true;
}

bool SkipChar(std::string_view s, size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

// Case-insensitive ASCII word at pos from `words`, not followed by a letter.
bool MatchWord(std::string_view s, size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(s[pos + i]) != word[i]) return false;
  }
  const size_t end = pos + word.size();
  return end == s.size() || !IsAsciiAlpha(s[end]);
}

bool ReadMonthName(std::string_view s, size_t& pos, int& month) {
  for (const MonthName& m : kMonthNames) {
    if (MatchWord(s, pos, m.name)) {
      pos += m.name.size();
      SkipChar(s, pos, '.');
      month = m.month;
      return true;
    }
  }
  return false;
}

void SkipOrdinal(std::string_view s, size_t& pos) {
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (MatchWord(s, pos, suffix)) {
      pos += 2;
      return;
    }
  }
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool IsValidDate(int y, int m, int d, const DateSearchOptions& options) {
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};
  if (y < options.min_year || y > options.max_year) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const int days = kDaysInMonth[m - 1] + (m == 2 && IsLeapYear(y) ? 1 : 0);
  return d <= days;
}

// "2025<nian>3<yue>17<ri>" after the year has been read.
bool TryCjkTail(std::string_view s, size_t pos, int year, Match& out) {
  SkipSpaces(s, pos);
  if (!SkipLiteral(s, pos, kNian)) return false;
  SkipSpaces(s, pos);
  int month = 0;
  int day = 0;
  if (!ReadNumber(s, pos, 1, 2, month)) return false;
  SkipSpaces(s, pos);
  if (!SkipLiteral(s, pos, kYue)) return false;
  SkipSpaces(s, pos);
  if (!ReadNumber(s, pos, 1, 2, day)) return false;
  SkipSpaces(s, pos);
  if (!SkipLiteral(s, pos, kRi)) return false;
  out = {pos, year, month, day, kFormatCjk};
  return true;
}

// "2025-03-17" / "2025/03/17" after the year has been read.
bool TryYmdTail(std::string_view s, size_t pos, int year, Match& out) {
  if (pos >= s.size() || (s[pos] != '-' && s[pos] != '/')) return false;
  const char sep = s[pos++];
  int month = 0;
  int day = 0;
  if (!ReadNumber(s, pos, 1, 2, month)) return false;
  if (!SkipChar(s, pos, sep)) return false;
  if (!ReadNumber(s, pos, 1, 2, day)) return false;
  out = {pos, year, month, day, sep == '-' ? kFormatIso : kFormatSlashYmd};
  return true;
}

// "10/29/2025" after the first number has been read.
bool TrySlashTail(std::string_view s, size_t pos, int first, Match& out) {
  int second = 0;
  int year = 0;
  if (!SkipChar(s, pos, '/')) return false;
  if (!ReadNumber(s, pos, 1, 2, second)) return false;
  if (!SkipChar(s, pos, '/')) return false;
  if (!ReadNumber(s, pos, 4, 4, year)) return false;
  if (first > 12) {
    out = {pos, year, second, first, kFormatDmy};
  } else {
    out = {pos, year, first, second, kFormatMdy};
  }
  return true;
}

// "17 March 2025" after the day has been read.
bool TryDayMonthTail(std::string_view s, size_t pos, int day, Match& out) {
  SkipOrdinal(s, pos);
  if (SkipSpaces(s, pos) == 0) return false;
  int month = 0;
  int year = 0;
  if (!ReadMonthName(s, pos, month)) return false;
  const bool comma = SkipChar(s, pos, ',');
  if (SkipSpaces(s, pos) == 0 && !comma) return false;
  if (!ReadNumber(s, pos, 4, 4, year)) return false;
  out = {pos, year, month, day, kFormatDayFirst};
  return true;
}

// A date starting with a number at pos.
bool TryNumeric(std::string_view s, size_t pos, Match& out) {
  int first = 0;
  const size_t start = pos;
  if (!ReadNumber(s, pos, 1, 4, first)) return false;
  // Count the digits read (ASCII or full-width).
  int digits = 0;
  size_t len = 0;
  for (size_t p = start; p < pos; p += len) {
    DigitAt(s, p, &len);
    ++digits;
  }
  if (digits == 4) {
    return TryCjkTail(s, pos, first, out) || TryYmdTail(s, pos, first, out);
  }
  if (digits <= 2) {
    return TrySlashTail(s, pos, first, out) ||
           TryDayMonthTail(s, pos, first, out);
  }
  return false;
}

// "March 17, 2025" starting at pos.
bool TryMonthFirst(std::string_view s, size_t pos, Match& out) {
  int month = 0;
  int day = 0;
  int year = 0;
  if (!ReadMonthName(s, pos, month)) return false;
  if (SkipSpaces(s, pos) == 0) return false;
  if (!ReadNumber(s, pos, 1, 2, day)) return false;
  SkipOrdinal(s, pos);
  const bool comma = SkipChar(s, pos, ',');
  if (SkipSpaces(s, pos) == 0 && !comma) return false;
  if (!ReadNumber(s, pos, 4, 4, year)) return false;
  out = {pos, year, month, day, kFormatMonthFirst};
  return true;
}

// Any pattern starting exactly at pos (no boundary checks).
bool TryAt(std::string_view s, size_t pos, Match& out) {
  size_t len = 0;
  if (DigitAt(s, pos, &len) >= 0) return TryNumeric(s, pos, out);
  if (pos < s.size() && IsAsciiAlpha(s[pos])) return TryMonthFirst(s, pos, out);
  return false;
}

ParsedDate ToParsed(const Match& m) {
  ParsedDate d;
  d.year = m.year;
  d.month = m.month;
  d.day = m.day;
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", m.year, m.month, m.day);
  d.iso = buf;
  d.format.assign(m.format);
  return d;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

}  // namespace

std::optional<ParsedDate> ParseDateValue(std::string_view value) {
  while (!value.empty() && IsAsciiSpace(value.front())) value.remove_prefix(1);
  while (!value.empty() && IsAsciiSpace(value.back())) value.remove_suffix(1);
  const DateSearchOptions defaults;
  Match m;
  // Compact YYYYMMDD, alone or before a 'T' time.
  if (value.size() >= 8) {
    bool all_digits = true;
    for (size_t i = 0; i < 8; ++i) all_digits &= IsAsciiDigit(value[i]);
    if (all_digits && (value.size() == 8 || value[8] == 'T')) {
      auto num = [&](size_t b, size_t n) {
        int v = 0;
        for (size_t i = b; i < b + n; ++i) v = v * 10 + (value[i] - '0');
        return v;
      };
      m = {8, num(0, 4), num(4, 2), num(6, 2), kFormatCompact};
      if (!IsValidDate(m.year, m.month, m.day, defaults)) return std::nullopt;
      return ToParsed(m);
    }
  }
  // RFC 2822: an optional weekday and comma before "D Mon YYYY".
  size_t pos = 0;
  bool weekday = false;
  for (std::string_view w : kWeekdays) {
    if (MatchWord(value, 0, w) && value.substr(w.size(), 1) == ",") {
      pos = w.size() + 1;
      SkipSpaces(value, pos);
      weekday = true;
      break;
    }
  }
  if (!TryAt(value, pos, m)) return std::nullopt;
  if (weekday && m.format == kFormatDayFirst) m.format = kFormatRfc2822;
  if (m.end < value.size()) {
    const char next = value[m.end];
    if (next != 'T' && (IsAsciiAlpha(next) || IsAsciiDigit(next))) {
      return std::nullopt;
    }
  }
  if (!IsValidDate(m.year, m.month, m.day, defaults)) return std::nullopt;
  return ToParsed(m);
}

std::optional<FoundDate> FindDateInText(
    std::string_view text, const std::vector<model::Span>& search_spans,
    const DateSearchOptions& options) {
  for (const model::Span& span : search_spans) {
    const size_t end = std::min<size_t>(span.end, text.size());
    // Matches may look back before the span (for boundaries) but not past it.
    const std::string_view s = text.substr(0, end);
    for (size_t i = span.begin; i < end; ++i) {
      const char c = s[i];
      size_t len = 0;
      const bool digit = DigitAt(s, i, &len) >= 0;
      if (digit ? PrecededByDigit(s, i)
                : !(IsAsciiAlpha(c) && !PrecededByLetter(s, i))) {
        continue;
      }
      Match m;
      if (!TryAt(s, i, m)) continue;
      if (!IsValidDate(m.year, m.month, m.day, options)) continue;
      return FoundDate{{static_cast<uint32_t>(i), static_cast<uint32_t>(m.end)},
                       ToParsed(m)};
    }
  }
  return std::nullopt;
}

}  // namespace trigon::ingest
