#pragma once
// ReportModel: everything the HTML report shows, as plain values.  The
// server::BuildReportModel (src/server/report_builder.h) fills it from the
// store and the analysis module for `trigon report` and `trigon serve`; the
// renderer (report_renderer.h) only draws it, so the page can be tested on
// a hand-built model without a database.  Strings hold raw, untrusted text
// (UTF-8); the renderer escapes all of it.

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace trigon::report {

// One event as evidence: what it is and where it was read.
struct EvidenceRow {
  int64_t event_id = 0;
  std::string date;  // YYYY-MM-DD
  std::string code;  // CAMEO or WEIS code
  double goldstein = 0;
  std::string modality;     // "asserted", ...
  std::string sentence;     // the sentence that states it; "" for imports
  std::string doc_title;    // document title, or the import file:line
  std::string doc_date;     // document date; "" if none
  std::string url;          // document URL as stored (linked only if http/s)
  std::string source_path;  // document source path or import file
};

// One directed dyad in one period.
struct SeriesCell {
  int64_t events = 0;
  double goldstein_sum = 0;
  double cooperation = 0;             // >= 0
  double conflict = 0;                // <= 0
  std::vector<EvidenceRow> top;       // up to 3, largest |Goldstein| first
  std::vector<EvidenceRow> evidence;  // capped, oldest first
  int64_t evidence_total = 0;         // events in the cell (evidence may hold fewer)
};

// One undirected pair of the triangle in one period.
struct PairView {
  int a = 0;  // actor indices into ReportModel::actors
  int b = 1;
  std::string status;  // "amity", "enmity", "neutral", "insufficient"
  double statistic = 0;
  int64_t events = 0;
};

struct PeriodView {
  std::string label;                 // "1973", "2022-03"
  std::string configuration;         // "romantic_triangle", ..., "indeterminate"
  int pivot = -1;                    // actor index, -1 if none
  std::array<std::string, 3> roles;  // role names by actor index
  std::string reason;                // why indeterminate; "" otherwise
  bool sparse = false;               // indeterminate with an insufficient pair
  std::array<PairView, 3> pairs;     // {A,B}, {A,C}, {B,C}
  std::array<SeriesCell, 6> cells;   // directed dyads, ReportModel::dyads order
};

struct VarDyadRow {
  std::string dyad;  // "USA->RUS"
  double routine_f = 0, routine_p = 1, routine_sum = 0;
  bool has_reciprocity = false;
  double reciprocity_f = 0, reciprocity_p = 1, reciprocity_sum = 0;
  bool has_triangularity = false;
  double triangularity_f = 0, triangularity_p = 1;
};

// A response path over horizons 0..H with an optional band.
struct Path {
  std::vector<double> value;
  std::vector<double> lower;  // empty: no band
  std::vector<double> upper;
};

struct VarView {
  bool estimated = false;
  std::string why_not;  // the library's refusal when !estimated
  std::string note;     // e.g. "maxlags lowered to 3 for 27 periods"
  int lags = 0;
  int nobs = 0;
  int periods = 0;
  int maxlags = 0;
  double bic = 0;
  bool stable = false;
  int bootstrap = 0;  // successful bootstrap refits behind the bands
  std::vector<VarDyadRow> dyads;
  // irf[shock][response]: orthogonalised response of series `response` to a
  // one-s.d. shock in series `shock` (both in ReportModel::dyads order).
  std::vector<std::vector<Path>> irf;
};

struct ScenarioView {
  bool requested = false;
  bool estimated = false;
  std::string name;     // "reverse-nixon"
  std::string shock;    // "USA->RUS +2 per period for 6 periods"
  std::string why_not;  // when !estimated
  int horizon = 0;
  int bootstrap = 0;
  // Effects (shocked - baseline) on the watched dyads, e.g. RUS->CHN and
  // CHN->RUS, with bands.
  std::vector<std::pair<std::string, Path>> effects;
  std::string before;  // configuration of the baseline projection
  std::string after;   // of the shocked projection
  std::array<std::string, 3> roles_before, roles_after;
  bool nash_stable = false;
  std::array<std::string, 3> best_responses;  // by actor, readable text
};

struct Count {
  std::string name;
  int64_t n = 0;
};

struct QualityView {
  int64_t documents = 0;
  int64_t sentences = 0;
  std::vector<Count> sentences_by_lang;
  std::vector<Count> documents_by_date_basis;
  std::vector<Count> events_by_modality;    // triad events, all modalities
  std::vector<Count> event_dates_by_basis;  // "text", "document", "none"
  int64_t near_duplicate_links = 0;
  std::vector<Count> links_by_kind;
  std::vector<Count> imported_by_origin;
  int64_t undated_events = 0;  // excluded: no full date
};

struct ReportModel {
  std::string title = "Trigon report";
  std::string database;
  std::array<std::string, 3> actors = {"USA", "RUS", "CHN"};
  std::string period = "month";
  std::vector<std::string> origins;  // of the loaded events
  std::string origin_filter;         // "all" or the requested list
  std::string input;                 // one-line description of the input
  int64_t events = 0;                // events behind the series
  std::string generated;             // ISO-8601 UTC time
  std::array<std::string, 6> dyads;  // "USA->RUS", ... (series order)
  std::vector<PeriodView> periods;   // oldest first
  VarView var;
  ScenarioView scenario;
  QualityView quality;
  int max_evidence = 0;  // cap per cell, 0 = none shown
};

}  // namespace trigon::report
