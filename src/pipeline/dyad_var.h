#pragma once
// The Goldstein-Freeman "Three-Way Street" VAR of a triad: the six
// directed-dyad net-cooperation series (Goldstein sums per period) as a VAR
// sample, the lag order (fixed or selected), the fit and its tests.  Shared
// by `trigon var`, `trigon simulate`, `trigon report` and the Python module.

#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "analysis/series.h"
#include "analysis/var.h"
#include "analysis/var_reciprocity.h"
#include "base/result.h"
#include "pipeline/analysis_input.h"

namespace trigon::pipeline {

struct VarSpec {
  std::string period = "month";
  int lags = -1;       // -1: select
  std::string select;  // aic, bic, hqic ("" = aic unless lags are given)
  int maxlags = 8;
};

struct FittedDyadVar {
  analysis::DyadSeries series;
  std::vector<std::string> labels;        // period labels, oldest first
  std::vector<analysis::DyadName> dyads;  // the six series, in order
  std::optional<analysis::LagOrderSelection> selection;
  // The criterion chose 0 lags; the model uses 1 (the tests need a lag).
  bool raised_to_one_lag = false;
  // The maxlags the selection ran with (FitDyadVarWithinSample may lower
  // it); 0 when the lag order was given.
  int maxlags_used = 0;
  analysis::VarModel model;
};

// Errors: a bad period; the library's refusal (InvalidArgument) when the
// model cannot be estimated (too few periods, constant or collinear
// series...).
Result<FittedDyadVar> FitDyadVar(const AnalysisInput& input, const VarSpec& spec);

// As FitDyadVar, but when the lag order is selected (spec.lags < 0) and
// the sample is too short to compare orders up to spec.maxlags, tries
// maxlags - 1, ..., 1 and uses the first that fits (maxlags_used says
// which).  Short samples (a year of quarters) then still get a model
// instead of an error.  Errors: those of the first attempt.
Result<FittedDyadVar> FitDyadVarWithinSample(const AnalysisInput& input, const VarSpec& spec);

// The tests `trigon var` reports for a fitted model.
struct DyadVarTests {
  analysis::ReciprocityReport reciprocity;
  // granger[i][j]: series i caused by series j (F test); p_value 1 where
  // the test could not be run.
  std::vector<std::vector<analysis::TestResult>> granger;
  // fevd(i, j) at `horizon`: share of series i's forecast-error variance
  // due to shock j.
  Eigen::MatrixXd fevd;
  int horizon = 0;
};

// Errors: InvalidArgument for horizon < 1 or a model the tests refuse.
Result<DyadVarTests> TestDyadVar(const FittedDyadVar& fitted, int horizon);

}  // namespace trigon::pipeline
