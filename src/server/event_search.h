#pragma once
// Event search and drill-down for the dashboard: the filters of
// GET /api/events (docs/dashboard.md) over the stored events, with the
// sentence and document title of each row.  A drill-down (a period label,
// optionally one directed dyad) starts from exactly the event ids of the
// series cells that the report counts, so a cell's total and its list of
// events always agree.
//
// The store filters by date range, origin and modality; the rest (actor
// prefixes, code, root, language, free text, ids) is applied in memory.
//
// Thread-safety: as store::Database (one thread at a time per handle).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/series.h"
#include "base/result.h"
#include "server/api_params.h"
#include "store/event_repository.h"

namespace trigon::store {
class Database;
}

namespace trigon::server {

struct EventQuery {
  // Each empty string: no filter.  Values already validated (api_params.h).
  std::string actor;   // prefix of the source or the target actor code
  std::string source;  // prefix of the source actor code
  std::string target;  // prefix of the target actor code
  std::string code;    // exact event code
  std::string root;    // CAMEO root
  std::string from;    // YYYY-MM-DD, inclusive (full event dates only)
  std::string to;
  std::string lang;
  std::string modality;
  std::string text;                  // case-insensitive (ASCII) substring
  std::vector<std::string> origins;  // empty: all
  // Drill-down: the cells of `period` (all six, or only `dyad`, an index
  // into analysis::kDirectedDyads) for `actors`.
  std::optional<PeriodSpan> period;
  std::optional<int> dyad;
  analysis::Triad actors = {"USA", "RUS", "CHN"};
  int64_t limit = kDefaultLimit;
  int64_t offset = 0;
};

struct EventRow {
  store::StoredEvent stored;  // evidence filled by FindEvent only
  std::string sentence;       // "" for imported events
  std::string doc_title;
  std::string doc_date;
};

struct EventPage {
  int64_t total = 0;  // matches before offset/limit
  std::vector<EventRow> rows;
};

// Errors: database errors; the analysis library's refusals on drill-down.
Result<EventPage> SearchEvents(store::Database& db, const EventQuery& query);

// One event with its evidence; nullopt when no event has this id.
Result<std::optional<EventRow>> FindEvent(store::Database& db, int64_t id);

}  // namespace trigon::server
