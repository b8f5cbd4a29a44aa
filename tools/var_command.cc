// trigon var: the Goldstein-Freeman "Three-Way Street" VAR over the six
// directed-dyad net-cooperation series (Goldstein sums per period).
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>

#include "analysis/irf.h"
#include "analysis/period.h"
#include "analysis/series.h"
#include "analysis/var.h"
#include "analysis/var_reciprocity.h"
#include "analysis_input.h"
#include "base/json.h"
#include "commands.h"
#include "var_input.h"

namespace trigon::tools {
namespace {

struct VarArgs {
  AnalysisInputArgs input;
  VarSpecArgs spec;
  int bootstrap = 0;
  int horizon = 8;
  uint64_t seed = 0;
  std::string format = "table";
};

std::string PValue(double p) { return p < 1e-4 ? "<1e-4" : fmt::format("{:.4f}", p); }

int RunVar(const VarArgs& args) {
  auto in = LoadAnalysisInput(args.input);
  if (!in.ok()) {
    fmt::print(stderr, "trigon var: {}\n", in.status().ToString());
    return in.status().code() == StatusCode::kInvalidArgument ? kExitPartial : kExitFailure;
  }
  auto fitted = FitDyadVarWithinSample(*in, args.spec);
  if (!fitted.ok()) {
    fmt::print(stderr, "trigon var: cannot estimate the VAR: {}\n", fitted.status().message());
    return kExitPartial;
  }
  if (args.spec.lags < 0 && fitted->maxlags_used < args.spec.maxlags) {
    fmt::print(stderr, "trigon var: --maxlags lowered from {} to {} to fit the {} periods\n",
               args.spec.maxlags, fitted->maxlags_used, fitted->labels.size());
  }
  const analysis::VarModel& m = fitted->model;
  auto tests = pipeline::TestDyadVar(*fitted, args.horizon);
  auto irf = analysis::ComputeImpulseResponses(m, args.horizon);
  if (!tests.ok() || !irf.ok()) {
    fmt::print(stderr, "trigon var: {}\n", (!tests.ok() ? tests.status() : irf.status()).message());
    return kExitPartial;
  }
  const analysis::ReciprocityReport* rec = &tests->reciprocity;
  std::vector<Eigen::MatrixXd> cum = analysis::CumulativeResponses(irf->orthogonal);
  std::optional<analysis::IrfBands> bands;
  if (args.bootstrap > 0) {
    analysis::BootstrapOptions bo;
    bo.repetitions = args.bootstrap;
    bo.seed = args.seed;
    bo.cumulative = true;
    auto b = analysis::BootstrapIrfBands(m, args.horizon, bo);
    if (!b.ok()) {
      fmt::print(stderr, "trigon var: bootstrap: {}\n", b.status().message());
      return kExitPartial;
    }
    bands = std::move(b).value();
  }
  const int k = m.k;
  const std::vector<std::vector<analysis::TestResult>>& granger = tests->granger;
  const std::string described = DescribeInput(*in, args.input);

  if (args.format == "json") {
    std::string dyads;
    for (const analysis::DyadReciprocity& d : rec->dyads) {
      auto test = [](const std::optional<analysis::TestResult>& t) {
        return t ? fmt::format("{{\"F\":{:.10g},\"df\":[{},{}],\"p\":{:.10g}}}", t->statistic,
                               t->df_num, t->df_den, t->p_value)
                 : std::string("null");
      };
      dyads += (dyads.empty() ? "" : ",") +
               fmt::format(
                   "{{\"dyad\":{},\"routine\":{},\"routine_sum\":{:.10g},"
                   "\"reciprocity\":{},\"reciprocity_sum\":{:.10g},"
                   "\"triangularity\":{}}}",
                   json::Quote(d.dyad.source + "->" + d.dyad.target), test(d.routine),
                   d.routine_sum, test(d.reciprocity), d.reciprocity_sum, test(d.triangularity));
    }
    std::string g;
    for (int i = 0; i < k; ++i) {
      std::string row;
      for (int j = 0; j < k; ++j) {
        row += fmt::format("{}{:.10g}", j ? "," : "",
                           granger[static_cast<size_t>(i)][static_cast<size_t>(j)].p_value);
      }
      g += fmt::format("{}[{}]", i ? "," : "", row);
    }
    std::string fe;
    for (int i = 0; i < k; ++i) {
      std::string row;
      for (int j = 0; j < k; ++j) {
        row += fmt::format("{}{:.10g}", j ? "," : "",
                           tests->fevd(i, j));
      }
      fe += fmt::format("{}[{}]", i ? "," : "", row);
    }
    std::string names;
    for (const std::string& n : m.names) names += (names.empty() ? "" : ",") + json::Quote(n);
    fmt::print(
        "{{\"input\":{},\"periods\":{},\"series\":[{}],\"lags\":{},\"nobs\":{},"
        "\"aic\":{:.10g},\"bic\":{:.10g},\"hqic\":{:.10g},\"stable\":{},"
        "\"max_root_modulus\":{:.10g},\"reciprocity\":[{}],"
        "\"granger_p\":[{}],\"fevd_horizon\":{},\"fevd\":[{}]}}\n",
        json::Quote(described), fitted->labels.size(), names, m.p, m.nobs, m.ic.aic, m.ic.bic,
        m.ic.hqic, analysis::IsStable(m) ? "true" : "false",
        m.p > 0 ? analysis::CompanionEigenvalueModuli(m)(0) : 0.0, dyads, g, args.horizon, fe);
    return kExitOk;
  }

  fmt::print("{}\n", described);
  fmt::print("VAR over {} {} periods ({} .. {}), series = Goldstein sums per period\n",
             fitted->labels.size(), args.spec.period, fitted->labels.front(),
             fitted->labels.back());
  if (fitted->selection) {
    const analysis::LagOrderSelection& s = *fitted->selection;
    fmt::print("\nlag selection (maxlags {}; * = chosen by each criterion)\n", args.spec.maxlags);
    fmt::print("{:>4} {:>12} {:>12} {:>12}\n", "lag", "AIC", "BIC", "HQIC");
    for (size_t p = 0; p < s.aic.size(); ++p) {
      const int ip = static_cast<int>(p);
      fmt::print("{:>4} {:>11.4f}{} {:>11.4f}{} {:>11.4f}{}\n", p, s.aic[p],
                 ip == s.aic_order ? "*" : " ", s.bic[p], ip == s.bic_order ? "*" : " ", s.hqic[p],
                 ip == s.hqic_order ? "*" : " ");
    }
  }
  if (fitted->raised_to_one_lag) {
    fmt::print("\nnote: the criterion chose 0 lags; fitting 1 lag, the least the tests need\n");
  }
  fmt::print("\nlags {}  nobs {}  AIC {:.4f}  BIC {:.4f}  HQIC {:.4f}\n", m.p, m.nobs, m.ic.aic,
             m.ic.bic, m.ic.hqic);
  const Eigen::VectorXd moduli = analysis::CompanionEigenvalueModuli(m);
  fmt::print("stability: {} (largest companion root modulus {:.4f})\n",
             analysis::IsStable(m) ? "stable" : "NOT stable", moduli.size() > 0 ? moduli(0) : 0.0);

  fmt::print("\nThree-Way Street (Goldstein & Freeman 1990): F tests, coefficient sums\n");
  fmt::print("{:<10} {:>8} {:>8} {:>8}  {:>8} {:>8} {:>8} {:<11}  {:>8} {:>8}\n", "dyad", "routine",
             "p", "sum", "recip", "p", "sum", "reading", "triang", "p");
  for (const analysis::DyadReciprocity& d : rec->dyads) {
    std::string reading = "-";
    if (d.reciprocity && d.reciprocity->p_value < 0.05) {
      reading = d.reciprocity_sum > 0 ? "reciprocity" : "bullying";
    }
    fmt::print(
        "{:<10} {:>8.3f} {:>8} {:>+8.3f}  {:>8.3f} {:>8} {:>+8.3f} {:<11}  {:>8.3f} "
        "{:>8}\n",
        d.dyad.source + "->" + d.dyad.target, d.routine.statistic, PValue(d.routine.p_value),
        d.routine_sum, d.reciprocity ? d.reciprocity->statistic : 0.0,
        d.reciprocity ? PValue(d.reciprocity->p_value) : std::string("-"), d.reciprocity_sum,
        reading, d.triangularity ? d.triangularity->statistic : 0.0,
        d.triangularity ? PValue(d.triangularity->p_value) : std::string("-"));
  }

  fmt::print("\nGranger causality p-values (row caused by column)\n{:<10}", "");
  for (int j = 0; j < k; ++j) fmt::print(" {:>9}", m.names[static_cast<size_t>(j)]);
  fmt::print("\n");
  for (int i = 0; i < k; ++i) {
    fmt::print("{:<10}", m.names[static_cast<size_t>(i)]);
    for (int j = 0; j < k; ++j) {
      fmt::print(" {:>9}", PValue(granger[static_cast<size_t>(i)][static_cast<size_t>(j)].p_value));
    }
    fmt::print("\n");
  }

  fmt::print("\nFEVD at horizon {} (row: series; columns: share due to each shock)\n{:<10}",
             args.horizon, "");
  for (int j = 0; j < k; ++j) fmt::print(" {:>9}", m.names[static_cast<size_t>(j)]);
  fmt::print("\n");
  for (int i = 0; i < k; ++i) {
    fmt::print("{:<10}", m.names[static_cast<size_t>(i)]);
    for (int j = 0; j < k; ++j) {
      fmt::print(" {:>9.3f}", tests->fevd(i, j));
    }
    fmt::print("\n");
  }

  fmt::print(
      "\northogonalised IRF, cumulative response after {} periods to a one-s.d. "
      "shock (Cholesky order as listed){}\n{:<10}",
      args.horizon,
      bands ? fmt::format("; bootstrap {} draws, 95% band", bands->replications) : std::string(),
      "");
  for (int j = 0; j < k; ++j) fmt::print(" {:>9}", m.names[static_cast<size_t>(j)]);
  fmt::print("\n");
  const size_t h = static_cast<size_t>(args.horizon);
  for (int i = 0; i < k; ++i) {
    fmt::print("{:<10}", m.names[static_cast<size_t>(i)]);
    for (int j = 0; j < k; ++j) fmt::print(" {:>9.2f}", cum[h](i, j));
    fmt::print("\n");
    if (bands) {
      fmt::print("{:<10}", "  band");
      for (int j = 0; j < k; ++j) {
        fmt::print(" {:>9}",
                   fmt::format("{:.1f}..{:.1f}", bands->lower[h](i, j), bands->upper[h](i, j)));
      }
      fmt::print("\n");
    }
  }
  return kExitOk;
}

}  // namespace

void AddVarCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<VarArgs>();
  CLI::App* cmd = app.add_subcommand(
      "var", "VAR reciprocity analysis of the six directed dyads (Three-Way Street)");
  AddAnalysisInputOptions(cmd, args->input);
  AddVarSpecOptions(cmd, args->spec);
  cmd->add_option("--bootstrap", args->bootstrap, "Bootstrap draws for IRF bands (0: none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--horizon", args->horizon, "IRF and FEVD horizon in periods")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "Bootstrap seed")->capture_default_str();
  cmd->add_option("--format", args->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->callback([args, &exit_code] { exit_code = RunVar(*args); });
}

}  // namespace trigon::tools
