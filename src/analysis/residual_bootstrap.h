#pragma once
// ResidualBootstrap: replicates of a fitted VAR's sample for bootstrap bands
// (impulse responses in irf.h, scenario effects in scenario.h).  The first p
// rows of each replicate are the data's; every later row is the fitted VAR
// driven by a centred residual drawn with replacement.  Seeded, so the same
// seed gives the same sequence of replicates.
//
// Thread-compatible: one instance per thread.

#include <Eigen/Core>
#include <cstdint>
#include <random>

#include "analysis/var.h"

namespace trigon::analysis {

class ResidualBootstrap {
 public:
  // `model` must outlive this object.
  ResidualBootstrap(const VarModel& model, std::uint64_t seed);

  // Overwrites `ys` (resized to the sample's shape) with the next replicate.
  void Draw(Eigen::MatrixXd& ys);

 private:
  const VarModel& model_;
  Eigen::MatrixXd centred_;
  std::mt19937_64 rng_;
  std::uniform_int_distribution<int> pick_;
};

}  // namespace trigon::analysis
