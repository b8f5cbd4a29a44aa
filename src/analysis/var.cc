// VAR(p) estimation by least squares, after Luetkepohl, "New Introduction to
// Multiple Time Series Analysis" (2005), ch. 3-4, and statsmodels'
// tsa.vector_ar.var_model, whose conventions we reproduce exactly:
//
//   Z       rows t = p..T-1: [1, y_{t-1}', ..., y_{t-p}']   (nobs x (1+Kp))
//   B       = argmin |Y - Z B|, one QR of Z solved for all K columns of Y
//   sigma_u = U'U / (nobs - Kp - 1);   sigma_u_mle = U'U / nobs
//   Var(vec(B')) = kron((Z'Z)^-1, sigma_u)
//   AIC  = ln|sigma_u_mle| + 2 n / nobs,  BIC uses ln(nobs), HQIC
//          2 ln ln(nobs); n = p K^2 + K free parameters;
//   FPE  = ((nobs + Kp + 1) / df_resid)^K |sigma_u_mle|
//
// Preconditions are checked up front so that no NaN can leave this file.

#include "analysis/var.h"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "analysis/stats.h"

namespace trigon::analysis {
namespace {

// Pivots of the QR below this fraction of the largest one count as zero:
// the regressors are then collinear to working precision.
constexpr double kRankTolerance = 1e-10;
// sigma_u counts as singular when its smallest eigenvalue is below this
// fraction of the largest.
constexpr double kCovarianceTolerance = 1e-12;

Status ValidateInput(const Eigen::Ref<const Eigen::MatrixXd>& y, int lags,
                     const VarOptions& options,
                     std::vector<std::string>* names) {
  const int k = static_cast<int>(y.cols());
  if (y.rows() == 0 || k == 0) {
    return Status::InvalidArgument("VAR input is empty");
  }
  if (lags < 0) {
    return Status::InvalidArgument("VAR lag order must be >= 0, got " +
                                   std::to_string(lags));
  }
  if (options.names.empty()) {
    names->clear();
    for (int j = 0; j < k; ++j) names->push_back("y" + std::to_string(j));
  } else {
    if (static_cast<int>(options.names.size()) != k) {
      return Status::InvalidArgument(
          "VAR input has " + std::to_string(k) + " series but " +
          std::to_string(options.names.size()) + " names");
    }
    std::set<std::string> seen;
    for (const std::string& n : options.names) {
      if (!seen.insert(n).second) {
        return Status::InvalidArgument("series name '" + n + "' appears twice");
      }
    }
    *names = options.names;
  }
  for (int j = 0; j < k; ++j) {
    for (Eigen::Index t = 0; t < y.rows(); ++t) {
      if (!std::isfinite(y(t, j))) {
        return Status::InvalidArgument(
            "series '" + (*names)[j] + "' has a non-finite value (" +
            std::to_string(y(t, j)) + ") at period " + std::to_string(t));
      }
    }
  }
  const Eigen::Index nobs = y.rows() - lags;
  const Eigen::Index nparams = static_cast<Eigen::Index>(k) * lags + 1;
  if (nobs <= nparams) {
    return Status::InvalidArgument(
        "too few periods for a VAR(" + std::to_string(lags) + ") of " +
        std::to_string(k) + " series: " + std::to_string(y.rows()) +
        " periods leave " + std::to_string(std::max<Eigen::Index>(nobs, 0)) +
        " observations for " + std::to_string(nparams) +
        " coefficients per equation; need more than that");
  }
  if (nobs - nparams < k) {
    // The residuals live in the (nobs - nparams)-dimensional complement of
    // the regressors, so their K x K covariance would be singular.
    return Status::InvalidArgument(
        "too few periods for a VAR(" + std::to_string(lags) + ") of " +
        std::to_string(k) + " series: " + std::to_string(nobs - nparams) +
        " residual degrees of freedom cannot identify a " + std::to_string(k) +
        " x " + std::to_string(k) + " residual covariance (need " +
        std::to_string(nparams + k + lags) + " periods)");
  }
  for (int j = 0; j < k; ++j) {
    if ((y.col(j).array() == y(0, j)).all()) {
      return Status::InvalidArgument(
          "series '" + (*names)[j] +
          "' is constant over the sample; its equation cannot be estimated");
    }
  }
  return Status::OK();
}

std::string RegressorName(int column, int k,
                          const std::vector<std::string>& names) {
  if (column == 0) return "the constant";
  const int lag = (column - 1) / k + 1;
  return "lag " + std::to_string(lag) + " of series '" +
         names[(column - 1) % k] + "'";
}

// Fits on already validated input.
Result<VarModel> FitValidated(const Eigen::Ref<const Eigen::MatrixXd>& y,
                              int lags, std::vector<std::string> names) {
  const int k = static_cast<int>(y.cols());
  const int nobs = static_cast<int>(y.rows()) - lags;
  const int nreg = 1 + k * lags;

  Eigen::MatrixXd z(nobs, nreg);
  z.col(0).setOnes();
  for (int l = 0; l < lags; ++l) {
    z.middleCols(1 + l * k, k) = y.middleRows(lags - l - 1, nobs);
  }
  const Eigen::MatrixXd ys = y.bottomRows(nobs);

  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(z);
  qr.setThreshold(kRankTolerance);
  if (qr.rank() < nreg) {
    // Columns past the rank in the pivot order are the dependent ones.
    const int bad = static_cast<int>(qr.colsPermutation().indices()(nreg - 1));
    return Status::InvalidArgument(
        "the VAR regressors are collinear (rank " + std::to_string(qr.rank()) +
        " of " + std::to_string(nreg) + "): " + RegressorName(bad, k, names) +
        " is a linear combination of the others (duplicate, constant or "
        "linearly dependent series?)");
  }

  VarModel m;
  m.k = k;
  m.p = lags;
  m.nobs = nobs;
  m.df_resid = nobs - nreg;
  m.names = std::move(names);
  m.y = y;
  m.params = qr.solve(ys);
  m.resid = ys - z * m.params;

  // (Z'Z)^-1 = P R^-1 R^-T P' from the same factorisation.
  const Eigen::MatrixXd r =
      qr.matrixR().topLeftCorner(nreg, nreg).triangularView<Eigen::Upper>();
  const Eigen::MatrixXd r_inv = r.triangularView<Eigen::Upper>().solve(
      Eigen::MatrixXd::Identity(nreg, nreg));
  const Eigen::MatrixXd rr = r_inv * r_inv.transpose();
  const auto& perm = qr.colsPermutation();
  m.zz_inv = perm * rr * perm.transpose();

  const Eigen::MatrixXd sse = m.resid.transpose() * m.resid;
  m.sigma_u = sse / static_cast<double>(m.df_resid);
  m.sigma_u_mle = sse / static_cast<double>(nobs);

  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(m.sigma_u,
                                                     Eigen::EigenvaluesOnly);
  const double max_eig = eig.eigenvalues().maxCoeff();
  if (!(max_eig > 0) ||
      eig.eigenvalues().minCoeff() <= kCovarianceTolerance * max_eig) {
    return Status::InvalidArgument(
        "the VAR residual covariance is not positive definite: some series "
        "is (nearly) an exact linear function of the lagged series; drop "
        "it or reduce the lag order");
  }

  m.intercept = m.params.row(0).transpose();
  for (int l = 0; l < lags; ++l) {
    m.coefs.push_back(m.params.middleRows(1 + l * k, k).transpose());
  }

  m.stderrs.resize(nreg, k);
  m.tvalues.resize(nreg, k);
  m.pvalues.resize(nreg, k);
  for (int r_i = 0; r_i < nreg; ++r_i) {
    for (int e = 0; e < k; ++e) {
      const double se = std::sqrt(m.zz_inv(r_i, r_i) * m.sigma_u(e, e));
      m.stderrs(r_i, e) = se;
      m.tvalues(r_i, e) = m.params(r_i, e) / se;
      TRIGON_ASSIGN_OR_RETURN(m.pvalues(r_i, e),
                              NormalTwoSided(m.tvalues(r_i, e)));
    }
  }

  const Eigen::LLT<Eigen::MatrixXd> llt(m.sigma_u_mle);
  const double logdet =
      2.0 * llt.matrixL().toDenseMatrix().diagonal().array().log().sum();
  const double n = static_cast<double>(nobs);
  const double free_params = static_cast<double>(lags) * k * k + k;
  m.ic.aic = logdet + 2.0 / n * free_params;
  m.ic.bic = logdet + std::log(n) / n * free_params;
  m.ic.hqic = logdet + 2.0 * std::log(std::log(n)) / n * free_params;
  m.ic.fpe = std::pow((n + nreg) / m.df_resid, k) * std::exp(logdet);
  for (double v : {m.ic.aic, m.ic.bic, m.ic.hqic, m.ic.fpe}) {
    if (!std::isfinite(v)) {
      return Status::InvalidArgument(
          "VAR information criteria are not finite (sample too short or "
          "data too extreme)");
    }
  }
  return m;
}

int ArgMin(const std::vector<double>& v) {
  return static_cast<int>(std::min_element(v.begin(), v.end()) - v.begin());
}

Status CheckIndices(const VarModel& model, const std::vector<int>& idx,
                    const char* what) {
  if (idx.empty()) {
    return Status::InvalidArgument(std::string(what) + " list is empty");
  }
  std::set<int> seen;
  for (int i : idx) {
    if (i < 0 || i >= model.k) {
      return Status::InvalidArgument(std::string(what) + " index " +
                                     std::to_string(i) + " is out of range");
    }
    if (!seen.insert(i).second) {
      return Status::InvalidArgument(std::string(what) + " series '" +
                                     model.names[i] + "' is repeated");
    }
  }
  return Status::OK();
}

}  // namespace

Result<VarModel> FitVar(Eigen::Ref<const Eigen::MatrixXd> y, int lags,
                        const VarOptions& options) {
  std::vector<std::string> names;
  TRIGON_RETURN_IF_ERROR(ValidateInput(y, lags, options, &names));
  return FitValidated(y, lags, std::move(names));
}

Result<LagOrderSelection> SelectVarOrder(Eigen::Ref<const Eigen::MatrixXd> y,
                                         int maxlags,
                                         const VarOptions& options) {
  std::vector<std::string> names;
  TRIGON_RETURN_IF_ERROR(ValidateInput(y, maxlags, options, &names));
  LagOrderSelection sel;
  for (int p = 0; p <= maxlags; ++p) {
    // Drop maxlags - p leading rows so every order sees the same sample.
    const Eigen::Index offset = maxlags - p;
    TRIGON_ASSIGN_OR_RETURN(
        VarModel m, FitValidated(y.bottomRows(y.rows() - offset), p, names));
    sel.aic.push_back(m.ic.aic);
    sel.bic.push_back(m.ic.bic);
    sel.hqic.push_back(m.ic.hqic);
    sel.fpe.push_back(m.ic.fpe);
  }
  sel.aic_order = ArgMin(sel.aic);
  sel.bic_order = ArgMin(sel.bic);
  sel.hqic_order = ArgMin(sel.hqic);
  sel.fpe_order = ArgMin(sel.fpe);
  return sel;
}

Eigen::VectorXd CompanionEigenvalueModuli(const VarModel& model) {
  const int k = model.k;
  const int kp = k * model.p;
  if (kp == 0) return Eigen::VectorXd();
  Eigen::MatrixXd companion = Eigen::MatrixXd::Zero(kp, kp);
  for (int l = 0; l < model.p; ++l) {
    companion.block(0, l * k, k, k) = model.coefs[l];
  }
  if (model.p > 1) {
    companion.bottomLeftCorner(kp - k, kp - k).setIdentity();
  }
  Eigen::EigenSolver<Eigen::MatrixXd> es(companion, false);
  Eigen::VectorXd moduli = es.eigenvalues().cwiseAbs();
  std::sort(moduli.data(), moduli.data() + moduli.size(),
            [](double a, double b) { return a > b; });
  return moduli;
}

bool IsStable(const VarModel& model) {
  const Eigen::VectorXd moduli = CompanionEigenvalueModuli(model);
  return moduli.size() == 0 || moduli(0) < 1.0;
}

Result<TestResult> TestGrangerCausality(const VarModel& model,
                                        const std::vector<int>& caused,
                                        const std::vector<int>& causing) {
  if (model.p == 0) {
    return Status::InvalidArgument(
        "Granger causality needs a VAR with at least one lag");
  }
  TRIGON_RETURN_IF_ERROR(CheckIndices(model, caused, "caused"));
  TRIGON_RETURN_IF_ERROR(CheckIndices(model, causing, "causing"));
  const int k = model.k;
  // Restricted coefficients as (regressor row, equation) of params.
  std::vector<std::pair<int, int>> restr;
  for (int l = 0; l < model.p; ++l) {
    for (int j : causing) {
      for (int i : caused) restr.emplace_back(1 + l * k + j, i);
    }
  }
  const int q = static_cast<int>(restr.size());
  Eigen::VectorXd b(q);
  Eigen::MatrixXd cov(q, q);
  for (int a = 0; a < q; ++a) {
    b(a) = model.params(restr[a].first, restr[a].second);
    for (int c = 0; c < q; ++c) {
      cov(a, c) = model.zz_inv(restr[a].first, restr[c].first) *
                  model.sigma_u(restr[a].second, restr[c].second);
    }
  }
  // cov is a principal submatrix of a positive definite Kronecker product.
  const Eigen::LLT<Eigen::MatrixXd> llt(cov);
  if (llt.info() != Eigen::Success) {
    return Status::InvalidArgument(
        "Granger test: covariance of the restricted coefficients is not "
        "positive definite");
  }
  const Eigen::VectorXd w = llt.solve(b);
  TestResult res;
  res.statistic = b.dot(w) / q;
  res.df_num = q;
  res.df_den = static_cast<double>(k) * model.df_resid;
  TRIGON_ASSIGN_OR_RETURN(res.p_value,
                          FSurvival(res.statistic, res.df_num, res.df_den));
  return res;
}

Result<TestResult> TestInstantaneousCausality(const VarModel& model,
                                              const std::vector<int>& causing) {
  TRIGON_RETURN_IF_ERROR(CheckIndices(model, causing, "causing"));
  const int k = model.k;
  if (static_cast<int>(causing.size()) >= k) {
    return Status::InvalidArgument(
        "instantaneous causality: causing series cover all series");
  }
  std::vector<bool> is_causing(k, false);
  for (int i : causing) is_causing[i] = true;

  // vech index of (row, col), row >= col, column-major lower triangle.
  const int nvech = k * (k + 1) / 2;
  auto vech_index = [k](int row, int col) {
    return col * k - col * (col - 1) / 2 + (row - col);
  };
  // Duplication matrix D: vec(A) = D vech(A); D+ = (D'D)^-1 D'.
  Eigen::MatrixXd dup = Eigen::MatrixXd::Zero(k * k, nvech);
  for (int col = 0; col < k; ++col) {
    for (int row = 0; row < k; ++row) {
      dup(col * k + row, vech_index(std::max(row, col), std::min(row, col))) =
          1.0;
    }
  }
  const Eigen::MatrixXd dtd = dup.transpose() * dup;  // diagonal
  const Eigen::MatrixXd dplus =
      dtd.diagonal().cwiseInverse().asDiagonal() * dup.transpose();

  std::vector<int> rows;  // restricted vech positions, in vech order
  for (int col = 0; col < k; ++col) {
    for (int row = col + 1; row < k; ++row) {
      if (is_causing[row] != is_causing[col]) {
        rows.push_back(vech_index(row, col));
      }
    }
  }
  const int q = static_cast<int>(rows.size());
  Eigen::VectorXd cs(q);
  Eigen::MatrixXd cd(q, k * k);
  for (int a = 0; a < q; ++a) {
    cd.row(a) = dplus.row(rows[a]);
  }
  for (int col = 0, a = 0; col < k; ++col) {
    for (int row = col + 1; row < k; ++row) {
      if (is_causing[row] != is_causing[col]) cs(a++) = model.sigma_u(row, col);
    }
  }
  Eigen::MatrixXd kron(k * k, k * k);
  for (int i = 0; i < k; ++i) {
    for (int j = 0; j < k; ++j) {
      kron.block(i * k, j * k, k, k) = model.sigma_u(i, j) * model.sigma_u;
    }
  }
  const Eigen::MatrixXd middle = 2.0 * cd * kron * cd.transpose();
  const Eigen::LLT<Eigen::MatrixXd> llt(middle);
  if (llt.info() != Eigen::Success) {
    return Status::InvalidArgument(
        "instantaneous causality: covariance matrix is not positive "
        "definite");
  }
  TestResult res;
  res.statistic = model.nobs * cs.dot(llt.solve(cs));
  res.df_num = q;
  res.df_den = 0;
  TRIGON_ASSIGN_OR_RETURN(res.p_value,
                          ChiSquareSurvival(res.statistic, res.df_num));
  return res;
}

}  // namespace trigon::analysis
