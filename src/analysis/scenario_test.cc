#include "analysis/scenario.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/var.h"
#include "analysis/var_testing.h"

namespace trigon::analysis {
namespace {

// A hand-built VAR(1) in two series: y_t = c + A y_{t-1} + u_t.
VarModel HandVar1() {
  VarModel m;
  m.k = 2;
  m.p = 1;
  m.intercept = Eigen::Vector2d(1.0, -0.5);
  Eigen::Matrix2d a;
  a << 0.5, 0.2,  //
      -0.3, 0.4;
  m.coefs = {a};
  m.y = Eigen::MatrixXd(3, 2);
  m.y << 0, 0,  //
      1, 1,     //
      2, -1;
  return m;
}

TEST(ScenarioTest, OnePeriodShockFollowsTheMaCoefficients) {
  const VarModel m = HandVar1();
  ScenarioOptions o;
  o.horizon = 4;
  auto r = SimulateScenario(m, {{0, 2.0, 1}}, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // Baseline by hand: y1 = c + A (2, -1) = (1 + 1 - 0.2, -0.5 - 0.6 - 0.4).
  EXPECT_NEAR(r->baseline(0, 0), 1.8, 1e-12);
  EXPECT_NEAR(r->baseline(0, 1), -1.5, 1e-12);
  // Effect: 2 * A^h e_0.
  Eigen::Vector2d e(2.0, 0.0);
  for (int h = 0; h < 4; ++h) {
    EXPECT_NEAR(r->effect(h, 0), e(0), 1e-12) << h;
    EXPECT_NEAR(r->effect(h, 1), e(1), 1e-12) << h;
    e = m.coefs[0] * e;
  }
  EXPECT_NEAR(r->effect(1, 0), 1.0, 1e-12);   // 0.5 * 2
  EXPECT_NEAR(r->effect(1, 1), -0.6, 1e-12);  // -0.3 * 2
  EXPECT_EQ(r->effect_lower.size(), 0);
}

TEST(ScenarioTest, SustainedShockIsTheSumOfOnePeriodShocks) {
  const VarModel m = HandVar1();
  ScenarioOptions o;
  o.horizon = 6;
  auto sustained = SimulateScenario(m, {{1, -1.0, 3}}, o);
  ASSERT_TRUE(sustained.ok());
  Eigen::MatrixXd expect = Eigen::MatrixXd::Zero(6, 2);
  for (int q = 0; q < 3; ++q) {
    Eigen::Vector2d e(0.0, -1.0);
    for (int h = q; h < 6; ++h) {
      expect.row(h) += e.transpose();
      e = m.coefs[0] * e;
    }
  }
  EXPECT_LT((sustained->effect - expect).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_LT((sustained->shocked - sustained->baseline - expect).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(ScenarioTest, RejectsBadShocks) {
  const VarModel m = HandVar1();
  ScenarioOptions o;
  EXPECT_FALSE(SimulateScenario(m, {}, o).ok());
  EXPECT_FALSE(SimulateScenario(m, {{2, 1.0, 1}}, o).ok());
  EXPECT_FALSE(SimulateScenario(m, {{0, NAN, 1}}, o).ok());
  EXPECT_FALSE(SimulateScenario(m, {{0, 1.0, 0}}, o).ok());
  o.horizon = 0;
  EXPECT_FALSE(SimulateScenario(m, {{0, 1.0, 1}}, o).ok());
}

TEST(ScenarioTest, BootstrapBandsCoverThePointEffectAndAreSeeded) {
  const Eigen::MatrixXd y = var_testing::SimulateVar2(300, 7);
  auto fit = FitVar(y, 2, {});
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  ScenarioOptions o;
  o.horizon = 5;
  o.bootstrap = 50;
  o.seed = 3;
  auto a = SimulateScenario(*fit, {{0, 1.0, 2}}, o);
  auto b = SimulateScenario(*fit, {{0, 1.0, 2}}, o);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->replications, 50);
  EXPECT_TRUE(a->effect_lower.isApprox(b->effect_lower));
  for (int h = 0; h < 5; ++h) {
    for (int i = 0; i < fit->k; ++i) {
      EXPECT_LE(a->effect_lower(h, i), a->effect_upper(h, i));
    }
  }
  // The shocked series' own first-period effect is the shock itself in
  // every replication.
  EXPECT_NEAR(a->effect_lower(0, 0), 1.0, 1e-9);
  EXPECT_NEAR(a->effect_upper(0, 0), 1.0, 1e-9);
}

TEST(ScenarioTest, ProjectedPairSigns) {
  // Columns: A->B, B->A, A->C, C->A, B->C, C->B.
  Eigen::MatrixXd path(2, 6);
  path << 1, 1, 2, 0, -3, -1,  //
      1, 1, 0, 0, -3, -1;
  std::array<double, kNumPairs> stats{};
  auto s = ProjectedPairSigns(path, 0.5, &stats);
  EXPECT_EQ(s[0], Sign::kAmity);
  EXPECT_DOUBLE_EQ(stats[0], 2.0);
  EXPECT_EQ(s[1], Sign::kAmity);
  EXPECT_DOUBLE_EQ(stats[1], 1.0);
  EXPECT_EQ(s[2], Sign::kEnmity);
  EXPECT_EQ(ConfigureSigns(s).configuration, Configuration::kRomanticTriangle);
  EXPECT_EQ(ConfigureSigns(s).pivot, 0);
}

}  // namespace
}  // namespace trigon::analysis
