#include "analysis/residual_bootstrap.h"

namespace trigon::analysis {

ResidualBootstrap::ResidualBootstrap(const VarModel& model, std::uint64_t seed)
    : model_(model),
      centred_(model.resid.rowwise() - model.resid.colwise().mean()),
      rng_(seed),
      pick_(0, model.nobs - 1) {}

void ResidualBootstrap::Draw(Eigen::MatrixXd& ys) {
  const auto total = static_cast<int>(model_.y.rows());
  const int p = model_.p;
  ys.resize(total, model_.k);
  ys.topRows(p) = model_.y.topRows(p);
  for (int t = p; t < total; ++t) {
    Eigen::VectorXd v = model_.intercept + centred_.row(pick_(rng_)).transpose();
    for (int l = 0; l < p; ++l) {
      v.noalias() += model_.coefs[l] * ys.row(t - l - 1).transpose();
    }
    ys.row(t) = v.transpose();
  }
}

}  // namespace trigon::analysis
