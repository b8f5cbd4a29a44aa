#pragma once
// Vector autoregression, VAR(p) with a constant, estimated by OLS equation by
// equation -- the model of Goldstein & Freeman's "Three-Way Street" (1990).
// Numerically it follows statsmodels' VAR (trend "c") so results can be
// checked against it: same layout of the coefficient matrix, the same
// degrees-of-freedom correction, information criteria, lag-order selection
// and Granger/instantaneous causality tests.
//
//   y_t = c + A_1 y_{t-1} + ... + A_p y_{t-p} + u_t,   E u u' = Sigma_u
//
// Input is a T x K matrix, one row per period and one column per series.
// Everything here is a pure function of its arguments; a VarModel is a plain
// value and may be shared between threads once built.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "base/result.h"

namespace trigon::analysis {

struct VarOptions {
  // Names of the K series in column order, used in error messages and
  // reports.  Empty (the default): "y0", "y1", ...  Otherwise exactly K
  // distinct names.
  std::vector<std::string> names;
};

// Information criteria of a fit (Luetkepohl 2005, sec. 4.3; statsmodels
// `info_criteria`), computed from the ML residual covariance.
struct InfoCriteria {
  double aic = 0;
  double bic = 0;
  double hqic = 0;
  double fpe = 0;
};

// A fitted VAR.  Produced only by FitVar, which guarantees that every number
// is finite, Z'Z is invertible and sigma_u is positive definite.
struct VarModel {
  int k = 0;         // number of series
  int p = 0;         // lag order
  int nobs = 0;      // effective sample T - p (rows of resid)
  int df_resid = 0;  // nobs - (K p + 1)
  std::vector<std::string> names;

  // (1 + K p) x K, statsmodels layout: row 0 is the constant, row
  // 1 + l K + j is lag l + 1 of series j; column i is the equation of series i.
  Eigen::MatrixXd params;
  Eigen::MatrixXd stderrs;  // same layout; sqrt(diag(kron((Z'Z)^-1, sigma_u)))
  Eigen::MatrixXd tvalues;  // params / stderrs
  Eigen::MatrixXd pvalues;  // two-sided, standard normal (as statsmodels)

  Eigen::VectorXd intercept;           // K
  std::vector<Eigen::MatrixXd> coefs;  // p matrices K x K: coefs[l](i, j) is
                                       // the effect of y_j(t-l-1) on y_i(t)

  Eigen::MatrixXd resid;        // nobs x K
  Eigen::MatrixXd sigma_u;      // resid' resid / df_resid
  Eigen::MatrixXd sigma_u_mle;  // resid' resid / nobs
  Eigen::MatrixXd zz_inv;       // (Z'Z)^-1, (1 + K p) square
  InfoCriteria ic;

  Eigen::MatrixXd y;  // the estimation sample, T x K (used by the bootstrap)
};

// Fits VAR(lags) with a constant to `y` (T x K) by OLS: one column-pivoting
// QR of the regressor matrix Z, shared by all K equations.
// Errors (InvalidArgument, message names the series or the problem):
//   empty input, lags < 0, names not K distinct strings, a NaN or infinite
//   value, too few periods (T - lags <= K lags + 1), a series that is
//   constant over the sample, collinear regressors (e.g. duplicate series),
//   a residual covariance that is not positive definite.
Result<VarModel> FitVar(Eigen::Ref<const Eigen::MatrixXd> y, int lags,
                        const VarOptions& options);

// Information criteria for p = 0..maxlags, all fitted on the same sample,
// the last T - maxlags rows (statsmodels `VAR.select_order`).  Index = p.
struct LagOrderSelection {
  std::vector<double> aic, bic, hqic, fpe;
  int aic_order = 0, bic_order = 0, hqic_order = 0, fpe_order = 0;
};

// Errors: as FitVar for the largest model; maxlags < 0.
Result<LagOrderSelection> SelectVarOrder(Eigen::Ref<const Eigen::MatrixXd> y,
                                         int maxlags,
                                         const VarOptions& options);

// Moduli of the eigenvalues of the Kp x Kp companion matrix, largest first.
// Empty for p = 0.
Eigen::VectorXd CompanionEigenvalueModuli(const VarModel& model);

// True when every companion eigenvalue lies strictly inside the unit circle.
bool IsStable(const VarModel& model);

// Result of a Wald-type test.  For F tests df_den > 0; for chi-square tests
// df_den == 0.
struct TestResult {
  double statistic = 0;
  double df_num = 0;
  double df_den = 0;
  double p_value = 1;
};

// Granger causality, statsmodels `test_causality(caused, causing, kind='f')`:
// H0 all lags of the `causing` series have zero coefficients in the
// equations of the `caused` series.  F = Wald / q with q = |caused| |causing|
// p restrictions and df (q, K df_resid).  Passing the same series as caused
// and causing tests the exclusion of its own lags.
// Errors: InvalidArgument if p == 0, either list is empty, an index is out
// of range or repeated.
Result<TestResult> TestGrangerCausality(const VarModel& model,
                                        const std::vector<int>& caused,
                                        const std::vector<int>& causing);

// Instantaneous causality (Luetkepohl 2005, sec. 3.6.3): H0 the residual
// covariances between `causing` and every other series are zero.  Wald
// statistic, chi-square with |causing| (K - |causing|) df.  Matches
// statsmodels `test_inst_causality` (which is only correct there for a single
// causing series).
// Errors: InvalidArgument if `causing` is empty, covers all series, or holds
// an out-of-range or repeated index.
Result<TestResult> TestInstantaneousCausality(const VarModel& model,
                                              const std::vector<int>& causing);

}  // namespace trigon::analysis
