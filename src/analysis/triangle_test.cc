#include "analysis/triangle.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "analysis/position.h"

namespace trigon::analysis {
namespace {

const Triad kTriad = {"USA", "RUS", "CHN"};
constexpr size_t kUsaRus = 0, kUsaChn = 1, kRusChn = 2;  // kPairs order
const int32_t kDay = 19723;                              // 2024-01-01

// Adds one asserted event per Goldstein value, source -> target.
void Add(std::vector<DyadEvent>* ev, const char* src, const char* tgt,
         const std::vector<double>& gs) {
  for (double g : gs) {
    DyadEvent e;
    e.day = kDay;
    e.source = src;
    e.target = tgt;
    e.goldstein = g;
    e.quad = g >= 0 ? 1 : 3;
    e.modality = "asserted";
    e.event_id = static_cast<int64_t>(ev->size()) + 1;
    ev->push_back(e);
  }
}

TrianglePeriod Classify(const std::vector<DyadEvent>& ev,
                        const TriangleOptions& o = {},
                        const SeriesOptions& so = {}) {
  Result<DyadSeries> s = BuildDyadSeries(ev, kTriad, Period::kYear, so);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  Result<TriangleSeries> t = ClassifyTriangle(*s, o);
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->periods.size(), 1u);
  return t->periods.at(0);
}

TEST(TriangleTest, ConfigureSignsCoversTheFourConfigurations) {
  using S = Sign;
  Configured c = ConfigureSigns({S::kAmity, S::kAmity, S::kAmity});
  EXPECT_EQ(c.configuration, Configuration::kMenageATrois);
  EXPECT_EQ(c.roles[1], Role::kFriend);
  EXPECT_FALSE(c.pivot);
  // USA-RUS +, USA-CHN +, RUS-CHN -: USA is pivot.
  c = ConfigureSigns({S::kAmity, S::kAmity, S::kEnmity});
  EXPECT_EQ(c.configuration, Configuration::kRomanticTriangle);
  EXPECT_EQ(c.pivot, 0);
  EXPECT_EQ(c.roles[0], Role::kPivot);
  EXPECT_EQ(c.roles[1], Role::kWing);
  EXPECT_EQ(c.roles[2], Role::kWing);
  // USA-CHN -, others +: RUS is pivot.
  c = ConfigureSigns({S::kAmity, S::kEnmity, S::kAmity});
  EXPECT_EQ(c.pivot, 1);
  // USA-CHN +, others -: USA and CHN partners, RUS outcast.
  c = ConfigureSigns({S::kEnmity, S::kAmity, S::kEnmity});
  EXPECT_EQ(c.configuration, Configuration::kStableMarriage);
  EXPECT_EQ(c.roles[0], Role::kPartner);
  EXPECT_EQ(c.roles[1], Role::kOutcast);
  EXPECT_EQ(c.roles[2], Role::kPartner);
  EXPECT_FALSE(c.pivot);
  c = ConfigureSigns({S::kEnmity, S::kEnmity, S::kEnmity});
  EXPECT_EQ(c.configuration, Configuration::kUnitVeto);
  EXPECT_EQ(c.roles[2], Role::kFoe);
  c = ConfigureSigns({S::kAmity, S::kNeutral, S::kAmity});
  EXPECT_EQ(c.configuration, Configuration::kIndeterminate);
  EXPECT_EQ(c.roles[0], Role::kIndeterminate);
}

TEST(TriangleTest, WuScores) {
  EXPECT_EQ(RoleScore(Role::kPivot), 6);
  EXPECT_EQ(RoleScore(Role::kFriend), 5);
  EXPECT_EQ(RoleScore(Role::kPartner), 4);
  EXPECT_EQ(RoleScore(Role::kWing), 3);
  EXPECT_EQ(RoleScore(Role::kFoe), 2);
  EXPECT_EQ(RoleScore(Role::kOutcast), 1);
  EXPECT_FALSE(RoleScore(Role::kIndeterminate));
}

TEST(TriangleTest, RomanticTriangleFromEvents) {
  std::vector<DyadEvent> ev;
  Add(&ev, "USA", "RUS", {2, 4});     // both directions pooled:
  Add(&ev, "RUS", "USA", {3});        //   mean 3
  Add(&ev, "USA", "CHN", {1, 1, 1});  // mean 1
  Add(&ev, "CHN", "RUS", {-4, -6});   // mean -4 (RUS-CHN pooled)
  Add(&ev, "RUS", "CHN", {-5});
  const TrianglePeriod p = Classify(ev);
  EXPECT_EQ(p.label, "2024");
  EXPECT_EQ(p.configuration, Configuration::kRomanticTriangle);
  EXPECT_EQ(p.pivot, 0);
  EXPECT_TRUE(p.reason.empty());
  const DyadAssessment& ur = p.dyads[kUsaRus];
  EXPECT_EQ(ur.pair, "USA-RUS");
  EXPECT_DOUBLE_EQ(ur.statistic, 3);
  EXPECT_EQ(ur.events, 3);
  EXPECT_EQ(ur.status, DyadStatus::kAmity);
  // n = 3, mean 3, sample variance ((1 + 1 + 0) / 2) = 1, se = 1/sqrt(3):
  // P(N(3, 1/3) > 0.5) = Phi(2.5 * sqrt(3)).
  EXPECT_NEAR(ur.confidence,
              0.5 * std::erfc(-2.5 * std::sqrt(3.0) / std::sqrt(2.0)), 1e-12);
  // Identical values: no spread, the point mass is inside the region.
  EXPECT_DOUBLE_EQ(p.dyads[kUsaChn].statistic, 1);
  EXPECT_DOUBLE_EQ(p.dyads[kUsaChn].confidence, 1);
  EXPECT_EQ(p.dyads[kRusChn].pair, "RUS-CHN");
  EXPECT_DOUBLE_EQ(p.dyads[kRusChn].statistic, -5);
  EXPECT_EQ(p.dyads[kRusChn].sign, Sign::kEnmity);
  // n = 3, values -4 -6 -5, variance 1: P(N(-5, 1/3) < -0.5).
  EXPECT_NEAR(p.dyads[kRusChn].confidence,
              0.5 * std::erfc(-4.5 * std::sqrt(3.0) / std::sqrt(2.0)), 1e-12);
}

TEST(TriangleTest, NeutralAndInsufficientMakeItIndeterminate) {
  std::vector<DyadEvent> ev;
  Add(&ev, "USA", "RUS", {0.5, -0.2, 0.3});  // mean 0.2: neutral
  Add(&ev, "USA", "CHN", {5, 5});            // 2 < 3 events: insufficient
  Add(&ev, "RUS", "CHN", {-1, -1, -1});
  const TrianglePeriod p = Classify(ev);
  EXPECT_EQ(p.configuration, Configuration::kIndeterminate);
  EXPECT_FALSE(p.pivot);
  EXPECT_EQ(p.dyads[kUsaRus].status, DyadStatus::kNeutral);
  EXPECT_EQ(p.dyads[kUsaRus].sign, Sign::kNeutral);
  EXPECT_GT(p.dyads[kUsaRus].confidence, 0);
  EXPECT_LE(p.dyads[kUsaRus].confidence, 1);
  EXPECT_EQ(p.dyads[kUsaChn].status, DyadStatus::kInsufficient);
  EXPECT_DOUBLE_EQ(p.dyads[kUsaChn].statistic, 5);
  EXPECT_DOUBLE_EQ(p.dyads[kUsaChn].confidence, 0);
  EXPECT_EQ(p.reason,
            "USA-RUS neutral (|0.20| < band 0.50); "
            "USA-CHN insufficient (2.00 < 3.00 events)");
  for (Role r : p.roles) EXPECT_EQ(r, Role::kIndeterminate);

  // Narrower band and lower minimum: now a determinate triangle.
  TriangleOptions o;
  o.neutral_band = 0.1;
  o.min_events = 2;
  const TrianglePeriod q = Classify(ev, o);
  EXPECT_EQ(q.configuration, Configuration::kRomanticTriangle);
  EXPECT_EQ(q.pivot, 0);
}

TEST(TriangleTest, SumStatisticAndNormalisation) {
  std::vector<DyadEvent> ev;
  Add(&ev, "USA", "RUS", {1, 1, 1, 1});  // sum 4
  Add(&ev, "USA", "CHN", {-2, -2, 1});   // sum -3
  Add(&ev, "RUS", "CHN", {-1, -1, -1});  // sum -3
  Add(&ev, "GBR", "FRA", {1, 1});        // volume 12 in all
  TriangleOptions o;
  o.statistic = Statistic::kSumGoldstein;
  o.neutral_band = 3.5;
  TrianglePeriod p = Classify(ev, o);
  EXPECT_DOUBLE_EQ(p.dyads[kUsaRus].statistic, 4);
  EXPECT_DOUBLE_EQ(p.dyads[kUsaRus].mean, 1);
  EXPECT_EQ(p.dyads[kUsaChn].status, DyadStatus::kNeutral);  // |-3| < 3.5
  SeriesOptions so;
  so.normalization = Normalization::kPeriodVolume;
  o.neutral_band = 0.2;
  p = Classify(ev, o, so);
  EXPECT_DOUBLE_EQ(p.dyads[kUsaRus].statistic, 4.0 / 12);
  EXPECT_DOUBLE_EQ(p.dyads[kUsaChn].statistic, -3.0 / 12);
  EXPECT_EQ(p.configuration, Configuration::kStableMarriage);
  EXPECT_EQ(p.roles[2], Role::kOutcast);
  // USA-CHN: values -2 -2 1, mean -1, variance 3, se(mean) = 1; the sum is
  // 3/12 of the mean, so se(s) = 0.25 and P(N(-0.25, 0.25^2) < -0.2).
  EXPECT_NEAR(p.dyads[kUsaChn].confidence,
              0.5 * std::erfc(-0.2 / std::sqrt(2.0)), 1e-12);
}

TEST(TriangleTest, RejectsBadOptions) {
  DyadSeries s;
  TriangleOptions o;
  o.neutral_band = -1;
  EXPECT_FALSE(ClassifyTriangle(s, o).ok());
  o = {};
  o.min_events = NAN;
  EXPECT_FALSE(ClassifyTriangle(s, o).ok());
}

TEST(TriangleTest, JsonRendering) {
  std::vector<DyadEvent> ev;
  Add(&ev, "USA", "RUS", {2, 2, 2});
  Add(&ev, "USA", "CHN", {-2, -2, -2});
  Add(&ev, "RUS", "CHN", {-2, -2, -2});
  Result<DyadSeries> s2 = BuildDyadSeries(ev, kTriad, Period::kYear);
  ASSERT_TRUE(s2.ok());
  Result<TriangleSeries> t = ClassifyTriangle(*s2);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(TriangleToJson(*t),
            "[\n{\"period\":\"2024\",\"start\":\"2024-01-01\","
            "\"configuration\":\"stable_marriage\",\"roles\":{\"USA\":"
            "\"partner\",\"RUS\":\"partner\",\"CHN\":\"outcast\"},\"pivot\":"
            "null,\"reason\":\"\",\"dyads\":["
            "{\"pair\":\"USA-RUS\",\"statistic\":2,\"mean\":2,\"sign\":\"+\","
            "\"status\":\"amity\",\"events\":3,\"weight\":3,\"confidence\":1},"
            "{\"pair\":\"USA-CHN\",\"statistic\":-2,\"mean\":-2,\"sign\":\"-\","
            "\"status\":\"enmity\",\"events\":3,\"weight\":3,\"confidence\":1},"
            "{\"pair\":\"RUS-CHN\",\"statistic\":-2,\"mean\":-2,\"sign\":\"-\","
            "\"status\":\"enmity\",\"events\":3,\"weight\":3,\"confidence\":1}"
            "]}\n]");
  // Actor codes are escaped.
  t->actors[2] = "C\"N";
  EXPECT_NE(TriangleToJson(*t).find("\"C\\\"N\":\"outcast\""),
            std::string::npos);
  EXPECT_EQ(TriangleToJson(TriangleSeries{}), "[]");
}

TEST(PositionTest, ScoresOverTime) {
  TriangleSeries t;
  t.actors = kTriad;
  TrianglePeriod a;
  a.roles = {Role::kPivot, Role::kWing, Role::kWing};
  TrianglePeriod b;  // indeterminate
  TrianglePeriod c;
  c.roles = {Role::kPartner, Role::kOutcast, Role::kPartner};
  t.periods = {a, b, c};
  const std::array<ActorPosition, 3> pos = ActorPositions(t);
  EXPECT_EQ(pos[0].actor, "USA");
  EXPECT_EQ(pos[0].scores,
            (std::vector<std::optional<int>>{6, std::nullopt, 4}));
  EXPECT_EQ(pos[0].scored_periods, 2);
  EXPECT_DOUBLE_EQ(pos[0].mean_score, 5);
  EXPECT_DOUBLE_EQ(pos[1].mean_score, 2);  // (3 + 1) / 2
  EXPECT_EQ(pos[1].role_counts[static_cast<size_t>(Role::kOutcast)], 1);
  EXPECT_EQ(pos[1].role_counts[static_cast<size_t>(Role::kIndeterminate)], 1);
  EXPECT_EQ(pos[2].roles[2], Role::kPartner);
}

}  // namespace
}  // namespace trigon::analysis
