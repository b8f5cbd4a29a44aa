#include "analysis/dyad_event.h"

#include <gtest/gtest.h>

namespace trigon::analysis {
namespace {

TEST(DyadEventTest, KnownDayNumbers) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1966, 1, 1), -1461);
  const CivilDate d = CivilFromDays(19782);  // 2024-02-29
  EXPECT_EQ(d.year, 2024);
  EXPECT_EQ(d.month, 2);
  EXPECT_EQ(d.day, 29);
}

TEST(DyadEventTest, RoundTripsEveryDayOfFourCenturies) {
  for (int32_t day = DaysFromCivil(1800, 1, 1); day < DaysFromCivil(2200, 1, 1);
       ++day) {
    const CivilDate d = CivilFromDays(day);
    ASSERT_TRUE(IsValidDate(d.year, d.month, d.day)) << day;
    ASSERT_EQ(DaysFromCivil(d.year, d.month, d.day), day);
  }
}

TEST(DyadEventTest, ParsesAndFormatsIsoDates) {
  Result<int32_t> r = ParseIsoDate("1972-02-21");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(FormatIsoDate(*r), "1972-02-21");
  EXPECT_EQ(FormatIsoDate(-1), "1969-12-31");
  EXPECT_TRUE(ParseIsoDate("2000-02-29").ok());
}

TEST(DyadEventTest, RejectsMalformedAndImpossibleDates) {
  for (const char* bad :
       {"", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10",
        "2024-04-31", "0000-01-01", "2024-1-01", "2024/01/01",
        "2024-01-01T00:00", "20240101", "2024-01-0a", "-024-01-01"}) {
    Result<int32_t> r = ParseIsoDate(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

}  // namespace
}  // namespace trigon::analysis
