#pragma once
// Impulse responses and forecast-error variance decomposition of a fitted
// VAR (Luetkepohl 2005, sec. 2.3 and 3.7; statsmodels `irf()` and `fevd()`),
// plus residual-bootstrap confidence bands.
//
// A response array is a std::vector of horizon + 1 matrices K x K; element
// [h](i, j) is the response of series i, h periods after a shock to series j.
// All functions are pure; thread-safe on a shared const VarModel.

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "analysis/var.h"
#include "base/result.h"

namespace trigon::analysis {

struct ImpulseResponses {
  // MA coefficients Phi_h: Phi_0 = I, Phi_h = sum_{l=1..min(h,p)}
  // Phi_{h-l} A_l (statsmodels `irf().irfs`): response to a unit shock.
  std::vector<Eigen::MatrixXd> ma;
  // Phi_h P with P the lower Cholesky factor of sigma_u (statsmodels
  // `orth_irfs`): response to a one-s.d. orthogonalised shock; depends on
  // the column order.
  std::vector<Eigen::MatrixXd> orthogonal;
  // Generalised responses (Pesaran & Shin 1998): column j is
  // Phi_h sigma_u e_j / sqrt(sigma_jj); independent of the ordering.
  std::vector<Eigen::MatrixXd> generalized;
};

// REQUIRES: model built by FitVar.
// Errors: InvalidArgument if horizon < 0.
Result<ImpulseResponses> ComputeImpulseResponses(const VarModel& model,
                                                 int horizon);

// Running sums over the horizon (statsmodels `cum_effects`,
// `orth_cum_effects`): out[h] = sum_{s<=h} in[s].
std::vector<Eigen::MatrixXd> CumulativeResponses(
    const std::vector<Eigen::MatrixXd>& responses);

// Forecast-error variance decomposition (statsmodels `fevd(periods).decomp`):
// result[i] is a periods x K matrix whose row h (forecast horizon h + 1)
// gives the shares of series i's forecast-error variance due to each
// orthogonalised shock; each row sums to 1.
// Errors: InvalidArgument if periods < 1.
Result<std::vector<Eigen::MatrixXd>> ForecastErrorVarianceDecomposition(
    const VarModel& model, int periods);

enum class IrfKind { kMa, kOrthogonal, kGeneralized };

struct BootstrapOptions {
  // Number of bootstrap replications.  Default 1000.  Must be >= 2.
  int repetitions = 1000;
  // Seed of the std::mt19937_64 that draws residuals.  Default 0; equal
  // seeds give identical bands.
  std::uint64_t seed = 0;
  // Two-sided coverage of the percentile band.  Default 0.95.
  double coverage = 0.95;
  IrfKind kind = IrfKind::kOrthogonal;  // default: orthogonalised
  bool cumulative = false;              // default: per-period responses
};

// Percentile bands from a residual bootstrap: each replication rebuilds a
// series of the original length recursively from the fitted coefficients,
// the first p observed rows as initial values and residuals resampled with
// replacement (after centring), refits VAR(p) and recomputes the responses.
// Bands are the (1 -/+ coverage)/2 quantiles (linear interpolation, as
// numpy.percentile).  This differs from statsmodels' `irf_errband_mc`,
// which draws Gaussian innovations instead of resampling residuals.
struct IrfBands {
  std::vector<Eigen::MatrixXd> lower;
  std::vector<Eigen::MatrixXd> upper;
  int replications = 0;  // successful refits used
  int failed = 0;        // replications whose refit was refused (dropped)
};

// Errors: InvalidArgument for horizon < 0, repetitions < 2, coverage not in
// (0, 1), or when fewer than 2 replications could be refitted.
Result<IrfBands> BootstrapIrfBands(const VarModel& model, int horizon,
                                   const BootstrapOptions& options);

}  // namespace trigon::analysis
