#include "analysis/series.h"

#include <gtest/gtest.h>

#include <vector>

namespace trigon::analysis {
namespace {

const Triad kTriad = {"USA", "RUS", "CHN"};
constexpr size_t kUsaRus = 0, kRusUsa = 1, kUsaChn = 2, kChnUsa = 3;

int32_t Day(const char* iso) { return *ParseIsoDate(iso); }

DyadEvent Ev(const char* date, const char* src, const char* tgt, double g,
             int quad, int64_t id, const char* modality = "asserted",
             const char* story = "", const char* code = "") {
  DyadEvent e;
  e.day = Day(date);
  e.source = src;
  e.target = tgt;
  e.goldstein = g;
  e.quad = quad;
  e.modality = modality;
  e.story = story;
  e.event_id = id;
  e.code = code;
  return e;
}

std::vector<DyadEvent> Sample() {
  return {
      Ev("2024-01-03", "USA", "RUS", -5, 4, 1),
      Ev("2024-01-10", "USA", "RUS", 3, 1, 2),
      Ev("2024-01-15", "RUS", "USA", -2, 3, 3),
      Ev("2024-01-20", "USA", "RUS", 7, 2, 4, "hypothetical"),
      Ev("2024-03-02", "CHN", "USA", 4, 2, 5),
      Ev("2024-03-05", "USAGOV", "CHNMIL", -10, 4, 6),
      Ev("2024-03-06", "GBR", "FRA", 1, 1, 7),
  };
}

TEST(SeriesTest, MonthlyCellsByHand) {
  Result<DyadSeries> r = BuildDyadSeries(Sample(), kTriad, Period::kMonth);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const DyadSeries& s = *r;
  ASSERT_EQ(s.rows.size(), 3u);  // Jan, Feb (empty), Mar
  EXPECT_EQ(s.rows[0].label, "2024-01");
  EXPECT_EQ(s.rows[1].label, "2024-02");
  EXPECT_EQ(s.rows[2].label, "2024-03");
  EXPECT_EQ(s.rows[1].start_day, Day("2024-02-01"));
  EXPECT_EQ(s.rows[1].end_day, Day("2024-02-29"));

  // January, USA->RUS: events 1 and 2 (event 4 is hypothetical).
  const DyadCell& ur = s.rows[0].cells[kUsaRus];
  EXPECT_EQ(ur.events, 2);
  EXPECT_DOUBLE_EQ(ur.weight, 2);
  EXPECT_FALSE(ur.empty);
  EXPECT_DOUBLE_EQ(ur.goldstein_sum, -2);  // -5 + 3
  EXPECT_DOUBLE_EQ(ur.goldstein_mean, -1);
  EXPECT_DOUBLE_EQ(ur.cooperation_sum, 3);
  EXPECT_DOUBLE_EQ(ur.conflict_sum, -5);
  EXPECT_DOUBLE_EQ(ur.goldstein_sum_squares, 34);  // 25 + 9
  EXPECT_DOUBLE_EQ(ur.quad[0], 1);
  EXPECT_DOUBLE_EQ(ur.quad[1], 0);
  EXPECT_DOUBLE_EQ(ur.quad[3], 1);
  EXPECT_EQ(ur.event_ids, (std::vector<int64_t>{1, 2}));
  const DyadCell& ru = s.rows[0].cells[kRusUsa];
  EXPECT_EQ(ru.events, 1);
  EXPECT_DOUBLE_EQ(ru.goldstein_mean, -2);
  EXPECT_DOUBLE_EQ(ru.quad[2], 1);
  EXPECT_DOUBLE_EQ(s.rows[0].volume, 3);
  EXPECT_DOUBLE_EQ(s.rows[0].divisor, 1);

  // February: every cell present, zero, flagged empty.
  for (const DyadCell& c : s.rows[1].cells) {
    EXPECT_TRUE(c.empty);
    EXPECT_EQ(c.events, 0);
    EXPECT_DOUBLE_EQ(c.goldstein_mean, 0);
    EXPECT_TRUE(c.event_ids.empty());
  }

  // March: role codes match their country; GBR->FRA is volume only.
  EXPECT_DOUBLE_EQ(s.rows[2].cells[kChnUsa].goldstein_sum, 4);
  EXPECT_DOUBLE_EQ(s.rows[2].cells[kUsaChn].goldstein_sum, -10);
  EXPECT_DOUBLE_EQ(s.rows[2].cells[kUsaChn].conflict_sum, -10);
  EXPECT_EQ(s.rows[2].cells[kUsaChn].event_ids, (std::vector<int64_t>{6}));
  EXPECT_DOUBLE_EQ(s.rows[2].volume, 3);
}

TEST(SeriesTest, ModalityFilterAndExactCodes) {
  SeriesOptions o;
  o.only_modality = {};  // keep all
  o.match_role_codes = false;
  Result<DyadSeries> r = BuildDyadSeries(Sample(), kTriad, Period::kMonth, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rows[0].cells[kUsaRus].events, 3);
  EXPECT_DOUBLE_EQ(r->rows[0].cells[kUsaRus].goldstein_sum, 5);
  EXPECT_TRUE(r->rows[2].cells[kUsaChn].empty);  // USAGOV != USA now
  EXPECT_DOUBLE_EQ(r->rows[0].volume, 4);
}

TEST(SeriesTest, PeriodVolumeNormalisation) {
  SeriesOptions o;
  o.normalization = Normalization::kPeriodVolume;
  Result<DyadSeries> r = BuildDyadSeries(Sample(), kTriad, Period::kMonth, o);
  ASSERT_TRUE(r.ok());
  const DyadCell& ur = r->rows[0].cells[kUsaRus];
  EXPECT_DOUBLE_EQ(r->rows[0].divisor, 3);
  EXPECT_DOUBLE_EQ(ur.goldstein_sum, -2.0 / 3);
  EXPECT_DOUBLE_EQ(ur.cooperation_sum, 1);
  EXPECT_DOUBLE_EQ(ur.conflict_sum, -5.0 / 3);
  EXPECT_DOUBLE_EQ(ur.goldstein_mean, -1);  // means are never normalised
  EXPECT_EQ(ur.events, 2);
  EXPECT_DOUBLE_EQ(r->rows[1].divisor, 1);  // empty February
  EXPECT_DOUBLE_EQ(r->rows[2].cells[kChnUsa].goldstein_sum, 4.0 / 3);
}

TEST(SeriesTest, CallerVolumeNormalisation) {
  SeriesOptions o;
  o.normalization = Normalization::kCallerVolume;
  o.volume = {{"2024-01", 10}, {"2024-03", 8}};
  Result<DyadSeries> r = BuildDyadSeries(Sample(), kTriad, Period::kMonth, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_DOUBLE_EQ(r->rows[0].cells[kUsaRus].goldstein_sum, -0.2);
  EXPECT_DOUBLE_EQ(r->rows[2].cells[kUsaChn].goldstein_sum, -1.25);

  o.volume.erase("2024-03");
  r = BuildDyadSeries(Sample(), kTriad, Period::kMonth, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("2024-03"), std::string::npos);
  o.volume["2024-03"] = 0;
  EXPECT_FALSE(BuildDyadSeries(Sample(), kTriad, Period::kMonth, o).ok());
}

TEST(SeriesTest, EachStoryCountsOnce) {
  std::vector<DyadEvent> ev = {
      // One story reported three times with the same code: 1/3 each.
      Ev("2024-05-01", "RUS", "CHN", -3, 3, 10, "asserted", "s1", "112"),
      Ev("2024-05-02", "RUS", "CHN", -3, 3, 11, "asserted", "s1", "112"),
      Ev("2024-05-02", "RUS", "CHN", -3, 3, 12, "asserted", "s1", "112"),
      // Same story, different code: its own group.
      Ev("2024-05-03", "RUS", "CHN", 2, 1, 13, "asserted", "s1", "057"),
      // Same story id in another dyad: its own group too.
      Ev("2024-05-03", "CHN", "RUS", 1, 1, 14, "asserted", "s1", "112"),
  };
  Result<DyadSeries> r = BuildDyadSeries(ev, kTriad, Period::kMonth);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rows.size(), 1u);
  const DyadCell& rc =
      r->rows[0].cells[static_cast<size_t>(DirectedDyadIndex(1, 2))];
  EXPECT_EQ(rc.events, 4);
  EXPECT_DOUBLE_EQ(rc.weight, 2);
  EXPECT_DOUBLE_EQ(rc.goldstein_sum, -1);  // -3 + 2
  EXPECT_DOUBLE_EQ(rc.goldstein_mean, -0.5);
  EXPECT_DOUBLE_EQ(rc.quad[2], 1);
  EXPECT_DOUBLE_EQ(rc.conflict_sum, -3);
  EXPECT_EQ(rc.event_ids, (std::vector<int64_t>{10, 11, 12, 13}));
  EXPECT_DOUBLE_EQ(r->rows[0].volume, 3);

  SeriesOptions o;
  o.weight_stories = false;
  r = BuildDyadSeries(ev, kTriad, Period::kMonth, o);
  ASSERT_TRUE(r.ok());
  const DyadCell& raw =
      r->rows[0].cells[static_cast<size_t>(DirectedDyadIndex(1, 2))];
  EXPECT_DOUBLE_EQ(raw.weight, 4);
  EXPECT_DOUBLE_EQ(raw.goldstein_sum, -7);
}

TEST(SeriesTest, ExplicitRangeAndOtherPeriods) {
  SeriesOptions o;
  o.from_day = Day("2023-12-15");
  o.to_day = Day("2024-02-10");
  Result<DyadSeries> r = BuildDyadSeries(Sample(), kTriad, Period::kMonth, o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rows.size(), 3u);
  EXPECT_EQ(r->rows[0].label, "2023-12");
  EXPECT_EQ(r->rows[2].label, "2024-02");
  EXPECT_TRUE(r->rows[0].cells[kUsaRus].empty);
  EXPECT_EQ(r->rows[1].cells[kUsaRus].events, 2);

  r = BuildDyadSeries(Sample(), kTriad, Period::kDay);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rows.size(), 63u);  // 2024-01-03 .. 2024-03-05
  r = BuildDyadSeries(Sample(), kTriad, Period::kWeek);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rows.front().label, "2024-W01");
  EXPECT_EQ(r->rows.back().label, "2024-W10");
  EXPECT_EQ(r->rows.size(), 10u);
  r = BuildDyadSeries(Sample(), kTriad, Period::kQuarter);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_EQ(r->rows[0].cells[kUsaRus].events, 2);
}

