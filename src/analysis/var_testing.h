#pragma once
// Test-only helpers for the VAR tests: simulation of a known VAR and CSV
// output.  Header-only so that it stays out of the library.

#include <Eigen/Core>
#include <cstdint>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace trigon::analysis::var_testing {

// A stable VAR(2) in 3 variables with a constant; the truth for the tests.
struct TrueVar2 {
  Eigen::Vector3d c{1.0, -0.5, 0.2};
  Eigen::Matrix3d a1 = (Eigen::Matrix3d() << 0.5, 0.1, 0.0,  //
                        0.0, 0.4, 0.2,                       //
                        0.1, 0.0, 0.3)
                           .finished();
  Eigen::Matrix3d a2 = (Eigen::Matrix3d() << -0.2, 0.0, 0.1,  //
                        0.1, -0.1, 0.0,                       //
                        0.0, 0.15, 0.2)
                           .finished();
};

// T periods of the VAR above with N(0, I) innovations after a burn-in.
inline Eigen::MatrixXd SimulateVar2(int periods, std::uint64_t seed) {
  const TrueVar2 v;
  constexpr int kBurnIn = 200;
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  Eigen::MatrixXd y = Eigen::MatrixXd::Zero(periods + kBurnIn, 3);
  for (int t = 2; t < periods + kBurnIn; ++t) {
    Eigen::Vector3d e;
    for (int i = 0; i < 3; ++i) e(i) = normal(rng);
    y.row(t) = (v.c + v.a1 * y.row(t - 1).transpose() +
                v.a2 * y.row(t - 2).transpose() + e)
                   .transpose();
  }
  return y.bottomRows(periods);
}

// Writes a header of names and full-precision rows.
inline bool WriteCsv(const std::string& path,
                     const std::vector<std::string>& names,
                     const Eigen::MatrixXd& y) {
  std::ofstream out(path);
  for (size_t j = 0; j < names.size(); ++j) {
    out << (j ? "," : "") << names[j];
  }
  out << "\n";
  out.precision(17);
  for (Eigen::Index t = 0; t < y.rows(); ++t) {
    for (Eigen::Index j = 0; j < y.cols(); ++j) {
      out << (j ? "," : "") << y(t, j);
    }
    out << "\n";
  }
  return static_cast<bool>(out);
}

}  // namespace trigon::analysis::var_testing
