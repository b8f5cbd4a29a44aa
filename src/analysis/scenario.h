#pragma once
// Scenario simulation with a fitted VAR: push a sustained change into one
// or more series and project every series forward from the end of the
// sample.  A shock of size s on series j for d periods adds s to equation
// j's innovation in each of the first d forecast periods:
//
//   baseline  y_{T+h} = c + sum_l A_l y_{T+h-l}
//   shocked   y_{T+h} = c + sum_l A_l y_{T+h-l} + sum_shocks s e_j [h <= d]
//
// The effect (shocked - baseline) does not depend on the starting values:
// effect_h = sum over shocked periods q <= h of Phi_{h-q} s e_j (Phi = the
// MA coefficients of irf.h), so a one-period unit shock traces exactly the
// column j of the non-orthogonalised impulse responses.  Bands: percentile
// intervals of the effect over a recursive-design residual bootstrap
// (same resampling as BootstrapIrfBands), seeded.
//
// Thread-safety: pure functions of their arguments.

#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <vector>

#include "analysis/triangle.h"
#include "analysis/var.h"
#include "base/result.h"

namespace trigon::analysis {

struct Shock {
  int series = 0;    // column of the VAR
  double size = 0;   // added to the series' innovation in each period
  int duration = 1;  // periods, counted from the first forecast period
};

struct ScenarioOptions {
  // Forecast periods.  Default 12.  Must be >= 1.
  int horizon = 12;
  // Bootstrap replications for the effect's band; 0 (default) = none,
  // otherwise >= 2.
  int bootstrap = 0;
  std::uint64_t seed = 0;  // of the std::mt19937_64; default 0
  double coverage = 0.95;  // two-sided percentile band; in (0, 1)
};

struct ScenarioResult {
  // horizon x K each; row h is forecast period h + 1 after the sample.
  Eigen::MatrixXd baseline;
  Eigen::MatrixXd shocked;
  Eigen::MatrixXd effect;  // shocked - baseline
  // Band of the effect; empty (0 x 0) without bootstrap.
  Eigen::MatrixXd effect_lower;
  Eigen::MatrixXd effect_upper;
  int replications = 0;  // bootstrap refits used
  int failed = 0;        // refits refused (dropped)
};

// REQUIRES: model built by FitVar.
// Errors (InvalidArgument): horizon < 1, no shocks, a shock with a series
// out of range, a non-finite size or a duration < 1, bootstrap == 1,
// coverage outside (0, 1), fewer than 2 successful bootstrap refits.
Result<ScenarioResult> SimulateScenario(const VarModel& model, const std::vector<Shock>& shocks,
                                        const ScenarioOptions& options);

// Signs of the three undirected dyads implied by a projected path whose six
// columns are the directed dyads in kDirectedDyads order (series.h): for
// pair {X, Y}, s = mean over the rows of (X->Y + Y->X); amity when s >=
// band and s > 0, enmity when s <= -band and s < 0, else neutral (as
// ClassifyTriangle).  REQUIRES: path has 6 columns and >= 1 row.
std::array<Sign, kNumPairs> ProjectedPairSigns(Eigen::Ref<const Eigen::MatrixXd> path, double band,
                                               std::array<double, kNumPairs>* stats);

}  // namespace trigon::analysis
