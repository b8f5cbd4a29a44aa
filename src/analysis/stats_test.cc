#include "analysis/stats.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace trigon::analysis {
namespace {

// Reference values from SciPy (stats.f.sf, chi2.sf, 2*t.sf, 2*norm.sf).
TEST(StatsTest, MatchesScipy) {
  EXPECT_NEAR(*FSurvival(2.5, 3, 40), 0.07325435201794978, 1e-13);
  EXPECT_NEAR(*FSurvival(0.7, 12, 600), 0.7522406641130904, 1e-13);
  EXPECT_NEAR(*FSurvival(80, 6, 600) / 2.3715587200139002e-73, 1.0, 1e-9);
  EXPECT_NEAR(*ChiSquareSurvival(7.3, 4), 0.12085874882121235, 1e-13);
  EXPECT_NEAR(*StudentTTwoSided(2.1, 15), 0.05305525615204276, 1e-13);
  EXPECT_NEAR(*StudentTTwoSided(-2.1, 15), 0.05305525615204276, 1e-13);
  EXPECT_NEAR(*NormalTwoSided(1.96), 0.04999579029644087, 1e-13);
}

TEST(StatsTest, EdgeValues) {
  EXPECT_EQ(*FSurvival(0.0, 2, 10), 1.0);
  EXPECT_EQ(*FSurvival(-1.0, 2, 10), 1.0);
  EXPECT_EQ(*ChiSquareSurvival(0.0, 3), 1.0);
  EXPECT_EQ(*NormalTwoSided(0.0), 1.0);
}

TEST(StatsTest, RefusesBadArguments) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_FALSE(FSurvival(nan, 2, 10).ok());
  EXPECT_FALSE(FSurvival(1.0, 0, 10).ok());
  EXPECT_FALSE(FSurvival(1.0, 2, -1).ok());
  EXPECT_FALSE(ChiSquareSurvival(inf, 2).ok());
  EXPECT_FALSE(StudentTTwoSided(1.0, nan).ok());
  Result<double> r = NormalTwoSided(nan);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("not finite"), std::string::npos);
}

}  // namespace
}  // namespace trigon::analysis
