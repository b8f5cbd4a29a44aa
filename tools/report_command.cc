// trigon report: one self-contained HTML page with the triangle per period,
// the dyad series, the VAR findings, an optional scenario, the evidence
// behind every number and a data-quality panel.  The model is built by
// server::BuildReportModel (shared with `trigon serve`, so the dashboard
// shows the same numbers); the page is drawn by src/report (docs/report.md).
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>
#include <fstream>
#include <memory>
#include <string>

#include "analysis/period.h"
#include "analysis_input.h"
#include "commands.h"
#include "report/report_renderer.h"
#include "server/report_builder.h"
#include "store/database.h"

namespace trigon::tools {
namespace {

struct ReportArgs {
  AnalysisInputArgs input;
  std::string period = "month";
  std::string out = "report.html";
  std::string scenario;  // "" or "reverse-nixon"
  int max_evidence = 20;
  double band = 0.5;
  double min_events = 3;
};

std::string UtcNow() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int Fail(const Status& s) {
  fmt::print(stderr, "trigon report: {}\n", s.ToString());
  return s.code() == StatusCode::kInvalidArgument ? kExitPartial : kExitFailure;
}

int RunReport(const ReportArgs& args) {
  auto period = analysis::ParsePeriod(args.period);
  if (!period.ok()) return Fail(period.status());

  server::ReportOptions options;
  options.selection = args.input;
  options.period = *period;
  options.band = args.band;
  options.min_events = args.min_events;
  options.database_label = args.input.db;
  options.generated = UtcNow();
  options.max_evidence = args.max_evidence;
  options.scenario = args.scenario;

  store::StoreOptions so;
  so.read_only = true;
  auto db = store::Database::Open(args.input.db, so);
  if (!db.ok()) return Fail(db.status().WithContext("cannot open database " +
                                                  store::DisplayLocation(args.input.db)));
  auto model = server::BuildReportModel(**db, options);
  if (!model.ok()) return Fail(model.status());
  const report::ReportModel& m = *model;

  const std::string html = report::RenderReport(m);
  std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
  out << html;
  out.close();
  if (!out) {
    fmt::print(stderr, "trigon report: cannot write {}\n", args.out);
    return kExitFailure;
  }
  fmt::print("wrote {} ({} periods, {} events, VAR {}{})\n", args.out, m.periods.size(), m.events,
             m.var.estimated ? "estimated" : "not estimated",
             m.scenario.requested ? std::string(", scenario ") +
                                        (m.scenario.estimated ? "simulated" : "not simulated")
                                  : std::string());
  return kExitOk;
}

}  // namespace

void AddReportCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand("report",
                                     "Write a self-contained HTML report: "
                                     "triangle, series, VAR, evidence, quality");
  AddAnalysisInputOptions(cmd, args->input);
  cmd->add_option("--period", args->period, "day, week, month, quarter or year")
      ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}))
      ->capture_default_str();
  cmd->add_option("--out", args->out, "Output HTML file")->capture_default_str();
  cmd->add_option("--scenario", args->scenario, "Also simulate a scenario: reverse-nixon")
      ->check(CLI::IsMember({"reverse-nixon"}));
  cmd->add_option("--max-evidence", args->max_evidence, "Events shown per dyad and period")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--band", args->band, "Half-width of the neutral band (mean Goldstein)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--min-events", args->min_events, "Fewer events in a pair: insufficient")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->callback([args, &exit_code] { exit_code = RunReport(*args); });
}

}  // namespace trigon::tools
