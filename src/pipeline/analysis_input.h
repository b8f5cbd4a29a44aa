#pragma once
// The input of the analytics (series, triangle, VAR, scenarios): which
// stored events among three actors, loaded as analysis::DyadEvent rows.
// Shared by the CLI verbs and the Python module so both count the same
// events the same way.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analysis/dyad_event.h"
#include "analysis/series.h"
#include "base/result.h"
#include "store/event_repository.h"

namespace trigon::store {
class Database;
}

namespace trigon::pipeline {

// Which events feed an analysis.
struct AnalysisSelection {
  std::string db = "trigon.db";
  std::string actors = "USA,RUS,CHN";  // three different codes, comma-separated
  std::vector<std::string> origins;    // empty: all
  bool all_modalities = false;         // default: asserted only
  std::string from;                    // YYYY-MM-DD, inclusive; "" = open
  std::string to;
  bool story_weighting = false;  // count each near-duplicate story once
};

struct AnalysisInput {
  analysis::Triad triad;
  std::vector<analysis::DyadEvent> events;  // source/target = countries
  int64_t undated = 0;                      // stored without a full date: excluded
  std::vector<std::string> origins;         // origins of the loaded events
  std::vector<std::string> origin_filter;   // as requested ("" = all)
  analysis::SeriesOptions series_options;   // modality, stories, from/to
};

// "USA,RUS,CHN" -> the triad.  InvalidArgument unless three different,
// non-empty codes.
Result<analysis::Triad> ParseTriad(const std::string& actors);

// Opens selection.db read-only and loads the selected events.
// Errors: bad actors or dates (InvalidArgument), database (IOError...).
Result<AnalysisInput> LoadAnalysisInput(const AnalysisSelection& selection);
// The same from an open database.
Result<AnalysisInput> LoadAnalysisInput(store::Database& db, const AnalysisSelection& selection);

// Events already selected by the caller (e.g. an EventRepository::Query
// result) as analysis input for `triad`: no further filtering by actor,
// origin or modality -- every row given is counted (rows outside the triad
// only in the period volume).  `story_of` maps a document to its story
// representative (EventRepository::StoryGroups); empty: each document is
// its own story.  series_options: every modality, stories not weighted
// (the caller adjusts them).
AnalysisInput AnalysisInputFromEvents(const std::vector<store::StoredEvent>& rows,
                                      const analysis::Triad& triad,
                                      const std::map<std::string, std::string>& story_of = {});

// "origins: csv (filter: all); 12222 events; 0 without a full date
// excluded; modality: asserted".
std::string DescribeInput(const AnalysisInput& input, const AnalysisSelection& selection);

// "USA->RUS" for directed dyad i of the triad.
std::string DyadLabel(const analysis::Triad& triad, int i);

}  // namespace trigon::pipeline
