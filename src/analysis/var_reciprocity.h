#pragma once
// The "Three-Way Street" report (Goldstein & Freeman 1990; APSR 1991): tests
// of routine, reciprocity and triangularity on a VAR whose series are
// directed-dyad net-cooperation series (e.g. USA->RUS, RUS->USA, ...).
//
// For the equation of each dyad A->B:
//   routine        own lags of A->B (joint F test; sum of own-lag coefs)
//   reciprocity    lags of B->A (F test; sum of coefs: > 0 reciprocity,
//                  < 0 inverse response or "bullying")
//   triangularity  lags of every dyad pairing A or B with a third actor
//                  (C->A, A->C, C->B, B->C), jointly (F test)
// The F tests (statsmodels-style Granger tests, see var.h) are the
// inference; coefficient sums are descriptive only.

#include <optional>
#include <string>
#include <vector>

#include "analysis/var.h"
#include "base/result.h"

namespace trigon::analysis {

struct DyadName {
  std::string source;
  std::string target;
};

struct DyadReciprocity {
  DyadName dyad;
  TestResult routine;
  double routine_sum = 0;  // sum over lags of the own-lag coefficient
  // Absent when the reverse dyad B->A is not among the series.
  std::optional<TestResult> reciprocity;
  double reciprocity_sum = 0;  // sum over lags of the B->A coefficient
  // Absent when no series pairs A or B with a third actor.
  std::optional<TestResult> triangularity;
  std::vector<int> triangular_series;  // the series tested jointly
};

struct ReciprocityReport {
  std::vector<DyadReciprocity> dyads;  // in series order
};

// REQUIRES: model built by FitVar.
// Errors: InvalidArgument if the model has no lags, dyads.size() != model.k,
// a dyad has source == target or an empty actor, or a dyad repeats.
Result<ReciprocityReport> AnalyzeReciprocity(
    const VarModel& model, const std::vector<DyadName>& dyads);

}  // namespace trigon::analysis
