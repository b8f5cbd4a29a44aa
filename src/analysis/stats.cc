// Distribution tails through Boost.Math (header-only, Debian libboost-dev).
// The policy below turns every Boost error into errno plus a returned value
// instead of an exception; inputs are validated first, so those paths are
// unreachable in practice.

#include "analysis/stats.h"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <string>

namespace trigon::analysis {
namespace {

namespace bmp = boost::math::policies;
using NoThrowPolicy =
    bmp::policy<bmp::domain_error<bmp::errno_on_error>,
                bmp::pole_error<bmp::errno_on_error>,
                bmp::overflow_error<bmp::errno_on_error>,
                bmp::evaluation_error<bmp::errno_on_error>,
                bmp::rounding_error<bmp::errno_on_error>,
                bmp::indeterminate_result_error<bmp::errno_on_error>>;

bool PositiveFinite(double v) { return std::isfinite(v) && v > 0.0; }

Status CheckArgs(const char* what, double x, double df1, double df2) {
  if (!std::isfinite(x)) {
    return Status::InvalidArgument(std::string(what) +
                                   ": statistic is not finite");
  }
  if (!PositiveFinite(df1) || !PositiveFinite(df2)) {
    return Status::InvalidArgument(
        std::string(what) + ": degrees of freedom must be finite and > 0");
  }
  return Status::OK();
}

// Boost may return a value a rounding error outside [0, 1].
double Clamp01(double p) { return p < 0.0 ? 0.0 : (p > 1.0 ? 1.0 : p); }

}  // namespace

Result<double> FSurvival(double x, double df1, double df2) {
  TRIGON_RETURN_IF_ERROR(CheckArgs("F survival", x, df1, df2));
  if (x <= 0.0) return 1.0;
  const boost::math::fisher_f_distribution<double, NoThrowPolicy> dist(df1,
                                                                       df2);
  return Clamp01(boost::math::cdf(boost::math::complement(dist, x)));
}

Result<double> ChiSquareSurvival(double x, double df) {
  TRIGON_RETURN_IF_ERROR(CheckArgs("chi-square survival", x, df, 1.0));
  if (x <= 0.0) return 1.0;
  const boost::math::chi_squared_distribution<double, NoThrowPolicy> dist(df);
  return Clamp01(boost::math::cdf(boost::math::complement(dist, x)));
}

Result<double> StudentTTwoSided(double t, double df) {
  TRIGON_RETURN_IF_ERROR(CheckArgs("Student t", t, df, 1.0));
  const boost::math::students_t_distribution<double, NoThrowPolicy> dist(df);
  return Clamp01(2.0 *
                 boost::math::cdf(boost::math::complement(dist, std::abs(t))));
}

Result<double> NormalTwoSided(double z) {
  TRIGON_RETURN_IF_ERROR(CheckArgs("normal", z, 1.0, 1.0));
  const boost::math::normal_distribution<double, NoThrowPolicy> dist(0.0, 1.0);
  return Clamp01(2.0 *
                 boost::math::cdf(boost::math::complement(dist, std::abs(z))));
}

}  // namespace trigon::analysis
