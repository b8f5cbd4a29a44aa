#include "analysis/period.h"

#include <gtest/gtest.h>

#include "analysis/dyad_event.h"

namespace trigon::analysis {
namespace {

int32_t Day(const char* iso) { return *ParseIsoDate(iso); }

TEST(PeriodTest, Labels) {
  const int32_t d = Day("2024-02-14");  // a Wednesday
  EXPECT_EQ(PeriodLabel(d, Period::kDay), "2024-02-14");
  EXPECT_EQ(PeriodLabel(d, Period::kWeek), "2024-W07");
  EXPECT_EQ(PeriodLabel(d, Period::kMonth), "2024-02");
  EXPECT_EQ(PeriodLabel(d, Period::kQuarter), "2024Q1");
  EXPECT_EQ(PeriodLabel(d, Period::kYear), "2024");
  EXPECT_EQ(PeriodLabel(Day("2024-12-31"), Period::kQuarter), "2024Q4");
}

TEST(PeriodTest, IsoWeeksBelongToTheYearOfTheirThursday) {
  EXPECT_EQ(PeriodLabel(Day("2024-12-30"), Period::kWeek), "2025-W01");
  EXPECT_EQ(PeriodLabel(Day("2021-01-03"), Period::kWeek), "2020-W53");
  EXPECT_EQ(PeriodLabel(Day("2021-01-04"), Period::kWeek), "2021-W01");
  EXPECT_EQ(PeriodLabel(Day("1969-12-29"), Period::kWeek), "1970-W01");
  EXPECT_EQ(PeriodLabel(Day("1966-01-01"), Period::kWeek), "1965-W52");
}

TEST(PeriodTest, StartsAndNextStarts) {
  const int32_t d = Day("2024-02-14");
  EXPECT_EQ(PeriodStart(d, Period::kWeek), Day("2024-02-12"));  // Monday
  EXPECT_EQ(PeriodStart(Day("2024-02-18"), Period::kWeek), Day("2024-02-12"));
  EXPECT_EQ(PeriodStart(Day("1969-12-31"), Period::kWeek), Day("1969-12-29"));
  EXPECT_EQ(PeriodStart(d, Period::kMonth), Day("2024-02-01"));
  EXPECT_EQ(PeriodStart(d, Period::kQuarter), Day("2024-01-01"));
  EXPECT_EQ(PeriodStart(Day("2024-08-31"), Period::kQuarter),
            Day("2024-07-01"));
  EXPECT_EQ(PeriodStart(d, Period::kYear), Day("2024-01-01"));
  EXPECT_EQ(NextPeriodStart(Day("2024-12-01"), Period::kMonth),
            Day("2025-01-01"));
  EXPECT_EQ(NextPeriodStart(Day("2024-10-01"), Period::kQuarter),
            Day("2025-01-01"));
  EXPECT_EQ(NextPeriodStart(Day("2024-01-01"), Period::kYear),
            Day("2025-01-01"));
  EXPECT_EQ(NextPeriodStart(Day("2024-02-12"), Period::kWeek),
            Day("2024-02-19"));
  EXPECT_EQ(NextPeriodStart(d, Period::kDay), d + 1);
}

TEST(PeriodTest, ParsesNames) {
  for (Period p : {Period::kDay, Period::kWeek, Period::kMonth,
                   Period::kQuarter, Period::kYear}) {
    Result<Period> r = ParsePeriod(PeriodName(p));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(*r, p);
  }
  EXPECT_FALSE(ParsePeriod("fortnight").ok());
}

}  // namespace
}  // namespace trigon::analysis
