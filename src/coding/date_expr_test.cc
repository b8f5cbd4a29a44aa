#include "coding/date_expr.h"

#include <gtest/gtest.h>

namespace trigon::coding::internal {
namespace {

// Resolves the first date expression of `text` against 2025-03-14 (a
// Friday).
std::string First(std::string_view text, bool with_doc = true) {
  std::vector<DateMention> out;
  std::optional<CivilDate> doc;
  if (with_doc) doc = CivilDate{2025, 3, 14};
  FindDates(text, doc, &out);
  if (out.empty()) return "none";
  if (!out[0].date) return "unresolved";
  return FormatDate(*out[0].date);
}

TEST(DateExprTest, Chinese) {
  EXPECT_EQ(First("美方2月12日宣布"), "2025-02-12");
  EXPECT_EQ(First("12日,中美举行会谈"), "2025-03-12");
  EXPECT_EQ(First("20日"), "2025-02-20");  // after the 14th: last month
  EXPECT_EQ(First("2025年3月"), "2025-03");
  EXPECT_EQ(First("2025 年 3 月 17 日"), "2025-03-17");
  EXPECT_EQ(First("1972年尼克松访华"), "1972");
  EXPECT_EQ(First("昨天"), "2025-03-13");
  EXPECT_EQ(First("周二"), "2025-03-11");
  EXPECT_EQ(First("12月30日"), "2024-12-30");  // would be in the future
}

TEST(DateExprTest, English) {
  EXPECT_EQ(First("on tuesday the us"), "2025-03-11");
  EXPECT_EQ(First("on friday"), "2025-03-14");  // on or before
  EXPECT_EQ(First("yesterday"), "2025-03-13");
  EXPECT_EQ(First("last week"), "2025-03-07");
  EXPECT_EQ(First("nixon's visit in 1972"), "1972");
  EXPECT_EQ(First("march 3"), "2025-03-03");
  EXPECT_EQ(First("on march 3, 2024 it"), "2024-03-03");
  EXPECT_EQ(First("3 march"), "2025-03-03");
  EXPECT_EQ(First("in march 2023"), "2023-03");
  EXPECT_EQ(First("in the 1970s"), "none");
  EXPECT_EQ(First("may sanction"), "none");
  EXPECT_EQ(First("12345 troops"), "none");
}

TEST(DateExprTest, RelativeWithoutDocumentDate) {
  EXPECT_EQ(First("yesterday", false), "unresolved");
  EXPECT_EQ(First("2025年3月5日", false), "2025-03-05");
}

TEST(DateExprTest, IsoParsing) {
  CivilDate d;
  EXPECT_TRUE(ParseIsoDate("2024-02-29", &d));
  EXPECT_FALSE(ParseIsoDate("2025-02-29", &d));
  EXPECT_FALSE(ParseIsoDate("2025-3-1", &d));
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
}

}  // namespace
}  // namespace trigon::coding::internal
