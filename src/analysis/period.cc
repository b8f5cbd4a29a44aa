// Period arithmetic on day numbers.  ISO 8601 weeks start on Monday and
// week 1 is the week holding the year's first Thursday, so a week belongs
// to the year of its Thursday.

#include "analysis/period.h"

#include <cstdio>

#include "analysis/dyad_event.h"

namespace trigon::analysis {
namespace {

constexpr int kDaysPerWeek = 7;
constexpr int kMonthsPerQuarter = 3;
constexpr int kThursdayOffset = 3;  // Monday + 3 days

// Monday = 0 ... Sunday = 6.  Day 0 (1970-01-01) was a Thursday.
int IsoWeekday(int32_t day) {
  const int r = (day + kThursdayOffset) % kDaysPerWeek;
  return r < 0 ? r + kDaysPerWeek : r;
}

}  // namespace

std::string_view PeriodName(Period p) {
  switch (p) {
    case Period::kDay:
      return "day";
    case Period::kWeek:
      return "week";
    case Period::kMonth:
      return "month";
    case Period::kQuarter:
      return "quarter";
    case Period::kYear:
      return "year";
  }
  return "unknown";
}

Result<Period> ParsePeriod(std::string_view name) {
  for (Period p : {Period::kDay, Period::kWeek, Period::kMonth,
                   Period::kQuarter, Period::kYear}) {
    if (name == PeriodName(p)) return p;
  }
  return Status::InvalidArgument(
      "unknown period \"" + std::string(name) +
      "\" (expected day, week, month, quarter or year)");
}

int32_t PeriodStart(int32_t day, Period p) {
  const CivilDate d = CivilFromDays(day);
  switch (p) {
    case Period::kDay:
      return day;
    case Period::kWeek:
      return day - IsoWeekday(day);
    case Period::kMonth:
      return DaysFromCivil(d.year, d.month, 1);
    case Period::kQuarter: {
      const int first = (d.month - 1) / kMonthsPerQuarter * kMonthsPerQuarter;
      return DaysFromCivil(d.year, first + 1, 1);
    }
    case Period::kYear:
      return DaysFromCivil(d.year, 1, 1);
  }
  return day;
}

int32_t NextPeriodStart(int32_t start, Period p) {
  const CivilDate d = CivilFromDays(start);
  int months = 0;
  switch (p) {
    case Period::kDay:
      return start + 1;
    case Period::kWeek:
      return start + kDaysPerWeek;
    case Period::kMonth:
      months = 1;
      break;
    case Period::kQuarter:
      months = kMonthsPerQuarter;
      break;
    case Period::kYear:
      return DaysFromCivil(d.year + 1, 1, 1);
  }
  const int m0 = d.month - 1 + months;  // zero-based, may pass December
  return DaysFromCivil(d.year + m0 / 12, m0 % 12 + 1, 1);
}

std::string PeriodLabel(int32_t day, Period p) {
  const CivilDate d = CivilFromDays(day);
  char buf[48] = {};  // room for any int fields: no truncation warning
  switch (p) {
    case Period::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
      break;
    case Period::kWeek: {
      const int32_t thursday = PeriodStart(day, p) + kThursdayOffset;
      const int iso_year = CivilFromDays(thursday).year;
      const int week =
          (thursday - DaysFromCivil(iso_year, 1, 1)) / kDaysPerWeek + 1;
      std::snprintf(buf, sizeof buf, "%04d-W%02d", iso_year, week);
      break;
    }
    case Period::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
      break;
    case Period::kQuarter:
      std::snprintf(buf, sizeof buf, "%04dQ%d", d.year,
                    (d.month - 1) / kMonthsPerQuarter + 1);
      break;
    case Period::kYear:
      std::snprintf(buf, sizeof buf, "%04d", d.year);
      break;
  }
  return buf;
}

}  // namespace trigon::analysis
