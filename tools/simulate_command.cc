// trigon simulate: project a policy scenario (sustained shocks to directed
// dyads) with the fitted VAR, and read the triangle and the game from it.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <Eigen/Core>
#include <charconv>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "analysis/game.h"
#include "analysis/period.h"
#include "analysis/scenario.h"
#include "analysis/series.h"
#include "analysis/triangle.h"
#include "analysis_input.h"
#include "commands.h"
#include "var_input.h"

namespace trigon::tools {
namespace {

constexpr double kReverseNixonSize = 2.0;
constexpr int kDaysPerWeek = 7;
constexpr double kDaysPerMonth = 30.436875;  // Gregorian mean
constexpr int kReverseNixonWeeks = 26;

struct SimulateArgs {
  AnalysisInputArgs input;
  VarSpecArgs spec;
  std::string scenario = "custom";
  std::vector<std::string> shocks;
  int horizon = 12;
  int bootstrap = 0;
  uint64_t seed = 0;
  double band = 0.5;
};

// Periods covered by a duration of `n` `unit`s ('d', 'w', 'm', 'q', 'y'
// or 'p' = periods), rounded to the nearest period, at least 1.
int DurationInPeriods(double n, char unit, analysis::Period period) {
  double days = 0;
  switch (unit) {
    case 'p':
      return std::max(1, static_cast<int>(std::lround(n)));
    case 'd':
      days = n;
      break;
    case 'w':
      days = n * kDaysPerWeek;
      break;
    case 'm':
      days = n * kDaysPerMonth;
      break;
    case 'q':
      days = n * 3 * kDaysPerMonth;
      break;
    default:  // 'y'
      days = n * 12 * kDaysPerMonth;
      break;
  }
  double per = 1;
  switch (period) {
    case analysis::Period::kDay:
      per = 1;
      break;
    case analysis::Period::kWeek:
      per = kDaysPerWeek;
      break;
    case analysis::Period::kMonth:
      per = kDaysPerMonth;
      break;
    case analysis::Period::kQuarter:
      per = 3 * kDaysPerMonth;
      break;
    case analysis::Period::kYear:
      per = 12 * kDaysPerMonth;
      break;
  }
  return std::max(1, static_cast<int>(std::lround(days / per)));
}

// 'SRC->TGT:+2.0:26w' -> a shock on the VAR column of SRC->TGT.
Result<analysis::Shock> ParseShock(const std::string& spec, const analysis::Triad& triad,
                                   analysis::Period period) {
  auto bad = [&](const std::string& what) {
    return Status::InvalidArgument("--shock '" + spec + "': " + what +
                                   " (expected SRC->TGT:SIZE:DURATION, e.g. "
                                   "USA->RUS:+2.0:26w)");
  };
  const size_t c1 = spec.find(':');
  const size_t c2 = c1 == std::string::npos ? c1 : spec.find(':', c1 + 1);
  if (c2 == std::string::npos || spec.find(':', c2 + 1) != std::string::npos) {
    return bad("needs exactly three parts separated by ':'");
  }
  const std::string dyad = spec.substr(0, c1);
  const std::string size = spec.substr(c1 + 1, c2 - c1 - 1);
  const std::string duration = spec.substr(c2 + 1);
  const size_t arrow = dyad.find("->");
  if (arrow == std::string::npos) return bad("dyad '" + dyad + "' has no '->'");
  const std::string src = dyad.substr(0, arrow), tgt = dyad.substr(arrow + 2);
  int s = -1, t = -1;
  for (int i = 0; i < 3; ++i) {
    if (triad[static_cast<size_t>(i)] == src) s = i;
    if (triad[static_cast<size_t>(i)] == tgt) t = i;
  }
  if (s < 0) return bad("source '" + src + "' is not one of --actors");
  if (t < 0) return bad("target '" + tgt + "' is not one of --actors");
  if (s == t) return bad("source and target are the same");
  analysis::Shock shock;
  shock.series = analysis::DirectedDyadIndex(s, t);
  const char* begin = size.data() + (!size.empty() && size[0] == '+' ? 1 : 0);
  const char* end = size.data() + size.size();
  auto [ptr, ec] = std::from_chars(begin, end, shock.size);
  if (size.empty() || ec != std::errc() || ptr != end || !std::isfinite(shock.size)) {
    return bad("size '" + size + "' is not a number");
  }
  if (duration.empty()) return bad("duration is empty");
  const char unit = duration.back();
  const std::string number = duration.substr(0, duration.size() - 1);
  if (std::string_view("dwmqyp").find(unit) == std::string_view::npos) {
    return bad("duration '" + duration + "' needs a unit d, w, m, q, y or p (periods)");
  }
  double n = 0;
  auto [p2, e2] = std::from_chars(number.data(), number.data() + number.size(), n);
  if (number.empty() || e2 != std::errc() || p2 != number.data() + number.size() || n <= 0) {
    return bad("duration '" + duration + "' is not a positive number with a unit");
  }
  shock.duration = DurationInPeriods(n, unit, period);
  return shock;
}

std::string RolesText(const analysis::Configured& c, const analysis::Triad& triad) {
  std::string out;
  for (int a = 0; a < 3; ++a) {
    out += fmt::format("{}{} {}", a ? ", " : "", triad[static_cast<size_t>(a)],
                       analysis::RoleName(c.roles[static_cast<size_t>(a)]));
  }
  return out;
}

int RunSimulate(const SimulateArgs& args) {
  auto in = LoadAnalysisInput(args.input);
  if (!in.ok()) {
    fmt::print(stderr, "trigon simulate: {}\n", in.status().ToString());
    return in.status().code() == StatusCode::kInvalidArgument ? kExitPartial : kExitFailure;
  }
  auto period = analysis::ParsePeriod(args.spec.period);
  if (!period.ok()) {
    fmt::print(stderr, "trigon simulate: {}\n", period.status().message());
    return kExitPartial;
  }
  std::vector<std::string> specs = args.shocks;
  if (args.scenario == "reverse-nixon" && specs.empty()) {
    specs.push_back(fmt::format("{}->{}:+{}:{}w", in->triad[0], in->triad[1], kReverseNixonSize,
                                kReverseNixonWeeks));
  }
  if (specs.empty()) {
    fmt::print(stderr, "trigon simulate: --scenario custom needs at least one --shock\n");
    return kExitPartial;
  }
  std::vector<analysis::Shock> shocks;
  for (const std::string& spec : specs) {
    auto shock = ParseShock(spec, in->triad, *period);
    if (!shock.ok()) {
      fmt::print(stderr, "trigon simulate: {}\n", shock.status().message());
      return kExitPartial;
    }
    shocks.push_back(*shock);
  }
  auto fitted = FitDyadVarWithinSample(*in, args.spec);
  if (!fitted.ok()) {
    fmt::print(stderr, "trigon simulate: cannot estimate the VAR: {}\n", fitted.status().message());
    return kExitPartial;
  }
  if (args.spec.lags < 0 && fitted->maxlags_used < args.spec.maxlags) {
    fmt::print(stderr, "trigon simulate: --maxlags lowered from {} to {} to fit the {} periods\n",
               args.spec.maxlags, fitted->maxlags_used, fitted->labels.size());
  }
  analysis::ScenarioOptions so;
  so.horizon = args.horizon;
  so.bootstrap = args.bootstrap;
  so.seed = args.seed;
  auto r = analysis::SimulateScenario(fitted->model, shocks, so);
  if (!r.ok()) {
    fmt::print(stderr, "trigon simulate: {}\n", r.status().message());
    return kExitPartial;
  }
  const analysis::Triad& triad = in->triad;
  fmt::print("{}\n", DescribeInput(*in, args.input));
  fmt::print("scenario {}: VAR({}) on {} {} periods ({} .. {}); projecting {} periods\n",
             args.scenario, fitted->model.p, fitted->labels.size(), args.spec.period,
             fitted->labels.front(), fitted->labels.back(), args.horizon);
  for (size_t i = 0; i < shocks.size(); ++i) {
    fmt::print("  shock {}: {} {:+g} per period for {} periods\n", specs[i],
               DyadLabel(triad, shocks[i].series), shocks[i].size, shocks[i].duration);
  }
  const bool bands = r->effect_lower.size() > 0;
  fmt::print(
      "\neffect on each dyad (shocked - baseline forecast, Goldstein sum per period){}\n",
      bands ? fmt::format("; 95% bootstrap band from {} refits", r->replications) : std::string());
  fmt::print("{:>4}", "h");
  for (int i = 0; i < analysis::kNumDirectedDyads; ++i) {
    fmt::print(" {:>19}", DyadLabel(triad, i));
  }
  fmt::print("\n");
  for (int h = 0; h < args.horizon; ++h) {
    fmt::print("{:>4}", h + 1);
    for (int i = 0; i < analysis::kNumDirectedDyads; ++i) {
      if (bands) {
        fmt::print(" {:>19}", fmt::format("{:+.2f} [{:+.1f},{:+.1f}]", r->effect(h, i),
                                          r->effect_lower(h, i), r->effect_upper(h, i)));
      } else {
        fmt::print(" {:>19}", fmt::format("{:+.3f}", r->effect(h, i)));
      }
    }
    fmt::print("\n");
  }
  const int rc = analysis::DirectedDyadIndex(1, 2), cr = analysis::DirectedDyadIndex(2, 1);
  const Eigen::RowVectorXd mean_effect = r->effect.colwise().mean();
  fmt::print("\n{}: mean effect {:+.3f} per period; {}: {:+.3f}\n", DyadLabel(triad, rc),
             mean_effect(rc), DyadLabel(triad, cr), mean_effect(cr));

  std::array<double, analysis::kNumPairs> base_stats{}, shock_stats{};
  const auto base_signs = analysis::ProjectedPairSigns(r->baseline, args.band, &base_stats);
  const auto shock_signs = analysis::ProjectedPairSigns(r->shocked, args.band, &shock_stats);
  const analysis::Configured base = analysis::ConfigureSigns(base_signs);
  const analysis::Configured shocked = analysis::ConfigureSigns(shock_signs);
  fmt::print("\ntriangle from the projected mean levels (sum of both directions; band +-{})\n",
             args.band);
  for (int pair = 0; pair < analysis::kNumPairs; ++pair) {
    const auto& xy = analysis::kPairs[static_cast<size_t>(pair)];
    fmt::print("  {}-{}: baseline {} {:+.2f}  shocked {} {:+.2f}\n",
               triad[static_cast<size_t>(xy[0])], triad[static_cast<size_t>(xy[1])],
               analysis::SignSymbol(base_signs[static_cast<size_t>(pair)]),
               base_stats[static_cast<size_t>(pair)],
               analysis::SignSymbol(shock_signs[static_cast<size_t>(pair)]),
               shock_stats[static_cast<size_t>(pair)]);
  }
  fmt::print("  baseline: {} ({})\n", analysis::ConfigurationName(base.configuration),
             RolesText(base, triad));
  fmt::print("  shocked:  {} ({})\n", analysis::ConfigurationName(shocked.configuration),
             RolesText(shocked, triad));

  const analysis::GameAnalysis game = analysis::AnalyseGame(shock_signs);
  fmt::print(
      "\ngame view of the shocked configuration (neutral counts as enmity; Wu "
      "ranking): {}{}\n",
      analysis::ConfigurationName(game.configured.configuration),
      game.nash_stable ? ", Nash-stable" : ", not stable");
  for (int a = 0; a < 3; ++a) {
    const analysis::ActorGame& g = game.actors[static_cast<size_t>(a)];
    std::string flips;
    for (const analysis::Flip& f : g.flips) {
      flips += fmt::format("{}{} with {}", flips.empty() ? "" : " and ",
                           f.to == analysis::Sign::kAmity ? "amity" : "enmity",
                           triad[static_cast<size_t>(f.other)]);
    }
    fmt::print("  {}: {} -> best {}{}\n", triad[static_cast<size_t>(a)],
               analysis::RoleName(g.current), analysis::RoleName(g.best),
               g.can_improve ? " by " + flips : " (keeps its posture)");
  }
  return kExitOk;
}

}  // namespace

void AddSimulateCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SimulateArgs>();
  CLI::App* cmd =
      app.add_subcommand("simulate", "Project a scenario (e.g. reverse-nixon) with the fitted VAR");
  AddAnalysisInputOptions(cmd, args->input);
  AddVarSpecOptions(cmd, args->spec);
  cmd->add_option("--scenario", args->scenario,
                  "reverse-nixon (first actor courts the second: +2.0 for 26 weeks) or custom")
      ->check(CLI::IsMember({"reverse-nixon", "custom"}))
      ->capture_default_str();
  cmd->add_option("--shock", args->shocks,
                  "SRC->TGT:SIZE:DURATION, e.g. USA->RUS:+2.0:26w (units d w m q y, or p "
                  "periods); repeatable");
  cmd->add_option("--horizon", args->horizon, "Periods to project")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--bootstrap", args->bootstrap, "Bootstrap refits for bands (0: none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "Bootstrap seed")->capture_default_str();
  cmd->add_option("--band", args->band, "Neutral band for the projected triangle")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->callback([args, &exit_code] { exit_code = RunSimulate(*args); });
}

}  // namespace trigon::tools
