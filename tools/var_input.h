#pragma once
// Shared by `trigon var` and `trigon simulate`: the six directed-dyad
// net-cooperation series (Goldstein sums per period) as a VAR sample, the
// lag order (fixed or selected) and the fit.

#include <optional>
#include <string>
#include <vector>

#include "analysis/series.h"
#include "analysis/var.h"
#include "analysis/var_reciprocity.h"
#include "base/result.h"

namespace CLI {
class App;
}

namespace trigon::tools {

struct AnalysisInput;

struct VarSpecArgs {
  std::string period = "month";
  int lags = -1;       // -1: select
  std::string select;  // aic, bic, hqic ("" = aic unless --lags)
  int maxlags = 8;
};

// --period --lags --select --maxlags.
void AddVarSpecOptions(CLI::App* cmd, VarSpecArgs& args);

struct FittedDyadVar {
  analysis::DyadSeries series;
  std::vector<std::string> labels;        // period labels, oldest first
  std::vector<analysis::DyadName> dyads;  // the six series, in order
  std::optional<analysis::LagOrderSelection> selection;
  // The criterion chose 0 lags; the model uses 1 (the tests need a lag).
  bool raised_to_one_lag = false;
  analysis::VarModel model;
};

// Errors: the library's refusal (InvalidArgument) when the model cannot be
// estimated (too few periods, constant or collinear series...).
Result<FittedDyadVar> FitDyadVar(const AnalysisInput& input, const VarSpecArgs& args);

}  // namespace trigon::tools
