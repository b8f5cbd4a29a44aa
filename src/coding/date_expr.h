#pragma once
// INTERNAL to src/coding (see coder.h): finding date expressions in a
// normalised sentence and resolving them against the document date.
//
// Recognised (on NFKC + case-folded text): 2025年3月5日, 2025年3月, 3月5日,
// 5日/5号, 1972年, 昨天/昨日, 今天/今日, 前天, 上周, 上月, 去年, 周二/星期二;
// "March 3", "March 3, 2025", "3 March", "March 2025", "in 1972",
// "yesterday", "today", "last week", "last month", "last year",
// "(on) Tuesday".  A weekday resolves to the most recent such day on or
// before the document date; a month-day without a year takes the document's
// year unless that puts it more than a week after the document.  A month
// without a day ("in April", 4月) gives a month-precision date.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trigon::coding::internal {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12, 0 when only the year is known
  int day = 0;    // 1-31, 0 when only year/month are known
};

// "YYYY-MM-DD" -> date; false if malformed or not a real day.
bool ParseIsoDate(std::string_view s, CivilDate* out);
// "YYYY", "YYYY-MM" or "YYYY-MM-DD" depending on precision.
std::string FormatDate(const CivilDate& d);
// Days since 1970-01-01 of the first day the date can denote.
int64_t DaysFromCivil(int year, int month, int day);
// Days of the last day the (possibly partial) date can denote.
int64_t LastDay(const CivilDate& d);

struct DateMention {
  uint32_t begin = 0;  // bytes of the normalised sentence
  uint32_t end = 0;
  std::optional<CivilDate> date;  // nullopt when relative and no document date
};

// Appends every date expression of `text` to `out`, resolved against
// `document_date` when given.
// With `forward` (the sentence talks about the future), relative
// expressions resolve forwards instead: a weekday is the next such day after
// the document date, a month-day or month already past this year is next
// year's, "next week" / 下周 / 明年 count from the document date.
void FindDates(std::string_view text,
               const std::optional<CivilDate>& document_date,
               std::vector<DateMention>* out, bool forward = false);

}  // namespace trigon::coding::internal