TEST(SeriesTest, NoEventsNoRows) {
  Result<DyadSeries> r = BuildDyadSeries({}, kTriad, Period::kYear);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->rows.empty());
}

TEST(SeriesTest, RejectsBadInput) {
  auto code = [](const std::vector<DyadEvent>& ev, const Triad& t,
                 const SeriesOptions& o) {
    return BuildDyadSeries(ev, t, Period::kMonth, o).status().code();
  };
  const SeriesOptions none;
  EXPECT_EQ(code(Sample(), {"USA", "USA", "CHN"}, none),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(code(Sample(), {"USA", "", "CHN"}, none),
            StatusCode::kInvalidArgument);
  std::vector<DyadEvent> ev = Sample();
  ev[2].goldstein = 11;
  Result<DyadSeries> r = BuildDyadSeries(ev, kTriad, Period::kMonth);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("event 3"), std::string::npos);
  ev = Sample();
  ev[0].quad = 5;
  EXPECT_EQ(code(ev, kTriad, none), StatusCode::kInvalidArgument);
  SeriesOptions o;
  o.from_day = Day("2024-03-01");
  o.to_day = Day("2024-01-01");
  EXPECT_EQ(code(Sample(), kTriad, o), StatusCode::kInvalidArgument);
  o = {};
  o.max_periods = 2;
  EXPECT_EQ(code(Sample(), kTriad, o), StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace trigon::analysis
