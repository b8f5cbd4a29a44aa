// trigon series: the six directed-dyad series of a triad per period.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "analysis/period.h"
#include "analysis/series.h"
#include "analysis_input.h"
#include "base/json.h"
#include "commands.h"

namespace trigon::tools {
namespace {

struct SeriesArgs {
  AnalysisInputArgs input;
  std::string period = "month";
  bool normalize = false;
  std::string format = "table";
};

std::string Num(double v) { return fmt::format("{:.6g}", v); }

int RunSeries(const SeriesArgs& args) {
  auto in = LoadAnalysisInput(args.input);
  if (!in.ok()) {
    fmt::print(stderr, "trigon series: {}\n", in.status().ToString());
    return in.status().code() == StatusCode::kInvalidArgument ? kExitPartial : kExitFailure;
  }
  auto period = analysis::ParsePeriod(args.period);
  if (!period.ok()) {
    fmt::print(stderr, "trigon series: {}\n", period.status().message());
    return kExitPartial;
  }
  analysis::SeriesOptions options = in->series_options;
  if (args.normalize) options.normalization = analysis::Normalization::kPeriodVolume;
  auto series = analysis::BuildDyadSeries(in->events, in->triad, *period, options);
  if (!series.ok()) {
    fmt::print(stderr, "trigon series: {}\n", series.status().message());
    return kExitPartial;
  }
  const std::string described = DescribeInput(*in, args.input);
  if (args.format == "csv") {
    fmt::print(stderr, "{}\n", described);
    fmt::print(
        "period,start,end,dyad,events,weight,goldstein_sum,goldstein_mean,"
        "cooperation_sum,conflict_sum,quad1,quad2,quad3,quad4\n");
  } else if (args.format == "table") {
    fmt::print("{}\n", described);
    fmt::print("{:<10} {:<9} {:>6} {:>10} {:>7} {:>9} {:>9} {:>6} {:>6} {:>6} {:>6}\n", "period",
               "dyad", "events", "gold_sum", "mean", "coop", "conflict", "q1", "q2", "q3", "q4");
  } else {
    fmt::print(
        "{{\"actors\":[{},{},{}],\"period\":{},\"normalized\":{},\"input\":{},"
        "\"rows\":[",
        json::Quote(in->triad[0]), json::Quote(in->triad[1]), json::Quote(in->triad[2]),
        json::Quote(args.period), args.normalize ? "true" : "false", json::Quote(described));
  }
  bool first_row = true;
  for (const analysis::PeriodRow& row : series->rows) {
    if (args.format == "json") {
      fmt::print(
          "{}{{\"period\":{},\"start\":{},\"end\":{},\"volume\":{},\"divisor\":{},"
          "\"cells\":[",
          first_row ? "" : ",", json::Quote(row.label),
          json::Quote(analysis::FormatIsoDate(row.start_day)),
          json::Quote(analysis::FormatIsoDate(row.end_day)), Num(row.volume), Num(row.divisor));
      first_row = false;
    }
    for (int i = 0; i < analysis::kNumDirectedDyads; ++i) {
      const analysis::DyadCell& c = row.cells[static_cast<size_t>(i)];
      const std::string dyad = DyadLabel(in->triad, i);
      if (args.format == "csv") {
        fmt::print("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", row.label,
                   analysis::FormatIsoDate(row.start_day), analysis::FormatIsoDate(row.end_day),
                   dyad, c.events, Num(c.weight), Num(c.goldstein_sum), Num(c.goldstein_mean),
                   Num(c.cooperation_sum), Num(c.conflict_sum), Num(c.quad[0]), Num(c.quad[1]),
                   Num(c.quad[2]), Num(c.quad[3]));
      } else if (args.format == "table") {
        fmt::print(
            "{:<10} {:<9} {:>6} {:>10.2f} {:>7.2f} {:>9.2f} {:>9.2f} {:>6.0f} "
            "{:>6.0f} {:>6.0f} {:>6.0f}\n",
            row.label, dyad, c.events, c.goldstein_sum, c.goldstein_mean, c.cooperation_sum,
            c.conflict_sum, c.quad[0], c.quad[1], c.quad[2], c.quad[3]);
      } else {
        std::string ids;
        for (int64_t id : c.event_ids) ids += (ids.empty() ? "" : ",") + std::to_string(id);
        fmt::print(
            "{}{{\"dyad\":{},\"events\":{},\"weight\":{},\"goldstein_sum\":{},"
            "\"goldstein_mean\":{},\"cooperation_sum\":{},\"conflict_sum\":{},"
            "\"quad\":[{},{},{},{}],\"event_ids\":[{}]}}",
            i == 0 ? "" : ",", json::Quote(dyad), c.events, Num(c.weight), Num(c.goldstein_sum),
            Num(c.goldstein_mean), Num(c.cooperation_sum), Num(c.conflict_sum), Num(c.quad[0]),
            Num(c.quad[1]), Num(c.quad[2]), Num(c.quad[3]), ids);
      }
    }
    if (args.format == "json") fmt::print("]}}");
  }
  if (args.format == "json") fmt::print("]}}\n");
  return kExitOk;
}

}  // namespace

void AddSeriesCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SeriesArgs>();
  CLI::App* cmd =
      app.add_subcommand("series", "Directed-dyad event series of three actors per period");
  AddAnalysisInputOptions(cmd, args->input);
  cmd->add_option("--period", args->period, "day, week, month, quarter or year")
      ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}))
      ->capture_default_str();
  cmd->add_flag("--normalize", args->normalize,
                "Divide sums by the period's event volume (all dyads)");
  cmd->add_option("--format", args->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->callback([args, &exit_code] { exit_code = RunSeries(*args); });
}

}  // namespace trigon::tools
