#pragma once
// Tail probabilities of the distributions used by the VAR tests (F, Student
// t, chi-square, standard normal).  A thin wrapper over Boost.Math, the only
// place in Trigon that includes it; Boost is configured not to throw.
//
// Thread-safety: all functions are pure.

#include "base/result.h"

namespace trigon::analysis {

// P(X > x) for X ~ F(df1, df2).
// Errors: InvalidArgument unless x is finite and df1, df2 are finite and > 0.
// x < 0 gives 1.
Result<double> FSurvival(double x, double df1, double df2);

// P(X > x) for X ~ chi-square(df).
// Errors: InvalidArgument unless x is finite and df is finite and > 0.
Result<double> ChiSquareSurvival(double x, double df);

// P(|T| > |t|) for T ~ Student t(df).
// Errors: InvalidArgument unless t is finite and df is finite and > 0.
Result<double> StudentTTwoSided(double t, double df);

// P(|Z| > |z|) for Z ~ N(0, 1).
// Errors: InvalidArgument unless z is finite.
Result<double> NormalTwoSided(double z);

}  // namespace trigon::analysis
