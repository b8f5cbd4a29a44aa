// trigon: command-line entry point.  One file per verb (*_command.cc); this
// file only wires them into CLI11 and maps errors to exit codes.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <exception>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "Trigon: political event data from English and Chinese news, and the "
      "US-China-Russia strategic triangle"};
  app.require_subcommand(1);
  int exit_code = trigon::tools::kExitOk;
  trigon::tools::AddIngestCommand(app, exit_code);
  trigon::tools::AddDocsCommand(app, exit_code);
  trigon::tools::AddSentencesCommand(app, exit_code);
  trigon::tools::AddSummaryCommand(app, exit_code);
  trigon::tools::AddCodeCommand(app, exit_code, argv[0]);
  trigon::tools::AddExplainCommand(app, exit_code, argv[0]);
  trigon::tools::AddImportCommand(app, exit_code, argv[0]);
  trigon::tools::AddSeriesCommand(app, exit_code);
  trigon::tools::AddTriangleCommand(app, exit_code);
  trigon::tools::AddVarCommand(app, exit_code);
  trigon::tools::AddSimulateCommand(app, exit_code);
  trigon::tools::AddReportCommand(app, exit_code);
  trigon::tools::AddServeCommand(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    fmt::print(stderr, "trigon: internal error: {}\n", e.what());
    return trigon::tools::kExitInternal;
  }
  return exit_code;
}
