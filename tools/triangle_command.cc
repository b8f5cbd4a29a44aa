// trigon triangle: Dittmer's strategic-triangle configuration per period,
// then each actor's position (Wu's role scores).
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "analysis/period.h"
#include "analysis/position.h"
#include "analysis/series.h"
#include "analysis/triangle.h"
#include "analysis_input.h"
#include "base/json.h"
#include "commands.h"

namespace trigon::tools {
namespace {

struct TriangleArgs {
  AnalysisInputArgs input;
  std::string period = "year";
  double band = 0.5;
  double min_events = 3;
  std::string statistic = "mean";
  bool normalize = false;
  std::string format = "table";
};

int RunTriangle(const TriangleArgs& args) {
  auto in = LoadAnalysisInput(args.input);
  if (!in.ok()) {
    fmt::print(stderr, "trigon triangle: {}\n", in.status().ToString());
    return in.status().code() == StatusCode::kInvalidArgument ? kExitPartial : kExitFailure;
  }
  auto period = analysis::ParsePeriod(args.period);
  if (!period.ok()) {
    fmt::print(stderr, "trigon triangle: {}\n", period.status().message());
    return kExitPartial;
  }
  analysis::SeriesOptions so = in->series_options;
  if (args.normalize) so.normalization = analysis::Normalization::kPeriodVolume;
  auto series = analysis::BuildDyadSeries(in->events, in->triad, *period, so);
  if (!series.ok()) {
    fmt::print(stderr, "trigon triangle: {}\n", series.status().message());
    return kExitPartial;
  }
  analysis::TriangleOptions to;
  to.statistic = args.statistic == "sum" ? analysis::Statistic::kSumGoldstein
                                         : analysis::Statistic::kMeanGoldstein;
  to.neutral_band = args.band;
  to.min_events = args.min_events;
  auto tri = analysis::ClassifyTriangle(*series, to);
  if (!tri.ok()) {
    fmt::print(stderr, "trigon triangle: {}\n", tri.status().message());
    return kExitPartial;
  }
  const auto positions = analysis::ActorPositions(*tri);
  const std::string described = DescribeInput(*in, args.input);
  if (args.format == "json") {
    std::string pos;
    for (const analysis::ActorPosition& p : positions) {
      std::string scores;
      for (const auto& s : p.scores) {
        scores += (scores.empty() ? "" : ",") + (s ? std::to_string(*s) : std::string("null"));
      }
      pos += (pos.empty() ? "" : ",") +
             fmt::format(
                 "{{\"actor\":{},\"mean_score\":{:.6g},\"scored_periods\":{},"
                 "\"scores\":[{}]}}",
                 json::Quote(p.actor), p.mean_score, p.scored_periods, scores);
    }
    fmt::print(
        "{{\"actors\":[{},{},{}],\"period\":{},\"statistic\":{},\"band\":{},"
        "\"min_events\":{},\"input\":{},\"periods\":{},\"positions\":[{}]}}\n",
        json::Quote(in->triad[0]), json::Quote(in->triad[1]), json::Quote(in->triad[2]),
        json::Quote(args.period), json::Quote(args.statistic), args.band, args.min_events,
        json::Quote(described), analysis::TriangleToJson(*tri), pos);
    return kExitOk;
  }
  fmt::print("{}\n", described);
  fmt::print("statistic: {} Goldstein, neutral band +-{}, at least {} events per dyad\n",
             args.statistic, args.band, args.min_events);
  fmt::print("{:<10} {:<18} {:<12}", "period", "configuration", "pivot/outcast");
  for (const auto& pair : analysis::kPairs) {
    fmt::print(" {:>20}", in->triad[static_cast<size_t>(pair[0])] + "-" +
                              in->triad[static_cast<size_t>(pair[1])]);
  }
  fmt::print("\n");
  for (const analysis::TrianglePeriod& p : tri->periods) {
    std::string key = "-";
    for (int a = 0; a < 3; ++a) {
      const analysis::Role r = p.roles[static_cast<size_t>(a)];
      if (r == analysis::Role::kPivot) key = "pivot " + in->triad[static_cast<size_t>(a)];
      if (r == analysis::Role::kOutcast) key = "outcast " + in->triad[static_cast<size_t>(a)];
    }
    fmt::print("{:<10} {:<18} {:<12}", p.label, analysis::ConfigurationName(p.configuration), key);
    for (const analysis::DyadAssessment& d : p.dyads) {
      fmt::print(" {:>20}", fmt::format("{} {:+.2f} n={}", analysis::SignSymbol(d.sign),
                                        d.statistic, d.events));
    }
    fmt::print("\n");
  }
  fmt::print("\nposition (Wu: pivot 6, friend 5, partner 4, wing 3, foe 2, outcast 1)\n");
  for (const analysis::ActorPosition& p : positions) {
    std::string counts;
    for (int r = 1; r < analysis::kNumRoles; ++r) {
      const int64_t n = p.role_counts[static_cast<size_t>(r)];
      if (n == 0) continue;
      counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ",
                            analysis::RoleName(static_cast<analysis::Role>(r)), n);
    }
    fmt::print("{:<6} mean {:.2f} over {} periods ({})\n", p.actor, p.mean_score, p.scored_periods,
               counts.empty() ? "none" : counts);
  }
  return kExitOk;
}

}  // namespace

void AddTriangleCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<TriangleArgs>();
  CLI::App* cmd = app.add_subcommand(
      "triangle", "Strategic-triangle configuration (Dittmer) per period and positions (Wu)");
  AddAnalysisInputOptions(cmd, args->input);
  cmd->add_option("--period", args->period, "day, week, month, quarter or year")
      ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}))
      ->capture_default_str();
  cmd->add_option("--band", args->band, "Half-width of the neutral band")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--min-events", args->min_events, "Fewer events: insufficient")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--statistic", args->statistic, "mean or sum (of Goldstein weights)")
      ->check(CLI::IsMember({"mean", "sum"}))
      ->capture_default_str();
  cmd->add_flag("--normalize", args->normalize, "Sums divided by the period's volume");
  cmd->add_option("--format", args->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->callback([args, &exit_code] { exit_code = RunTriangle(*args); });
}

}  // namespace trigon::tools
