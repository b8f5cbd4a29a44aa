// Scenario projection with a VAR: deterministic recursive forecasts with
// and without added innovations (Luetkepohl 2005, sec. 2.2.2 forecasting and
// 2.3.2 impulse responses as forecast revisions), and a recursive-design
// residual bootstrap for the effect (Kilian & Luetkepohl 2017, ch. 12).

#include "analysis/scenario.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "analysis/residual_bootstrap.h"
#include "analysis/series.h"

namespace trigon::analysis {
namespace {

// Forecast of `horizon` periods after the sample of `y`, with `extra`
// (horizon x K) added to the innovations.
Eigen::MatrixXd Project(const VarModel& m, const Eigen::MatrixXd& y, const Eigen::MatrixXd& extra) {
  const int horizon = static_cast<int>(extra.rows());
  const auto total = static_cast<int>(y.rows());
  Eigen::MatrixXd path(horizon, m.k);
  for (int h = 0; h < horizon; ++h) {
    Eigen::VectorXd v = m.intercept + extra.row(h).transpose();
    for (int l = 1; l <= m.p; ++l) {
      const int back = h - l;  // forecast row, or the sample when negative
      if (back >= 0) {
        v.noalias() += m.coefs[l - 1] * path.row(back).transpose();
      } else {
        v.noalias() += m.coefs[l - 1] * y.row(total + back).transpose();
      }
    }
    path.row(h) = v.transpose();
  }
  return path;
}

double Quantile(std::vector<double>& v, double q) {
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  const double frac = pos - static_cast<double>(lo);
  return v[lo] + frac * (v[hi] - v[lo]);
}

}  // namespace

Result<ScenarioResult> SimulateScenario(const VarModel& model, const std::vector<Shock>& shocks,
                                        const ScenarioOptions& options) {
  if (options.horizon < 1) return Status::InvalidArgument("scenario horizon must be >= 1");
  if (shocks.empty()) return Status::InvalidArgument("scenario needs at least one shock");
  if (options.bootstrap == 1 || options.bootstrap < 0) {
    return Status::InvalidArgument("scenario bootstrap needs 0 or >= 2 replications");
  }
  if (!(options.coverage > 0.0 && options.coverage < 1.0)) {
    return Status::InvalidArgument("scenario coverage must be in (0, 1)");
  }
  Eigen::MatrixXd extra = Eigen::MatrixXd::Zero(options.horizon, model.k);
  for (const Shock& s : shocks) {
    if (s.series < 0 || s.series >= model.k) {
      return Status::InvalidArgument("shock on series " + std::to_string(s.series) +
                                     ": out of range");
    }
    if (!std::isfinite(s.size)) return Status::InvalidArgument("shock size is not finite");
    if (s.duration < 1) return Status::InvalidArgument("shock duration must be >= 1");
    for (int h = 0; h < std::min(s.duration, options.horizon); ++h) {
      extra(h, s.series) += s.size;
    }
  }
  const Eigen::MatrixXd none = Eigen::MatrixXd::Zero(options.horizon, model.k);
  ScenarioResult r;
  r.baseline = Project(model, model.y, none);
  r.shocked = Project(model, model.y, extra);
  r.effect = r.shocked - r.baseline;
  if (options.bootstrap == 0) return r;

  const int k = model.k;
  const int p = model.p;
  ResidualBootstrap bootstrap(model, options.seed);
  VarOptions fit_options;
  fit_options.names = model.names;
  std::vector<std::vector<double>> draws(static_cast<size_t>(options.horizon) * k);
  Eigen::MatrixXd ys;
  for (int rep = 0; rep < options.bootstrap; ++rep) {
    bootstrap.Draw(ys);
    Result<VarModel> fit = FitVar(ys, p, fit_options);
    if (!fit.ok()) {
      ++r.failed;
      continue;
    }
    // The effect does not depend on the starting values; use the data's.
    const Eigen::MatrixXd effect = Project(*fit, model.y, extra) - Project(*fit, model.y, none);
    ++r.replications;
    for (int h = 0; h < options.horizon; ++h) {
      for (int i = 0; i < k; ++i) {
        draws[static_cast<size_t>(h) * k + i].push_back(effect(h, i));
      }
    }
  }
  if (r.replications < 2) {
    return Status::InvalidArgument(
        "scenario bootstrap: fewer than 2 replications could be "
        "refitted (" +
        std::to_string(r.failed) + " refused)");
  }
  const double alpha = (1.0 - options.coverage) / 2.0;
  r.effect_lower.resize(options.horizon, k);
  r.effect_upper.resize(options.horizon, k);
  for (int h = 0; h < options.horizon; ++h) {
    for (int i = 0; i < k; ++i) {
      std::vector<double>& d = draws[static_cast<size_t>(h) * k + i];
      r.effect_lower(h, i) = Quantile(d, alpha);
      r.effect_upper(h, i) = Quantile(d, 1.0 - alpha);
    }
  }
  return r;
}

std::array<Sign, kNumPairs> ProjectedPairSigns(Eigen::Ref<const Eigen::MatrixXd> path, double band,
                                               std::array<double, kNumPairs>* stats) {
  std::array<Sign, kNumPairs> signs{};
  const Eigen::RowVectorXd means = path.colwise().mean();
  for (int pair = 0; pair < kNumPairs; ++pair) {
    const auto& xy = kPairs[static_cast<size_t>(pair)];
    const double s =
        means(DirectedDyadIndex(xy[0], xy[1])) + means(DirectedDyadIndex(xy[1], xy[0]));
    if (stats != nullptr) (*stats)[static_cast<size_t>(pair)] = s;
    signs[static_cast<size_t>(pair)] = s >= band && s > 0    ? Sign::kAmity
                                       : s <= -band && s < 0 ? Sign::kEnmity
                                                             : Sign::kNeutral;
  }
  return signs;
}

}  // namespace trigon::analysis
