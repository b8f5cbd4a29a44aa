#pragma once
// Shared by the analytics verbs (series, triangle, var, simulate, report):
// the options that select events from the database.  Loading them is
// pipeline::LoadAnalysisInput, which the Python module calls too.

#include "pipeline/analysis_input.h"

namespace CLI {
class App;
}

namespace trigon::tools {

using AnalysisInputArgs = pipeline::AnalysisSelection;
using pipeline::AnalysisInput;
using pipeline::DescribeInput;
using pipeline::DyadLabel;
using pipeline::LoadAnalysisInput;

// --db --actors --origin --all-modalities --from --to --story-weighting.
void AddAnalysisInputOptions(CLI::App* cmd, AnalysisInputArgs& args);

}  // namespace trigon::tools
