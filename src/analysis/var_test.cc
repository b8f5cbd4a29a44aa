#include "analysis/var.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "analysis/irf.h"
#include "analysis/var_reciprocity.h"
#include "analysis/var_testing.h"

namespace trigon::analysis {
namespace {

using ::trigon::analysis::var_testing::SimulateVar2;
using ::trigon::analysis::var_testing::TrueVar2;

constexpr std::uint64_t kSeed = 20261122;

bool Contains(const Status& s, const std::string& text) {
  return s.message().find(text) != std::string::npos;
}

TEST(VarTest, RecoversKnownVar2) {
  const Eigen::MatrixXd y = SimulateVar2(2000, kSeed);
  Result<VarModel> fit = FitVar(y, 2, VarOptions{});
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  const VarModel& m = *fit;
  EXPECT_EQ(m.k, 3);
  EXPECT_EQ(m.nobs, 1998);
  EXPECT_EQ(m.df_resid, 1998 - 7);
  ASSERT_EQ(m.coefs.size(), 2u);
  const TrueVar2 truth;
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) {
      // Within 4.5 standard errors and 0.1 of the truth.
      const double se1 = m.stderrs(1 + j, i);
      const double se2 = m.stderrs(1 + 3 + j, i);
      EXPECT_NEAR(m.coefs[0](i, j), truth.a1(i, j), std::min(4.5 * se1, 0.1));
      EXPECT_NEAR(m.coefs[1](i, j), truth.a2(i, j), std::min(4.5 * se2, 0.1));
    }
    EXPECT_NEAR(m.intercept(i), truth.c(i), 0.2);
    EXPECT_NEAR(m.sigma_u(i, i), 1.0, 0.1);
  }
  EXPECT_TRUE(IsStable(m));
  const Eigen::VectorXd moduli = CompanionEigenvalueModuli(m);
  ASSERT_EQ(moduli.size(), 6);
  EXPECT_LT(moduli(0), 1.0);
  EXPECT_GE(moduli(0), moduli(5));
  for (int i = 0; i < m.params.rows(); ++i) {
    for (int j = 0; j < m.params.cols(); ++j) {
      EXPECT_TRUE(std::isfinite(m.pvalues(i, j)));
      EXPECT_GE(m.pvalues(i, j), 0.0);
      EXPECT_LE(m.pvalues(i, j), 1.0);
    }
  }
}

TEST(VarTest, BicSelectsTrueOrder) {
  const Eigen::MatrixXd y = SimulateVar2(2000, kSeed);
  Result<LagOrderSelection> sel = SelectVarOrder(y, 8, VarOptions{});
  ASSERT_TRUE(sel.ok()) << sel.status().ToString();
  EXPECT_EQ(sel->bic_order, 2);
  EXPECT_EQ(sel->hqic_order, 2);
  ASSERT_EQ(sel->aic.size(), 9u);
  EXPECT_GE(sel->aic_order, 2);
}

TEST(VarTest, GrangerFindsTrueLinks) {
  const Eigen::MatrixXd y = SimulateVar2(2000, kSeed);
  Result<VarModel> m = FitVar(y, 2, VarOptions{});
  ASSERT_TRUE(m.ok());
  // y1 -> y0 (a1(0,1) = 0.1) exists; y2 -> y0 only via a2(0,2) = 0.1.
  Result<TestResult> t = TestGrangerCausality(*m, {0}, {1});
  ASSERT_TRUE(t.ok());
  EXPECT_LT(t->p_value, 1e-3);
  EXPECT_EQ(t->df_num, 2);
  EXPECT_EQ(t->df_den, 3.0 * m->df_resid);
  // Own lags of y2 (0.3, 0.2): the routine test, caused == causing.
  Result<TestResult> own = TestGrangerCausality(*m, {2}, {2});
  ASSERT_TRUE(own.ok());
  EXPECT_LT(own->p_value, 1e-6);
  EXPECT_FALSE(TestGrangerCausality(*m, {}, {1}).ok());
  EXPECT_FALSE(TestGrangerCausality(*m, {0}, {3}).ok());
  EXPECT_FALSE(TestGrangerCausality(*m, {0, 0}, {1}).ok());
  // Innovations are independent: no instantaneous causality.
  Result<TestResult> inst = TestInstantaneousCausality(*m, {0});
  ASSERT_TRUE(inst.ok());
  EXPECT_GT(inst->p_value, 1e-3);
  EXPECT_EQ(inst->df_num, 2);
  EXPECT_FALSE(TestInstantaneousCausality(*m, {0, 1, 2}).ok());
}

TEST(VarTest, GrangerHasNominalSizeUnderNull) {
  // Independent white noise: no series causes another.
  std::mt19937_64 rng(kSeed);
  std::normal_distribution<double> normal(0.0, 1.0);
  Eigen::MatrixXd y(500, 2);
  for (Eigen::Index t = 0; t < y.rows(); ++t) {
    y(t, 0) = normal(rng);
    y(t, 1) = normal(rng);
  }
  Result<VarModel> m = FitVar(y, 1, VarOptions{{"a", "b"}});
  ASSERT_TRUE(m.ok());
  Result<TestResult> t = TestGrangerCausality(*m, {0}, {1});
  ASSERT_TRUE(t.ok());
  EXPECT_GT(t->p_value, 0.001);
}

