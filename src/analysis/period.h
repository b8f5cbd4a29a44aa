#pragma once
// Calendar periods for aggregating events: day, ISO week (Monday start),
// month, quarter, year.  A period is identified by its first day (a day
// number, days since 1970-01-01) and printed with a label.

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace trigon::analysis {

enum class Period { kDay, kWeek, kMonth, kQuarter, kYear };

// "day", "week", "month", "quarter", "year".
std::string_view PeriodName(Period p);
// Inverse of PeriodName; InvalidArgument for anything else.
Result<Period> ParsePeriod(std::string_view name);

// First day of the period that contains `day`.
int32_t PeriodStart(int32_t day, Period p);
// First day of the period after the one starting at `start`.
// REQUIRES: start == PeriodStart(start, p).
int32_t NextPeriodStart(int32_t start, Period p);

// Label of the period containing `day`: "2024-03-05" (day), "2024-W07"
// (ISO week; the year is the ISO week-numbering year, so 2024-12-30 is in
// "2025-W01"), "2024-03" (month), "2024Q1" (quarter), "2024" (year).
// REQUIRES: the date's year is in [kMinYear, kMaxYear] (dyad_event.h).
std::string PeriodLabel(int32_t day, Period p);

}  // namespace trigon::analysis
