#pragma once
// The numbers of `trigon report`, built from a database: the triad's
// events (pipeline::LoadAnalysisInput), the dyad series, the triangle per period and, on request, the
// evidence rows, the VAR, a scenario and the data-quality panel, as a
// report::ReportModel.  `trigon report` renders the model to a page; the
// dashboard (`trigon serve`) serves the same model as JSON, so the two
// always show the same numbers.
//
// Thread-safety: as store::Database (one thread at a time per handle).

#include <string>

#include "analysis/period.h"
#include "analysis/series.h"
#include "analysis/triangle.h"
#include "base/result.h"
#include "report/report_model.h"
#include "pipeline/analysis_input.h"

namespace trigon::store {
class Database;
}

namespace trigon::server {

// The triad's events aggregated and classified: what every view starts
// from.  series.rows and triangle.periods are aligned.
struct TriadAnalysis {
  pipeline::AnalysisInput input;
  analysis::Period period = analysis::Period::kMonth;
  analysis::DyadSeries series;
  analysis::TriangleSeries triangle;
};

// Errors: bad selection (InvalidArgument), database errors, the analysis
// library's refusals (e.g. ResourceExhausted for too many periods).
// selection.db is not used: the events come from `db`.
Result<TriadAnalysis> AnalyseTriad(store::Database& db,
                                   const pipeline::AnalysisSelection& selection,
                                   analysis::Period period,
                                   const analysis::TriangleOptions& triangle_options,
                                   int64_t max_periods = analysis::SeriesOptions{}.max_periods);

struct ReportOptions {
  // Which events (selection.db is not used: the events come from the
  // Database handle).
  pipeline::AnalysisSelection selection;
  analysis::Period period = analysis::Period::kMonth;
  // Neutral band and minimum events of the triangle (TriangleOptions).
  double band = 0.5;
  double min_events = 3;
  // Refuse (ResourceExhausted) more periods than this.  Default as
  // SeriesOptions::max_periods.
  int64_t max_periods = analysis::SeriesOptions{}.max_periods;
  // Shown in the summary; the caller's choice of label for the database.
  std::string database_label;
  // ISO-8601 UTC time of generation, shown in the summary (the library
  // does not read the clock).
  std::string generated;
  // Evidence rows per cell (oldest first) and the top 3 events per cell.
  // Default true.  When false, cells carry only their totals.
  bool with_evidence = true;
  int max_evidence = 20;  // cap on evidence rows per cell
  // The VAR (lags by BIC, maxlags 4, 200 bootstrap draws).  Default true.
  bool with_var = true;
  // "" or "reverse-nixon" (needs with_var).
  std::string scenario;
  // The data-quality panel.  Default true.
  bool with_quality = true;
};

// Errors: as AnalyseTriad; database errors while reading evidence or
// quality.  A VAR or scenario that cannot be estimated is not an error:
// the model says why (VarView::why_not).
Result<report::ReportModel> BuildReportModel(store::Database& db, const ReportOptions& options);

}  // namespace trigon::server
