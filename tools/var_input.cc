#include "var_input.h"

#include <CLI/CLI.hpp>
#include <Eigen/Core>
#include <utility>

#include "analysis/period.h"
#include "analysis_input.h"

namespace trigon::tools {

void AddVarSpecOptions(CLI::App* cmd, VarSpecArgs& args) {
  cmd->add_option("--period", args.period, "week, month or quarter (also day, year)")
      ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}))
      ->capture_default_str();
  auto* lags = cmd->add_option("--lags", args.lags, "Lag order")->check(CLI::PositiveNumber);
  auto* select = cmd->add_option("--select", args.select,
                                 "Choose the lag order by aic, bic or hqic (default aic)")
                     ->check(CLI::IsMember({"aic", "bic", "hqic"}));
  lags->excludes(select);
  cmd->add_option("--maxlags", args.maxlags, "Largest lag order tried by --select")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

Result<FittedDyadVar> FitDyadVar(const AnalysisInput& input, const VarSpecArgs& args) {
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
  return out;
}

}  // namespace trigon::tools
