#pragma once
// Renders a ReportModel as one self-contained HTML page: inline CSS, inline
// SVG, one small inline script (expand/collapse of the evidence tables), no
// external resources.  All model text is escaped (html_escape.h); links
// only for http(s) URLs.
//
// Stable hooks for tests and browsers (docs/report.md): sections
// #summary #triangles #timeline #series #var #scenario #evidence #quality;
// svg.triangle (one per period), svg.series-chart (one per directed dyad),
// svg.irf-chart, details.evidence[data-dyad][data-period], tr.ev-row.
//
// Thread-safety: pure function of the model.

#include <string>

#include "report/report_model.h"

namespace trigon::report {

// The id of the only <script> block the page contains.
inline constexpr char kScriptId[] = "trigon-report-js";

std::string RenderReport(const ReportModel& model);

}  // namespace trigon::report
