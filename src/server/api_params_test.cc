#include "server/api_params.h"

#include <gtest/gtest.h>

#include "analysis/dyad_event.h"

namespace trigon::server {
namespace {

// The error message of a failed parse, or "" when it succeeded.
template <typename T>
std::string Error(const Result<T>& r) {
  return r.ok() ? "" : r.status().message();
}

TEST(ApiParamsTest, UnknownAndRepeatedParametersAreRefusedByName) {
  Params p = {{"limit", "5"}, {"limt", "6"}};
  Status s = CheckParams(p, {"limit", "offset"});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("unknown parameter 'limt'"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("limit, offset"), std::string::npos) << s.message();
  p = {{"limit", "5"}, {"limit", "6"}};
  s = CheckParams(p, {"limit"});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("'limit' given more than once"), std::string::npos);
  EXPECT_TRUE(CheckParams({{"limit", "5"}}, {"limit"}).ok());
  EXPECT_FALSE(CheckParams({{"x", ""}}, {}).ok());
}

TEST(ApiParamsTest, EmptyValuesCountAsAbsent) {
  const Params p = {{"q", ""}, {"code", "0841"}};
  EXPECT_FALSE(Get(p, "q").has_value());
  EXPECT_FALSE(Get(p, "root").has_value());
  EXPECT_EQ(Get(p, "code").value_or(""), "0841");
}

TEST(ApiParamsTest, DatesMustBeRealCalendarDates) {
  EXPECT_EQ(Error(ParseDateParam("from", "2024-02-29")), "");
  EXPECT_EQ(Error(ParseDateParam("from", "2023-02-29")),
            "from: expected a date YYYY-MM-DD, got '2023-02-29'");
  EXPECT_NE(Error(ParseDateParam("to", "2023-2-1")), "");
  EXPECT_NE(Error(ParseDateParam("to", "yesterday")), "");
  EXPECT_NE(Error(ParseDateParam("to", "")), "");
}

TEST(ApiParamsTest, IntegersAreBoundedAndStrict) {
  EXPECT_EQ(*ParseIntParam("limit", "500", 1, kMaxLimit), 500);
  EXPECT_EQ(Error(ParseIntParam("limit", "501", 1, kMaxLimit)),
            "limit: expected an integer from 1 to 500, got '501'");
  EXPECT_NE(Error(ParseIntParam("limit", "0", 1, kMaxLimit)), "");
  EXPECT_NE(Error(ParseIntParam("limit", "-1", 1, kMaxLimit)), "");
  EXPECT_NE(Error(ParseIntParam("limit", "10abc", 1, kMaxLimit)), "");
  EXPECT_NE(Error(ParseIntParam("limit", " 10", 1, kMaxLimit)), "");
  EXPECT_NE(Error(ParseIntParam("offset", "99999999999999999999999", 0, kMaxOffset)), "");
  EXPECT_NE(Error(ParseIntParam("offset", "-", 0, kMaxOffset)), "");
}

TEST(ApiParamsTest, NumbersMustBeFiniteAndInRange) {
  EXPECT_DOUBLE_EQ(*ParseNumberParam("band", "0.25", 0, 10), 0.25);
  EXPECT_NE(Error(ParseNumberParam("band", "nan", 0, 10)), "");
  EXPECT_NE(Error(ParseNumberParam("band", "1e400", 0, 10)), "");
  EXPECT_NE(Error(ParseNumberParam("band", "-1", 0, 10)), "");
  EXPECT_NE(Error(ParseNumberParam("band", "0x10", 0, 10)), "");
}

TEST(ApiParamsTest, CodesActorsAndLanguages) {
  EXPECT_EQ(*ParseEventCode("0841"), "0841");
  EXPECT_NE(Error(ParseEventCode("08415")), "");
  EXPECT_NE(Error(ParseEventCode("08a")), "");
  EXPECT_EQ(*ParseRoot("20"), "20");
  EXPECT_NE(Error(ParseRoot("21")), "");
  EXPECT_NE(Error(ParseRoot("00")), "");
  EXPECT_EQ(*ParseActorCode("actor", "USAGOV"), "USAGOV");
  EXPECT_NE(Error(ParseActorCode("actor", "usa")), "");
  EXPECT_NE(Error(ParseActorCode("actor", "U")), "");
  EXPECT_NE(Error(ParseActorCode("actor", "USA' OR 1=1")), "");
  EXPECT_EQ(*ParseLang("zh-Hans"), "zh-Hans");
  EXPECT_NE(Error(ParseLang("zh_Hans")), "");
  EXPECT_EQ(*ParseModalityParam("negated"), "negated");
  EXPECT_NE(Error(ParseModalityParam("rumoured")), "");
  EXPECT_EQ(ParseOrigins("csv,trigon")->size(), 2u);
  EXPECT_NE(Error(ParseOrigins("csv,")), "");
  EXPECT_NE(Error(ParseOrigins("weis")), "");
}

TEST(ApiParamsTest, ActorsNeedThreeDifferentCodes) {
  const auto t = ParseActors("USA,RUS,CHN");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ((*t)[2], "CHN");
  EXPECT_NE(Error(ParseActors("USA,RUS")), "");
  EXPECT_NE(Error(ParseActors("USA,RUS,CHN,IND")), "");
  EXPECT_NE(Error(ParseActors("USA,USA,CHN")), "");
  EXPECT_NE(Error(ParseActors("USA,,CHN")), "");
}

TEST(ApiParamsTest, FreeTextIsBoundedValidUtf8) {
  EXPECT_EQ(*ParseQueryText("制裁"), "制裁");
  EXPECT_NE(Error(ParseQueryText(std::string(kMaxQueryBytes + 1, 'a'))), "");
  EXPECT_NE(Error(ParseQueryText("\xff\xfe")), "");
  EXPECT_NE(Error(ParseQueryText("a\nb")), "");
  // The echo in the message is valid UTF-8 even for invalid input.
  const std::string msg = Error(ParseQueryText("\xff"));
  EXPECT_NE(msg.find("\xEF\xBF\xBD"), std::string::npos) << msg;
}

TEST(ApiParamsTest, DyadsAreDirectedPairsOfTheTriad) {
  const analysis::Triad triad = {"USA", "RUS", "CHN"};
  EXPECT_EQ(*ParseDyad("USA->RUS", triad), 0);
  EXPECT_EQ(*ParseDyad("RUS->USA", triad), 1);
  EXPECT_EQ(*ParseDyad("CHN->RUS", triad), 5);
  EXPECT_NE(Error(ParseDyad("USA->USA", triad)), "");
  EXPECT_NE(Error(ParseDyad("USA-RUS", triad)), "");
  EXPECT_NE(Error(ParseDyad("USA->IND", triad)), "");
}

TEST(ApiParamsTest, PeriodLabelsGiveTheirGranularityAndDays) {
  using analysis::DaysFromCivil;
  using analysis::Period;
  auto day = ParsePeriodLabel("2024-02-29");
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(day->period, Period::kDay);
  EXPECT_EQ(day->first_day, DaysFromCivil(2024, 2, 29));
  EXPECT_EQ(day->last_day, day->first_day);
  auto month = ParsePeriodLabel("2022-03");
  ASSERT_TRUE(month.ok());
  EXPECT_EQ(month->period, Period::kMonth);
  EXPECT_EQ(month->first_day, DaysFromCivil(2022, 3, 1));
  EXPECT_EQ(month->last_day, DaysFromCivil(2022, 3, 31));
  auto quarter = ParsePeriodLabel("2022Q4");
  ASSERT_TRUE(quarter.ok());
  EXPECT_EQ(quarter->first_day, DaysFromCivil(2022, 10, 1));
  EXPECT_EQ(quarter->last_day, DaysFromCivil(2022, 12, 31));
  auto year = ParsePeriodLabel("1973");
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->period, Period::kYear);
  EXPECT_EQ(year->last_day, DaysFromCivil(1973, 12, 31));
  // ISO weeks: 2025-W01 starts on Monday 2024-12-30; 2020 has a week 53,
  // 2021 does not.
  auto week = ParsePeriodLabel("2025-W01");
  ASSERT_TRUE(week.ok());
  EXPECT_EQ(week->period, Period::kWeek);
  EXPECT_EQ(week->first_day, DaysFromCivil(2024, 12, 30));
  EXPECT_EQ(week->last_day, DaysFromCivil(2025, 1, 5));
  EXPECT_TRUE(ParsePeriodLabel("2020-W53").ok());
  EXPECT_FALSE(ParsePeriodLabel("2021-W53").ok());
  for (const char* bad : {"2022-13", "2022Q5", "2022-W00", "2022-W7", "22", "2022-3", "2023-02-29",
                          "0000", "2022-03-01x", "abcd", ""}) {
    EXPECT_FALSE(ParsePeriodLabel(bad).ok()) << bad;
  }
}

TEST(ApiParamsTest, Ids) {
  EXPECT_EQ(*ParseEventId("42"), 42);
  EXPECT_FALSE(ParseEventId("0").ok());
  EXPECT_FALSE(ParseEventId("-3").ok());
  EXPECT_FALSE(ParseEventId("1234567890123456789").ok());
  EXPECT_FALSE(ParseEventId("4x").ok());
  EXPECT_EQ(*ParseDocumentId("3f2a9c"), "3f2a9c");
  EXPECT_FALSE(ParseDocumentId("3f2").ok());
  EXPECT_FALSE(ParseDocumentId("3F2A").ok());
  EXPECT_FALSE(ParseDocumentId("../../etc/passwd").ok());
  EXPECT_FALSE(ParseDocumentId(std::string(65, 'a')).ok());
}

}  // namespace
}  // namespace trigon::server
