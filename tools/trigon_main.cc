// trigon: command-line entry point.  One file per verb (*_command.cc); this
// file only wires them into CLI11 and maps errors to exit codes.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <exception>

int main(int argc, char** argv) {
  CLI::App app{"Trigon: political event data from news, and the strategic triangle"};
  app.require_subcommand(1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    fmt::print(stderr, "trigon: internal error: {}\n", e.what());
    return 70;
  }
  return 0;
}
