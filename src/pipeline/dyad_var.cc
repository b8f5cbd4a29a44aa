#include "pipeline/dyad_var.h"

#include <utility>

#include "analysis/irf.h"
#include "analysis/period.h"

namespace trigon::pipeline {

Result<FittedDyadVar> FitDyadVar(const AnalysisInput& input, const VarSpec& args) {
  FittedDyadVar out;
  TRIGON_ASSIGN_OR_RETURN(analysis::Period period, analysis::ParsePeriod(args.period));
  TRIGON_ASSIGN_OR_RETURN(out.series, analysis::BuildDyadSeries(input.events, input.triad, period,
                                                                input.series_options));
  const auto& rows = out.series.rows;
  if (rows.empty()) return Status::InvalidArgument("no events among the three actors");
  Eigen::MatrixXd y(static_cast<Eigen::Index>(rows.size()), analysis::kNumDirectedDyads);
  for (size_t t = 0; t < rows.size(); ++t) {
    out.labels.push_back(rows[t].label);
    for (int i = 0; i < analysis::kNumDirectedDyads; ++i) {
      y(static_cast<Eigen::Index>(t), i) = rows[t].cells[static_cast<size_t>(i)].goldstein_sum;
    }
  }
  analysis::VarOptions vo;
  for (int i = 0; i < analysis::kNumDirectedDyads; ++i) {
    const analysis::DirectedDyad d = analysis::kDirectedDyads[static_cast<size_t>(i)];
    out.dyads.push_back(
        {input.triad[static_cast<size_t>(d.source)], input.triad[static_cast<size_t>(d.target)]});
    vo.names.push_back(DyadLabel(input.triad, i));
  }
  int lags = args.lags;
  if (lags < 0) {
    TRIGON_ASSIGN_OR_RETURN(out.selection, analysis::SelectVarOrder(y, args.maxlags, vo));
    const std::string& by = args.select.empty() ? std::string("aic") : args.select;
    lags = by == "bic"    ? out.selection->bic_order
           : by == "hqic" ? out.selection->hqic_order
                          : out.selection->aic_order;
    if (lags == 0) {  // the reciprocity tests need at least one lag
      lags = 1;
      out.raised_to_one_lag = true;
    }
  }
  TRIGON_ASSIGN_OR_RETURN(out.model, analysis::FitVar(y, lags, vo));
  if (args.lags < 0) out.maxlags_used = args.maxlags;
  return out;
}

Result<FittedDyadVar> FitDyadVarWithinSample(const AnalysisInput& input, const VarSpec& spec) {
  auto first = FitDyadVar(input, spec);
  if (first.ok() || spec.lags >= 0) return first;
  VarSpec lower = spec;
  for (lower.maxlags = spec.maxlags - 1; lower.maxlags >= 1; --lower.maxlags) {
    auto fitted = FitDyadVar(input, lower);
    if (fitted.ok()) return fitted;
  }
  return first;
}

Result<DyadVarTests> TestDyadVar(const FittedDyadVar& fitted, int horizon) {
  const analysis::VarModel& m = fitted.model;
  DyadVarTests out;
  out.horizon = horizon;
  TRIGON_ASSIGN_OR_RETURN(out.reciprocity, analysis::AnalyzeReciprocity(m, fitted.dyads));
  TRIGON_ASSIGN_OR_RETURN(std::vector<Eigen::MatrixXd> fevd,
                          analysis::ForecastErrorVarianceDecomposition(m, horizon));
  out.fevd.resize(m.k, m.k);
  for (int i = 0; i < m.k; ++i) {
    for (int j = 0; j < m.k; ++j) out.fevd(i, j) = fevd[static_cast<size_t>(i)](horizon - 1, j);
  }
  out.granger.assign(static_cast<size_t>(m.k),
                     std::vector<analysis::TestResult>(static_cast<size_t>(m.k)));
  for (int i = 0; i < m.k; ++i) {
    for (int j = 0; j < m.k; ++j) {
      auto t = analysis::TestGrangerCausality(m, {i}, {j});
      if (t.ok()) out.granger[static_cast<size_t>(i)][static_cast<size_t>(j)] = *t;
    }
  }
  return out;
}

}  // namespace trigon::pipeline
