// Goldstein & Freeman's three tests as Granger-type exclusion tests on the
// equation of each directed dyad; see var_reciprocity.h.

#include "analysis/var_reciprocity.h"

#include <set>
#include <utility>

namespace trigon::analysis {
namespace {

double LagSum(const VarModel& m, int equation, int variable) {
  double sum = 0;
  for (const Eigen::MatrixXd& a : m.coefs) sum += a(equation, variable);
  return sum;
}

std::string Label(const DyadName& d) { return d.source + "->" + d.target; }

}  // namespace

Result<ReciprocityReport> AnalyzeReciprocity(
    const VarModel& model, const std::vector<DyadName>& dyads) {
  if (model.p < 1) {
    return Status::InvalidArgument(
        "reciprocity analysis needs a VAR with at least one lag");
  }
  if (static_cast<int>(dyads.size()) != model.k) {
    return Status::InvalidArgument(
        "reciprocity analysis: " + std::to_string(dyads.size()) +
        " dyads for " + std::to_string(model.k) + " series");
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (const DyadName& d : dyads) {
    if (d.source.empty() || d.target.empty() || d.source == d.target) {
      return Status::InvalidArgument("dyad '" + Label(d) +
                                     "' needs two distinct actors");
    }
    if (!seen.insert({d.source, d.target}).second) {
      return Status::InvalidArgument("dyad '" + Label(d) + "' repeats");
    }
  }

  ReciprocityReport report;
  for (int i = 0; i < model.k; ++i) {
    const DyadName& ab = dyads[i];
    DyadReciprocity r;
    r.dyad = ab;
    TRIGON_ASSIGN_OR_RETURN(r.routine, TestGrangerCausality(model, {i}, {i}));
    r.routine_sum = LagSum(model, i, i);
    for (int j = 0; j < model.k; ++j) {
      const DyadName& d = dyads[j];
      if (d.source == ab.target && d.target == ab.source) {
        TRIGON_ASSIGN_OR_RETURN(r.reciprocity,
                                TestGrangerCausality(model, {i}, {j}));
        r.reciprocity_sum = LagSum(model, i, j);
        continue;
      }
      // Exactly one of A, B in the dyad, paired with a third actor.
      const bool has_a = d.source == ab.source || d.target == ab.source;
      const bool has_b = d.source == ab.target || d.target == ab.target;
      if (has_a != has_b) r.triangular_series.push_back(j);
    }
    if (!r.triangular_series.empty()) {
      TRIGON_ASSIGN_OR_RETURN(
          r.triangularity,
          TestGrangerCausality(model, {i}, r.triangular_series));
    }
    report.dyads.push_back(std::move(r));
  }
  return report;
}

}  // namespace trigon::analysis
