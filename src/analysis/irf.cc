// Impulse responses, FEVD and bootstrap bands for a VAR.
//
// MA representation: Phi_0 = I, Phi_h = sum_{l=1}^{min(h,p)} Phi_{h-l} A_l
// (Luetkepohl 2005, eq. 2.1.22).  Orthogonalised responses Theta_h = Phi_h P
// with sigma_u = P P'.  Generalised responses: Pesaran & Shin (1998),
// "Generalized impulse response analysis in linear multivariate models",
// Economics Letters 58.  FEVD: share of MSE_h(i, i) = sum_{s<h} (Phi_s
// sigma_u Phi_s')(i, i) due to shock j = sum_{s<h} Theta_s(i, j)^2 / MSE_h.
// Bootstrap: recursive-design residual bootstrap with percentile intervals
// (Kilian & Luetkepohl 2017, "Structural VAR Analysis", ch. 12).

#include "analysis/irf.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "analysis/residual_bootstrap.h"

namespace trigon::analysis {
namespace {

std::vector<Eigen::MatrixXd> MaCoefficients(const VarModel& m, int horizon) {
  std::vector<Eigen::MatrixXd> phi;
  phi.push_back(Eigen::MatrixXd::Identity(m.k, m.k));
  for (int h = 1; h <= horizon; ++h) {
    Eigen::MatrixXd acc = Eigen::MatrixXd::Zero(m.k, m.k);
    for (int l = 1; l <= std::min(h, m.p); ++l) {
      acc.noalias() += phi[h - l] * m.coefs[l - 1];
    }
    phi.push_back(std::move(acc));
  }
  return phi;
}

Eigen::MatrixXd CholeskyLower(const Eigen::MatrixXd& sigma) {
  // sigma_u is positive definite by construction (FitVar checks it).
  return Eigen::LLT<Eigen::MatrixXd>(sigma).matrixL();
}

std::vector<Eigen::MatrixXd> Responses(const VarModel& m, int horizon,
                                       IrfKind kind) {
  std::vector<Eigen::MatrixXd> phi = MaCoefficients(m, horizon);
  if (kind == IrfKind::kMa) return phi;
  Eigen::MatrixXd impact;
  if (kind == IrfKind::kOrthogonal) {
    impact = CholeskyLower(m.sigma_u);
  } else {
    impact = m.sigma_u *
             m.sigma_u.diagonal().cwiseSqrt().cwiseInverse().asDiagonal();
  }
  for (Eigen::MatrixXd& x : phi) x = x * impact;
  return phi;
}

// numpy.percentile's default (linear) on a sorted vector.
double Quantile(const std::vector<double>& sorted, double q) {
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  const double frac = pos - static_cast<double>(lo);
  return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

}  // namespace

Result<ImpulseResponses> ComputeImpulseResponses(const VarModel& model,
                                                 int horizon) {
  if (horizon < 0) {
    return Status::InvalidArgument("impulse response horizon must be >= 0");
  }
  ImpulseResponses r;
  r.ma = Responses(model, horizon, IrfKind::kMa);
  r.orthogonal = Responses(model, horizon, IrfKind::kOrthogonal);
  r.generalized = Responses(model, horizon, IrfKind::kGeneralized);
  return r;
}

std::vector<Eigen::MatrixXd> CumulativeResponses(
    const std::vector<Eigen::MatrixXd>& responses) {
  std::vector<Eigen::MatrixXd> out = responses;
  for (size_t h = 1; h < out.size(); ++h) out[h] += out[h - 1];
  return out;
}

Result<std::vector<Eigen::MatrixXd>> ForecastErrorVarianceDecomposition(
    const VarModel& model, int periods) {
  if (periods < 1) {
    return Status::InvalidArgument("FEVD needs periods >= 1");
  }
  const int k = model.k;
  const std::vector<Eigen::MatrixXd> theta =
      Responses(model, periods - 1, IrfKind::kOrthogonal);
  std::vector<Eigen::MatrixXd> out(k, Eigen::MatrixXd(periods, k));
  Eigen::MatrixXd cum = Eigen::MatrixXd::Zero(k, k);
  for (int h = 0; h < periods; ++h) {
    cum += theta[h].cwiseAbs2();
    // MSE_h(i, i) = sum_j cum(i, j) since Theta Theta' = Phi sigma_u Phi';
    // it is >= sigma_u(i, i) > 0.
    const Eigen::VectorXd mse = cum.rowwise().sum();
    for (int i = 0; i < k; ++i) out[i].row(h) = cum.row(i) / mse(i);
  }
  return out;
}

Result<IrfBands> BootstrapIrfBands(const VarModel& model, int horizon,
                                   const BootstrapOptions& options) {
  if (horizon < 0) {
    return Status::InvalidArgument("impulse response horizon must be >= 0");
  }
  if (options.repetitions < 2) {
    return Status::InvalidArgument("bootstrap needs repetitions >= 2");
  }
  if (!(options.coverage > 0.0 && options.coverage < 1.0)) {
    return Status::InvalidArgument("bootstrap coverage must be in (0, 1)");
  }
  const int k = model.k;
  const int p = model.p;
  ResidualBootstrap bootstrap(model, options.seed);
  VarOptions fit_options;
  fit_options.names = model.names;

  // draws[h * k * k + j * k + i] holds the replications of element (i, j).
  const size_t cells = static_cast<size_t>(horizon + 1) * k * k;
  std::vector<std::vector<double>> draws(cells);
  IrfBands bands;
  Eigen::MatrixXd ys;
  for (int rep = 0; rep < options.repetitions; ++rep) {
    bootstrap.Draw(ys);
    Result<VarModel> fit = FitVar(ys, p, fit_options);
    if (!fit.ok()) {
      ++bands.failed;
      continue;
    }
    std::vector<Eigen::MatrixXd> resp = Responses(*fit, horizon, options.kind);
    if (options.cumulative) resp = CumulativeResponses(resp);
    ++bands.replications;
    for (int h = 0; h <= horizon; ++h) {
      for (int j = 0; j < k; ++j) {
        for (int i = 0; i < k; ++i) {
          draws[(static_cast<size_t>(h) * k + j) * k + i].push_back(
              resp[h](i, j));
        }
      }
    }
  }
  if (bands.replications < 2) {
    return Status::InvalidArgument(
        "bootstrap: fewer than 2 replications could be refitted (" +
        std::to_string(bands.failed) + " refused)");
  }
  const double alpha = (1.0 - options.coverage) / 2.0;
  bands.lower.assign(horizon + 1, Eigen::MatrixXd(k, k));
  bands.upper.assign(horizon + 1, Eigen::MatrixXd(k, k));
  for (int h = 0; h <= horizon; ++h) {
    for (int j = 0; j < k; ++j) {
      for (int i = 0; i < k; ++i) {
        std::vector<double>& d =
            draws[(static_cast<size_t>(h) * k + j) * k + i];
        std::sort(d.begin(), d.end());
        bands.lower[h](i, j) = Quantile(d, alpha);
        bands.upper[h](i, j) = Quantile(d, 1.0 - alpha);
      }
    }
  }
  return bands;
}

}  // namespace trigon::analysis
