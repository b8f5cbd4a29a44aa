#pragma once
// Shared by the analytics verbs (series, triangle, var, simulate): the
// options that select events from the database, and loading them as
// analysis::DyadEvent rows.

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/dyad_event.h"
#include "analysis/series.h"
#include "base/result.h"

namespace CLI {
class App;
}

namespace trigon::tools {

struct AnalysisInputArgs {
  std::string db = "trigon.db";
  std::string actors = "USA,RUS,CHN";
  std::vector<std::string> origins;  // empty: all
  bool all_modalities = false;       // default: asserted only
  std::string from;                  // YYYY-MM-DD, inclusive; "" = open
  std::string to;
  bool story_weighting = false;
};

// --db --actors --origin --all-modalities --from --to --story-weighting.
void AddAnalysisInputOptions(CLI::App* cmd, AnalysisInputArgs& args);

struct AnalysisInput {
  analysis::Triad triad;
  std::vector<analysis::DyadEvent> events;  // source/target = countries
  int64_t undated = 0;                      // stored without a full date: excluded
  std::vector<std::string> origins;         // origins of the loaded events
  std::vector<std::string> origin_filter;   // as requested ("" = all)
  analysis::SeriesOptions series_options;   // modality, stories, from/to
};

// Errors: bad --actors or dates (InvalidArgument), database (IOError...).
Result<AnalysisInput> LoadAnalysisInput(const AnalysisInputArgs& args);

// "origins: csv (filter: all); 12222 events; 0 without a full date
// excluded; modality: asserted".
std::string DescribeInput(const AnalysisInput& input, const AnalysisInputArgs& args);

// "USA->RUS" for directed dyad i of the triad.
std::string DyadLabel(const analysis::Triad& triad, int i);

}  // namespace trigon::tools