TEST(VarTest, RefusesConstantSeries) {
  Eigen::MatrixXd y = SimulateVar2(100, kSeed);
  y.col(1).setConstant(3.0);
  Result<VarModel> m = FitVar(y, 2, VarOptions{{"USA->RUS", "RUS->USA", "x"}});
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(m.status(), "series 'RUS->USA' is constant"))
      << m.status().message();
}

TEST(VarTest, RefusesTooShortSeries) {
  const Eigen::MatrixXd y = SimulateVar2(9, kSeed);
  // VAR(2), K=3: 7 coefficients per equation, 7 observations.
  Result<VarModel> m = FitVar(y, 2, VarOptions{});
  ASSERT_FALSE(m.ok());
  EXPECT_TRUE(Contains(m.status(), "too few periods")) << m.status().message();
  Result<VarModel> singular = FitVar(SimulateVar2(11, kSeed), 2, VarOptions{});
  ASSERT_FALSE(singular.ok());
  EXPECT_TRUE(Contains(singular.status(), "need 12 periods"))
      << singular.status().message();
  EXPECT_TRUE(FitVar(SimulateVar2(12, kSeed), 2, VarOptions{}).ok());
  EXPECT_FALSE(SelectVarOrder(SimulateVar2(30, kSeed), 9, VarOptions{}).ok());
}

TEST(VarTest, RefusesNonFiniteInput) {
  Eigen::MatrixXd y = SimulateVar2(100, kSeed);
  y(17, 2) = std::numeric_limits<double>::quiet_NaN();
  Result<VarModel> m = FitVar(y, 1, VarOptions{{"a", "b", "CHN->USA"}});
  ASSERT_FALSE(m.ok());
  EXPECT_TRUE(Contains(m.status(), "series 'CHN->USA'"));
  EXPECT_TRUE(Contains(m.status(), "period 17")) << m.status().message();
  y(17, 2) = std::numeric_limits<double>::infinity();
  EXPECT_FALSE(FitVar(y, 1, VarOptions{}).ok());
}

TEST(VarTest, RefusesDuplicateSeries) {
  Eigen::MatrixXd y = SimulateVar2(100, kSeed);
  y.col(2) = y.col(0);
  Result<VarModel> m = FitVar(y, 1, VarOptions{{"a", "b", "c"}});
  ASSERT_FALSE(m.ok());
  EXPECT_TRUE(Contains(m.status(), "collinear")) << m.status().message();
}

TEST(VarTest, RefusesBadArguments) {
  const Eigen::MatrixXd y = SimulateVar2(100, kSeed);
  EXPECT_FALSE(FitVar(y, -1, VarOptions{}).ok());
  EXPECT_FALSE(FitVar(y, 1, VarOptions{{"a", "b"}}).ok());
  EXPECT_FALSE(FitVar(y, 1, VarOptions{{"a", "b", "a"}}).ok());
  EXPECT_FALSE(FitVar(Eigen::MatrixXd(0, 3), 1, VarOptions{}).ok());
}

TEST(VarTest, LagZeroModel) {
  const Eigen::MatrixXd y = SimulateVar2(200, kSeed);
  Result<VarModel> m = FitVar(y, 0, VarOptions{});
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(IsStable(*m));
  EXPECT_NEAR(m->intercept(0), y.col(0).mean(), 1e-10);
  EXPECT_FALSE(TestGrangerCausality(*m, {0}, {1}).ok());
}

TEST(IrfTest, Properties) {
  const Eigen::MatrixXd y = SimulateVar2(500, kSeed);
  Result<VarModel> m = FitVar(y, 2, VarOptions{});
  ASSERT_TRUE(m.ok());
  Result<ImpulseResponses> r = ComputeImpulseResponses(*m, 8);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->ma.size(), 9u);
  EXPECT_TRUE(r->ma[0].isIdentity());
  EXPECT_TRUE(r->ma[1].isApprox(m->coefs[0]));
  const Eigen::MatrixXd ma2 = m->coefs[0] * m->coefs[0] + m->coefs[1];
  EXPECT_TRUE(r->ma[2].isApprox(ma2));
  // The first generalised shock equals the first orthogonalised one.
  for (int h = 0; h <= 8; ++h) {
    EXPECT_TRUE(r->generalized[h].col(0).isApprox(r->orthogonal[h].col(0)));
  }
  const std::vector<Eigen::MatrixXd> cum = CumulativeResponses(r->ma);
  EXPECT_TRUE(cum[2].isApprox(r->ma[0] + r->ma[1] + r->ma[2]));
  Result<std::vector<Eigen::MatrixXd>> fevd =
      ForecastErrorVarianceDecomposition(*m, 8);
  ASSERT_TRUE(fevd.ok());
  for (const Eigen::MatrixXd& f : *fevd) {
    ASSERT_EQ(f.rows(), 8);
    for (int h = 0; h < 8; ++h) EXPECT_NEAR(f.row(h).sum(), 1.0, 1e-12);
  }
  // Horizon 1 of series 0 is all its own (Cholesky ordering).
  EXPECT_NEAR((*fevd)[0](0, 0), 1.0, 1e-12);
  EXPECT_FALSE(ComputeImpulseResponses(*m, -1).ok());
  EXPECT_FALSE(ForecastErrorVarianceDecomposition(*m, 0).ok());
}

