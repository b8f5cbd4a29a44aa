#include "var_input.h"

#include <CLI/CLI.hpp>

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

}  // namespace trigon::tools
