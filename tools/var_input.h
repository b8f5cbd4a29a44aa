#pragma once
// Shared by `trigon var`, `trigon simulate` and `trigon report`: the VAR
// options.  Fitting is pipeline::FitDyadVar, which the Python module calls
// too.

#include "pipeline/dyad_var.h"

namespace CLI {
class App;
}

namespace trigon::tools {

using VarSpecArgs = pipeline::VarSpec;
using pipeline::FitDyadVar;
using pipeline::FittedDyadVar;

// --period --lags --select --maxlags.
void AddVarSpecOptions(CLI::App* cmd, VarSpecArgs& args);

}  // namespace trigon::tools
