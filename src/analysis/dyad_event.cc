// Calendar arithmetic after H. Hinnant, "chrono-Compatible Low-Level Date
// Algorithms" (days_from_civil / civil_from_days): eras of 400 years make
// the proleptic Gregorian calendar exact without tables.

#include "analysis/dyad_event.h"

#include <cstdio>

namespace trigon::analysis {
namespace {

constexpr int kDaysPerEra = 146097;  // days in 400 Gregorian years
constexpr int kEpochShift = 719468;  // 0000-03-01 to 1970-01-01

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool ParseDigits(std::string_view s, int* out) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return !s.empty();
}

}  // namespace

int32_t DaysFromCivil(int year, int month, int day) {
  const int y = month <= 2 ? year - 1 : year;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (month + 9) % 12;  // March = 0
  const int doy = (153 * mp + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * kDaysPerEra + doe - kEpochShift;
}

CivilDate CivilFromDays(int32_t days) {
  const int z = days + kEpochShift;
  const int era = (z >= 0 ? z : z - kDaysPerEra + 1) / kDaysPerEra;
  const int doe = z - era * kDaysPerEra;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  CivilDate d;
  d.day = doy - (153 * mp + 2) / 5 + 1;
  d.month = mp < 10 ? mp + 3 : mp - 9;
  d.year = yoe + era * 400 + (d.month <= 2 ? 1 : 0);
  return d;
}

bool IsValidDate(int year, int month, int day) {
  return year >= kMinYear && year <= kMaxYear && month >= 1 && month <= 12 &&
         day >= 1 && day <= DaysInMonth(year, month);
}

Result<int32_t> ParseIsoDate(std::string_view text) {
  int y = 0, m = 0, d = 0;
  const bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                     ParseDigits(text.substr(0, 4), &y) &&
                     ParseDigits(text.substr(5, 2), &m) &&
                     ParseDigits(text.substr(8, 2), &d);
  if (!shape) {
    return Status::InvalidArgument("not a YYYY-MM-DD date: \"" +
                                   std::string(text) + "\"");
  }
  if (!IsValidDate(y, m, d)) {
    return Status::InvalidArgument("no such date: \"" + std::string(text) +
                                   "\"");
  }
  return DaysFromCivil(y, m, d);
}

std::string FormatIsoDate(int32_t days) {
  const CivilDate d = CivilFromDays(days);
  char buf[48] = {};  // room for any int fields: no truncation warning
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

}  // namespace trigon::analysis