TEST(IrfTest, BootstrapBands) {
  const Eigen::MatrixXd y = SimulateVar2(300, kSeed);
  Result<VarModel> m = FitVar(y, 2, VarOptions{});
  ASSERT_TRUE(m.ok());
  BootstrapOptions opt;
  opt.repetitions = 200;
  opt.seed = 7;
  Result<IrfBands> a = BootstrapIrfBands(*m, 6, opt);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->replications, 200);
  Result<IrfBands> b = BootstrapIrfBands(*m, 6, opt);
  ASSERT_TRUE(b.ok());
  Result<ImpulseResponses> r = ComputeImpulseResponses(*m, 6);
  ASSERT_TRUE(r.ok());
  int inside = 0;
  for (int h = 0; h <= 6; ++h) {
    EXPECT_EQ(a->lower[h], b->lower[h]);  // same seed, same bands
    EXPECT_TRUE((a->lower[h].array() <= a->upper[h].array()).all());
    inside += ((r->orthogonal[h].array() >= a->lower[h].array()) &&
               (r->orthogonal[h].array() <= a->upper[h].array()))
                  .count();
  }
  // Point estimates sit inside their 95% bands almost everywhere.
  EXPECT_GE(inside, 7 * 9 - 3);
  // The true impact of a shock to series 1 on series 0 at h=1 is 0.1.
  opt.kind = IrfKind::kMa;
  Result<IrfBands> ma = BootstrapIrfBands(*m, 2, opt);
  ASSERT_TRUE(ma.ok());
  EXPECT_LE(ma->lower[1](0, 1), 0.1);
  EXPECT_GE(ma->upper[1](0, 1), 0.1);
  opt.repetitions = 1;
  EXPECT_FALSE(BootstrapIrfBands(*m, 2, opt).ok());
}

TEST(ReciprocityTest, ThreeWayStreet) {
  // Six dyads of three actors; A->B (0) reacts positively to B->A (1) and
  // B->A reacts negatively to A->B.
  std::mt19937_64 rng(kSeed);
  std::normal_distribution<double> normal(0.0, 1.0);
  const int t_len = 600;
  Eigen::MatrixXd y = Eigen::MatrixXd::Zero(t_len, 6);
  for (int t = 1; t < t_len; ++t) {
    for (int j = 0; j < 6; ++j) y(t, j) = 0.3 * y(t - 1, j) + normal(rng);
    y(t, 0) += 0.4 * y(t - 1, 1);
    y(t, 1) -= 0.4 * y(t - 1, 0);
  }
  const std::vector<DyadName> dyads = {{"A", "B"}, {"B", "A"}, {"A", "C"},
                                       {"C", "A"}, {"B", "C"}, {"C", "B"}};
  Result<VarModel> m = FitVar(y, 1, VarOptions{});
  ASSERT_TRUE(m.ok());
  Result<ReciprocityReport> rep = AnalyzeReciprocity(*m, dyads);
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  ASSERT_EQ(rep->dyads.size(), 6u);
  const DyadReciprocity& ab = rep->dyads[0];
  ASSERT_TRUE(ab.reciprocity.has_value());
  EXPECT_LT(ab.reciprocity->p_value, 1e-6);
  EXPECT_GT(ab.reciprocity_sum, 0.2);
  EXPECT_LT(rep->dyads[1].reciprocity_sum, -0.2);
  EXPECT_LT(ab.routine.p_value, 1e-6);
  EXPECT_NEAR(ab.routine_sum, 0.3, 0.15);
  ASSERT_TRUE(ab.triangularity.has_value());
  EXPECT_EQ(ab.triangular_series, (std::vector<int>{2, 3, 4, 5}));
  EXPECT_EQ(ab.triangularity->df_num, 4);
  // Triangularity equals the statsmodels-style joint Granger test.
  Result<TestResult> joint = TestGrangerCausality(*m, {0}, {2, 3, 4, 5});
  ASSERT_TRUE(joint.ok());
  EXPECT_DOUBLE_EQ(ab.triangularity->statistic, joint->statistic);
  // For A->C the third party is B: A->B, B->A, B->C, C->B.
  EXPECT_EQ(rep->dyads[2].triangular_series, (std::vector<int>{0, 1, 4, 5}));

  std::vector<DyadName> bad = dyads;
  bad[5] = {"C", "C"};
  EXPECT_FALSE(AnalyzeReciprocity(*m, bad).ok());
  bad[5] = {"A", "B"};
  EXPECT_FALSE(AnalyzeReciprocity(*m, bad).ok());
  bad.pop_back();
  EXPECT_FALSE(AnalyzeReciprocity(*m, bad).ok());
}

}  // namespace
}  // namespace trigon::analysis
